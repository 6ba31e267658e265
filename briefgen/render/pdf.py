"""PDF output with WeasyPrint, through a fetcher that reads only allowed folders."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from briefgen.errors import BriefgenError


def make_fetcher(allowed: list[Path], refused: list[str]):
    """A WeasyPrint URL fetcher that serves data: URIs and files under `allowed`, nothing else."""
    from weasyprint.urls import URLFetcher

    roots = [p.resolve() for p in allowed]

    class SafeFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            scheme = url.split(":", 1)[0].lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme == "file":
                path = Path(unquote(urlparse(url).path)).resolve()
                if any(path == r or r in path.parents for r in roots):
                    return super().fetch(url, headers)
            refused.append(url)
            raise ValueError(f"briefgen refuses to fetch {url}: only the template and asset folders and data: URIs")

    return SafeFetcher()


def html_to_pdf(html: str, config, *, base_dir: Path | None = None, refused: list[str] | None = None) -> bytes:
    """Lay out `html` as PDF; relative URLs resolve against the template folder."""
    import logging

    import weasyprint

    from briefgen.render.templates import builtin_template_dir

    builtin = builtin_template_dir()
    allowed = [builtin] + ([Path(config.templates.dir)] if config.templates.dir else [])
    refused = refused if refused is not None else []
    base = base_dir or (Path(config.templates.dir) if config.templates.dir else builtin)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    options = {}
    if config.pdf.variant:
        options["pdf_variant"] = config.pdf.variant
    try:
        doc = weasyprint.HTML(string=html, base_url=str(base.resolve()) + "/", url_fetcher=make_fetcher(allowed, refused))
        return doc.write_pdf(**options)
    except Exception as e:  # WeasyPrint raises many types; one line for the user
        raise BriefgenError(f"PDF rendering failed: {e}") from e
