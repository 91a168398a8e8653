"""The errors pqlkit raises, all rooted at :class:`PqlError`.

The tree::

    PqlError                      anything pqlkit reports to a user (the CLI prints it, exit 1)
    ├── ConfigError               a bad option, URL or argument
    ├── StoreError                the store cannot be opened, migrated or written
    │   ├── StoreBusyError        another process (a running `pql serve`) owns the embedded file
    │   └── LogError              the ingest server's log cannot be opened, written or read
    ├── ServerApiError            a running `pql serve` refused an admin request (carries the status)
    ├── CrmReadError              a CRM could not be read back (`pql crm sync`; names the destination)
    ├── InputError                an input file cannot be read at all (missing, wrong format)
    │   └── EventValidationError  one event breaks the Segment spec or a limit (carries the field)
    └── SimulationError           the simulator was given an impossible configuration

Errors carry their context (path, line, field) so messages name what to fix; no error message
needs a traceback to be understood.
"""

from __future__ import annotations


class PqlError(Exception):
    """Root of every error pqlkit reports to a user."""


class ConfigError(PqlError):
    """An option, URL or argument that cannot work."""


class StoreError(PqlError):
    """The store cannot be opened, migrated or written."""


class StoreBusyError(StoreError):
    """The embedded store is owned by another process, usually a running `pql serve`."""

    def __init__(self, path: str, owner: str | None = None) -> None:
        self.path = path
        self.owner = owner
        where = f" by {owner}" if owner else " by another process"
        super().__init__(
            f"the store {path} is in use{where}. DuckDB lets one process open the file at a time: "
            "stop that process, or run this command against the running server "
            "(commands that support it find the server through the lock file beside the store)."
        )


class LogError(StoreError):
    """The ingest server's durable log cannot be opened, written or read."""


class ServerApiError(PqlError):
    """A running server answered an admin request with an error."""

    def __init__(self, status: int, message: str) -> None:
        self.status = status
        super().__init__(message)


class CrmReadError(PqlError):
    """A CRM's activities or owners could not be read back; nothing of the sync was stored."""


class InputError(PqlError):
    """An input file that cannot be read at all."""


class EventValidationError(PqlError):
    """One event that breaks the Segment spec or one of its limits."""

    def __init__(self, message: str, field: str | None = None) -> None:
        self.field = field
        super().__init__(f"{field}: {message}" if field else message)


class SimulationError(PqlError):
    """An impossible simulator configuration."""
