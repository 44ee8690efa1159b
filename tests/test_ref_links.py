"""Links of references: DOI, PubMed record, PubMed search, CNKI search."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from evdigest.refs.links import best_link, clean_doi, doi_url, reference_links

KALLURI = {
    "type": "article-journal",
    "author": [{"family": "KALLURI", "given": "R."}, {"family": "LEBLEU", "given": "V. S."}],
    "title": "The biology, function, and biomedical applications of exosomes",
}
MA = {
    "type": "article-journal",
    "language": "zh",
    "author": [{"family": "马", "given": "元"}],
    "title": "间充质干细胞外泌体调控血管生成机制的研究进展",
}


def test_doi_link_wins_and_is_escaped() -> None:
    link = best_link({**KALLURI, "DOI": "doi: 10.1126/science.aau6977."})
    assert link is not None and (link.kind, link.url) == ("doi", "https://doi.org/10.1126/science.aau6977")
    assert (
        doi_url("10.1002/(SICI)1097-4636<2>3.0.CO;2-#") == "https://doi.org/10.1002/(SICI)1097-4636%3C2%3E3.0.CO;2-%23"
    )
    assert clean_doi("https://doi.org/10.1/X") == "10.1/X"


def test_pmid_gives_the_pubmed_record() -> None:
    kinds = [(link.kind, link.url) for link in reference_links({**KALLURI, "PMID": "32029601"})]
    assert kinds == [("pubmed", "https://pubmed.ncbi.nlm.nih.gov/32029601/")]


def test_no_doi_gives_a_pubmed_search_of_title_and_first_author() -> None:
    link = best_link(KALLURI)
    assert link is not None and link.kind == "pubmed-search"
    url = urlparse(link.url)
    assert (url.netloc, url.path) == ("pubmed.ncbi.nlm.nih.gov", "/")
    assert parse_qs(url.query)["term"] == [f"{KALLURI['title']} AND KALLURI R[Author]"]


def test_chinese_reference_gives_a_cnki_search() -> None:
    link = best_link(MA)
    assert link is not None and link.kind == "cnki-search"
    url = urlparse(link.url)
    assert url.netloc == "kns.cnki.net"
    assert parse_qs(url.query)["kw"] == [f"{MA['title']} 马元"]
    untagged = {k: v for k, v in MA.items() if k != "language"}
    assert best_link(untagged).kind == "cnki-search"


def test_nothing_to_search_for_gives_no_link() -> None:
    assert best_link({"type": "document"}) is None
