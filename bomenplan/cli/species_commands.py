"""`bomenplan species …`: the species catalogue on the command line (export, import, unmatched
register names and mapping, diversity 10-20-30)."""

from __future__ import annotations

from bomenplan.cli.context import add_db_argument, fail, uow_factory
from bomenplan.domain.diversity import LEVELS
from bomenplan.domain.ecology import COMPONENTS, EcoWeights
from bomenplan.domain.errors import BomenplanError, ValidationError
from bomenplan.services import species_catalogue as catalogue
from bomenplan.services import species_register as register
from bomenplan.services.register import load_register
from bomenplan.services.user_profile import current_user_name

_LEVEL_NL = {"species": "soort", "genus": "geslacht", "family": "familie"}


def add_commands(subparsers) -> None:
    species = subparsers.add_parser("species", help="soortencatalogus: export, import, "
                                                    "ontbrekende soorten, diversiteit")
    sub = species.add_subparsers(dest="species_command")

    exp = sub.add_parser("export", help="schrijf de catalogus met alle waarden, de score en de "
                                        "componenten naar CSV")
    add_db_argument(exp)
    exp.add_argument("--out", required=True, help="doelbestand (.csv)")
    exp.set_defaults(func=run_export)

    imp = sub.add_parser("import", help="voeg een catalogus-CSV samen met de catalogus "
                                        "(bekende namen bijwerken, nieuwe toevoegen)")
    imp.add_argument("file", help="catalogus-CSV (zelfde kolommen als de export)")
    add_db_argument(imp)
    imp.add_argument("--user", default=current_user_name(),
                     help="naam voor het wijzigingslog (standaard: BOMENPLAN_USER of de login)")
    imp.set_defaults(func=run_import)

    un = sub.add_parser("unmatched", help="soortnamen in het register die de catalogus niet kent")
    add_db_argument(un)
    un.add_argument("--map", nargs=2, metavar=("REGISTERNAAM", "SOORT_ID"),
                    help="koppel een registernaam aan een catalogussoort (id uit de export)")
    un.add_argument("--user", default=current_user_name(),
                    help="naam voor het wijzigingslog (standaard: BOMENPLAN_USER of de login)")
    un.set_defaults(func=run_unmatched)

    div = sub.add_parser("diversity", help="Santamour 10-20-30 voor het hele bestand of per groep")
    add_db_argument(div)
    div.add_argument("--by", choices=(*register.GROUPINGS, "laan"),
                     help="groepeer per wijk, buurt, straat of laan (vastgestelde lanen); "
                          "zonder: hele bestand")
    div.add_argument("--warnings-only", action="store_true", help="toon alleen overschrijdingen")
    div.set_defaults(func=run_diversity)

    wts = sub.add_parser("weights", help="gewichten van de ecologische score: versies tonen of "
                                         "een nieuwe versie opslaan")
    add_db_argument(wts)
    wts.add_argument("--new", metavar="VERSIE", help="naam van de nieuwe gewichtenversie")
    wts.add_argument("--set", nargs="+", default=[], metavar="COMPONENT=GEWICHT",
                     help=f"gewichten (samen 100); componenten: {', '.join(COMPONENTS)}")
    wts.set_defaults(func=run_weights)
    species.set_defaults(func=lambda _args: species.print_help() or 2)


def run_weights(args) -> int:
    factory = uow_factory(args.db, create=bool(args.new))
    try:
        if args.new:
            current = catalogue.current_weights(factory())
            values = dict(current.weights)
            for item in args.set:
                name, _, number = item.partition("=")
                if name not in COMPONENTS:
                    raise ValidationError(name, f"onbekende component; kies uit {', '.join(COMPONENTS)}")
                values[name] = float(number.replace(",", "."))
            catalogue.save_weights(factory(), EcoWeights(args.new, values,
                                                         insect_scale=current.insect_scale))
        active = catalogue.current_weights(factory())
    except (BomenplanError, ValueError) as exc:
        return fail(exc)
    print(f"actieve versie: {active.version}")
    for name in COMPONENTS:
        print(f"{name}\t{active.weights[name]:g}")
    return 0


def run_export(args) -> int:
    try:
        n = catalogue.export_catalogue(uow_factory(args.db)(), args.out)
    except (BomenplanError, OSError) as exc:
        return fail(exc)
    print(f"{n} soorten geschreven naar {args.out}")
    return 0


def run_import(args) -> int:
    try:
        summary = catalogue.import_catalogue(uow_factory(args.db, create=True)(), args.file,
                                             args.user)
    except (BomenplanError, OSError) as exc:
        return fail(f"{exc}; er is niets opgeslagen")
    print(f"{summary.added} soorten toegevoegd, {summary.updated} bijgewerkt")
    return 0


def run_unmatched(args) -> int:
    factory = uow_factory(args.db)
    try:
        if args.map:
            name, species_id = args.map
            linked = register.map_register_name(factory(), name, int(species_id), args.user)
            print(f"{name!r} gekoppeld; {linked} bomen bijgewerkt")
            return 0
        rows = register.unmatched_register_species(factory())
    except (BomenplanError, ValueError) as exc:
        return fail(exc)
    print("bomen\tregisternaam\tsuggestie (id)")
    for row in rows:
        hint = (f"{row.suggestion.species.full_name} ({row.suggestion.species.id})"
                if row.suggestion else "")
        print(f"{row.trees}\t{row.name or '(leeg)'}\t{hint}")
    print(f"{len(rows)} namen, {sum(r.trees for r in rows)} bomen zonder catalogussoort")
    return 0


def run_diversity(args) -> int:
    factory = uow_factory(args.db)
    try:
        columns = load_register(factory())
        by = register.laan_groups(factory(), columns) if args.by == "laan" else args.by
        results = register.diversity(columns, register.lookup(factory()), by)
    except BomenplanError as exc:
        return fail(exc)
    print("groep\tbomen\t" + "\t".join(f"grootste {_LEVEL_NL[lv]} (%)" for lv in LEVELS)
          + "\twaarschuwingen")
    for r in results:
        if args.warnings_only and not r.warnings:
            continue
        tops = [r.largest(lv) for lv in LEVELS]
        cells = [f"{t.taxon} {t.percent:.1f}" if t else "-" for t in tops]
        warn = "; ".join(f"{_LEVEL_NL[w.level]} {w.taxon} {w.percent:.1f}% > {w.limit:g}%"
                         for w in r.warnings)
        print(f"{r.group or '(hele bestand)'}\t{r.trees}\t" + "\t".join(cells) + f"\t{warn}")
    return 0
