"""§2 Dutch throughout: Qt's own buttons, plural forms from the app's .qm, decimal comma."""

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtWidgets import QDialogButtonBox

from bomenplan.ui.application import I18N


def test_qt_standard_buttons_read_dutch(qtbot):
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    texts = {b.text().replace("&", "") for b in buttons.buttons()}
    assert texts == {"Annuleren", "Sluiten"}


def test_the_apps_own_translations_are_shipped_and_give_plural_forms():
    assert (I18N / "bomenplan_nl.ts").is_file() and (I18N / "bomenplan_nl.qm").is_file()
    one = QCoreApplication.translate("ComplaintIntakeDialog", "%n boom/bomen gekoppeld", "", 1)
    two = QCoreApplication.translate("ComplaintIntakeDialog", "%n boom/bomen gekoppeld", "", 2)
    assert (one, two) == ("1 boom gekoppeld", "2 bomen gekoppeld")


def test_default_locale_writes_a_decimal_comma_and_day_month_year():
    locale = QLocale()
    assert locale.toString(1.5, "f", 1) == "1,5"
    assert locale.toString(12345) == "12.345"
    assert locale.toString(QDate(2026, 3, 7), "dd-MM-yyyy") == "07-03-2026"
