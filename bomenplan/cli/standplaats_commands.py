"""`bomenplan standplaats report` and `bomenplan plan check`: soil-volume shortages and the
redevelopment check on the command line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bomenplan.cli.context import add_db_argument, fail, uow_factory
from bomenplan.domain.errors import BomenplanError
from bomenplan.services.csv_output import write_csv
from bomenplan.services.plan_check import check_plan_file
from bomenplan.services.soil_summary import export_norms, import_norms, soil_report

AFFECTED_HEADER = ("boomnummer", "zone", "afstand_tot_plan_m", "maatregelen",
                   "kwetsbare_boomzone_m", "rpa_m", "graafafstand_m")
SHORTAGE_HEADER = ("niveau", "sleutel", "bomen", "bekend", "met_tekort", "tekort_m3",
                   "beschikbaar_m3", "nodig_m3")


def add_commands(subparsers) -> None:
    standplaats = subparsers.add_parser("standplaats", help="standplaatsen: bodemvolume en tekorten")
    sub = standplaats.add_subparsers(dest="standplaats_command")
    report = sub.add_parser("report", help="tekort aan doorwortelbaar bodemvolume per boom, straat en wijk (.csv)")
    add_db_argument(report)
    report.add_argument("--out", required=True, help="uitvoerbestand tekorten.csv")
    report.set_defaults(func=_report)
    normen = sub.add_parser(
        "normen", help="eigen normtabel voor het benodigde bodemvolume (.csv: sleutel,nodig_m3)",
        description="Zonder --import wordt de normtabel in gebruik geschreven naar --export. Met --import "
                    "vervangt het bestand de tabel (sleutel = soortnaam of grootteklasse 1a/1b/2/3). "
                    "Zonder tabel geldt 0,75 m³ per m² kroonprojectie (simonstuinenboomzorg.nl).")
    add_db_argument(normen)
    normen.add_argument("--export", help="schrijf de normtabel naar dit .csv-bestand")
    normen.add_argument("--import", dest="import_file", help="lees dit .csv-bestand in")
    normen.add_argument("--naam", default="", help="naam van de normtabel")
    normen.add_argument("--bron", default="", help="bron van de normen (verplicht bij --import)")
    normen.set_defaults(func=_normen)
    standplaats.set_defaults(func=lambda _args: (standplaats.print_help(), 2)[1])

    plan = subparsers.add_parser("plan", help="plangebieden: bomen in en rond een plangebied")
    plan_sub = plan.add_subparsers(dest="plan_command")
    check = plan_sub.add_parser("check", help="welke bomen raakt een plangebied, en welke maatregelen zijn nodig")
    add_db_argument(check)
    check.add_argument("--plan", required=True, help="plangebied als .gpkg, .geojson of .shp")
    check.add_argument("--out", required=True, help="uitvoer bomen-in-plan.csv of .pdf")
    check.set_defaults(func=_check)
    plan.set_defaults(func=lambda _args: (plan.print_help(), 2)[1])


def _fmt(value) -> str:
    return "" if value is None or value != value else f"{value:.2f}"


def _report(args) -> int:
    if Path(args.out).suffix.lower() != ".csv":
        return fail(f"{args.out}: gebruik een .csv-bestand")
    try:
        report = soil_report(uow_factory(args.db)())
    except BomenplanError as exc:
        return fail(exc)
    cols = report.columns
    rows = [("boom", str(cols["boomnummer"][i]), 1, 1, 1, _fmt(cols["shortage_m3"][i]),
             _fmt(cols["available_m3"][i]), _fmt(cols["required_m3"][i])) for i in report.shortages()]
    for level, summaries in (("laan", report.per_laan), ("straat", report.per_straat), ("wijk", report.per_wijk)):
        rows += [(level, s.key, s.n_trees, s.n_known, s.n_short, _fmt(s.shortage_m3), "", "")
                 for s in summaries]
    write_csv(args.out, SHORTAGE_HEADER, rows)
    print(f"{len(report.shortages())} bomen met tekort aan bodemvolume; "
          f"{len(cols['tree_id'])} bomen met standplaatsgegevens → {args.out}")
    return 0


def _normen(args) -> int:
    try:
        if args.import_file:
            table = import_norms(uow_factory(args.db)(), args.import_file, args.naam, args.bron)
            print(f"{len(table.required_m3)} normen ingelezen ({table.name or table.source})")
        elif args.export:
            n = export_norms(uow_factory(args.db)(), args.export)
            print(f"{n} normen → {args.export}")
        else:
            return fail("geef --import of --export")
    except (BomenplanError, OSError) as exc:
        return fail(exc)
    return 0


def _check(args) -> int:
    suffix = Path(args.out).suffix.lower()
    if suffix not in (".csv", ".pdf"):
        return fail(f"{args.out}: gebruik .csv of .pdf")
    try:
        result = check_plan_file(uow_factory(args.db)(), args.plan)
    except BomenplanError as exc:
        return fail(exc)
    for note in result.notes:
        print(f"let op: {note}")
    if suffix == ".pdf":
        from bomenplan.reports.plan_trees_pdf import write_plan_trees

        write_plan_trees(result, date.today(), Path(args.out))
    else:
        write_csv(args.out, AFFECTED_HEADER, [
            (a.boomnummer, "; ".join(map(str, a.zones)), f"{a.distance_m:.2f}", "; ".join(map(str, a.measures)),
             _fmt(a.kwetsbare_zone_m), _fmt(a.rpa_m), _fmt(a.graafafstand_m)) for a in result.affected])
    print(f"{len(result.affected)} bomen geraakt door plangebied '{result.name}' (opgeslagen als plan "
          f"{result.plan_id}) → {args.out}")
    return 0
