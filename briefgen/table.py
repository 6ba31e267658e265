"""A readable terminal view of extractions (rich)."""
from __future__ import annotations

from briefgen.models import Extraction


def print_tables(extractions: list[Extraction]) -> None:
    """Print actors, quotes, dates and questions of each article as tables."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    for e in extractions:
        console.rule(f"[bold]{e.title or e.path}[/] ({e.outlet or '?'}, {e.published or 'no date'})")
        t = Table("actor", "kind", "role", "mentions", title="Actors")
        for a in e.actors[:15]:
            t.add_row(a.name, a.kind, a.role or "", str(a.mentions))
        console.print(t)
        t = Table("speaker", "cue", "quote", title="Quotes")
        for q in e.quotes:
            t.add_row(q.speaker or "?", q.cue or "", q.text[:100])
        console.print(t)
        t = Table("text", "value", "¶", title="Dates")
        for d in e.dates:
            t.add_row(d.text, d.value or "", str(d.paragraph))
        console.print(t)
        t = Table("open question", "¶", title="Open questions")
        for q in e.open_questions:
            t.add_row(q.text, str(q.paragraph))
        console.print(t)
