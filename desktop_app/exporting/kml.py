"""KML 2.2 (Google Earth, QGIS): one Placemark per located event, with its period as a TimeSpan.
No Qt. Every text is escaped, so a title never becomes markup."""
from __future__ import annotations

from typing import TextIO
from xml.sax.saxutils import escape

from db.connection import Database

from desktop_app.exporting.places import located_events
from desktop_app.exporting.selection import Progress, Selection


def _placemark(event: dict) -> str:
    lines = [event["date"]]
    if event["location_name"]:
        lines.append(event["location_name"])
    if event["tags"]:
        lines.append("Tags: " + ", ".join(event["tags"]))
    lines.append(f"Sources: {event['source_count']}" + (" (contested)" if event["contested"] else ""))
    return (f'  <Placemark id="event-{event["id"]}">\n'
            f"    <name>{escape(event['title'])}</name>\n"
            f"    <description>{escape(chr(10).join(lines))}</description>\n"
            f"    <TimeSpan><begin>{escape(event['start'])}</begin><end>{escape(event['end'])}</end></TimeSpan>\n"
            f"    <ExtendedData><Data name=\"edtf\"><value>{escape(event['date_edtf'])}</value></Data>"
            f"<Data name=\"uuid\"><value>{escape(event['uuid'])}</value></Data></ExtendedData>\n"
            f"    <Point><coordinates>{event['longitude']:.6f},{event['latitude']:.6f}</coordinates></Point>\n"
            "  </Placemark>\n")


def write(out: TextIO, db: Database, selection: Selection, title: str, progress: Progress | None = None) -> None:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document>\n'
              f"  <name>{escape(title)}</name>\n")
    for event in located_events(db, selection, progress):
        out.write(_placemark(event))
    out.write("</Document>\n</kml>\n")
