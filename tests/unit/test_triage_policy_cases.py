"""Triage cases written from the policy texts (DOMAIN.md §6 and §10), not from the code.

Each row: an id, the complaint's words, its location note, the linked tree (owner, species) or
none, the categories the handler ticked (empty: the words must decide), and the decision,
measure and urgency the cited rule asks for, with a one-line justification.
"""

from datetime import date

import pytest

from bomenplan.domain.complaints import (
    Channel,
    Complaint,
    ComplaintCategory,
    ComplaintFacts,
    TreeOwner,
)
from bomenplan.domain.criteria import Decision, Measure
from bomenplan.domain.triage import evaluate_complaint
from bomenplan.services.criteria_defaults import default_criteria

C, D, M = ComplaintCategory, Decision, Measure
GEM, PART, ANDERS, NONE = TreeOwner.GEMEENTE, TreeOwner.PARTICULIER, TreeOwner.ANDERS, None
CRITERIA = default_criteria()
LEO = "Leopoldsburg (leopoldsburg.be/groen)"
NAT = "natuurlijke overlast: Leopoldsburg, Diemen, Westland"

# id, text, locatie, (owner, species) of the linked tree or NONE, ticked categories, extra facts,
# decision, measure, urgent, justification
CASES = [
    ("dood-1", "Er hangt een dode tak boven het fietspad", "Hoofdlaan", (GEM, "Tilia x europaea"), (), {},
     D.INGRIJPEN, M.SNOEIEN, True, f"{LEO}: dead wood is removed; duty of care BW 6:174 → urgent"),
    ("dood-2", "Na de storm is een grote tak afgebroken en hangt los boven de stoep", "", NONE, (), {},
     D.INGRIJPEN, M.SNOEIEN, True, f"{LEO}: torn branches removed; words alone suffice"),
    ("dood-3", "Scheur in een dikke tak boven de speeltuin", "", (GEM, "Fagus sylvatica"), (), {},
     D.INGRIJPEN, M.SNOEIEN, True, f"{LEO}: a torn branch (scheur) over public space"),
    ("dood-4", "Dode takken", "", (GEM, "Acer platanoides"), (C.DOOD_HOUT,), {"dood_hout": False},
     D.NIET_INGRIJPEN, M.GEEN, False, "inspected, no dead wood found: nothing to remove"),
    ("gevel-1", "De takken hangen tegen onze gevel", "", (GEM, "Tilia cordata"), (), {},
     D.INGRIJPEN, M.SNOEIEN, False, f"{LEO}: branches against façades are pruned"),
    ("gevel-2", "Takken schuren over het dak van ons huis", "Kloosterstraat 3", NONE, (), {},
     D.INGRIJPEN, M.SNOEIEN, False, f"{LEO}: branches against roofs are pruned"),
    ("gevel-3", "De takken hangen tegen het huis", "", (GEM, "Tilia cordata"), (), {"afstand_gevel_m": 1.5},
     D.NIET_INGRIJPEN, M.GEEN, False, "Vijfheerenlanden: prune within 1 m; measured 1.5 m wins over words"),
    ("negatie-1", "De takken raken het huis niet; wel zit de goot vol bladeren", "", (GEM, "Quercus robur"),
     (), {}, D.NIET_INGRIJPEN, M.GEEN, False, f"negated contact; leaves are {NAT}"),
    ("struikel-1", "De wortels drukken de stoep omhoog, mijn moeder is gestruikeld", "", (GEM, "Platanus"),
     (), {}, D.INGRIJPEN, M.HERSTEL_VERHARDING, True, "root heave trip hazard (DOMAIN §6; BW 6:174 road)"),
    ("struikel-2", "Tegels van het fietspad liggen omhoog door wortels", "", NONE, (), {},
     D.INGRIJPEN, M.HERSTEL_VERHARDING, True, "trip hazard on a cycle path is acted on"),
    ("wortel-1", "Wortels groeien in de riolering", "", (GEM, "Populus x canadensis"), (), {},
     D.INSPECTIE, M.INSPECTIE, False, "Helmond 2010: root damage after assessment"),
    ("epr-1", "De hele vogelkers zit onder het spinsel", "", NONE, (), {},
     D.NIET_INGRIJPEN, M.GEEN, False, "RIVM: EPR only on oaks; webs on Prunus padus = spinselmot"),
    ("epr-2", "Spinsels en rupsen over de hele struik", "", (GEM, "Euonymus europaeus"), (), {},
     D.NIET_INGRIJPEN, M.GEEN, False, "RIVM: Euonymus is no host; spinselmot, harmless"),
    ("epr-3", "Nesten van de eikenprocessierups", "", (GEM, "Crataegus monogyna"), (C.EIKENPROCESSIERUPS,), {},
     D.NIET_INGRIJPEN, M.GEEN, False, "register species (hawthorn) is no host, whatever the text says"),
    ("epr-4", "Rupsen met brandharen", "schoolplein basisschool De Vlonder", (GEM, "Quercus robur"), (), {},
     D.INGRIJPEN, M.BESTRIJDING, True, "Leidraad EPR 2019: oak at a school is high risk → treat soon"),
    ("epr-5", "Processierupsen in de boom", "speeltuin", (GEM, "Quercus rubra"), (), {},
     D.INGRIJPEN, M.BESTRIJDING, True, "RIVM: red oak is a host; playground is high risk"),
    ("epr-6", "Processierupsen in de eiken langs het bos", "bosrand buitengebied", NONE, (), {},
     D.NIET_INGRIJPEN, M.GEEN, False, "Leidraad EPR 2019: low-risk location → monitor, no removal"),
    ("epr-7", "Nesten in de boom", "", (GEM, "Quercus robur"), (C.EIKENPROCESSIERUPS,), {},
     D.INSPECTIE, M.INSPECTIE, False, "Leidraad EPR 2019: assess first when location risk is unknown"),
    ("epr-8", "Rupsen in de boom", "", NONE, (), {},
     D.INSPECTIE, M.INSPECTIE, False, "species unknown: establish whether it is an oak (RIVM)"),
    ("epr-9", "Rupsen in de eik", "", (GEM, "Tilia cordata"), (), {},
     D.NIET_INGRIJPEN, M.GEEN, False, "register says lime (no host); it beats the species in the text"),
    ("prive-1", "De boom van de buren hangt met takken laag over het fietspad", "", NONE, (), {},
     D.INGRIJPEN, M.HANDHAVING, False, "APV art. 2:15-type (CVDR695960): order the owner to prune"),
    ("prive-2", "Een dode tak hangt boven de stoep", "", (PART, "Betula pendula"), (), {},
     D.INGRIJPEN, M.HANDHAVING, True, "APV 2:15-type: private tree endangers road users; dead wood"),
    ("buren-1", "De boom van de buren hangt over mijn tuin", "", NONE, (), {},
     D.NIET_INGRIJPEN, M.GEEN, False, "between neighbours: civil law BW 5:44 (overhang)"),
    ("buren-2", "Veel schaduw in mijn tuin", "", (PART, "Fagus sylvatica"), (), {},
     D.NIET_INGRIJPEN, M.GEEN, False, "private tree, not over public space: BW 5:42/5:44"),
    ("anders-1", "Dode tak", "", (ANDERS, "Quercus robur"), (C.DOOD_HOUT,), {},
     D.NIET_INGRIJPEN, M.GEEN, False, "another public body's tree: its manager decides (BW 6:174)"),
    ("overhang-1", "Takken van de gemeentelijke boom hangen over mijn achtertuin", "", (GEM, "Acer"), (), {},
     D.INGRIJPEN, M.SNOEIEN, False, "BW 5:44: neighbour may demand removal of overhang (to the boundary)"),
    ("zon-1", "De boom geeft schaduw op mijn zonnepanelen", "", (GEM, "Quercus robur"), (), {},
     D.NIET_INGRIJPEN, M.GEEN, False, "Groenvisie Assen 2040 §3.6; Zoetermeer: never for panels"),
    ("zon-2", "Een dode tak boven mijn zonnepanelen", "", (GEM, "Quercus robur"), (), {},
     D.INGRIJPEN, M.SNOEIEN, True, "dead wood acts (Leopoldsburg); panels stay no reason (§3.6)"),
    ("poep-1", "Mijn auto zit elke dag onder de vogelpoep", "", (GEM, "Tilia x europaea"), (), {},
     D.NIET_INGRIJPEN, M.GEEN, False, f"{NAT} ([NF] no explicit rule on droppings)"),
    ("schaduw-1", "Veel schaduw in de tuin", "", (GEM, "Platanus"), (), {},
     D.NIET_INGRIJPEN, M.GEEN, False, f"{LEO}: no action for shade"),
    ("licht-1", "Door de boom is het te donker in de woning, weinig licht", "", (GEM, "Tilia"), (), {},
     D.NIET_INGRIJPEN, M.GEEN, False, "less light in a home is treated like shade (Leopoldsburg)"),
    ("lamp-1", "De lantaarnpaal wordt helemaal afgedekt door de takken", "", (GEM, "Tilia"), (), {},
     D.INGRIJPEN, M.SNOEIEN, False, f"{LEO}: view of signs and street lighting kept free"),
    ("blad-1", "Elk najaar zit de goot vol bladeren", "", (GEM, "Quercus robur"), (), {},
     D.NIET_INGRIJPEN, M.GEEN, False, f"{LEO}: leaf fall is no reason"),
    ("vrucht-1", "Kastanjes vallen op mijn auto", "", (GEM, "Aesculus hippocastanum"), (), {},
     D.NIET_INGRIJPEN, M.GEEN, False, f"{LEO}: fruit fall is no reason"),
    ("pollen-1", "Ik heb hooikoorts door de berken", "", (GEM, "Betula pendula"), (), {},
     D.NIET_INGRIJPEN, M.GEEN, False, "Diemen, Westland: natural nuisance ([NF] explicit pollen rule)"),
    ("dauw-1", "Plakkerige druppels op mijn auto onder de linde", "", (GEM, "Tilia x europaea"), (), {},
     D.NIET_INGRIJPEN, M.GEEN, False, "honeydew: natural nuisance; Helmond only in extreme cases"),
    ("scheef-1", "De boom staat scheef en wiebelt bij wind", "", (GEM, "Populus"), (), {},
     D.INSPECTIE, M.INSPECTIE, True, "CROW 26768: in doubt → risicoboom + nader onderzoek, urgent"),
    ("groot-1", "Geen gevaar, maar de boom is veel te groot", "", (GEM, "Quercus robur"), (), {},
     D.NIET_INGRIJPEN, M.GEEN, False, f"{LEO}: size of the tree is no reason"),
    ("hoogte-1", "Takken te laag", "", (GEM, "Tilia"), (C.DOORRIJHOOGTE,),
     {"doorrijhoogte_over": "fietspad", "doorrijhoogte_m": 2.1},
     D.INGRIJPEN, M.SNOEIEN, False, "Rijswijk/Rotterdam: clearance over paths (2.5 m concept value)"),
]


def _evaluate(text, locatie, tree, categories, extra):
    owner, species = tree if tree else (TreeOwner.ONBEKEND, "")
    facts = ComplaintFacts(eigenaar=owner, soort=species, boomnummer="ASN-1" if tree else "",
                           locatie=locatie, **extra)
    complaint = Complaint(None, date(2026, 6, 1), Channel.WEBSITE, categories or (C.OVERIG,), text,
                          (1,) if tree else ())
    return evaluate_complaint(complaint, facts, CRITERIA)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_policy_case(case):
    _id, text, locatie, tree, categories, extra, decision, measure, urgent, _why = case
    result = _evaluate(text, locatie, tree, categories, extra)
    assert (result.decision, result.measure, result.urgent) == (decision, measure, urgent)
    assert result.citation  # every decision names its source


def test_there_are_at_least_thirty_cases_covering_every_category():
    assert len(CASES) >= 30
    covered = set()
    for _id, text, locatie, tree, categories, extra, *_ in CASES:
        covered |= {o.category for o in _evaluate(text, locatie, tree, categories, extra).outcomes}
    assert covered >= set(ComplaintCategory) - {C.OVERIG}


def test_shade_answer_promises_no_assessment():
    result = _evaluate("Veel schaduw", "", (GEM, "Tilia"), (C.SCHADUW,), {})
    assert "beoordeling" not in result.reason.lower() and "beoordeelt" not in result.reason.lower()


def test_no_citation_names_the_nonexistent_bomenplan_assen_document():
    assert not [r.code for r in CRITERIA.rules if "Bomenplan Assen" in r.citation]
    assert str(CRITERIA.status) == "concept" and CRITERIA.vastgesteld_op is None
