"""Finding the names of known entities (people, places, organisations) in a text.

``find_names(text, entities)`` reports two kinds of hit:

- exact mentions of a name or alias, ignoring case and accents ("Erdogan", "ERDOĞAN" for
  "Erdoğan"): ``confirmed=True``, score 100;
- near misses ("Scholtz", "Solz" for "Scholz"), scored by RapidFuzz's normalised Indel
  similarity: ``confirmed=False``, to be offered for confirmation, never applied silently.

A person is also found by their surname alone ("Scholz", "Scholz's" for "Olaf Scholz"): the last
word of a name of two or three capitalised words, for the entities given as ``people``.

Only capitalised words are compared fuzzily, at least four letters long. A word that opens a
sentence is capitalised anyway, so it is compared too ("Solz met…"), unless the text shows it to
be an ordinary word: written in lower case elsewhere, or two or more letters longer than the name
("Putting" is not "Putin"). A one-word name written in lower case in the
text ("may", "march") is a common word more often than a name, so it is offered, not confirmed.
Exact matching looks names up by their first word in a dictionary; fuzzy matching hands each
candidate word to RapidFuzz's ``process.extract``, which scans the names in C with a score cutoff,
so a long entity list stays fast.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from rapidfuzz import fuzz, process

FUZZY_CUTOFF = 80.0
MIN_FUZZY_LENGTH = 4
MAX_NAME_WORDS = 4
MAX_SUGGESTIONS = 3

_WORD = re.compile(r"[^\W_]+")
_JOINER = re.compile(r"[\s\-‐‑–'’.]{1,3}")  # what may stand between the words of one name
# Letters that Unicode does not decompose into a base letter and an accent.
_EXTRA_FOLDS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŀ": "l", "æ": "ae",
                              "œ": "oe", "þ": "th", "ð": "d", "ß": "ss"})


@dataclass(frozen=True)
class NameHit:
    """A mention of ``entity_id``: ``text == source[start:end]``, found through ``matched_name``."""

    text: str
    start: int
    end: int
    entity_id: object
    matched_name: str
    score: float
    confirmed: bool


@dataclass(frozen=True)
class _Token:
    folded: str
    start: int  # offsets into the original text
    end: int
    capitalised: bool
    opens_sentence: bool


@lru_cache(maxsize=65_536)  # the same entity names are folded on every call
def fold(text: str) -> str:
    """Lower case without accents: the form names are compared in."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_EXTRA_FOLDS)


def surname(name: str) -> str | None:
    """The last word of a person's name of two or three capitalised words ("Scholz" of "Olaf
    Scholz", "Steinmeier" of "Frank-Walter Steinmeier"); None for other names."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return None
    last = words[-1].strip(".,")
    return last if len(last) > 1 and _WORD.fullmatch(last) else None


def find_names(text: str, entities: Iterable[tuple[object, Iterable[str]]],
               cutoff: float = FUZZY_CUTOFF, people=frozenset()) -> list[NameHit]:
    """Mentions of the entities' names and aliases in ``text``, in text order; the entities whose
    ids are in ``people`` are found by their surname alone too."""
    names = []
    for entity_id, entity_names in entities:
        spelled = [name for name in entity_names if name and name.strip()]
        if entity_id in people:
            spelled += [s for s in map(surname, spelled) if s and fold(s) not in map(fold, spelled)]
        names += [(entity_id, name, tuple(fold(word) for word in _WORD.findall(name))) for name in spelled]
    names = [(entity_id, name, words) for entity_id, name, words in names if 0 < len(words) <= MAX_NAME_WORDS]
    tokens = _tokens(text)
    exact = _exact_hits(text, tokens, names)
    taken = {i for hit_tokens, _ in exact for i in hit_tokens}
    lower_case = {t.folded for t in tokens if not t.capitalised}
    fuzzy = _fuzzy_hits(text, tokens, names, taken | _ordinary_openers(tokens, lower_case), cutoff)
    hits = [hit for _, hit in exact] + fuzzy
    return sorted(hits, key=lambda hit: (hit.start, -hit.end, not hit.confirmed, -hit.score))


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for match in _WORD.finditer(text):
        word = match.group()
        gap = text[max(0, match.start() - 12):match.start()]
        before = gap.rstrip()[-1:]
        opens_sentence = before in ("", ".", "!", "?", "\"", "“", ":") or "\n" in gap[len(gap.rstrip()):]
        tokens.append(_Token(fold(word), match.start(), match.end(), word[0].isupper(), opens_sentence))
    return tokens


def _joined(text: str, tokens: list[_Token], first: int, count: int) -> bool:
    """Whether tokens[first:first+count] are written next to each other, as one name would be."""
    return all(_JOINER.fullmatch(text, tokens[i].end, tokens[i + 1].start)
               for i in range(first, first + count - 1))


def _exact_hits(text: str, tokens: list[_Token], names) -> list[tuple[range, NameHit]]:
    by_first_word = defaultdict(list)
    for entity_id, name, words in names:
        by_first_word[words[0]].append((entity_id, name, words))
    found = []
    for i, token in enumerate(tokens):
        for entity_id, name, words in by_first_word.get(token.folded, ()):
            count = len(words)
            if tuple(t.folded for t in tokens[i:i + count]) != words or not _joined(text, tokens, i, count):
                continue
            start, end = token.start, tokens[i + count - 1].end
            # "may" for Theresa May: a lower-case common word is offered, not confirmed.
            common_word = count == 1 and not token.capitalised and name[:1].isupper()
            hit = NameHit(text[start:end], start, end, entity_id, name, 100.0, not common_word)
            found.append((range(i, i + count), hit))
    return _longest_first(found)


def _longest_first(found: list[tuple[range, NameHit]]) -> list[tuple[range, NameHit]]:
    """Drop hits inside a longer one; hits on the same words for several entities all stay."""
    return _claim(sorted(found, key=lambda item: (-len(item[0]), not item[1].confirmed, -item[1].score)))


def _fuzzy_hits(text: str, tokens: list[_Token], names, taken: set[int], cutoff: float) -> list[NameHit]:
    by_length = defaultdict(list)
    for entity_id, name, words in names:
        by_length[len(words)].append((entity_id, name, " ".join(words)))
    found = []
    for count, choices in by_length.items():
        queries = [i for i in range(len(tokens) - count + 1) if _fuzzy_candidate(text, tokens, i, count, taken)]
        if not queries:
            continue
        strings = [choice[2] for choice in choices]
        nearest: dict[str, list] = {}  # a word a text repeats is compared once
        for i in queries:
            query = " ".join(t.folded for t in tokens[i:i + count])
            start, end = tokens[i].start, tokens[i + count - 1].end
            if query not in nearest:
                nearest[query] = process.extract(query, strings, scorer=fuzz.ratio, score_cutoff=cutoff,
                                                 limit=2 * MAX_SUGGESTIONS)
            for _, score, column in nearest[query]:
                if score < 100 and not (tokens[i].opens_sentence and len(query) >= len(strings[column]) + 2):
                    entity_id, name, _ = choices[column]
                    found.append((range(i, i + count),
                                  NameHit(text[start:end], start, end, entity_id, name, round(score, 1), False)))
    return [hit for _, hit in _best_per_span(found)]


def _ordinary_openers(tokens: list[_Token], lower_case: set[str]) -> set[int]:
    """The sentence-opening words the text also writes in lower case: ordinary words, not names."""
    return {i for i, t in enumerate(tokens) if t.opens_sentence and t.folded in lower_case}


def _fuzzy_candidate(text: str, tokens: list[_Token], first: int, count: int, taken: set[int]) -> bool:
    words = tokens[first:first + count]
    return (words[0].capitalised and words[-1].capitalised
            and sum(len(t.folded) for t in words) >= MIN_FUZZY_LENGTH
            and not any(i in taken for i in range(first, first + count))
            and _joined(text, tokens, first, count))


def _best_per_span(found: list[tuple[range, NameHit]]) -> list[tuple[range, NameHit]]:
    """Of overlapping suggestions keep the best scored (then the longest), each entity once and
    at most ``MAX_SUGGESTIONS`` per words."""
    return _claim(sorted(found, key=lambda item: (-item[1].score, -len(item[0]))), MAX_SUGGESTIONS)


def _claim(ranked: list[tuple[range, NameHit]], most: int | None = None) -> list[tuple[range, NameHit]]:
    """Keep hits in rank order while their words are free or held by hits on exactly the same
    words, one hit per entity per words, at most ``most`` per words."""
    owner: dict[int, range] = {}
    entities: dict[range, set] = defaultdict(set)
    kept = []
    for span, hit in ranked:
        if any(owner.get(i, span) != span for i in span):
            continue
        if hit.entity_id in entities[span] or (most is not None and len(entities[span]) >= most):
            continue
        owner.update((i, span) for i in span)
        entities[span].add(hit.entity_id)
        kept.append((span, hit))
    return kept
