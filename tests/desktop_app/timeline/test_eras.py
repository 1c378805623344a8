"""Eras on the timeline: shaded, named bands behind the events, read with the frame (only those in
view), following every edit and its undo, fading at uncertain ends, on the overview strip too."""
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPalette

from db import eras
from db.dates import seconds_of
from desktop_app.timeline import era_bands
from desktop_app.timeline.frames import EventsFrame
from desktop_app.timeline.scene import AXIS_H, ROW_H
from desktop_app.timeline.viewport import Viewport



def _show(view, first, last):
    view.set_viewport(Viewport.fitted(seconds_of(*first), seconds_of(*last), view.canvas.width()))


def _band(view, name):
    return next(b for b in view.canvas.eras().bands if b.era["name"] == name)


def _differs(a: QColor, b: QColor, by: int = 6) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) >= by


def test_an_era_added_is_drawn_behind_the_events_and_undo_takes_it_away(view, mixed_session, qtbot):
    _show(view, (2024, 10, 1), (2024, 12, 1))
    first_row = min(item.y for item in view.canvas.scene().items)
    assert view.canvas.eras().bands == ()
    mixed_session.push(eras.add_era("Siege of the city", "2024-10-05/2024-11-10", "#e76f51"))
    band = _band(view, "Siege of the city")
    assert band.x0 == pytest.approx(view.viewport().x_of(seconds_of(2024, 10, 5)))
    assert band.x1 == pytest.approx(view.viewport().x_of(seconds_of(2024, 11, 11)))
    # the events move down below the strip that names the era
    assert min(item.y for item in view.canvas.scene().items) == pytest.approx(first_row + view.canvas.eras().height)
    image = view.canvas.grab().toImage()
    base = view.canvas.palette().color(QPalette.ColorRole.Base)
    bottom = view.canvas.height() - 4
    assert _differs(image.pixelColor(round((band.x0 + band.x1) / 2), bottom), base)  # shaded down to the bottom
    assert not _differs(image.pixelColor(round(band.x1) + 20, bottom), base, 3)
    tab = image.pixelColor(round(band.x0) + 2, AXIS_H + ROW_H // 2 - 6)
    assert tab.red() > tab.blue() + 20  # the tab has the era's own colour
    tip = view.canvas._tooltip_at(QPoint(round(band.label_x + 5), AXIS_H + 8))
    assert "Siege of the city" in tip and "5 October – 10 November 2024" in tip
    mixed_session.undo_stack.undo()
    assert view.canvas.eras().bands == ()
    assert min(item.y for item in view.canvas.scene().items) == pytest.approx(first_row)


def test_renaming_and_redating_an_era_redraws_it(view, mixed_session):
    era_id = mixed_session.push(eras.add_era("Talks", "2024-11-12/2024-11-20"))
    _show(view, (2024, 11, 1), (2024, 12, 1))
    mixed_session.push(eras.update_era(era_id, name="Peace talks", date_edtf="2024-11-14/2024-11-26"))
    band = _band(view, "Peace talks")
    assert band.label == "Peace talks"
    assert band.x0 == pytest.approx(view.viewport().x_of(seconds_of(2024, 11, 14)))


def test_the_frame_holds_only_the_eras_overlapping_it_and_painting_asks_nothing(view, mixed_session):
    for name, date in (("Long ago", "1990/1991"), ("Autumn", "2024-09-01/2024-11-30"), ("Far ahead", "2031")):
        mixed_session.push(eras.add_era(name, date))
    _show(view, (2024, 11, 1), (2024, 12, 1))
    frame = view.canvas.frame()
    assert isinstance(frame, EventsFrame)
    assert [e["name"] for e in frame.eras] == ["Autumn"]
    asked = view.canvas.source.queries
    for _ in range(3):
        view.canvas.grab()
    assert view.canvas.source.queries == asked


def test_overlapping_eras_are_named_on_rows_of_their_own(view, mixed_session):
    mixed_session.push(eras.add_era("Kursk incursion", "2024-08-06/2025-03"))
    mixed_session.push(eras.add_era("Trump transition", "2024-11-05/2025-01-20"))
    mixed_session.push(eras.add_era("Later", "2025-02-01/2025-02-20"))
    _show(view, (2024, 7, 1), (2025, 4, 1))
    strip = view.canvas.eras()
    rows = {b.era["name"]: b.row for b in strip.bands}
    assert rows["Kursk incursion"] != rows["Trump transition"]
    assert strip.height == pytest.approx((max(rows.values()) + 1) * era_bands.ROW_H + era_bands.PADDING)
    for a in strip.bands:
        for b in strip.bands:
            if a is not b and a.row == b.row:
                assert a.label_x + a.label_w < b.label_x or b.label_x + b.label_w < a.label_x


def test_an_uncertain_end_fades_and_an_exact_end_is_an_edge(view, mixed_session):
    mixed_session.push(eras.add_era("Offensive", "2024-10-10/2024-11-15~"))
    _show(view, (2024, 9, 20), (2024, 12, 10))
    band = _band(view, "Offensive")
    assert band.fuzzy_end and not band.fuzzy_start and band.fx1 > band.x1 + 20
    image = view.canvas.grab().toImage()
    y = AXIS_H + band.row * era_bands.ROW_H + 4  # in the tab, clear of its name
    base = view.canvas.palette().color(QPalette.ColorRole.Base)
    solid = image.pixelColor(round(band.x1) - 3, y)
    fading = [image.pixelColor(round(band.x1 + (band.fx1 - band.x1) * f), y) for f in (0.25, 0.5, 0.75)]
    assert _differs(solid, base, 20)
    distance = [abs(c.lightness() - base.lightness()) for c in (solid, *fading)]
    assert distance == sorted(distance, reverse=True) and distance[0] > distance[-1] + 10
    assert not _differs(image.pixelColor(round(band.fx1) + 4, y), base, 3)
    assert not _differs(image.pixelColor(round(band.x0) - 4, y), base, 3)  # exact start: nothing before it


def test_an_open_ended_era_reaches_the_edge_and_fades(view, mixed_session):
    mixed_session.push(eras.add_era("Occupation", "2024-11-05/.."))
    _show(view, (2024, 10, 20), (2024, 12, 1))
    band = _band(view, "Occupation")
    assert band.fx1 is None and band.outer_right(view.width()) >= view.canvas.width()


def test_the_overview_strip_shades_the_eras_too(view, mixed_session):
    mixed_session.push(eras.add_era("Autumn", "2024-09-01/2024-11-30", "#2a9d8f"))
    overview = view.overview
    lo, hi = overview.time_range()
    x = round((seconds_of(2024, 10, 15) - lo) / (hi - lo) * overview.width())
    view.set_viewport(Viewport.fitted(seconds_of(2030, 1, 1), seconds_of(2030, 2, 1), view.canvas.width()))
    image = overview.grab().toImage()
    outside = round((seconds_of(2024, 1, 15) - lo) / (hi - lo) * overview.width())
    inside, before = image.pixelColor(x, 4), image.pixelColor(outside, 4)
    assert inside.green() - inside.red() > before.green() - before.red() + 10  # tinted teal
