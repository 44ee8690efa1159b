"""Family detection: registry order, and a reason for every family that does not match."""

from __future__ import annotations

from pathlib import Path

import pytest

from evdigest.errors import ParseError
from evdigest.sources import FAMILIES, journal_fulltext, platform_record, pubmed_cn
from evdigest.sources.base import Origin
from evdigest.sources.detect import detect
from evdigest.sources.reading import read_source

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "content" / "sources"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_registry_order() -> None:
    assert [f.name for f in FAMILIES] == ["platform-record", "pubmed-cn", "journal-fulltext"]
    for family in FAMILIES:
        assert callable(family.sniff) and callable(family.parse)


@pytest.mark.parametrize(
    ("name", "family"),
    [
        ("liu-2025-migrasomes.txt", platform_record),
        ("zhang-2025-msc-evs.txt", pubmed_cn),
        ("lyu-2026-exosome-secretion.txt", journal_fulltext),
    ],
)
def test_samples_are_detected(name: str, family) -> None:
    text = read_source(SAMPLES / name, name)
    assert detect(text, Origin(f"sources/{name}")) is family


@pytest.mark.parametrize("path", sorted((FIXTURES / "sources" / "platform-record").iterdir()), ids=lambda p: p.name)
def test_platform_record_variations_are_detected(path: Path) -> None:
    assert detect(read_source(path, path.name), Origin(path.name)) is platform_record


@pytest.mark.parametrize("path", sorted((FIXTURES / "sources" / "pubmed-cn").iterdir()), ids=lambda p: p.name)
def test_pubmed_variations_are_detected(path: Path) -> None:
    assert detect(read_source(path, path.name), Origin(path.name)) is pubmed_cn


@pytest.mark.parametrize("path", sorted((FIXTURES / "chinaxiv").glob("*.md")), ids=lambda p: p.name)
def test_full_texts_are_not_taken_by_the_earlier_families(path: Path) -> None:
    text = read_source(path, path.name)
    assert platform_record.sniff(text) is not None
    assert pubmed_cn.sniff(text) is not None


def test_unknown_family_names_file_and_every_reason() -> None:
    path = FIXTURES / "bad" / "unknown-family.txt"
    with pytest.raises(ParseError) as info:
        detect(read_source(path, "x"), Origin("sources/unknown-family.txt"))
    message = str(info.value)
    assert message.startswith("sources/unknown-family.txt:1: no known source family")
    for family in FAMILIES:
        assert f"{family.name}: " in message
    assert "JSON record" in message and "作者信息" in message


def test_detect_with_a_custom_registry() -> None:
    with pytest.raises(ParseError, match=r"tried pubmed-cn: needs two"):
        detect('{"title": "x"}', Origin("a.txt"), families=(pubmed_cn,))
