"""What the timeline says when the pointer rests on an event or a density bar.

Titles and dates are the analyst's (or an imported file's) text: escaped, so a title never turns
into markup or loads anything.
"""
from __future__ import annotations

from html import escape

from db.dates import DAY, civil_from_days
from desktop_app.dates.render import MONTHS, in_words_or_raw
from desktop_app.timeline.axis import year_words
from desktop_app.timeline.frames import DensityFrame


def event_tooltip(event: dict, n: int) -> str:
    """``n``: how many sources cite it."""
    lines = [f"<b>{escape(event['title'])}</b>", escape(in_words_or_raw(event["date_edtf"])),
             "no sources" if n == 0 else f"{n} source{'s' if n != 1 else ''}"]
    reported = event.get("first_reported_edtf")
    if reported and not event["start_s"] <= (event.get("first_reported_s") or event["start_s"]) < event["end_s"]:
        lines.append(f"first reported {escape(in_words_or_raw(reported))}")
    if event["contested"]:
        lines.append("<b>contested</b>: its sources disagree")
    return "<qt>" + "<br>".join(lines) + "</qt>"


def era_tooltip(era: dict) -> str:
    return f"<qt><b>{escape(era['name'])}</b><br>{escape(in_words_or_raw(era['date_edtf']))}</qt>"


def _day_words(t: float) -> str:
    year, month, day = civil_from_days(int(t // DAY))
    return f"{day} {MONTHS[month - 1][:3]} {year_words(year)}"


def density_tooltip(frame: DensityFrame, t: float) -> str | None:
    index = int((t - frame.start_s) // frame.bucket_s)
    if not 0 <= index < len(frame.counts):
        return None
    n = frame.counts[index]
    start = frame.start_s + index * frame.bucket_s
    first, last = _day_words(start), _day_words(start + frame.bucket_s - 1)
    when = first if first == last else f"{first} – {last}"
    return f"<qt>{n:,} event{'s' if n != 1 else ''} starting {escape(when)}</qt>"
