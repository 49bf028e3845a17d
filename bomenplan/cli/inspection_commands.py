"""`bomenplan inspections due`: the trees whose boomveiligheidscontrole is due, as a route list
(CSV or PDF), with counts per month on stdout."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bomenplan.cli.context import add_db_argument, fail, parse_day, uow_factory
from bomenplan.domain.inspection_rules import add_months
from bomenplan.domain.values import Boomveiligheidsklasse, Omgevingsrisicoklasse


def add_commands(subparsers) -> None:
    group = subparsers.add_parser("inspections", help="boomveiligheidscontroles plannen")
    sub = group.add_subparsers(dest="inspections_command")
    due = sub.add_parser("due", help="bomen die een controle nodig hebben, als routelijst (CSV/PDF)")
    add_db_argument(due)
    due.add_argument("--out", help="route.csv of route.pdf (niet nodig met --werkorder)")
    due.add_argument("--tot", help="controles nodig tot en met deze datum JJJJ-MM-DD "
                                   "(standaard: peildatum + --maanden)")
    due.add_argument("--maanden", type=int, default=3, help="planperiode in maanden (standaard 3)")
    due.add_argument("--peildatum", help="vandaag, JJJJ-MM-DD (standaard de echte datum)")
    due.add_argument("--wijk", default="", help="alleen deze wijk")
    due.add_argument("--buurt", default="", help="alleen deze buurt")
    due.add_argument("--straat", default="", help="alleen deze straat of laan")
    due.add_argument("--klasse", action="append", choices=[k.value for k in Boomveiligheidsklasse],
                     help="alleen deze boomveiligheidsklasse (mag vaker)")
    due.add_argument("--risico", action="append", choices=[r.value for r in Omgevingsrisicoklasse],
                     help="alleen deze omgevingsrisicoklasse (mag vaker)")
    due.add_argument("--werkorder", action="store_true",
                     help="maak voor elke boom op de lijst een werkorder (controle, of de maatregel "
                          "van een risicoboom); bomen met een lopende werkorder worden overgeslagen")
    due.set_defaults(func=run_due)
    group.set_defaults(func=lambda _args: (group.print_help(), 2)[1])


def run_due(args) -> int:
    from bomenplan.domain.inspection_due import DueFilter, counts_per_class
    from bomenplan.services.inspection_due import check_route_size, due_report, export_route_csv

    if not args.out and not args.werkorder:
        return fail("geef --out route.csv/route.pdf, of --werkorder", 2)
    out = Path(args.out or "route.csv")
    if args.out and out.suffix.lower() not in (".csv", ".pdf"):
        return fail(f"{out}: kies een uitvoerbestand dat eindigt op .csv of .pdf", 2)
    if not 0 <= args.maanden <= 120:
        return fail(f"--maanden {args.maanden}: kies 0 tot 120 maanden", 2)
    today = parse_day(args.peildatum) if args.peildatum else date.today()
    until = parse_day(args.tot) if args.tot else add_months(today, args.maanden)
    criteria = DueFilter(until, args.wijk, args.buurt, args.straat,
                         frozenset(Boomveiligheidsklasse(k) for k in args.klasse or ()),
                         frozenset(Omgevingsrisicoklasse(r) for r in args.risico or ()))
    uow = uow_factory(args.db)
    report = due_report(uow(), criteria, today)
    if args.werkorder:
        from bomenplan.services.inspection_work_orders import create_work_orders_from_due
        from bomenplan.services.user_profile import current_user_name

        created = create_work_orders_from_due(uow(), report.items, current_user_name(), today)
        print(created.summary())
        if not args.out:
            return 0
    if out.suffix.lower() == ".pdf":
        check_route_size(report)
        from bomenplan.reports.inspection_route_pdf import write_route_pdf
        write_route_pdf(report, out)
    else:
        export_route_csv(report, out)
    states = ", ".join(f"{n} {s}" for s, n in report.per_state.items() if n)
    print(f"{len(report.items)} bomen met controle nodig tot en met {until:%d-%m-%Y} "
          f"({states or 'geen'}) naar {out}")
    print(f"voorraad {report.stock} levende bomen; een derde per jaar = {report.yearly_target}")
    print("per maand:")
    for month, count in report.per_month:
        print(f"  {month}: {count}")
    print("per boomveiligheidsklasse / omgevingsrisicoklasse:")
    for klasse, risico, count in counts_per_class(report.items):
        print(f"  {klasse} / {risico}: {count}")
    return 0
