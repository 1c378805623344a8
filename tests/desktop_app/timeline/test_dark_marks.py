"""On a dark palette the hollow diamond of an uncertain day and an unchecked check box stand out
from the background (WCAG's 3:1 for the parts of a control or a graphic)."""
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox

from db.dates import seconds_of
from desktop_app.main_window.indicator_style import indicator_frame
from desktop_app.main_window.theme import dark_palette
from desktop_app.timeline.colours import MARK_CONTRAST, Colours, contrast
from desktop_app.timeline.scene import AXIS_H, SceneBuilder
from desktop_app.timeline.viewport import Viewport
from tests.desktop_app.timeline.conftest import painted


def test_an_uncertain_days_hollow_diamond_stands_out_on_a_dark_base(qapp):
    day = seconds_of(2024, 11, 20)
    event = {"id": 1, "title": "Biden approves mines", "start_s": day, "end_s": day + 86_400,
             "fuzzy_start_s": day - 3 * 86_400, "fuzzy_end_s": day + 4 * 86_400, "date_precision": "day",
             "first_reported_s": None, "contested": 0, "tags": None, "entities": None}
    viewport = Viewport.fitted(day - 10 * 86_400, day + 10 * 86_400, 600)
    scene = SceneBuilder(QFont()).build([event], viewport, "none")
    colours = Colours.from_palette(dark_palette())
    image = painted(scene, 600, 100, colours)
    item = scene.items[0]
    x, y = round(item.x0), round(item.y + AXIS_H)
    # the outline, above the fade band (which is only 6 px tall), at the diamond's top corner
    outline = max((image.pixelColor(x, y - r) for r in range(4, 8)), key=lambda c: contrast(c, colours.base))
    assert contrast(outline, colours.base) >= MARK_CONTRAST
    assert image.pixelColor(x, y) != colours.mark  # still hollow: the inside is not the solid mark


def test_an_unchecked_box_is_framed_visibly_in_the_dark_theme(qtbot, qapp):
    from desktop_app.main_window import theme

    theme.apply_theme(qapp, "dark")
    try:
        palette = qapp.palette()
        frame = indicator_frame(palette)
        assert frame is not None and contrast(frame, palette.color(palette.ColorRole.Base)) >= MARK_CONTRAST
        box = QCheckBox("Dates and names")
        qtbot.addWidget(box)
        box.show()
        picture = box.grab().toImage()
        window = palette.color(palette.ColorRole.Window)
        # the indicator (the first 20 px) has a frame that stands out from the window around it
        framed = [picture.pixelColor(x, y) for x in range(min(20, picture.width())) for y in range(picture.height())]
        assert max(contrast(colour, window) for colour in framed) >= MARK_CONTRAST
    finally:
        theme.apply_theme(qapp, "system")
