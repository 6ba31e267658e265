"""Bytes to text, the same way for every input (files, stdin, fetched pages): a byte-order mark,
then UTF-8, then a declared charset, then windows-1252 when it reads as Western text, then a guess."""
from __future__ import annotations

import codecs
import re

# UTF-32 first: its little-endian mark starts with UTF-16's.
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))

# In Western European text accented letters are a few in a hundred (Icelandic, the densest, stays
# under one in five); Cyrillic or Greek bytes read as windows-1252 are almost all accented letters.
_MAX_ACCENTED = 0.3
_LETTER = re.compile(r"[^\W\d_]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")  # tabs, line and page breaks are text


def bom_encoding(data: bytes) -> str:
    """The codec named by the byte-order mark that opens `data`, or ''."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return name
    return ""


def plausible_cp1252(data: bytes) -> str | None:
    """`data` read as windows-1252 if it looks like Western European text, else None."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90 and 0x9d are unassigned: not windows-1252
        return None
    if _CONTROL.search(text):
        return None
    letters = _LETTER.findall(text)
    accented = sum(1 for c in letters if ord(c) > 0x7F)
    return text if letters and accented <= _MAX_ACCENTED * len(letters) else None


def decode_bytes(data: bytes, declared: str = "") -> str:
    """Decode an input: BOM, then valid UTF-8, then `declared` (a charset known to Python), then
    windows-1252 when plausible, then charset-normalizer's guess.

    UTF-8 is tried before the declaration because old pages often declare latin-1 yet were saved as
    UTF-8; a latin-1 text is almost never valid UTF-8 by accident. windows-1252 comes before the
    guess because charset-normalizer ranks Baltic or DOS code pages above it on short Western texts
    (a latin-1 "Café" came out as cp775 "Cafķ"); browsers read undeclared pages as windows-1252 too.
    """
    bom = bom_encoding(data)
    if bom:
        return data.decode(bom, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    text = plausible_cp1252(data)
    if text is not None:
        return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best)
    return data.decode("cp1252", "replace")
