"""`bomenplan lanen detect | gaps | report`: lanen on the command line."""

from __future__ import annotations

from pathlib import Path

from bomenplan.cli.context import add_db_argument, fail, progress_printer, uow_factory
from bomenplan.cli.replant_command import add_replant_command
from bomenplan.domain.errors import BomenplanError
from bomenplan.domain.sortiment import matrix_to_csv, parse_matrix_csv
from bomenplan.services.lanen import analyse, detect_and_summarise
from bomenplan.services.lanen_export import export_gaps, export_report
from bomenplan.services.safe_files import replacing_text
from bomenplan.services.sortiment_data import current_matrix, save_matrix


def add_commands(subparsers) -> None:
    lanen = subparsers.add_parser("lanen", help="lanen: herkennen, gaten en kwaliteit")
    sub = lanen.add_subparsers(dest="lanen_command")
    detect = sub.add_parser("detect", help="herken lanen in het register en sla voorstellen op")
    add_db_argument(detect)
    detect.add_argument("--accept", action="store_true", help="accepteer alle gevonden lanen")
    detect.set_defaults(func=_detect)
    gaps = sub.add_parser("gaps", help="schrijf de gaten in alle lanen (.csv of .gpkg, RD New)")
    add_db_argument(gaps)
    gaps.add_argument("--out", required=True, help="uitvoerbestand gaten.csv of gaten.gpkg")
    gaps.add_argument("--tolerantie", type=float, default=None,
                      help="tolerantie in m (standaard 0,4 × plantafstand)")
    gaps.set_defaults(func=_gaps)
    report = sub.add_parser("report", help="schrijf het kwaliteitsoverzicht van alle lanen (.csv, of .gpkg met QGIS-stijl)")
    add_db_argument(report)
    report.add_argument("--out", required=True, help="uitvoerbestand lanen.csv of lanen.gpkg")
    report.set_defaults(func=_report)
    sortiment = sub.add_parser(
        "sortiment", help="sortimentsmatrix: exporteren of een nieuwe versie inlezen (.csv)",
        description="Zonder --import wordt de matrix in gebruik geschreven naar --export. Met "
                    "--import wordt het bestand een nieuwe versie (oude versies blijven bewaard).")
    add_db_argument(sortiment)
    sortiment.add_argument("--export", help="schrijf de matrix in gebruik naar dit .csv-bestand")
    sortiment.add_argument("--import", dest="import_file", help="lees dit .csv-bestand in")
    sortiment.add_argument("--versie", help="naam van de nieuwe versie (verplicht bij --import)")
    sortiment.set_defaults(func=_sortiment)
    add_replant_command(sub)
    lanen.set_defaults(func=lambda _args: (lanen.print_help(), 2)[1])


def _detect(args) -> int:
    try:
        summary = detect_and_summarise(uow_factory(args.db)(), accept=args.accept,
                                       progress=progress_printer("lanen herkennen"))
    except BomenplanError as exc:
        return fail(exc)
    state = "geaccepteerd" if args.accept else "opgeslagen als voorstel"
    print(f"{len(summary.stored)} lanen {state}")
    for line in summary.lines():
        print(line)
    return 0


def _gaps(args) -> int:
    try:
        report = analyse(uow_factory(args.db)(), tolerance=args.tolerantie,
                         progress=progress_printer("gaten zoeken"))
        n = export_gaps(report, args.out)
    except (BomenplanError, ValueError) as exc:
        return fail(exc)
    missing = sum(g.n_missing for g in report.analysis.gaps)
    print(f"{n} gaten ({missing} ontbrekende bomen) in {len(report.lanen)} lanen → {args.out}")
    return 0


def _report(args) -> int:
    try:
        report = analyse(uow_factory(args.db)(), progress=progress_printer("lanen beoordelen"))
        n = export_report(report, args.out)
    except (BomenplanError, ValueError) as exc:
        return fail(exc)
    print(f"{n} lanen → {args.out}")
    return 0


def _sortiment(args) -> int:
    factory = uow_factory(args.db)
    try:
        if args.import_file:
            if not args.versie:
                return fail("geef met --versie een naam voor de nieuwe versie", 2)
            path = Path(args.import_file)
            matrix = parse_matrix_csv(path.read_text(encoding="utf-8"), args.versie, source=str(path))
            check = save_matrix(factory(), matrix)
            print(f"sortimentsmatrix versie {matrix.version} opgeslagen ({len(matrix.rules)} regels)")
            for tie in check.ties:
                print(f"let op: {tie}")
        if args.export:
            with factory() as uow:
                matrix = current_matrix(uow)
            with replacing_text(args.export) as handle:
                handle.write(matrix_to_csv(matrix))
            print(f"sortimentsmatrix versie {matrix.version} → {args.export}")
    except (BomenplanError, OSError) as exc:
        return fail(exc)
    return 0
