"""Extract the app's texts into resources/i18n/bomenplan_nl.ts and compile bomenplan_nl.qm.

The source texts are already Dutch, so each translation is its source text (marked finished);
a translator can refine wording in the .ts (Qt Linguist) and run this again — refined
translations are kept. Run from the repository root: python3 tools/update_translations.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "bomenplan_nl.ts"
# Texts counted with tr(text, "", n): the singular and plural Dutch form.
PLURALS = {
    "%n foto('s)": ("%n foto", "%n foto's"),
    "%n boom/bomen gekoppeld": ("%n boom gekoppeld", "%n bomen gekoppeld"),
    "Persoonsgegevens van %n melder(s) gewist.": ("Persoonsgegevens van %n melder gewist.",
                                                   "Persoonsgegevens van %n melders gewist."),
}


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "bomenplan").rglob("*.py"))
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False) as listing:
        listing.write("\n".join(sources))
    subprocess.run(["pyside6-lupdate", "-extensions", "py", f"@{listing.name}",
                    "-source-language", "nl_NL", "-target-language", "nl_NL", "-no-obsolete",
                    "-locations", "none", "-ts", str(TS)], check=True)
    tree = ET.parse(TS)
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation.get("type") != "unfinished":
            continue  # finished by hand: keep
        source = message.findtext("source")
        if message.get("numerus") == "yes":  # Dutch: one form for 1, one for the rest
            forms = PLURALS.get(source)
            if forms is None:
                continue  # left unfinished: add its forms to PLURALS
            for child in list(translation):
                translation.remove(child)
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
            translation.text = None
        else:
            translation.text = source
        del translation.attrib["type"]
    text = ET.tostring(tree.getroot(), encoding="unicode")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + text + "\n",
                  encoding="utf-8")
    subprocess.run(["pyside6-lrelease", str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
