"""A picture to look at and mark: fitted to the view or zoomed, and regions — rectangles dragged
over it — drawn in their highlight colours.

The scene's coordinates are the picture's own pixels, turned upright by its EXIF orientation,
whatever size it is shown at; a region drawn here is in those pixels, as the store keeps it.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QGraphicsPixmapItem, QGraphicsRectItem, QGraphicsScene, QGraphicsView

from desktop_app.reader import colors

MIN_SCALE, MAX_SCALE = 0.02, 16.0
ZOOM_STEP = 1.25
_MIN_DRAG_PIXELS = 4  # on screen: a shorter drag is a click
_REGION_ID = 0  # QGraphicsItem data key: the annotation a region item draws


@dataclass(frozen=True)
class RegionMark:
    annotation_id: int
    x: int
    y: int
    width: int
    height: int
    color: str
    chosen: bool = False


class ImageView(QGraphicsView):
    region_drawn = Signal(int, int, int, int)  # x, y, width, height in the picture's pixels
    region_clicked = Signal(object)  # the annotation id of the region clicked, or None
    zoom_changed = Signal(float)  # the scale: shown pixels per picture pixel

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName("Picture")
        self.setAccessibleDescription("The source's picture: drag over it to highlight a region; Ctrl+wheel zooms")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform | QPainter.RenderHint.Antialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setMouseTracking(False)
        self.setScene(QGraphicsScene(self))
        self._picture: QGraphicsPixmapItem | None = None
        self._size = (0, 0)
        self._fitting = True
        self._regions: list[QGraphicsRectItem] = []
        self._marks: list[RegionMark] = []
        self._drag_start: QPointF | None = None
        self._press_at = None
        self._rubber: QGraphicsRectItem | None = None

    # -- the picture --------------------------------------------------------------------------

    def set_picture(self, image: QImage, width: int, height: int) -> None:
        """Show ``image`` as a picture of ``width`` × ``height`` pixels (it may be a smaller copy)."""
        self.clear_picture()
        self._picture = QGraphicsPixmapItem(QPixmap.fromImage(image))
        self._picture.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        if image.width() and image.width() != width:
            self._picture.setScale(width / image.width())
        self.scene().addItem(self._picture)
        self._size = (width, height)
        self.scene().setSceneRect(QRectF(0, 0, width, height))
        self.fit()

    def clear_picture(self) -> None:
        self.scene().clear()
        self._picture, self._regions, self._rubber, self._size = None, [], None, (0, 0)

    def picture_size(self) -> tuple[int, int]:
        return self._size

    # -- zoom -----------------------------------------------------------------------------------

    def scale_factor(self) -> float:
        return self.transform().m11()

    def fit(self) -> None:
        """The whole picture in the view (never enlarged past its own size)."""
        self._fitting = True
        if self._picture is None:
            return
        self.resetTransform()
        width, height = self._size
        view = self.viewport().rect()
        if width and height and view.width() > 2 and view.height() > 2:
            scale = min(view.width() / width, view.height() / height, 1.0)
            self.scale(scale, scale)
        self.zoom_changed.emit(self.scale_factor())

    def set_scale(self, scale: float) -> None:
        self._fitting = False
        scale = min(MAX_SCALE, max(MIN_SCALE, scale))
        self.setTransform(self.transform().fromScale(scale, scale))
        self.zoom_changed.emit(self.scale_factor())

    def zoom_in(self) -> None:
        self.set_scale(self.scale_factor() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_scale(self.scale_factor() / ZOOM_STEP)

    def resizeEvent(self, event):  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self._fitting:
            self.fit()

    def wheelEvent(self, event):  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.angleDelta().y():
            (self.zoom_in if event.angleDelta().y() > 0 else self.zoom_out)()
            event.accept()
            return
        super().wheelEvent(event)

    # -- regions --------------------------------------------------------------------------------

    def set_regions(self, marks: list[RegionMark]) -> None:
        for item in self._regions:
            self.scene().removeItem(item)
        self._regions, self._marks = [], list(marks)
        if self._picture is None:
            return
        for mark in marks:
            item = QGraphicsRectItem(QRectF(mark.x, mark.y, mark.width, mark.height))
            pen = QPen(colors.strong(mark.color), 3 if mark.chosen else 2)
            pen.setCosmetic(True)  # as thick at any zoom
            if mark.chosen:
                pen.setStyle(Qt.PenStyle.DashLine)
            fill = QColor(colors.strong(mark.color))
            fill.setAlpha(90 if mark.chosen else 55)
            item.setPen(pen)
            item.setBrush(QBrush(fill))
            item.setData(_REGION_ID, mark.annotation_id)
            item.setZValue(2 if mark.chosen else 1)
            self.scene().addItem(item)
            self._regions.append(item)

    def marks(self) -> list[RegionMark]:
        return list(self._marks)

    def show_region(self, annotation_id: int) -> None:
        mark = next((m for m in self._marks if m.annotation_id == annotation_id), None)
        if mark is not None:
            self.ensureVisible(QRectF(mark.x, mark.y, mark.width, mark.height), 24, 24)

    def region_at(self, position) -> int | None:
        """The annotation of the smallest region under a viewport position."""
        point = self.mapToScene(position)
        under = [m for m in self._marks if m.x <= point.x() <= m.x + m.width and m.y <= point.y() <= m.y + m.height]
        smallest = min(under, key=lambda m: m.width * m.height, default=None)
        return smallest.annotation_id if smallest else None

    # -- drawing a region by dragging -------------------------------------------------------------

    def mousePressEvent(self, event):  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton or self._picture is None:
            super().mousePressEvent(event)
            return
        self._press_at = event.position().toPoint()
        self._drag_start = self._clamped(self.mapToScene(self._press_at))
        event.accept()

    def mouseMoveEvent(self, event):  # noqa: N802
        if self._drag_start is None:
            super().mouseMoveEvent(event)
            return
        if self._rubber is None:
            if (event.position().toPoint() - self._press_at).manhattanLength() < _MIN_DRAG_PIXELS:
                return
            self._rubber = QGraphicsRectItem()
            pen = QPen(self.palette().highlight().color(), 2, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            self._rubber.setPen(pen)
            self._rubber.setZValue(3)
            self.scene().addItem(self._rubber)
        self._rubber.setRect(QRectF(self._drag_start, self._clamped(self.mapToScene(event.position().toPoint())))
                             .normalized())
        event.accept()

    def mouseReleaseEvent(self, event):  # noqa: N802
        if self._drag_start is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        rubber, self._rubber, self._drag_start = self._rubber, None, None
        if rubber is None:
            self.region_clicked.emit(self.region_at(event.position().toPoint()))
        else:
            rect = rubber.rect()
            self.scene().removeItem(rubber)
            x, y = round(rect.left()), round(rect.top())
            width, height = round(rect.right()) - x, round(rect.bottom()) - y
            if width > 0 and height > 0:
                self.region_drawn.emit(x, y, width, height)
        event.accept()

    def _clamped(self, point: QPointF) -> QPointF:
        width, height = self._size
        return QPointF(min(max(point.x(), 0.0), width), min(max(point.y(), 0.0), height))
