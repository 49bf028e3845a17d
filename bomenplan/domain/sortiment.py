"""Sortiment matrix: laan type × street profile → allowed grootteklassen and preferred species.

Editable, versioned data (Groenvisie §3.6: long-lived lime and oak in the hoofdbomenstructuur,
fitting smaller species in narrow paved streets — but always a tree). A rule's fields may be
"*" (any); the rule matching the most constraints wins. Rules of equal specificity are never
decided by line order: their constraints are combined (the common grootteklassen; when they have
none in common the smallest, since cables, paving or a narrow profile physically limit the tree)
and the tie is reported. A catch-all rule must exist, so every street gets a tree.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field, replace
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
    line: int = field(default=0, compare=False)  # line in the CSV (0 = unknown)

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
        return self.resolve(laan_type, profiel).rule

    def resolve(self, laan_type: LaanType, profiel: Profiel) -> RuleChoice:
        """The rule that applies, with the tie it resolved (if any)."""
        matching = [r for r in self.rules if r.matches(laan_type, profiel)]
        top = max(r.specificity for r in matching)
        tied = tuple(r for r in matching if r.specificity == top)
        if len(tied) == 1:
            return RuleChoice(tied[0], tied)
        return RuleChoice(_combine_tied(tied), tied)


SIZE_ORDER = (Grootteklasse.G3, Grootteklasse.G2, Grootteklasse.G1B, Grootteklasse.G1A)


@dataclass(frozen=True)
class RuleChoice:
    rule: SortimentRule
    tied: tuple[SortimentRule, ...]  # the equally specific matching rules (1 = no tie)

    @property
    def note(self) -> str:
        if len(self.tied) < 2:
            return f"regel {self.rule.line}" if self.rule.line else ""
        lines = ", ".join(str(r.line) for r in self.tied)
        return (f"regels {lines} even specifiek ({self.tied[0].specificity} kenmerken): eisen "
                f"samengenomen → grootteklasse {'/'.join(self.rule.grootteklassen)}")


def _combine_tied(tied: tuple[SortimentRule, ...]) -> SortimentRule:
    common = [k for k in tied[0].grootteklassen if all(k in r.grootteklassen for r in tied)]
    if not common:  # no size fits all: the most limiting rule's sizes (it is physical)
        limiting = min(tied, key=lambda r: max(SIZE_ORDER.index(k) for k in r.grootteklassen
                                               if k in SIZE_ORDER))
        common = list(limiting.grootteklassen)
    species = tuple(dict.fromkeys(s for r in tied for s in r.voorkeursoorten))
    return replace(tied[0], grootteklassen=tuple(common), voorkeursoorten=species,
                   toelichting=" + ".join(r.toelichting for r in tied), line=0)


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
            toelichting=row["toelichting"].strip(), line=line))
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
