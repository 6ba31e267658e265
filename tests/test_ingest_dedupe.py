"""The same wire story from several outlets collapses into one story with 'also reported by'."""
from __future__ import annotations

import sys
from datetime import datetime, timezone

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from httpserver import PARAS_A, PARAS_B  # noqa: E402

from briefgen.ingest.dedupe import group_duplicates  # noqa: E402

# The same story as PARAS_A, lightly edited by a second outlet: a dateline, a few words changed, the last paragraph cut.
EDITED_A = [
    "ESKERBY - The dock workers' union in Varnholm called an indefinite strike on Monday, halting cargo traffic at the nation's two biggest ports.",
    "Union leader Teodor Marsk said the walkout would go on until the port authority withdrew its plan to automate three container terminals.",
    "\u201cWe will not hand our jobs to machines without a fight,\u201d Marsk told reporters outside the union's headquarters in Eskerby.",
    "The port authority said in a statement that the automation plan would create more skilled jobs than it removed and that talks remained open.",
    "Transport Minister Ilse Varga urged both sides to return to the table before the end of the week, warning that fuel deliveries could run short.",
]

# The same event written up independently: shares names and facts, not the text.
OWN_REPORT = [
    "Cargo ships sat idle off Varnholm's coast on Monday after port workers walked off the job in protest at automation.",
    "Teodor Marsk, who leads the dock workers, vowed that his members would stay out as long as the terminal plan stands.",
    "Ministers have so far kept out of the dispute, though Ilse Varga said fuel supplies were being watched closely.",
]


def test_near_duplicates_group_under_the_earliest(make_article):
    late = make_article(*PARAS_A, published="2024-03-05", outlet="Northern Ledger", path="ledger.txt")
    early = make_article(*EDITED_A, published="2024-03-04", outlet="Coast Wire", path="wire.txt")
    other = make_article(*OWN_REPORT, published="2024-03-04", outlet="Harbour Times", path="times.txt")
    farm = make_article(*PARAS_B, published="2024-03-05", outlet="Lindmark Post", path="farm.txt")
    grouped = group_duplicates([late, farm, early, other], 0.8)
    assert [a.path for a in grouped.articles] == ["farm.txt", "wire.txt", "times.txt"]
    assert grouped.also_reported_by == {"wire.txt": ["Northern Ledger"]}
    assert grouped.duplicates == {"ledger.txt": "wire.txt"}


def test_threshold_zero_turns_grouping_off(make_article):
    a = make_article(*PARAS_A, path="a.txt")
    b = make_article(*PARAS_A, path="b.txt")
    assert len(group_duplicates([a, b], 0).articles) == 2
    assert len(group_duplicates([a, b], 0.8).articles) == 1


def test_build_counts_a_duplicated_story_once(tmp_path, nlp):
    from briefgen.config import Config
    from briefgen.pipeline import build

    def write(name: str, title: str, day: str, outlet: str, paras: list[str]) -> str:
        p = tmp_path / name
        p.write_text(f"{title}\n\n{day}\n\n{outlet}\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
        return str(p)

    ledger = write("ledger.txt", "Dock workers strike", "March 5, 2024", "Northern Ledger", PARAS_A)
    wire = write("wire.txt", "Port strike halts cargo", "March 4, 2024", "Coast Wire", EDITED_A)
    now = datetime(2024, 3, 6, 8, 0, tzinfo=timezone.utc)

    def briefing(sources):
        config = Config(sources=sources)
        config.cache.enabled = False
        config.output.dir = str(tmp_path / "out")
        return build(config, now=now)

    both = briefing([ledger, wire])
    alone = briefing([wire])
    [source] = both.sources
    assert source.path == wire and source.also_reported_by == ["Northern Ledger"]
    mentions = {a.name: a.mentions for a in both.actors}
    assert mentions == {a.name: a.mentions for a in alone.actors}
    assert mentions.get("Teodor Marsk", 0) >= 2
    assert len(both.quotes) == len(alone.quotes) >= 1
