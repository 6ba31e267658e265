"""Find the few tokens an extractor cares about without making a Token object for every word.

Walking a Doc in Python builds a Token per word and looks up its strings one by one; for a rule that
starts from a handful of lemmas, reading the Doc's attribute array once and keeping the matching
positions costs far less. Results are kept in the Doc's user_data, so extractors share them.
"""
from __future__ import annotations


def indexes_of(doc, attr: str, words: frozenset[str]) -> list[int]:
    """Token indexes whose `attr` ("LEMMA", "LOWER", "ORTH"), lowercased, is one of `words`."""
    key = ("briefgen.indexes", attr, words)  # a frozenset keeps its hash: a cheap key
    found = doc.user_data.get(key)
    if found is None:
        import numpy
        from spacy import attrs

        if not len(doc):
            found = []
        else:
            values = doc.to_array(getattr(attrs, attr))
            strings = doc.vocab.strings
            wanted = [h for h in numpy.unique(values).tolist() if strings[h].lower() in words]
            found = numpy.flatnonzero(numpy.isin(values, wanted)).tolist() if wanted else []
        doc.user_data[key] = found
    return found
