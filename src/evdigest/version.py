"""What identifies this build of the code: the package version and a hash of the package's files.

Outputs kept in the build cache are reused only by the same code, so that a checkout
updated without a new version number still rebuilds what its changes touch.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from . import __version__

PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_version() -> str:
    """``<version>+<hash>``: the hash covers every file of the package but compiled bytecode."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo"):
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return f"{__version__}+{digest.hexdigest()[:16]}"
