"""The shapes of English time expressions the date finder looks for, as regular expressions.

Each :class:`Rule` names its shape; ``date_resolve`` turns a match into EDTF. Month and weekday
names are matched case-sensitively (``march`` and ``may`` are verbs); function words such as
``last`` or ``the`` are not. When a pattern needs a preceding word to be sure (``in May`` but not
``Theresa May``), that word is matched outside the ``hit`` group, so hits never start with a
preposition.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_app.extract.date_words import DECADE_WORDS, YEAR_IN_WORDS

_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# A name hyphenated across a line break of text taken from a PDF ("Decem-\nber 22, 2025").
_LINE_BREAK = r"-[ \t]*\r?\n[ \t]*"


def _broken(names: tuple[str, ...]) -> str:
    """Each of ``names`` hyphenated at a line's end after any of its letters but the last two.
    (The lookahead is a cheap test that spares the regex engine the many alternatives almost everywhere.)"""
    return "(?=[A-W][a-z]{1,7}-[ \\t]*\\r?\\n)(?:" + "|".join(
        f"{name[:cut]}{_LINE_BREAK}{name[cut:]}" for name in names for cut in range(2, len(name) - 1)) + ")"


MONTH_FULL = "|".join(_MONTH_NAMES)
MONTH_SHORT = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MONTH = rf"(?:{MONTH_FULL}|{MONTH_SHORT}|{_broken(_MONTH_NAMES)})"  # with a day or a year: broken ones too
WEEKDAY = "|".join(_WEEKDAY_NAMES)
_WEEKDAY_WITH_DATE = rf"(?:{WEEKDAY}|{_broken(_WEEKDAY_NAMES)})"  # "Mon-\nday, August 11, 2025"
SEASON = "(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter|[Ff]all)"
SEASON_NO_FALL = "(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter)"  # "the fall of Kherson" is no season
APOSTROPHE = "['’]"
# A weekday that starts a name: the Sunday Times, Saturday Night Live.
_TITLE_AFTER_WEEKDAY = r"\s+(?:Times|Telegraph|Express|Mirror|Herald|Post|Mail|Independent|Observer|Star|Sport|Night\s+Live)\b"

_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
# A year is 1000-2099 and not part of a bigger number ("2,000", "1.2024", "F-2024").
_YEAR = r"(?<![\d,.])(?:1\d{3}|20\d{2})(?![\d%]|[.,]\d)"
_DASH = r"\s*(?:-|–|—)\s*"
_RANGE_JOIN = r"(?:\s*(?:-|–|—)\s*|\s+(?:to|and|until)\s+)"
_PART = r"(?i:early|mid|late)(?:\s+|\s*-\s*)"
_OF_SPAN = r"(?i:the\s+(?:end|start|beginning|middle)\s+of)\s+"
_REL_YEAR = r"(?P<rel>(?i:(?:next|last|this)\s+year))"
_YEAR_OR_REL = rf"(?:,?\s+(?P<year>{_YEAR})|\s+{_REL_YEAR})"

_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
)
_COUNT = rf"(?i:(?:{_NUMBER_WORDS})(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|a\s+few|several|an?)|\d{{1,3}}"

_ORDINAL4 = "(?i:first|second|third|fourth)"
_PORTION = r"(?i:the\s+(?:first|second)\s+half|the\s+(?:first|second|third|fourth)\s+quarter)"
# A quarter or half that is a share ("the first quarter of the match", "a quarter-point cut") or a
# part of a game ("the third quarter", a "first-half goal" are told apart by the finder's context).
_NOT_A_PERIOD = r"\b(?!\s+of\b|-(?:point|mile|final|finals|century)\b|\s+(?:point|mile|final|century)\b)"
_DECADE_IN_WORDS = (rf"(?:(?P<part>(?i:early|mid|late))(?:\s+|\s*-\s*))?(?:(?P<century>(?i:nineteen|eighteen))[\s-]+)?"
                    rf"(?P<decade_word>(?i:{DECADE_WORDS}))")

# Words before a bare month name that make it a month ("in May"), not a name ("Theresa May").
_MONTH_CUES = (
    r"(?i:in|since|until|till|by|from|through|throughout|during|of|before|after|between|and|or|"
    r"to|around|for)"
)

HOLIDAYS = {
    "New Year's Day": (1, 1),
    "New Year's Eve": (12, 31),
    "Christmas Eve": (12, 24),
    "Christmas Day": (12, 25),
    "Christmas": (12, 25),
    "Boxing Day": (12, 26),
    "Valentine's Day": (2, 14),
    "Halloween": (10, 31),
    "Armistice Day": (11, 11),
    "Remembrance Day": (11, 11),
    "Victory Day": (5, 9),
    "Veterans Day": (11, 11),
    "Juneteenth": (6, 19),
    "St. Patrick's Day": (3, 17),
    "Bastille Day": (7, 14),
}
# US holidays on the nth weekday of a month: (month, weekday 0 = Monday, nth; -1 the last).
NTH_WEEKDAY_HOLIDAYS = {
    "Martin Luther King Jr. Day": (1, 0, 3),
    "Presidents Day": (2, 0, 3),
    "Presidents' Day": (2, 0, 3),
    "Memorial Day": (5, 0, -1),
    "Labor Day": (9, 0, 1),
    "Columbus Day": (10, 0, 2),
    "Thanksgiving Day": (11, 3, 4),
    "Thanksgiving": (11, 3, 4),
}
# Movable feasts, computed per year in date_resolve.
MOVABLE_HOLIDAYS = ("Orthodox Easter", "Easter Sunday", "Easter Monday", "Easter", "Good Friday", "Election Day")
_HOLIDAY = "|".join(
    re.escape(name).replace("'", APOSTROPHE)
    for name in sorted([*HOLIDAYS, *NTH_WEEKDAY_HOLIDAYS, *MOVABLE_HOLIDAYS], key=len, reverse=True)
)


@dataclass(frozen=True)
class Rule:
    """One shape of time expression; ``kind`` picks its resolver."""

    kind: str
    pattern: re.Pattern


def _rule(kind: str, pattern: str) -> Rule:
    return Rule(kind, re.compile(pattern))


RULES: tuple[Rule, ...] = (
    _rule("iso", r"\b(?P<hit>(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01]))\b"),
    # 10/15/24, 12/11/2025: US filings and stamps write the month first (a day over 12 first is
    # read day first); not part of a longer run of numbers ("1/2/3/4", "2:24-cv-1/15/25")
    _rule("numeric", r"(?<![\d/.:-])(?P<hit>(?P<first>0?[1-9]|[12]\d|3[01])/(?P<second>0?[1-9]|[12]\d|3[01])/"
                     r"(?P<year>(?:19|20)\d\d|\d\d))(?![\d/]|[.,-]\d)"),
    # the week of Nov. 12, the week of 14 October 2024, the week beginning Dec. 15
    _rule("week_of", rf"\b(?P<hit>(?i:the)\s+(?i:week)\s+(?P<from>of|(?i:beginning|starting|commencing))\s+(?:(?P<month>{MONTH})\s+(?P<day>{_DAY})|"
                     rf"(?P<day_first>{_DAY})\s+(?P<month_second>{MONTH}))(?:,?\s+(?P<year>{_YEAR}))?)(?!\w)"),
    # 19 November 2024, Tuesday 29 October, the 19th of November, (this) 8th day of April, 2025
    _rule("day_month", rf"\b(?P<hit>(?:(?P<weekday>{_WEEKDAY_WITH_DATE}),?\s+)?(?:(?i:the)\s+(?=\d+(?:st|nd|rd|th)\s+of))?"
                       rf"(?<![-/.])(?P<day>{_DAY})(?:\s+of|(?<=[a-z])\s+day\s+of)?\s+(?P<month>{MONTH}){_YEAR_OR_REL}?)(?!\w)"),
    # Nov. 19, November 18, 2024, Tuesday, Nov. 19
    _rule("day_month", rf"\b(?P<hit>(?:(?P<weekday>{_WEEKDAY_WITH_DATE}),?\s+)?(?P<month>{MONTH})\s+(?P<day>{_DAY})"
                       rf"{_YEAR_OR_REL}?)(?![.,]\d)"),
    # 11-12 June 2024, 18 to 20 November
    _rule("day_range", rf"\b(?P<hit>(?P<day>{_DAY}){_RANGE_JOIN}(?P<day2>{_DAY})\s+(?P<month>{MONTH})"
                       rf"(?:,?\s+(?P<year>{_YEAR}))?)(?!\w)"),
    # November 18-20, 2024
    _rule("day_range", rf"\b(?P<hit>(?P<month>{MONTH})\s+(?P<day>{_DAY}){_DASH}(?P<day2>{_DAY})"
                       rf"(?:,\s+(?P<year>{_YEAR}))?)(?!\w)"),
    # December 2022, Dec. 2022, December of 2022
    _rule("month_year", rf"\b(?P<hit>(?P<month>{MONTH})(?:,?\s+|\s+of\s+)(?P<year>{_YEAR}))"),
    _rule("month_year", rf"\b(?P<hit>(?P<month>{MONTH_FULL})\s+(?:of\s+)?{_REL_YEAR})\b"),
    _rule("month", rf"\b(?P<hit>(?P<month>{MONTH_FULL}))(?=\s+(?:to|until|through|and)\s+(?:{MONTH_FULL})"
                   rf"(?:,?\s+|\s+of\s+)(?:(?P<year>{_YEAR})|{_REL_YEAR})\b)"),
    # the first Saturday of May, the last Monday in May 2026
    _rule("weekday_of_month", rf"\b(?P<hit>(?i:the)\s+(?P<nth>(?i:first|second|third|fourth|last|final))\s+(?P<weekday>{WEEKDAY})\s+"
                              rf"(?:of|in)\s+(?P<month>{MONTH_FULL})(?:,?\s+(?P<year>{_YEAR}))?)\b"),
    # the first week of March
    _rule("week_of_month", rf"\b(?P<hit>(?:(?i:the)\s+)?(?P<nth>(?i:first|second|third|fourth|last|final))\s+"
                           rf"(?i:week)\s+of\s+(?P<month>{MONTH_FULL})(?:,?\s+(?P<year>{_YEAR}))?)\b"),
    # late October, mid-November 2024, the end of September
    _rule("month_part", rf"\b(?P<hit>(?:(?P<part>{_PART})|(?P<span>{_OF_SPAN}))(?P<month>{MONTH_FULL})"
                        rf"(?:,?\s+(?P<year>{_YEAR}))?)\b"),
    # in May, since August, last December
    _rule("month", rf"\b(?P<hit>(?P<mod>(?i:last|next|this)\s+)(?P<month>{MONTH_FULL}))\b"),
    _rule("month", rf"\b{_MONTH_CUES}\s+(?P<hit>(?P<month>{MONTH_FULL}))\b"),
    # April to June, April, May and June
    _rule("month", rf"\b(?P<hit>(?P<month>{MONTH_FULL}))(?=,?\s+(?:to|until|through|and|or)\s+(?:{MONTH_FULL})\b|,\s+(?:{MONTH_FULL})\b)"),
    # February was the mildest... (not "May", also a verb and a surname)
    _rule("month", rf"\b(?P<hit>(?P<month>{MONTH_FULL.replace('May|', '')}))(?=\s+(?:was|is|has|had|saw|brought|became|will)\b)"),
    # the September meeting, the February jobs report, its May forecast (after a determiner May is no name)
    _rule("month", rf"\b(?i:the|its|their)\s+(?P<hit>(?P<month>{MONTH_FULL}))(?=\s+(?:jobs\s+|"
                   r"employment\s+|inflation\s+|payrolls?\s+|policy\s+|rate\s+|sales\s+|trade\s+)?(?:report|data|figures|"
                   r"meeting|survey|reading|numbers|deadline|election|vote|summit|session|hearing|auction|forecast|"
                   r"outlook|estimate|projection|guidance|budget|minutes|statement)s?\b)"),
    # spring 2022, the summer of 2023
    _rule("season_year", rf"\b(?P<hit>(?:(?i:the)\s+)?(?P<season>{SEASON})(?:\s+of)?\s+(?P<year>{_YEAR}))"),
    # this winter, next spring, (through) the winter
    # (not "the next Winter Olympics")
    _rule("season", rf"\b(?P<hit>(?P<mod>(?i:this|last|next))\s+(?P<season>{SEASON}))\b(?![ \t]+[A-Z])"),
    _rule("season", rf"\b(?i:in|during|through|since|over|by|until|till|ahead\s+of|before|after|for)\s+"
                    rf"(?P<hit>(?:(?i:the)\s+)?(?P<season>{SEASON_NO_FALL}))\b(?!\s+of\b|[ \t]+[A-Z])"),
    _rule("season", r"\b(?i:in|during|through|over|by|until|till)\s+(?P<hit>(?i:the)\s+(?P<season>[Ff]all))\b(?!\s+of\b|[ \t]+[A-Z])"),
    # early 2021, mid-2025, the end of 2022, the first half of 2025, the first quarter of next year
    _rule("year_part", rf"\b(?P<hit>(?:(?P<part>{_PART})|(?P<span>{_OF_SPAN})|"
                       r"(?P<portion>(?i:the\s+(?:first|second)\s+half|the\s+(?:first|second|third|fourth)\s+quarter)\s+of)\s+)"
                       rf"(?:(?P<year>{_YEAR})|(?P<rel>(?i:(?:the|this|next|last)\s+(?:calendar\s+)?year))))\b"),
    _rule("year_part", rf"\b(?P<hit>(?P<quarter>Q[1-4])\s+(?P<year>{_YEAR}))\b"),
    # fiscal 2025, fiscal year 2018, FY2024, the first half of fiscal 2025, the end of fiscal year 2031
    _rule("fiscal", rf"\b(?P<hit>(?:(?P<portion>{_PORTION})\s+of\s+|(?P<span>(?i:the\s+(?:end|start|beginning)\s+of))\s+)?"
                    rf"(?:(?i:fiscal)(?:\s+(?i:year))?\s+|FY\s?)(?P<year>{_YEAR}))\b"),
    _rule("fiscal_range", rf"\b(?P<hit>(?i:fiscal\s+years)\s+(?P<year>{_YEAR})(?:\s+(?i:through|to|and)\s+|{_DASH})(?P<year2>{_YEAR}))\b"),
    # the 1988 second quarter; third-quarter, the fourth quarter, first-half, the second half, Q3
    _rule("quarter", rf"\b(?P<hit>(?i:the)\s+(?:(?i:fiscal)\s+)?(?P<year>{_YEAR})\s+(?P<nth>{_ORDINAL4})[\s-]+(?P<unit>(?i:quarter|half)))\b"),
    _rule("quarter", rf"\b(?P<hit>(?P<span>{_OF_SPAN})?(?:(?i:the)\s+)?(?P<fiscal>(?i:fiscal)\s+)?(?P<nth>{_ORDINAL4})(?:-|\s+)"
                     rf"(?P<unit>(?i:quarter))){_NOT_A_PERIOD}"),
    _rule("quarter", rf"\b(?P<hit>(?:(?i:the)\s+(?P<nth>(?i:first|second))\s+|(?P<nth_adj>(?i:first|second))-)(?P<unit>(?i:half))){_NOT_A_PERIOD}"),
    _rule("quarter", r"\b(?P<hit>(?P<quarter>Q[1-4]))\b(?![\s-]*(?:\d|FY))"),
    # the latest quarter, this quarter, next quarter (not "the last quarter of the match")
    _rule("quarter", r"(?<![Tt]he )\b(?P<hit>(?P<mod>(?i:the\s+latest|the\s+most\s+recent|the\s+current|the\s+coming|last|this|next))"
                     rf"\s+(?P<unit>(?i:quarter))){_NOT_A_PERIOD}"),
    # the December quarter (the three months ending with it), the holiday quarter (the one holding December)
    _rule("quarter", rf"\b(?P<hit>(?i:the)\s+(?:(?P<end_month>{MONTH_FULL})|(?P<holiday_q>(?i:holiday)))\s+(?P<unit>(?i:quarter)))\b"),
    # April-June, the July-September quarter
    _rule("month_range", rf"\b(?P<hit>(?P<month>{MONTH_FULL})-(?P<month2>{MONTH_FULL}))\b"),
    # the first three months of the year, the first nine months of 2024, the first three quarters of the
    # current fiscal year
    _rule("first_months", rf"\b(?P<hit>(?i:the\s+first)\s+(?P<count>(?i:two|three|four|five|six|seven|eight|nine|ten|eleven)|\d{{1,2}})"
                          rf"\s+(?P<unit>(?i:months|quarters))\s+of\s+(?:(?P<fiscal>(?i:fiscal)\s+(?:(?i:year)\s+)?)?(?P<year>{_YEAR})|"
                          rf"(?P<rel>(?i:(?:the|the\s+current|this|next|last)\s+(?:(?P<fiscal_rel>(?i:fiscal))\s+)?year))))\b"),
    # by year-end
    _rule("year_end", r"\b(?P<prep>(?i:by|at|before|after|until|till|around|toward|towards|near|since|from|of|to))\s+(?:(?i:the)\s+)?(?P<hit>(?i:year)-end)\b"),
    # a year earlier, the year-ago quarter: a year before the period just spoken of
    _rule("year_earlier", r"\b(?P<hit>(?i:a\s+year\s+(?:earlier|before)))(?=\s*(?:[,.;:)]|$)|\s+(?:and|but|when|as|while|in|on|at|with|from|for|to|"
                          r"because|after|amid|despite|due|thanks|helped|driven|largely|mainly|partly)\b)"),
    # the 1978 period: the period under discussion, in that year
    _rule("year_period", rf"\b(?P<hit>(?i:the)\s+(?P<year>{_YEAR})\s+(?P<unit>(?i:period|quarter|half)))\b"),
    _rule("year_earlier", r"\b(?P<hit>(?i:the)\s+(?:(?i:same)\s+)?(?i:year-ago|year-earlier|prior-year)\s+(?P<unit>(?i:quarter|period|half|month)))\b"),
    # the previous Friday, the following Monday, the following spring, the next day
    _rule("anchored", rf"\b(?P<hit>(?i:the)\s+(?P<dir>(?i:previous|preceding|following))\s+(?:(?P<weekday>{WEEKDAY})|"
                      rf"(?P<unit>(?i:day|week|month|year))|(?P<season>{SEASON})))\b"),
    _rule("anchored", r"\b(?P<hit>(?i:the)\s+(?P<dir>(?i:next))\s+(?P<unit>(?i:day)))\b"),
    # December that year, in March of the same year; that summer, that September (in the year just spoken of)
    _rule("that_year", rf"\b(?P<hit>(?P<month>{MONTH_FULL})\s+(?:of\s+)?(?i:that|the\s+same)\s+year)\b"),
    _rule("that_year", rf"\b(?P<hit>(?i:that)\s+(?:(?P<month>{MONTH_FULL})|(?P<season>{SEASON})))\b(?!\s+of\b)"),
    # two days later, ten days earlier: counted from the day just mentioned
    _rule("counted", rf"\b(?P<hit>(?P<count>{_COUNT})\s+(?P<unit>(?i:day|week))s?\s+(?P<dir>(?i:later|earlier)))\b(?!\s+than\b)"),
    # the end of the month, the start of next week
    _rule("unit_part", rf"\b(?P<hit>(?P<span>{_OF_SPAN})(?P<mod>(?i:the|this|next|last))\s+(?P<unit>(?i:week|month)))\b"),
    # 2014-2022, 2022–23
    _rule("year_range", rf"\b(?P<hit>(?P<year>{_YEAR}){_DASH}(?P<year2>{_YEAR}|\d\d(?!\d)))"),
    _rule("year", rf"\b(?P<hit>(?P<year>{_YEAR}))\b"),
    # the 1990s, the early 2000s, the '90s
    _rule("decade", rf"(?P<hit>(?:\b(?i:the)\s+)?(?:(?P<part>{_PART}))?(?:\b(?P<decade>1\d\d0|20\d0)|{APOSTROPHE}(?P<short>\d0))s)\b"),
    _rule("this_decade", r"\b(?P<hit>(?i:this\s+decade))\b"),
    # the nineties, the late nineteen-eighties, (the sixties and) seventies; nineteen ninety-six
    _rule("decade_words", rf"\b(?P<hit>(?i:the)\s+{_DECADE_IN_WORDS})\b"),
    _rule("decade_words", rf"\b(?i:the)\s+{_DECADE_IN_WORDS.replace('?P<', '?P<first_')}\s+(?i:and|or|to|through|into)\s+"
                          rf"(?P<hit>{_DECADE_IN_WORDS})\b"),
    _rule("year_words", rf"\b(?P<hit>{YEAR_IN_WORDS})\b"),
    _rule("century", r"\b(?P<hit>(?i:the)\s+(?:(?P<part>(?i:early|mid|late))(?:\s+|\s*-\s*))?"
                     r"(?P<ordinal>\d{1,2}(?:st|nd|rd|th)|(?i:(?:twenty-)?first|second|third|fourth|fifth|sixth|seventh|"
                     r"eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|"
                     r"seventeenth|eighteenth|nineteenth|twentieth))[\s-](?i:century))\b"),
    # today, this morning, yesterday evening, the day before yesterday, last night
    _rule("day_word", r"(?<![\w-])(?P<hit>(?i:the\s+day\s+(?P<before_after>before|after)\s+)?"
                      r"(?:(?P<word>(?i:today|tonight|yesterday|tomorrow))(?:\s+(?i:morning|afternoon|evening|night))?"
                      r"|(?P<this>(?i:(?:earlier|later)\s+today|this\s+(?:morning|afternoon|evening)))"
                      r"|(?<![Tt]he )(?P<last_night>(?i:last\s+night))))\b"),
    # on Friday, last Friday, next Monday, Thursday morning
    _rule("weekday", rf"\b(?P<hit>(?:(?P<mod>(?i:last|next|this))\s+|(?P<daypart>(?i:early|late))\s+)?(?P<weekday>{WEEKDAY})"
                     rf"(?:\s+(?P<time>(?i:morning|afternoon|evening|night)))?)\b(?!{_TITLE_AFTER_WEEKDAY})"),
    _rule("weekend", r"\b(?P<hit>(?P<mod>(?i:this\s+past|this|last|next))\s+weekend)\b"),
    _rule("weekend", r"\b(?i:at|over|during|on|through|since|by|until|after|before|for)\s+(?P<hit>(?i:the)\s+weekend)\b"),
    # last week, next month, this year, earlier this week, later this month
    _rule("unit", r"(?<![Tt]he )\b(?P<hit>(?:(?P<side>(?i:earlier|later|early|late))\s+)?(?P<mod>(?i:last|this|next))"
                  r"\s+(?P<unit>(?i:week|month|year)))\b"),
    # two years ago, a few days ago, Thirty-five years ago
    _rule("ago", rf"\b(?P<hit>(?P<count>{_COUNT})\s+(?P<unit>(?i:day|week|fortnight|month|year|decade|century|centurie))s?\s+(?i:ago))\b"),
    _rule("holiday", rf"\b(?P<hit>(?P<mod>(?i:last|next|this)\s+)?(?P<holiday>{_HOLIDAY})(?:\s+(?P<year>{_YEAR}))?)\b"),
    _rule("new_year", r"\b(?i:in|into|after|by|until|before|for)\s+(?P<hit>(?i:the\s+new\s+year))\b"),
)

_WORD_NUMBERS = {word: value for value, word in enumerate(_NUMBER_WORDS.split("|")[:19], start=1)}
_WORD_NUMBERS.update({word: 10 * value for value, word in enumerate(_NUMBER_WORDS.split("|")[19:], start=2)})


def count_value(text: str) -> tuple[int, bool] | None:
    """The number a count spells ("two", "thirty-five", "12", "a few") and whether it is vague."""
    words = re.split(r"[-\s]+", text.lower())
    if words[0] in ("a", "an") and len(words) == 1:
        return 1, False
    if words[0] in ("several", "few") or words[:2] == ["a", "few"]:
        return 3, True
    if words[0].isdigit():
        return int(words[0]), False
    total = 0
    for word in words:
        if word not in _WORD_NUMBERS:
            return None
        total += _WORD_NUMBERS[word]
    return total, False
