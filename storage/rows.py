"""Rows into pydantic models: how a stored column becomes a field, in one place."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, TypeVar

from pydantic import BaseModel

from storage.timestamps import from_db

__all__ = ["model_from_row"]

M = TypeVar("M", bound=BaseModel)

_INSTANTS: tuple[object, ...] = (datetime, datetime | None)


def model_from_row(model: type[M], row: Mapping[str, Any]) -> M:
    """`model` built from a `SELECT *` row: one column per field (other columns are ignored),
    stored instants read with `timestamps.from_db`, 0/1 flags made bools."""
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        value = row[name]
        if value is not None and info.annotation in _INSTANTS:
            value = from_db(value)
        elif info.annotation is bool:
            value = bool(value)
        values[name] = value
    return model(**values)
