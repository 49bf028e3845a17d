"""Euro amounts in an import column (the NVTB value per tree): Dutch or plain notation → whole cents."""

from __future__ import annotations

import numpy as np

from bomenplan.domain.bomenbank import euros
from bomenplan.domain.errors import ValidationError
from bomenplan.domain.tree import MAX_NVTB_EUR
from bomenplan.services.importing.validate import RowRejects


def optional_cents(rejects: RowRejects, source, col: str | None, field: str) -> list[int | None]:
    """Per row the amount in whole euro cents ("4.250,00", "€ 4250", "4250.5"); empty = None.
    A value that is no amount, ambiguous (1.234) or out of range rejects its row."""
    n = len(source.lines)
    if not col:
        return [None] * n
    texts = source.column(col).to_pylist()
    cents: list[int | None] = [None] * n
    bad = np.zeros(n, dtype=bool)
    reasons = np.full(n, "", dtype=object)
    for i, text in enumerate(texts):
        if not text or not str(text).strip():
            continue
        try:
            amount = euros(text)
        except ValidationError as exc:
            bad[i], reasons[i] = True, f"{field}: {exc.message}"
            continue
        if not (0 <= amount <= MAX_NVTB_EUR):
            bad[i], reasons[i] = True, f"{field} ligt niet tussen 0 en {MAX_NVTB_EUR} euro"
            continue
        cents[i] = int(amount * 100)
    rejects.add(bad, field, np.asarray(texts, dtype=object), reasons)
    return cents
