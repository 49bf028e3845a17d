"""Safe output files: write to a temporary file in the same folder, then `os.replace` it, so a
failed export never destroys the previous file; and spreadsheet-safe text cells (OWASP CSV
injection: a text cell starting with = + - @ tab or CR is prefixed with a quote)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@contextlib.contextmanager
def replacing(path) -> Iterator[Path]:
    """Yield a temporary path next to `path` (same suffix, for writers that pick the format by
    suffix); on success it replaces `path` in one step, on failure it is removed."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise FileNotFoundError(f"map {folder} bestaat niet")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=f".tmp{target.suffix}",
                                         dir=target.parent if str(target.parent) else ".")
    os.close(handle)
    temp = Path(temporary)
    temp.unlink()  # writers such as pyogrio refuse to write onto an existing (empty) file
    try:
        yield temp
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


@contextlib.contextmanager
def replacing_target(out) -> Iterator:
    """For writers taking a file name or an in-memory file (BytesIO): a file name is written as a
    temporary file that replaces it when complete; an in-memory file passes through."""
    if hasattr(out, "write"):
        yield out
        return
    with replacing(out) as temp:
        yield str(temp)


@contextlib.contextmanager
def replacing_text(path, encoding: str = "utf-8", newline: str | None = "") -> Iterator[IO[str]]:
    """An open text file that becomes `path` only when the block finishes without error."""
    with replacing(path) as temp, temp.open("w", encoding=encoding, newline=newline) as handle:
        yield handle


def spreadsheet_text(value) -> str:
    """A text cell a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def spreadsheet_cell(value):
    """Numbers stay numbers (-3.5 is no formula); text is neutralised."""
    if value is None or isinstance(value, bool):
        return "" if value is None else value
    if isinstance(value, int | float):
        return value
    return spreadsheet_text(value)
