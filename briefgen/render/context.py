"""The template context: one documented object built from the Briefing."""
from __future__ import annotations

from briefgen.models import Briefing

TLP_COLOURS = {
    # Traffic Light Protocol 2.0 colours (FIRST): text colour on black.
    "TLP:RED": "#FF2B2B",
    "TLP:AMBER+STRICT": "#FFC000",
    "TLP:AMBER": "#FFC000",
    "TLP:GREEN": "#33FF00",
    "TLP:CLEAR": "#FFFFFF",
}


def build_context(briefing: Briefing, config) -> dict:
    """Everything a template sees: `briefing`, `config`, `sections`, `banner`, and lookups."""
    sources = {s.path: s for s in briefing.sources}
    banner = (briefing.banner or "").strip()
    quotes_by_speaker: dict[str, list] = {}
    for q in briefing.quotes:
        quotes_by_speaker.setdefault(q.speaker or "Unattributed", []).append(q)
    roles = {a.name: a.role for a in briefing.actors}
    return {
        "briefing": briefing,
        "config": config,
        "sections": list(config.sections),
        "banner": {"text": banner, "colour": TLP_COLOURS.get(banner.upper()), "tlp": banner.upper() in TLP_COLOURS},
        "source_of": {path: s.number for path, s in sources.items()},
        "quotes_by_speaker": quotes_by_speaker,
        "roles": roles,
        "upcoming": [e for e in briefing.timeline if e.upcoming],
        "past": [e for e in briefing.timeline if not e.upcoming],
        "page_size": config.pdf.page_size,
        "language": config.language,
    }
