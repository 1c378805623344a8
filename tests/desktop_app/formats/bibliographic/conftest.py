"""Shared material for the bibliographic-format tests: sample items, the real-world corpus in
../shared (skipped when absent), the official CSL-JSON schema, and pandoc as an independent reader."""
from __future__ import annotations

import copy
import json
import subprocess
from pathlib import Path

import pypandoc
import pytest

from db.errors import FileProblem
from desktop_app.formats.csl_dates import csl_date_to_edtf

REPO = Path(__file__).resolve().parents[4]
DATA = REPO / "tests" / "data" / "formats"
SHARED = REPO.parent / "shared"

# One item per special case an export must survive.
SPECIAL_ITEMS = [
    {"type": "report", "title": "Organisation as author",
     "author": [{"literal": "World Health Organization"}],
     "issued": {"date-parts": [[2020, 3, 5]]}, "publisher": "WHO", "URL": "https://www.who.int/r"},
    {"type": "book", "title": "No date at all", "author": [{"family": "Smith", "given": "John"}]},
    {"type": "book", "title": "Approximately dated", "author": [{"family": "Orwell", "given": "George"}],
     "issued": {"date-parts": [[1984]], "circa": True}},
    {"type": "article-journal", "title": "A spring issue", "author": [{"family": "Zeta", "given": "Anna"}],
     "container-title": "Seasonal Review", "issued": {"date-parts": [[2022]], "season": 1}},
    {"type": "webpage", "title": "A conference week", "author": [{"family": "Dupont", "given": "Jean-Luc"}],
     "issued": {"date-parts": [[2024, 11, 18], [2024, 11, 21]]},
     "accessed": {"date-parts": [[2024, 12, 1]]}, "URL": "https://example.org/week?a=1&b=2"},
    {"type": "article-journal", "title": "Straße, Øre und Ça va",
     "author": [{"family": "Müller", "given": "Jörg"}, {"family": "Østergaard", "given": "Søren"},
                {"family": "Çetinkaya", "given": "Bekir"}],
     "container-title": "Zeitschrift für Chronologie", "issued": {"date-parts": [[2023, 6]]}},
    {"type": "book", "title": "Titles with {braces} inside", "author": [{"family": "Brace", "given": "Curly"}],
     "issued": {"date-parts": [[2001]]}},
    {"type": "book", "title": "Rock & Roll", "author": [{"family": "Amp", "given": "Ann"}],
     "issued": {"date-parts": [[2002]]}},
    {"type": "book", "title": "Growth of 100% in a year", "author": [{"family": "Percent", "given": "Paul"}],
     "issued": {"date-parts": [[2003]]}},
    {"type": "book", "title": "The $5 question", "author": [{"family": "Dollar", "given": "Dora"}],
     "issued": {"date-parts": [[2004]]}},
    {"type": "book", "title": "Issue #1 of many", "author": [{"family": "Hash", "given": "Harry"}],
     "issued": {"date-parts": [[2005]]}},
    {"type": "book", "title": "snake_case_names considered", "author": [{"family": "Under", "given": "Uma"}],
     "issued": {"date-parts": [[2006]]}},
]

SPECIAL_CASES = ["organisation", "no-date", "circa", "season", "range", "non-ascii", "braces",
                 "ampersand", "percent", "dollar", "hash", "underscore"]


@pytest.fixture
def special_items() -> list[dict]:
    return copy.deepcopy(SPECIAL_ITEMS)


def shared_file(relative: str) -> Path:
    """A file from ../shared, or a skip when this checkout has no ../shared beside it."""
    path = SHARED / relative
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    return path


@pytest.fixture(scope="session")
def csl_validator():
    """A jsonschema validator for the official CSL-JSON schema in ../shared/data."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(shared_file("data/csl-data.json").read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    return validator_class(schema)


def pandoc_csl(text: str, reader: str) -> list[dict]:
    """What pandoc makes of a bibliography text: its CSL-JSON, keyed the way pandoc reads it."""
    run = subprocess.run([pypandoc.get_pandoc_path(), f"--from={reader}", "--to=csljson"],
                         input=text, capture_output=True, text=True, encoding="utf-8", check=True)
    return json.loads(run.stdout)


def name_keys(names) -> list[tuple]:
    """Names compared as what a reader sees: family (with any particle), given, or the literal."""
    keys = []
    for name in names or ():
        if "literal" in name:
            keys.append(("literal", name["literal"]))
            continue
        particle = name.get("non-dropping-particle") or name.get("dropping-particle")
        family = f"{particle} {name['family']}" if particle else name.get("family", "")
        keys.append((family, name.get("given", "")))
    return keys


def date_key(date) -> str | None:
    """A CSL date compared as the EDTF it stands for (pandoc writes seasons as month 21-24)."""
    return csl_date_to_edtf(date) if date else None


def problem_reading(read, path: Path, content: str | bytes) -> FileProblem:
    """The FileProblem that ``read`` raises for ``path`` holding ``content``."""
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    with pytest.raises(FileProblem) as raised:
        read(path)
    return raised.value
