"""BibTeX/BibLaTeX export, read back by bibtexparser (raw, and through our reader) and by pandoc."""
import bibtexparser
import pytest

from desktop_app.formats import bibtex
from tests.desktop_app.formats.bibliographic.conftest import date_key, name_keys, pandoc_csl

DIALECTS = ["bibtex", "biblatex"]
ROUND_TRIP_TYPES = {
    "bibtex": ["article-journal", "book", "chapter", "paper-conference", "report", "thesis",
               "webpage", "manuscript"],
    "biblatex": ["article-journal", "article-newspaper", "article-magazine", "book", "chapter",
                 "paper-conference", "report", "thesis", "webpage", "patent", "dataset",
                 "software", "manuscript", "periodical"],
}


def read_back(tmp_path, text):
    path = tmp_path / "export.bib"
    path.write_text(text, encoding="utf-8")
    return bibtex.read(path)


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("index", range(12))
def test_each_special_case_comes_back_unchanged(tmp_path, special_items, dialect, index):
    item = special_items[index]
    (back,) = read_back(tmp_path, bibtex.dumps([item], dialect=dialect))
    assert back["title"] == item["title"]
    assert name_keys(back.get("author")) == name_keys(item.get("author"))
    assert date_key(back.get("issued")) == date_key(item.get("issued"))
    assert date_key(back.get("accessed")) == date_key(item.get("accessed"))
    assert back.get("URL") == item.get("URL")
    assert back["type"] == item["type"]


@pytest.mark.parametrize("dialect, reader", [("bibtex", "bibtex"), ("biblatex", "biblatex")])
def test_pandoc_reads_the_same_titles_names_and_dates(special_items, dialect, reader):
    text = bibtex.dumps(special_items, dialect=dialect)
    by_id = {entry["id"]: entry for entry in pandoc_csl(text, reader)}
    keys = [entry.key for entry in bibtexparser.parse_string(text).entries]
    assert len(by_id) == len(special_items) == len(keys)
    for key, item in zip(keys, special_items):
        read = by_id[key]
        assert read["title"] == item["title"], key
        assert name_keys(read.get("author")) == name_keys(item.get("author")), key
        assert date_key(read.get("issued")) == date_key(item.get("issued")), key
        assert read.get("URL") == item.get("URL"), key


def test_organisation_is_one_braced_name(special_items):
    text = bibtex.dumps(special_items[:1], dialect="biblatex")
    assert "author = {{World Health Organization}}," in text


@pytest.mark.parametrize("title", ["Rock & Roll", "Growth of 100% in a year", "The $5 question",
                                   "Issue #1 of many", "snake_case_names considered",
                                   "Titles with {braces} inside", "a ~ b ^ c \\ d", "en -- dash"])
def test_special_characters_parse_cleanly_in_bibtexparser(title):
    text = bibtex.dumps([{"type": "book", "title": title}], dialect="bibtex")
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    (entry,) = library.entries
    raw_title = entry["title"]
    for char in "&%$#_":
        assert char not in raw_title.replace("\\" + char, "")  # each one escaped


def test_dialects_use_their_own_fields(special_items):
    week = special_items[4]
    biblatex = bibtexparser.parse_string(bibtex.dumps([week, special_items[3]], dialect="biblatex"))
    online, article = biblatex.entries
    assert online.entry_type == "online"
    assert online["date"] == "2024-11-18/2024-11-21"
    assert online["urldate"] == "2024-12-01"
    assert "journaltitle" in article and "journal" not in article
    classic = bibtexparser.parse_string(bibtex.dumps([week, special_items[3]], dialect="bibtex"))
    misc, article = classic.entries
    assert misc.entry_type == "misc"
    assert (misc["year"], misc["month"]) == ("2024", "nov")
    assert misc["howpublished"] == "\\url{https://example.org/week?a=1&b=2}"
    assert misc["note"] == "Accessed 2024-12-01"
    assert "journal" in article and "journaltitle" not in article


def test_non_ascii_is_written_as_utf8(special_items):
    text = bibtex.dumps([special_items[5]], dialect="biblatex")
    assert "Müller, Jörg" in text and "Østergaard, Søren" in text and "Straße" in text


@pytest.mark.parametrize("dialect", DIALECTS)
def test_round_trip_keeps_types_names_dates_urls_titles(tmp_path, dialect):
    types = ROUND_TRIP_TYPES[dialect]
    items = [{"type": kind, "title": f"A {kind} source",
              "author": [{"family": "Author", "given": f"Number {n}"}],
              "issued": {"date-parts": [[2000 + n, 1 + n % 12, 1 + n]]},
              "URL": f"https://example.org/{kind}"} for n, kind in enumerate(types)]
    back = read_back(tmp_path, bibtex.dumps(items, dialect=dialect))
    assert [b["type"] for b in back] == types
    assert [b["title"] for b in back] == [i["title"] for i in items]
    assert [name_keys(b["author"]) for b in back] == [name_keys(i["author"]) for i in items]
    assert [date_key(b["issued"]) for b in back] == [date_key(i["issued"]) for i in items]
    assert [b["URL"] for b in back] == [i["URL"] for i in items]


def test_citation_keys_are_kept_and_made(tmp_path):
    items = [{"type": "book", "title": "Kept", "citation-key": "mykey2020"},
             {"type": "book", "title": "The Mission", "author": [{"family": "Smith"}],
              "issued": {"date-parts": [[2024]]}}]
    back = read_back(tmp_path, bibtex.dumps(items))
    assert [b["citation-key"] for b in back] == ["mykey2020", "smith2024mission"]


def test_unknown_dialect_is_refused():
    with pytest.raises(ValueError):
        bibtex.dumps([], dialect="ris")


@pytest.mark.parametrize("dialect, reader", [("bibtex", "bibtex"), ("biblatex", "biblatex")])
def test_awkward_person_names_survive_our_reader_and_pandoc(tmp_path, dialect, reader):
    names = [{"given": "Plato"}, {"family": "de la Cruz", "given": "Juana Inés"},
             {"family": "Smith", "suffix": "Jr"}, {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"},
             {"family": "Lee", "given": "Rock and Roll"}, {"family": "Doe, Sr", "given": "Jane"}]
    item = {"type": "book", "title": "Names", "author": names}
    text = bibtex.dumps([item], dialect=dialect)
    expected = [("Plato", ""), ("de la Cruz", "Juana Inés"), ("Smith", ""), ("van Gogh", "Vincent"),
                ("Lee", "Rock and Roll"), ("Doe, Sr", "Jane")]
    assert name_keys(read_back(tmp_path, text)[0]["author"]) == expected
    assert name_keys(pandoc_csl(text, reader)[0]["author"]) == expected


@pytest.mark.parametrize("with_url", [False, True])
@pytest.mark.parametrize("dialect", DIALECTS)
def test_every_csl_type_comes_back_through_entrysubtype(tmp_path, dialect, with_url):
    from desktop_app.formats.csl_types import TYPES

    types = sorted(TYPES)
    items = [{"type": kind, "title": f"A {kind}", "issued": {"date-parts": [[2024]]},
              **({"URL": f"https://example.org/{kind}"} if with_url else {})} for kind in types]
    back = read_back(tmp_path, bibtex.dumps(items, dialect=dialect))
    assert [b["type"] for b in back] == types
    assert [b.get("URL") for b in back] == [i.get("URL") for i in items]
    assert not any("note" in b for b in back)  # a \url in howpublished is the URL, not a note


@pytest.mark.parametrize("dialect, reader", [("bibtex", "bibtex"), ("biblatex", "biblatex")])
def test_news_and_magazine_articles_keep_their_type_in_pandoc_too(dialect, reader):
    items = [{"type": kind, "title": kind, "container-title": "The Paper"}
             for kind in ("article-newspaper", "article-magazine", "article-journal")]
    text = bibtex.dumps(items, dialect=dialect)
    assert text.count("entrysubtype") == 2
    assert [item["type"] for item in pandoc_csl(text, reader)] == \
        ["article-newspaper", "article-magazine", "article-journal"]


def test_interview_is_a_misc_with_its_type_as_subtype():
    item = {"type": "interview", "title": "Talking", "author": [{"family": "Doe", "given": "Jane"}]}
    for dialect in DIALECTS:
        (entry,) = bibtexparser.parse_string(bibtex.dumps([item], dialect=dialect)).entries
        assert (entry.entry_type, entry["entrysubtype"]) == ("misc", "interview")
    # types an entry type says get no subtype
    plain = bibtex.dumps([{"type": "book", "title": "B"}, {"type": "webpage", "title": "W", "URL": "https://x.org"}])
    assert "entrysubtype" not in plain + bibtex.dumps([{"type": "webpage", "title": "W"}], dialect="biblatex")


@pytest.mark.parametrize("note, written", [
    ("Sample text, not the real statement.", "Sample text, not the real statement. Accessed 2024-11-19"),
    ("Opinion column", "Opinion column; accessed 2024-11-19"),
    ("", "Accessed 2024-11-19"),
])
def test_bibtex_access_date_joins_the_note_as_a_sentence_and_comes_back(tmp_path, note, written):
    item = {"type": "webpage", "title": "Page", "URL": "https://example.org/p",
            "accessed": {"date-parts": [[2024, 11, 19]]}, **({"note": note} if note else {})}
    text = bibtex.dumps([item], dialect="bibtex")
    (entry,) = bibtexparser.parse_string(text).entries
    assert entry["note"] == written and ".." not in text
    (back,) = read_back(tmp_path, text)
    assert back["accessed"] == {"date-parts": [[2024, 11, 19]]}
    assert back.get("note", "") == note
