"""The shipped basemap's file format (resources/basemap/world-*.bin): one level of detail, already
projected, so that reading it is a decompression and a running sum, not a projection. No Qt.

A file is zlib-compressed little-endian int32s:

- MAGIC, VERSION, then the number of shapes in each layer of :data:`LAYERS`;
- for each shape (a tile of land, or of coastlines or borders), how many parts it has (rings of a
  tile's land, with its lakes as holes; or lines);
- for each part, how many points;
- every point, x and y interleaved, in world units (the unit square of projection.py times
  2**UNIT_BITS: a unit is 0.25 px at the deepest zoom), each the difference from the point before
  it in the file: the differences are small numbers, which compress to a third of the size.
"""
from __future__ import annotations

import sys
import zlib
from array import array
from dataclasses import dataclass
from itertools import accumulate

MAGIC = 0x4D424C53  # "SLBM"
VERSION = 1
UNIT_BITS = 26
UNITS = float(1 << UNIT_BITS)
LAYERS = ("land", "coast", "borders")

# shapes of a layer: each a list of parts, each part a list of (x, y) in world units
Shape = list[list[tuple[int, int]]]


@dataclass(frozen=True)
class Level:
    """A decoded level: per layer, per shape, its parts' point counts; and every point, x and y
    interleaved (absolute world units, as doubles), in the same order."""

    shapes: dict[str, list[list[int]]]
    points: array  # of 'd'


def encode(layers: dict[str, list[Shape]]) -> bytes:
    header = [MAGIC, VERSION, *(len(layers[name]) for name in LAYERS)]
    parts, counts, deltas = [], [], []
    last_x = last_y = 0
    for name in LAYERS:
        for shape in layers[name]:
            parts.append(len(shape))
            for part in shape:
                counts.append(len(part))
                for x, y in part:
                    deltas += (x - last_x, y - last_y)
                    last_x, last_y = x, y
    ints = array("i", header + parts + counts + deltas)
    if sys.byteorder == "big":
        ints.byteswap()
    return zlib.compress(ints.tobytes(), 9)


def decode(data: bytes) -> Level:
    ints = array("i")
    ints.frombytes(zlib.decompress(data))
    if sys.byteorder == "big":
        ints.byteswap()
    if ints[0] != MAGIC or ints[1] != VERSION:
        raise ValueError("not a Sourceline basemap file of this version")
    at = 2 + len(LAYERS)
    shape_counts = ints[2:at]
    parts = ints[at:at + sum(shape_counts)]
    at += len(parts)
    counts = ints[at:at + sum(parts)]
    at += len(counts)
    # the running sums, x and y apart, written back interleaved: all in C loops
    points = array("d", bytes(8 * (len(ints) - at)))
    points[0::2] = array("d", accumulate(ints[at::2]))
    points[1::2] = array("d", accumulate(ints[at + 1::2]))
    shapes: dict[str, list[list[int]]] = {}
    shape_at = part_at = 0
    for name, n in zip(LAYERS, shape_counts):
        shapes[name] = []
        for n_parts in parts[shape_at:shape_at + n]:
            shapes[name].append(list(counts[part_at:part_at + n_parts]))
            part_at += n_parts
        shape_at += n
    return Level(shapes, points)
