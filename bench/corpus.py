"""Make a benchmark corpus of N plain-text articles in the seed's layout.

Each article mixes paragraphs drawn from the project's seeds with generated
paragraphs (other names, places, dates and quotes), seeded so the same N gives
the same files. Generated articles differ enough that near-duplicate grouping
keeps them apart. `--from DIR` takes the articles of any folder instead and
repeats them (with a variant line) up to N.

    python bench/corpus.py 100 bench/corpus/100
"""
from __future__ import annotations

import argparse
import random
import re
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FIRST = ["Anna", "Omar", "Li", "Maria", "Pavel", "Amina", "John", "Sofia", "Karim", "Elena", "David", "Fatima", "Jonas", "Priya", "Tomas", "Leila"]
LAST = ["Novak", "Haddad", "Chen", "Garcia", "Ivanov", "Mensah", "Smith", "Rossi", "Nasser", "Petrova", "Cohen", "Rahman", "Berg", "Patel", "Kral", "Aziz"]
ROLES = ["foreign minister", "defence minister", "prime minister", "spokesperson", "ambassador", "senior adviser", "envoy", "party leader"]
COUNTRIES = ["France", "Germany", "Egypt", "Qatar", "Turkey", "Jordan", "Japan", "Brazil", "India", "Kenya", "Norway", "Poland", "Spain", "Canada", "Chile", "Vietnam"]
ORGS = ["the United Nations", "the European Union", "the African Union", "NATO", "the World Bank", "the Arab League", "the Red Cross", "the IMF"]
TOPICS = ["a ceasefire", "new sanctions", "the grain corridor", "a prisoner exchange", "border talks", "an aid package", "the energy deal", "election monitoring"]
VERBS = ["said", "told reporters", "noted", "added", "warned"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _paragraph(rng: random.Random) -> str:
    p, q = _person(rng), _person(rng)
    c1, c2 = rng.sample(COUNTRIES, 2)
    org, topic, role = rng.choice(ORGS), rng.choice(TOPICS), rng.choice(ROLES)
    month, day = rng.choice(MONTHS), rng.randint(1, 28)
    kind = rng.randrange(4)
    if kind == 0:
        return (f"{c1}'s {role} {p} met officials from {c2} on {month} {day} to discuss {topic}. "
                f"The talks, hosted by {org}, ended without a joint statement, and {q} said more meetings were planned.")
    if kind == 1:
        return (f"“We will not accept {topic} on these terms,” {p} {rng.choice(VERBS)}. "
                f"“Our partners in {c2} know our position, and so does {org}.”")
    if kind == 2:
        return (f"According to {org}, {c1} and {c2} agreed last week to resume work on {topic}. "
                f"It remains unclear whether {q}, the {role}, will attend the next round in {month}.")
    return (f"{p}, {c1}'s {role}, is expected to travel to {c2} next month. "
            f"Officials there said on Friday that {topic} would top the agenda.")


def generate(n: int, dest: Path, seeds: Path = ROOT / "seeds", seed: int = 7) -> list[Path]:
    """Write n articles into dest and return their paths."""
    rng = random.Random(seed)
    base = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    seed_paragraphs = [b.strip() for t in base for b in re.split(r"\n\s*\n", t)[3:] if len(b.split()) > 12]
    dest.mkdir(parents=True, exist_ok=True)
    start = date(2024, 1, 1)
    paths = []
    for i in range(n):
        body = rng.sample(seed_paragraphs, k=min(4, len(seed_paragraphs))) + [_paragraph(rng) for _ in range(8)]
        rng.shuffle(body)
        title = f"{rng.choice(COUNTRIES)} and {rng.choice(COUNTRIES)} weigh {rng.choice(TOPICS)} ({i + 1})"
        published = start + timedelta(days=i % 365)
        text = f"{title}\n\n{published:%b %-d, %Y}\n\nBench Wire\n\n" + "\n\n".join(body) + "\n"
        path = dest / f"article-{i + 1:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def repeat(n: int, dest: Path, source: Path) -> list[Path]:
    """Copy the articles of `source` up to n files (a variant number in each headline)."""
    files = sorted(p for p in source.rglob("*") if p.suffix in {".txt", ".md"})
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        src = files[i % len(files)]
        text = src.read_text(encoding="utf-8")
        head, _, rest = text.partition("\n")
        p = dest / f"{src.stem}-{i:05d}{src.suffix}"
        p.write_text(f"{head} ({i})\n{rest}", encoding="utf-8")
        out.append(p)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("dest", type=Path)
    ap.add_argument("--from", dest="source", type=Path, help="repeat the articles of this folder instead of generating")
    a = ap.parse_args()
    paths = repeat(a.n, a.dest, a.source) if a.source else generate(a.n, a.dest)
    print(f"{len(paths)} articles in {a.dest}")


if __name__ == "__main__":
    main()
