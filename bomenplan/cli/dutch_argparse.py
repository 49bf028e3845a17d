"""argparse with its usage errors as one Dutch line (`fout: …`, exit code 2) instead of
English usage text; subcommand parsers inherit the class."""

from __future__ import annotations

import argparse
import re

_TRANSLATIONS = (
    (r"the following arguments are required: (.*)", r"ontbreekt: \1"),
    (r"unrecognized arguments: (.*)", r"onbekende opties: \1"),
    (r"argument (.*?): invalid choice: (.*?) \(choose from (.*)\)",
     r"\1: ongeldige keuze \2 (kies uit \3)"),
    (r"argument (.*?): expected one argument", r"\1: verwacht één waarde"),
    (r"argument (.*?): expected at least one argument", r"\1: verwacht minstens één waarde"),
    (r"argument (.*?): invalid (\S+) value: (.*)", r"\1: ongeldige waarde \3"),
    (r"argument (.*?): not allowed with argument (.*)", r"\1: niet samen met \2"),
)


def dutch_message(message: str) -> str:
    for pattern, replacement in _TRANSLATIONS:
        message = re.sub(pattern, replacement, message)
    return re.sub(r"^command: ", "opdracht: ", message)


class DutchArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):
        self.exit(2, f"fout: {self.prog}: {dutch_message(message)} (zie {self.prog} --help)\n")
