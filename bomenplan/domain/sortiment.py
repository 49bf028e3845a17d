"""Sortiment matrix: laan type × street profile → allowed grootteklassen and preferred species.

Editable, versioned data (Groenvisie §3.6: long-lived lime and oak in the hoofdbomenstructuur,
fitting smaller species in narrow paved streets — but always a tree). A rule's fields may be
"*" (any); the most specific matching rule wins, later rules win ties. A catch-all rule must
exist, so every street gets a tree.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from enum import StrEnum

from bomenplan.domain.errors import ValidationError
from bomenplan.domain.laan import LaanType
from bomenplan.domain.values import Grootteklasse

ANY = "*"
CSV_FIELDS = ("laan_type", "kroonruimte", "verharding", "kabels_leidingen", "grootteklassen",
              "voorkeursoorten", "toelichting")


class Kroonruimte(StrEnum):
    SMAL = "smal"  # less than about 6 m for the crown
    MIDDEL = "middel"  # about 6–10 m
    BREED = "breed"  # more than about 10 m


class Verharding(StrEnum):
    OPEN = "open"
    GESLOTEN = "gesloten"


@dataclass(frozen=True)
class Profiel:
    kroonruimte: Kroonruimte = Kroonruimte.MIDDEL
    verharding: Verharding = Verharding.OPEN
    kabels_leidingen: bool = False


@dataclass(frozen=True)
class SortimentRule:
    laan_type: LaanType | None  # None = any
    kroonruimte: Kroonruimte | None
    verharding: Verharding | None
    kabels_leidingen: bool | None
    grootteklassen: tuple[Grootteklasse, ...]
    voorkeursoorten: tuple[str, ...]
    toelichting: str = ""

    @property
    def specificity(self) -> int:
        return sum(v is not None for v in (self.laan_type, self.kroonruimte, self.verharding,
                                           self.kabels_leidingen))

    def matches(self, laan_type: LaanType, profiel: Profiel) -> bool:
        return ((self.laan_type is None or self.laan_type == laan_type)
                and (self.kroonruimte is None or self.kroonruimte == profiel.kroonruimte)
                and (self.verharding is None or self.verharding == profiel.verharding)
                and (self.kabels_leidingen is None
                     or self.kabels_leidingen == profiel.kabels_leidingen))


@dataclass(frozen=True)
class SortimentMatrix:
    version: str
    rules: tuple[SortimentRule, ...]

    def __post_init__(self):
        if not any(r.specificity == 0 for r in self.rules):
            raise ValidationError("sortiment", "een regel '* * * *' ontbreekt: elke straat krijgt een boom")

    def lookup(self, laan_type: LaanType, profiel: Profiel) -> SortimentRule:
        best, best_rank = None, -1
        for rule in self.rules:
            if rule.matches(laan_type, profiel) and rule.specificity >= best_rank:
                best, best_rank = rule, rule.specificity
        return best


def _enum_or_any(enum, text: str, field: str, line: int):
    text = text.strip()
    if text in (ANY, ""):
        return None
    try:
        return enum(text)
    except ValueError as exc:
        raise ValidationError(field, f"regel {line}: onbekende waarde {text!r}") from exc


def _bool_or_any(text: str, field: str, line: int) -> bool | None:
    text = text.strip().lower()
    if text in (ANY, ""):
        return None
    if text in ("ja", "nee"):
        return text == "ja"
    raise ValidationError(field, f"regel {line}: gebruik ja, nee of *, niet {text!r}")


def parse_matrix_csv(text: str, version: str, source: str = "sortiment") -> SortimentMatrix:
    """Read a matrix from CSV text; errors name the source, line and field."""
    reader = csv.DictReader(io.StringIO(text))
    missing = set(CSV_FIELDS) - set(reader.fieldnames or [])
    if missing:
        raise ValidationError(", ".join(sorted(missing)), f"{source}: kolom ontbreekt")
    rules = []
    for line, row in enumerate(reader, start=2):
        try:
            klassen = tuple(Grootteklasse(k.strip()) for k in row["grootteklassen"].split("|")
                            if k.strip())
        except ValueError as exc:
            raise ValidationError("grootteklassen", f"{source} regel {line}: {exc}") from exc
        if not klassen:
            raise ValidationError("grootteklassen", f"{source} regel {line}: leeg")
        rules.append(SortimentRule(
            laan_type=_enum_or_any(LaanType, row["laan_type"], "laan_type", line),
            kroonruimte=_enum_or_any(Kroonruimte, row["kroonruimte"], "kroonruimte", line),
            verharding=_enum_or_any(Verharding, row["verharding"], "verharding", line),
            kabels_leidingen=_bool_or_any(row["kabels_leidingen"], "kabels_leidingen", line),
            grootteklassen=klassen,
            voorkeursoorten=tuple(s.strip() for s in row["voorkeursoorten"].split("|") if s.strip()),
            toelichting=row["toelichting"].strip()))
    return SortimentMatrix(version=version, rules=tuple(rules))


def matrix_to_csv(matrix: SortimentMatrix) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for r in matrix.rules:
        kabels = ANY if r.kabels_leidingen is None else ("ja" if r.kabels_leidingen else "nee")
        writer.writerow([r.laan_type or ANY, r.kroonruimte or ANY, r.verharding or ANY, kabels,
                         "|".join(r.grootteklassen), "|".join(r.voorkeursoorten), r.toelichting])
    return out.getvalue()
