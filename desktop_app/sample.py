"""The sample project that ``sourceline new PATH --sample`` creates.

The data lives in ``resources/sample/``: ``entities.json`` (names, kinds, aliases),
``sources.json`` (CSL-JSON items with EDTF dates, a full-text file each and the passages to
highlight, each given by a quote that occurs once in the text), ``events.json`` (events with
their citations of those sources and passages) and ``eras.json`` (named periods). Everything is read and checked before the project
is touched, then inserted as one undoable edit.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from db.connection import Database

from db import dates, ops
from db.annotations import insert_annotation
from db.citations import insert_citation
from db.entities import describe_entity, ensure_entity
from db.eras import insert_era
from db.errors import FileProblem, InvalidDate
from db.events import insert_event
from db.sources import insert_source
from desktop_app.resources import resource_path

EDIT_LABEL = "Create sample project"
# Keys of sources.json that are ours; everything else in an entry is the CSL item.
_SOURCE_KEYS = {"full_text_file", "annotations", "issued_edtf", "accessed_edtf"}
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass
class Passage:
    start: int
    end: int
    paragraph: int  # 1-based, as a citation's locator counts them
    note: str
    color: str
    tags: list[str]


@dataclass
class Source:
    item: dict
    issued_edtf: str | None
    accessed_edtf: str | None
    text: str
    passages: dict[str, Passage] = field(default_factory=dict)

    @property
    def paragraph_count(self) -> int:
        return len(_PARAGRAPH_BREAK.findall(self.text)) + 1


@dataclass
class Sample:
    entities: list[dict]
    sources: dict[str, Source]  # by citation key
    events: list[dict]
    eras: list[dict] = field(default_factory=list)


def build_sample(db: Database, data_dir: Path | None = None) -> None:
    """Fill a (new) project with the sample, as one edit labelled "Create sample project"."""
    sample = load_sample(data_dir or resource_path("sample"))
    ops.run(db, ops.Op(EDIT_LABEL, lambda db: _insert(db, sample)))


# -- reading and checking ------------------------------------------------------------------------

def load_sample(data_dir: Path) -> Sample:
    """Read the sample data; FileProblem names the file (and line) of anything that does not fit."""
    entities, _ = _read_json(data_dir / "entities.json")
    source_entries, sources_raw = _read_json(data_dir / "sources.json")
    events, events_raw = _read_json(data_dir / "events.json")
    sources: dict[str, Source] = {}
    for entry in source_entries:
        key = entry.get("citation-key")
        if not key or key in sources:
            raise FileProblem(data_dir / "sources.json", _line_of(sources_raw, key),
                              f"every source needs its own citation-key (got {key!r})")
        sources[key] = _load_source(data_dir, entry, sources_raw)
    _check_events(data_dir / "events.json", events_raw, events, sources, _known_names(entities))
    eras, eras_raw = _read_json(data_dir / "eras.json")
    for era in eras:
        try:
            dates.validate(era.get("date_edtf") or "")
        except InvalidDate as error:
            raise FileProblem(data_dir / "eras.json", _line_of(eras_raw, era.get("name")),
                              f"era {era.get('name')!r}: {error.problem}") from None
    return Sample(entities, sources, events, eras)


def _read_json(path: Path) -> tuple[list, str]:
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as error:
        raise FileProblem(path, None, f"cannot read the sample data ({error.strerror})") from error
    try:
        return json.loads(raw), raw
    except json.JSONDecodeError as error:
        raise FileProblem(path, error.lineno, error.msg) from error


def _line_of(raw: str, needle: str | None) -> int | None:
    """The line of the JSON file where ``needle`` (as JSON writes it) first appears, for error messages."""
    if not needle:
        return None
    at = raw.find(json.dumps(needle, ensure_ascii=False)[1:-1])
    return raw.count("\n", 0, at) + 1 if at >= 0 else None


def _load_source(data_dir: Path, entry: dict, raw: str) -> Source:
    key = entry["citation-key"]
    path = data_dir / "sources.json"
    text_path = data_dir / entry.get("full_text_file", "")
    if not entry.get("full_text_file") or not text_path.is_file():
        raise FileProblem(path, _line_of(raw, key), f"source {key!r}: full_text_file {str(text_path)!r} does not exist")
    text = text_path.read_text(encoding="utf-8").strip()
    source = Source(
        item={k: v for k, v in entry.items() if k not in _SOURCE_KEYS},
        issued_edtf=entry.get("issued_edtf"), accessed_edtf=entry.get("accessed_edtf"), text=text,
    )
    for passage in entry.get("annotations", []):
        quote = passage["quote"]
        start = text.find(quote)
        where = f"source {key!r}, passage {passage.get('key')!r}: the quote {quote!r}"
        if start < 0:
            raise FileProblem(path, _line_of(raw, quote), f"{where} is not in {text_path.name}")
        if text.find(quote, start + 1) >= 0:
            raise FileProblem(path, _line_of(raw, quote), f"{where} occurs more than once in {text_path.name}")
        if passage.get("key") in source.passages or not passage.get("key"):
            raise FileProblem(path, _line_of(raw, quote), f"{where} needs a key of its own")
        source.passages[passage["key"]] = Passage(
            start, start + len(quote), len(_PARAGRAPH_BREAK.findall(text, 0, start)) + 1,
            passage.get("note", ""), passage.get("color", "yellow"), passage.get("tags", []),
        )
    return source


def _known_names(entities: list[dict]) -> set[str]:
    return {n.casefold() for e in entities for n in [e["name"], *e.get("aliases", [])]}


def _check_events(path: Path, raw: str, events: list[dict], sources: dict[str, Source], names: set[str]) -> None:
    """Citations must point at real sources, passages and paragraphs; entities must be declared
    (an undeclared name would silently become a new entity of kind "other")."""
    for event in events:
        where = f"event {event.get('title')!r}"
        line = _line_of(raw, event.get("title"))
        for name in event.get("entities", []):
            if name.casefold() not in names:
                raise FileProblem(path, line, f"{where}: entity {name!r} is not in entities.json")
        for citation in event.get("citations", []):
            source = sources.get(citation.get("source"))
            if source is None:
                raise FileProblem(path, line, f"{where}: there is no source {citation.get('source')!r}")
            passage = citation.get("annotation")
            if passage is not None and passage not in source.passages:
                raise FileProblem(path, line, f"{where}: source {citation['source']!r} has no passage {passage!r}")
            if passage is None and not 1 <= citation.get("paragraph", 0) <= source.paragraph_count:
                raise FileProblem(path, line, f"{where}: a citation of {citation['source']!r} without a passage "
                                  f"needs a paragraph between 1 and {source.paragraph_count}")
            try:
                dates.validate(citation.get("date") or "2024")  # the date the source gives, if any
            except InvalidDate as error:
                raise FileProblem(path, line, f"{where}: the date {citation['date']!r} its citation of "
                                  f"{citation['source']!r} gives is not EDTF: {error.problem}") from None


# -- writing -----------------------------------------------------------------------------------

def _insert(db: Database, sample: Sample) -> None:
    for entity in sample.entities:
        entity_id = ensure_entity(db, entity["name"], entity.get("kind", "other"))
        describe_entity(db, entity_id, entity.get("note", ""), entity.get("aliases", []))
    source_ids: dict[str, int] = {}
    annotation_ids: dict[tuple[str, str], int] = {}
    for key, source in sample.sources.items():
        source_ids[key] = insert_source(db, source.item, source.issued_edtf, source.accessed_edtf, source.text)
        for passage_key, p in source.passages.items():
            annotation_ids[key, passage_key] = insert_annotation(
                db, source_ids[key], p.start, p.end, p.note, p.color, p.tags)
    for event in sample.events:
        fields = {k: event[k] for k in ("location_name", "latitude", "longitude") if k in event}
        event_id = insert_event(db, event["title"], event["date_edtf"], event.get("description", ""),
                                event.get("tags", []), event.get("entities", []), **fields)
        for citation in event.get("citations", []):
            key, passage = citation["source"], citation.get("annotation")
            paragraph = sample.sources[key].passages[passage].paragraph if passage else citation["paragraph"]
            insert_citation(db, event_id, source_ids[key], annotation_ids.get((key, passage)),
                            locator_type="paragraph", locator=str(paragraph), stance=citation["stance"],
                            claimed_edtf=citation.get("date"))
    for era in sample.eras:
        insert_era(db, era["name"], era["date_edtf"], era.get("color"))
