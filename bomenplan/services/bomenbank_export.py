"""CSV lists of the bomenbank: proposals (one row per proposal), the bank, the fund statement."""

from __future__ import annotations

from pathlib import Path

from bomenplan.domain.bank_plan import PlanLine
from bomenplan.domain.bomenbank import BankTree
from bomenplan.services.bomenbank import MatchResult
from bomenplan.services.csv_output import write_csv
from bomenplan.services.fund import FundStatement

PROPOSAL_HEADER = ("laan", "laan_id", "wijk", "gat_x", "gat_y", "oorzaak_boom_id", "rang", "bankboom",
                   "soort", "stamomtrek_cm", "buren_stamomtrek_cm", "soort_fit", "maat_fit",
                   "standplaats_fit", "afstand_km", "beschikbaarheid_fit", "score", "redenen")
BANK_HEADER = ("code", "herkomst", "soort", "stamomtrek_cm", "hoogte_m", "kluit", "plantjaar", "locatie",
               "x", "y", "beschikbaar_vanaf", "beschikbaar_tot", "kosten_eur", "conditie", "status",
               "geplant_als_boom_id")


def _opt(value, fmt: str = "{}") -> str:
    return "" if value is None else fmt.format(value)


def export_proposals(result: MatchResult, path: Path) -> int:
    p = result.proposals
    rows = []
    for prop in p.rows():
        d, t = p.demands[prop.demand_index], p.bank[prop.bank_index]
        rows.append((d.laan_name, _opt(d.laan_id), result.wijken[prop.demand_index], f"{d.x:.2f}",
                     f"{d.y:.2f}", _opt(d.cause_tree_id), prop.rank, t.code, t.species_name,
                     f"{t.stamomtrek_cm:.0f}", _opt(d.neighbour_stamomtrek_cm, "{:.0f}"),
                     f"{prop.species_fit:.2f}", f"{prop.size_fit:.2f}", f"{prop.standplaats_fit:.2f}",
                     f"{prop.distance_km:.2f}", f"{prop.availability_fit:.2f}", f"{prop.score:.3f}",
                     "; ".join(prop.reasons)))
    write_csv(path, PROPOSAL_HEADER, rows)
    return len(rows)


def export_bank(bank: list[BankTree], path: Path) -> int:
    write_csv(path, BANK_HEADER, [
        (t.code, str(t.source), t.species_name, f"{t.stamomtrek_cm:.0f}", _opt(t.hoogte_m), t.kluit,
         _opt(t.plantjaar), t.location, f"{t.x:.2f}", f"{t.y:.2f}", _opt(t.available_from),
         _opt(t.available_until), f"{t.cost:.2f}", str(t.condition), str(t.status), _opt(t.planted_tree_id))
        for t in bank])
    return len(bank)


def export_statement(st: FundStatement, path: Path) -> int:
    rows = [(e.datum.isoformat(), str(e.kind), e.description, f"{e.signed:.2f}") for e in st.entries]
    rows.insert(0, (f"{st.year}-01-01", "beginsaldo", "", f"{st.balance.opening:.2f}"))
    rows.append((f"{st.year}-12-31", "eindsaldo", "", f"{st.balance.closing:.2f}"))
    write_csv(path, ("datum", "soort", "omschrijving", "bedrag_eur"), rows)
    return len(st.entries)


def export_plan(lines: list[PlanLine], path: Path) -> int:
    write_csv(path, ("wijk", "laan", "gat_x", "gat_y", "bankboom", "soort", "stamomtrek_cm",
                     "buren_stamomtrek_cm", "afstand_km", "kosten_eur", "score"),
              [(line.wijk, line.demand.laan_name, f"{line.demand.x:.2f}", f"{line.demand.y:.2f}", line.tree.code,
                line.tree.species_name, f"{line.tree.stamomtrek_cm:.0f}",
                _opt(line.demand.neighbour_stamomtrek_cm, "{:.0f}"), f"{line.distance_km:.2f}",
                f"{line.tree.cost:.2f}", f"{line.score:.3f}") for line in lines])
    return len(lines)
