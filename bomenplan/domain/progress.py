"""Qt-free progress and cancellation hooks for long operations (STYLE.md §2)."""

from collections.abc import Callable

from bomenplan.domain.errors import Cancelled

ProgressFn = Callable[[float], None]
CancelledFn = Callable[[], bool]


def no_progress(_fraction: float) -> None:
    """Default progress hook that ignores reports."""


def never_cancelled() -> bool:
    return False


def check_cancelled(cancelled: CancelledFn) -> None:
    """Raise Cancelled when the user asked to stop."""
    if cancelled():
        raise Cancelled()
