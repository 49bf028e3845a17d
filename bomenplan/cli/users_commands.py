"""`bomenplan users add|list|role|deactivate`: who may change what in a register (issue 15 §3).
Once a register has users, only a beheerder may do this (as `bomenplan --gebruiker NAAM …` or
with BOMENPLAN_USER); the first user added becomes beheerder."""

from __future__ import annotations

from bomenplan.cli.context import add_db_argument, uow_factory
from bomenplan.domain.roles import Role, parse_role


def add_commands(subparsers) -> None:
    group = subparsers.add_parser("users", help="gebruikers en hun rol (boomspecialist, planner, "
                                                "klachtbehandelaar, beheerder)")
    sub = group.add_subparsers(dest="users_command")
    roles = ", ".join(r.value for r in Role)

    add = sub.add_parser("add", help="voeg een gebruiker toe (de eerste wordt beheerder)")
    add_db_argument(add)
    add.add_argument("name", metavar="NAAM", help="inlognaam (zoals in het gebruikersprofiel)")
    add.add_argument("--rol", required=True, help=f"een van: {roles}")
    add.set_defaults(func=run_add)

    listing = sub.add_parser("list", help="toon alle gebruikers met rol en status")
    add_db_argument(listing)
    listing.set_defaults(func=run_list)

    role = sub.add_parser("role", help="geef een gebruiker een andere rol")
    add_db_argument(role)
    role.add_argument("name", metavar="NAAM")
    role.add_argument("role", metavar="ROL", help=f"een van: {roles}")
    role.set_defaults(func=run_role)

    off = sub.add_parser("deactivate", help="zet een gebruiker op non-actief (nooit verwijderd)")
    add_db_argument(off)
    off.add_argument("name", metavar="NAAM")
    off.set_defaults(func=run_deactivate)
    group.set_defaults(func=lambda _args: (group.print_help(), 2)[1])


def run_add(args) -> int:
    from bomenplan.services.authorization import login_of
    from bomenplan.services.users import add_user

    factory = uow_factory(args.db)
    user = add_user(factory(), args.name, parse_role(args.rol))
    print(f"gebruiker {user.name} toegevoegd met rol {user.role}")
    if user.role is not parse_role(args.rol):
        print(f"  (de eerste gebruiker van een register wordt beheerder; rol {args.rol} kan "
              "daarna met 'users role' worden gegeven)")
    me = login_of(factory())
    if me.casefold() != user.name.casefold() and user.role is Role.BEHEERDER:
        print(f"  let op: u werkt als '{me}'; die gebruiker mag nu alleen lezen tot hij is "
              "toegevoegd")
    return 0


def run_list(args) -> int:
    from bomenplan.services.users import list_users

    users = list_users(uow_factory(args.db)())
    if not users:
        print("nog geen gebruikers: iedereen die dit register opent is beheerder")
    for user in users:
        print(f"{user.name}\t{user.role}\t{'actief' if user.active else 'gedeactiveerd'}")
    return 0


def run_role(args) -> int:
    from bomenplan.services.users import change_role

    user = change_role(uow_factory(args.db)(), args.name, parse_role(args.role))
    print(f"gebruiker {user.name} heeft nu rol {user.role}")
    return 0


def run_deactivate(args) -> int:
    from bomenplan.services.users import deactivate_user

    user = deactivate_user(uow_factory(args.db)(), args.name)
    print(f"gebruiker {user.name} is gedeactiveerd (blijft in het wijzigingslogboek)")
    return 0
