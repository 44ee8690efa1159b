"""Books printed with commas only: ``Narboux, Jean-Philippe, L'illusion, Paris, Éditions de Minuit, 2000.``

Some French, Italian and Spanish styles part every element of a book's reference with a comma: the author's
inverted name, the title, the place, the publisher and the year. Read as they come, the title reads as one more name
and the place as its given name. The place, the publisher and the year closing such a text tell where its title
ends; the names are read before it, and the publication is set apart as a sentence of its own (``…, L'illusion.
Paris: Éditions de Minuit, 2000.``), as a book's reader expects it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evdigest.refs.parse_cities import is_city_and_region, is_region_or_country, publisher_after_city
from evdigest.refs.parse_names import AuthorList, is_organisation, read_authors
from evdigest.refs.parse_places import PUBLISHER_WORD, in_order, is_place, read_meeting_year

# ", Paris, Éditions de Minuit, 2000.", ", Paris: Minuit, 2000.": a place, a publisher and a year closing a text; the
# publisher maybe after the institution it belongs to (", California, Stanford University, Hoover Institution Press"),
# the pages cited maybe after the year (", 2001, pp. 12-30.")
_CLOSING = re.compile(
    r",\s*(?P<place>[^,:;.\d]{2,40}?)\s*[,:]\s*(?P<publisher>(?:(?P<institution>[A-Z][^,:;.\d]{1,60}?),\s*)?"
    r"(?:[a-z]')?[A-ZÀ-Þ][^,:;.\d]{1,80}?),\s*c?(?P<year>(?:1[5-9]|20)\d\d)"
    r"(?:,\s*(?P<pages>pp?\.\s*\d+(?:\s*[-–]\s*\d+)?))?\.?$"
)
# "Heidegger. Sein", "Church? Order": a sentence's end (not an initial's full stop: "Narboux, J.-P. "), or a quoted
# title's mark: a reference of sentences, or an article's or a chapter's
_SENTENCE_END = re.compile(r"(?:[a-zà-ÿ]{2}|\d)[.?!]\s|[\"“”«»]")
# ", in: H. Gallaire (ed.), Logic", ", in Third Conference": a chapter's or a paper's host named after its title
_HOST = re.compile(r",\s+[Ii]n:?\s+(?=[A-Z])")
# ", Proceedings of ICML", ", Workshop on Vesicles": a meeting's papers named after the title, printed with their
# place (", Boston, Massachusetts, 2000."), not a book's place and publisher
_MEETING = re.compile(r"(?:^|,)\s*(?:Proceedings|Workshop|Conference|Symposium)\b")
# "Proceedings of ICML", "World Congress of Cardiology", "Annual Meeting of the ISEV": a meeting's name, or its
# papers', printed with the place it was held at
_MEETING_NAME = re.compile(r"\b(?:Proceedings|Workshop|Conference|Symposium|Congress|Meeting|Colloquium)\b")
# "Éditions de Minuit", "Edizioni di Comunità", "Presses Universitaires de France": a publishing house named as one,
# in words a place's name may hold too
_HOUSE = re.compile(r"\b(?:[ÉE]ditions|Edizioni|Ediciones|Editorial|Editora|Presses)\b")
# "2000.": the year closing a text
_YEAR_CLOSING = re.compile(r"^c?(?:1[5-9]|20)\d\d\.?$")


@dataclass(frozen=True, slots=True)
class CommaBook:
    """A book printed with commas only, its publication a sentence of its own."""

    text: str
    """The reference with its publication set apart: ``Narboux, Jean-Philippe, L'illusion. Paris: Éditions de
    Minuit, 2000.``"""
    authors: AuthorList | None
    """The names read before the title (``None`` for a book printed without names, see :func:`read_comma_book`)."""


def read_comma_book(text: str, *, names: bool = True) -> CommaBook | None:
    """The book of a text printed with commas only, closing on its place, publisher and year (and the pages cited
    after it: ``…, New York: Macmillan, 2001, pp. 12-30.``; a publisher named as one before its place: ``…, Springer,
    Berlin, 2005.``), no sentence ending nor host (``…, in: H. Gallaire (ed.), Logic and Data Bases, …``) before
    them nor a meeting's name (``…, Proceedings of ICML, Boston, Massachusetts, 2000.``), names and a title
    before those; ``None`` for any other text, or when the place reads as none (an
    institution: ``Stanford University, Hoover Institution Press``) or the publisher as a place (``…, Paris, France,
    2000.``, a conference's place; not a name after a city known for its publishers: ``…, Milano, Feltrinelli,
    1999.``), a country or a state however it is written among them (``…, Springer, New York, United States of
    America, 2019.``, whose words are no place's as :func:`is_place` reads them: a publisher, its city and its
    country). Without ``names`` (the rule printed for the author of the reference above opened the text: ``———,
    Distant Reading, London, Verso, 2013.``) all that precedes them is the title."""
    match = _closing(text.rstrip())
    if not match or _SENTENCE_END.search(text, 0, match.start()) or _HOST.search(text, 0, match.start()):
        return None
    if _MEETING.search(text, 0, match.start()):
        return None
    place, publisher = in_order(match["place"].strip(), match["publisher"].strip())  # ", Springer, Berlin, 2005."
    # a publisher named as one ("Éditions de Minuit") or after a city known for its publishers ("Milano, Feltrinelli")
    named = _HOUSE.search(publisher) or publisher_after_city(place, publisher)
    if not is_place(place) or is_organisation(place) or is_place(publisher) and not named:
        return None
    if is_region_or_country(publisher):  # ", Springer, New York, United States of America, 2019.": the city's country
        return None
    pages = f" {match['pages']}." if match["pages"] else ""
    if not names:
        title = text[: match.start()].strip(" ,.")
        return CommaBook(f"{title}. {place}: {publisher}, {match['year']}.{pages}", None) if title else None
    authors = read_authors(text[: match.start()])
    if not authors or not text[authors.end : match.start()].strip(" ,."):
        return None  # "R. H. Bube, Photovoltaic Materials, Imperial College Press, 1998.": a title and a publisher
    return CommaBook(f"{text[: match.start()]}. {place}: {publisher}, {match['year']}.{pages}", authors)


def _closing(text: str) -> re.Match[str] | None:
    """The place, the publisher and the year closing ``text`` (:data:`_CLOSING`), a publisher printed after an
    institution only when that names one (``Stanford University, Hoover Institution Press``; not ``L'illusion, Paris,
    Éditions de Minuit``, a title, a place and a publisher)."""
    start = 0
    while match := _CLOSING.search(text, start):
        if not match["institution"] or is_organisation(match["institution"].strip()):
            return match
        start = match.start() + 1
    return None


def title_before_place(text: str, end: int) -> str | None:
    """``Smith, John, Exosomes, Cambridge, Massachusetts, 2000.`` -> ``Smith, John, Exosomes. Cambridge,
    Massachusetts, 2000.``: after the names (ending at ``end``), a text printed with commas only that closes on a
    city, its state, province or country and a year holds its title before them, maybe a meeting's papers or the
    meeting between (``…, Exosomes, Proceedings of ICML, Boston, Massachusetts, 2000.``, read as ``…, Exosomes. In:
    Proceedings of ICML; 2000; Boston, Massachusetts.``; ``…, World Congress of Cardiology, Dublin, Ireland``), or
    that closes on a meeting's name and the year, no place printed (``…, Exosomes, World Congress of Cardiology,
    2001.``): the title is set apart as a sentence of its own; ``None`` for any other text."""
    rest = text[end:]
    parts = [part.strip() for part in rest.split(",")]
    if len(parts) == 3 and parts[0] and not _SENTENCE_END.search(rest) and read_meeting_year(", ".join(parts[1:])):
        comma = text.index(",", end)  # "…, Exosomes, World Congress of Cardiology, 2001.": a meeting, no place
        return f"{text[:comma]}.{text[comma + 1 :]}"
    if len(parts) < 4 or _SENTENCE_END.search(rest) or _HOST.search(rest) or not _YEAR_CLOSING.match(parts[-1]):
        return None
    city, region = parts[-3], parts[-2]
    if not is_city_and_region(city, region):
        return None
    between = parts[1:-3]
    if not parts[0] or between and not (len(between) == 1 and _MEETING_NAME.search(between[0])):
        return None
    if PUBLISHER_WORD.search(parts[0]):  # "…, MIT Press, Cambridge, Mass., 1994.": a publisher, not the title
        return None
    if between:  # read as Citing Medicine prints a conference's papers, its year and place after them
        year = parts[-1].rstrip(".")
        return f"{text[:end]} {parts[0]}. In: {between[0]}; {year}; {city}, {region}."
    comma = text.index(",", end)
    return f"{text[:comma]}.{text[comma + 1 :]}"
