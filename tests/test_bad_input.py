"""Bad input: every broken file gets an error or warning naming file and line; the others still come through.

Property tests feed arbitrary and half-structured text to detection and to the
platform-record and pubmed-cn parsers: they return an entry or raise the
package's own ParseError carrying the file and a line.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evdigest.errors import ParseError, SourceError
from evdigest.ingest import InternalError, ingest
from evdigest.model import Entry
from evdigest.sources import platform_record, pubmed_cn
from evdigest.sources.base import Origin
from evdigest.sources.detect import detect

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BAD = FIXTURES / "bad"
ORIGIN = Origin("sources/generated.txt")

#: Expected outcome per bad fixture: (failure line, words of the message) or a warning field.
FAILURES = {
    "empty.txt": (1, "empty"),
    "blank.txt": (1, "empty"),
    "binary.bin": (3, "binary"),
    "truncated-json.txt": (2, "truncated"),
    "bad-resultstr.txt": (2, "resultStr"),
    "unknown-family.txt": (1, "no known source family"),
    "undecodable.txt": (3, "cannot decode"),
    "replacement-chars.txt": (4, "replacement characters"),
}
WARNINGS = {
    "cp1252.txt": ("source", "cp1252"),
    "big5.txt": ("source", "big5"),
    "pubmed-missing-fields.txt": ("journal", "出版信息"),
}


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory: pytest.TempPathFactory):
    """One ingest over every bad fixture plus two good samples, with a 50 MB file among them."""
    content = tmp_path_factory.mktemp("content")
    sources = content / "sources"
    shutil.copytree(BAD, sources)
    for name in ("liu-2025-migrasomes.txt", "zhang-2025-msc-evs.txt"):
        shutil.copy(ROOT / "content" / "sources" / name, sources / name)
    with (sources / "huge.txt").open("wb") as handle:
        handle.write(b"x" * (50 * 1024 * 1024))
    # A folder gives only its text files: the binary file (not .txt) is named explicitly.
    return sources, ingest([sources, sources / "binary.bin"], content)


def test_every_bad_file_fails_with_file_and_line(bad_run) -> None:
    sources, result = bad_run
    by_file = {Path(f.path).name: f for f in result.failures}
    assert set(by_file) == set(FAILURES) | {"huge.txt"}
    for name, (line, words) in FAILURES.items():
        failure = by_file[name]
        assert isinstance(failure, SourceError)
        assert (sources / name).is_file() and str(failure).startswith(f"sources/{name}:{line}: "), str(failure)
        assert words in failure.message
    assert "52,428,800 bytes" in by_file["huge.txt"].message


def test_bad_files_are_errors_not_internal_errors(bad_run) -> None:
    _, result = bad_run
    assert not any(isinstance(f, InternalError) for f in result.failures)
    assert result.notices == ()


def test_the_other_files_still_come_through(bad_run) -> None:
    _, result = bad_run
    families = {Path(e.source).name: e.family for e in result.entries}
    assert families == {
        "liu-2025-migrasomes.txt": "platform-record",
        "zhang-2025-msc-evs.txt": "pubmed-cn",
        "cp1252.txt": "platform-record",
        "big5.txt": "pubmed-cn",
        "pubmed-missing-fields.txt": "pubmed-cn",
    }
    assert all(e.source.startswith("sources/") for e in result.entries)


def test_readable_but_odd_files_get_warnings(bad_run) -> None:
    _, result = bad_run
    by_name = {Path(e.source).name: e for e in result.entries}
    for name, (field, words) in WARNINGS.items():
        warnings = [w for w in by_name[name].warnings if w.field == field]
        assert warnings and any(words in w.message for w in warnings), name


def check_outcome(parse, text: str) -> None:
    try:
        entry = parse(text, ORIGIN)
    except ParseError as err:
        assert err.path == ORIGIN.path
        assert isinstance(err.line, int) and 1 <= err.line <= text.count("\n") + 1
        return
    assert isinstance(entry, Entry) and entry.source == ORIGIN.path


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_detect_accepts_any_text(text: str) -> None:
    try:
        family = detect(text, ORIGIN)
    except ParseError as err:
        assert err.path == ORIGIN.path and err.line == 1
        return
    if family in (platform_record, pubmed_cn):
        check_outcome(family.parse, text)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
RECORD_KEYS = st.sampled_from(
    [
        "title",
        "authors",
        "doi",
        "DOIUrl",
        "abstract",
        "journal",
        "PeriodicalIF",
        "publicationDate",
        "EPubDate",
        "isOpenAccess",
        "openAccessPdf",
        "resultStr",
        "TitleCN",
        "AbstractTextCN",
        "JCR",
        "RegionNum",
        "citationCount",
        "keywords",
        "PMCID",
        "publicationTypes",
    ]
)


@st.composite
def platform_texts(draw) -> str:
    record = draw(st.dictionaries(RECORD_KEYS, JSON_VALUES, max_size=8))
    if draw(st.booleans()):
        record["resultStr"] = json.dumps(draw(st.dictionaries(RECORD_KEYS, JSON_VALUES, max_size=5)))
    body = json.dumps(record, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 2])))
    cut = draw(st.integers(0, len(body)))
    body = body[:cut] if draw(st.booleans()) else body
    return draw(st.text(max_size=40)) + "\n" + body + "\n" + draw(st.text(max_size=80))


@given(platform_texts())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_platform_parser_on_generated_records(text: str) -> None:
    check_outcome(platform_record.parse, text)


LINES = st.one_of(
    st.sampled_from(
        [
            "作者信息",
            "机构信息",
            "出版信息",
            "出版信息：",
            "摘要",
            "Abstract",
            "关键词：a；b",
            "PMID: 12345678",
            "Copyright © CC BY 4.0",
            "Funding: x",
        ]
    ),
    st.sampled_from(
        [
            "Front Cell Dev Biol. 2025 Jul 17;13:1612589. doi: 10.3389/x. eCollection 2025.",
            "Nature. 2020;1(2):3-4.",
            "J. 2021 Spring;x",
            "1. Dept",
            "Zhang San1,2*, Li Si",
        ]
    ),
    st.text(max_size=60),
)


@given(st.lists(LINES, max_size=14), st.sampled_from(["\n", "\r\n"]))
@settings(max_examples=300, deadline=None)
def test_pubmed_parser_on_generated_pages(lines: list[str], newline: str) -> None:
    check_outcome(pubmed_cn.parse, newline.join(lines))


@given(st.text())
@settings(max_examples=200, deadline=None)
def test_parsers_on_arbitrary_text(text: str) -> None:
    check_outcome(platform_record.parse, text)
    check_outcome(pubmed_cn.parse, text)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_crash_inside_a_parser_stops_only_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """An unexpected exception is an internal error naming the file, never relabelled as a ParseError."""

    def broken(text: str, origin: Origin) -> Entry:
        raise KeyError("journal\nname")

    monkeypatch.setattr(pubmed_cn, "parse", broken)
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "sources", content / "sources")
    result = ingest([content / "sources"], content, jobs=jobs)
    assert sorted(e.family for e in result.entries) == ["journal-fulltext", "platform-record"]
    (failure,) = result.failures
    assert isinstance(failure, InternalError) and not isinstance(failure, ParseError)
    path = "sources/zhang-2025-msc-evs.txt"  # named within the content folder
    assert str(failure) == (f"{path}:1: internal error while parsing (KeyError: 'journal\\nname'); please report it")
