"""Hashing helpers shared by the build and the renderers: bytes of a value for hashing, and files
named by the hash of their bytes."""

from __future__ import annotations

import io
import pickle
from dataclasses import dataclass
from typing import Any

__all__ = ["StoredFile", "value_bytes"]


@dataclass(frozen=True, slots=True)
class StoredFile:
    """A file whose bytes the build's blob store already holds, named by their SHA-256 (a renderer hands
    this instead of the bytes for a file it kept from the last build)."""

    sha: str


def value_bytes(value: Any) -> bytes:
    """A pickle of ``value`` that depends on its values only, not on which objects it shares
    (the memo is off: nothing is written as a back-reference). ``value`` must hold no cycles."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True
    pickler.dump(value)
    return buffer.getvalue()
