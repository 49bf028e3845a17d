"""`bomenplan audit`: the change log (who, when, what, old → new) per tree, user or period, as CSV."""

from __future__ import annotations

from bomenplan.cli.context import add_db_argument, parse_day, uow_factory


def add_commands(subparsers) -> None:
    audit = subparsers.add_parser("audit", help="wijzigingslogboek als CSV (per boom, gebruiker, "
                                                "periode)")
    add_db_argument(audit)
    audit.add_argument("--boom", type=int, help="alleen wijzigingen van deze boom (id)")
    audit.add_argument("--object", default="", help="alleen dit soort object (tree, melding, laan, …)")
    audit.add_argument("--gebruiker", dest="filter_user", default="",
                       help="alleen wijzigingen door deze gebruiker")
    audit.add_argument("--van", help="vanaf deze datum JJJJ-MM-DD")
    audit.add_argument("--tot", help="tot en met deze datum JJJJ-MM-DD")
    audit.add_argument("--out", required=True, help="log.csv")
    audit.set_defaults(func=run_audit)


def run_audit(args) -> int:
    from bomenplan.services.audit import audit_entries, export_audit_csv

    entries = audit_entries(uow_factory(args.db)(), entity=args.object, user=args.filter_user,
                            since=parse_day(args.van) if args.van else None,
                            until=parse_day(args.tot) if args.tot else None, tree=args.boom)
    count = export_audit_csv(entries, args.out)
    print(f"{count} wijzigingen geschreven naar {args.out}")
    return 0
