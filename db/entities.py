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


def people(db: Database) -> set[int]:
    """The entities that may be people (kind person, or not yet given a kind): the name finder
    also knows them by surname."""
    return {r[0] for r in db.conn.execute("SELECT id FROM entities WHERE kind IN ('person', 'other')")}


def tag_names(db: Database) -> list[str]:
    return [r[0] for r in db.conn.execute("SELECT name FROM tags ORDER BY name COLLATE NOCASE")]


def used_tag_names(db: Database) -> list[str]:
    """The tags some event or highlight has (a tag taken off its last event is no longer offered)."""
    return [r[0] for r in db.conn.execute(
        "SELECT name FROM tags t WHERE EXISTS (SELECT 1 FROM event_tags et WHERE et.tag_id = t.id)"
        " OR EXISTS (SELECT 1 FROM annotation_tags at WHERE at.tag_id = t.id) ORDER BY name COLLATE NOCASE")]


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


def _entity_name(db: Database, entity_id: int) -> str:
    row = db.conn.execute("SELECT name FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        raise SourcelineError(f"there is no entity {entity_id}")
    return row[0]


def _check_free(db: Database, entity_id: int, name: str, what: str) -> str:
    """``name`` stripped, when no other entity is known by it (a name or an alias names one entity)."""
    name = name.strip()
    if not name:
        raise SourcelineError(f"an entity's {what} cannot be empty")
    other = find_entity(db, name)
    if other is not None and other != entity_id:
        raise SourcelineError(f"“{name}” already names the entity “{_entity_name(db, other)}”; merge the two instead")
    return name


def add_alias(entity_id: int, alias: str) -> Op:
    """Know an entity by another name too (a spelling, a surname, a transliteration)."""

    def edit(db: Database) -> None:
        if _entity_name(db, entity_id).casefold() == alias.strip().casefold():
            raise SourcelineError(f"“{alias.strip()}” is the entity's own name")
        _insert_alias(db, entity_id, _check_free(db, entity_id, alias, "alias"))

    return Op(f"Add alias “{alias.strip()}”", edit)


def remove_alias(entity_id: int, alias: str) -> Op:
    def edit(db: Database) -> None:
        gone = db.conn.execute("DELETE FROM entity_aliases WHERE entity_id = ? AND alias = ? COLLATE NOCASE",
                               (entity_id, alias.strip())).rowcount
        if not gone:
            raise SourcelineError(f"“{alias.strip()}” is not an alias of “{_entity_name(db, entity_id)}”")

    return Op(f"Remove alias “{alias.strip()}”", edit)


def rename_entity(entity_id: int, name: str) -> Op:
    """Give an entity another name; the old one is kept as an alias, so that texts using it still name it."""

    def edit(db: Database) -> None:
        old = _entity_name(db, entity_id)
        new = _check_free(db, entity_id, name, "name")
        db.conn.execute("DELETE FROM entity_aliases WHERE entity_id = ? AND alias = ? COLLATE NOCASE", (entity_id, new))
        db.conn.execute("UPDATE entities SET name = ? WHERE id = ?", (new, entity_id))
        if old.casefold() != new.casefold():
            _insert_alias(db, entity_id, old)

    return Op(f"Rename entity to “{name.strip()}”", edit)


def set_entity_kind(entity_id: int, kind: str) -> Op:
    if kind not in ENTITY_KINDS:
        raise SourcelineError(f"unknown entity kind {kind!r}; choose one of {', '.join(ENTITY_KINDS)}")

    def edit(db: Database) -> None:
        _entity_name(db, entity_id)  # it exists
        db.conn.execute("UPDATE entities SET kind = ? WHERE id = ?", (kind, entity_id))

    return Op(f"Make entity a {kind}", edit)


def delete_entity(entity_id: int) -> Op:
    """Delete an entity with its aliases; its events lose the link, nothing else."""

    def edit(db: Database) -> None:
        name = _entity_name(db, entity_id)
        db.conn.execute("DELETE FROM entities WHERE id = ?", (entity_id,))
        return name

    return Op("Delete entity", edit)


def entity_list(db: Database) -> list[dict]:
    """Every entity: id, name, kind, note, aliases (a list) and how many events it is linked to."""
    cursor = db.conn.execute(
        """SELECT n.id, n.name, n.kind, n.note,
                  (SELECT count(*) FROM event_entities ee WHERE ee.entity_id = n.id) AS events
           FROM entities n ORDER BY n.name COLLATE NOCASE""")
    rows = [dict(zip(("id", "name", "kind", "note", "events"), row)) for row in cursor]
    aliases: dict[int, list[str]] = {}
    for entity_id, alias in db.conn.execute("SELECT entity_id, alias FROM entity_aliases ORDER BY id"):
        aliases.setdefault(entity_id, []).append(alias)
    for row in rows:
        row["aliases"] = aliases.get(row["id"], [])
    return rows


def linked_events(db: Database, entity_id: int, limit: int = 10) -> list[str]:
    """The titles of the first events linked to an entity, in date order (what deleting it unlinks)."""
    return [r[0] for r in db.conn.execute(
        "SELECT e.title FROM event_entities ee JOIN events e ON e.id = ee.event_id WHERE ee.entity_id = ?"
        " ORDER BY e.start_s, e.id LIMIT ?", (entity_id, limit))]


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
