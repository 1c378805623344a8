"""GeoJSON and KML exports, read back by independent parsers (geojson, shapely, lxml) and checked
against RFC 7946's rules: [longitude, latitude] order, ranges, one Point per located event."""
import json

import geojson
import pytest
from lxml import etree
from shapely.geometry import shape

from db import ops
from db.events import add_event
from db.store import create_project
from desktop_app.cli import main

# (title, date, latitude, longitude): longitude 30.5 and latitude 50.4 tell a swapped order apart
LOCATED = [("Shelling of Kyiv", "2024-05-01", 50.4547, 30.5238),
           ("<b>Bold</b> & “quoted” in Lima", "2023-02", -12.0464, -77.0428),
           ("At the antimeridian", "2022~", -16.5, 179.9999)]


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.sourceline"
    db = create_project(path)
    for title, date, lat, lon in LOCATED:
        ops.run(db, add_event(title, date, tags=("map",), latitude=lat, longitude=lon, location_name="there"))
    ops.run(db, add_event("Nowhere in particular", "2024-01-01", tags=("map",)))
    db.close()
    return str(path)


def test_geojson_is_an_rfc_7946_feature_collection(project, tmp_path, capsys):
    out = tmp_path / "events.geojson"
    assert main(["export", "--db", project, "--format", "geojson", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    collection = geojson.loads(text)
    assert collection.is_valid, collection.errors()
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert len(features) == len(LOCATED)  # the event without coordinates is left out
    by_title = {f["properties"]["title"]: f for f in features}
    for title, date, lat, lon in LOCATED:
        feature = by_title[title]
        point = shape(feature["geometry"])
        assert point.geom_type == "Point"
        assert (point.x, point.y) == pytest.approx((lon, lat), abs=1e-6)  # longitude first
        assert -180 <= point.x <= 180 and -90 <= point.y <= 90
        props = feature["properties"]
        assert props["edtf"] == date and props["tags"] == ["map"] and props["sources"] == 0
        assert set(props) >= {"id", "uuid", "title", "edtf", "start", "end", "tags", "sources"}
    assert by_title["Shelling of Kyiv"]["properties"]["start"] == "2024-05-01"
    assert "crs" not in json.loads(text)  # RFC 7946 drops the crs member: WGS 84 always


def test_geojson_follows_the_filter(project, capsys):
    assert main(["export", "--db", project, "--format", "geojson", "--search", "Kyiv"]) == 0
    collection = json.loads(capsys.readouterr().out)
    assert [f["properties"]["title"] for f in collection["features"]] == ["Shelling of Kyiv"]


def test_kml_is_well_formed_escaped_and_longitude_first(project, tmp_path):
    out = tmp_path / "events.kml"
    assert main(["export", "--db", project, "--format", "kml", "-o", str(out)]) == 0
    tree = etree.parse(str(out), etree.XMLParser(resolve_entities=False, no_network=True))
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    marks = tree.findall(".//k:Placemark", ns)
    assert len(marks) == len(LOCATED)
    names = [m.findtext("k:name", namespaces=ns) for m in marks]
    assert "<b>Bold</b> & “quoted” in Lima" in names  # text, never markup
    assert not tree.findall(".//k:b", ns) and not tree.findall(".//b")
    kyiv = marks[names.index("Shelling of Kyiv")]
    lon, lat = map(float, kyiv.findtext(".//k:coordinates", namespaces=ns).split(","))
    assert (lon, lat) == pytest.approx((30.5238, 50.4547))
    assert kyiv.findtext(".//k:begin", namespaces=ns) == "2024-05-01"


def test_map_pictures_are_drawn_at_the_asked_width_with_the_events_on_them(project, tmp_path, qapp):
    from PySide6.QtGui import QImage
    from PySide6.QtSvg import QSvgRenderer

    png, svg = tmp_path / "map.png", tmp_path / "map.svg"
    assert main(["export", "--db", project, "--format", "map-png", "--width", "1200", "-o", str(png)]) == 0
    image = QImage(str(png))
    assert image.width() == 1200 and image.height() > 600
    colours = {image.pixelColor(x, y).name() for x in range(0, 1200, 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20  # a basemap, marks and text, not a blank page
    marked = sum(1 for x in range(1200) for y in range(100, 900)
                 if image.pixelColor(x, y).blue() > 180 and image.pixelColor(x, y).red() < 80)
    assert marked > 50  # the accent-blue marks are there
    assert main(["export", "--db", project, "--format", "map-svg", "-o", str(svg)]) == 0
    renderer = QSvgRenderer(str(svg))
    assert renderer.isValid() and renderer.viewBox().width() == 1920
    assert svg.read_text(encoding="utf-8").rstrip().endswith("</svg>")


def test_a_map_picture_needs_a_file(project, capsys):
    assert main(["export", "--db", project, "--format", "map-png"]) == 1
    assert "give the file with -o" in capsys.readouterr().err
