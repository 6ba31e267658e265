"""Render: the only package that imports Jinja2 and WeasyPrint."""
from __future__ import annotations

from briefgen.render.context import build_context
from briefgen.render.templates import builtin_template_dir, load_template, make_environment, render_template

__all__ = ["build_context", "builtin_template_dir", "make_environment", "render_template", "load_templates", "render_html", "render_markdown", "render_json", "render_pdf"]


def render_html(briefing, config) -> str:
    """The briefing as one standalone HTML document."""
    env = make_environment(config.templates.dir)
    return render_template(env, config.templates.name, build_context(briefing, config))


def render_markdown(briefing, config) -> str:
    """The briefing as Markdown."""
    env = make_environment(config.templates.dir, markdown=True)
    return render_template(env, "brief.md.j2", build_context(briefing, config))


def load_templates(config, formats: list[str]) -> None:
    """Compile the templates these formats use, so a missing template or a syntax error stops a run before parsing."""
    if {"html", "pdf"} & set(formats):
        load_template(make_environment(config.templates.dir), config.templates.name)
    if "md" in formats:
        load_template(make_environment(config.templates.dir, markdown=True), "brief.md.j2")


def render_json(briefing) -> str:
    """The briefing as JSON."""
    return briefing.model_dump_json(indent=2) + "\n"


def render_pdf(html: str, config, **kwargs) -> bytes:
    """The briefing's HTML laid out as PDF by WeasyPrint."""
    from briefgen.render.pdf import html_to_pdf

    return html_to_pdf(html, config, **kwargs)
