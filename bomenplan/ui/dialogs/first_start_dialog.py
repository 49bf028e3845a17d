"""First start on an empty register: open the demo municipality in its own file, begin with an
empty register, or import a file. Nothing fictional is ever written into the user's register."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from bomenplan.services.demo import demo_is_needed
from bomenplan.ui.workers import FunctionRunnable, serial_pool

# open_demo(progress) creates (when needed) and opens the demo file: (uow factory, window title)
DemoOpener = Callable[[Callable[[float], None]], tuple[Callable, str]]


def _tr(text: str) -> str:
    return QCoreApplication.translate("FirstStartDialog", text)


class FirstStart(Enum):
    DEMO = "demo"
    EMPTY = "empty"
    IMPORT = "import"


class FirstStartDialog(QDialog):
    """Three big buttons; closing the dialog means "empty register"."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welkom bij Bomenplan"))
        self.choice = FirstStart.EMPTY
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Dit register is nog leeg. Hoe wilt u beginnen?"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.buttons: dict[FirstStart, QCommandLinkButton] = {}
        for choice, text, note in (
            (FirstStart.DEMO, self.tr("Demogemeente openen (in een eigen bestand)"),
             self.tr("Bomenstad: een verzonnen gemeente om mee te oefenen. Uw eigen register "
                     "blijft leeg.")),
            (FirstStart.EMPTY, self.tr("Leeg register beginnen"),
             self.tr("Bomen voegt u later toe of importeert u via Bestand \u2192 Importeren.")),
            (FirstStart.IMPORT, self.tr("Bestand importeren\u2026"),
             self.tr("Uw eigen bomenbestand (CSV, GeoPackage, GeoJSON) in dit register.")),
        ):
            button = QCommandLinkButton(text, note)
            button.clicked.connect(lambda _=False, c=choice: self.choose(c))
            layout.addWidget(button)
            self.buttons[choice] = button

    def choose(self, choice: FirstStart) -> None:
        self.choice = choice
        self.accept()


def ask_first_start() -> FirstStart:
    dialog = FirstStartDialog()
    dialog.exec()
    return dialog.choice


def run_with_progress(work: Callable[[Callable[[float], None]], object], label: str):
    """Run `work(progress)` in a pool thread behind a modal progress dialog; return its result
    (or raise its exception) on the GUI thread."""
    pool = serial_pool()
    task = FunctionRunnable(lambda progress, _cancelled: work(progress))
    dialog = QProgressDialog(label, "", 0, 100)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(300)
    outcome: dict = {}
    loop = QEventLoop()
    task.signals.progress.connect(lambda f: dialog.setValue(int(f * 100)))
    task.signals.finished.connect(lambda result: (outcome.update(result=result), loop.quit()))
    task.signals.failed.connect(lambda exc: (outcome.update(error=exc), loop.quit()))
    pool.start(task)
    loop.exec()
    pool.waitForDone()
    dialog.close()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def first_start(uow_factory: Callable, title: str, open_demo: DemoOpener | None,
                ask: Callable[[], FirstStart] | None = None
                ) -> tuple[Callable, str, FirstStart | None]:
    """On an empty register, ask how to begin; returns the register to open (the demo file's
    for DEMO), its title, and the choice (None when the register was not empty)."""
    if open_demo is None or not demo_is_needed(uow_factory()):
        return uow_factory, title, None
    choice = (ask or ask_first_start)()
    if choice is FirstStart.DEMO:
        try:
            factory, demo_title = run_with_progress(
                open_demo, _tr("Demogemeente maken\u2026"))
        except Exception as exc:  # noqa: BLE001 — shown to the user; the register stays empty
            QMessageBox.warning(None, _tr("Demogemeente"),
                                _tr("De demogemeente kon niet worden geopend: {0}").format(exc))
            return uow_factory, title, FirstStart.EMPTY
        return factory, demo_title, choice
    return uow_factory, title, choice
