"""Reading sources: encodings, line endings, NFC, rejection of damaged or binary input, the size cap."""

from __future__ import annotations

from pathlib import Path

import pytest

from evdigest.errors import SourceError
from evdigest.sources.reading import decode_source, read_source, read_source_decoded

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "content" / "sources"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PUBMED = FIXTURES / "sources" / "pubmed-cn"
BAD = FIXTURES / "bad"


def test_utf8_sample_reads_unchanged() -> None:
    path = SAMPLES / "zhang-2025-msc-evs.txt"
    decoded = read_source_decoded(path, "zhang.txt")
    assert decoded.encoding == "utf-8" and not decoded.guessed
    assert decoded.text == path.read_text(encoding="utf-8")


def test_crlf_and_cr_become_lf(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("第一行\r\nsecond\rthird\r\n".encode())
    assert read_source(path, "crlf.txt") == "第一行\nsecond\nthird\n"


def test_text_is_nfc(tmp_path: Path) -> None:
    path = tmp_path / "nfd.txt"
    path.write_bytes("Mu\u0308ller cafe\u0301".encode())
    assert read_source(path, "nfd.txt") == "M\u00fcller caf\u00e9"


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "外泌体".encode())
    assert read_source(path, "bom.txt") == "外泌体"


def test_utf16_with_bom_fixture() -> None:
    decoded = read_source_decoded(PUBMED / "utf16-bom.txt", "utf16-bom.txt")
    assert decoded.encoding == "utf-16-le" and not decoded.guessed
    assert decoded.text == (PUBMED / "missing-doi.txt").read_text(encoding="utf-8")


def test_utf16_big_endian(tmp_path: Path) -> None:
    path = tmp_path / "be.txt"
    path.write_bytes(b"\xfe\xff" + "作者信息\nZhang San\n".encode("utf-16-be"))
    assert read_source(path, "be.txt") == "作者信息\nZhang San\n"


def test_gb18030_fixture_reads_as_the_utf8_text() -> None:
    decoded = read_source_decoded(PUBMED / "gb18030.txt", "gb18030.txt")
    assert decoded.encoding == "gb18030" and decoded.guessed
    assert decoded.text == (PUBMED / "structured-abstract.txt").read_text(encoding="utf-8")


def test_big5_is_not_mistaken_for_gb18030() -> None:
    raw = (BAD / "big5.txt").read_bytes()
    raw.decode("gb18030")  # GB18030 "decodes" these bytes too: only plausibility tells them apart
    decoded = decode_source(raw, "big5.txt")
    assert decoded.encoding == "big5"
    assert "外泌體在再生醫學中的應用" in decoded.text


def test_cp1252_is_not_mistaken_for_gb18030() -> None:
    decoded = read_source_decoded(BAD / "cp1252.txt", "cp1252.txt")
    assert decoded.encoding == "cp1252"
    assert "José Müller, Zoë Brontë" in decoded.text
    assert "“naïve”" in decoded.text


def test_short_gbk_text_is_not_guessed_as_utf16() -> None:
    decoded = decode_source("外泌体综述".encode("gbk"), "short.txt")
    assert decoded.text == "外泌体综述"


def test_long_text_falls_back_to_the_detector() -> None:
    raw = ("Внеклеточные везикулы переносят белки и РНК между клетками. " * 60).encode("cp1251")
    decoded = decode_source(raw, "ru.txt")
    assert decoded.guessed and decoded.text.startswith("Внеклеточные везикулы")


@pytest.mark.parametrize(
    ("name", "line", "words"),
    [
        ("empty.txt", 1, "empty"),
        ("blank.txt", 1, "empty"),
        ("binary.bin", 3, "binary"),
        ("undecodable.txt", 3, "UTF-8"),
        ("replacement-chars.txt", 4, "replacement characters"),
    ],
)
def test_bad_files_are_rejected_with_file_and_line(name: str, line: int, words: str) -> None:
    with pytest.raises(SourceError) as info:
        read_source(BAD / name, f"bad/{name}")
    assert info.value.line in (line, None) and info.value.path == f"bad/{name}"
    assert str(info.value).startswith(f"bad/{name}:{line}: ")
    assert words in info.value.message


def test_control_characters_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "ctrl.txt"
    path.write_bytes(b"line one\nline two \x07 bell\n")
    with pytest.raises(SourceError, match="U\\+0007") as info:
        read_source(path, "ctrl.txt")
    assert info.value.line == 2


def test_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2001)
    with pytest.raises(SourceError, match="above the limit of 2,000 bytes"):
        read_source(path, "big.txt", max_bytes=2000)


def test_fifty_megabyte_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(SourceError, match="52,428,800 bytes") as info:
        read_source(path, "huge.txt")
    assert str(info.value).startswith("huge.txt:1: ")


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read") as info:
        read_source(tmp_path / "nope.txt", "nope.txt")
    assert info.value.path == "nope.txt"


def test_utf16_without_bom_is_recognised() -> None:
    decoded = decode_source("作者信息\nZhang San\n".encode("utf-16-le"), "u.txt")
    assert decoded.text == "作者信息\nZhang San\n" and decoded.encoding == "utf-16-le" and decoded.guessed


@pytest.mark.parametrize("end", ["\u2028", "\u2029", "\u0085", "\v", "\u2028\n", "\v\n"])
def test_unicode_line_ends_are_line_ends(tmp_path: Path, end: str) -> None:
    """The line and paragraph separators, NEL and the vertical tab (Word's manual line break) end lines, as
    Python's ``str.splitlines`` has them; one just before a line end is part of it. Before, U+2028 left a
    source one line long ("needs two of the heading lines … (found none)") and VT or NEL read as binary."""
    path = tmp_path / "ends.txt"
    path.write_bytes(f"第一行{end}second{end}{end}third".encode())
    assert read_source(path, "ends.txt") == "第一行\nsecond\n\nthird"


def test_a_json_string_keeps_its_line_separator(tmp_path: Path) -> None:
    """JSON allows U+2028 in a string and no raw line end: inside a record's strings it stays; a vertical tab,
    which JSON allows nowhere, is a space there."""
    path = tmp_path / "record.txt"
    path.write_bytes('Yue Liu\u2028{"abstract": "a\u2028b \\"c\u2028d\\"", "x": "e\vf"}\u2028say "hi\u2028end'.encode())
    assert read_source(path, "record.txt") == (
        'Yue Liu\n{"abstract": "a\u2028b \\"c\u2028d\\"", "x": "e f"}\nsay "hi\nend'
    )


@pytest.mark.parametrize("end", ["\u2028", "\u2029", "\u0085", "\v"])
def test_samples_with_other_line_ends_read_as_the_samples(tmp_path: Path, end: str) -> None:
    from evdigest.ingest import ingest

    def plain(entry: dict) -> dict:
        parsed = {key: value for key, value in entry.items() if key not in ("source", "warnings", "glossary")}
        return {key: value for key, value in parsed.items() if key not in ("added", "tags", "commentary", "overridden")}

    for sample in sorted(SAMPLES.glob("*.txt")):
        text = sample.read_text(encoding="utf-8")
        (tmp_path / sample.name).write_text(text.replace("\n", end), encoding="utf-8")
        changed = ingest([tmp_path / sample.name], tmp_path)
        same = ingest([sample], SAMPLES.parent)
        assert changed.ok, changed.failures
        assert plain(changed.entries[0].to_dict()) == plain(same.entries[0].to_dict())
