"""`bomenplan lanen herplant`: the ranked replanting options of every laan (or one) to CSV."""

from __future__ import annotations

import sys

from bomenplan.cli.context import add_db_argument, fail, progress_printer, uow_factory
from bomenplan.domain.errors import BomenplanError, NotFound
from bomenplan.domain.replant_criteria import LaanSite
from bomenplan.domain.sortiment import Kroonruimte, Profiel, Verharding
from bomenplan.services.laan_sites import laan_site, set_laan_site
from bomenplan.services.lanen import active_lanen
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
                     help="alle lanen nabij speelplek of school: geen giftige of gedoornde soorten "
                          "(zonder deze optie: wat per laan is vastgelegd)")
    cmd.add_argument("--monumentaal", action="store_true",
                     help="alle lanen monumentaal: statigheid weegt zwaar (zoals hoofdbomenstructuur; "
                          "zonder deze optie: wat per laan is vastgelegd)")
    cmd.set_defaults(func=_herplant)
    site = sub.add_parser("locatie", help="leg vast of een laan monumentaal is of nabij een "
                                          "speelplek of school ligt (voor het herplantadvies)")
    add_db_argument(site)
    site.add_argument("--laan", required=True, help="naam of straat van de laan")
    site.add_argument("--monumentaal", choices=("ja", "nee"), help="monumentale laan")
    site.add_argument("--nabij-school", choices=("ja", "nee"), help="nabij speelplek of school")
    site.set_defaults(func=_locatie)


def _herplant(args) -> int:
    profiel = Profiel(Kroonruimte(args.kroonruimte), Verharding(args.verharding), args.kabels)
    try:
        result = export_replanting(uow_factory(args.db), args.out, args.laan, profiel,
                                   args.nabij_school or None, args.monumentaal or None,
                                   progress=progress_printer("herplantopties"))
    except (BomenplanError, OSError) as exc:
        return fail(exc)
    for conflict in result.check.conflicts:
        print(f"waarschuwing: {conflict}", file=sys.stderr)
    for tie in result.check.ties:
        print(f"let op: {tie}", file=sys.stderr)
    print(f"{result.rows} opties voor {result.lanen} lanen → {args.out}")
    return 0


def _locatie(args) -> int:
    factory = uow_factory(args.db)
    try:
        found = [la for la in active_lanen(factory()) if args.laan in (la.name, la.straat)]
        if not found:
            raise NotFound(f"laan {args.laan!r}")
        for laan in found:
            old = laan_site(factory(), laan.id)
            new = LaanSite(laan.id,
                           old.monumental if args.monumentaal is None else args.monumentaal == "ja",
                           old.near_play_or_school if args.nabij_school is None
                           else args.nabij_school == "ja")
            stored = set_laan_site(factory(), new)
            print(f"{laan.name}: monumentaal {'ja' if stored.monumental else 'nee'}, nabij "
                  f"speelplek/school {'ja' if stored.near_play_or_school else 'nee'}")
    except BomenplanError as exc:
        return fail(exc)
    return 0
