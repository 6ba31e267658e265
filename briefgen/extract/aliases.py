"""Aliases: which surface forms name the same actor (countries, demonyms, acronyms, short names)."""
from __future__ import annotations

import functools
import re
from pathlib import Path

#: Small words left out of an acronym's initials ("Palestine Liberation Organization" -> PLO).
_INITIAL_SKIP = {"of", "the", "and", "for", "in", "on", "'s", "’s", "&", "-", "de", "du", "la"}
_DOTS = re.compile(r"\.")


def key(form: str) -> str:
    """Comparison key of a form: lowercased, dots and curly apostrophes folded."""
    return _DOTS.sub("", form.replace("’", "'")).lower().strip()


@functools.lru_cache(maxsize=1)
def places() -> dict[str, tuple[str, str]]:
    """Map a form's key to (country name, how the form names it: name, demonym, plural, capital).

    Countries, alternative spellings, demonyms and capitals come from the countryinfo
    package; data/places_extra.tsv adds the few forms it lacks. Where two countries share
    a demonym or capital the more populous one keeps it (news usage: "American", "Jerusalem").
    """
    from countryinfo import CountryInfo

    table: dict[str, tuple[str, str, tuple]] = {}

    def put(form: str, country: str, how: str, pop: int) -> None:
        if not form or len(form) < 2:
            return
        k = key(form)
        old = table.get(k)
        # A country's own name beats a demonym or capital of another; then the shorter name (Serbia, not
        # Serbia and Montenegro; France, not French Guiana); then the larger country.
        rank = ({"name": 2}.get(how, 1), -len(country.split()), pop)
        if old is None or rank > old[2]:
            table[k] = (country, how, rank)

    ordered = CountryInfo.all().values()

    for info in ordered:
        name = info.get("name") or ""
        if not name or "," in name:  # "Palestine, State of": a duplicate entry under an inverted name
            continue
        pop = int(info.get("population") or 0)
        put(name, name, "name", pop)
        for alt in info.get("altSpellings") or []:
            # two- and three-letter ISO codes are not how news text names a country, except US/UK/UAE
            if len(alt) > 3 or alt in ("US", "UK", "USA", "UAE"):
                put(alt, name, "name", pop)
        dem = info.get("demonym") or ""
        if dem:
            put(dem, name, "demonym", pop)
            put(dem + "s", name, "plural", pop)
        caps = info.get("capital") or []
        for cap in [caps] if isinstance(caps, str) else caps:
            put(re.sub(r"\s+D\.?C\.?$", "", cap), name, "capital", pop)
    extra = Path(__file__).with_name("data") / "places_extra.tsv"
    for line in extra.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        country, how, form = line.split("\t")
        table[key(form)] = (country, how, (3, 0, 0))
        if how == "demonym":
            table.setdefault(key(form + "s"), (country, "plural", (3, 0, 0)))
    return {k: (c, how) for k, (c, how, _) in table.items()}


def place_of(form: str) -> tuple[str, str] | None:
    """(country, how) when the form is a country's name, demonym or capital."""
    return places().get(key(form))


def is_acronym(form: str, longest: int = 6) -> bool:
    """An all-capitals word of 2-6 letters (or `longest`), dots allowed (PLO, U.S., NATO)."""
    letters = form.replace(".", "")
    return 2 <= len(letters) <= longest and letters.isalpha() and letters.isupper()


def initials(words: list[str]) -> str:
    """Initials of a multiword name's significant words (hyphenated parts count: Urban-Brookings -> UB)."""
    out = []
    for w in words:
        if w.lower() in _INITIAL_SKIP:
            continue
        for part in w.split("-"):
            if part[:1].isalpha() and part[:1].isupper():
                out.append(part[0])
    return "".join(out)


def is_token_suffix(short: list[str], full: list[str]) -> bool:
    """Whether `short` is a proper suffix of `full`, word by word, case folded (Bogdanov / Mikhail Bogdanov)."""
    n = len(short)
    return 0 < n < len(full) and [w.lower() for w in full[-n:]] == [w.lower() for w in short]


def same_person(short: list[str], full: list[str]) -> bool:
    """Whether two person names agree: surname suffix, or same first and last name with middle initials left out."""
    if is_token_suffix(short, full):
        return True
    if len(short) >= 2 and len(full) > len(short):
        return short[0].lower() == full[0].lower() and short[-1].lower() == full[-1].lower()
    return False
