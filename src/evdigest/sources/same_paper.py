"""Whether a source without a DOI is the same paper as a source giving one.

Sources without a DOI are merged with each other by their identity (:func:`evdigest.sources.slug.identity`).
A copy of a paper pasted without its DOI must also be known as the same paper as the copy that gives it, but
more strictly than by identity, which keeps only the pinyin of the first author's family name and one title:
two papers of the same year by 刘悦 and 柳青, both titled "迁移体研究进展" (a common Chinese title), would be
one.  So every part both sources give must agree: the first author's name
(:func:`~evdigest.sources.same_author.same_first_author`), the year, the title in each language both give
(at least one), and the journal when both name it comparably
(:func:`~evdigest.sources.same_journal.journals_clash`).
"""

from __future__ import annotations

from ..model import Entry
from .same_author import same_first_author
from .same_journal import journals_clash
from .slug import comparable


def same_paper(a: Entry, b: Entry) -> bool | None:
    """``True`` when ``a`` and ``b`` are the same paper, ``False`` when some part they both give differs,
    ``None`` when nothing differs but they give no title in the same language, so cannot be told the same."""
    if a.year != b.year or not same_first_author(a, b) or journals_clash(a.journal, b.journal):
        return False
    shared = 0
    for title_a, title_b in ((a.title.en, b.title.en), (a.title.zh, b.title.zh)):
        folded_a, folded_b = comparable(title_a or ""), comparable(title_b or "")
        if folded_a and folded_b:
            if folded_a != folded_b:
                return False
            shared += 1
    return True if shared else None
