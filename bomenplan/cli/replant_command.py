"""`bomenplan lanen herplant`: the ranked replanting options of every laan (or one) to CSV."""

from __future__ import annotations

import sys

from bomenplan.cli.context import add_db_argument, fail, progress_printer, uow_factory
from bomenplan.domain.errors import BomenplanError
from bomenplan.domain.sortiment import Kroonruimte, Profiel, Verharding
from bomenplan.services.replant_export import export_replanting


def add_replant_command(sub) -> None:
    cmd = sub.add_parser(
        "herplant", help="schrijf de gerangschikte herplantopties van elke laan (.csv)",
        description="Per laan de opties zelfde soort / uniform / gemengd met score en redenen, "
                    "uit de soortencatalogus en sortimentsmatrix in de database.")
    add_db_argument(cmd)
    cmd.add_argument("--out", required=True, help="uitvoerbestand opties.csv")
    cmd.add_argument("--laan", help="alleen deze laan (naam of straat)")
    cmd.add_argument("--kroonruimte", choices=[k.value for k in Kroonruimte],
                     default=Kroonruimte.MIDDEL.value, help="profiel: ruimte voor de kroon")
    cmd.add_argument("--verharding", choices=[v.value for v in Verharding],
                     default=Verharding.OPEN.value, help="profiel: open of gesloten verharding")
    cmd.add_argument("--kabels", action="store_true", help="profiel: kabels en leidingen aanwezig")
    cmd.add_argument("--nabij-school", action="store_true",
                     help="nabij speelplek of school: geen giftige of gedoornde soorten")
    cmd.add_argument("--monumentaal", action="store_true",
                     help="monumentale laan: statigheid weegt zwaar (zoals hoofdbomenstructuur)")
    cmd.set_defaults(func=_herplant)


def _herplant(args) -> int:
    profiel = Profiel(Kroonruimte(args.kroonruimte), Verharding(args.verharding), args.kabels)
    try:
        result = export_replanting(uow_factory(args.db), args.out, args.laan, profiel,
                                   args.nabij_school, args.monumentaal,
                                   progress=progress_printer("herplantopties"))
    except (BomenplanError, OSError) as exc:
        return fail(exc)
    for conflict in result.check.conflicts:
        print(f"waarschuwing: {conflict}", file=sys.stderr)
    for tie in result.check.ties:
        print(f"let op: {tie}", file=sys.stderr)
    print(f"{result.rows} opties voor {result.lanen} lanen → {args.out}")
    return 0
