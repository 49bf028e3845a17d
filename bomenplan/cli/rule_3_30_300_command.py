"""`bomenplan 3-30-300`: the 3-30-300 monitor per buurt as CSV."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bomenplan.cli.area_commands import import_file
from bomenplan.cli.context import add_db_argument, fail, progress_printer, uow_factory
from bomenplan.domain.areas import BUURT
from bomenplan.domain.errors import BomenplanError
from bomenplan.domain.rule_3_30_300 import Rule3030300
from bomenplan.services.demo_buildings import write_demo_maps
from bomenplan.services.monitor_3_30_300 import write_monitor_csv
from bomenplan.services.monitor_in_app import monitor_for_app


def add_commands(subparsers) -> None:
    cmd = subparsers.add_parser("3-30-300", help="3-30-300 per buurt: bomen bij woningen, kroonbedekking, groen")
    add_db_argument(cmd)
    cmd.add_argument("--buildings", help="panden (BAG-uittreksel) als .gpkg, .geojson of .shp")
    cmd.add_argument("--green", help="openbaar groen als .gpkg, .geojson of .shp")
    cmd.add_argument("--demo", action="store_true",
                     help="maak verzonnen panden en parken bij het register (naast --out) en gebruik die")
    cmd.add_argument("--buurten", help="buurtgrenzen (CBS Wijk- en Buurtkaart) om eerst in het register "
                                       "op te slaan; zonder: de opgeslagen grenzen")
    cmd.add_argument("--gemeente", help="bij --buurten: alleen buurten van deze gemeente")
    cmd.add_argument("--netwerk", help="paden- of stratennet (lijnen) voor de 300 m over het net")
    cmd.add_argument("--out", required=True, help="uitvoerbestand per-buurt.csv")
    rule = Rule3030300()
    cmd.add_argument("--bomen", type=int, default=rule.min_trees, help="minimaal aantal bomen (3)")
    cmd.add_argument("--boomafstand", type=float, default=rule.tree_distance_m, help="afstand in m (15)")
    cmd.add_argument("--kroon", type=float, default=rule.canopy_pct, help="kroonbedekking in %% (30)")
    cmd.add_argument("--groenafstand", type=float, default=rule.green_distance_m, help="afstand in m (300)")
    cmd.add_argument("--groen-min-ha", type=float, default=rule.min_green_area_m2 / 10_000,
                     help="kleinste groengebied in ha (0,5)")
    cmd.add_argument("--groen-toegang", type=float, default=rule.green_entry_m,
                     help="met --netwerk: groen is bereikt vanaf een knoop binnen zoveel m (25)")
    cmd.set_defaults(func=_run)


def _run(args) -> int:
    started = time.perf_counter()
    if not args.demo and not (args.buildings and args.green):
        return fail("geef --buildings en --green (of --demo)", 2)
    rule = Rule3030300(args.bomen, args.boomafstand, args.kroon, args.groenafstand, args.groen_min_ha * 10_000,
                       args.groen_toegang)
    try:
        if args.buurten:
            import_file(args.db, args.buurten, BUURT, args.gemeente)
        factory = uow_factory(args.db)
        if args.demo:
            with factory() as uow:
                cols = uow.trees.columns()
            bag, green = write_demo_maps(cols, Path(args.out).parent)
            print(f"demo-panden → {bag}; demo-groen → {green}", file=sys.stderr)
            args.buildings = args.green = None  # the same houses and parks, made in memory
        result = monitor_for_app(factory, args.buildings, args.green, rule, progress_printer("3-30-300"),
                                 network_path=args.netwerk)
        n = write_monitor_csv(result, args.out)
    except BomenplanError as exc:
        return fail(exc)
    for note in result.notes:
        print(f"let op: {note}", file=sys.stderr)
    total = sum(b.dwellings for b in result.buurten)
    print(f"{n} buurten, {total} woningen in buurten → {args.out} "
          f"({time.perf_counter() - started:.1f} s)")
    return 0
