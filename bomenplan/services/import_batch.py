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
# Number columns a batch may leave out (then NULL for every row).
OPTIONAL_NUMBER_FIELDS = ("nvtb_waarde_cent",)


@dataclass
class ImportBatch:
    x: np.ndarray
    y: np.ndarray
    text: dict[str, list[str]] = field(default_factory=dict)
    numbers: dict[str, list[float | int | None]] = field(default_factory=dict)
    lines: np.ndarray | None = None  # file line of each row, for messages
    blank: dict[str, np.ndarray] = field(default_factory=dict)  # mapped field → empty cell per row

    def subset(self, rows: np.ndarray) -> ImportBatch:
        """The rows at the given indices, as a batch of their own."""
        idx = rows.tolist()
        return ImportBatch(x=self.x[rows], y=self.y[rows],
                           text={k: [v[i] for i in idx] for k, v in self.text.items()},
                           numbers={k: [v[i] for i in idx] for k, v in self.numbers.items()},
                           lines=None if self.lines is None else self.lines[rows],
                           blank={k: v[rows] for k, v in self.blank.items()})

    def __len__(self) -> int:
        return len(self.x)
