"""Undoable edits of the register (STYLE.md §6).

Each command holds plain, invertible data (before/after values), calls a service in both redo()
and undo(), and pushes the returned Tree into the table model through an EditContext. A service
error (someone else changed the tree, a rule was broken) is reported in Dutch and makes the
command obsolete, so the stack never claims a state the database does not have.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand
from shapely.geometry import Point

from bomenplan.domain.errors import BomenplanError, ConcurrentEditError
from bomenplan.domain.tree import Inspection, Tree
from bomenplan.domain.values import Boomveiligheidsklasse, TreeStatus
from bomenplan.services import edit_conflicts as ec
from bomenplan.services import register
from bomenplan.services.conflict_targets import tree_target, tree_values
from bomenplan.services.inspections import remove_inspection
from bomenplan.ui.dialogs.value_labels import field_label

MOVE_COMMAND_ID = 1001
EDIT_COMMAND_ID = 1002


def _tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


def _same(a, b) -> bool:
    if isinstance(a, Point) and isinstance(b, Point):
        return a.distance(b) < 1e-6
    return a == b


class EditContext(QObject):
    """What commands need from the window: storage, the table model, the user, feedback.

    `versions` holds the last tree version this session wrote or read, so an undo notices when
    someone else changed the tree meanwhile (optimistic locking). `aliases` maps the first id of
    a tree that was added, retracted and re-added to its current id. `resolve_conflict(conflict)`
    (the ConflictDialog) answers a form save that met a newer version; without it, it is reported.
    """

    tree_changed = Signal(int)  # any command touched this tree id (also removals)
    tree_stored = Signal(object)  # the Tree as stored after a command step
    error_reported = Signal(str)

    def __init__(self, uow_factory: Callable, tree_model, user: Callable[[], str] = lambda: "",
                 on_removed: Callable[[int], None] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.uow_factory = uow_factory
        self.tree_model = tree_model
        self.user = user
        self.on_removed = on_removed
        self.versions: dict[int, int] = {}
        self.aliases: dict[int, int] = {}
        self.resolve_conflict: Callable | None = None

    def current_id(self, tree_id: int) -> int:
        return self.aliases.get(tree_id, tree_id)

    def track(self, tree: Tree) -> None:
        self.versions[tree.id] = tree.version

    def stored(self, tree: Tree, added: bool = False) -> None:
        self.track(tree)
        if added:
            self.tree_model.add_tree(tree)
        else:
            self.tree_model.update_tree(tree)
        self.tree_stored.emit(tree)
        self.tree_changed.emit(tree.id)

    def removed(self, tree_id: int) -> None:
        self.versions.pop(tree_id, None)
        if self.on_removed is not None:
            self.on_removed(tree_id)
        self.tree_changed.emit(tree_id)


class TreeCommand(QUndoCommand):
    """Runs a step, catching service errors: they are reported and the command becomes obsolete."""

    def __init__(self, context: EditContext, tree_id: int | None, text: str):
        super().__init__(text)
        self.context = context
        self.tree_id = tree_id

    @property
    def current_tree_id(self) -> int | None:
        return None if self.tree_id is None else self.context.current_id(self.tree_id)

    def redo(self) -> None:
        self._guarded(self._redo)

    def undo(self) -> None:
        self._guarded(self._undo)

    def _guarded(self, step: Callable[[], None]) -> None:
        try:
            step()
        except ConcurrentEditError as exc:
            self.setObsolete(True)
            self.context.error_reported.emit(_tr(
                "Deze boom is intussen door iemand anders gewijzigd ({0}). "
                "Uw bewerking \u201c{1}\u201d is niet uitgevoerd; laad het register opnieuw.")
                .format(exc, self.text()))
        except BomenplanError as exc:
            self.setObsolete(True)
            self.context.error_reported.emit(
                _tr("\u201c{0}\u201d kon niet worden uitgevoerd: {1}").format(self.text(), exc))

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError

    def _first_save(self, base_tree: Tree, after: dict, reason: str = "") -> ec.SaveOutcome | None:
        """The first save of an edit: on a conflict ask (ConflictDialog) to reload or merge. None
        when nothing of mine was stored (the command is then obsolete; cancel keeps the form).
        After a merge, undo restores what was stored just before this save (the other's values)."""
        tree_id = self.context.current_id(self.tree_id)
        target = tree_target(self.context.uow_factory, tree_id, _tr("boom {0}").format(base_tree.boomnummer),
                             self.context.user(), reason)
        base = tree_values(base_tree)
        outcome = ec.save_resolving(self.context.uow_factory, target, base, {**base, **after},
                                    self.context.versions.get(tree_id, base_tree.version),
                                    self.context.resolve_conflict, self.context.user())
        if outcome.status != ec.CANCELLED:
            self.context.stored(outcome.stored)  # reload: the form shows theirs
        if outcome.status in (ec.CANCELLED, ec.RELOADED) or not outcome.after:
            self.setObsolete(True)
            return None
        self.merged = outcome.status == ec.MERGED  # a merged save is its own undo step
        return outcome

    def _update(self, changes: dict, reason: str = "", expect: dict | None = None) -> Tree:
        """Apply `changes`; with `expect`, first check the stored fields still hold those values
        (so an undo never silently overwrites someone else's later change of the same field)."""
        tree_id = self.context.current_id(self.tree_id)
        if expect:
            current = register.get_tree(self.context.uow_factory(), tree_id)
            changed = [k for k, v in expect.items() if not _same(getattr(current, k), v)]
            if changed:
                raise ConcurrentEditError(", ".join(changed))
        tree = register.update_tree(self.context.uow_factory(), tree_id, changes,
                                    expected_version=self.context.versions.get(tree_id),
                                    user=self.context.user(), reason=reason)
        self.context.stored(tree)
        return tree


def _undo_field_name(field: str) -> str:
    """The form's label in an undo text: 'Stamdiameter (cm)' → 'stamdiameter'."""
    return field_label(field).split(" (")[0].lower()


class EditTreeCommand(TreeCommand):
    """Field changes of one tree: `before` and `after` map field names to domain values."""

    def __init__(self, context: EditContext, tree: Tree, after: dict, reason: str = "",
                 text: str | None = None):
        changed = {k: v for k, v in after.items() if getattr(tree, k) != v}
        names = ", ".join(_undo_field_name(k) for k in changed)  # "stamdiameter", not the column
        super().__init__(context, tree.id, text or _tr("Boom {0}: {1} wijzigen").format(
            tree.boomnummer, names))
        context.track(tree)
        self.base_tree = tree  # what the editor started from: its first save merges against it
        self.before = {k: getattr(tree, k) for k in changed}
        self.after = changed
        self.reason = reason
        self.saved = self.merged = False

    def id(self) -> int:
        return EDIT_COMMAND_ID if type(self) is EditTreeCommand else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Consecutive edits of the same field(s) of one tree become one undo step."""
        if (type(other) is not EditTreeCommand or other.tree_id != self.tree_id or other.isObsolete()
                or other.merged or self.merged
                or set(other.after) != set(self.after) or other.reason != self.reason):
            return False
        self.after = other.after
        self.setObsolete(all(_same(self.before[k], v) for k, v in self.after.items()))
        return True

    def _redo(self) -> None:
        if self.saved or self.context.resolve_conflict is None:
            self._update(self.after, self.reason, expect=self.before)
        elif outcome := self._first_save(self.base_tree, self.after, self.reason):
            self.before, self.after = outcome.before, outcome.after
        self.saved = True

    def _undo(self) -> None:
        self._update(self.before, _tr("ongedaan gemaakt"), expect=self.after)


class ChangeStatusCommand(EditTreeCommand):
    """Kappen, stobbe, verplant, leeg plantvak: the tree stays in the register with a reason."""

    def __init__(self, context: EditContext, tree: Tree, status: TreeStatus, reason: str):
        super().__init__(context, tree, {"status": status}, reason,
                         _tr("Boom {0}: status {1}").format(tree.boomnummer, status.value))


class MoveTreeCommand(TreeCommand):
    """A new position (RD metres); consecutive moves of one tree merge into one undo step."""

    def __init__(self, context: EditContext, tree: Tree, x: float, y: float):
        super().__init__(context, tree.id, _tr("Boom {0} verplaatsen").format(tree.boomnummer))
        context.track(tree)
        self.base_tree = tree
        self.before = (tree.position.x, tree.position.y)
        self.after = (x, y)
        self.saved = self.merged = False

    def id(self) -> int:
        return MOVE_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (not isinstance(other, MoveTreeCommand) or other.tree_id != self.tree_id or other.isObsolete()
                or other.merged or self.merged):
            return False
        self.after = other.after
        return True

    def _redo(self) -> None:
        if self.saved or self.context.resolve_conflict is None:
            self._update({"position": Point(*self.after)}, expect={"position": Point(*self.before)})
        elif outcome := self._first_save(self.base_tree, {"position": Point(*self.after)}):
            self.before = (outcome.before["position"].x, outcome.before["position"].y)
        self.saved = True

    def _undo(self) -> None:
        self._update({"position": Point(*self.before)}, _tr("ongedaan gemaakt"),
                     expect={"position": Point(*self.after)})


class AddTreeCommand(TreeCommand):
    """A new tree on a new site. Undo retracts it (logged); redo adds it again."""

    def __init__(self, context: EditContext, draft: Tree):
        super().__init__(context, None, _tr("Nieuwe boom {0}").format(draft.boomnummer))
        self.draft = draft

    def _redo(self) -> None:
        tree = register.add_tree(self.context.uow_factory(), self.draft, user=self.context.user())
        if self.tree_id is None:
            self.tree_id = tree.id
        else:
            self.context.aliases[self.tree_id] = tree.id
        self.context.stored(tree, added=True)

    def _undo(self) -> None:
        tree_id = self.context.current_id(self.tree_id)
        register.retract_new_tree(self.context.uow_factory(), tree_id, user=self.context.user())
        self.context.removed(tree_id)


class RecordInspectionCommand(TreeCommand):
    """A boomveiligheidscontrole; undo removes it and restores the tree's previous class."""

    def __init__(self, context: EditContext, tree: Tree, inspection: Inspection):
        super().__init__(context, tree.id, _tr("Controle boom {0} ({1})").format(
            tree.boomnummer, inspection.datum.isoformat()))
        context.track(tree)
        self.inspection = inspection
        self.previous_klasse: Boomveiligheidsklasse = tree.boomveiligheidsklasse
        self.inspection_id: int | None = None

    def _redo(self) -> None:
        tree_id = self.context.current_id(self.tree_id)
        draft = replace(self.inspection, id=None, tree_id=tree_id)
        stored, tree = register.record_inspection(self.context.uow_factory(), draft,
                                                  user=self.context.user())
        self.inspection_id = stored.id
        self.context.stored(tree)

    def _undo(self) -> None:
        tree_id = self.context.current_id(self.tree_id)
        tree = remove_inspection(self.context.uow_factory(), self.inspection_id, self.previous_klasse,
                                 tree_id=tree_id, user=self.context.user(),
                                 expected_version=self.context.versions.get(tree_id))
        self.context.stored(tree)
