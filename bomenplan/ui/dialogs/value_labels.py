"""Dutch labels for the domain's value codes (the domain returns codes; the UI words them)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

_SPECIAL = {">= 24 m": "\u2265 24 m"}

FIELD_LABELS = {
    "boomnummer": "Boomnummer", "species_name": "Soort", "plantjaar": "Plantjaar",
    "hoogteklasse": "Hoogteklasse", "stamdiameter_cm": "Stamdiameter (cm)",
    "kroondiameter_m": "Kroondiameter (m)", "boomveiligheidsklasse": "Boomveiligheidsklasse",
    "beheertype": "Beheertype", "status": "Status", "beleidsstatus": "Beleidsstatus",
    "boomgroep": "Boomgroep", "omgevingsrisicoklasse": "Omgevingsrisicoklasse",
    "eigenaar": "Eigenaar", "beheerder": "Beheerder", "straat": "Straat",
    "wijk": "Wijk", "buurt": "Buurt", "verplantbaar": "Verplantbaar", "opmerkingen": "Opmerkingen",
    "nvtb_waarde_eur": "NVTB-waarde (€)",
    "positie": "Positie", "soort": "Soort", "controle": "Controle",
    "controle verwijderd": "Controle verwijderd", "aangemaakt": "Aangemaakt",
    "aanmaak ongedaan": "Aanmaak ongedaan", "herplant": "Herplant",
}


def value_label(value: Enum | str) -> str:
    code = value.value if isinstance(value, Enum) else str(value)
    text = _SPECIAL.get(code, code[:1].upper() + code[1:])
    return QCoreApplication.translate("values", text)


def value_labels(values) -> str:
    """Several codes as one comma-separated Dutch text (e.g. a complaint's categories)."""
    return ", ".join(value_label(v) for v in values)


def field_label(name: str) -> str:
    return QCoreApplication.translate("fields", FIELD_LABELS.get(name, name))


def fill_enum_combo(combo: QComboBox, enum_type: type[Enum]) -> None:
    """Items show Dutch labels and carry the code as item data (Qt turns StrEnums into str)."""
    combo.clear()
    for member in enum_type:
        combo.addItem(value_label(member), member.value)


def select_enum(combo: QComboBox, member: Enum) -> None:
    code = member.value if isinstance(member, Enum) else member
    combo.setCurrentIndex(max(0, combo.findData(code)))


def selected_enum(combo: QComboBox, enum_type: type[Enum]):
    """The chosen member (not its code); None for an item whose data is None ("alle", "onbekend")."""
    code = combo.currentData()
    return None if code is None else enum_type(code)
