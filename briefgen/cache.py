"""The extraction cache: one SQLite file of Extraction JSON, so a run parses only new or changed articles.

An entry's key is the article's content hash plus a fingerprint of everything that
changes extraction output: EXTRACTION_VERSION, the spaCy version and the model's
name and version. Changing any of them misses the old entries (they are pruned).
SQLite gives atomic commits, so a killed run leaves the cache as of its last commit;
a file that is not a sound SQLite database is moved aside and rebuilt, never trusted.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
from importlib import metadata
from pathlib import Path

from briefgen.models import Article, Extraction

log = logging.getLogger("briefgen.cache")

SCHEMA = """
CREATE TABLE IF NOT EXISTS extraction (
    content_hash TEXT NOT NULL,
    fingerprint  TEXT NOT NULL,
    path         TEXT NOT NULL,
    data         TEXT NOT NULL,
    used_at      REAL NOT NULL,
    PRIMARY KEY (content_hash, fingerprint)
);
CREATE TABLE IF NOT EXISTS dedupe (
    key     TEXT PRIMARY KEY,
    data    TEXT NOT NULL,
    used_at REAL NOT NULL
);
"""


def model_fingerprint(model: str) -> str:
    """Identify what extraction depends on, without importing spaCy (a fully cached run never loads it)."""
    from briefgen.extract import EXTRACTION_VERSION

    def version(dist: str) -> str:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return "?"

    # A model's meta.json carries its version: in the folder given, or in the installed package (found without importing it).
    folder = Path(model).expanduser()
    if not folder.is_dir():
        import importlib.util

        from briefgen.extract.nlp import ALIASES

        for name in (model, ALIASES.get(model)):
            try:
                spec = importlib.util.find_spec(name) if name else None
            except (ImportError, ValueError):
                spec = None
            if spec and spec.origin:
                folder = Path(spec.origin).parent
                break
    model_version = "?"
    try:
        model_version = json.loads((folder / "meta.json").read_text(encoding="utf-8")).get("version", "?")
    except (OSError, ValueError):
        pass
    return f"x{EXTRACTION_VERSION}|{_code_hash()}|spacy{version('spacy')}|{model}=={model_version}"


def _code_hash() -> str:
    """Hash of the extraction package's source, so an edited extractor misses old entries even if no one bumped EXTRACTION_VERSION."""
    import hashlib

    h = hashlib.sha256()
    for f in sorted((Path(__file__).parent / "extract").rglob("*.py")):
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


def cache_path(config) -> Path:
    """The configured cache file, else `.briefgen-cache.sqlite` in the output folder."""
    return Path(config.cache.path).expanduser() if config.cache.path else Path(config.output.dir) / ".briefgen-cache.sqlite"


def cached_similar_pairs(config, run):
    """A `pairs` function for dedupe.group_duplicates that reuses the comparison of an unchanged set of articles."""
    from briefgen.ingest.dedupe import similar_pairs

    def pairs(texts: list[str], threshold: float) -> list[tuple[int, int]]:
        cache = ExtractionCache(cache_path(config), model_fingerprint(config.nlp.model))
        run.cache["rebuilt"] = cache.rebuilt  # the first open of a run finds a damaged file
        try:
            with run.timed("dedupe"):
                return cache.similar_pairs(texts, threshold, similar_pairs)
        finally:
            cache.close()

    return pairs


def extract_cached(articles: list[Article], config, run) -> list[Extraction]:
    """Extractions of `articles` in order: cached ones reused, only the others parsed (and then cached)."""
    from briefgen.extract import extract_articles
    from briefgen.logs import progress

    cache = ExtractionCache(cache_path(config), model_fingerprint(config.nlp.model))
    try:
        run.cache = {"path": str(cache.path), "rebuilt": cache.rebuilt or run.cache.get("rebuilt", False), "fingerprint": cache.fingerprint,
                     "problem": cache.problem}
        with run.timed("cache_read"):
            hits = cache.get_many(articles)
        todo = [a for a in articles if a.content_hash not in hits]
        parsed: dict[int, Extraction] = {}
        with run.timed("parse"), progress(len(todo), "parsing") as advance:
            stream = extract_articles(todo, config.nlp.model, n_process=config.nlp.n_process, batch_size=config.nlp.batch_size,
                                      executor=config.executor, scheduler=config.scheduler) if todo else iter(())
            batch: list[tuple[Article, Extraction]] = []
            for a, e in zip(todo, stream):
                parsed[id(a)] = e
                advance()
                batch.append((a, e))
                if len(batch) >= 32:  # commit as we go: a run killed while parsing keeps what it finished
                    cache.put_many(batch)
                    batch = []
            cache.put_many(batch)
        out = []
        for a in articles:
            if id(a) in parsed:
                out.append(parsed[id(a)])
                run.used(a, "parsed")
            else:
                out.append(relocate(hits[a.content_hash], a))
                run.used(a, "cached")
        cache.prune()
        return out
    finally:
        cache.close()


class ExtractionCache:
    """Extraction JSON by (content hash, fingerprint) in one SQLite file."""

    def __init__(self, path: str | Path, fingerprint: str):
        self.path = Path(path)
        self.fingerprint = fingerprint
        self.rebuilt = False
        self.problem: str | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self.conn = self._open(self.path)
            except sqlite3.OperationalError:
                raise  # locked, read-only, cannot open: the file may be sound, so it is not moved aside
            except sqlite3.DatabaseError as e:
                self._set_aside(e)
                self.conn = self._open(self.path)
        except (sqlite3.OperationalError, OSError) as e:
            # An unusable cache must not stop an unattended run: work uncached (in memory) and say so.
            self.problem = f"{type(e).__name__}: {e}"
            log.warning("cache %s cannot be used (%s); parsing without it", self.path, e)
            self.conn = self._open(":memory:")

    def _open(self, where) -> sqlite3.Connection:
        conn = sqlite3.connect(where, timeout=30)
        try:
            ok = conn.execute("PRAGMA quick_check").fetchone()
            if not ok or ok[0] != "ok":
                raise sqlite3.DatabaseError(f"integrity check: {ok[0] if ok else 'no answer'}")
            conn.executescript(SCHEMA)
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    def _set_aside(self, error: Exception) -> None:
        """Move a damaged cache file aside (kept for a look) so a fresh one is built."""
        bad = self.path.with_name(self.path.name + ".corrupt")
        log.warning("cache %s is damaged (%s); moved to %s and rebuilding", self.path, error, bad)
        os.replace(self.path, bad)
        for suffix in ("-journal", "-wal", "-shm"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)
        self.rebuilt = True

    def get_many(self, articles: list[Article]) -> dict[str, Extraction]:
        """Cached extractions of these articles by content hash (a damaged entry counts as a miss)."""
        hashes = list({a.content_hash for a in articles if a.content_hash})
        found: dict[str, Extraction] = {}
        for i in range(0, len(hashes), 500):  # SQLite caps the number of bound parameters
            chunk = hashes[i : i + 500]
            rows = self.conn.execute(
                f"SELECT content_hash, data FROM extraction WHERE fingerprint = ? AND content_hash IN ({','.join('?' * len(chunk))})",
                [self.fingerprint, *chunk],
            ).fetchall()
            for h, data in rows:
                try:
                    found[h] = Extraction.model_validate_json(data)
                except ValueError:
                    log.warning("cache entry %s is unreadable; parsing the article again", h[:12])
        if found:
            with self.conn:
                self.conn.executemany("UPDATE extraction SET used_at = ? WHERE content_hash = ? AND fingerprint = ?",
                                      [(time.time(), h, self.fingerprint) for h in found])
        return found

    def put_many(self, pairs: list[tuple[Article, Extraction]]) -> None:
        """Store extractions in one transaction: all of them or, if the run dies, none."""
        now = time.time()
        with self.conn:
            self.conn.executemany(
                "INSERT OR REPLACE INTO extraction (content_hash, fingerprint, path, data, used_at) VALUES (?, ?, ?, ?, ?)",
                [(a.content_hash, self.fingerprint, a.path, e.model_dump_json(), now) for a, e in pairs if a.content_hash],
            )

    def similar_pairs(self, texts: list[str], threshold: float, compute) -> list[tuple[int, int]]:
        """`compute(texts, threshold)`, reused when the same texts were compared before (an unchanged folder)."""
        import hashlib

        hashes = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts]
        # Stored by rank in hash order, so the same texts in another order or under other paths match.
        order = sorted(range(len(texts)), key=lambda i: hashes[i])
        rank = {i: r for r, i in enumerate(order)}
        import inspect

        # The comparing code is part of the key: a changed scorer must not reuse old answers.
        code = hashlib.sha256(Path(inspect.getsourcefile(compute)).read_bytes()).hexdigest()[:16]
        key = hashlib.sha256(f"{threshold}|{code}|{'|'.join(hashes[i] for i in order)}".encode()).hexdigest()
        row = self.conn.execute("SELECT data FROM dedupe WHERE key = ?", (key,)).fetchone()
        if row:
            try:
                return [tuple(sorted((order[a], order[b]))) for a, b in json.loads(row[0])]
            except (ValueError, TypeError, IndexError):
                log.warning("cache entry for near-duplicates is unreadable; comparing again")
        pairs = compute(texts, threshold)
        with self.conn:
            self.conn.execute("INSERT OR REPLACE INTO dedupe (key, data, used_at) VALUES (?, ?, ?)",
                              (key, json.dumps([sorted((rank[i], rank[j])) for i, j in pairs]), time.time()))
        return pairs

    def prune(self, max_age_days: float = 90) -> int:
        """Drop entries of other fingerprints (old code or model) and entries unused for `max_age_days`."""
        with self.conn:
            cur = self.conn.execute("DELETE FROM extraction WHERE fingerprint != ? OR used_at < ?",
                                    (self.fingerprint, time.time() - max_age_days * 86400))
            # One entry per distinct set of articles: a daily folder makes one a day; keep a week's worth.
            self.conn.execute("DELETE FROM dedupe WHERE used_at < ?", (time.time() - 7 * 86400,))
        return cur.rowcount

    def close(self) -> None:
        self.conn.close()


def relocate(extraction: Extraction, article: Article) -> Extraction:
    """A cached extraction re-labelled for this article (same text, maybe another path or byline)."""
    old = extraction.path
    if old == article.path and (extraction.author, extraction.url) == (article.author, article.url):
        return extraction  # the usual case: the same file again
    data = extraction.model_dump(mode="json")

    def walk(node):
        if isinstance(node, dict):
            return {k: (article.path if k in ("path", "source") and v == old else walk(v)) for k, v in node.items()}
        if isinstance(node, list):
            return [article.path if v == old else walk(v) for v in node]  # e.g. Actor.articles
        return node

    data = walk(data)
    # Fields outside the content hash come from the current article, not the cached one.
    data.update(path=article.path, author=article.author, url=article.url)
    return Extraction.model_validate(data)
