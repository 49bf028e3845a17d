"""Use cases of the bomenbank: fill it, match it to open laan gaps, reserve and plant (one
transaction, undoable), with every step in the bomenpaspoort and the change log."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from shapely.geometry import Point

from bomenplan.domain import bomenbank as bank_rules
from bomenplan.domain.bank_demands import gap_demands
from bomenplan.domain.bank_matching import GapDemand, Proposals, match_columns
from bomenplan.domain.bomenbank import BankSource, BankStatus, BankTree, PaspoortEntry
from bomenplan.domain.fund_ledger import EntryKind, LedgerEntry
from bomenplan.domain.roles import Permission
from bomenplan.domain.sortiment import Profiel
from bomenplan.domain.tree import FieldChange, Site, Tree, circumference_to_diameter_cm
from bomenplan.domain.values import Boomgroep, TreeStatus
from bomenplan.services.audit import log_change
from bomenplan.services.authorization import authorize
from bomenplan.services.clock import now_text
from bomenplan.services.lanen import analyse
from bomenplan.services.sortiment_data import current_matrix


@dataclass(frozen=True)
class PlantTarget:
    """Where a bank tree goes: a gap position of a laan."""

    laan_id: int | None
    x: float
    y: float
    straat: str = ""
    wijk: str = ""
    cause_tree_id: int | None = None  # stump / felled tree whose site is reused

    @classmethod
    def of(cls, demand: GapDemand, wijk: str = "", straat: str = "") -> PlantTarget:
        return cls(demand.laan_id, demand.x, demand.y, straat, wijk, demand.cause_tree_id)


@dataclass(frozen=True)
class PlantResult:
    """What planting did, so that it can be undone exactly."""

    bank_tree_id: int
    tree_id: int
    ledger_entry_id: int | None
    was_reserved: bool  # False when reserve and plant were one step


@dataclass(frozen=True)
class MatchResult:
    proposals: Proposals
    wijken: list[str]  # per demand


def _log_bank(uow, bank_id: int, event: str, detail: str = "", user: str = "") -> None:
    uow.bank.record(PaspoortEntry(bank_id, now_text(), event, detail, user))
    log_change(uow, "bomenbank", bank_id, event, "", detail, user)


def add_bank_tree(uow, draft: BankTree, user: str = "") -> BankTree:
    with uow:
        authorize(uow, Permission.BOMENBANK)
        stored = uow.bank.add(draft)
        _log_bank(uow, stored.id, "opgenomen", f"{stored.source}, {stored.location}", user)
        uow.commit()
        return stored


def add_bank_trees(uow, drafts: list[BankTree], user: str = "") -> list[BankTree]:
    """Several trees in one transaction (an import): all or none."""
    with uow:
        authorize(uow, Permission.BOMENBANK)
        stored = [uow.bank.add(d) for d in drafts]
        for t in stored:
            _log_bank(uow, t.id, "opgenomen", f"{t.source}, {t.location}", user)
        uow.commit()
        return stored


def bank_from_register(uow, tree_ids: list[int], available_from: date | None = None,
                       cost: Decimal = Decimal("0.00"), user: str = "") -> list[BankTree]:
    """Register trees marked verplantbaar join the bank (source 'register'); all or none.
    Refused for a tree that is not verplantbaar, not living, or already in the bank."""
    with uow:
        authorize(uow, Permission.BOMENBANK)
        in_bank = {t.register_tree_id for t in uow.bank.list() if t.status is not BankStatus.VERVALLEN}
        drafts = []
        for tree_id in tree_ids:
            tree = uow.trees.get(tree_id)
            if not tree.verplantbaar or tree.status is not TreeStatus.LEVEND:
                raise bank_rules.BankRefused(f"Boom {tree.boomnummer} is niet als levende, verplantbare "
                                             "boom geregistreerd.")
            if tree_id in in_bank:
                raise bank_rules.BankRefused(f"Boom {tree.boomnummer} staat al in de bomenbank.")
            if not tree.stamdiameter_cm:
                raise bank_rules.BankRefused(f"Boom {tree.boomnummer}: stamdiameter ontbreekt.")
            drafts.append(BankTree(
                id=None, code=f"R-{tree.boomnummer}", source=BankSource.REGISTER, species_name=tree.species_name,
                stamomtrek_cm=round(math.pi * tree.stamdiameter_cm, 0), x=tree.position.x, y=tree.position.y,
                location=f"{tree.straat} ({tree.wijk})".strip(), plantjaar=tree.plantjaar,
                available_from=available_from, cost=cost, register_tree_id=tree.id))
        stored = [uow.bank.add(d) for d in drafts]
        for t in stored:
            _log_bank(uow, t.id, "opgenomen", f"uit het register ({t.location})", user)
        uow.commit()
        return stored


def best_target(result: MatchResult, bank_id: int, laan_name: str = "") -> tuple[GapDemand, str] | None:
    """The gap position where this bank tree ranks best (optionally within one laan)."""
    p = result.proposals
    best = None
    for k in range(len(p)):
        d = p.demands[int(p.demand[k])]
        if p.bank[int(p.bank_index[k])].id != bank_id or (laan_name and d.laan_name != laan_name):
            continue
        key = (int(p.rank[k]), -float(p.score[k]))
        if best is None or key < best[0]:
            best = (key, int(p.demand[k]))
    return None if best is None else (p.demands[best[1]], result.wijken[best[1]])


def list_bank(uow, status: BankStatus | None = None) -> list[BankTree]:
    with uow:
        return uow.bank.list(status)


def paspoort(uow, bank_id: int) -> list[PaspoortEntry]:
    with uow:
        return uow.bank.paspoort(bank_id)


def delete_bank_tree(uow, bank_id: int) -> None:
    """Refused (BankRefused) when the tree has ledger entries or was planted."""
    with uow:
        authorize(uow, Permission.BOMENBANK)
        tree = uow.bank.get(bank_id)
        bank_rules.check_deletable(tree, uow.ledger.count_for_bank_tree(bank_id))
        uow.bank.remove(bank_id)
        log_change(uow, "bomenbank", bank_id, "verwijderd", tree.code, "")
        uow.commit()


def set_expired(uow, bank_id: int, user: str = "", reason: str = "") -> BankTree:
    with uow:
        authorize(uow, Permission.BOMENBANK)
        tree = uow.bank.get(bank_id)
        if tree.status is BankStatus.GEPLANT:
            raise bank_rules.BankRefused(f"Boom {tree.code} is al geplant.")
        stored = uow.bank.update(tree.with_changes(status=BankStatus.VERVALLEN))
        _log_bank(uow, bank_id, "vervallen", reason, user)
        uow.commit()
        return stored


def open_demands(uow, soil_volume_m3: dict[int, float] | None = None) -> tuple[list[GapDemand], list[str]]:
    """Every missing position of every laan that is not rejected, with its wijk."""
    with uow:
        cols = uow.trees.columns()
    report = analyse(uow, cols=cols)
    with uow:
        matrix = current_matrix(uow)
    preferred = [matrix.lookup(laan.laan_type, Profiel()).voorkeursoorten for laan in report.lanen]
    return gap_demands(report.lanen, report.analysis.gaps, cols, soil_volume_m3, preferred)


def match(uow, planting_date: date, per_gap: int = 3,
          soil_volume_m3: dict[int, float] | None = None) -> MatchResult:
    demands, wijken = open_demands(uow, soil_volume_m3)
    bank = list_bank(uow)
    return MatchResult(match_columns(demands, bank, planting_date, per_gap), wijken)


def reserve(uow, bank_id: int, target: PlantTarget, user: str = "") -> BankTree:
    with uow:
        authorize(uow, Permission.BOMENBANK)
        stored = _reserve(uow, bank_id, target, user)
        uow.commit()
        return stored


def _reserve(uow, bank_id: int, target: PlantTarget, user: str) -> BankTree:
    tree = bank_rules.reserve(uow.bank.get(bank_id), target.laan_id, target.x, target.y)
    stored = uow.bank.update(tree)
    _log_bank(uow, bank_id, "gereserveerd",
              f"laan {target.laan_id}, positie {target.x:.1f}, {target.y:.1f}", user)
    return stored


def release(uow, bank_id: int, user: str = "") -> BankTree:
    with uow:
        authorize(uow, Permission.BOMENBANK)
        stored = uow.bank.update(bank_rules.release(uow.bank.get(bank_id)))
        _log_bank(uow, bank_id, "reservering vervallen", "", user)
        uow.commit()
        return stored


def plant(uow, bank_id: int, target: PlantTarget, on: date, user: str = "") -> PlantResult:
    """Plant a reserved bank tree at the target position."""
    with uow:
        authorize(uow, Permission.BOMENBANK)
        result = _plant(uow, bank_id, target, on, user, was_reserved=True)
        uow.commit()
        return result


def reserve_and_plant(uow, bank_id: int, target: PlantTarget, on: date, user: str = "") -> PlantResult:
    """Reserve and plant in one transaction: all of it happens, or nothing."""
    with uow:
        authorize(uow, Permission.BOMENBANK)
        _reserve(uow, bank_id, target, user)
        result = _plant(uow, bank_id, target, on, user, was_reserved=False)
        uow.commit()
        return result


def _plant(uow, bank_id: int, target: PlantTarget, on: date, user: str, was_reserved: bool) -> PlantResult:
    bank_tree = uow.bank.get(bank_id)
    bank_rules.plant(bank_tree)  # refuses when not reserved
    straat = target.straat or (uow.lanen.get(target.laan_id).straat if target.laan_id else "")
    provenance = f"verplant uit bomenbank {bank_tree.code} ({bank_tree.source}, {bank_tree.location})"
    if target.cause_tree_id is not None:
        site = uow.sites.get(uow.trees.get(target.cause_tree_id).site_id)
    else:
        site = uow.sites.add(Site(None, Point(target.x, target.y), straat, target.wijk))
    draft = Tree(id=None, boomnummer=_free_number(uow, f"BB-{bank_tree.code}"), site_id=site.id,
                 position=site.position, species_name=bank_tree.species_name, plantjaar=on.year,
                 stamdiameter_cm=round(circumference_to_diameter_cm(bank_tree.stamomtrek_cm), 1),
                 boomgroep=Boomgroep.LAANBOOM, eigenaar="gemeente", straat=site.straat or straat,
                 wijk=site.wijk or target.wijk, buurt=site.buurt, opmerkingen=provenance)
    tree = uow.trees.add(draft)
    uow.changes.record([FieldChange("tree", tree.id, "aangemaakt", "", tree.boomnummer, now_text(), user,
                                    provenance),
                        FieldChange("tree", tree.id, "herkomst", "", provenance, now_text(), user)])
    if target.cause_tree_id is not None:
        uow.changes.record([FieldChange("site", site.id, "herplant", "", tree.boomnummer, now_text(), user)])
    _mark_source(uow, bank_tree, TreeStatus.VERPLANT, user)
    entry = None
    if bank_tree.cost > 0:
        entry = uow.ledger.add(LedgerEntry(None, on, EntryKind.VERPLANTING, bank_tree.cost,
                                           f"{bank_tree.code} {bank_tree.species_name} → {tree.boomnummer}",
                                           bank_id, tree.id))
    uow.bank.update(bank_rules.plant(bank_tree, tree.id))
    _log_bank(uow, bank_id, "geplant", f"als boom {tree.boomnummer} ({straat})", user)
    return PlantResult(bank_id, tree.id, entry.id if entry else None, was_reserved)


def _mark_source(uow, bank_tree: BankTree, status: TreeStatus, user: str) -> None:
    """A bank tree taken from the register: its old record becomes 'verplant' (and back on undo)."""
    if bank_tree.source is not BankSource.REGISTER or bank_tree.register_tree_id is None:
        return
    source = uow.trees.get(bank_tree.register_tree_id)
    if source.status is not status:
        uow.trees.update(source.with_changes(status=status))
        uow.changes.record([FieldChange("tree", source.id, "status", str(source.status), str(status),
                                        now_text(), user, f"bomenbank {bank_tree.code}")])


def _free_number(uow, wanted: str) -> str:
    number, k = wanted, 1
    while uow.trees.by_boomnummer(number) is not None:
        k += 1
        number = f"{wanted}-{k}"
    return number


def undo_plant(uow, result: PlantResult, user: str = "") -> BankTree:
    """The inverse of plant / reserve_and_plant: tree (and new site) gone, booking gone, bank
    tree reserved again (or available when the reservation was part of the same step)."""
    with uow:
        authorize(uow, Permission.BOMENBANK)
        bank_tree = uow.bank.get(result.bank_tree_id)
        if bank_tree.planted_tree_id != result.tree_id:
            raise bank_rules.BankRefused(f"Boom {bank_tree.code} is niet als boom {result.tree_id} geplant.")
        uow.trees.remove_new(result.tree_id)
        uow.changes.record([FieldChange("tree", result.tree_id, "aanmaak ongedaan", "", "", now_text(), user,
                                        f"planten uit bomenbank {bank_tree.code} ongedaan")])
        if result.ledger_entry_id is not None:
            uow.ledger.remove(result.ledger_entry_id)
        _mark_source(uow, bank_tree, TreeStatus.LEVEND, user)
        restored = bank_rules.unplant(bank_tree)
        if not result.was_reserved:
            restored = bank_rules.release(restored)
        stored = uow.bank.update(restored)
        _log_bank(uow, bank_tree.id, "planten ongedaan", "", user)
        uow.commit()
        return stored
