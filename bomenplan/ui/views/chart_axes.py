"""Count axes of bar charts: whole numbers only, a few round steps, thousands with a dot."""

from __future__ import annotations

import math

MAX_TICKS = 5


def count_ticks(max_count: int) -> list[tuple[int, str]]:
    """Ticks from 0 to at least max_count in steps of 1, 2 or 5 × 10^k (never a fraction)."""
    top = max(int(max_count), 1)
    step = 1
    for power in range(0, len(str(top)) + 1):
        for factor in (1, 2, 5):
            step = factor * 10 ** power
            if math.ceil(top / step) <= MAX_TICKS:
                return [(v, f"{v:,}".replace(",", ".")) for v in range(0, top + step, step)
                        if v - step < top]
    return [(0, "0"), (top, str(top))]
