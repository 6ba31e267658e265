"""The template context: one documented object built from the Briefing (see docs/templates.md)."""
from __future__ import annotations

import base64
import mimetypes
from datetime import datetime, timezone
from pathlib import Path

from briefgen.errors import BriefgenError
from briefgen.models import Briefing

TLP_COLOURS = {
    # Traffic Light Protocol 2.0 colours (FIRST), shown as text on a black background.
    "TLP:RED": "#FF2B2B",
    "TLP:AMBER+STRICT": "#FFC000",
    "TLP:AMBER": "#FFC000",
    "TLP:GREEN": "#33FF00",
    "TLP:CLEAR": "#FFFFFF",
}

# Theme config keys that become CSS variables of brief.css (key -> variable name).
THEME_VARIABLES = {
    "accent": "accent", "ink": "ink", "muted": "muted", "rule": "rule", "derived_bg": "derived-bg",
    "font_body": "font-body", "font_head": "font-head", "size_body": "size-body",
}
LOGO_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".svg": "image/svg+xml"}


def as_of(briefing: Briefing) -> datetime:
    """The briefing's cut-off in its own time zone (falls back to UTC for an unknown zone)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    moment = briefing.generated_at if briefing.generated_at.tzinfo else briefing.generated_at.replace(tzinfo=timezone.utc)
    try:
        return moment.astimezone(ZoneInfo(briefing.timezone or "UTC"))
    except (ZoneInfoNotFoundError, ValueError):
        return moment.astimezone(timezone.utc)


def logo_data_uri(path: str | None) -> str:
    """The logo as a data: URI, so the HTML stays standalone and the PDF fetches nothing."""
    if not path:
        return ""
    p = Path(path)
    kind = LOGO_TYPES.get(p.suffix.lower())
    if kind is None:
        raise BriefgenError(f"theme.logo {path}: use a PNG, JPEG or SVG file", exit_code=2)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise BriefgenError(f"theme.logo {path}: cannot read it ({e.strerror}); check the path", exit_code=2) from None
    return f"data:{kind or mimetypes.guess_type(p.name)[0]};base64,{base64.b64encode(data).decode('ascii')}"


def build_context(briefing: Briefing, config) -> dict:
    """Everything a template sees: `briefing`, `config`, `sections`, `banner`, theme, and lookups."""
    banner = (briefing.banner or "").strip()
    quotes_by_speaker: dict[str, list] = {}
    for q in briefing.quotes:
        quotes_by_speaker.setdefault(q.speaker or "Unattributed", []).append(q)
    cut_off = as_of(briefing)
    theme = config.theme
    keywords = [a.name for a in briefing.actors[:6]]
    return {
        "briefing": briefing,
        "config": config,
        "sections": list(config.sections),
        "banner": {"text": banner, "colour": TLP_COLOURS.get(banner.upper()), "tlp": banner.upper() in TLP_COLOURS},
        "source_of": {s.path: s.number for s in briefing.sources},
        "quotes_by_speaker": quotes_by_speaker,
        "roles": {a.name: a.role for a in briefing.actors},
        "upcoming": [e for e in briefing.timeline if e.upcoming],
        "past": [e for e in briefing.timeline if not e.upcoming],
        "as_of": cut_off,
        # The PDF's creation date is the briefing's cut-off, not the clock, so two runs give the same bytes.
        "created_w3c": cut_off.isoformat(timespec="seconds"),
        "subject": f"{briefing.title}: briefing as of {cut_off:%Y-%m-%d %H:%M} {cut_off.tzname() or briefing.timezone}",
        "keywords": keywords,
        "theme": {
            "variables": {css: getattr(theme, key) for key, css in THEME_VARIABLES.items() if getattr(theme, key)},
            "margins": theme.margins,
        },
        "logo_uri": logo_data_uri(theme.logo),
        "page_size": config.pdf.page_size,
        "language": config.language,
        **pictures(briefing, config),
    }


def pictures(briefing: Briefing, config) -> dict:
    """`timeline_svg` and `actor_map_svg` as safe markup, drawn only for the sections the config lists."""
    from markupsafe import Markup

    from briefgen.render.svg import pictures_css

    wanted = set(config.sections)
    out = {"timeline_svg": Markup(""), "actor_map_svg": Markup("")}
    if not wanted & {"timeline_strip", "actor_map"}:
        return out
    css = pictures_css(config.templates.dir)
    # Markup: the SVG is built with ElementTree, which escapes every label taken from the articles.
    if "timeline_strip" in wanted:
        from briefgen.render.svg_timeline import timeline_svg

        out["timeline_svg"] = Markup(timeline_svg(briefing, css))
    if "actor_map" in wanted:
        from briefgen.render.svg_actormap import actor_map_svg

        out["actor_map_svg"] = Markup(actor_map_svg(briefing, config.limits.map_actors, css))
    return out
