"""The common Vietnamese family names, read by the sources' name rules (:mod:`evdigest.sources.name_order`) and by
the references' ones (:mod:`evdigest.refs.parse_names`): "NGUYEN VAN AN", "LE THANH HAI", "An Van Nguyen", with the
middle names printed beside them and what tells a name Vietnamese by them (:func:`is_vietnamese`)."""

from __future__ import annotations

#: Common Vietnamese family names, in lower case.
VIETNAMESE_SURNAMES = frozenset(
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh trinh truong lam mai".split()
)
#: Vietnamese family names printed as given names too, which tell no order: "Tran Thi Mai"
VIETNAMESE_SURNAMES_GIVEN_TOO = frozenset({"lam", "mai"})
#: The middle names printed beside a Vietnamese family name: "NGUYEN VAN AN", "LE THANH HAI"
VIETNAMESE_MIDDLE_NAMES = frozenset("van thi duc minh ngoc thanh quoc huu xuan hong kim".split())
_MIDDLE_OR_SURNAMES = VIETNAMESE_MIDDLE_NAMES | VIETNAMESE_SURNAMES


def is_vietnamese(words: list[str]) -> bool:
    """Whether a name is Vietnamese by its family and middle names: a common family name at one end, a common
    middle name or a second family name (the mother's) beside it ("NGUYEN VAN AN", "LE THANH HAI", "AN VAN
    NGUYEN", "Le Van An", "NGUYEN DO AN"; not "Yu Le", "Hong Le")."""
    lower = ["".join(c for c in word.lower() if c.isalpha()) for word in words]
    return len(lower) > 2 and (
        (lower[0] in VIETNAMESE_SURNAMES and lower[1] in _MIDDLE_OR_SURNAMES)
        or (lower[-1] in VIETNAMESE_SURNAMES and lower[-2] in _MIDDLE_OR_SURNAMES)
    )
