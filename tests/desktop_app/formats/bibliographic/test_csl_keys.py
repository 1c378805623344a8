"""Readable, stable, distinct citation keys."""
from desktop_app.formats.csl_keys import ascii_fold, citation_keys


def book(title, family=None, year=None, **more):
    item = {"type": "book", "title": title, **more}
    if family:
        item["author"] = [{"family": family, "given": "A."}]
    if year:
        item["issued"] = {"date-parts": [[year]]}
    return item


def test_family_year_and_first_significant_title_word():
    assert citation_keys([book("The Mission to Mars", "Smith", 2024)]) == ["smith2024mission"]


def test_non_ascii_names_are_folded():
    assert citation_keys([book("Über Straßen", "Müller-Østergaard", 1999)]) == ["mullerostergaard1999uber"]
    assert ascii_fold("Çetinkaya Łódź Æsir") == "Cetinkaya Lodz AEsir"


def test_collisions_get_letters_in_order_and_own_keys_are_kept():
    items = [book("Mission one", "Smith", 2024), book("Mission two", "Smith", 2024),
             book("Other"), book("Mission three", "Smith", 2024)]
    items[2]["citation-key"] = "smith2024mission"
    assert citation_keys(items) == ["smith2024missiona", "smith2024missionb", "smith2024mission",
                                    "smith2024missionc"]


def test_organisations_editors_and_empty_items():
    who = {"type": "report", "title": "A report", "author": [{"literal": "World Health Organization"}],
           "issued": {"date-parts": [[2020]]}}
    edited = {"type": "book", "title": "Collected", "editor": [{"family": "Brown"}]}
    assert citation_keys([who, edited, {"type": "document"}]) == ["world2020report", "browncollected", "source"]


def test_unusable_own_keys_are_replaced():
    assert citation_keys([book("Mission", "Smith", 2024, **{"citation-key": "has space, comma"})]) == [
        "smith2024mission"]
