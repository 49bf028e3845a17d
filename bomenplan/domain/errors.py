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
    """The row was changed by someone else since it was read (optimistic locking)."""


class StorageUnavailableError(BomenplanError):
    """The database could not be read or written (connection lost, disk, driver error); nothing
    of the operation was stored."""


class StorageBusyError(StorageUnavailableError):
    """The database is busy with another write (e.g. an import); trying again later may work."""


class Cancelled(BomenplanError):
    """A long operation was cancelled by the user."""


class BomenplanWarning(UserWarning):
    """Warnings of the project itself; tests turn them into errors."""
