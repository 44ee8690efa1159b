"""Cities known for their publishers, and countries: telling a place from a publisher printed with commas only.

A book printed with commas only (``Rossi, Mario, La memoria, Milano, Feltrinelli, 1999.``) names its place and its
publisher as capitalised words alike: a publisher's name of one word (``Feltrinelli``, ``Gallimard``, ``Suhrkamp``)
reads as a place, as a conference's country does (``…, Paris, France, 2000.``). A city where books are published,
named in its own language or in English, followed by a name that is no such city nor a country, is the place and the
publisher.
"""

from __future__ import annotations

import re


def _names(text: str) -> frozenset[str]:
    """The names of ``text``, one a word, ``_`` spelling the space inside a name (``New_York``)."""
    return frozenset(word.replace("_", " ") for word in text.split())


# "Milano", "Paris", "New York": cities where books are published, in their own language and in English
PUBLISHING_CITIES = _names(
    """
    Amsterdam Ann_Arbor Athens Atlanta Baltimore Barcelona Basel Beijing Berkeley Berlin Bern Bologna Bonn Boston
    Bruxelles Brussels Budapest Buenos_Aires Cambridge Chicago Copenhagen Den_Haag Dordrecht Dresden Düsseldorf
    Edinburgh Firenze Florence Frankfurt Freiburg Genève Geneva Genova Glasgow Göttingen Hamburg Heidelberg Helsinki
    Köln Cologne Kraków Leiden Leipzig Lisboa Lisbon London Los_Angeles Lyon Madrid Mainz Manchester Marseille
    Melbourne México Milano Milan Montréal Montreal Moscow Moskva München Munich Napoli Naples New_Haven New_York Oslo
    Oxford Padova Palermo Paris Philadelphia Pisa Porto Praha Prague Princeton Roma Rome Salamanca San_Francisco
    Santiago São_Paulo Sevilla Singapore Stockholm Stuttgart Sydney Tokyo Torino Toronto Toulouse Turin Tübingen
    Valencia Venezia Venice Warszawa Warsaw Washington Wien Vienna Zürich Zurich
    """
)
# "France", "Italia", "USA": countries, which a reference names after a city as its place, not as its publisher
COUNTRIES = _names(
    """
    Argentina Argentine Australia Austria Belgique Belgium Brasil Brazil Canada Chile China Colombia Czechia Danmark
    Denmark Deutschland Eire England España Espagne Finland France Germany Greece Hellas Holland Hungary India Ireland
    Israel Italia Italy Japan Korea Magyarország México Mexico Nederland Netherlands Norge Norway Österreich Peru
    Polska Poland Portugal Russia Schweiz Scotland Singapore Spain Suisse Sverige Sweden Switzerland Svizzera Taiwan
    Turkey UK USA U.S.A. US United_Kingdom United_States Wales
    """
)


# "Feltrinelli", "Les Indes Savantes": a capitalised name (not "MA", a state's code)
_CAPITALISED = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿ]")


def publisher_after_city(place: str, publisher: str) -> bool:
    """``Milano, Feltrinelli``: a city known for its publishers, then a capitalised name that is no such city nor a
    country (not ``Paris, France``, ``London, Oxford``, ``Cambridge, MA``): the place and its publisher."""
    if place not in PUBLISHING_CITIES or not _CAPITALISED.match(publisher):
        return False
    return publisher not in PUBLISHING_CITIES and publisher not in COUNTRIES
