"""`bomenplan import --update / --dry-run / --key / --duplicates-as-new / --lege-cel-wist`."""

from __future__ import annotations

from bomenplan.services.importing.store import ImportMode
from bomenplan.services.importing.update import KEY_FIELDS
from bomenplan.services.user_profile import current_user_name


def add_update_arguments(parser) -> None:
    parser.add_argument("--update", action="store_true",
                        help="werk bestaande bomen bij (koppelen op --key); nieuwe nummers worden "
                             "toegevoegd, bomen die niet in het bestand staan blijven staan")
    parser.add_argument("--dry-run", action="store_true",
                        help="toon alleen wat er zou gebeuren (nieuw / gewijzigd / ongewijzigd / "
                             "dubbel / niet in bestand); er wordt niets opgeslagen")
    parser.add_argument("--key", default="boomnummer", choices=KEY_FIELDS,
                        help="veld waarop bomen worden gekoppeld (standaard: boomnummer)")
    parser.add_argument("--duplicates-as-new", action="store_true",
                        help="dubbele nummers (in het bestand, of zonder --update al in het "
                             "register) toch als aparte bomen toevoegen")
    parser.add_argument("--lege-cel-wist", dest="clear_empty", action="store_true",
                        help="bij --update wist een lege cel de opgeslagen waarde (standaard: een "
                             "lege cel laat de waarde staan; '<leeg>' in een cel wist altijd)")


def import_mode(args) -> ImportMode:
    return ImportMode(update=args.update, dry_run=args.dry_run, key=args.key,
                      duplicates_as_new=args.duplicates_as_new, clear_empty=args.clear_empty,
                      user=current_user_name())
