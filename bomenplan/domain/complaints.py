"""Complaints (meldingen) about trees: the complaint, the facts a handler records, the complainant.

Personal data lives only in `Complainant`; `Complaint` and `ComplaintFacts` never refer to it,
so everything built from them (exports, reports, triage) cannot leak it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from datetime import date
from enum import StrEnum

from bomenplan.domain.errors import ValidationError


class ComplaintCategory(StrEnum):
    TAKKEN_GEVEL_DAK = "takken tegen gevel of dak"
    DOOD_HOUT = "dood hout of gebroken tak"
    ZICHT_VERKEER = "zicht op verkeersbord of lantaarnpaal"
    DOORRIJHOOGTE = "vrije doorrijhoogte"
    WORTELSCHADE = "wortelschade aan bestrating of leidingen"
    SCHADUW = "schaduw"
    ZONNEPANELEN = "zonnepanelen"
    BLADVAL = "bladval"
    VRUCHTVAL = "vrucht- of zaadval"
    HONINGDAUW = "honingdauw"
    EIKENPROCESSIERUPS = "eikenprocessierups"
    BOOM_TE_GROOT = "boom te groot"
    POLLEN = "pollen of allergie"
    SCHEEF_INSTABIEL = "scheve of instabiele boom"
    VOGELPOEP = "vogelpoep"
    OVERHANG_TUIN = "takken boven particuliere tuin"
    LICHT = "minder licht in woning"
    OVERIG = "overig"


class Channel(StrEnum):
    TELEFOON = "telefoon"
    EMAIL = "e-mail"
    WEBSITE = "website"
    BALIE = "balie"
    BRIEF = "brief"
    APP = "app"


class ComplaintStatus(StrEnum):
    OPEN = "open"
    IN_BEHANDELING = "in behandeling"
    AFGEHANDELD = "afgehandeld"


class TreeOwner(StrEnum):
    GEMEENTE = "gemeente"
    PARTICULIER = "particulier"
    ANDERS = "anders"  # provincie, waterschap, ProRail …
    ONBEKEND = "onbekend"


class ClearanceOver(StrEnum):
    RIJBAAN = "rijbaan"
    FIETSPAD = "fietspad"
    VOETPAD = "voetpad"


def parse_enum(enum_type, text: str, field_name: str):
    """Enum member from its code (case-insensitive); ValidationError naming the field otherwise."""
    cleaned = (text or "").strip().lower()
    for member in enum_type:
        if member.value == cleaned or member.name.lower() == cleaned:
            return member
    allowed = ", ".join(m.value for m in enum_type)
    raise ValidationError(field_name, f"'{text}' is geen geldige waarde ({allowed})")


def as_member(enum_type, value, field_name: str):
    """`value` as a member of `enum_type`: members pass, codes are parsed (Qt hands StrEnum
    members back as plain str, and `is` comparisons would silently fail on those)."""
    if isinstance(value, enum_type):
        return value
    return parse_enum(enum_type, "" if value is None else str(value), field_name)


def owner_from_register(eigenaar: str) -> TreeOwner:
    """Register `eigenaar` text → owner. Trees in the municipal register without owner are ours."""
    text = (eigenaar or "").strip().lower()
    if not text or "gemeente" in text:
        return TreeOwner.GEMEENTE
    if "particulier" in text or "prive" in text or "privé" in text:
        return TreeOwner.PARTICULIER
    return TreeOwner.ANDERS


@dataclass(frozen=True)
class Complaint:
    id: int | None
    datum: date
    kanaal: Channel
    categories: tuple[ComplaintCategory, ...]
    tekst: str = ""
    tree_ids: tuple[int, ...] = ()
    status: ComplaintStatus = ComplaintStatus.OPEN
    wijk: str = ""
    photos: tuple[str, ...] = ()  # file paths, optional
    version: int = 0

    def __post_init__(self):
        object.__setattr__(self, "kanaal", as_member(Channel, self.kanaal, "kanaal"))
        object.__setattr__(self, "status", as_member(ComplaintStatus, self.status, "status"))
        object.__setattr__(self, "categories", tuple(
            as_member(ComplaintCategory, c, "categorie") for c in self.categories))
        if not self.categories:
            raise ValidationError("categorie", "kies minstens één categorie")
        if len(set(self.categories)) != len(self.categories):
            raise ValidationError("categorie", "een categorie staat er dubbel in")

    @property
    def category(self) -> ComplaintCategory:
        return self.categories[0]

    def with_changes(self, **changes) -> Complaint:
        return replace(self, **changes)


LOCATION_RISKS = ("", "hoog", "laag")  # Leidraad beheersing eikenprocessierups (2019): risk by location


@dataclass(frozen=True)
class ComplaintFacts:
    """What is known about the tree and the situation; None means not known (yet)."""

    eigenaar: TreeOwner = TreeOwner.ONBEKEND
    soort: str = ""
    boomnummer: str = ""
    afstand_gevel_m: float | None = None  # branches to façade / roof
    stamdiameter_cm: float | None = None
    doorrijhoogte_over: ClearanceOver | None = None
    doorrijhoogte_m: float | None = None
    dood_hout: bool | None = None
    locatie: str = ""
    takken_raken_gevel: bool | None = None  # the complaint says branches touch façade or roof
    struikelgevaar: bool | None = None  # roots make a footpath or cycle path a trip hazard
    boven_openbare_ruimte: bool | None = None  # the tree or its branches are over road or path
    locatie_risico: str = ""  # "hoog" (school, playground, busy path) / "laag" / "" unknown
    feiten_bevestigd: bool = False  # the handler confirmed the facts (text is not read again)

    def __post_init__(self):
        object.__setattr__(self, "eigenaar", as_member(TreeOwner, self.eigenaar, "eigenaar"))
        if self.doorrijhoogte_over is not None:
            object.__setattr__(self, "doorrijhoogte_over", as_member(
                ClearanceOver, self.doorrijhoogte_over, "doorrijhoogte_over"))
        if self.locatie_risico not in LOCATION_RISKS:
            raise ValidationError("locatie_risico", f"'{self.locatie_risico}' is geen keuze (hoog, laag)")
        for name, upper in (("afstand_gevel_m", 100.0), ("stamdiameter_cm", 500.0),
                            ("doorrijhoogte_m", 40.0)):
            value = getattr(self, name)
            if value is not None and not (0 <= value <= upper):
                raise ValidationError(name, f"{value} ligt niet tussen 0 en {upper:g}")

    def value(self, name: str):
        return getattr(self, name)

    @property
    def boom_is_eik(self) -> bool | None:
        """Whether the tree is an oak (Quercus, the host of the eikenprocessierups); None unknown."""
        text = (self.soort or "").strip().lower()
        if not text:
            return None
        return text.startswith("quercus") or re.search(r"eik\b", text) is not None

    def filled_from(self, other: ComplaintFacts) -> ComplaintFacts:
        """These facts, with gaps filled from `other` (e.g. the register's tree)."""
        changes = {}
        for f in fields(self):
            mine = getattr(self, f.name)
            if mine in (None, "", TreeOwner.ONBEKEND):
                changes[f.name] = getattr(other, f.name)
        return replace(self, **changes)

    def to_dict(self) -> dict:
        return {f.name: (str(v) if isinstance(v := getattr(self, f.name), StrEnum) else v)
                for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict) -> ComplaintFacts:
        over = data.get("doorrijhoogte_over")
        return cls(eigenaar=TreeOwner(data.get("eigenaar") or "onbekend"),
                   soort=data.get("soort", ""), boomnummer=data.get("boomnummer", ""),
                   afstand_gevel_m=data.get("afstand_gevel_m"),
                   stamdiameter_cm=data.get("stamdiameter_cm"),
                   doorrijhoogte_over=ClearanceOver(over) if over else None,
                   doorrijhoogte_m=data.get("doorrijhoogte_m"), dood_hout=data.get("dood_hout"),
                   locatie=data.get("locatie", ""),
                   takken_raken_gevel=data.get("takken_raken_gevel"),
                   struikelgevaar=data.get("struikelgevaar"),
                   boven_openbare_ruimte=data.get("boven_openbare_ruimte"),
                   locatie_risico=data.get("locatie_risico", ""),
                   feiten_bevestigd=bool(data.get("feiten_bevestigd", False)))


@dataclass(frozen=True)
class Complainant:
    """Personal data of whoever complained. Stored apart; printed only in the letter to them."""

    complaint_id: int | None
    naam: str
    adres: str = ""
    postcode: str = ""
    plaats: str = ""
    telefoon: str = ""
    email: str = ""
    purge_after: date | None = None

    def __post_init__(self):
        if not self.naam.strip():
            raise ValidationError("naam", "is verplicht")
        if self.email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", self.email):
            raise ValidationError("email", f"'{self.email}' is geen e-mailadres")


# Words in the free text that reveal an extra category (mixed complaints).
_TEXT_HINTS = {
    ComplaintCategory.ZONNEPANELEN: ("zonnepane", "zonnepaneel", "pv-pane", "zonne-energie"),
    ComplaintCategory.EIKENPROCESSIERUPS: ("processierups",),
}


def categories_in_text(text: str) -> tuple[ComplaintCategory, ...]:
    lowered = (text or "").lower()
    return tuple(cat for cat, words in _TEXT_HINTS.items() if any(w in lowered for w in words))


@dataclass(frozen=True)
class ComplaintRecord:
    """A complaint with its facts, as triage and re-examination need it."""

    complaint: Complaint
    facts: ComplaintFacts = field(default_factory=ComplaintFacts)
