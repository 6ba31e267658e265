"""PDF output with WeasyPrint, through a fetcher that reads only allowed folders."""
from __future__ import annotations

import logging
import os
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlparse

from briefgen.errors import BriefgenError

log = logging.getLogger("briefgen")


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
                # resolve() follows symlinks, so a link inside the folder cannot point outside it.
                path = Path(unquote(urlparse(url).path)).resolve()
                if any(path == r or r in path.parents for r in roots):
                    return super().fetch(url, headers)
            if url not in refused:
                refused.append(url)
            raise ValueError(f"briefgen refuses to fetch {url}: only the template and asset folders and data: URIs")

    return SafeFetcher()


def allowed_folders(config, base_dir: Path | None = None) -> list[Path]:
    """Folders the PDF may read: the built-in templates, the user's templates folder, the base folder."""
    from briefgen.render.templates import builtin_template_dir

    folders = [builtin_template_dir()]
    if config.templates.dir:
        folders.append(Path(config.templates.dir))
    if base_dir:
        folders.append(Path(base_dir))
    return folders


def _drop_attachments(document) -> int:
    """Remove embedded-file links (rel=attachment) from a laid-out document; return how many."""
    # WeasyPrint embeds the target of every <a rel=attachment> and <link rel=attachment>;
    # a briefing never needs that, and it would copy files into the PDF.
    dropped = len(document.metadata.attachments)
    document.metadata.attachments = []
    for page in document.pages:
        kept = [link for link in page.links if link[0] != "attachment"]
        dropped += len(page.links) - len(kept)
        page.links[:] = kept
    return dropped


def html_to_pdf(html: str, config, *, base_dir: Path | None = None, refused: list[str] | None = None) -> bytes:
    """Lay out `html` as PDF; relative URLs resolve against the template folder; refusals are logged."""
    import weasyprint

    from briefgen.render.templates import builtin_template_dir

    refused = refused if refused is not None else []
    base = Path(base_dir or config.templates.dir or builtin_template_dir())
    options = {}
    if config.pdf.variant:
        options["pdf_variant"] = config.pdf.variant
    try:
        fetcher = make_fetcher(allowed_folders(config, base_dir), refused)
        document = weasyprint.HTML(string=html, base_url=str(base.resolve()) + "/", url_fetcher=fetcher).render()
        dropped = _drop_attachments(document)
        with _font_timestamp(document.metadata.created):
            pdf = document.write_pdf(**options)
    except BriefgenError:
        raise
    except Exception as e:  # WeasyPrint raises many types; one line for the user
        raise BriefgenError(f"PDF rendering failed: {e}") from e
    for url in refused:
        log.warning("warning: the PDF does not include %s (only the templates folder and data: URIs may be read)", _short(url))
    if dropped:
        log.warning("warning: dropped %d rel=attachment link(s); the PDF embeds no files", dropped)
    return pdf


@contextmanager
def _font_timestamp(created: str | None):
    """Stamp subset fonts with the briefing's time instead of the clock, so the PDF's bytes repeat."""
    # fontTools writes the current time into each subset font's head table unless
    # SOURCE_DATE_EPOCH is set; it offers no other switch through WeasyPrint.
    if not created or "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    try:
        epoch = int(datetime.fromisoformat(created.replace("Z", "+00:00")).timestamp())
    except ValueError:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


def _short(url: str) -> str:
    return url if len(url) <= 120 else url[:60] + "..." + url[-40:]
