"""`bomenplan 3-30-300`: the 3-30-300 monitor per buurt as CSV."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bomenplan.cli.context import add_db_argument, fail, progress_printer, uow_factory
from bomenplan.domain.errors import BomenplanError
from bomenplan.domain.rule_3_30_300 import Rule3030300
from bomenplan.services.demo_buildings import write_demo_maps
from bomenplan.services.monitor_3_30_300 import read_polygons, run_monitor, write_monitor_csv


def add_commands(subparsers) -> None:
    cmd = subparsers.add_parser("3-30-300", help="3-30-300 per buurt: bomen bij woningen, kroonbedekking, groen")
    add_db_argument(cmd)
    cmd.add_argument("--buildings", help="panden (BAG-uittreksel) als .gpkg, .geojson of .shp")
    cmd.add_argument("--green", help="openbaar groen als .gpkg, .geojson of .shp")
    cmd.add_argument("--demo", action="store_true",
                     help="maak verzonnen panden en parken bij het register (naast --out) en gebruik die")
    cmd.add_argument("--out", required=True, help="uitvoerbestand per-buurt.csv")
    rule = Rule3030300()
    cmd.add_argument("--bomen", type=int, default=rule.min_trees, help="minimaal aantal bomen (3)")
    cmd.add_argument("--boomafstand", type=float, default=rule.tree_distance_m, help="afstand in m (15)")
    cmd.add_argument("--kroon", type=float, default=rule.canopy_pct, help="kroonbedekking in %% (30)")
    cmd.add_argument("--groenafstand", type=float, default=rule.green_distance_m, help="afstand in m (300)")
    cmd.add_argument("--groen-min-ha", type=float, default=rule.min_green_area_m2 / 10_000,
                     help="kleinste groengebied in ha (0,5)")
    cmd.set_defaults(func=_run)


def _run(args) -> int:
    started = time.perf_counter()
    if not args.demo and not (args.buildings and args.green):
        return fail("geef --buildings en --green (of --demo)", 2)
    rule = Rule3030300(args.bomen, args.boomafstand, args.kroon, args.groenafstand, args.groen_min_ha * 10_000)
    try:
        with uow_factory(args.db)() as uow:
            cols = uow.trees.columns()
        if args.demo:
            args.buildings, args.green = write_demo_maps(cols, Path(args.out).parent)
            print(f"demo-panden → {args.buildings}; demo-groen → {args.green}", file=sys.stderr)
        buildings, notes = read_polygons(args.buildings)
        greens, more = read_polygons(args.green)
        result = run_monitor(cols, buildings, greens, rule, progress_printer("3-30-300"))
        n = write_monitor_csv(result, args.out)
    except BomenplanError as exc:
        return fail(exc)
    for note in notes + more + result.notes:
        print(f"let op: {note}", file=sys.stderr)
    total = sum(b.dwellings for b in result.buurten)
    print(f"{n} buurten, {total} woningen van {len(buildings)} panden → {args.out} "
          f"({time.perf_counter() - started:.1f} s)")
    return 0
