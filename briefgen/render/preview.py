"""`briefgen preview`: serve the briefing on 127.0.0.1 and rebuild it when a template, the CSS or the config changes."""
from __future__ import annotations

import html as htmllib
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

from briefgen.errors import BriefgenError

log = logging.getLogger("briefgen")

# Polls /_version once a second and reloads the page when the briefing was rebuilt.
# Only the served copy gets it; the written HTML stays script-free.
RELOAD_SCRIPT = (
    "<script>(function(){var v=%d;setInterval(function(){fetch('/_version').then(function(r){return r.text()})"
    ".then(function(t){if(+t!==v){location.reload()}}).catch(function(){})},1000)})();</script>"
)


class Preview:
    """The current rendering of a briefing, a local HTTP server for it, and a watcher that refreshes it."""

    def __init__(self, load_config: Callable[[], object], load_briefing: Callable[[object], object],
                 *, host: str = "127.0.0.1", port: int = 8000, watch: list[Path] | None = None):
        self.load_config = load_config
        self.load_briefing = load_briefing
        self.watch_paths = [Path(p) for p in (watch or []) if Path(p).exists()]
        self.version = 0
        self.html = b""
        self.error = ""
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self.config = None
        self.briefing = None
        try:  # bind before the first build: a busy port should fail at once, not after every article is parsed
            self.server = ThreadingHTTPServer((host, port), self._handler())
        except OSError as e:
            raise BriefgenError(f"cannot serve on {host}:{port} ({e.strerror}); pass another --port", exit_code=2) from None
        self.server.daemon_threads = True
        try:
            self.rebuild(config_changed=True)
        except BaseException:
            self.server.server_close()
            raise

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/"

    def rebuild(self, *, config_changed: bool = False) -> None:
        """Re-read the config (and the articles, when it changed) and render the HTML again."""
        from briefgen.render import render_html

        try:
            if config_changed or self.config is None:
                self.config = self.load_config()
                self.briefing = self.load_briefing(self.config)
            page = render_html(self.briefing, self.config)
            error = ""
        except BriefgenError as e:
            page, error = None, "\n".join(e.lines)
        with self._lock:
            self.version += 1
            if page is not None:
                self.html = page.encode("utf-8")
            self.error = error
        if error:
            log.warning("preview: %s", error)

    def page(self) -> bytes:
        """The HTML served at /: the briefing, or the error that stopped the last rebuild."""
        with self._lock:
            version, body, error = self.version, self.html, self.error
        script = (RELOAD_SCRIPT % version).encode()
        if error:
            notice = f"<pre style='background:#fee;border:1px solid #c00;padding:1em;white-space:pre-wrap'>{htmllib.escape(error)}</pre>"
            return f"<!DOCTYPE html><meta charset=utf-8><title>briefgen preview: error</title>{notice}".encode() + script
        return body.replace(b"</body>", script + b"</body>", 1) if b"</body>" in body else body + script

    def pdf(self) -> bytes:
        """The PDF of the current HTML, laid out on request."""
        from briefgen.render import render_pdf

        with self._lock:
            body = self.html
        return render_pdf(body.decode("utf-8"), self.config)

    def _handler(self):
        preview = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's naming)
                path = self.path.split("?", 1)[0]
                try:
                    if path in ("/", "/index.html"):
                        self._send(200, "text/html; charset=utf-8", preview.page())
                    elif path == "/_version":
                        self._send(200, "text/plain", str(preview.version).encode())
                    elif path == "/brief.pdf":
                        self._send(200, "application/pdf", preview.pdf())
                    else:
                        self._send(404, "text/plain", b"not found")
                except BriefgenError as e:
                    self._send(500, "text/plain; charset=utf-8", str(e).encode())

            def _send(self, status: int, kind: str, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):  # keep the terminal for rebuild messages
                pass

        return Handler

    def _watch(self, config_files: set[Path]) -> None:
        from watchfiles import watch

        if not self.watch_paths:
            return
        for changes in watch(*self.watch_paths, stop_event=self._stop, debounce=200, step=50, raise_interrupt=False):
            changed = {Path(p).resolve() for _, p in changes}
            self.rebuild(config_changed=bool(changed & config_files))
            log.warning("preview: rebuilt after a change to %s", ", ".join(sorted(p.name for p in changed)))

    def start(self, config_files: list[Path] | None = None) -> None:
        """Serve and watch in background threads (returns at once)."""
        files = {Path(p).resolve() for p in (config_files or [])}
        threading.Thread(target=self.server.serve_forever, name="briefgen-preview-http", daemon=True).start()
        threading.Thread(target=self._watch, args=(files,), name="briefgen-preview-watch", daemon=True).start()

    def stop(self) -> None:
        """Stop the watcher and the server."""
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()
