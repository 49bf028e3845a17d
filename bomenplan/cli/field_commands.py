"""`bomenplan field checkout|checkin`: offline field work (issue 15 §4) on the command line.

A check-in with conflicts writes them to `--report conflicten.csv`; fill in the column `keuze`
(veld = the field value, server = the value stored now) and pass the file back with `--keuzes`.
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

from bomenplan.cli.context import DB_HELP, fail, progress_printer
from bomenplan.domain.field_work import MINE, THEIRS, CheckinResult, FieldScope
from bomenplan.persistence.field_checkin import check_in
from bomenplan.persistence.field_checkout import check_out
from bomenplan.persistence.field_holds import release_holds
from bomenplan.persistence.field_rows import as_text
from bomenplan.services.csv_output import write_csv
from bomenplan.services.user_profile import current_user_name

CONFLICT_HEADER = ("boomnummer", "onderdeel", "id", "veld", "bij_uitchecken", "veldwerk",
                   "server_nu", "keuze")
CHOICE_WORDS = {"veld": MINE, "server": THEIRS, "": None}
_ENTITY_WORDS = {"tree": "boom", "inspection": "controle", "standplaats_problem": "standplaatsprobleem"}


def add_commands(subparsers) -> None:
    field = subparsers.add_parser("field", help="veldwerk: uitchecken naar een veldkopie en weer inchecken")
    sub = field.add_subparsers(dest="field_command")
    out = sub.add_parser("checkout", help="check een wijk, buurt, gebied of bomen uit naar een veldkopie")
    out.add_argument("--db", required=True, help=DB_HELP)
    out.add_argument("--out", required=True, help="nieuw bestand voor de veldkopie (veld.sqlite)")
    scope = out.add_mutually_exclusive_group(required=True)
    scope.add_argument("--wijk", help="naam van de wijk")
    scope.add_argument("--buurt", help="naam van de buurt")
    scope.add_argument("--gebied", help="rechthoek x0,y0,x1,y1 in RD New (meter)")
    scope.add_argument("--bomen", help="boom-id's, komma-gescheiden")
    out.add_argument("--gebruiker", default="", help="wie uitcheckt (standaard BOMENPLAN_USER of de login)")
    out.set_defaults(func=_checkout)
    back = sub.add_parser("checkin", help="check een veldkopie in: wijzigingen samenvoegen, conflicten melden")
    back.add_argument("--db", required=True, help=DB_HELP)
    back.add_argument("--in", dest="field_file", required=True, help="de veldkopie (veld.sqlite)")
    back.add_argument("--report", help="schrijf conflicten naar dit .csv-bestand")
    back.add_argument("--keuzes", help="conflictenbestand met ingevulde kolom keuze (veld of server)")
    back.add_argument("--vrijgeven", action="store_true",
                      help="zonder open conflicten: de bomen zijn niet langer 'in het veld'")
    back.set_defaults(func=_checkin)
    field.set_defaults(func=lambda _args: (field.print_help(), 2)[1])


def _checkout(args) -> int:
    try:
        scope = _scope(args)
    except ValueError as exc:
        return fail(exc)
    started = time.perf_counter()
    result = check_out(args.db, args.out, scope, args.gebruiker or current_user_name(),
                       progress=progress_printer("uitchecken"))
    print(f"{result.trees} bomen, {result.inspections} controles en {result.map_features} "
          f"ondergrondvlakken uitgecheckt naar {result.path} ({time.perf_counter() - started:.1f} s)")
    return 0


def _scope(args) -> FieldScope:
    if args.gebied:
        parts = args.gebied.split(",")
        if len(parts) != 4:
            raise ValueError(f"--gebied: geef x0,y0,x1,y1, niet {args.gebied!r}")
        try:
            return FieldScope(area=tuple(float(p) for p in parts))
        except ValueError:
            raise ValueError(f"--gebied: {args.gebied!r} bevat iets anders dan getallen") from None
    if args.bomen:
        try:
            return FieldScope(tree_ids=tuple(int(p) for p in args.bomen.split(",") if p.strip()))
        except ValueError:
            raise ValueError(f"--bomen: {args.bomen!r} is geen lijst van boom-id's") from None
    return FieldScope(wijk=args.wijk or "", buurt=args.buurt or "")


def _checkin(args) -> int:
    choices = {}
    if args.keuzes:
        try:
            choices = read_choices(Path(args.keuzes))
        except (ValueError, OSError) as exc:
            return fail(exc)
    started = time.perf_counter()
    result = check_in(args.db, args.field_file, choices, progress=progress_printer("inchecken"))
    seconds = time.perf_counter() - started
    if result.recovered:
        print(f"onderbroken check-in {result.recovered} afgemaakt")
    print(f"{result.rows_written} rijen ({result.fields_written} velden), {result.trees_added} nieuwe "
          f"bomen en {result.inspections} controles ingecheckt, {len(result.conflicts)} conflicten "
          f"({seconds:.1f} s)")
    if result.retried:
        print("een rij werd intussen op de server gewijzigd: opnieuw gelezen en samengevoegd")
    for field_number, server_number in result.renamed:
        print(f"nieuwe boom {field_number}: boomnummer bestond al, opgeslagen als {server_number}")
    for line in result.removed_in_field:
        print(f"{_ENTITY_WORDS.get(line.entity, line.entity)} {line.boomnummer} (id {line.entity_id}) "
              "is in het veld verwijderd; op de server blijft hij staan", file=sys.stderr)
    if result.removed_in_field and args.report and not result.conflicts:
        write_conflicts(args.report, result)
    if result.conflicts:
        if args.report:
            write_conflicts(args.report, result)
            print(f"conflicten: {args.report} (vul keuze in: veld of server; dan --keuzes)")
        else:
            print("geef --report conflicten.csv om de conflicten te zien", file=sys.stderr)
        return 3
    if args.vrijgeven:
        print(f"{release_holds(args.db, args.field_file)} bomen vrijgegeven")
    return 0


def write_conflicts(path, result: CheckinResult) -> None:
    write_csv(path, CONFLICT_HEADER, [
        (c.boomnummer, c.entity, c.entity_id, c.field, as_text(c.base), as_text(c.mine),
         "(verwijderd)" if c.removed else as_text(c.theirs), "") for c in result.conflicts]
        + [(c.boomnummer, c.entity, c.entity_id, c.field, "", "(verwijderd)", "blijft staan", "")
           for c in result.removed_in_field])


def read_choices(path: Path) -> dict[tuple[str, int, str], str]:
    """{(onderdeel, id, veld): mine/theirs} from a filled-in conflict report."""
    choices = {}
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = {"onderdeel", "id", "veld", "keuze"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: kolom {sorted(missing)[0]} ontbreekt")
        for line, row in enumerate(reader, start=2):
            word = (row["keuze"] or "").strip().lower()
            if word not in CHOICE_WORDS:
                raise ValueError(f"{path}, regel {line}, veld keuze: {row['keuze']!r} is geen "
                                 "'veld' of 'server'")
            try:
                key = (row["onderdeel"].strip(), int(row["id"]), row["veld"].strip())
            except ValueError:
                raise ValueError(f"{path}, regel {line}, veld id: {row['id']!r} is geen getal") from None
            if CHOICE_WORDS[word]:
                choices[key] = CHOICE_WORDS[word]
    return choices

