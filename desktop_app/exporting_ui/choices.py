"""The export dialog's format list and what it knows about the window it was opened from."""
from __future__ import annotations

from dataclasses import dataclass

from db.events import EventFilter
from desktop_app.exporting.citation_lists import LIST_FORMATS
from desktop_app.exporting.exports import MAP_PICTURE_FORMATS, PICTURE_FORMATS


@dataclass(frozen=True)
class FormatChoice:
    label: str
    fmt: str  # a name of exports.TEXT_FORMATS or picture.PICTURE_FORMATS
    suffix: str
    document: str = ""  # the chronology's markdown/html/pdf, or the bibliography's html/markdown/plain

    @property
    def is_picture(self) -> bool:
        return self.fmt in PICTURE_FORMATS or self.fmt in MAP_PICTURE_FORMATS

    @property
    def lists_sources(self) -> bool:
        return self.fmt in LIST_FORMATS

    @property
    def uses_style(self) -> bool:
        return self.fmt not in ("csv", "csl-json", "bibtex", "biblatex", "ris")

    @property
    def uses_lanes(self) -> bool:
        return self.is_picture or self.fmt == "timelinejs"

    @property
    def file_filter(self) -> str:
        return f"{self.label} (*{self.suffix})"


CHOICES = (
    FormatChoice("Chronology — Markdown", "chronology", ".md", "markdown"),
    FormatChoice("Chronology — HTML", "chronology", ".html", "html"),
    FormatChoice("Chronology — PDF", "chronology", ".pdf", "pdf"),
    FormatChoice("Evidence table — CSV", "evidence", ".csv"),
    FormatChoice("Timeline data — CSV", "csv", ".csv"),
    FormatChoice("Timeline data — TimelineJS JSON", "timelinejs", ".json"),
    FormatChoice("Timeline picture — PNG", "png", ".png"),
    FormatChoice("Timeline picture — SVG", "svg", ".svg"),
    FormatChoice("Timeline picture — PDF", "pdf-timeline", ".pdf"),
    FormatChoice("Map — GeoJSON", "geojson", ".geojson"),
    FormatChoice("Map — KML", "kml", ".kml"),
    FormatChoice("Map picture — PNG", "map-png", ".png"),
    FormatChoice("Map picture — SVG", "map-svg", ".svg"),
    FormatChoice("Citations — CSL-JSON", "csl-json", ".json"),
    FormatChoice("Citations — BibTeX", "bibtex", ".bib"),
    FormatChoice("Citations — BibLaTeX", "biblatex", ".bib"),
    FormatChoice("Citations — RIS", "ris", ".ris"),
    FormatChoice("Bibliography — HTML", "bibliography", ".html", "html"),
    FormatChoice("Bibliography — Markdown", "bibliography", ".md", "markdown"),
    FormatChoice("Bibliography — plain text", "bibliography", ".txt", "plain"),
)


@dataclass(frozen=True)
class WindowState:
    """What the Timeline page shows when the dialog opens: its filter, selection, lanes and the
    period in view (None when there is no such page)."""

    where: EventFilter = EventFilter()
    selected: tuple[int, ...] = ()
    lanes: str = "none"
    view: tuple[float, float] | None = None


def window_state(window) -> WindowState:
    page = window.page("Timeline")
    if page is None:
        return WindowState()
    # the page's public questions only: its widgets are its own
    return WindowState(where=page.event_filter.value, selected=tuple(page.selected_ids()),
                       lanes=page.lane_mode(), view=page.period_in_view())
