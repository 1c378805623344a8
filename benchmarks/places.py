"""Where the benchmark's events happen: most around towns of Ukraine and western Russia (as a
conflict dataset's would), the rest around cities of the world; one in ten has no place."""
from __future__ import annotations

import random

TOWNS = [  # (latitude, longitude)
    (50.45, 30.52), (49.99, 36.23), (48.28, 37.18), (48.02, 37.80), (47.10, 37.55), (46.48, 30.73), (47.84, 35.14),
    (48.46, 35.05), (46.64, 32.62), (49.59, 34.55), (51.50, 31.29), (50.91, 34.80), (48.57, 38.00), (48.74, 37.58),
    (48.86, 37.62), (48.92, 38.44), (47.91, 33.39), (49.44, 32.06), (50.62, 26.25), (49.84, 24.03), (51.73, 36.18),
    (53.27, 34.32), (50.60, 36.59), (53.12, 34.98), (51.19, 35.27), (47.23, 39.72), (44.95, 34.10), (46.75, 33.37),
]
CITIES = [
    (48.86, 2.35), (51.51, -0.13), (52.52, 13.40), (41.01, 28.98), (55.76, 37.62), (40.71, -74.01), (34.05, -118.24),
    (19.43, -99.13), (-23.55, -46.63), (-34.60, -58.38), (4.71, -74.07), (30.04, 31.24), (6.52, 3.38), (-1.29, 36.82),
    (-26.20, 28.05), (33.51, 36.29), (33.31, 44.37), (35.69, 51.39), (31.77, 35.22), (24.86, 67.01), (28.61, 77.21),
    (23.81, 90.41), (13.76, 100.50), (14.60, 120.98), (-6.21, 106.85), (39.90, 116.41), (35.68, 139.69),
    (37.57, 126.98), (-33.87, 151.21), (15.50, 32.56), (2.05, 45.32), (9.03, 38.74), (12.64, -8.00), (13.51, 2.11),
]


def place(rng: random.Random) -> tuple[float | None, float | None, int | None]:
    """(latitude, longitude, geo-precision) for one event, or Nones."""
    draw = rng.random()
    if draw < 0.1:
        return None, None, None
    lat, lon = rng.choice(TOWNS) if draw < 0.7 else rng.choice(CITIES)
    spread = 0.25 if draw < 0.7 else 0.6
    precision = rng.choices((1, 2, 3), (80, 15, 5))[0]
    return (max(-85.0, min(85.0, lat + rng.gauss(0, spread))), max(-179.9, min(179.9, lon + rng.gauss(0, spread))),
            precision)
