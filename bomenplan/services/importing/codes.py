"""Source words → IMBOR codes (Amsterdam, Leeuwarden, IMBOR itself). Applied per unique value."""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from bomenplan.domain.values import (
    Beheertype,
    Beleidsstatus,
    Boomgroep,
    Boomveiligheidsklasse,
    Hoogteklasse,
    Omgevingsrisicoklasse,
    TreeStatus,
)

_HEIGHTS = {(0, 6): Hoogteklasse.H0_6, (6, 9): Hoogteklasse.H6_9, (9, 12): Hoogteklasse.H9_12,
            (12, 15): Hoogteklasse.H12_15, (15, 18): Hoogteklasse.H15_18,
            (18, 24): Hoogteklasse.H18_24}

# Amsterdam typeobject / Boomtype → (beheertype, status); each value kept as what it says.
_TYPEOBJECT = {
    "boom niet vrij uitgroeiend": (Beheertype.NIET_VRIJ_UITGROEIEND, None),
    "boom vrij uitgroeiend": (Beheertype.VRIJ_UITGROEIEND, None),
    "knotboom": (Beheertype.KNOT, None), "leiboom": (Beheertype.LEI, None),
    "vormboom": (Beheertype.VORM, None), "gekandelaberde boom": (Beheertype.GEKANDELABERD, None),
    "fruitboom": (Beheertype.FRUIT, None), "stobbe": (None, TreeStatus.STOBBE),
}
# Plantwijze / boomgroep words → IMBOR boomgroep (laanboom / solitair / boomweide).
_BOOMGROEP = {
    "laanboom": Boomgroep.LAANBOOM, "laan": Boomgroep.LAANBOOM, "rij": Boomgroep.LAANBOOM,
    "in rij": Boomgroep.LAANBOOM, "bomenrij": Boomgroep.LAANBOOM, "laanbeplanting": Boomgroep.LAANBOOM,
    "solitair": Boomgroep.SOLITAIR, "solitaire boom": Boomgroep.SOLITAIR,
    "solitaire": Boomgroep.SOLITAIR, "vrijstaand": Boomgroep.SOLITAIR,
    "boomweide": Boomgroep.BOOMWEIDE, "in groep": Boomgroep.BOOMWEIDE, "groep": Boomgroep.BOOMWEIDE,
    "boomgroep": Boomgroep.BOOMWEIDE, "bomengroep": Boomgroep.BOOMWEIDE,
}
_BELEID = {"monumentale boom": Beleidsstatus.MONUMENTAAL, "monument": Beleidsstatus.MONUMENTAAL,
           "waardevolle boom": Beleidsstatus.WAARDEVOL, "gedenkboom": Beleidsstatus.GEDENKBOOM}
_STATUS = {"dood": TreeStatus.GEKAPT, "gekapt": TreeStatus.GEKAPT, "gerooid": TreeStatus.GEKAPT,
           "stobbe": TreeStatus.STOBBE, "stronk": TreeStatus.STOBBE, "": TreeStatus.LEVEND,
           "leeg": TreeStatus.LEEG_PLANTVAK}


def hoogteklasse_code(text: str) -> str:
    """'c. 9 tot 12 m.' / '9-12 m' / 'tot 6 m.' / 'g. 24 m. en hoger' → IMBOR code."""
    t = text.lower().strip()
    for k in Hoogteklasse:
        if t == k.value:
            return k.value
    if t.startswith("zz") or "niet" in t:
        return Hoogteklasse.ONBEKEND.value
    t = re.sub(r"^[a-z]\.\s*", "", t)  # drop Amsterdam's letter prefix
    numbers = [int(n) for n in re.findall(r"\d+", t)]
    if len(numbers) == 2:
        return _HEIGHTS.get((numbers[0], numbers[1]), Hoogteklasse.ONBEKEND).value
    if len(numbers) == 1:
        n = numbers[0]
        if n >= 24 and ("hoger" in t or ">" in t or "+" in t or "meer" in t):
            return Hoogteklasse.H24_PLUS.value
        if n == 6 and ("tot" in t or "<" in t):
            return Hoogteklasse.H0_6.value
    return Hoogteklasse.ONBEKEND.value


def beheertype_and_status(text: str) -> tuple[str | None, str | None]:
    t = text.lower().strip()
    if t in _TYPEOBJECT:
        b, s = _TYPEOBJECT[t]
        return (b.value if b else None), (s.value if s else None)
    for b in Beheertype:
        if t == b.value:
            return b.value, None
    return None, None


def boomgroep_code(text: str) -> str:
    """'in rij' / 'Solitair' / 'in groep' / 'boomweide' → IMBOR boomgroep; others onbekend."""
    found = _BOOMGROEP.get(" ".join(text.lower().split()))
    return (found or Boomgroep.ONBEKEND).value


def type_object_stored(text: str) -> str:
    """What a type-object value is stored as, in words for the import report."""
    beheertype, status = beheertype_and_status(text)
    stored = beheertype or Beheertype.ONBEKEND.value
    return f"{stored} (status {status})" if status else stored


def status_code(text: str) -> str | None:
    """None = not a known status (rejected)."""
    t = text.lower().strip()
    for s in TreeStatus:
        if t == s.value:
            return s.value
    found = _STATUS.get(t)
    return found.value if found else None


def beleidsstatus_code(text: str) -> str:
    t = text.lower().strip()
    for b in Beleidsstatus:
        if t == b.value:
            return b.value
    found = _BELEID.get(t)
    return found.value if found else Beleidsstatus.GEEN.value


def veiligheidsklasse_code(text: str) -> str:
    t = text.lower().strip()
    for k in Boomveiligheidsklasse:
        if t == k.value:
            return k.value
    return Boomveiligheidsklasse.ONBEKEND.value


def omgevingsrisico_code(text: str) -> str:
    """IMBOR words (geen / laag / gemiddeld / hoog, any case; "midden" = gemiddeld) → code."""
    t = text.lower().strip()
    t = {"middel": "gemiddeld", "midden": "gemiddeld", "normaal": "gemiddeld"}.get(t, t)
    for k in Omgevingsrisicoklasse:
        if t == k.value:
            return k.value
    return Omgevingsrisicoklasse.ONBEKEND.value


def map_unique(arr: pa.Array, fn) -> list:
    """Apply `fn` to each distinct value only; returns an object array aligned with `arr`."""
    encoded = pc.dictionary_encode(arr)
    uniques = encoded.dictionary.to_pylist()
    mapped = np.empty(len(uniques), dtype=object)
    for i, value in enumerate(uniques):
        mapped[i] = fn(value)
    return mapped[encoded.indices.to_numpy(zero_copy_only=False)]
