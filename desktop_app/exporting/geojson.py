"""GeoJSON (RFC 7946): a FeatureCollection with one Point per located event. No Qt.

Positions are [longitude, latitude] in WGS 84 with six decimals (a tenth of a metre, as the RFC
advises); events without coordinates are left out. Opens as a layer in QGIS.
"""
from __future__ import annotations

import json
from typing import TextIO

from db.connection import Database

from desktop_app.exporting.places import located_events
from desktop_app.exporting.selection import Progress, Selection


def feature(event: dict) -> dict:
    return {
        "type": "Feature",
        "id": event["id"],
        "geometry": {"type": "Point", "coordinates": [round(event["longitude"], 6), round(event["latitude"], 6)]},
        "properties": {
            "id": event["id"], "uuid": event["uuid"], "title": event["title"], "edtf": event["date_edtf"],
            "date": event["date"], "start": event["start"], "end": event["end"], "tags": event["tags"],
            "entities": event["entities"], "sources": event["source_count"], "contested": bool(event["contested"]),
            "place": event["location_name"] or "", "geo_precision": event["geo_precision"],
        },
    }


def write(out: TextIO, db: Database, selection: Selection, progress: Progress | None = None) -> None:
    """Write the collection feature by feature (a million events never sit in memory at once)."""
    out.write('{"type": "FeatureCollection", "features": [')
    first = True
    for event in located_events(db, selection, progress):
        out.write("\n" if first else ",\n")
        out.write(json.dumps(feature(event), ensure_ascii=False))
        first = False
    out.write("\n]}\n")
