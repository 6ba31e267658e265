"""JSON and JSON Lines exports: one article per record, field names from the config."""
from __future__ import annotations

import json
import re

from briefgen.config import RecordFieldsConfig
from briefgen.errors import InputError
from briefgen.ingest.text import parse_date_line, split_blocks, to_blocks
from briefgen.models import Article, Block

# Where news APIs put the list of records when the top level is an object.
_LIST_KEYS = ("articles", "items", "results", "data", "records", "entries", "documents")


def _first(record: dict, names: list[str]):
    for name in names:
        value = record.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def _as_text(value) -> str:
    if isinstance(value, dict):  # e.g. "source": {"id": ..., "name": ...}
        value = value.get("name") or value.get("title") or ""
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v)
    return str(value or "").strip()


def record_article(record, label: str, fields: RecordFieldsConfig) -> Article:
    """One record as an article; its text may be plain (blank-line paragraphs) or HTML."""
    if not isinstance(record, dict):
        raise InputError(label, "record is not an object with fields")
    body = _as_text(_first(record, fields.text))
    if not body:
        raise InputError(label, f"record has no text (looked for {', '.join(fields.text)}; set ingest.fields.text)")
    if re.search(r"<(p|div|h[1-6]|br|li)\b", body, re.I):
        from briefgen.ingest.feeds import fragment_blocks

        blocks = [Block(index=i, kind=k, text=t) for i, (k, t) in enumerate(fragment_blocks(body), start=1)]
    else:
        blocks = to_blocks(split_blocks(body))
    raw_date = _as_text(_first(record, fields.date))
    published = parse_date_line(raw_date[:10]) if re.match(r"\d{4}-\d\d-\d\d", raw_date) else parse_date_line(raw_date)
    url = _as_text(_first(record, fields.url))
    return Article(
        path=label,
        title=re.sub(r"\s+", " ", _as_text(_first(record, fields.title))),
        published=published,
        outlet=_as_text(_first(record, fields.source)),
        author=_as_text(_first(record, fields.author)),
        url=url if url.startswith(("http://", "https://")) else "",
        blocks=blocks,
    )


def parse_records(text: str, path: str, fields: RecordFieldsConfig) -> list[Article | InputError]:
    """Articles of a JSON document (a list, or an object holding one) or of JSON Lines."""
    try:
        doc = json.loads(text)
        records = doc
        if isinstance(doc, dict):
            key = next((k for k in _LIST_KEYS if isinstance(doc.get(k), list)), None)
            records = doc[key] if key else [doc]
        if not isinstance(records, list):
            raise InputError(path, "JSON holds neither a record nor a list of records")
        lines = list(range(1, len(records) + 1))
    except json.JSONDecodeError as e:
        if e.lineno <= 1 and "\n" not in text.strip():
            raise InputError(path, f"is not valid JSON ({e.msg} at column {e.colno})") from None
        records, lines = [], []
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as le:
                records.append(InputError(f"{path}#{n}", f"line is not valid JSON ({le.msg})"))
            lines.append(n)
        if records and all(isinstance(r, InputError) for r in records):
            raise InputError(path, f"is neither JSON nor JSON Lines ({e.msg} at line {e.lineno})") from None
    out: list[Article | InputError] = []
    for n, record in zip(lines, records):
        if isinstance(record, InputError):
            out.append(record)
            continue
        try:
            out.append(record_article(record, f"{path}#{n}", fields))
        except InputError as err:
            out.append(err)
    return out
