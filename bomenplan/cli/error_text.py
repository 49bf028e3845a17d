"""File-system errors as a Dutch line: which file or folder, and what is wrong with it."""

from __future__ import annotations

import errno

_REASONS = {errno.ENOENT: "bestaat niet", errno.EACCES: "geen toegang (rechten)",
            errno.EPERM: "geen toegang (rechten)", errno.ENOSPC: "de schijf is vol",
            errno.EISDIR: "is een map", errno.ENOTDIR: "een deel van het pad is geen map",
            errno.EROFS: "alleen-lezen schijf"}


def os_error_text(exc: OSError) -> str:
    if exc.errno is None:  # raised with our own Dutch text (e.g. safe_files: "map … bestaat niet")
        return str(exc)
    reason = _REASONS.get(exc.errno, exc.strerror or str(exc))
    return f"{exc.filename}: {reason}" if exc.filename else reason
