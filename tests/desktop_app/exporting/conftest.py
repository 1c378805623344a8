"""Projects to export: one holding every special case a format must survive (hostile text,
formula-like quotes, organisations, seasons, ranges, non-ASCII names, LaTeX's special
characters), and the sample project (``sourceline new --sample``) for realistic data."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from db import ops
from db.citations import add_citation
from db.events import add_event
from db.sources import add_source, update_source
from db.store import create_project, open_project
from desktop_app.formats.csl_dates import csl_date_to_edtf

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared"
HOSTILE_TITLE = "<script>alert(1)</script> & “Co”"
FORMULA_QUOTE = '=HYPERLINK("http://evil.example","click")'

# One source per special case (CSL items; dates are stored as EDTF).
SPECIAL_SOURCES = {
    "organisation": {"type": "report", "title": "Organisation as author", "author": [{"literal": "World Health Organization"}],
                     "issued": {"date-parts": [[2020, 3, 5]]}, "publisher": "WHO", "URL": "https://www.who.int/r"},
    "no-date": {"type": "book", "title": "No date at all", "author": [{"family": "Smith", "given": "John"}]},
    "circa": {"type": "book", "title": "Approximately dated", "author": [{"family": "Orwell", "given": "George"}],
              "issued": {"date-parts": [[1984]], "circa": True}},
    "season": {"type": "article-journal", "title": "A spring issue", "author": [{"family": "Zeta", "given": "Anna"}],
               "container-title": "Seasonal Review", "issued": {"date-parts": [[2022]], "season": 1}},
    "range": {"type": "webpage", "title": "A conference week", "author": [{"family": "Dupont", "given": "Jean-Luc"}],
              "issued": {"date-parts": [[2024, 11, 18], [2024, 11, 21]]}, "accessed": {"date-parts": [[2024, 12, 1]]},
              "URL": "https://example.org/week?a=1&b=2"},
    "non-ascii": {"type": "article-journal", "title": "Straße, Øre und Ça va",
                  "author": [{"family": "Müller", "given": "Jörg"}, {"family": "Østergaard", "given": "Søren"},
                             {"family": "Шевченко", "given": "Тарас"}],
                  "container-title": "Zeitschrift für Chronologie", "issued": {"date-parts": [[2023, 6]]}},
    "braces": {"type": "book", "title": "Titles with {braces} inside", "author": [{"family": "Brace", "given": "Curly"}],
               "issued": {"date-parts": [[2001]]}},
    "ampersand": {"type": "book", "title": "Rock & Roll", "author": [{"family": "Amp", "given": "Ann"}],
                  "issued": {"date-parts": [[2002]]}},
    "percent": {"type": "book", "title": "Growth of 100% in a year", "author": [{"family": "Percent", "given": "Paul"}],
                "issued": {"date-parts": [[2003]]}},
    "dollar": {"type": "book", "title": "The $5 question", "author": [{"family": "Dollar", "given": "Dora"}],
               "issued": {"date-parts": [[2004]]}},
    "hash": {"type": "book", "title": "Issue #1 of many", "author": [{"family": "Hash", "given": "Harry"}],
             "issued": {"date-parts": [[2005]]}},
    "underscore": {"type": "book", "title": "snake_case_names considered", "author": [{"family": "Under", "given": "Uma"}],
                   "issued": {"date-parts": [[2006]]}},
    "hostile": {"type": "article-newspaper", "title": HOSTILE_TITLE, "author": [{"family": "Evil", "given": "Eve"}],
                "container-title": "The <b>Bold</b> Times", "issued": {"date-parts": [[2024, 11, 16]]}},
}
SPECIAL_CASES = list(SPECIAL_SOURCES)

# (title, EDTF, description, tags, entities, [(source case, locator type, locator, quote, stance)])
SPECIAL_EVENTS = [
    (HOSTILE_TITLE, "2024-11-15", "First line\nsecond line\n\n*Not emphasis* <img src=x onerror=alert(1)>",
     ("strikes",), ("Jörg Müller",), [("hostile", "paragraph", "3", FORMULA_QUOTE, "supports"),
                                      ("organisation", "page", "12", "", "mentions")]),
    ("Spring offensive", "2022-21", "Only the season is known.", ("strikes",), (),
     [("season", "paragraph", "1", "in the spring", "supports"), ("circa", "paragraph", "", "", "contradicts")]),
    ("About 1984", "1984~", "", ("history",), (), []),
    ("Week of talks", "2024-11-18/2024-11-21", "Talks over four days.", ("diplomacy",), ("Тарас Шевченко",),
     [("range", "page", "2", "-2+3", "supports"), ("non-ascii", "section", "4.1", "Straße", "mentions")]),
    ("Morning meeting", "2024-11-20T10:30:00", "At half past ten.", ("diplomacy",), (), [("no-date", "line", "7", "", "supports")]),
]


def _stored(item: dict) -> tuple[dict, str | None, str | None]:
    item = copy.deepcopy(item)
    issued = item.pop("issued", None)
    accessed = item.pop("accessed", None)
    return item, issued and csl_date_to_edtf(issued), accessed and csl_date_to_edtf(accessed)


def build_special_project(path) -> dict:
    """Write the special project; return the source id of each case and the event id of each title."""
    db = create_project(path)
    try:
        source_ids = {}
        for case, item in SPECIAL_SOURCES.items():
            fields, issued, accessed = _stored(item)
            source_ids[case] = ops.run(db, add_source(fields, issued, accessed))
        event_ids = {}
        for title, date, description, tags, entities, citations in SPECIAL_EVENTS:
            event_ids[title] = ops.run(db, add_event(title, date, description, tags, entities))
            for case, locator_type, locator, quote, stance in citations:
                ops.run(db, add_citation(event_ids[title], source_ids[case], locator_type=locator_type,
                                         locator=locator, quote=quote, stance=stance))
        ops.run(db, update_source(source_ids["hostile"], reliability="E", credibility=5))
    finally:
        db.close()
    return {"sources": source_ids, "events": event_ids}


@pytest.fixture
def special(tmp_path):
    """(path, ids) of the special project."""
    path = tmp_path / "special.sourceline"
    return path, build_special_project(path)


@pytest.fixture(scope="session")
def special_path(tmp_path_factory):
    """The special project made once, for tests that only read it."""
    path = tmp_path_factory.mktemp("special") / "special.sourceline"
    build_special_project(path)
    return path


@pytest.fixture
def special_db(special):
    db = open_project(special[0])
    yield db
    db.close()


@pytest.fixture
def sample_db(sample_path):
    db = open_project(sample_path)
    yield db
    db.close()


@pytest.fixture(scope="session")
def csl_validator():
    """A jsonschema validator for the official CSL-JSON schema in ../shared/data."""
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = SHARED / "data" / "csl-data.json"
    if not schema_path.is_file():
        pytest.skip(f"{schema_path} is not present")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


@pytest.fixture(scope="session")
def cases():
    """The special project's constants (test modules cannot import a conftest)."""
    from types import SimpleNamespace

    return SimpleNamespace(sources=SPECIAL_SOURCES, names=SPECIAL_CASES, events=SPECIAL_EVENTS,
                           hostile_title=HOSTILE_TITLE, formula_quote=FORMULA_QUOTE, shared=SHARED)
