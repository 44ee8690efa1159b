"""A journal full text posted at ChinaXiv: its landing page and the month it was posted."""

from __future__ import annotations

import dataclasses

from ..model import Dates, Link, Posting, Warning
from ..preprints import named_preprint, printed_preprint
from .fulltext_text import Line


def read_preprint(
    lines: list[Line], path: str, dates: Dates, warnings: list[Warning]
) -> tuple[Dates, Link | None, Posting | None]:
    """``dates``, the landing page (labelled ``ChinaXiv:201712.00265V1``) and the posting of a text posted at
    ChinaXiv; the month its identifier tells (``2017-12``) is its online date when it prints none.

    The identifier is read from the front matter ``lines`` (the stamp ChinaXiv prints on its pages, a link to
    its page), else from the name of the file at ``path`` (``ChinaXiv-201712.00265V1.md``), with a warning.
    A text naming no identifier gets ``(dates, None, None)``.
    """
    found = next((p for p in map(printed_preprint, (line.text for line in lines)) if p), None)
    if found is None:
        found = named_preprint(path)
        if found is None:
            return dates, None, None
        warnings.append(
            Warning("urls", "no ChinaXiv identifier printed: the one in the file name is used", (found.label,))
        )
    if dates.online is None:
        dates = dataclasses.replace(dates, online=found.posted)
    return dates, Link(rel="landing", url=found.url, label=found.label), found.posting()
