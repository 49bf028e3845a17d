"""Domain exceptions and warnings."""


class BomenplanError(Exception):
    """Base for every error the domain raises."""


class ValidationError(BomenplanError):
    """A value does not satisfy a domain rule; `field` names the offending field."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class NotFound(BomenplanError):
    """A requested entity does not exist."""


class ConcurrentEditError(BomenplanError):
    """The row was changed by someone else since it was read (optimistic locking). Where known it
    names the entity ("tree", "standplaats", "laan" …), its id and the version the editor expected
    against the version now stored, so the UI can show what changed (services/edit_conflicts.py)."""

    def __init__(self, message: str = "", entity: str | None = None, entity_id: int | None = None,
                 expected_version: int | None = None, current_version: int | None = None):
        super().__init__(message)
        self.entity = entity
        self.entity_id = entity_id
        self.expected_version = expected_version
        self.current_version = current_version


class StorageUnavailableError(BomenplanError):
    """The database could not be read or written (connection lost, disk, driver error); nothing
    of the operation was stored."""


class StorageBusyError(StorageUnavailableError):
    """The database is busy with another write (e.g. an import); trying again later may work."""


class Cancelled(BomenplanError):
    """A long operation was cancelled by the user."""


class BomenplanWarning(UserWarning):
    """Warnings of the project itself; tests turn them into errors."""
