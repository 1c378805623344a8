"""What the words around a match say: whether a number is a year, whether a holiday name is a day,
and which way the verb governing a time expression points (past, present or future).

Tense is a heuristic: the tense cue nearest the expression within its clause wins, else the
nearest in its sentence. "The envoy will arrive on Friday, the ministry said" is future; "the
ministry said on Friday that talks will resume" is past. A present that English uses for
arrangements and timetables ("the minister is travelling to Kyiv on Friday", "talks resume on
Monday", "Trump returns to the White House on 20 January") is "scheduled": the future, except that
the publication's own weekday stays the publication day.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

_FUTURE = (
    r"will|[Ww]ill|won't|shall|'ll|’ll|going\s+to|due|expects?|expected\s+to|set\s+to|plans?\s+to|"
    r"planning|intends?\s+to|(?:is|are)\s+scheduled|scheduled\s+to|set\s+for|upcoming|coming|next|would|"
    r"(?:is|are)\s+to|hopes?\s+to|aims?\s+to|wants?|could|might|may|must|soon|forecast\s+(?:for|to)|"
    r"(?:predicted|projected|likely|poised|slated)\s+to|(?:scheduled|slated)\s+for"
)
_PAST_WORDS = (
    r"said|told|was|were|had|has|have|did|met|held|took|made|came|went|began|spoke|gave|left|fell|hit|"
    r"struck|shot|won|lost|saw|sent|fled|flew|led|rose|ran|brought|fought|sought|thought|wrote|broke|"
    r"became|got|knew|paid|found|kept|felt|heard|since|ago|earlier|previously|already|last"
)
_PRESENT = r"is|are|says|say|am"
# The present of an arrangement (is/are + -ing) or of a timetable: verbs that name a scheduled
# event, in forms that are seldom nouns ("the 1,000-day mark", "held votes" are why "mark" and
# "votes" are not here). A determiner, preposition or auxiliary before one makes it no such verb.
_SCHEDULE_VERBS = (
    r"begins?|starts|opens|closes|ends|resumes?|returns|meets?|arrives?|travels|departs?|hosts|holds|"
    r"convenes?|continues?|expires?|lands|flies|heads|rises|nominates?|faces?|unveils?|publishes|leaves|goes|comes|"
    r"plays?|visits?|hosts?|"
    r"takes?\s+place|kicks?\s+off|gets?\s+under\s+way"
)
_NOT_AN_ING_VERB = r"being|nothing|something|anything|everything|morning|evening|spring|during|thing|king|ring|string"
_SCHEDULED = (
    rf"(?:is|are|am)\s+(?!going\s+to\b)(?:[a-z]+ly\s+)?(?!(?:{_NOT_AN_ING_VERB})\b)[a-z]{{2,}}ing|{_SCHEDULE_VERBS}"
)
_NOT_A_VERB_BEFORE = re.compile(
    r"\b(?:to|will|would|can|could|may|might|must|shall|should|did|do|does|not|never|cannot|the|a|an|its|their|"
    r"his|her|our|your|this|that|these|those|of|for|in|on|at|by|with|from|no|any|some|each|every|\w+n['’]t)\s+$",
    re.I,
)
# Words ending in -ed that are not past verbs, or that point to the future.
_NOT_PAST_ED = frozenset(
    "need indeed speed feed seed proceed exceed succeed hundred red bed shed bred wed embed breed "
    "expected scheduled planned intended supposed due".split()
)
_CUE = re.compile(rf"\b(?:(?P<future>{_FUTURE})|(?P<past>{_PAST_WORDS}|[a-z]{{2,}}ed)|(?P<scheduled>{_SCHEDULED})|"
                  rf"(?P<present>{_PRESENT}))\b")
# Clause edges: punctuation, and the words that open a new clause.
_CLAUSE_EDGE = re.compile(r"[,;:()\"“”]|\s[-–—]\s|\b(?:and|but|that|which|who|whose|when|where|while|although|because)\b")
_AFTER_PENALTY = 1.5  # a verb before an adverbial usually governs it; one after it less often
# ("stay closed", "remained shut": a participle after a linking verb is an adjective, not a past of its own)
_BEFORE_PARTICIPLE = re.compile(r"\b(?:be|been|being|is|are|was|were|has|have|had|a|an|the|its|their|his|her|"
                                r"stays?|stayed|remains?|remained|gets?|got|becomes?|became|keeps?|kept)\s+$", re.I)
_BY_AFTER = re.compile(r"\s+by\b")
_ATTRIBUTION = frozenset({"said", "says", "told"})
_TODAY = re.compile(r"\b(?i:today|tonight|this\s+(?:morning|afternoon|evening))\b")

_YEAR_CUES = frozenset(
    "in since by until till from before after during between of through throughout and or to circa c. "
    "year around early late mid spring summer autumn fall winter the end start beginning middle "
    "surpassing than about".split()
)
_NOT_YEAR_BEFORE = frozenset("no no. nos nos. number page pages p. pp. p pp flight route resolution article "
                             "section room model code line chapter paragraph item".split())
_NEAR_YEARS = 10
_UNIT_AFTER = re.compile(
    r"\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|MSK|Z\b|hrs?\b|hours?\b|h\b|local\s+time|km|kilomet|mi\b|miles?|"
    r"metres?|meters?|m\b|kg|kilograms?|tonnes?|tons?|%|per\s*cent|percent|people|persons|troops|soldiers|"
    r"civilians|men\b|women|children|residents|units|pieces|copies|votes|cases|deaths|dead|killed|"
    r"wounded|missiles|drones|shells|rounds|tanks|jets|aircraft|vehicles|households|homes|jobs|"
    r"employees|workers|members|participants|visitors|refugees|prisoners|dollars|euros|pounds|"
    r"roubles|rubles|hryvnias|yuan|yen|USD|EUR|GBP|UAH|RUB)\b"
)
_FUNCTION_WORDS = frozenset(
    "and or but to in on at of for with when as is was will would be been has had have this that the "
    "a an by from until till before after since which who where while than so if it its his her their "
    "our we they he she i you said says".split()
)


@dataclass(frozen=True)
class Reading:
    """What the resolvers know beyond the match: when the text was published and how it speaks.

    The publication may be known only to the month or the year (a source dated ``2024-11``):
    ``published`` is then its first possible day and ``latest`` its last. Expressions counted in
    days ("yesterday", "on Friday") need the day, "last month" the month, "last year" the year
    (see :meth:`known_to`); a year-less "6 November" is placed against the whole period."""

    published: date | None
    tense: str | None = None  # "past", "future", "scheduled", "present" or None when the sentence does not say
    tense_in_clause: bool = True  # read from the expression's own clause, not further away
    after_since: bool = False  # "since March": it cannot be after publication
    says_today: bool = False  # the sentence also says "today", "this morning"...
    latest: date | None = None  # the last day the text may have been published; None: ``published``
    fiscal_end: int = 12  # the month the text's fiscal years end in (see ``fiscal_year_end``)
    fiscal_stated: bool = False  # the text states that month: its bare quarters are fiscal quarters too
    possessive: bool = False  # "Wednesday's ruling": the most recent Wednesday, whatever the verb

    @property
    def future(self) -> bool:
        """Whether the verb points ahead: a future, or the present of an arrangement or timetable."""
        return self.tense in ("future", "scheduled")

    @property
    def tense_weight(self) -> float:
        return 1.0 if self.tense_in_clause else 0.5

    @property
    def last_day(self) -> date | None:
        return self.latest or self.published

    def known_to(self, unit: str) -> date | None:
        """The publication date when it is known at least to the ``unit`` ("day", "month" or
        "year") an expression counts in; None when it is not (or unknown)."""
        first, last = self.published, self.last_day
        if first is None:
            return None
        same = {"day": last == first, "month": (last.year, last.month) == (first.year, first.month),
                "year": last.year == first.year}[unit]
        return first if same else None


def tense_near(sentence: str, start: int, end: int) -> tuple[str | None, bool]:
    """The tense ("past", "future", "scheduled", "present" or None) of the expression at sentence[start:end],
    and whether it was found in the expression's own clause (a surer sign than elsewhere). Outside
    its clause, an attribution after it ("..., it said on Thursday") says when it was said, not
    when the thing reported happens."""
    left, right = _clause_bounds(sentence, start, end)
    found = _nearest_cue(sentence, start, end, left, right)
    if found is not None:
        return found, True
    return _nearest_cue(sentence, start, end, 0, len(sentence), skip_attribution=True), False


def after_since(text: str, start: int) -> bool:
    """Whether the expression at ``start`` follows "since", which puts it before publication."""
    return re.search(r"\b[Ss]ince\s+$", text[max(0, start - 8):start]) is not None


def says_today(sentence: str) -> bool:
    return _TODAY.search(sentence) is not None


def _clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    left, right = 0, len(sentence)
    for edge in _CLAUSE_EDGE.finditer(sentence):
        if edge.end() <= start:
            left = edge.end()
        elif edge.start() >= end:
            right = edge.start()
            break
    return left, right


def _nearest_cue(sentence: str, start: int, end: int, left: int, right: int,
                 skip_attribution: bool = False) -> str | None:
    best, best_distance = None, None
    # "Rescuers are searching the rubble after Thursday's strike": a possessive dates its noun,
    # which an arrangement's present does not place in the future.
    possessive = sentence.startswith(("'s", "’s"), end)
    for cue in _CUE.finditer(sentence, left, right):
        if cue.end() > start and cue.start() < end:
            continue  # part of the expression itself ("next week")
        word, kind = cue.group().lower(), cue.lastgroup
        if kind == "past" and (word in _NOT_PAST_ED or _BEFORE_PARTICIPLE.search(sentence, 0, cue.start())
                               or (word.endswith("ed") and _BY_AFTER.match(sentence, cue.end()))):
            continue  # "will be celebrated", "a settled week", "a dinner hosted by": not a past verb of its own
        if skip_attribution and cue.start() >= end and word in _ATTRIBUTION:
            continue
        if kind == "scheduled" and (possessive or (word.split()[0] not in ("is", "are", "am")
                                                   and _NOT_A_VERB_BEFORE.search(sentence, 0, cue.start()))):
            continue  # "talks resume" is a verb of its own; "the ends", "to meet", "did not meet" are not
        distance = start - cue.end() if cue.end() <= start else (cue.start() - end) * _AFTER_PENALTY
        if best_distance is None or distance < best_distance:
            best, best_distance = kind, distance
    return best


def plausible_year(text: str, start: int, end: int, published: date | None, year: int | None = None,
                   near: Collection[int] = ()) -> bool:
    """Whether text[start:end], a bare four-digit number or a range starting with ``year``, is
    a year rather than a count or a label; before 1900 it needs a word that says so ("in 1830"), or
    a year the text states with a month or day within a decade of it (``near``)."""
    year = int(text[start:end]) if year is None else year
    if start and text[start - 1] in "$€£¥#-–/" or text[end:end + 1] in ("-", "/"):
        return False
    if _UNIT_AFTER.match(text, end):
        return False
    window = text[max(0, start - 40):start]  # enough for the previous word, without copying the text
    before = window.split()
    previous = before[-1].strip("(\"'“‘") if before else ""
    if previous.lower() in _NOT_YEAR_BEFORE:
        return False
    if previous.lower().rstrip(",") in _YEAR_CUES or re.match(r"['’]s\b", text[end:end + 3]):
        return True
    if re.search(r"\b(?:early|late|long\s+ago)\s+as\s+$", window, re.I):
        return True  # "as early as 1881": a year even before 1900
    preceding = window.rstrip()
    sentence_start = not preceding or preceding[-1] in ".!?:" or "\n" in window[len(preceding):]
    if previous[:1].isupper() and not sentence_start and not previous.endswith(","):
        return False  # "Resolution 2231", "Boeing 2707"
    latest = published.year + 30 if published else 2099
    return 1900 <= year <= latest or any(abs(year - other) <= _NEAR_YEARS for other in near)


def attributive(text: str, end: int) -> bool:
    """Whether a one-word holiday name is a modifier ("the Christmas market", "Easter holidays")."""
    following = re.match(r"\s+([a-z]+)\b", text[end:end + 30])
    return following is not None and following.group(1) not in _FUNCTION_WORDS


# --- periods: fiscal years, quarters, halves ------------------------------------------------------

_MONTH_NAME = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
               r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b")
# "its fiscal year ends in June", "ended June 30", "ends on the Saturday nearest Jan. 31"; "the
# budget (fiscal year) that begins July 1" ends in June
_FISCAL_END = re.compile(
    r"\bfiscal\s+year\s+(?:that\s+)?(?:ends|ended|ending|closes|runs\s+(?:from\s+\w+\s+)?(?:to|through))\s+"
    r"(?:on\s+|in\s+)?(?:(?:early|mid|late)[\s-]+|the\s+(?:last\s+)?\w+day\s+(?:nearest|closest\s+to|of|in)\s+)?"
    rf"(?P<month>{_MONTH_NAME})|\b(?:fiscal\s+year|budget)\s+(?:that\s+)?(?:begins|began|beginning|starts|started|starting)\s+"
    rf"(?:on\s+|in\s+)?(?P<start>{_MONTH_NAME})"
)
# What makes a text the US federal government's, whose fiscal year runs October to September.
_FEDERAL = re.compile(r"\b(?:[Ff]ederal|Congress|[Cc]ongressional|Pentagon|[Ii]nspector [Gg]eneral|Department of|"
                      r"U\.S\. government|Treasury|GAO|CBO|OMB)\b")
_MONTHS = ("January February March April May June July August September October November December").split()
# A quarter or half of a game, not of a year.
_SPORT = re.compile(r"\b(?:game|match|scored?|points?|touchdowns?|goals?|half-?time|overtime|innings?|kick-?off|"
                    r"quarterback|referee|whistle|minutes? left|lead(?:ing)? by|trailed|trailing)\b", re.I)
# A bare "the second half" is a year's only where money or the economy is spoken of.
_FINANCE = re.compile(r"[%$€£]|\b(?:profits?|revenues?|sales|earnings|earned|income|loss|losses|growth|economy|"
                      r"economic|demand|results|forecasts?|outlook|shares|prices|inflation|deliveries|output|"
                      r"spending|costs?|margins?|bookings|orders|investment|production|fiscal|quarter|GDP|rates?|"
                      r"million|billion|volumes?)\b", re.I)
_RECURRING_BEFORE = re.compile(r"\byear\s+(?:that\s+)?(?:ends|ending|closes|runs|begins|starts)\s+(?:on\s+|in\s+)?"
                               r"(?:the\s+(?:(?:last|first)\s+)?(?:\w+day\s+(?:nearest|closest\s+to|of|in)\s+)?)?$"
                               r"|\b(?:every|each)\s+$|\bon\s+record\s+for\s+$"
                               r"|\b(?:every|each)\s+year\b[^.;!?]{0,40}?\b(?:in|on)\s+$", re.I)
_PUT_AHEAD_BEFORE = re.compile(r"\b(?:postpon|delay|adjourn|defer|put\s+off|push(?:ed)?\s+back|reschedul|recess)\w*"
                               r"[^.;!?]{0,60}?\b(?:until|till|to)\s+$|\b(?:is|are)\s+on\s+$", re.I)
_NOT_A_DECADE_BEFORE = re.compile(r"\b(?:temperatures?|degrees|highs?|lows?|his|her|their|aged?|ages)\b[^.;]{0,15}$", re.I)


def fiscal_year_end(text: str) -> tuple[int, bool]:
    """The month a text's fiscal years end in, and whether the text states it: the one it states
    ("fiscal year ends in June"), else September for a text about the US federal government, else
    December (the calendar year)."""
    stated = _FISCAL_END.search(text)
    if stated and stated.group("month"):
        return _month_index(stated.group("month")), True
    if stated:
        return (_month_index(stated.group("start")) - 2) % 12 + 1, True
    return (9 if _FEDERAL.search(text) else 12), False


def _month_index(name: str) -> int:
    return next(number for number, month in enumerate(_MONTHS, start=1) if month.startswith(name[:3]))


def about_sport(sentence: str) -> bool:
    return _SPORT.search(sentence) is not None


def about_money(sentence: str) -> bool:
    return _FINANCE.search(sentence) is not None


def recurring(text: str, start: int) -> bool:
    """Whether a month or day at ``start`` recurs ("the fiscal year ends in December", "every May")."""
    return _RECURRING_BEFORE.search(text, max(0, start - 40), start) is not None


def stands_alone(text: str, start: int, end: int) -> bool:
    """Whether a count ("two days later") opens its sentence or closes its clause ("Two days later,
    on January 11", "reached the city ten days earlier."): not a shift ("start a week later in 2026")."""
    closes = re.match(r"\s*(?:[,.;:)]|$|on\b)", text[end:end + 4]) is not None
    return closes or re.search(r"(?:^|[.!?]\s+|\n)$", text[max(0, start - 3):start]) is not None


def after_a_conjunction(text: str, start: int) -> bool:
    """Whether "that" at ``start`` is a conjunction ("said that winter pressures"), not a pointer
    back to a year just spoken of ("stopped that summer")."""
    return re.search(r"\b(?:and|or|but|so|such|now|than|said|says|say|believed?|thinks?|thought|noted|warned|added|"
                     r"argued|shows?|showed|found|expects?|expected|hopes?|feared|fears?|given)\s+$",
                     text[max(0, start - 12):start], re.I) is not None


def put_ahead(text: str, start: int) -> bool:
    """Whether the expression at ``start`` is where something was put off to ("postponed until
    Tuesday") or where an arrangement stands ("the main session is on Wednesday")."""
    return _PUT_AHEAD_BEFORE.search(text, max(0, start - 100), start) is not None


def decade_is_an_age_or_temperature(text: str, start: int) -> bool:
    """"in his seventies", "temperatures in the nineties"."""
    return _NOT_A_DECADE_BEFORE.search(text, max(0, start - 40), start) is not None
