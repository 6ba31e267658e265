"""Logging for people and for log collectors: one summary line per run, JSON lines on request, quiet for cron."""
from __future__ import annotations

import json
import logging
import sys
from contextlib import contextmanager
from datetime import datetime, timezone

log = logging.getLogger("briefgen")

_state = {"format": "text", "quiet": False, "summarized_error": False}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and any `extra={"data": {...}}` fields."""

    def format(self, record: logging.LogRecord) -> str:
        out = {"time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
               "level": record.levelname.lower(), "logger": record.name, "message": record.getMessage()}
        out.update(getattr(record, "data", None) or {})
        return json.dumps(out, ensure_ascii=False, default=str)


def setup_logging(fmt: str = "text", quiet: bool = False) -> None:
    """Send briefgen's log records to stderr as text or JSON; `quiet` keeps only errors (cron mails any output)."""
    _state.update(format=fmt, quiet=quiet)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter("briefgen: %(message)s"))
    log.handlers[:] = [handler]
    log.setLevel(logging.ERROR if quiet else logging.INFO)
    log.propagate = False


def json_logs() -> bool:
    return _state["format"] == "json"


def summarize(record) -> None:
    """Log the run's one summary line (counts, outputs, seconds)."""
    s = record.summary()
    if record.status == "ok":
        text = (f"{s['articles']} article(s): {s['parsed']} parsed, {s['cached']} cached; {s['skipped']} skipped; "
                f"wrote {', '.join(record.outputs)} in {s['seconds']:.1f}s")
        log.info(text, extra={"data": {"event": "summary", **s, "outputs": record.outputs}})
    else:
        log.error(f"error: {record.error}", extra={"data": {"event": "summary", **s, "outputs": record.outputs,
                                                          "exit_code": record.exit_code}})
        _state["summarized_error"] = True


def error_summarized() -> bool:
    """Whether the run's summary line already told the error (the CLI then does not repeat it)."""
    return _state["summarized_error"]


@contextmanager
def progress(total: int, description: str):
    """A rich progress bar on a terminal (never in logs, cron mail or JSON); yields a function to advance it."""
    if total < 2 or _state["quiet"] or json_logs() or not sys.stderr.isatty():
        yield lambda n=1: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task(description, total=total)
        yield lambda n=1: bar.advance(task, n)


def report_error(error) -> None:
    """Print a BriefgenError's lines on stderr (as JSON with --log-format json), unless the run summary already did."""
    if getattr(error, "reported", False):
        return
    if json_logs():
        for line in error.lines:
            log.error(f"error: {line}", extra={"data": {"event": "error", "exit_code": error.exit_code}})
    else:
        for line in error.lines:
            print(f"briefgen: error: {line}", file=sys.stderr)
