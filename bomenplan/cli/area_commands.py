"""`bomenplan gebieden`: buurt and wijk boundaries (CBS Wijk- en Buurtkaart) in the register."""

from __future__ import annotations

import sys

from bomenplan.cli.context import add_db_argument, fail, uow_factory
from bomenplan.domain.areas import AREA_KINDS, BUURT
from bomenplan.domain.errors import BomenplanError
from bomenplan.services.area_import import import_areas, load_areas


def add_commands(subparsers) -> None:
    cmd = subparsers.add_parser("gebieden", help="buurt- en wijkgrenzen (CBS) inlezen en tonen")
    sub = cmd.add_subparsers(dest="gebieden_command", required=True)
    imp = sub.add_parser("import", help="lees buurt- of wijkgrenzen in (vervangt de bestaande van die soort)")
    add_db_argument(imp)
    imp.add_argument("bestand", help="CBS Wijk- en Buurtkaart of eigen grenzen (.gpkg, .geojson, .shp)")
    add_area_options(imp)
    imp.set_defaults(func=_import)
    show = sub.add_parser("lijst", help="toon de ingelezen buurten of wijken")
    add_db_argument(show)
    show.add_argument("--soort", choices=AREA_KINDS, default=BUURT, help="buurt (standaard) of wijk")
    show.set_defaults(func=_list)


def add_area_options(parser) -> None:
    parser.add_argument("--soort", choices=AREA_KINDS, default=BUURT, help="buurt (standaard) of wijk")
    parser.add_argument("--gemeente", help="alleen vlakken van deze gemeente (veld gemeentenaam); "
                                           "zonder: de vlakken waarin bomen van het register staan")


def import_file(db: str, path: str, kind: str, gemeente: str | None) -> int:
    """Import `path`; prints the outcome on stderr. Raises BomenplanError on bad input."""
    stored, notes = import_areas(uow_factory(db)(), path, kind, gemeente)
    for note in notes:
        print(f"let op: {note}", file=sys.stderr)
    print(f"{stored} {kind}grenzen ingelezen uit {path}", file=sys.stderr)
    return stored


def _import(args) -> int:
    try:
        import_file(args.db, args.bestand, args.soort, args.gemeente)
    except BomenplanError as exc:
        return fail(exc)
    return 0


def _list(args) -> int:
    try:
        areas = load_areas(uow_factory(args.db)(), args.soort)
    except BomenplanError as exc:
        return fail(exc)
    for area in areas:
        print(f"{area.code}\t{area.name}\t{area.parent}\t{area.geometry.area / 10_000:.1f} ha")
    if not areas:
        print(f"geen {args.soort}grenzen in het register", file=sys.stderr)
    return 0
