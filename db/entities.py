"""Tags and entities (people, organisations, places, equipment) with their aliases."""
from __future__ import annotations

from db.connection import Database

from db.errors import SourcelineError
from db.ops import Op

ENTITY_KINDS = ("person", "organisation", "place", "equipment", "other")


def find_entity(db: Database, name: str) -> int | None:
    """The entity called ``name`` or having it as an alias (case-insensitive)."""
    row = db.conn.execute(
        "SELECT id FROM entities WHERE name = ? COLLATE NOCASE"
        " UNION ALL SELECT entity_id FROM entity_aliases WHERE alias = ? COLLATE NOCASE LIMIT 1",
        (name.strip(), name.strip()),
    ).fetchone()
    return row[0] if row else None


def ensure_entity(db: Database, name: str, kind: str = "other") -> int:
    """Inside an edit: the entity known by ``name`` (or an alias), created if new."""
    existing = find_entity(db, name)
    if existing is not None:
        return existing
    if kind not in ENTITY_KINDS:
        raise SourcelineError(f"unknown entity kind {kind!r}; choose one of {', '.join(ENTITY_KINDS)}")
    return db.conn.execute("INSERT INTO entities (name, kind) VALUES (?, ?)", (name.strip(), kind)).lastrowid


def ensure_tag(db: Database, name: str) -> int:
    """Inside an edit: the tag called ``name`` (case-insensitive), created if new."""
    name = name.strip()
    row = db.conn.execute("SELECT id FROM tags WHERE name = ?", (name,)).fetchone()
    if row:
        return row[0]
    return db.conn.execute("INSERT INTO tags (name) VALUES (?)", (name,)).lastrowid


def entity_names(db: Database) -> list[tuple[int, list[str]]]:
    """Every entity with its name first and its aliases after (for completion and the name finder)."""
    names: dict[int, list[str]] = {}
    for entity_id, name in db.conn.execute("SELECT id, name FROM entities ORDER BY name COLLATE NOCASE"):
        names[entity_id] = [name]
    for entity_id, alias in db.conn.execute("SELECT entity_id, alias FROM entity_aliases ORDER BY id"):
        names[entity_id].append(alias)
    return list(names.items())


def tag_names(db: Database) -> list[str]:
    return [r[0] for r in db.conn.execute("SELECT name FROM tags ORDER BY name COLLATE NOCASE")]


def add_entity(name: str, kind: str = "other", aliases: tuple[str, ...] = (), note: str = "") -> Op:
    def edit(db: Database) -> int:
        if not name.strip():
            raise SourcelineError("an entity needs a name")
        if kind not in ENTITY_KINDS:
            raise SourcelineError(f"unknown entity kind {kind!r}; choose one of {', '.join(ENTITY_KINDS)}")
        entity_id = db.conn.execute(
            "INSERT INTO entities (name, kind, note) VALUES (?, ?, ?)", (name.strip(), kind, note)
        ).lastrowid
        for alias in aliases:
            _insert_alias(db, entity_id, alias)
        return entity_id

    return Op(f"Add entity “{name}”", edit)


def _insert_alias(db: Database, entity_id: int, alias: str) -> None:
    db.conn.execute(
        "INSERT INTO entity_aliases (entity_id, alias) VALUES (?, ?) ON CONFLICT DO NOTHING", (entity_id, alias.strip())
    )


def describe_entity(db: Database, entity_id: int, note: str, aliases=()) -> None:
    """Give an entity its note and aliases (inside an edit; an alias it has already is kept once)."""
    db.conn.execute("UPDATE entities SET note = ? WHERE id = ?", (note, entity_id))
    for alias in aliases:
        _insert_alias(db, entity_id, alias)


def add_alias(entity_id: int, alias: str) -> Op:
    return Op(f"Add alias “{alias}”", lambda db: _insert_alias(db, entity_id, alias))


def merge_entities(keep_id: int, merge_id: int) -> Op:
    """Fold ``merge_id`` into ``keep_id``: its name and aliases become aliases, its links move."""

    def edit(db: Database) -> None:
        if keep_id == merge_id:
            raise SourcelineError("an entity cannot be merged into itself")
        row = db.conn.execute("SELECT name FROM entities WHERE id = ?", (merge_id,)).fetchone()
        if row is None or db.conn.execute("SELECT 1 FROM entities WHERE id = ?", (keep_id,)).fetchone() is None:
            raise SourcelineError("both entities must exist to be merged")
        aliases = [row[0]] + [
            r[0] for r in db.conn.execute("SELECT alias FROM entity_aliases WHERE entity_id = ?", (merge_id,))
        ]
        for alias in aliases:
            _insert_alias(db, keep_id, alias)
        db.conn.execute(
            "INSERT OR IGNORE INTO event_entities (event_id, entity_id)"
            " SELECT event_id, ? FROM event_entities WHERE entity_id = ?",
            (keep_id, merge_id),
        )
        db.conn.execute("DELETE FROM entities WHERE id = ?", (merge_id,))

    return Op("Merge entities", edit)
