"""The pictures `sourceline screenshots` can take, named without loading Qt (the command line
lists them in its help)."""

THEMES = ("light", "dark", "high-contrast")
# Taken unless asked otherwise; "about" shows this machine's folders, so the guide leaves it out.
DEFAULT_SHOTS = ("welcome", "main-window", "event-editor", "library", "reader", "search", "export-dialog",
                 "dataset-import", "restore-backup", "shortcuts")
EXTRA_SHOTS = ("about", "timeline")
