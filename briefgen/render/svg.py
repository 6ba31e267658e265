"""Shared parts of the briefing's SVG pictures: the root element, numbers, text widths, the pictures' CSS."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

SVG_NS = "http://www.w3.org/2000/svg"
CSS_START = "/* ---- Pictures (SVG): timeline strip and actor map"
CSS_END = "/* ---- End of pictures ---- */"
# Average advance of a DejaVu Sans character in em; measured over mixed-case English text (about 0.55-0.6).
CHAR_EM = 0.6


def num(x: float) -> str:
    """A coordinate with one decimal, no trailing zero, so output bytes do not depend on float noise."""
    s = f"{round(x, 1):.1f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def text_width(text: str, size: float) -> float:
    """Estimated width of `text` at font size `size` (no font metrics are loaded: the PDF is laid out later)."""
    return len(text) * size * CHAR_EM


def clip(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis when cut."""
    t = " ".join(text.split())
    if len(t) <= limit:
        return t
    cut = t[: limit - 1].rsplit(" ", 1)[0] if " " in t[: limit - 1] else t[: limit - 1]
    return cut.rstrip(" ,;:—–-") + "…"


def svg_root(width: float, height: float, *, ident: str, klass: str, title: str, desc: str, css: str = "") -> ET.Element:
    """An <svg> with role="img", a <title> and <desc> named by aria-labelledby, and the pictures' CSS inside."""
    root = ET.Element("svg", {
        "xmlns": SVG_NS, "class": f"picture {klass}", "viewBox": f"0 0 {num(width)} {num(height)}",
        "width": num(width), "height": num(height), "role": "img", "aria-labelledby": f"{ident}-title {ident}-desc",
    })
    ET.SubElement(root, "title", {"id": f"{ident}-title"}).text = title
    ET.SubElement(root, "desc", {"id": f"{ident}-desc"}).text = desc
    if css:
        # WeasyPrint styles inline SVG only from a <style> inside it, not from the page's stylesheet.
        ET.SubElement(root, "style").text = css
    return root


def to_string(root: ET.Element) -> str:
    """The SVG as text; ElementTree escapes every label and keeps attribute order, so bytes are stable."""
    return ET.tostring(root, encoding="unicode")


def pictures_css(user_dir: str | Path | None = None) -> str:
    """The pictures' section of brief.css (the templates folder's copy first), plus the folder's custom.css."""
    from briefgen.render.templates import builtin_template_dir

    parts = []
    for folder in ([Path(user_dir)] if user_dir else []) + [builtin_template_dir()]:
        sheet = folder / "brief.css"
        if sheet.is_file():
            section = _section(sheet.read_text(encoding="utf-8"))
            if section:
                parts.append(section)
                break
    if user_dir and (Path(user_dir) / "custom.css").is_file():
        parts.append((Path(user_dir) / "custom.css").read_text(encoding="utf-8"))
    # CSS variables are not resolved inside WeasyPrint's SVG, so the section uses plain colours.
    return "\n".join(p.strip() for p in parts)


def _section(css: str) -> str:
    start = css.find(CSS_START)
    if start < 0:
        return ""
    end = css.find(CSS_END, start)
    body = re.sub(r"/\*.*?\*/", "", css[start: end if end >= 0 else len(css)], flags=re.S).strip()
    # The page keeps these rules in @media screen (see brief.css); inside the SVG they apply everywhere.
    if body.startswith("@media screen") and "{" in body and body.endswith("}"):
        body = body[body.index("{") + 1: -1].strip()
    return body
