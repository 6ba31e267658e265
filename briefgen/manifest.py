"""The run manifest: a JSON record beside the outputs of what a run read, parsed, reused, skipped and wrote."""
from __future__ import annotations

import json
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path


@dataclass
class RunRecord:
    """Filled in as a run goes; `to_json` is the manifest."""

    config: str | None = None
    inputs: list[str] = field(default_factory=list)
    now: str | None = None
    window_start: str | None = None
    articles: list[dict] = field(default_factory=list)  # {path, content_hash, published, from: parsed|cached}
    skipped: list[dict] = field(default_factory=list)  # {path, reason}
    outputs: list[str] = field(default_factory=list)
    cache: dict = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    status: str = "running"
    exit_code: int | None = None
    error: str | None = None
    started_at: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))
    _t0: float = field(default_factory=time.perf_counter, repr=False)

    @contextmanager
    def timed(self, stage: str):
        """Add the seconds spent in the block to `timings[stage]`."""
        t = time.perf_counter()
        try:
            yield
        finally:
            self.timings[stage] = round(self.timings.get(stage, 0.0) + time.perf_counter() - t, 3)

    def used(self, article, origin: str) -> None:
        self.articles.append({"path": article.path, "content_hash": article.content_hash,
                              "published": article.published.isoformat() if article.published else None, "from": origin})

    def skip(self, path: str, reason: str) -> None:
        self.skipped.append({"path": path, "reason": reason})

    def count(self, origin: str) -> int:
        return sum(1 for a in self.articles if a["from"] == origin)

    def finish(self, status: str, exit_code: int, error: str | None = None) -> None:
        self.status, self.exit_code, self.error = status, exit_code, error
        self.timings["total"] = round(time.perf_counter() - self._t0, 3)

    def summary(self) -> dict:
        """The counts monitoring looks at (also the stderr summary line)."""
        return {"status": self.status, "articles": len(self.articles), "parsed": self.count("parsed"),
                "cached": self.count("cached"), "skipped": len(self.skipped), "outputs": len(self.outputs),
                "seconds": self.timings.get("total")}

    def to_json(self) -> str:
        from briefgen import __version__

        data = {k: v for k, v in asdict(self).items() if not k.startswith("_")}
        counts = {k: v for k, v in self.summary().items() if k != "status"}
        data = {"briefgen": __version__, "status": data.pop("status"), "counts": counts, **data}
        return json.dumps(data, ensure_ascii=False, indent=1)


def manifest_path(stem: Path) -> Path:
    """Where the manifest of the outputs at `stem` goes: `<stem>.manifest.json`."""
    return stem.with_name(stem.name + ".manifest.json")


def write_manifest(record: RunRecord, stem: Path) -> Path:
    """Write the manifest atomically (monitoring may read it at any time)."""
    from briefgen.write import write_atomic

    return write_atomic(manifest_path(stem), record.to_json() + "\n")
