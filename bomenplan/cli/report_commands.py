"""`bomenplan report`: the Bomenplan PDF of one wijk, one laan or the whole municipality."""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from bomenplan.cli.context import add_db_argument, fail, progress_printer, uow_factory
from bomenplan.domain.bomenbank import euros
from bomenplan.domain.errors import BomenplanError, ValidationError
from bomenplan.domain.fund_ledger import VvogFactors
from bomenplan.services.bomenplan_report import Scope, assemble
from bomenplan.services.bomenplan_value import DEFAULT_VVOG


def add_commands(subparsers) -> None:
    report = subparsers.add_parser("report", help="schrijf het Bomenplan als PDF (wijk, laan of alles)")
    add_db_argument(report)
    which = report.add_mutually_exclusive_group(required=True)
    which.add_argument("--wijk", help="naam van de wijk")
    which.add_argument("--laan", help="naam van de laan of straat")
    which.add_argument("--all", action="store_true", help="de hele gemeente")
    report.add_argument("--out", required=True, help="uitvoerbestand bomenplan.pdf")
    report.add_argument("--buildings", help="panden (BAG) voor 3-30-300 (.gpkg, .geojson of .shp)")
    report.add_argument("--green", help="openbaar groen voor 3-30-300 (.gpkg, .geojson of .shp)")
    report.add_argument("--netwerk", help="padennet (lijnen) voor 3-30-300: 300 m ook over de paden")
    report.add_argument("--eenheidsprijs", help="VVOG-eenheidsprijs in euro per cm² stamoppervlak "
                        "(standaard de demowaarde 1,50)")
    report.add_argument("--datum", type=date.fromisoformat, default=None,
                        help="peildatum JJJJ-MM-DD (standaard vandaag)")
    report.set_defaults(func=_report)


def scope_of(args) -> Scope:
    if args.wijk is not None:
        return Scope("wijk", args.wijk)
    if args.laan is not None:
        return Scope("laan", args.laan)
    return Scope("alles")


def factors_of(args) -> VvogFactors:
    """The report's VVOG factors: the demo defaults with the unit price given on the command line."""
    if not args.eenheidsprijs:
        return DEFAULT_VVOG
    try:
        price = euros(args.eenheidsprijs)
    except ValidationError as exc:
        raise ValidationError("--eenheidsprijs", exc.message) from None
    if price <= 0:
        raise ValidationError("--eenheidsprijs", f"{args.eenheidsprijs} is geen positief bedrag")
    return replace(DEFAULT_VVOG, unit_price_per_cm2=price)


def _report(args) -> int:
    from bomenplan.reports.bomenplan_report import write_bomenplan

    started = time.perf_counter()
    try:
        factory = uow_factory(args.db)
        monitor = _monitor(factory, args) if args.buildings or args.green else None
        data = assemble(factory, scope_of(args), args.datum or date.today(),
                        progress_printer("gegevens verzamelen"), monitor=monitor, factors=factors_of(args))
        print("PDF tekenen …", file=sys.stderr, flush=True)
        pages = write_bomenplan(data, Path(args.out))
    except BomenplanError as exc:
        return fail(exc)
    print(f"Bomenplan {data.scope.title}: {data.n_trees} bomen, {pages} pagina's → {args.out} "
          f"({time.perf_counter() - started:.1f} s)")
    return 0


def _monitor(factory, args):
    """3-30-300 with the register's stored buurt polygons and measured crowns (monitor_in_app)."""
    from bomenplan.services.monitor_in_app import monitor_for_app

    if not (args.buildings and args.green):
        raise BomenplanError("geef voor 3-30-300 zowel --buildings als --green")
    return monitor_for_app(factory, args.buildings, args.green, progress=progress_printer("3-30-300"),
                           network_path=args.netwerk)
