"""Value lists for trees, after IMBOR / GGM "Boom" (DOMAIN.md §1).

Enum values are the stored codes; the UI words them in Dutch.
"""

from enum import StrEnum


class TreeStatus(StrEnum):
    LEVEND = "levend"
    STOBBE = "stobbe"
    GEKAPT = "gekapt"
    VERPLANT = "verplant"
    LEEG_PLANTVAK = "leeg plantvak"

    @property
    def is_living(self) -> bool:
        return self is TreeStatus.LEVEND


class Beheertype(StrEnum):
    """How the crown is managed; the tree types of the Amsterdam register (typeobject)."""

    VRIJ_UITGROEIEND = "vrij uitgroeiend"
    NIET_VRIJ_UITGROEIEND = "niet vrij uitgroeiend"  # street tree, crown kept to a profile
    KNOT = "knot"
    LEI = "lei"
    VORM = "vorm"
    GEKANDELABERD = "gekandelaberd"
    FRUIT = "fruit"
    ONBEKEND = "onbekend"  # the source has a value this list does not know


class Beleidsstatus(StrEnum):
    """NVTB function category plus the Assen register categories."""

    GEEN = "geen"
    MONUMENTAAL = "monumentaal"
    WAARDEVOL = "waardevol"
    STRUCTUURBEPALEND = "structuurbepalend"
    FUNCTIONEEL = "functioneel"
    VERKORTE_OMLOOP = "verkorte omloop"
    GEDENKBOOM = "gedenkboom"


class Boomveiligheidsklasse(StrEnum):
    ONBEKEND = "onbekend"
    ZONDER_GEBREKEN = "zonder gebreken"
    ATTENTIEBOOM = "attentieboom"
    RISICOBOOM = "risicoboom"
    NIET_TE_BEOORDELEN = "niet te beoordelen"


class Hoogteklasse(StrEnum):
    ONBEKEND = "onbekend"
    H0_6 = "0-6 m"
    H6_9 = "6-9 m"
    H9_12 = "9-12 m"
    H12_15 = "12-15 m"
    H15_18 = "15-18 m"
    H18_24 = "18-24 m"
    H24_PLUS = ">= 24 m"


class Boomgroep(StrEnum):
    LAANBOOM = "laanboom"
    SOLITAIR = "solitair"
    BOOMWEIDE = "boomweide"
    ONBEKEND = "onbekend"


class Omgevingsrisicoklasse(StrEnum):
    """IMBOR omgevingsrisicoklasse of a tree's surroundings; set per tree by the owner (CROW 26768)."""

    GEEN = "geen"
    LAAG = "laag"
    GEMIDDELD = "gemiddeld"
    HOOG = "hoog"
    ONBEKEND = "onbekend"


class Grootteklasse(StrEnum):
    """Final height class of a species: 1a >20 m, 1b 12–20, 2 6–12, 3 <6 m."""

    G1A = "1a"
    G1B = "1b"
    G2 = "2"
    G3 = "3"
    ONBEKEND = "onbekend"


def height_class_from_metres(height_m: float | None) -> Hoogteklasse:
    if height_m is None:
        return Hoogteklasse.ONBEKEND
    bounds = [(6, Hoogteklasse.H0_6), (9, Hoogteklasse.H6_9), (12, Hoogteklasse.H9_12),
              (15, Hoogteklasse.H12_15), (18, Hoogteklasse.H15_18), (24, Hoogteklasse.H18_24)]
    for upper, klasse in bounds:
        if height_m < upper:
            return klasse
    return Hoogteklasse.H24_PLUS
