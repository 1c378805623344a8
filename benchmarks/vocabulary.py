"""Words, names and dates that look like a conflict-event dataset, from a seed (no real data).

Text follows a Zipf-like law over a few thousand made-up words plus the common words of event
reports, so the full-text index has what a real one has: a few words in most rows, most words in
few rows. Dates spread over thirty years, crowded into clusters as real conflicts are.
"""
from __future__ import annotations

import bisect
import itertools
import random

from db.dates import civil_from_days, days_from_civil

FIRST_DAY = days_from_civil(1995, 1, 1)
LAST_DAY = days_from_civil(2024, 12, 31)

EVENT_TYPES = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Shelling/artillery/missile attack", "Air/drone strike", "Remote explosive/landmine/IED",
                                   "Grenade"),
    "Violence against civilians": ("Attack", "Abduction/forced disappearance", "Sexual violence"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction"),
}
COMMON_WORDS = ("forces", "reported", "attack", "village", "civilians", "killed", "injured", "military", "police",
                "regional", "district", "shelling", "drone", "protest", "city", "positions", "near", "local",
                "residents", "according", "sources", "area", "group", "members", "building", "damaged")
_SYLLABLES = ("ka", "ro", "mi", "ten", "vo", "lash", "ne", "dar", "pol", "ski", "yan", "ov", "grad", "sel", "bor",
              "tri", "zha", "ku", "lev", "mon", "ar", "is", "chen", "ho", "pe")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def made_up_words(rng: random.Random, n: int) -> list[str]:
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class Vocabulary:
    def __init__(self, seed: int = 1):
        rng = self.rng = random.Random(seed)
        self.words = list(COMMON_WORDS) + made_up_words(rng, 6_000)
        # Zipf weights: the k-th word appears about 1/k as often as the first
        self._cumulative = list(itertools.accumulate(1 / (k + 1) for k in range(len(self.words))))
        places = made_up_words(rng, 2_400)
        self.regions = [w.capitalize() for w in places[:24]]
        self.places = [(w.capitalize(), rng.choice(self.regions), round(rng.uniform(44.5, 52.2), 4),
                        round(rng.uniform(22.3, 40.1), 4)) for w in places[24:]]
        groups = ("Military Forces of {}", "Police Forces of {}", "Unidentified Armed Group ({})", "Protesters ({})",
                  "Civilians ({})", "Rioters ({})", "{} Volunteer Battalion", "{} Defence Units")
        countries = [w.capitalize() for w in made_up_words(rng, 12)]
        self.countries = countries
        self.actors = sorted({rng.choice(groups).format(rng.choice(countries + self.regions)) for _ in range(400)})
        outlets = ("{} Daily", "{} Pravda", "{} Online", "Radio {}", "{} News Agency", "{} Times", "Telegram ({})",
                   "Ministry of Defence of {}", "{} Regional Administration", "Twitter ({})")
        self.outlets = sorted({rng.choice(outlets).format(w.capitalize()) for w in made_up_words(rng, 700)})
        centres = [rng.randrange(FIRST_DAY, LAST_DAY) for _ in range(40)]
        self._clusters = [(c, rng.choice((15, 40, 120, 300))) for c in centres]

    def word(self) -> str:
        return self.words[bisect.bisect(self._cumulative, self.rng.random() * self._cumulative[-1])]

    def sentence(self, n: int) -> str:
        text = " ".join(self.rng.choices(self.words, cum_weights=self._cumulative, k=n))
        return text[0].upper() + text[1:] + "."

    def day(self) -> int:
        """A day (days since 1970): seven in ten in one of the clusters, the rest anywhere."""
        rng = self.rng
        if rng.random() < 0.7:
            centre, spread = rng.choice(self._clusters)
            return min(LAST_DAY, max(FIRST_DAY, int(rng.gauss(centre, spread))))
        return rng.randrange(FIRST_DAY, LAST_DAY + 1)


def iso_day(day: int) -> str:
    y, m, d = civil_from_days(day)
    return f"{y:04d}-{m:02d}-{d:02d}"


def words_day(day: int) -> str:
    y, m, d = civil_from_days(day)
    return f"{d} {MONTHS[m - 1]} {y}"
