"""Readable text of a reportlab PDF (for searching outputs in tests), without external tools."""

from __future__ import annotations

import base64
import re
import zlib
from pathlib import Path


def pdf_text(path: Path | bytes) -> str:
    """All stream contents (decoded) plus the raw file, as text."""
    data = path if isinstance(path, bytes) else Path(path).read_bytes()
    parts = [data.decode("latin-1")]
    for match in re.finditer(rb"<<(.*?)>>\s*stream\r?\n(.*?)endstream", data, re.S):
        header, body = match.group(1), match.group(2).strip()
        if b"ASCII85Decode" in header:
            body = base64.a85decode(body.removesuffix(b"~>").removeprefix(b"<~"), adobe=False)
        if b"FlateDecode" in header:
            body = zlib.decompress(body)
        parts.append(body.decode("latin-1"))
    return "\n".join(parts)
