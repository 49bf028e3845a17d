"""Complaints about a tree the municipality does not own.

- A private tree that hinders or endangers users of a public road or path: the municipality can
  order the owner to prune or remove it — an APV provision of the type art. 2:15 (e.g.
  CVDR695960) — so the route is enforcement (handhaving), not "we cannot act".
- Otherwise (between neighbours) it is civil law: BW 5:42 (distance) and 5:44 (overhang); the
  owner is liable for the tree under BW 6:162 and 6:174.
- A tree of another public body (provincie, waterschap, ProRail): its own manager decides.
"""

from __future__ import annotations

from bomenplan.domain.complaints import ComplaintCategory, ComplaintFacts, TreeOwner

C = ComplaintCategory
# Grounds on which a private tree can hinder or endanger users of the road (APV art. 2:15-type).
ROAD_HAZARDS = frozenset({C.DOOD_HOUT, C.DOORRIJHOOGTE, C.ZICHT_VERKEER, C.SCHEEF_INSTABIEL,
                          C.OVERIG})
URGENT_HAZARDS = frozenset({C.DOOD_HOUT, C.SCHEEF_INSTABIEL})

ENFORCEMENT_TEXT = "Handhaving: eigenaar aanschrijven om te snoeien of te verwijderen wat de weg hindert"
ENFORCEMENT_REASON = (
    "De boom is van een particulier, maar hindert of bedreigt gebruikers van de openbare weg. "
    "De gemeente kan de eigenaar op grond van de APV verplichten de boom te snoeien of wat gevaar "
    "oplevert te verwijderen; wij schrijven de eigenaar daarom aan. De eigenaar is aansprakelijk "
    "voor schade door de boom.")
ENFORCEMENT_CITATION = ("APV, bepaling van het type art. 2:15 (beplanting die de weg hindert of "
                        "gevaar oplevert; bijv. CVDR695960, lokaleregelgeving.overheid.nl); "
                        "aansprakelijkheid eigenaar: BW art. 6:162 en 6:174")
NEIGHBOUR_REASON = (
    "De boom is geen eigendom van de gemeente en hindert het openbaar verkeer niet. Dit is een "
    "zaak tussen buren (burenrecht): u kunt de eigenaar vragen overhangende takken weg te nemen, "
    "en voor een boom binnen 2 m van de erfgrens kunt u in beginsel verwijdering vragen, tenzij u "
    "toestemming gaf of een uitzondering geldt. De eigenaar is aansprakelijk voor schade door "
    "zijn boom.")
NEIGHBOUR_CITATION = ("Burgerlijk Wetboek art. 5:42 (afstand tot de erfgrens) en 5:44 "
                      "(overhangende takken); aansprakelijkheid eigenaar: BW art. 6:162 en 6:174")
OTHER_OWNER_REASON = ("De boom is van een andere overheid of organisatie (bijv. provincie, "
                      "waterschap of ProRail). Die beheerder beoordeelt uw melding; meld het daar.")
OTHER_OWNER_CITATION = "Burgerlijk Wetboek art. 6:174: de beheerder van de boom is verantwoordelijk"


def over_public_space(categories: tuple[ComplaintCategory, ...], facts: ComplaintFacts) -> bool:
    return bool(facts.boven_openbare_ruimte) or facts.doorrijhoogte_over is not None or any(
        c in (C.DOORRIJHOOGTE, C.ZICHT_VERKEER) for c in categories)


def enforcement_grounds(categories: tuple[ComplaintCategory, ...],
                        facts: ComplaintFacts) -> tuple[ComplaintCategory, ...]:
    """The categories that make a private tree a matter of APV enforcement (empty: civil law)."""
    if facts.eigenaar is not TreeOwner.PARTICULIER or not over_public_space(categories, facts):
        return ()
    return tuple(c for c in categories if c in ROAD_HAZARDS)
