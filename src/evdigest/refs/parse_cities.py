"""Cities known for their publishers, and countries: telling a place from a publisher printed with commas only.

A book printed with commas only (``Rossi, Mario, La memoria, Milano, Feltrinelli, 1999.``) names its place and its
publisher as capitalised words alike: a publisher's name of one word (``Feltrinelli``, ``Gallimard``, ``Suhrkamp``)
reads as a place, as a conference's country or state does (``…, Paris, France, 2000.``, ``…, Boston,
Massachusetts, 2000.``). A city where books are published,
named in its own language or in English, followed by a name that is no such city nor a country, is the place and the
publisher.
"""

from __future__ import annotations

import re


def _names(text: str) -> frozenset[str]:
    """The names of ``text``, one a word, ``_`` spelling the space inside a name (``New_York``)."""
    return frozenset(word.replace("_", " ") for word in text.split())


# "Milano", "Paris", "New York": cities where books are published, in their own language and in English; the chief
# cities of the states and provinces of Australia and Canada, of New Zealand and of Ireland among them, which a
# reference names with their state, province or country ("Brisbane, Queensland", "Ottawa, Ontario") as it names
# other cities, and the chief publishing cities of East, South and Southeast Asia and of the Middle East ("Seoul,
# Korea", "Taipei, ROC", "Dubai, UAE", "New Delhi, India"), two of them countries too (Singapore, Hong Kong)
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
    Adelaide Brisbane Canberra Hobart Perth Ottawa Vancouver Edmonton Winnipeg Halifax Auckland Wellington Dublin
    Seoul Taipei Hong_Kong Shanghai Guangzhou Nanjing Wuhan Hangzhou Chengdu Tianjin Osaka Kyoto Mumbai Bombay
    New_Delhi Delhi Kolkata Calcutta Chennai Madras Bangalore Bengaluru Hyderabad Karachi Lahore Islamabad Dhaka
    Colombo Kathmandu Bangkok Kuala_Lumpur Jakarta Manila Hanoi Dubai Abu_Dhabi Doha Riyadh Tehran Jerusalem
    Tel_Aviv Istanbul Ankara Cairo Amman Beirut
    """
)
# "France", "Italia", "USA", "NZ", "People's Republic of China": countries, which a reference names after a city as
# its place, not as its publisher, in full or by the letters it is known by ("UK", "USA", "NZ", "PRC", "UAE", "ROK");
# compared without an article before them ("The Netherlands", "the Netherlands"), their full stops and spaces
# ("U.S.A.", "N.Z.", "P. R. China", "PR China"; :func:`is_country`)
COUNTRIES = _names(
    """
    Argentina Argentine Australia Austria Belgique Belgium Brasil Brazil Canada Chile China Colombia Czechia Danmark
    Denmark Deutschland Eire England España Espagne Finland France Germany Greece Hellas Holland Hungary India Ireland
    Israel Italia Italy Japan Korea Magyarország México Mexico Nederland Netherlands Norge Norway Österreich Peru
    Polska Poland Portugal Russia Schweiz Scotland Singapore Spain Suisse Sverige Sweden Switzerland Svizzera Taiwan
    Turkey UK USA U.S.A. US United_Kingdom United_States Wales
    United_States_of_America Great_Britain Northern_Ireland People's_Republic_of_China PR_China PRC
    Republic_of_China Republic_of_Korea South_Korea Czech_Republic New_Zealand South_Africa Hong_Kong Luxembourg
    Iceland Croatia Slovenia Slovakia Romania Bulgaria Serbia Ukraine Estonia Latvia Lithuania Egypt Iran Thailand
    Malaysia Indonesia Philippines Vietnam Pakistan Bangladesh Nigeria Kenya Cuba Venezuela Uruguay Saudi_Arabia
    United_Arab_Emirates NZ UAE ROC ROK Suomi Türkiye
    """
)
# "Massachusetts", "Mass.", "Ontario", "Ont.", "Victoria", "Qld": the states of the United States, the provinces and
# territories of Canada and the states and territories of Australia, spelled out and abbreviated, which a reference
# names after a city as its place, not as its publisher
REGIONS = _names(
    """
    Alabama Ala. Alaska Arizona Ariz. Arkansas Ark. California Calif. Cal. Colorado Colo. Connecticut Conn. Delaware
    Del. Florida Fla. Georgia Ga. Hawaii Idaho Illinois Ill. Indiana Ind. Iowa Kansas Kans. Kan. Kentucky Ky.
    Louisiana La. Maine Me. Maryland Md. Massachusetts Mass. Michigan Mich. Minnesota Minn. Mississippi Miss. Missouri
    Mo. Montana Mont. Nebraska Nebr. Neb. Nevada Nev. New_Hampshire N.H. New_Jersey N.J. New_Mexico N.M. New_York N.Y.
    North_Carolina N.C. North_Dakota N.D. Ohio Oklahoma Okla. Oregon Ore. Oreg. Pennsylvania Penn. Pa. Rhode_Island
    R.I. South_Carolina S.C. South_Dakota S.D. Tennessee Tenn. Texas Tex. Utah Vermont Vt. Virginia Va. Washington
    Wash. West_Virginia W.Va. Wisconsin Wis. Wisc. Wyoming Wyo. District_of_Columbia D.C.
    Alberta Alta. British_Columbia B.C. Manitoba Man. New_Brunswick N.B. Newfoundland Newfoundland_and_Labrador Nfld.
    Nova_Scotia N.S. Ontario Ont. Prince_Edward_Island P.E.I. Quebec Québec Que. Qué. Saskatchewan Sask. Yukon
    Northwest_Territories N.W.T. Nunavut
    New_South_Wales N.S.W. Victoria Vic. Queensland Qld. South_Australia Western_Australia Tasmania Tas.
    Northern_Territory Australian_Capital_Territory
    """
)
# "West Sussex", "Oxon", "Herts": the counties of England and the regions of Scotland and Wales, spelled out and
# abbreviated, which a British reference names after a town as its place ("Chichester, West Sussex, UK")
COUNTIES = _names(
    """
    Bedfordshire Beds Berkshire Berks Buckinghamshire Bucks Cambridgeshire Cambs Cheshire Cornwall Cumbria
    Derbyshire Devon Dorset Durham Essex Gloucestershire Glos Hampshire Hants Herefordshire Hertfordshire Herts
    Kent Lancashire Lancs Leicestershire Leics Lincolnshire Lincs Merseyside Middlesex Middx Norfolk Northamptonshire
    Northants Northumberland Nottinghamshire Notts Oxfordshire Oxon Rutland Shropshire Salop Somerset Staffordshire
    Staffs Suffolk Surrey East_Sussex West_Sussex Sussex Warwickshire Wilts Wiltshire Worcestershire Worcs
    Yorkshire North_Yorkshire South_Yorkshire West_Yorkshire East_Yorkshire East_Riding_of_Yorkshire Tyne_and_Wear
    Greater_London Greater_Manchester West_Midlands Isle_of_Wight Midlothian Lothian Fife Lanarkshire Aberdeenshire
    Perthshire Strathclyde Gwynedd Glamorgan Mid_Glamorgan South_Glamorgan Powys Dyfed Clwyd Gwent
    """
)
_REGIONS_UNDOTTED = frozenset(name.rstrip(".") for name in REGIONS | COUNTIES)
# "MA", "NY", "ON", "VIC": the postal codes of the states of the United States, of the provinces and territories of
# Canada and of the states and territories of Australia, which a reference prints after a city ("Cambridge, MA",
# "Melbourne, VIC")
STATE_CODES = frozenset(
    """
    AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA
    RI SC SD TN TX UT VT VA WA WV WI WY DC AB BC MB NB NL NS NT NU ON PE QC SK YT NSW VIC QLD SA TAS ACT
    """.split()
)


# "Feltrinelli", "Les Indes Savantes": a capitalised name (not "MA", a state's code)
_CAPITALISED = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿ]")


def is_region(text: str) -> bool:
    """``Massachusetts``, ``Mass``, ``MA``, ``Ontario``, ``Ont.``, ``Victoria``, ``NSW``, ``West Sussex``: a state of
    the United States, a province or territory of Canada, a state or territory of Australia or a county of England
    or a region of Scotland or Wales, spelled out, abbreviated (its full stop maybe left out) or by its postal
    code."""
    return text in REGIONS or text in COUNTIES or text.rstrip(".") in _REGIONS_UNDOTTED or text in STATE_CODES


def is_country(text: str) -> bool:
    """``France``, ``The Netherlands``, ``the Netherlands``, ``U.S.A.``, ``United States``, ``People's Republic of
    China``, ``P. R. China``, ``Republic of Korea``: a country, an article before it, its full stops and its spaces
    as they may be printed."""
    return _country_key(text) in _COUNTRY_KEYS


def _country_key(text: str) -> str:
    """``Netherlands``, ``PRChina``, ``People'sRepublicofChina``: a country's name as :func:`is_country` compares it."""
    bare = re.sub(r"^(?:[Tt]he)\s+", "", text.strip().replace("’", "'"))
    return re.sub(r"[\s.]+", "", bare)


_COUNTRY_KEYS = frozenset(_country_key(name) for name in COUNTRIES)


def is_region_or_country(text: str) -> bool:
    """``Massachusetts``, ``Ont.``, ``West Sussex``, ``France``, ``The Netherlands``: a state, a province, a county
    or a country, as a reference names it after a city."""
    return is_region(text) or is_country(text)


def is_city_state(text: str) -> bool:
    """``Singapore``, ``Hong Kong``: a city known for its publishers that is a country or a territory too, printed
    alone as a place, which no publisher's name is."""
    return text in PUBLISHING_CITIES and is_country(text)


def is_city_and_region(city: str, region: str) -> bool:
    """``Cambridge``, ``Massachusetts``; ``Paris``, ``France``: a city known for its publishers and its state,
    province or country, a place named in two parts."""
    return city in PUBLISHING_CITIES and is_region_or_country(region)


def names_one_place(parts: list[str]) -> bool:
    """``Berlin``; ``Cham``, ``Switzerland``; ``Hoboken``, ``NJ``; ``New York``, ``NY``, ``USA``; ``Berlin``,
    ``Heidelberg``: the parts, parted by commas, of one place as a reference prints it after its publisher: one name,
    a name and its states, provinces or countries, or cities known for their publishers (not ``Williams & Wilkins``,
    ``Philadelphia``, a publisher's name and its city)."""
    if len(parts) == 1:
        return True
    return all(is_region_or_country(part) for part in parts[1:]) or all(part in PUBLISHING_CITIES for part in parts)


def publisher_after_city(place: str, publisher: str) -> bool:
    """``Milano, Feltrinelli``: a city known for its publishers, then a capitalised name that is no such city nor a
    country nor a state or a province (not ``Paris, France``, ``London, Oxford``, ``Cambridge, MA``, ``Cambridge,
    Massachusetts``, ``London, Ontario``): the place and its publisher."""
    if place not in PUBLISHING_CITIES or not _CAPITALISED.match(publisher):
        return False
    return publisher not in PUBLISHING_CITIES and not is_region_or_country(publisher)


def city_and_publisher(text: str) -> tuple[str, str] | None:
    """``Boston, Harvard`` -> ``Boston``, ``Harvard``: a place and its publisher parted by a comma where a colon was
    looked for (``Boston, Harvard; 2001``), when the first names a city known for its publishers and the second no
    place (:func:`publisher_after_city`); ``None`` for any other text (``London, Oxford``, ``Cambridge, MA``). The
    place may be printed in parts, the city and its state or country, or two cities (:func:`names_one_place`):
    ``Geneva, Switzerland, World Health Organization`` -> ``Geneva, Switzerland``, ``World Health Organization``;
    ``Berlin, Heidelberg, Springer`` -> ``Berlin, Heidelberg``, ``Springer``."""
    parts = text.split(",")
    for cut in range(1, len(parts)):
        if not names_one_place([part.strip() for part in parts[:cut]]):
            return None
        if publisher_after_city(parts[0].strip(), parts[cut].strip()):
            return ",".join(parts[:cut]).strip(), ",".join(parts[cut:]).strip()
    return None
