"""An ACLED-style CSV export of made-up events (the columns and value forms of a real export)."""
from __future__ import annotations

import csv
from pathlib import Path

from benchmarks.vocabulary import EVENT_TYPES, Vocabulary, iso_day, words_day

HEADER = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
          "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
          "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
          "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp")
_DISORDER = {"Protests": "Demonstrations", "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}
_SCALES = ("National", "Subnational", "International", "New media", "Local partner-National", "Other")
_TAGS = ("crowd size=no report", "crowd size=dozens", "crowd size=hundreds", "women targeted: candidates", "")


def write_acled_csv(path: str | Path, rows: int, seed: int = 1, first_id: int = 1) -> Path:
    """Write ``rows`` events to ``path``; ids run from ``first_id`` (UKR<n>)."""
    vocabulary = Vocabulary(seed)
    rng = vocabulary.rng
    types = list(EVENT_TYPES)
    path = Path(path)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for n in range(first_id, first_id + rows):
            writer.writerow(_row(vocabulary, rng, types, n))
    return path


def _row(v: Vocabulary, rng, types, n: int) -> tuple:
    day = v.day()
    event_type = rng.choice(types)
    sub_type = rng.choice(EVENT_TYPES[event_type])
    actor1 = rng.choice(v.actors)
    actor2 = rng.choice(v.actors) if rng.random() < 0.6 else ""
    assoc1 = "; ".join(rng.sample(v.actors, rng.choice((0, 0, 1, 2))))
    location, admin1, lat, lon = rng.choice(v.places)
    precision = rng.choices((1, 2, 3), (85, 10, 5))[0]
    date = iso_day(day) if rng.random() < 0.9 else words_day(day)
    sources = "; ".join(rng.sample(v.outlets, rng.choice((1, 1, 1, 2, 3))))
    fatalities = rng.choice((0, 0, 0, 0, 1, 2, 3, 5, 12))
    notes = (f"On {words_day(day)}, {actor1} {rng.choice(('shelled', 'attacked', 'clashed with', 'protested near'))} "
             f"{actor2 or 'positions'} in {location} ({admin1}). {v.sentence(rng.randint(12, 30))}"
             + (f" {fatalities} fatalities reported." if fatalities else ""))
    return (f"UKR{n}", date, date[-4:] if " " in date else date[:4], precision, _DISORDER.get(event_type, "Political violence"),
            event_type, sub_type, actor1, assoc1, rng.randint(1, 8), actor2, "", rng.randint(0, 8) if actor2 else "",
            rng.randint(10, 88), "", 804, "Europe", rng.choice(v.countries[:2]), admin1, f"{admin1} Raion", "",
            location, lat, lon, rng.choice((1, 1, 2, 3)), sources, rng.choice(_SCALES), notes, fatalities,
            rng.choice(_TAGS), 1_700_000_000 + n)
