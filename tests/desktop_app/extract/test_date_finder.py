"""The date finder, rule by rule: absolute and relative expressions, tense, year boundaries, leap
days, expressions that are not dates, and a text without a publication date."""
from __future__ import annotations

from datetime import date

import edtf
import pytest

from db.dates import InvalidDate, validate
from desktop_app.extract.date_finder import DateHit, find_dates


def hits(text: str, published: date | None) -> dict[str, str | None]:
    found = find_dates(text, published)
    for hit in found:
        assert text[hit.start:hit.end] == hit.text
        if hit.edtf is not None:
            edtf.parse_edtf(hit.edtf)
            validate(hit.edtf)
    return {hit.text: hit.edtf for hit in found}


def reading(text: str, expression: str, published: date | None) -> str | None:
    found = hits(text, published)
    assert expression in found, f"{expression!r} not found in {text!r}; found {found}"
    return found[expression]


WED_20_NOV_2024 = date(2024, 11, 20)
FRI_22_NOV_2024 = date(2024, 11, 22)
THU_2_JAN_2025 = date(2025, 1, 2)


@pytest.mark.parametrize(
    "text, expression, expected",
    [
        ("The attack came on 19 November 2024.", "19 November 2024", "2024-11-19"),
        ("Ukraine fired the missiles on Nov. 19, officials said.", "Nov. 19", "2024-11-19"),
        ("The envoy will arrive on Nov. 21.", "Nov. 21", "2024-11-21"),
        ("The summit opens on 30 December.", "30 December", "2024-12-30"),
        ("Parliament returns on Monday 6 January 2025.", "Monday 6 January 2025", "2025-01-06"),
        ("Prices peaked in December 2022.", "December 2022", "2022-12"),
        ("The peninsula was annexed in 2014.", "2014", "2014"),
        ("Europe told itself history had ended in the 1990s.", "the 1990s", "199X"),
        ("Georgia was invaded in August 2008.", "August 2008", "2008-08"),
        ("It was signed on November 18, 2024, in Rio.", "November 18, 2024", "2024-11-18"),
        ("It was agreed on the 19th of November.", "the 19th of November", "2024-11-19"),
        ("The file is dated 2024-11-19.", "2024-11-19", "2024-11-19"),
        ("The conference was held on 11–12 June 2024.", "11–12 June 2024", "2024-06-11/2024-06-12"),
        ("Talks ran November 18-20, 2024.", "November 18-20, 2024", "2024-11-18/2024-11-20"),
        ("The occupation lasted from 2014-2022.", "2014-2022", "2014/2022"),
        ("Gothic cathedrals of the 13th century.", "the 13th century", "12XX"),
        ("Inflation in the early 1980s was high.", "the early 1980s", "1980/1983"),
        ("A vote is expected on 23 February next year.", "23 February next year", "2025-02-23"),
    ],
)
def test_absolute_expressions(text, expression, expected):
    assert reading(text, expression, WED_20_NOV_2024) == expected


@pytest.mark.parametrize(
    "text, expression, expected",
    [
        ("Officials met yesterday.", "yesterday", "2024-11-19"),
        ("Blackouts could return tomorrow.", "tomorrow", "2024-11-21"),
        ("Russia fired the missile on Friday.", "Friday", "2024-11-15"),
        ("The minister will travel to Kyiv on Friday.", "Friday", "2024-11-22"),
        ("The envoy is due to arrive on Friday.", "Friday", "2024-11-22"),
        ("They met last Friday.", "last Friday", "2024-11-15"),
        ("They meet again next Monday.", "next Monday", "2024-11-25"),
        ("Prices rose last month.", "last month", "2024-10"),
        ("Growth will pick up next year.", "next year", "2025"),
        ("The doctrine was revised two years ago.", "two years ago", "2022"),
        ("He spoke to Parliament earlier this week.", "earlier this week", "2024-11-18/2024-11-19"),
        ("Ministers meet in Brussels next week.", "next week", "2024-11-25/2024-12-01"),
        ("They will meet again in the new year.", "the new year", "2025"),
        ("The economy shrank last year.", "last year", "2023"),
        ("The report was published last week.", "last week", "2024-11-11/2024-11-17"),
        ("Restrictions were eased at the weekend.", "the weekend", "2024-11-16/2024-11-17"),
        ("A decision is expected later this month.", "later this month", "2024-11-21/2024-11-30"),
        ("Inflation fell earlier this year.", "earlier this year", "2024-01-01/2024-11-19"),
        ("The foreign ministers met three weeks ago.", "three weeks ago", "2024-10-30~"),
        ("He visited the front a few days ago.", "a few days ago", "2024-11-17~"),
        ("Thirty-five years ago the Wall fell.", "Thirty-five years ago", "1989"),
        ("The rules were rewritten the day before yesterday.", "the day before yesterday", "2024-11-18"),
        ("Putin said last night that Russia had the right to strike.", "last night", "2024-11-19"),
        ("Funding runs out at the end of next year.", "the end of next year", "2025-12"),
        ("Aid will be sent before the end of the month.", "the end of the month", "2024-11-21/2024-11-30"),
    ],
)
def test_expressions_relative_to_publication(text, expression, expected):
    assert reading(text, expression, WED_20_NOV_2024) == expected


@pytest.mark.parametrize(
    "text, expression, expected",
    [
        ("Prices surged in spring 2022.", "spring 2022", "2022-21"),
        ("Prices surged in the spring of 2022.", "the spring of 2022", "2022-21"),
        ("The first such meeting since the summer of 2023.", "the summer of 2023", "2023-22"),
        ("Few believed it in the winter of 1938.", "the winter of 1938", "1938-24"),
        ("Troops arrived in late October.", "late October", "2024-10-21/2024-10-31"),
        ("Polls were low until mid-November.", "mid-November", "2024-11-11/2024-11-20"),
        ("Bucha was discovered in early April 2022.", "early April 2022", "2022-04-01/2022-04-10"),
        ("Waiting lists will fall by the end of the year.", "the end of the year", "2024-12"),
        ("Stocks fell after the end of September.", "the end of September", "2024-09-21/2024-09-30"),
        ("Hospitals brace for New Year's Day.", "New Year's Day", "2025-01-01"),
        ("Pressures peak over Christmas and beyond.", "Christmas", "2024-12-25"),
        ("A government should be in place by Easter.", "Easter", "2025-04-20"),
        ("Voters queued on Election Day.", "Election Day", "2024-11-05"),
        ("The plant will open in late 2026.", "late 2026", "2026-09/2026-12"),
        ("Rates fall to 2% by mid-2025.", "mid-2025", "2025-05/2025-08"),
        ("Production starts in the first half of 2025.", "the first half of 2025", "2025-01/2025-06"),
        ("Growth returns in the first quarter of next year.", "the first quarter of next year", "2025-01/2025-03"),
        ("Results are due in Q3 2025.", "Q3 2025", "2025-07/2025-09"),
        ("The ground must hold through the winter.", "the winter", "2024-24"),
        ("Partners must act this winter.", "this winter", "2024-24"),
        ("The jets could arrive next spring.", "next spring", "2025-21"),
        ("Fields flooded last summer.", "last summer", "2024-22"),
        ("Frost is forecast for the first week of December.", "the first week of December", "2024-12-01/2024-12-07"),
    ],
)
def test_seasons_parts_and_holidays(text, expression, expected):
    assert reading(text, expression, WED_20_NOV_2024) == expected


@pytest.mark.parametrize("text", ["He said it today.", "He said it this morning.", "It ends tonight.",
                                  "She will speak later today.", "She arrived this afternoon."])
def test_today_and_parts_of_today_are_the_publication_date(text):
    assert list(hits(text, WED_20_NOV_2024).values()) == ["2024-11-20"]


def test_the_publications_own_weekday_is_the_publication_day_unless_future():
    # News names the day of publication by its weekday and uses weekday names for the past seven
    # days (AP, Reuters): in Friday's paper "on Friday" in the past tense is that Friday; "last
    # Friday" the one before; in the future tense, without "today", the Friday after.
    assert reading("The missile hit Dnipro on Friday.", "Friday", FRI_22_NOV_2024) == "2024-11-22"
    assert reading("Kyiv said on Friday that the missile was new.", "Friday", FRI_22_NOV_2024) == "2024-11-22"
    assert reading("Friday morning: sirens across the east.", "Friday morning", FRI_22_NOV_2024) == "2024-11-22"
    assert reading("Ministers will meet on Friday.", "Friday", FRI_22_NOV_2024) == "2024-11-29"
    assert reading("Today, Friday, the talks resumed.", "Friday", FRI_22_NOV_2024) == "2024-11-22"
    assert reading("They met last Friday.", "last Friday", FRI_22_NOV_2024) == "2024-11-15"
    assert reading("They meet this Friday.", "this Friday", FRI_22_NOV_2024) == "2024-11-22"
    assert reading("They met next Friday.", "next Friday", FRI_22_NOV_2024) == "2024-11-29"
    # Other weekdays are unchanged: the latest one before publication.
    assert reading("The missile hit Dnipro on Thursday.", "Thursday", FRI_22_NOV_2024) == "2024-11-21"


class TestPublicationKnownToTheMonth:
    """A source dated only "2024-11": the year and month are known, the day is not."""

    def test_absolute_and_year_less_dates_resolve(self):
        found = hits("Ukraine fired the missiles on 6 November and again in late October; "
                     "a vote is due on 20 January. The war began on 24 February 2022.", "2024-11")
        assert found == {"6 November": "2024-11-06", "late October": "2024-10-21/2024-10-31",
                         "20 January": "2025-01-20", "24 February 2022": "2022-02-24"}

    def test_a_date_late_in_the_month_is_not_pushed_back_a_year(self):
        # "since" rules out dates after publication: the month's last day is the limit, not its first.
        assert reading("Prices have risen since 25 November.", "25 November", "2024-11") == "2024-11-25"
        assert reading("Russia attacked on 28 November.", "28 November", "2024-11") == "2024-11-28"

    def test_month_and_year_counts_resolve_day_counts_do_not(self):
        found = hits("Prices rose last month and last year; the strike came yesterday, on Friday, "
                     "earlier this month and two weeks ago, three months ago.", "2024-11")
        assert found == {"last month": "2024-10", "last year": "2023", "yesterday": None, "Friday": None,
                         "earlier this month": None, "two weeks ago": None, "three months ago": "2024-08"}

    def test_a_year_alone_resolves_year_counts_and_year_less_dates_in_that_year(self):
        found = hits("Prices rose last month and last year, and will fall in March.", "2024")
        assert found == {"last month": None, "last year": "2023", "March": "2024-03"}

    def test_a_day_given_as_edtf_is_a_day(self):
        assert hits("The missile hit Dnipro yesterday.", "2024-11-22") == {"yesterday": "2024-11-21"}

    def test_a_string_that_is_not_edtf_is_refused(self):
        with pytest.raises(InvalidDate):
            find_dates("It rained yesterday.", "last Tuesday")


def test_a_weekday_before_a_capitalised_word_is_still_a_weekday():
    assert reading("On Sunday Ukraine said it had shot down the drones.", "Sunday", WED_20_NOV_2024) == "2024-11-17"


def test_the_nearest_verb_decides_the_tense():
    text = "Denmark said on Thursday it would deliver the jets, and the envoy will arrive on Monday."
    found = hits(text, WED_20_NOV_2024)
    assert found["Thursday"] == "2024-11-14"
    assert found["Monday"] == "2024-11-25"
    text = "The first mass will be celebrated tomorrow morning, and the cathedral opens from Monday."
    assert hits(text, WED_20_NOV_2024)["Monday"] == "2024-11-25"  # "celebrated" after "be" is not past


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # The present of an arrangement or a timetable speaks of the future.
        ("The vote takes place on Friday.", WED_20_NOV_2024, "2024-11-22"),
        ("The minister is travelling to Kyiv on Friday.", WED_20_NOV_2024, "2024-11-22"),
        ("Talks resume on Friday.", WED_20_NOV_2024, "2024-11-22"),
        ("The summit opens on Friday, officials said.", WED_20_NOV_2024, "2024-11-22"),
        # ... but on the publication's own weekday it is that day, as "on Friday" in the past is.
        ("The summit opens on Friday.", FRI_22_NOV_2024, "2024-11-22"),
        # Not a present of its own: a noun, an infinitive, a negated past, a possessive.
        ("The war passed the 1,000-day mark on Tuesday.", WED_20_NOV_2024, "2024-11-19"),
        ("Russia held votes on Friday.", WED_20_NOV_2024, "2024-11-15"),
        ("He did not meet Scholz on Friday.", WED_20_NOV_2024, "2024-11-15"),
        ("The talks that ended on Friday failed.", WED_20_NOV_2024, "2024-11-15"),
        ("Rescuers are searching the rubble after Thursday's strike.", WED_20_NOV_2024, "2024-11-14"),
        ("The minister, who is visiting Kyiv, spoke on Friday.", WED_20_NOV_2024, "2024-11-15"),
    ],
)
def test_a_scheduled_present_puts_a_weekday_ahead(text, published, expected):
    assert reading(text, next(day for day in ("Tuesday", "Thursday", "Friday") if day in text), published) == expected


def test_a_scheduled_present_chooses_the_coming_month_and_weekend():
    assert reading("Parliament returns in March.", "March", date(2024, 12, 9)) == "2025-03"
    assert reading("Parliament returned in March.", "March", date(2024, 12, 9)) == "2024-03"
    assert reading("The festival opens at the weekend.", "the weekend", WED_20_NOV_2024) == "2024-11-23/2024-11-24"
    assert reading("The festival opened at the weekend.", "the weekend", WED_20_NOV_2024) == "2024-11-16/2024-11-17"


def test_the_tense_chooses_the_year_of_a_month_far_away():
    published = date(2024, 12, 9)
    assert reading("Russia attacked the city in March.", "March", published) == "2024-03"
    assert reading("A new vote will be held in March.", "March", published) == "2025-03"
    # Near months win over a contradicting tense: a January deadline said in the past tense.
    assert reading("He said he had to leave by January.", "January", published) == "2025-01"
    # "since" puts it before publication whatever else the sentence says.
    assert reading("Shares will keep the gains made since January.", "January", date(2024, 10, 31)) == "2024-01"


class TestYearBoundaries:
    def test_last_month_in_january_is_december_of_the_year_before(self):
        assert reading("Inflation rose last month.", "last month", THU_2_JAN_2025) == "2024-12"

    def test_a_weekday_before_new_year(self):
        assert reading("He spoke on Monday.", "Monday", THU_2_JAN_2025) == "2024-12-30"
        assert reading("Scholz gave his address on Tuesday.", "Tuesday", THU_2_JAN_2025) == "2024-12-31"

    def test_a_weekday_after_new_year(self):
        assert reading("Figures are due on Monday.", "Monday", date(2024, 12, 31)) == "2025-01-06"

    def test_a_december_day_mentioned_in_january(self):
        assert reading("Parliament was dissolved on 27 December.", "27 December", THU_2_JAN_2025) == "2024-12-27"
        assert reading("The event is on 30 December.", "30 December", THU_2_JAN_2025) == "2024-12-30"

    def test_a_january_day_mentioned_in_december(self):
        assert reading("Trump returns on 20 January.", "20 January", date(2024, 12, 18)) == "2025-01-20"

    def test_this_year_and_new_year_just_after_new_year(self):
        assert reading("Growth will be weak this year.", "this year", THU_2_JAN_2025) == "2025"
        assert reading("Talks resume in the new year.", "the new year", THU_2_JAN_2025) == "2025"
        assert reading("Hospitals brace for New Year's Day.", "New Year's Day", date(2024, 12, 18)) == "2025-01-01"


class TestLeapDays:
    def test_29_february_with_a_leap_year(self):
        assert reading("It was signed on 29 February 2024.", "29 February 2024", None) == "2024-02-29"

    def test_29_february_without_year_in_a_leap_year(self):
        assert reading("It was signed on 29 February.", "29 February", date(2024, 3, 10)) == "2024-02-29"

    def test_29_february_of_a_common_year_is_reported_but_not_resolved(self):
        assert reading("It was signed on 29 February 2023.", "29 February 2023", None) is None

    def test_29_february_without_year_in_a_common_year_goes_to_a_leap_year(self):
        found = reading("It was signed on 29 February.", "29 February", date(2023, 3, 10))
        assert found in ("2020-02-29", "2024-02-29")

    def test_month_ends_respect_leap_years(self):
        assert reading("Aid arrived in late February 2024.", "late February 2024", None) == "2024-02-21/2024-02-29"
        assert reading("Aid arrived in late February 2023.", "late February 2023", None) == "2023-02-21/2023-02-28"


# The relative examples, each in a sentence, read on New Year's Eve, New Year's Day, a leap
# day and the day after one: (text, expression, {publication: expected}).
BOUNDARY_EXAMPLES = [
    ("Officials met yesterday.", "yesterday",
     {"2024-12-31": "2024-12-30", "2025-01-01": "2024-12-31", "2024-02-29": "2024-02-28", "2024-03-01": "2024-02-29"}),
    ("Russia fired the missile on Friday.", "Friday",
     {"2024-12-31": "2024-12-27", "2025-01-01": "2024-12-27", "2024-02-29": "2024-02-23", "2024-03-01": "2024-03-01"}),
    ("The minister will travel to Kyiv on Friday.", "Friday",
     {"2024-12-31": "2025-01-03", "2025-01-01": "2025-01-03", "2024-02-29": "2024-03-01", "2024-03-01": "2024-03-08"}),
    ("They met last Friday.", "last Friday",
     {"2024-12-31": "2024-12-27", "2025-01-01": "2024-12-27", "2024-02-29": "2024-02-23", "2024-03-01": "2024-02-23"}),
    ("Prices rose last month.", "last month",
     {"2024-12-31": "2024-11", "2025-01-01": "2024-12", "2024-02-29": "2024-01", "2024-03-01": "2024-02"}),
    ("Growth will pick up next year.", "next year",
     {"2024-12-31": "2025", "2025-01-01": "2026", "2024-02-29": "2025", "2024-03-01": "2025"}),
    ("The doctrine was revised two years ago.", "two years ago",
     {"2024-12-31": "2022", "2025-01-01": "2023", "2024-02-29": "2022", "2024-03-01": "2022"}),
    ("He spoke to Parliament earlier this week.", "earlier this week",
     {"2024-12-31": "2024-12-30", "2025-01-01": "2024-12-30/2024-12-31", "2024-02-29": "2024-02-26/2024-02-28",
      "2024-03-01": "2024-02-26/2024-02-29"}),
    ("Ministers meet in Brussels next week.", "next week",
     {"2024-12-31": "2025-01-06/2025-01-12", "2025-01-01": "2025-01-06/2025-01-12",
      "2024-02-29": "2024-03-04/2024-03-10", "2024-03-01": "2024-03-04/2024-03-10"}),
    ("They will meet again in the new year.", "the new year",
     {"2024-12-31": "2025", "2025-01-01": "2025", "2024-07-01": "2025"}),
    ("The economy shrank last year.", "last year",
     {"2024-12-31": "2023", "2025-01-01": "2024", "2024-02-29": "2023", "2024-03-01": "2023"}),
    ("Waiting lists will fall by the end of the year.", "the end of the year",
     {"2024-12-31": "2024-12", "2025-01-01": "2025-12", "2024-02-29": "2024-12", "2024-03-01": "2024-12"}),
    ("Hospitals brace for New Year's Day.", "New Year's Day",
     {"2024-12-31": "2025-01-01", "2025-01-01": "2025-01-01"}),
    ("The summit was held on 30 December.", "30 December",
     {"2024-12-31": "2024-12-30", "2025-01-01": "2024-12-30"}),
    ("Aid will be sent before the end of the month.", "the end of the month",
     {"2024-02-29": "2024-02-21/2024-02-29", "2023-02-28": "2023-02-21/2023-02-28"}),
    ("It was signed a year ago.", "a year ago", {"2024-02-29": "2023", "2025-02-28": "2024"}),
    ("It was signed four weeks ago.", "four weeks ago", {"2024-03-28": "2024-02-29~", "2023-03-28": "2023-02-28~"}),
]


@pytest.mark.parametrize(
    "text, expression, published, expected",
    [(text, expression, published, expected)
     for text, expression, readings in BOUNDARY_EXAMPLES for published, expected in readings.items()],
)
def test_relative_expressions_across_year_ends_and_leap_days(text, expression, published, expected):
    assert reading(text, expression, date.fromisoformat(published)) == expected


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Prices fell last December.", WED_20_NOV_2024, {"last December": "2023-12"}),
        ("Prices fell last November.", WED_20_NOV_2024, {"last November": "2023-11"}),
        ("Prices fell last December.", THU_2_JAN_2025, {"last December": "2024-12"}),
        ("Talks resume next November.", WED_20_NOV_2024, {"next November": "2025-11"}),
        ("Talks resume next January.", date(2024, 12, 31), {"next January": "2025-01"}),
        ("Rationing lasted from April to June.", WED_20_NOV_2024, {"April": "2024-04", "June": "2024-06"}),
        ("Polls were held in April, May and June.", WED_20_NOV_2024,
         {"April": "2024-04", "May": "2024-05", "June": "2024-06"}),
        ("February was the mildest on record.", date(2025, 3, 1), {"February": "2025-02"}),
        ("May was the wettest month.", WED_20_NOV_2024, {}),  # "May" alone starts too many names
    ],
)
def test_months_with_a_modifier_in_a_list_or_as_a_subject(text, published, expected):
    assert hits(text, published) == expected


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Crowds gathered last weekend.", WED_20_NOV_2024, "2024-11-16/2024-11-17"),
        ("Crowds gathered this past weekend.", WED_20_NOV_2024, "2024-11-16/2024-11-17"),
        ("Crowds will gather this weekend.", WED_20_NOV_2024, "2024-11-23/2024-11-24"),
        ("Crowds gather next weekend.", WED_20_NOV_2024, "2024-11-23/2024-11-24"),
        ("Crowds gathered this weekend.", date(2024, 11, 23), "2024-11-23/2024-11-24"),
        ("Crowds gathered last weekend.", date(2024, 11, 23), "2024-11-16/2024-11-17"),
        ("Crowds will gather next weekend.", date(2024, 11, 24), "2024-11-30/2024-12-01"),
        ("Shops close next weekend.", date(2024, 12, 26), "2024-12-28/2024-12-29"),
        ("Shops closed last weekend.", date(2025, 1, 2), "2024-12-28/2024-12-29"),
    ],
)
def test_weekends(text, published, expected):
    assert list(hits(text, published).values()) == [expected]


class TestNotDates:
    @pytest.mark.parametrize(
        "text",
        [
            "The war has lasted 1,000 days.",
            "It marked the 1,000th day of the war.",
            "He has been in office for two years.",
            "It took a decade to rebuild.",
            "An answer is expected within weeks.",
            "The deal was saved at the last minute.",
            "He promised peace within 24 hours.",
            "A two-year contract was signed.",
            "Moscow sent 2,000 troops to the border.",
            "Pilots trained on the F-16 and the F-35.",
            "The figures are on page 1204 of the report.",
            "The council passed Resolution 2231 unanimously.",
            "He told the committee at 1400 GMT that jets would leave.",
            "Some 2000 troops were deployed.",
            "The bill costs $1500 per household.",
            "Growth over the past year was slow.",
            "It was the deadliest flood in the last year.",
            "Visitors flock to the Christmas market.",
            "Several leaders stayed away from the summit.",
            "Theresa May spoke in the Commons.",
            "Britain will march on.",
            "The fall of Kherson changed the war.",
            "The next Winter Olympics are in Italy.",
            "Temperatures were 1.3C above normal in a cold snap.",
            "The Sunday Times reported it first.",
            "The Good Friday agreement held.",
            "A column of Su-25 March jets.",
        ],
    )
    def test_durations_counts_and_numbers_are_not_reported(self, text):
        assert hits(text, WED_20_NOV_2024) == {}

    def test_a_year_needs_a_plausible_context(self):
        assert reading("Surpassing 2023, this year is the hottest.", "2023", WED_20_NOV_2024) == "2023"
        assert reading("Construction began in 1163.", "1163", WED_20_NOV_2024) == "1163"
        assert hits("The ship carried 1163 containers.", WED_20_NOV_2024) == {}


class TestWithoutPublicationDate:
    def test_relative_expressions_are_reported_unresolved(self):
        found = hits("Russia fired on Friday, yesterday and last month; talks resume next week.", None)
        assert found == {"Friday": None, "yesterday": None, "last month": None, "next week": None}

    def test_year_less_dates_are_unresolved_but_absolute_ones_resolve(self):
        found = hits("It began on 24 February 2022, in the 1990s, in spring 2022 and on Nov. 19.", None)
        assert found == {"24 February 2022": "2022-02-24", "the 1990s": "199X", "spring 2022": "2022-21",
                         "Nov. 19": None}


def test_offsets_and_sentences():
    text = "Officials said on Nov. 19 that Mr. Rutte had met Trump.\nKyiv, 19 November 2024"
    found = find_dates(text, WED_20_NOV_2024)
    assert found == [
        DateHit("Nov. 19", 18, 25, "2024-11-19", "Officials said on Nov. 19 that Mr. Rutte had met Trump."),
        DateHit("19 November 2024", 62, 78, "2024-11-19", "Kyiv, 19 November 2024"),
    ]


def test_hits_are_in_text_order_and_do_not_overlap():
    text = "From Tuesday 29 October to 2 November, and again since Monday, rain fell."
    found = find_dates(text, date(2024, 11, 4))
    assert [hit.text for hit in found] == ["Tuesday 29 October", "2 November", "Monday"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_text_without_full_stops_keeps_a_short_context():
    # (how long it takes is measured by `python -m benchmarks.inputs`, not asserted here)
    text = " ".join(f"item{n} due 2024-11-{n % 28 + 1:02d}" for n in range(3000))
    found = find_dates(text, WED_20_NOV_2024)
    assert len(found) == 3000
    assert all(hit.text in hit.sentence and len(hit.sentence) <= 600 for hit in found)
    context = found[100].sentence
    at = text.index(context)
    assert text[at - 1] == " " and text[at + len(context)] == " "  # whole words, none cut in half
