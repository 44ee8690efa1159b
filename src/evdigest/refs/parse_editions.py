"""A book's edition and volume printed among its title and publication.

An edition is printed numbered (``4th ed.``, ``(6th ed.)``, ``3rd edn``, GB/T 7714's ``第9版``) or worded (``Rev.
ed.``, ``Revised edition``, ``New ed.``, ``2nd rev. ed.``); a volume after a comma (``, Vol. I``, ``, vols. 5–7``).
Either may close the title's sentence after a comma (``The Price System, Rev. ed. New York: Holt, 1960.``, ``The
Money Market, Vol. I. New York: …``): taken out, it leaves the title as a sentence of its own. They are CSL
``edition`` (the number of a numbered one, a worded one as printed) and ``volume``.
"""

from __future__ import annotations

import re
from typing import Any

from evdigest.refs.parse_places import (
    CLOSING_PUBLICATION,
    CLOSING_PUBLISHER,
    PLACE_PUBLISHER,
    is_place,
    read_place_publication,
    read_place_year,
)

# "4th ed.", "(6th ed.)", "第9版", "9版": a numbered edition; ", Rev. ed.", ". Revised edition", "(2nd rev. ed.)",
# "New ed.": a worded one, after a comma, a full stop or a bracket (not "A New Edition of" inside a title, nor a
# journal's "Rev. Ed.")
_EDITION = re.compile(
    r"(?:^|(?<=[.,])\s*|\s*(?=\())\(?(?P<words>(?-i:(?:\d+(?:st|nd|rd|th)\s+)?(?:[Rr]ev(?:ised)?|[Ee]nl(?:arged)?|[Nn]ew|"
    r"[Ee]xpanded|[Uu]pdated)\.?(?:\s+(?:and|&)\s+(?:enl(?:arged)?|expanded|updated)\.?)?\s+(?:[Ee]dition|edn|ed)\b\.?))\)?"
    r"|\s*\(?\b(?P<number>\d+)(?:st|nd|rd|th)\s+(?:edition(?:\s+ed)?|edn|ed)\b\.?\)?|(?:\s*第)?\s*(?P<zh>\d{1,2})\s*版\.?",
    re.IGNORECASE,
)
# ", Vol. I", ", vols. 5–7", "vol. 1" opening the text: the volume of a book (a comma or the start before it)
_VOLUME = re.compile(r"(?:^|(?<=,))\s*[Vv]ols?\.\s*(?P<volume>[\dIVXivx]+(?:\s*[-–]\s*[\dIVXivx]+)?)\s*(?=[.,]|$)")
# ". 3 vols.", ", 2 vols.", "4 vols. in 5.": how many volumes a work has, after a full stop or a comma
_VOLUMES = re.compile(r"(?:^|(?<=[.,]))\s*(?P<count>\d{1,3})\s+vols(?:\.(?:\s+in\s+\d{1,3}\.)?(?=\s|$)|$)")
# ", pp. 12-30", ", p. 5": the pages cited of a book, after the year closing its publication
_CITED_PAGES = re.compile(r",\s*pp?\.\s*\d+(?:\s*[-–]\s*\d+)?$")


def _is_publication(text: str) -> bool:
    """``Prentice Hall, 2001``, ``London: Macmillan, 1872``, or a place and its publisher or a publisher alone with
    the year printed after the authors (``London: Sage``, ``Macmillan``): a publication closing the text."""
    placed = PLACE_PUBLISHER.match(text)
    return bool(
        CLOSING_PUBLICATION.match(text) or CLOSING_PUBLISHER.match(text) or placed and is_place(placed["place"])
    )


def opens_publication(text: str) -> bool:
    """``2nd ed., Macmillan, 2001.``, ``Vol. 2, Oxford: Clarendon Press, 1990.``, ``Macmillan, 2001.``: an edition, a
    volume or a publication with its year opening the text, where a book's title would be (not a title's sentence
    before one: ``Theories of Learning. New York: Appleton, 1966.``), the pages cited after its year or not
    (``Macmillan, 2001, pp. 12-30.``), the publisher maybe before its place (``Springer, Berlin, 2005.``), maybe left
    out after a city and its state or country (``Paris, France, 2001.``)."""
    text = text.strip()
    publication = _CITED_PAGES.sub("", text.rstrip(". "))
    return bool(
        _EDITION.match(text)
        or _VOLUME.match(text)
        or ". " not in publication
        and bool(
            CLOSING_PUBLICATION.match(publication)
            or read_place_publication(publication)
            or read_place_year(publication)
        )
    )


def take_edition(item: dict[str, Any], text: str, gap: str = "") -> str:
    """Move ``4th ed.`` / ``(6th ed.)`` / ``第9版`` / ``Rev. ed.`` out of ``text`` into the CSL ``edition``, ``gap``
    where it was (a full stop where it closed a sentence after a comma)."""
    match = _EDITION.search(text)
    if not match:
        return text
    words = re.sub(r"(?<=[Ee]dition)\.$", "", match.group("words") or "")  # "Rev. ed." keeps its full stop
    item["edition"] = match.group("number") or match.group("zh") or words
    return _without(text, match, gap)


def take_volume(item: dict[str, Any], text: str) -> str:
    """Move ``, Vol. I`` / ``vols. 5–7`` out of ``text`` into the CSL ``volume``, and ``3 vols.`` into its
    ``number-of-volumes`` (a full stop where either closed a sentence after a comma)."""
    count = _VOLUMES.search(text)
    if count:
        item["number-of-volumes"] = count.group("count")
        text = _without(text, count, "")
    match = _VOLUME.search(text)
    if not match:
        return text
    item["volume"] = match.group("volume")
    return _without(text, match, "")


def _without(text: str, match: re.Match[str], gap: str) -> str:
    """``text`` without ``match``: ``Title, Rev. ed. New York`` -> ``Title. New York`` where it closed the sentence
    after a comma, as it does before a publication after another comma (``Title, 2nd ed., Macmillan, 1872.`` ->
    ``Title. Macmillan, 1872.``, ``Title, 2nd ed., Macmillan`` -> ``Title. Macmillan``), else ``gap`` in its
    place."""
    before, after = text[: match.start()].rstrip(), text[match.end() :].lstrip()
    if before.endswith(","):
        if after.startswith(",") and _is_publication(after[1:].strip(" .")):
            return f"{before[:-1]}. {after[1:].strip()}"
        if after.startswith(",") or after.startswith(".") or not after:
            return (before[:-1] + after).strip()
        if match.group().endswith(".") and after[:1].isupper():
            return f"{before[:-1]}. {after}"
    if before.endswith(".") and after.startswith(","):  # "Title. 2nd ed., Oxford University Press" -> "Title. Oxford…"
        return f"{before} {after[1:].strip()}"
    return (text[: match.start()] + gap + text[match.end() :]).strip()
