"""The common Vietnamese family names, read by the sources' name rules (:mod:`evdigest.sources.name_order`) and by
the references' ones (:mod:`evdigest.refs.parse_names`): "NGUYEN VAN AN", "LE THANH HAI", "An Van Nguyen"."""

from __future__ import annotations

#: Common Vietnamese family names, in lower case.
VIETNAMESE_SURNAMES = frozenset(
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh trinh truong lam mai".split()
)
