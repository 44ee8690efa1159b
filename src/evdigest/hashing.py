"""Bytes of a value for hashing: equal values give equal bytes, whichever objects they share."""

from __future__ import annotations

import io
import pickle
from typing import Any

__all__ = ["value_bytes"]


def value_bytes(value: Any) -> bytes:
    """A pickle of ``value`` that depends on its values only, not on which objects it shares
    (the memo is off: nothing is written as a back-reference). ``value`` must hold no cycles."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True
    pickler.dump(value)
    return buffer.getvalue()
