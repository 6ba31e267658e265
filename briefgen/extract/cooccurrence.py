"""Co-occurrence: actors named in the same sentence, and speakers with the actors their quotes name."""
from __future__ import annotations

from collections import Counter
from itertools import combinations

from briefgen.extract.actors import ActorIndex
from briefgen.models import ActorLink, Quote


def actor_links(doc, index: ActorIndex, quotes: list[Quote]) -> list[ActorLink]:
    """Count, for each pair of actors, the sentences and quotes that name both; strongest first."""
    counts: Counter[tuple[str, str]] = Counter()
    for sent in doc.sents:
        names = index.names_in(sent.start_char, sent.end_char)
        counts.update(tuple(sorted(pair)) for pair in combinations(names, 2))
    for q in quotes:
        if not q.speaker:
            continue
        # A speaker quoted on someone is linked even when the quote spans sentences the speaker is not in.
        counts.update(tuple(sorted((q.speaker, name))) for name in index.names_in(q.start, q.end) if name != q.speaker)
    return [ActorLink(a=a, b=b, weight=w) for (a, b), w in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
