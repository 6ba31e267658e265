"""Which quotes the briefing shows (plain values: the extraction is tested in test_quotes.py)."""
from __future__ import annotations

from briefgen.aggregate import merge_actors
from briefgen.models import Actor, Extraction, Quote
from briefgen.select_quotes import MAX_WORDS, pick_quotes, shorten_quote


def _q(text: str, speaker: str | None, start: int = 0) -> Quote:
    return Quote(text=text, speaker=speaker, cue="said" if speaker else None, paragraph=1, start=start, end=start + len(text))


def _ex(path: str, quotes: list[Quote], *actors: Actor) -> Extraction:
    return Extraction(path=path, quotes=quotes, actors=list(actors))


def _pick(extractions, limit=12):
    return pick_quotes(extractions, merge_actors(extractions), limit)


def test_quotes_come_from_every_article_not_only_the_first():
    first = _ex("a.txt", [_q(f"We will open the harbour gate number {i} soon.", "Ines Duarte", i * 100) for i in range(10)],
                Actor(name="Ines Duarte", kind="person", mentions=9, score=9.0))
    second = _ex("b.txt", [_q("The dockers will strike again next week.", "Pavel Novak")],
                 Actor(name="Pavel Novak", kind="person", mentions=3, score=3.0))
    picked = _pick([first, second], limit=4)
    assert len(picked) == 4
    assert any(q.source == "b.txt" for q in picked)


def test_attributed_quotes_of_key_actors_come_first_and_unattributed_last():
    ex = _ex("a.txt", [_q("Nobody knows who will pay for the new dam.", None, 0),
                       _q("The dam will be finished in two years.", "Ines Duarte", 100),
                       _q("We were not consulted about the dam at all.", "Valley Farmers Union", 200)],
             Actor(name="Ines Duarte", kind="person", mentions=9, score=9.0),
             Actor(name="Valley Farmers Union", kind="organization", mentions=2, score=2.0))
    picked = _pick([ex])
    assert [q.speaker for q in picked] == ["Ines Duarte", "Valley Farmers Union", None]
    assert _pick([ex], limit=2)[-1].speaker == "Valley Farmers Union"  # the unattributed one goes first


def test_a_speaker_is_named_as_the_briefing_names_the_actor():
    a = _ex("a.txt", [_q("The budget will be balanced by spring.", "Duarte")], Actor(name="Duarte", kind="person", mentions=2, score=2.0))
    b = _ex("b.txt", [_q("We expect a decision on the budget soon.", "Ines Duarte")],
            Actor(name="Ines Duarte", kind="person", mentions=5, score=5.0))
    picked = _pick([a, b])
    assert {q.speaker for q in picked} == {"Ines Duarte"}


def test_the_same_quote_from_two_outlets_is_shown_once():
    text = "The harbour will stay closed until the inquiry ends, whatever the cost."
    picked = _pick([_ex("a.txt", [_q(text, "Ines Duarte")]), _ex("b.txt", [_q(text, "Ines Duarte")])])
    assert len(picked) == 1 and picked[0].source == "a.txt"


def test_a_long_quote_is_cut_after_a_whole_sentence_with_an_ellipsis():
    sentence = "The port has served this island for two hundred years and it will serve it for two hundred more."
    long = " ".join([sentence] * 8)
    short = shorten_quote(long)
    assert short.endswith(" …") and short[:-2].endswith(".")
    assert len(short.split()) <= MAX_WORDS + 1
    assert long.startswith(short[:-2])
    assert shorten_quote(sentence) == sentence
    one_long_sentence = " ".join(["word"] * 150) + "."
    assert shorten_quote(one_long_sentence).endswith("word …")


def test_whole_sentences_are_preferred_to_fragments_and_wire_marks_are_typeset():
    ex = _ex("a.txt", [_q("failed to yield results", "Ines Duarte", 0),
                       _q("We will not reopen the harbour until ``every crane'' is safe.", "Ines Duarte", 100)],
             Actor(name="Ines Duarte", kind="person", mentions=9, score=9.0))
    (q,) = _pick([ex], limit=1)
    assert q.text == "We will not reopen the harbour until “every crane” is safe."


def test_typewriter_marks_become_typographic():
    from briefgen.typography import typographic

    assert typographic("He said ``no'' twice.") == "He said “no” twice."
    assert typographic("''Why now?'' she asked.") == "“Why now?” she asked."
    assert typographic("It's the port's rock 'n' roll.") == "It's the port's rock 'n' roll."


def test_a_phrase_quoted_from_a_sentence_another_outlet_quotes_whole_is_shown_once():
    whole = _ex("a.txt", [_q("The harbour is on the side of the fishermen,", "Ines Duarte")],
                Actor(name="Ines Duarte", kind="person", mentions=3, score=3.0))
    phrase = _ex("b.txt", [_q("on the side of the fishermen", "Ines Duarte"), _q("We will not sell the old pier to anyone.", "Duarte", 50)],
                 Actor(name="Duarte", kind="person", mentions=2, score=2.0))
    picked = _pick([phrase, whole])
    assert [q.text for q in picked] == ["We will not sell the old pier to anyone.", "The harbour is on the side of the fishermen"]


def test_words_from_a_background_story_give_way_to_this_weeks():
    from datetime import date

    old = _ex("old.txt", [_q("The harbour will never be sold while I am mayor.", "Ines Duarte")],
              Actor(name="Ines Duarte", kind="person", mentions=3, score=3.0))
    new = _ex("new.txt", [_q("We have found a buyer for the harbour at last.", "Ines Duarte")],
              Actor(name="Ines Duarte", kind="person", mentions=3, score=3.0))
    old.published, new.published = date(2022, 5, 1), date(2024, 5, 1)
    (q,) = _pick([old, new], limit=1)
    assert q.source == "new.txt"


def test_a_speaker_named_with_a_form_of_address_is_the_actor_of_that_surname():
    a = _ex("a.txt", [_q("There are substantial grounds for concern about the harbour.", "Lord Varga"),
                      _q("The pier will be rebuilt whatever the court decides.", "Mr Roe", 80)],
            Actor(name="Varga", kind="person", role="president of the court", mentions=2, score=2.0),
            Actor(name="Bill Roe", kind="person", mentions=2, score=2.0), Actor(name="Jane Roe", kind="person", mentions=1, score=1.0))
    picked = _pick([a])
    assert {q.speaker for q in picked} == {"Varga", "Mr Roe"}  # two Roes: left as the article wrote it
