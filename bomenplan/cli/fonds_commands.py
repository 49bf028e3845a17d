"""`bomenplan fonds boeking|plicht|plichten`: book into the transplantiefonds, record and list
herplantplichten. (`fonds statement` is in bomenbank_commands.)"""

from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal
from pathlib import Path

from bomenplan.cli.context import add_db_argument, fail, uow_factory
from bomenplan.domain.bomenbank import euros
from bomenplan.domain.errors import BomenplanError
from bomenplan.domain.fund_ledger import (
    EntryKind,
    LedgerEntry,
    Obligation,
    VvogFactors,
    compensation,
)
from bomenplan.reports.bomenbank_lists import write_obligations
from bomenplan.services import fund
from bomenplan.services.csv_output import write_csv

KINDS = {"compensatie": EntryKind.COMPENSATIE, "afkoop": EntryKind.AFKOOP, "budget": EntryKind.BUDGET,
         "verplanting": EntryKind.VERPLANTING, "aankoop": EntryKind.AANKOOP}


def add_fonds_commands(fsub) -> None:
    book = fsub.add_parser("boeking", help="boek een storting of onttrekking (bedrag in euro, bijv. 1.234,56)")
    add_db_argument(book)
    book.add_argument("--soort", required=True, choices=sorted(KINDS))
    book.add_argument("--datum", type=date.fromisoformat, default=None, help="JJJJ-MM-DD (standaard vandaag)")
    book.add_argument("--bedrag", help="bedrag in euro; bij compensatie ook --nvtb of --omtrek")
    book.add_argument("--nvtb", help="compensatie: getaxeerde NVTB-waarde in euro")
    book.add_argument("--omtrek", type=float, help="compensatie: stamomtrek in cm (VVOG-formule)")
    book.add_argument("--eenheidsprijs", help="VVOG: euro per cm² stamdoorsnede")
    for name, help_text in (("standplaats", "0,6–1,0"), ("conditie", "0–1"), ("plantvorm", "1 solitair / 0,8 rij"),
                            ("meerwaarde", "1–2,5"), ("soortfactor", "soortfactor")):
        book.add_argument(f"--{name}", default="1", help=f"VVOG: {help_text}")
    book.add_argument("--omschrijving", default="")
    book.add_argument("--boom-id", type=int, default=None, help="gekapte of geplante registerboom")
    book.set_defaults(func=run_book)
    duty = fsub.add_parser("plicht", help="leg een herplantplicht vast (binnen 3 jaar na kap, Bal art. 11.129)")
    add_db_argument(duty)
    duty.add_argument("--gekapt", type=date.fromisoformat, required=True, help="kapdatum JJJJ-MM-DD")
    duty.add_argument("--locatie", required=True)
    duty.add_argument("--bomen", type=int, required=True, help="aantal te herplanten bomen")
    duty.set_defaults(func=run_duty)
    duties = fsub.add_parser("plichten", help="lijst herplantplichten, te late gemarkeerd (.pdf of .csv)")
    add_db_argument(duties)
    duties.add_argument("--out", required=True)
    duties.set_defaults(func=run_duties)


def _factor(text: str) -> Decimal:
    return euros(text)  # same Dutch number parsing, two decimals


def run_book(args: argparse.Namespace) -> int:
    try:
        kind = KINDS[args.soort]
        if kind is EntryKind.COMPENSATIE and not args.bedrag:
            factors = None
            if args.eenheidsprijs:
                factors = VvogFactors(euros(args.eenheidsprijs), _factor(args.soortfactor),
                                      _factor(args.standplaats), _factor(args.conditie),
                                      _factor(args.plantvorm), _factor(args.meerwaarde))
            amount = compensation(args.omtrek, args.nvtb, factors)
        elif args.bedrag:
            amount = euros(args.bedrag)
        else:
            return fail("geef --bedrag (of bij compensatie --nvtb of --omtrek met --eenheidsprijs)", 2)
        stored = fund.add_entry(uow_factory(args.db)(), LedgerEntry(
            None, args.datum or date.today(), kind, amount, args.omschrijving, tree_id=args.boom_id))
    except BomenplanError as exc:
        return fail(exc)
    print(f"geboekt: {stored.datum} {stored.kind} {stored.amount} euro")
    return 0


def run_duty(args: argparse.Namespace) -> int:
    try:
        stored = fund.add_obligation(uow_factory(args.db)(), Obligation(None, args.gekapt, args.locatie, args.bomen))
    except BomenplanError as exc:
        return fail(exc)
    print(f"herplantplicht {stored.location}: {stored.n_trees} bomen uiterlijk {stored.due}")
    return 0


def run_duties(args: argparse.Namespace) -> int:
    duties, today = fund.obligations(uow_factory(args.db)()), date.today()
    suffix = Path(args.out).suffix.lower()
    if suffix == ".pdf":
        write_obligations(duties, today, Path(args.out))
    elif suffix == ".csv":
        write_csv(args.out, ("gekapt", "locatie", "bomen", "uiterlijk", "status", "afgehandeld", "te_laat"),
                  [(d.felled_on, d.location, d.n_trees, d.due, str(d.status), d.fulfilled_on or "",
                    "ja" if d.overdue(today) else "") for d in duties])
    else:
        return fail(f"{args.out}: kies een bestand dat eindigt op .csv of .pdf", 2)
    print(f"{len(duties)} herplantplichten, {sum(d.overdue(today) for d in duties)} te laat → {args.out}")
    return 0
