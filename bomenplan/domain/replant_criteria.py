"""Criteria of replanting beyond the single species: which taxa may not be proposed, the disease
risk, and the weighing of statigheid (one species, one image) against robustness (risk spread).

Groenvisie Assen §4.1: "Bij terugplanten maken we een afweging of dit dezelfde soort moet zijn
(vanwege de statigheid van de laan) – of juist wisselende soorten (voor de robuustheid en
weerbaarheid van de laan)"; §3.6: in the hoofdgroenstructuur durable trees such as lime and oak.
On hoofdbomenstructuur and monumental lanen statigheid weighs STATIG_WEIGHT times, and mixing is
offered per side or per section of the laan, never tree by tree.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bomenplan.domain.laan import Herplantstrategie, LaanType
from bomenplan.domain.species import genus_of

STATIG_WEIGHT = 3.0  # statigheid on hoofdbomenstructuur / monumental lanen [I: a policy weight]
ORDINARY_WEIGHT = 0.5  # on other lanen the image counts for less than fit and robustness [I]
NOT_A_STREET_TREE = ("struik", "meerstammig")
GROENVISIE = "Groenvisie Assen §4.1"


class Verdict(StrEnum):
    GOED = "goed"
    MATIG = "matig"
    SLECHT = "slecht"
    ONBEKEND = "onbekend"


POINTS = {Verdict.GOED: 2.0, Verdict.MATIG: 0.5, Verdict.SLECHT: -2.0, Verdict.ONBEKEND: 0.0}
# A recorded moderate risk must score below "no risk recorded", a resistant clone above it.
DISEASE_POINTS = {"hoog": -2.0, "matig": -0.5, "laag": 0.5, "": 0.0}


@dataclass(frozen=True)
class Reason:
    criterion: str  # matrix, bodemvolume, …, statigheid, robuustheid, ziekterisico, uitgesloten
    verdict: Verdict
    text: str
    weight: float = 1.0  # how many times the verdict's points count
    points: float | None = None  # explicit points instead of the verdict's (disease risk)

    @property
    def value(self) -> float:
        return (POINTS[self.verdict] if self.points is None else self.points) * self.weight


@dataclass(frozen=True)
class LaanSite:
    """Location facts of a laan that change the advice (stored per laan)."""

    laan_id: int
    monumental: bool = False  # statigheid weighs as on the hoofdbomenstructuur
    near_play_or_school: bool = False  # no poisonous or thorny taxa


class MixPattern(StrEnum):
    PER_ZIJDE = "per zijde"
    PER_VAK = "per vak"
    PER_BOOM = "per boom afwisselend"


def is_statig(laan, monumental: bool) -> bool:
    """Hoofdbomenstructuur or monumental: statigheid weighs heavily."""
    return monumental or laan.hoofdbomenstructuur or laan.laan_type == LaanType.HOOFDBOMENSTRUCTUUR


def exclusion(t, near_play_or_school: bool) -> str | None:
    """Why a taxon may not be proposed for this laan; None = it may."""
    if t.restriction:
        return t.restriction
    if t.growth_form in NOT_A_STREET_TREE:
        return f"groeivorm {t.growth_form}: geen laanboom"
    if near_play_or_school and t.hazards:
        return "nabij speelplek of school: " + "; ".join(t.hazards)
    return None


def disease_reason(t) -> Reason:
    """Disease/pest risk with its source; a taxon without a recorded risk is unknown, not fine."""
    points = DISEASE_POINTS.get(t.disease_risk, 0.0)
    if t.disease_risk == "hoog":
        return Reason("ziekterisico", Verdict.SLECHT, f"hoog risico: {t.disease_text}", points=points)
    if t.disease_risk == "matig":
        return Reason("ziekterisico", Verdict.MATIG, f"matig risico: {t.disease_text}", points=points)
    if t.disease_risk == "laag":
        return Reason("ziekterisico", Verdict.GOED, f"laag risico: {t.disease_text}", points=points)
    return Reason("ziekterisico", Verdict.ONBEKEND, "geen ziekte of plaag vastgelegd", points=points)


def statigheid_reason(strategy: Herplantstrategie, pattern: MixPattern | None, mix, own,
                      laan_genera: set[str], statig: bool, planted_share: float = 1.0) -> Reason:
    """planted_share: the planted trees' share of the laan afterwards; a species of another
    character that stays a minority stands scattered among the old trees (no uniform image)."""
    weight = STATIG_WEIGHT if statig else ORDINARY_WEIGHT
    where = "hoofdbomenstructuur/monumentale laan: weegt zwaar" if statig else "gewone laan"
    if strategy == Herplantstrategie.ZELFDE_SOORT:
        return Reason("statigheid", Verdict.GOED, f"zelfde soort: het eenvormige, statige laanbeeld "
                      f"blijft ({GROENVISIE}; {where})", weight)
    if strategy == Herplantstrategie.UNIFORM:
        t = mix[0]
        same_character = genus_of(t.name) in laan_genera or (
            own is not None and t.grootteklasse == own.grootteklasse and t.genus == own.genus)
        if _much_narrower(t, own):
            return Reason("statigheid", Verdict.MATIG, f"één soort op alle plekken, maar met een "
                          f"veel smallere kroon ({t.crown_diameter_m:g} m tegen {own.crown_diameter_m:g}"
                          f" m van {own.name}; zuilvorm): een ander laanbeeld ({GROENVISIE}; {where})",
                          weight)
        if same_character:
            return Reason("statigheid", Verdict.GOED, f"één soort op alle plekken, van hetzelfde "
                          f"karakter als de laan ({t.genus} staat er al; {GROENVISIE}; {where})",
                          weight)
        if planted_share < 0.5:
            return Reason("statigheid", Verdict.SLECHT, f"een andere soort op {planted_share:.0%} van "
                          f"de plekken, verspreid tussen de bestaande bomen: geen eenvormig laanbeeld "
                          f"({GROENVISIE}; {where})", weight)
        return Reason("statigheid", Verdict.MATIG, f"één soort op alle plekken, maar een ander "
                      f"beeld dan de bestaande bomen ({GROENVISIE}; {where})", weight)
    if pattern == MixPattern.PER_BOOM:
        return Reason("statigheid", Verdict.SLECHT, f"per boom afwisselend: geen eenvormig laanbeeld "
                      f"({GROENVISIE}; {where})", weight)
    part = "elke zijde" if pattern == MixPattern.PER_ZIJDE else "elk vak"
    return Reason("statigheid", Verdict.MATIG, f"gemengd {pattern}: {part} blijft eenvormig, de laan "
                  f"als geheel minder statig ({GROENVISIE}; {where})", weight)


NARROW_CROWN_SHARE = 0.6  # [I] a crown under 60 % of the laan's width reads as another image


def _much_narrower(t, own) -> bool:
    """A columnar cultivar ('Fastigiata', 'Dawyck' …) of the laan's genus does not keep the image
    of a broad-crowned laan: crown diameters from the species catalogue (its src_size column)."""
    if own is None or not own.crown_diameter_m or not t.crown_diameter_m:
        return False
    return t.crown_diameter_m < NARROW_CROWN_SHARE * own.crown_diameter_m


def robuustheid_reason(mix) -> Reason:
    """Risk spreading: one species can be hit as a whole; a mix of genera is more resilient."""
    risky = [f"{t.name}: {t.disease_text}" for t in mix if t.disease_risk == "hoog"]
    genera = {genus_of(t.name) for t in mix}
    if len(mix) == 1:
        text = f"één soort: een ziekte of plaag kan de hele laan treffen ({GROENVISIE})"
        if risky:
            return Reason("robuustheid", Verdict.SLECHT, f"{text}; {risky[0]}")
        return Reason("robuustheid", Verdict.MATIG, text)
    if len(genera) < 2:
        return Reason("robuustheid", Verdict.MATIG, f"gemengd binnen één geslacht: weinig "
                      f"risicospreiding ({GROENVISIE})")
    verdict = Verdict.MATIG if risky else Verdict.GOED
    extra = f"; maar {'; '.join(risky)}" if risky else ""
    return Reason("robuustheid", verdict, f"risico gespreid over {len(genera)} geslachten: "
                  f"robuuster en weerbaarder ({GROENVISIE}){extra}")
