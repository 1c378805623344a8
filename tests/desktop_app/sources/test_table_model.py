"""The library's table model on real project files: Qt's model contract, SQL sorting, filters, paging."""

import pytest
from PySide6.QtCore import Qt

from db.citations import add_citation
from db.sources import update_source
from db.store import create_project, write_transaction
from db.library import UNGRADED, SourceFilter
from desktop_app.sources.table_model import (ANNOTATIONS, CITING, COLUMNS, CREATORS, GRADE, ISSUED, TITLE, TYPE,
                                             SourceTableModel)

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


def column(model, number):
    return [model.data(model.index(row, number)) for row in range(model.rowCount())]


def test_model_contract(library, qtmodeltester):
    qtmodeltester.check(library.model)
    assert library.model.rowCount() == 12


def test_rows_show_creators_dates_in_words_types_grades_and_counts(library, source_id):
    db = library._session.db
    battle = source_id(db, "The Battle of Bakhmut: A Chronology")
    library._session.push(update_source(battle, reliability="B", credibility=2))
    model = library.model
    row = model.row_of(battle)
    shown = [model.data(model.index(row, c)) for c in range(len(COLUMNS))]
    assert shown == ["The Battle of Bakhmut: A Chronology", "Kovalenko, Olena; Müller, Jörg; Škoda, Pavel",
                     "Journal of Contemporary Warfare", "March 2023", "Journal article", "B2", "", ""]
    assert model.data(model.index(row, GRADE), Qt.ItemDataRole.ToolTipRole) == "Usually reliable; probably true"
    osce = model.row_of(source_id(db, "Report on Violations of International Humanitarian Law"))
    assert model.data(model.index(osce, CREATORS)) == "Organization for Security and Co-operation in Europe"
    assert model.data(model.index(osce, ISSUED)) == "Wednesday 13 April 2022"
    daily = model.row_of(source_id(db, "Daily News report"))
    assert model.data(model.index(daily, CITING)) == 2  # the small project's source, cited by two events
    assert model.data(model.index(daily, TYPE)) == "Newspaper article"


def test_every_column_sorts_in_sql_both_ways(library, qtmodeltester):
    model = library.model
    for number in range(len(COLUMNS)):
        for order in (ASC, DESC):
            model.sort(number, order)
            ids = [model.source_id(r) for r in range(model.rowCount())]
            assert sorted(ids) == sorted(set(ids)) and len(ids) == 12
    model.sort(TITLE, ASC)
    titles = column(model, TITLE)
    assert titles == sorted(titles, key=str.casefold)
    model.sort(TITLE, DESC)
    assert column(model, TITLE) == sorted(titles, key=str.casefold, reverse=True)
    qtmodeltester.check(model)


def test_issued_sorts_by_date_with_undated_last_either_way(library):
    model = library.model
    db = library._session.db
    model.sort(ISSUED, ASC)
    starts = [db.conn.execute("SELECT issued_start_s FROM sources WHERE id = ?", (model.source_id(r),)).fetchone()[0]
              for r in range(model.rowCount())]
    dated = [s for s in starts if s is not None]
    assert starts == dated + [None] * (len(starts) - len(dated)) and dated == sorted(dated)
    model.sort(ISSUED, DESC)
    assert column(model, ISSUED)[-1] == ""
    assert column(model, ISSUED)[:2] == ["Saturday 16 November 2024", "Wednesday 13 March 2024"]


def test_grade_and_counts_sort(library, source_id):
    db = library._session.db
    session = library._session
    for title, letter, number in (("Logistics of attrition", "A", 1), ("L'Été à Kyiv", "C", 3),
                                  ("Drone strike on the refinery", "A", 4)):
        session.push(update_source(source_id(db, title), reliability=letter, credibility=number))
    model = library.model
    model.sort(GRADE, ASC)
    assert column(model, GRADE)[:4] == ["A1", "A4", "C3", ""]
    model.sort(GRADE, DESC)
    assert column(model, GRADE)[:3] == ["C3", "A4", "A1"] and column(model, GRADE)[-1] == ""
    event = db.conn.execute("SELECT min(id) FROM events").fetchone()[0]
    session.push(add_citation(event, source_id(db, "L'Été à Kyiv")))
    model.sort(CITING, DESC)
    assert column(model, CITING)[:2] == [2, 1]
    assert model.data(model.index(1, TITLE)) == "L'Été à Kyiv"
    model.sort(ANNOTATIONS, ASC)
    assert model.rowCount() == 12


def test_text_filter_searches_titles_and_full_texts(library):
    model = library.model
    model.set_filter(SourceFilter(text="Kakhovka"))  # only in the HTML page's body
    assert column(model, TITLE) == ["Bridge destroyed on the Dnipro"]
    model.set_filter(SourceFilter(text="bakhm"))  # a prefix, as you type
    assert column(model, TITLE) == ["The Battle of Bakhmut: A Chronology"]
    model.set_filter(SourceFilter(text='"unbalanced (AND'))  # any input is safe
    assert model.rowCount() == 0


def test_type_and_reliability_filters(library, source_id):
    model = library.model
    model.set_filter(SourceFilter(csl_type="article-newspaper"))
    assert sorted(column(model, TITLE)) == ["Bridge destroyed on the Dnipro", "Daily News report",
                                            "Drone strike on the refinery", "Kherson: Ukrainian troops enter the city",
                                            "Shelling reported near Avdiivka"]
    db = library._session.db
    library._session.push(update_source(source_id(db, "Logistics of attrition"), reliability="B"))
    model.set_filter(SourceFilter(reliability="B"))
    assert column(model, TITLE) == ["Logistics of attrition"]
    model.set_filter(SourceFilter(reliability=UNGRADED))
    assert model.rowCount() == 11
    model.set_filter(SourceFilter(text="logistics", reliability="A"))
    assert model.rowCount() == 0


def test_edits_refresh_the_model(library, source_id):
    model = library.model
    db = library._session.db
    osce = source_id(db, "Report on Violations of International Humanitarian Law")
    library._session.push(update_source(osce, title="OSCE report, April 2022"))
    assert model.data(model.index(model.row_of(osce), TITLE)) == "OSCE report, April 2022"
    library._session.undo_stack.undo()
    assert model.data(model.index(model.row_of(osce), TITLE)) == "Report on Violations of International Humanitarian Law"


@pytest.fixture
def big_project(tmp_path):
    """20,000 sources with a creator each, written in one transaction."""
    db = create_project(tmp_path / "big.sourceline")
    with write_transaction(db):
        db.conn.executemany(
            "INSERT INTO sources (id, csl_type, title, issued_edtf, full_text) VALUES (?, ?, ?, ?, ?)",
            [(i, "report" if i % 3 else "webpage", f"Report number {i:05d} on the front", f"{1990 + i % 30}",
              f"text {i}") for i in range(1, 20_001)])
        db.conn.executemany("INSERT INTO source_creators (source_id, family, given) VALUES (?, ?, ?)",
                            [(i, f"Author{i % 997:03d}", "A.") for i in range(1, 20_001)])
    yield db
    db.close()


def test_twenty_thousand_sources_page_through_sql(big_project, qapp):
    model = SourceTableModel(big_project)
    assert model.rowCount() == 20_000
    assert model.data(model.index(19_999, TITLE)) == "Report number 20000 on the front"
    assert model.data(model.index(0, CREATORS)) == "Author001, A."
    assert len(model._pages) == 2  # only the pages asked for were read
    model.sort(CREATORS, DESC)
    assert model.data(model.index(0, CREATORS)) == "Author996, A."
    model.set_filter(SourceFilter(text="00042"))
    assert model.rowCount() == 1
    model.set_filter(SourceFilter())
    model.sort(TITLE, ASC)
    for row in range(0, 20_000, 70):  # scrolling from top to bottom
        assert model.data(model.index(row, TITLE)) == f"Report number {row + 1:05d} on the front"
    assert len(model._pages) <= model.CACHED_PAGES  # a bounded cache


def test_the_library_opens_sorted_by_title_ascending(library):
    titles = column(library.model, TITLE)
    assert titles == sorted(titles, key=str.casefold)
    assert library.table.horizontalHeader().sortIndicatorOrder() == ASC
