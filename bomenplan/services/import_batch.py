"""Accepted import rows as columns, ready for a bulk insert of sites and trees."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

# Tree attribute columns carried by a batch, besides x / y; all lists of equal length.
BATCH_TEXT_FIELDS = (
    "boomnummer", "species_name", "hoogteklasse", "boomveiligheidsklasse", "beheertype", "status",
    "beleidsstatus", "boomgroep", "omgevingsrisicoklasse", "eigenaar", "beheerder", "straat", "wijk", "buurt", "opmerkingen",
)
BATCH_NUMBER_FIELDS = ("plantjaar", "stamdiameter_cm", "kroondiameter_m", "species_id")


@dataclass
class ImportBatch:
    x: np.ndarray
    y: np.ndarray
    text: dict[str, list[str]] = field(default_factory=dict)
    numbers: dict[str, list[float | int | None]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.x)
