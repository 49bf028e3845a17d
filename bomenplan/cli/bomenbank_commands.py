"""`bomenplan bomenbank match|list` and `bomenplan fonds statement`."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from bomenplan.cli.context import add_db_argument, fail, uow_factory
from bomenplan.cli.fonds_commands import add_fonds_commands
from bomenplan.domain.bank_plan import assign_greedy
from bomenplan.domain.errors import BomenplanError
from bomenplan.reports.bomenbank_lists import write_bank_list, write_fund_statement
from bomenplan.reports.bomenbank_plan import write_plan
from bomenplan.services import bomenbank as svc
from bomenplan.services import fund
from bomenplan.services.bomenbank_export import (
    export_bank,
    export_plan,
    export_proposals,
    export_statement,
)
from bomenplan.services.bomenbank_import import import_bank_csv
from bomenplan.services.register import load_register


def add_commands(subparsers) -> None:
    bank = subparsers.add_parser("bomenbank", help="bomenbank: voorraad en voorstellen voor gaten in lanen")
    sub = bank.add_subparsers(dest="bomenbank_command", required=True)
    match = sub.add_parser("match", help="koppel open gaten in lanen aan bomen uit de bomenbank (CSV)")
    add_db_argument(match)
    match.add_argument("--out", required=True, help="CSV met één regel per voorstel")
    match.add_argument("--plantdatum", type=date.fromisoformat, default=None,
                       help="geplande plantdatum JJJJ-MM-DD (standaard vandaag)")
    match.add_argument("--per-gat", type=int, default=3, help="aantal voorstellen per gatpositie")
    match.set_defaults(func=run_match)
    listing = sub.add_parser("list", help="lijst van de bomenbank (.csv of .pdf)")
    add_db_argument(listing)
    listing.add_argument("--out", required=True, help="bank.csv of bank.pdf")
    listing.add_argument("--beschikbaar", action="store_true", help="alleen beschikbare bomen")
    listing.set_defaults(func=run_list)
    plan = sub.add_parser("plan", help="verplantplan per wijk: elke bankboom naar één gat (.pdf of .csv)")
    add_db_argument(plan)
    plan.add_argument("--out", required=True, help="plan.pdf of plan.csv")
    plan.add_argument("--plantdatum", type=date.fromisoformat, default=None, help="JJJJ-MM-DD (standaard vandaag)")
    plan.set_defaults(func=run_plan)
    reg = sub.add_parser("opnemen", help="neem verplantbare registerbomen op in de bomenbank")
    add_db_argument(reg)
    reg.add_argument("boomnummers", nargs="+", help="boomnummers van bomen die verplantbaar zijn")
    reg.set_defaults(func=run_from_register)
    imp = sub.add_parser("import", help="vul de bomenbank uit een CSV (kolommen als 'list --out bank.csv')")
    add_db_argument(imp)
    imp.add_argument("--csv", required=True, help="CSV met code, herkomst, soort, stamomtrek_cm, x, y, …")
    imp.set_defaults(func=run_import)
    plant = sub.add_parser("plant", help="reserveer en plant een bankboom op de beste gatpositie")
    add_db_argument(plant)
    plant.add_argument("--code", required=True, help="code van de bankboom, bijv. BC-014")
    plant.add_argument("--laan", default="", help="alleen gaten in deze laan (naam)")
    plant.add_argument("--plantdatum", type=date.fromisoformat, default=None, help="JJJJ-MM-DD (standaard vandaag)")
    plant.set_defaults(func=run_plant)
    fonds = subparsers.add_parser("fonds", help="transplantiefonds")
    fsub = fonds.add_subparsers(dest="fonds_command", required=True)
    statement = fsub.add_parser("statement", help="jaaroverzicht van het fonds met herplantplichten (.pdf of .csv)")
    add_db_argument(statement)
    statement.add_argument("--year", type=int, required=True, help="jaar, bijv. 2026")
    statement.add_argument("--out", required=True, help="fonds.pdf of fonds.csv")
    statement.set_defaults(func=run_statement)
    add_fonds_commands(fsub)


def _suffix(out: str, allowed: tuple[str, ...]) -> str | None:
    suffix = Path(out).suffix.lower()
    return suffix if suffix in allowed else None


def run_match(args: argparse.Namespace) -> int:
    factory = uow_factory(args.db)
    try:
        result = svc.match(factory(), args.plantdatum or date.today(), args.per_gat)
    except BomenplanError as exc:
        return fail(exc)
    n = export_proposals(result, Path(args.out))
    positions = len(result.proposals.demands)
    covered = len(set(result.proposals.demand.tolist()))
    print(f"{n} voorstellen voor {covered} van {positions} open gatposities → {args.out}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    suffix = _suffix(args.out, (".csv", ".pdf"))
    if suffix is None:
        return fail(f"{args.out}: kies een bestand dat eindigt op .csv of .pdf", 2)
    bank = svc.list_bank(uow_factory(args.db)())
    if suffix == ".pdf":
        write_bank_list(bank, date.today(), Path(args.out), only_available=args.beschikbaar)
    else:
        export_bank([t for t in bank if not args.beschikbaar or t.status == "beschikbaar"], Path(args.out))
    print(f"{len(bank)} bomen in de bomenbank → {args.out}")
    return 0


def run_statement(args: argparse.Namespace) -> int:
    suffix = _suffix(args.out, (".csv", ".pdf"))
    if suffix is None:
        return fail(f"{args.out}: kies een bestand dat eindigt op .csv of .pdf", 2)
    factory = uow_factory(args.db)
    st = fund.statement(factory(), args.year)
    if suffix == ".pdf":
        write_fund_statement(fund.entries(factory()), st.obligations, args.year, date.today(), Path(args.out))
    else:
        export_statement(st, Path(args.out))
    b = st.balance
    print(f"Transplantiefonds {args.year}: begin {b.opening} + {b.deposits} - {b.withdrawals} "
          f"= eind {b.closing} euro → {args.out}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    try:
        stored = import_bank_csv(uow_factory(args.db), Path(args.csv), user="cli")
    except (BomenplanError, OSError) as exc:
        return fail(exc)
    print(f"{len(stored)} bomen aan de bomenbank toegevoegd uit {args.csv}")
    return 0


def run_plant(args: argparse.Namespace) -> int:
    factory = uow_factory(args.db)
    on = args.plantdatum or date.today()
    found = [t for t in svc.list_bank(factory()) if t.code == args.code]
    if not found:
        return fail(f"geen bankboom met code {args.code}")
    if found[0].status != "beschikbaar":
        return fail(f"{args.code} is {found[0].status} en kan niet worden gereserveerd")
    try:
        result = svc.match(factory(), on, per_gap=10)
        target = svc.best_target(result, found[0].id, args.laan)
        if target is None:
            where = f" in {args.laan}" if args.laan else ""
            return fail(f"{args.code} past bij geen open gat{where} (soort, status of beschikbaarheid)")
        demand, wijk = target
        planted = svc.reserve_and_plant(factory(), found[0].id, svc.PlantTarget.of(demand, wijk), on, user="cli")
    except BomenplanError as exc:
        return fail(exc)
    print(f"{args.code} geplant in {demand.laan_name} op ({demand.x:.1f}, {demand.y:.1f}) "
          f"als boom {planted.tree_id}")
    return 0


def run_plan(args: argparse.Namespace) -> int:
    suffix = _suffix(args.out, (".csv", ".pdf"))
    if suffix is None:
        return fail(f"{args.out}: kies een bestand dat eindigt op .csv of .pdf", 2)
    on = args.plantdatum or date.today()
    try:
        result = svc.match(uow_factory(args.db)(), on, per_gap=10)
    except BomenplanError as exc:
        return fail(exc)
    lines = assign_greedy(result.proposals, result.wijken)
    if suffix == ".pdf":
        write_plan(lines, on, Path(args.out))
    else:
        export_plan(lines, Path(args.out))
    print(f"verplantplan: {len(lines)} bankbomen op {len(result.proposals.demands)} open gatposities → {args.out}")
    return 0


def run_from_register(args: argparse.Namespace) -> int:
    factory = uow_factory(args.db)
    cols = load_register(factory())
    number_id = dict(zip(cols.boomnummer.tolist(), cols.id.tolist(), strict=True))
    unknown = [n for n in args.boomnummers if n not in number_id]
    if unknown:
        return fail(f"onbekende boomnummers: {', '.join(unknown)}")
    try:
        stored = svc.bank_from_register(factory(), [int(number_id[n]) for n in args.boomnummers], user="cli")
    except BomenplanError as exc:
        return fail(exc)
    print(f"{len(stored)} registerbomen opgenomen in de bomenbank: {', '.join(t.code for t in stored)}")
    return 0
