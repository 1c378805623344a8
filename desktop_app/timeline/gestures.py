"""What a press of the left button on the canvas becomes: a click, a pan, or the move of a
day-dated event by whole days (previewed while dragging, written only on release)."""
from __future__ import annotations

from dataclasses import dataclass

from db.dates import DAY
from desktop_app.dates.render import in_words_or_raw
from desktop_app.timeline.moving import movable, shifted_date
from desktop_app.timeline.painting import DragPreview
from desktop_app.timeline.scene import Item
from desktop_app.timeline.viewport import Viewport


@dataclass
class Press:
    x: float
    y: float
    item: Item | None  # what was under the pointer
    viewport: Viewport  # when pressed: a pan is measured from it
    gesture: str | None = None  # None while it is still a click, then "pan" or "move"
    days: int = 0  # how far a move has gone

    def follow(self, x: float, y: float, threshold: float) -> str | None:
        """The pointer is now at (x, y): decide (once past ``threshold`` pixels) and track."""
        if self.gesture is None:
            if abs(x - self.x) + abs(y - self.y) < threshold:
                return None
            self.gesture = "move" if self.item is not None and movable(self.item.event["date_edtf"]) else "pan"
        if self.gesture == "move":
            self.days = round((x - self.x) * self.viewport.seconds_per_px / DAY)
        return self.gesture

    def panned_view(self, x: float) -> Viewport:
        """The view dragged along with the pointer."""
        return self.viewport.panned(self.x - x)

    def preview(self, seconds_per_px: float) -> DragPreview:
        new_date = shifted_date(self.item.event["date_edtf"], self.days)
        return DragPreview(self.item.id, self.days * DAY / seconds_per_px, "→ " + in_words_or_raw(new_date))
