"""`bomenplan werkorders …`: the work list per contractor (CSV/PDF) and reporting an order done."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from bomenplan.cli.context import add_db_argument, fail, parse_day, uow_factory
from bomenplan.domain.work_orders import WorkOrderFilter, WorkOrderStatus, WorkOrderType
from bomenplan.services.user_profile import current_user_name


def add_commands(subparsers) -> None:
    group = subparsers.add_parser("werkorders", help="werkorders volgen: werklijst en gereedmelden")
    sub = group.add_subparsers(dest="werkorders_command")

    listing = sub.add_parser("list", help="werklijst (per aannemer en wijk) als CSV of PDF")
    add_db_argument(listing)
    listing.add_argument("--status", choices=[s.value for s in WorkOrderStatus],
                         help="alleen werkorders met deze status")
    listing.add_argument("--aannemer", default="", help="alleen werkorders van deze aannemer")
    listing.add_argument("--wijk", default="", help="alleen werkorders in deze wijk")
    listing.add_argument("--type", choices=[t.value for t in WorkOrderType],
                         help="alleen werkorders van dit type")
    listing.add_argument("--te-laat", dest="overdue", action="store_true",
                         help="alleen werkorders over hun uiterste datum")
    listing.add_argument("--out", required=True, help="lijst.csv of lijst.pdf")
    listing.set_defaults(func=run_list)

    done = sub.add_parser("gereed", help="meld een werkorder gereed (komt in de boomhistorie)")
    add_db_argument(done)
    done.add_argument("--id", type=int, required=True, help="nummer van de werkorder")
    done.add_argument("--datum", required=True, help="datum van uitvoering JJJJ-MM-DD")
    done.add_argument("--opmerking", default="", help="opmerking (bijv. wat er is gedaan)")
    done.add_argument("--user", default=current_user_name(), help="naam in de historie")
    done.set_defaults(func=run_done)
    group.set_defaults(func=lambda _args: (group.print_help(), 2)[1])


def run_list(args) -> int:
    from bomenplan.services.work_list import export_work_list_csv, work_list

    out = Path(args.out)
    if out.suffix.lower() not in (".csv", ".pdf"):
        return fail(f"{out}: kies een uitvoerbestand dat eindigt op .csv of .pdf", 2)
    criteria = WorkOrderFilter(status=WorkOrderStatus(args.status) if args.status else None,
                               wijk=args.wijk, aannemer=args.aannemer,
                               type=WorkOrderType(args.type) if args.type else None,
                               overdue_only=args.overdue)
    today = date.today()
    lines = work_list(uow_factory(args.db)(), criteria, today)
    if out.suffix.lower() == ".pdf":
        from bomenplan.reports.work_list_pdf import write_work_list_pdf
        write_work_list_pdf(lines, out, today)
    else:
        export_work_list_csv(lines, out, today)
    print(f"{len(lines)} werkorder{'' if len(lines) == 1 else 's'} naar {out}")
    return 0


def run_done(args) -> int:
    from bomenplan.services import work_orders

    on = parse_day(args.datum)
    uow = uow_factory(args.db)
    order = work_orders.get_work_order(uow(), args.id)
    done = work_orders.close_work_order(uow(), order, on, args.opmerking, user=args.user)
    print(f"werkorder {done.id} gereed op {on:%d-%m-%Y}", file=sys.stdout)
    return 0
