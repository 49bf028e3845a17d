"""Check a sortiment matrix against the species catalogue: every preferred species must exist,
fit the rule's grootteklassen and be allowed as a laan tree; equally specific rules that
disagree are listed (the matrix combines them, see `SortimentMatrix.resolve`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import product

from bomenplan.domain.laan import LaanType
from bomenplan.domain.replant_criteria import exclusion
from bomenplan.domain.sortiment import Kroonruimte, Profiel, SortimentMatrix, Verharding
from bomenplan.domain.species import normalize_name, split_cultivar
from bomenplan.domain.values import Grootteklasse


@dataclass(frozen=True)
class MatrixCheck:
    conflicts: tuple[str, ...]  # a preferred species the catalogue contradicts: fix the data
    ties: tuple[str, ...]  # equally specific rules that disagree: combined, reported

    @property
    def ok(self) -> bool:
        return not self.conflicts


def _traits_of(name: str, traits: Mapping):
    key = normalize_name(name)
    if key in traits:
        return traits[key]
    return traits.get(normalize_name(split_cultivar(name)[0]))


def check_matrix(matrix: SortimentMatrix, traits: Mapping, source: str = "sortiment") -> MatrixCheck:
    conflicts = []
    for rule in matrix.rules:
        where = f"{source} regel {rule.line}"
        allowed = "/".join(rule.grootteklassen)
        for name in rule.voorkeursoorten:
            t = _traits_of(name, traits)
            if t is None:
                conflicts.append(f"{where}: voorkeursoort {name} staat niet in de soortencatalogus")
            elif t.grootteklasse == Grootteklasse.ONBEKEND:
                conflicts.append(f"{where}: grootteklasse van voorkeursoort {name} is onbekend "
                                 f"in de catalogus; de regel staat {allowed} toe")
            elif t.grootteklasse not in rule.grootteklassen:
                conflicts.append(f"{where}: voorkeursoort {name} heeft volgens de catalogus "
                                 f"grootteklasse {t.grootteklasse}, de regel staat alleen {allowed} toe")
            elif (why := exclusion(t, near_play_or_school=False)) is not None:
                conflicts.append(f"{where}: voorkeursoort {name} mag niet als laanboom: {why}")
    ties = {}
    for laan_type, kroon, verh, kabels in product(LaanType, Kroonruimte, Verharding, (False, True)):
        choice = matrix.resolve(laan_type, Profiel(kroon, verh, kabels))
        if len({r.grootteklassen for r in choice.tied}) > 1:
            situation = (f"{laan_type}, {kroon}, {verh}, kabels {'ja' if kabels else 'nee'}")
            ties.setdefault(tuple(r.line for r in choice.tied), f"{situation}: {choice.note}")
    return MatrixCheck(tuple(conflicts), tuple(ties.values()))
