"""The map's logic, the gazetteer and the map exports load without Qt (they run headless, on the
command line, and are tested without a display)."""
import subprocess
import sys

MODULES = ("db.geo", "db.geo_index", "desktop_app.map.projection", "desktop_app.map.hits", "desktop_app.map.frames",
           "desktop_app.places.gazetteer", "desktop_app.places.proposals", "desktop_app.exporting.geojson",
           "desktop_app.exporting.kml", "desktop_app.commands.geocode")


def test_the_map_logic_never_loads_qt():
    code = ("import importlib, sys\n"
            f"for name in {MODULES!r}: importlib.import_module(name)\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
