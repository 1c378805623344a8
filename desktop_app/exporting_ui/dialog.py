"""File → Export…: choose the events (all, the selection, a tag, the current filter), a format
and its options, see the first entries as the file will have them, then export or copy the
bibliography to the clipboard as rich text."""
from __future__ import annotations

from contextlib import closing
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtGui import QFontDatabase, QGuiApplication, QPixmap
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QMessageBox, QPlainTextEdit,
                               QScrollArea, QSpinBox, QStackedWidget, QTextBrowser, QVBoxLayout)

from db.entities import tag_names
from db.errors import SourcelineError
from db.events import count_events
from db.store import open_project, read_snapshot
from desktop_app.background_job import BackgroundJob
from desktop_app.exporting.citation_lists import DEFAULT_STYLE
from desktop_app.exporting.exports import MAP_PICTURE_FORMATS, PREVIEW_COUNT, ExportOptions, export_file, preview
from desktop_app.exporting.selection import ExportCancelled, Selection, describe, event_count, source_ids
from desktop_app.exporting_ui.choices import CHOICES, FormatChoice, WindowState
from desktop_app.exporting_ui import file_suffix
from desktop_app.exporting_ui.clipboard import copy_bibliography
from desktop_app.exporting_ui.pdf import write_chronology_pdf
from desktop_app.exporting_ui.map_picture import render_map_image, write_map_picture
from desktop_app.exporting_ui.picture import PictureRequest, render_image, write_picture
from desktop_app.formats import bibliography
from desktop_app.reliability.literal_text import literal

PREVIEW_DELAY_MS = 200
PREVIEW_PICTURE_WIDTH = 960
MAX_SELECTED = 30_000
LANE_LABELS = (("none", "No lanes"), ("tag", "Lanes by tag"), ("entity", "Lanes by entity"))


class ExportDialog(QDialog):
    def __init__(self, session, state: WindowState = WindowState(), parent=None):
        super().__init__(parent)
        self.session = session
        self.state = state
        self.setWindowTitle("Export")
        self.last_written: Path | None = None
        self._writing = False

        self.scope = QComboBox()
        self.scope.setAccessibleName("Events to export")
        total = count_events(session.db)
        self.scope.addItem(f"All events ({total:,})", "all")
        if state.selected:
            self.scope.addItem(f"Selected events ({len(state.selected):,})", "selected")
            if len(state.selected) > MAX_SELECTED:
                # Ids go into one SQL statement, and SQLite caps its parameters (32,766 by default).
                self.scope.setItemText(self.scope.count() - 1, f"Selected events ({len(state.selected):,}: "
                                                               "too many, use a filter)")
                self.scope.model().item(self.scope.count() - 1).setEnabled(False)
        if not state.where.is_empty:
            self.scope.addItem(f"Current filter: {describe(state.where)}", "filter")
        tags = tag_names(session.db)
        if tags:
            self.scope.addItem("Events with the tag…", "tag")
        self.tag = QComboBox()
        self.tag.addItems(tags)
        self.tag.setAccessibleName("Tag")
        self.all_sources = QCheckBox("Every source of the project, not only the cited ones")
        self.format = QComboBox()
        for choice in CHOICES:
            self.format.addItem(choice.label, choice)
        self.style = QComboBox()
        self.style.addItems(list(bibliography.STYLES))
        self.style.setCurrentText(DEFAULT_STYLE)
        self.lanes = QComboBox()
        for mode, label in LANE_LABELS:
            self.lanes.addItem(label, mode)
        self.lanes.setCurrentIndex(max(0, self.lanes.findData(state.lanes)))
        self.width = QSpinBox(minimum=320, maximum=8000, singleStep=160, value=1920, suffix=" px")

        form = QFormLayout()
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.scope, 1)
        scope_row.addWidget(self.tag)
        scope_label = QLabel("&Events:")
        scope_label.setBuddy(self.scope)
        form.addRow(scope_label, scope_row)
        form.addRow("", self.all_sources)
        form.addRow("&Format:", self.format)
        form.addRow("Citation &style:", self.style)
        form.addRow("&Lanes:", self.lanes)
        form.addRow("&Width:", self.width)
        self._form = form

        self.preview_title = QLabel()
        self.text_preview = QPlainTextEdit(readOnly=True)
        self.text_preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text_preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.rich_preview = QTextBrowser()
        self.rich_preview.setOpenLinks(False)  # a preview, not a browser
        self.picture_preview = QLabel(alignment=Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.picture_scroll = QScrollArea(widgetResizable=True)
        self.picture_scroll.setWidget(self.picture_preview)
        self.previews = QStackedWidget()
        for widget in (self.text_preview, self.rich_preview, self.picture_scroll):
            self.previews.addWidget(widget)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton("&Copy Bibliography", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setToolTip("Copy the formatted bibliography of these sources, ready to paste into a document")
        self.export_button = buttons.addButton("&Export…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_bibliography)
        self.export_button.clicked.connect(self.choose_file_and_export)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview_title)
        layout.addWidget(self.previews, 1)
        layout.addWidget(buttons)
        self.resize(900, 680)

        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        for combo in (self.scope, self.tag, self.format, self.style, self.lanes):
            combo.currentIndexChanged.connect(self._options_changed)
        self.all_sources.toggled.connect(self._options_changed)
        self.width.valueChanged.connect(self._options_changed)
        if not state.where.is_empty:
            self.scope.setCurrentIndex(self.scope.findData("filter"))
        elif 0 < len(state.selected) <= MAX_SELECTED:
            self.scope.setCurrentIndex(self.scope.findData("selected"))
        self._options_changed()

    # -- what is asked for -------------------------------------------------------------------

    def choice(self) -> FormatChoice:
        return self.format.currentData()

    def selection(self) -> Selection:
        scope = self.scope.currentData()
        all_sources = self.all_sources.isChecked()
        if scope == "selected":
            chosen = Selection.of_events(self.state.selected)
        elif scope == "filter":
            chosen = Selection.of_filter(self.state.where)
        elif scope == "tag" and self.tag.currentText():
            chosen = Selection.of_tag(self.tag.currentText())
        else:
            chosen = Selection()
        return Selection(chosen.where, all_sources, description=chosen.description)

    def options(self) -> ExportOptions:
        choice = self.choice()
        heading = {"chronology": "Chronology", "bibliography": "References"}.get(choice.fmt, "Timeline")
        return ExportOptions(title=f"{heading} — {self.session.path.stem}", style=self.style.currentText(),
                             bib_format=choice.document or "plain", document=choice.document or "markdown",
                             lanes=self.lanes.currentData())

    def picture_request(self, width: int) -> PictureRequest:
        selection = self.selection()
        # The period in view when exporting what the timeline shows; every matching event otherwise.
        view = self.state.view if self.scope.currentData() in ("all", "filter") else None
        return PictureRequest(where=selection.where, start_s=view[0] if view else None,
                              end_s=view[1] if view else None, width_px=width, lanes=self.lanes.currentData(),
                              title=self.options().title, style=self.style.currentText())

    def _options_changed(self, *_) -> None:
        choice = self.choice()
        self.tag.setVisible(self.scope.currentData() == "tag")
        for widget, shown in ((self.all_sources, choice.lists_sources), (self.style, choice.uses_style),
                              (self.lanes, choice.uses_lanes), (self.width, choice.is_picture)):
            self._form.setRowVisible(widget, shown)
        self._timer.start()

    def done(self, result: int) -> None:
        self._timer.stop()  # a closed dialog previews nothing (its project may close next)
        super().done(result)

    # -- preview -------------------------------------------------------------------------------

    def refresh_preview(self) -> None:
        self._timer.stop()
        choice = self.choice()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if choice.is_picture:
                self.preview_title.setText("Preview of the picture")
                render = render_map_image if choice.fmt in MAP_PICTURE_FORMATS else render_image
                image = render(self.session.db, self.picture_request(PREVIEW_PICTURE_WIDTH))
                self.previews.setCurrentIndex(2)
                fit = self.picture_scroll.viewport().width() - 2
                self.picture_preview.setPixmap(QPixmap.fromImage(image).scaledToWidth(
                    min(fit, image.width()), Qt.TransformationMode.SmoothTransformation))
                return
            if choice.lists_sources:
                self.preview_title.setText(f"Preview of the first {PREVIEW_COUNT} sources")
            else:
                count = event_count(self.session.db, self.selection())
                self.preview_title.setText(f"Preview of the first {PREVIEW_COUNT} of {count:,} events"
                                           if count > PREVIEW_COUNT else
                                           f"Preview of all {count:,} event{'s' if count != 1 else ''}")
            options = self.options()
            if choice.document == "pdf":
                options = replace(options, document="html")
            text = preview(self.session.db, choice.fmt, self.selection(), options)
            if choice.document in ("pdf", "html"):
                # Shown as it will read: our own escaped HTML (the PDF's layout), or pandoc's, which
                # escapes the sources' text; the browser follows no link and loads nothing.
                self.rich_preview.setHtml(text)
                self.previews.setCurrentIndex(1)
            else:
                things = "sources" if choice.lists_sources else "events"
                self.text_preview.setPlainText(text or f"(no {things} to export)")
                self.previews.setCurrentIndex(0)
        except (SourcelineError, RuntimeError) as error:
            self.text_preview.setPlainText(f"Cannot preview: {error}")
            self.previews.setCurrentIndex(0)
        finally:
            QApplication.restoreOverrideCursor()

    def preview_text(self) -> str:
        return self.text_preview.toPlainText()

    # -- export ----------------------------------------------------------------------------------

    def choose_file_and_export(self) -> None:
        choice = self.choice()
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"{self.session.path.stem}{choice.suffix}")
        path, _ = QFileDialog.getSaveFileName(self, "Export", suggested, choice.file_filter)
        if path:
            self.export_as(path)

    def export_as(self, typed) -> BackgroundJob | None:
        """Export to the file name the user typed: its suffix chooses the format when it names one
        of the same kind (``chronology.pdf``: the PDF chronology), a suffix of another kind is
        asked about, none gets the chosen format's. None when the user cancels."""
        resolved = file_suffix.resolve(typed, self.choice())
        choice = resolved.choice or self._ask_format(resolved)
        if choice is None:
            return None
        self.format.setCurrentIndex(CHOICES.index(choice))
        path = resolved.path
        if path.suffix.lower() != choice.suffix:
            path = path.with_name(path.name + choice.suffix)
        return self.export_to(path)

    def _ask_format(self, resolved: file_suffix.Resolution) -> FormatChoice | None:
        chosen, name = self.choice(), resolved.path.name
        box = QMessageBox(QMessageBox.Icon.Question, "Export",
                          f"“{name}” is the name of another kind of file than {chosen.label}. "
                          "Which do you want to write?", parent=self)
        answers = {box.addButton(f"{c.label} ({name})", QMessageBox.ButtonRole.AcceptRole): c
                   for c in resolved.candidates}
        answers[box.addButton(f"{chosen.label} ({name}{chosen.suffix})", QMessageBox.ButtonRole.AcceptRole)] = chosen
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return answers.get(box.clickedButton())

    def export_to(self, path) -> BackgroundJob:
        """Write the export to ``path`` in a worker thread, with a progress dialog that can cancel.
        Returns the job: its ``ended`` comes after the outcome is shown (a warning on failure; on
        success ``last_written`` is set and the window's status bar says so)."""
        path = Path(path)
        write = self._writer(path)
        project = self.session.path

        def work(report, cancelled) -> Path:
            with closing(open_project(project)) as db:
                # One read transaction: a long export's pages all come from the same state of the project.
                read_snapshot(db)
                write(db, report)
            return path

        # RuntimeError too: pandoc failing to format the citations is reported, not a bug.
        job = BackgroundJob(work, "Export", f"Exporting {path.name}…", ExportCancelled, self,
                            reported=(SourcelineError, RuntimeError))
        # Methods, not lambdas holding the dialog: a job deleted with the last reference to its
        # dialog would delete the dialog, and so itself, a second time.
        job.finished.connect(self._exported)
        job.failed.connect(self._export_failed)
        job.cancelled.connect(self._export_cancelled)
        job.ended.connect(self._export_ended)
        job.ended.connect(job.deleteLater)
        self.export_button.setEnabled(False)
        self._writing = True
        job.start()
        return job

    def is_exporting(self) -> bool:
        return self._writing

    def _writer(self, path: Path):
        """What the worker runs on its own connection: everything read from the widgets here, on
        the GUI thread. Only QImage, QPdfWriter, QSvgGenerator and QTextDocument are drawn on there."""
        choice = self.choice()
        if choice.is_picture:
            request = self.picture_request(self.width.value())
            write = write_map_picture if choice.fmt in MAP_PICTURE_FORMATS else write_picture
            return lambda db, report: write(path, db, choice.fmt, request, progress=report)
        selection, options = self.selection(), self.options()
        if choice.document == "pdf":
            return lambda db, report: write_chronology_pdf(path, db, selection, options, report)
        return lambda db, report: export_file(path, db, choice.fmt, selection, options, report)

    def _exported(self, path: Path) -> None:
        self.last_written = path
        self._tell(f"Exported {path.name}")

    def _export_failed(self, message: str) -> None:
        QMessageBox.warning(self, "Export failed", literal(message))

    def _export_cancelled(self) -> None:
        self._tell("Export cancelled; no file was written.")

    def _export_ended(self) -> None:
        self._writing = False
        self.export_button.setEnabled(True)

    def _tell(self, message: str) -> None:
        parent = self.parent()
        if parent is not None and hasattr(parent, "statusBar"):
            parent.statusBar().showMessage(message, 8_000)

    def copy_bibliography(self) -> None:
        selection = self.selection()
        ids = source_ids(self.session.db, selection)
        if not ids:
            QMessageBox.information(self, "Copy Bibliography", "These events cite no sources.")
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            copy_bibliography(self.session.db, ids, self.style.currentText(), QGuiApplication.clipboard())
        finally:
            QApplication.restoreOverrideCursor()
        self.preview_title.setText(f"Copied the bibliography of {len(ids):,} source{'s' if len(ids) != 1 else ''}")
