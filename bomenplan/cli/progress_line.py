"""The command line's progress line ("\rimporteren:  42%" on stderr) ends with a newline before
anything else is printed (a note, the summary, an error), also when it never reached 100 %."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class _OpenLine:
    stream = None  # the stream holding an unfinished progress line, or None


def end_progress_line() -> None:
    """Finish an open progress line with a newline (nothing when none is open)."""
    stream, _OpenLine.stream = _OpenLine.stream, None
    if stream is not None:
        stream.write("\n")
        stream.flush()


def progress_printer(label: str) -> Callable[[float], None]:
    """Progress on stderr as a single updating line."""
    last = [-1]

    def report(fraction: float) -> None:
        pct = int(fraction * 100)
        if pct == last[0]:
            return
        last[0] = pct
        stream = getattr(sys.stderr, "wrapped", sys.stderr)
        stream.write(f"\r{label}: {pct:3d}%")
        stream.flush()
        _OpenLine.stream = stream
        if pct >= 100:
            end_progress_line()

    return report


class _AfterProgress:
    """A stdout/stderr stand-in that ends an open progress line before the first write."""

    def __init__(self, wrapped):
        self.wrapped = wrapped

    def write(self, text: str) -> int:
        if text:
            end_progress_line()
        return self.wrapped.write(text)

    def __getattr__(self, name):
        return getattr(self.wrapped, name)


@contextmanager
def progress_lines_closed() -> Iterator[None]:
    """While a command runs: every print after a progress line starts on a line of its own."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _AfterProgress(out), _AfterProgress(err)
    try:
        yield
    finally:
        end_progress_line()
        sys.stdout, sys.stderr = out, err
