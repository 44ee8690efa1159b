"""The package's exceptions: one small hierarchy, each carrying where the problem is."""

from __future__ import annotations

from collections.abc import Sequence


class EvdigestError(Exception):
    """Base class of every error evdigest raises on purpose."""


class ConfigError(EvdigestError):
    """A configuration file or option is wrong; the message names the key."""


class SourceError(EvdigestError):
    """A source text cannot be read or parsed.

    ``str(err)`` is ``file:line: message`` so that editors and CI logs can jump to it.
    """

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}:1"
        return f"{where}: {self.message}"


class ParseError(SourceError):
    """A source was recognised (or tried) but its text does not have the expected shape."""


class EditorialError(SourceError):
    """An editorial override file is malformed or does not fit the schema.

    ``more`` holds the file's other problems, each an error of its own line, so that all are told at once.
    """

    def __init__(self, path: str, line: int | None, message: str, more: Sequence[EditorialError] = ()) -> None:
        super().__init__(path, line, message)
        self.more = tuple(more)


class BuildError(EvdigestError):
    """Rendering or writing the output failed; nothing was published."""


class FontError(BuildError):
    """A font needed for the PDFs is missing or the wrong face would be used."""
