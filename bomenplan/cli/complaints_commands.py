"""`bomenplan complaints …`: batch triage of a backlog, response letters, purging personal data."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from bomenplan.cli.context import add_db_argument, uow_factory
from bomenplan.domain.errors import BomenplanError, NotFound
from bomenplan.reports.complaint_letter import write_letter
from bomenplan.services import complaint_backlog, complaints

TRIAGE_HELP = """\
Invoer (CSV met kopregel, ',' of ';' als scheidingsteken, decimale komma toegestaan):
  id                         uw nummer van de melding (verplicht)
  category                   categorie; meerdere met '|', bijv.
                             "takken tegen gevel of dak|zonnepanelen"; mag leeg zijn
  text                       vrije tekst van de melding; daaruit worden feiten en
                             categorieën afgeleid (bijv. "dode tak", "tegen de gevel",
                             "wortels drukken de stoep omhoog", "spinsel", soortnamen)
  boomnummer                 boom in het register (de feiten worden dan aangevuld), of:
  eigenaar                   gemeente / particulier / anders
  soort                      boomsoort
  afstand_gevel_m            afstand van de takken tot gevel of dak (m)
  stamdiameter_cm            stamdiameter (cm)
  vrije_doorrijhoogte_over   rijbaan / fietspad / voetpad
  vrije_doorrijhoogte_m      gemeten vrije hoogte (m)
  locatie                    vrije tekst over de plek
  datum, dood_hout           optioneel: JJJJ-MM-DD; ja/nee
Categorieën: {categories}.
Uitvoer per id: besluit, reden, maatregel, maatregel_tekst, bron, criteriaversie, route,
urgent, feiten_uit_tekst (welke woorden tot welk feit leidden).
Foute regels worden gemeld met regelnummer en veld; de goede regels worden wel beoordeeld.
"""


def add_commands(subparsers) -> None:
    from bomenplan.domain.complaints import ComplaintCategory

    group = subparsers.add_parser("complaints", help="meldingen over bomen")
    sub = group.add_subparsers(dest="complaints_command")

    triage = sub.add_parser(
        "triage", help="beoordeel een achterstand aan meldingen met de geldende criteria",
        description=TRIAGE_HELP.format(categories=", ".join(c.value for c in ComplaintCategory)),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    add_db_argument(triage)
    triage.add_argument("--in", dest="source", required=True, help="meldingen (CSV)")
    triage.add_argument("--out", required=True, help="besluiten (CSV)")
    triage.set_defaults(func=run_triage)

    letter = sub.add_parser("letter", help="schrijf de antwoordbrief van een melding (PDF)")
    add_db_argument(letter)
    letter.add_argument("--id", type=int, required=True, help="nummer van de melding")
    letter.add_argument("--out", required=True, help="PDF-bestand")
    letter.add_argument("--handler", default="", help="naam van de behandelaar (ondertekening)")
    letter.set_defaults(func=run_letter)

    purge = sub.add_parser("purge", help="wis persoonsgegevens van melders na de bewaartermijn")
    add_db_argument(purge)
    purge.add_argument("--today", type=date.fromisoformat, default=None,
                       help="peildatum JJJJ-MM-DD (standaard: vandaag)")
    purge.set_defaults(func=run_purge)
    group.set_defaults(func=lambda _args: (group.print_help(), 2)[1])


def run_triage(args) -> int:
    source = Path(args.source)
    if not source.is_file():
        print(f"bestand niet gevonden: {source}", file=sys.stderr)
        return 2
    try:
        written, errors = complaint_backlog.triage_backlog(uow_factory(args.db)(), source,
                                                           Path(args.out))
    except (BomenplanError, OSError, UnicodeDecodeError) as exc:
        print(f"{source}: {exc}", file=sys.stderr)
        return 2
    for error in errors:
        print(f"{source}: {error}", file=sys.stderr)
    print(f"{written} meldingen beoordeeld, {len(errors)} afgewezen → {args.out}")
    return 1 if errors else 0


def run_letter(args) -> int:
    try:
        content = complaints.letter_content(uow_factory(args.db)(), args.id, handler=args.handler)
        write_letter(content, Path(args.out))
    except NotFound as exc:  # "melding 99 bestaat niet", not "melding 99: melding 99"
        print(f"fout: {exc}", file=sys.stderr)
        return 1
    except (BomenplanError, OSError) as exc:
        print(f"melding {args.id}: {exc}", file=sys.stderr)
        return 1
    print(f"brief geschreven: {args.out}")
    return 0


def run_purge(args) -> int:
    count = complaints.purge_personal_data(uow_factory(args.db)(), today=args.today)
    print(f"persoonsgegevens van {count} melders gewist")
    return 0
