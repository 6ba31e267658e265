"""Fetch URLs with httpx: http and https only, timeouts, a size limit, few redirects, bounded concurrency."""
from __future__ import annotations

import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

from briefgen import __version__
from briefgen.errors import InputError

USER_AGENT = f"briefgen/{__version__} (news briefing generator)"
SCHEMES = ("http", "https")


@dataclass
class Fetched:
    """A fetched document: the URL asked for, the final URL, the body and its content type."""

    url: str
    final_url: str
    data: bytes
    content_type: str = ""
    charset: str = ""


@dataclass
class FetchSettings:
    """Limits for every request (the config's ingest section fills these)."""

    timeout: float = 15.0
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    concurrency: int = 8


_URL_START = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+://")


def is_url(item: str) -> bool:
    """Whether an input names a URL (any scheme) rather than a local path."""
    # By its form alone: urlsplit raises on malformed URLs ("http://[::1/x"), which are still URLs to refuse.
    return bool(_URL_START.match(item))


def check_scheme(url: str, label: str | None = None) -> None:
    """Refuse anything but http and https URLs with a host, so no page or feed makes us read a local file."""
    try:
        parts = urlsplit(url)
        host, _ = parts.hostname, parts.port
    except ValueError as e:  # "Invalid IPv6 URL", a port out of range
        raise InputError(label or url, f"is not a valid URL ({e}); check the link") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise InputError(label or url, f"{scheme or 'a relative'} link refused: only http and https URLs are fetched")
    if not host:
        raise InputError(label or url, "has no host name; check the link")


def fetch_one(client, url: str, settings: FetchSettings) -> Fetched:
    """GET one URL, streaming so a huge body is cut off at the size limit."""
    import httpx

    check_scheme(url)
    # httpx timeouts are per read; a server that trickles bytes needs an overall deadline too.
    deadline = time.monotonic() + settings.timeout
    try:
        with client.stream("GET", url) as resp:
            if resp.status_code >= 400:
                raise InputError(url, f"HTTP {resp.status_code} {resp.reason_phrase}".rstrip())
            check_scheme(str(resp.url), url)
            length = resp.headers.get("content-length")
            if length and length.isdigit() and int(length) > settings.max_bytes:
                raise InputError(url, f"is {int(length) / 1e6:.1f} MB, over the size limit of {settings.max_bytes / 1e6:g} MB (ingest.max_bytes)")
            chunks, size = [], 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > settings.max_bytes:
                    raise InputError(url, f"is over the size limit of {settings.max_bytes / 1e6:g} MB (ingest.max_bytes)")
                if time.monotonic() > deadline:
                    raise InputError(url, f"timed out after {settings.timeout:g} s (ingest.timeout)")
                chunks.append(chunk)
            ctype = resp.headers.get("content-type", "")
            return Fetched(url=url, final_url=str(resp.url), data=b"".join(chunks),
                           content_type=ctype.split(";")[0].strip().lower(), charset=resp.charset_encoding or "")
    except httpx.TooManyRedirects:
        raise InputError(url, f"redirect loop or more than {settings.max_redirects} redirects (ingest.max_redirects)") from None
    except httpx.TimeoutException:
        raise InputError(url, f"timed out after {settings.timeout:g} s (ingest.timeout)") from None
    except httpx.UnsupportedProtocol:  # the URL itself was checked above: only a redirect gets here
        raise InputError(url, "redirected to a link that is not http or https; refused") from None
    except httpx.InvalidURL as e:
        raise InputError(url, f"is not a valid URL ({e}); check the link") from None
    except httpx.HTTPError as e:
        raise InputError(url, f"cannot be fetched ({str(e) or type(e).__name__})") from None


def make_client(settings: FetchSettings):
    """One httpx client shared by the worker threads (it is thread-safe and pools connections)."""
    import httpx

    return httpx.Client(
        timeout=httpx.Timeout(settings.timeout),
        follow_redirects=True,
        max_redirects=settings.max_redirects,
        headers={"User-Agent": USER_AGENT},
        limits=httpx.Limits(max_connections=settings.concurrency),
    )


def fetch_many(urls: list[str], settings: FetchSettings) -> list[Fetched | InputError]:
    """Fetch URLs concurrently (at most `concurrency` at once); results in the given order, failures as errors."""
    if not urls:
        return []

    with make_client(settings) as client:
        def one(url: str) -> Fetched | InputError:
            try:
                return fetch_one(client, url, settings)
            except InputError as e:
                return e
            except Exception as e:  # a malformed link ("http://[::1/x") must not stop the other fetches
                return InputError(url, f"is not a link that can be fetched ({e}); check the URL")

        # Threads, not asyncio: the rest of ingest is synchronous and the work is I/O bound.
        with ThreadPoolExecutor(max_workers=max(1, min(settings.concurrency, len(urls)))) as pool:
            return list(pool.map(one, urls))
