"""Row ↔ domain mapping. Geometry travels as WKB."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from shapely import wkb
from shapely.geometry import Point

from bomenplan.domain.species import Species
from bomenplan.domain.tree import Inspection, Site, Tree
from bomenplan.domain.values import (
    Beheertype,
    Beleidsstatus,
    Boomgroep,
    Boomveiligheidsklasse,
    Grootteklasse,
    Hoogteklasse,
    Omgevingsrisicoklasse,
    TreeStatus,
)
from bomenplan.persistence.tables import InspectionRow, SiteRow, SpeciesRow, TreeRow


def point_wkb(x: float, y: float) -> bytes:
    return wkb.dumps(Point(x, y))


def site_to_domain(row: SiteRow) -> Site:
    return Site(id=row.id, position=wkb.loads(row.geom), straat=row.straat, wijk=row.wijk,
                buurt=row.buurt, version=row.version)


def tree_to_domain(row: TreeRow, site: SiteRow) -> Tree:
    return Tree(
        id=row.id, boomnummer=row.boomnummer, site_id=row.site_id, position=wkb.loads(site.geom),
        species_name=row.species_name, species_id=row.species_id, plantjaar=row.plantjaar,
        hoogteklasse=Hoogteklasse(row.hoogteklasse), stamdiameter_cm=row.stamdiameter_cm,
        kroondiameter_m=row.kroondiameter_m,
        boomveiligheidsklasse=Boomveiligheidsklasse(row.boomveiligheidsklasse),
        beheertype=Beheertype(row.beheertype), status=TreeStatus(row.status),
        beleidsstatus=Beleidsstatus(row.beleidsstatus), boomgroep=Boomgroep(row.boomgroep),
        omgevingsrisicoklasse=Omgevingsrisicoklasse(row.omgevingsrisicoklasse or "onbekend"),
        eigenaar=row.eigenaar, beheerder=row.beheerder, straat=site.straat, wijk=site.wijk,
        buurt=site.buurt, verplantbaar=row.verplantbaar, opmerkingen=row.opmerkingen,
        nvtb_waarde_eur=cents_to_euros(row.nvtb_waarde_cent), version=row.version,
    )


def cents_to_euros(cents: int | None) -> Decimal | None:
    return None if cents is None else Decimal(cents) / 100


def euros_to_cents(euros: Decimal | None) -> int | None:
    return None if euros is None else int((euros * 100).to_integral_value(ROUND_HALF_UP))


TREE_ROW_FIELDS = (
    "boomnummer", "species_name", "species_id", "plantjaar", "hoogteklasse", "stamdiameter_cm",
    "kroondiameter_m", "boomveiligheidsklasse", "beheertype", "status", "beleidsstatus", "boomgroep",
    "omgevingsrisicoklasse", "eigenaar", "beheerder", "verplantbaar", "opmerkingen",
)


def tree_row_values(tree: Tree) -> dict:
    values = {name: getattr(tree, name) for name in TREE_ROW_FIELDS}
    values = {k: (str(v) if hasattr(v, "value") else v) for k, v in values.items()}
    values["nvtb_waarde_cent"] = euros_to_cents(tree.nvtb_waarde_eur)
    return values


def species_to_domain(row: SpeciesRow) -> Species:
    return Species(id=row.id, scientific_name=row.scientific_name, dutch_name=row.dutch_name,
                   cultivar=row.cultivar, genus=row.genus, family=row.family,
                   grootteklasse=Grootteklasse(row.grootteklasse), version=row.version)


def inspection_to_domain(row: InspectionRow) -> Inspection:
    return Inspection(
        id=row.id, tree_id=row.tree_id, datum=row.datum, inspecteur=row.inspecteur,
        boomveiligheidsklasse=Boomveiligheidsklasse(row.boomveiligheidsklasse),
        gebreken=tuple(filter(None, row.gebreken.split("\n"))),
        maatregelen=tuple(filter(None, row.maatregelen.split("\n"))),
        volgende_controle=row.volgende_controle, opmerkingen=row.opmerkingen, version=row.version,
        maatregel_uiterlijk=row.maatregel_uiterlijk,
    )
