"""The event editor's EDTF field (date in words as you type, inline error, Build menu) for the
dates a source may lack: an empty field is a valid "no date"."""
from __future__ import annotations

from desktop_app.events.date_field import DateField


class OptionalDateField(DateField):
    def __init__(self, placeholder: str = "", parent=None, name: str = "Date"):
        super().__init__(parent, name)
        if placeholder:
            self.line.setPlaceholderText(placeholder)
        self.line.setClearButtonEnabled(True)

    # DateField asks for a date when empty; here empty means unknown, which is allowed.
    def _check(self, text: str) -> None:
        if text.strip():
            super()._check(text)
            return
        self.words.hide()
        self.error.set_error(None)
        if not self._valid:
            self._valid = True
            self.validity_changed.emit(True)
