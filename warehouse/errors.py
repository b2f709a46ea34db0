"""Errors the warehouse raises, with messages meant for a person."""
from __future__ import annotations


class WarehouseError(Exception):
    """Base class for warehouse errors."""


class WarehouseBusy(WarehouseError):
    """Another process holds the warehouse file open for writing."""

    def __init__(self, path: str, detail: str = "") -> None:
        holder = ""
        if "PID" in detail:
            holder = " (held by process " + detail.split("PID", 1)[1].strip(" )").split()[0] + ")"
        super().__init__(
            f"warehouse is busy: {path} is open in another process{holder}, "
            "probably another `ofsted-mine ingest`. Wait for it to finish, or use another --db."
        )


class MigrationError(WarehouseError):
    """A migration could not be applied, or an applied one was edited."""
