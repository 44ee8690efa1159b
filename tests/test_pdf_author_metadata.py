"""A summary PDF's metadata names every author, each in the edition's script when the source gives the name
in it, else in the other."""

from __future__ import annotations

import dataclasses
import io

import pypdf
import pytest
from test_pdf import load_entry

from evdigest.config import Config
from evdigest.model import Author, Digest, Entry
from evdigest.render.pdf import PdfRenderer
from evdigest.render.pdf_view import metadata_names

AUTHORS = (
    Author("Lyu Ruyue", "吕茹月", "Lyu", "Ruyue"),
    Author("", "顾路路"),
    Author("Luca Musante", None, "Musante", "Luca"),
    Author("Sun Peng", "孙鹏"),
    Author("Harry Holthofer", None, "Holthofer", "Harry"),
)

EXPECTED = {
    "en": ["Lyu Ruyue", "顾路路", "Luca Musante", "Sun Peng", "Harry Holthofer"],
    "zh-hans": ["吕茹月", "顾路路", "Luca Musante", "孙鹏", "Harry Holthofer"],
    "zh-hant": ["呂茹月", "顧路路", "Luca Musante", "孫鵬", "Harry Holthofer"],
}


@pytest.fixture(scope="module")
def entry() -> Entry:
    """The sample article with authors named in both scripts, in Chinese only and in Latin script only."""
    return dataclasses.replace(load_entry(), authors=AUTHORS)


def test_every_author_is_named_in_the_editions_script_first(entry: Entry) -> None:
    for edition in ("en", "zh-hans"):
        assert metadata_names(entry, edition) == tuple(EXPECTED[edition])


def test_a_blank_name_is_no_author(entry: Entry) -> None:
    blank = dataclasses.replace(entry, authors=(*AUTHORS, Author(" ", None)), authors_et_al=True)
    assert metadata_names(blank, "en") == tuple(EXPECTED["en"])


def test_summary_pdfs_list_every_author(entry: Entry, tmp_path_factory: pytest.TempPathFactory) -> None:
    renderer = PdfRenderer(Config(output_dir=tmp_path_factory.mktemp("out")), Digest(entries=(entry,)))
    for edition, names in EXPECTED.items():
        meta = pypdf.PdfReader(io.BytesIO(renderer.entry_pdf(entry, edition))).metadata
        assert meta.author == ", ".join(names), edition
