"""Reading a source file into clean text: encoding, line endings, NFC, size cap.

The decoding order is

1. a byte-order mark (UTF-8, UTF-16 LE/BE); UTF-16 without a mark is
   recognised by its NUL bytes when it then reads as text (other NUL bytes:
   binary data, rejected);
2. strict UTF-8;
3. strict GB18030, kept only when the result is plausible Chinese text
   (GB18030 accepts almost any byte pairs, so cp1252 or Big5 bytes would
   "decode" into rare ideographs: at least 90 % of the ideographs must lie in
   the 3,755 most common GB2312 characters);
4. strict Big5 with the same kind of check (ideographs among the common Big5 set);
5. strict cp1252, kept only when it reads as Latin-script text;
6. on long inputs only, a statistical detector (charset-normalizer), whose
   guess is kept only when it is printable text the detector itself finds
   coherent (low "chaos"); short inputs are where detectors go wrong
   (short GBK text is often guessed as UTF-16).

Text holding replacement characters (U+FFFD), NUL bytes or other control
characters is rejected with the line it occurs on: it is not passed on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError
from ..text import CJK_IDEOGRAPH as _IDEOGRAPH
from ..text import normalize_text

#: Inputs at least this long may fall back to the statistical detector.
DETECTOR_MIN_BYTES = 2048
#: The detector's guess is kept only when its "mess" measure is at most this.
MAX_DETECTOR_CHAOS = 0.1

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Control characters no text source contains (everything below U+0020 except tab, LF, VT, FF, CR; DEL; C1
# controls but NEL): VT and NEL are line ends (see evdigest.text.normalize_newlines)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Latin-1 letters and the punctuation cp1252 text typically holds: "é", "ß", "“", "–", "©"
_LATIN_EXTRA = re.compile(
    r"[\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]"
)
# Punctuation and symbols CJK text carries besides ideographs: "，", "。", "“", "①", "α", "²"
_CJK_EXTRA = re.compile(
    r"[\u00a0-\u00ff\u0370-\u03ff\u2000-\u206f\u2100-\u22ff\u2460-\u24ff\u2500-\u257f\u3000-\u303f\uff00-\uffef]"
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """A decoded source text and the encoding it was read with."""

    text: str
    encoding: str
    guessed: bool
    """True when the encoding was inferred (no BOM, not valid UTF-8)."""


def read_source(path: Path, display: str, *, max_bytes: int = 5_000_000) -> str:
    """Read ``path`` as normalised text (LF line endings, NFC); errors name ``display``.

    Raises :class:`~evdigest.errors.SourceError` for a file that is too big, empty,
    binary, or in no encoding that reads as text.
    """
    return read_source_decoded(path, display, max_bytes=max_bytes).text


def read_source_decoded(path: Path, display: str, *, max_bytes: int = 5_000_000) -> Decoded:
    """Like :func:`read_source`, also telling which encoding was used."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceError(
                display,
                None,
                f"file is {size:,} bytes, above the limit of {max_bytes:,} bytes for one source"
                " (a pasted review is far smaller): is this the right file?",
            )
        raw = path.read_bytes()
    except OSError as err:
        raise SourceError(display, None, f"cannot read the file: {err.strerror or err}") from err
    if len(raw) > max_bytes:  # the file grew between stat and read
        raise SourceError(display, None, f"file is above the limit of {max_bytes:,} bytes for one source")
    return decode_source(raw, display)


def decode_source(raw: bytes, display: str) -> Decoded:
    """Decode the bytes of one source (see the module docstring for the order) and normalise them."""
    if not raw.strip():
        raise SourceError(display, None, "the file is empty (no text to read)")
    decoded = _decode(raw, display)
    text = normalize_text(decoded.text)
    if text.startswith("\ufeff"):
        text = text[1:]
    _check_clean(text, display)
    if not text.strip():
        raise SourceError(display, None, "the file holds only blank space (no text to read)")
    return Decoded(text, decoded.encoding, decoded.guessed)


def _decode(raw: bytes, display: str) -> Decoded:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return Decoded(raw[len(bom) :].decode(encoding), encoding, False)
            except UnicodeDecodeError as err:
                line = _line_of_offset(raw, err.start)
                raise SourceError(
                    display,
                    line,
                    f"starts with a {encoding.upper()} byte-order mark but byte {err.start} is not {encoding.upper()}",
                ) from err
    if b"\x00" in raw:
        utf16 = _utf16_without_bom(raw)
        if utf16 is not None:
            return utf16
        line = _line_of_offset(raw, raw.index(b"\x00"))
        raise SourceError(display, line, "binary data (NUL bytes), not a text file")
    try:
        return Decoded(raw.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError as err:
        utf8_error = err
    for encoding, plausible in (("gb18030", _plausible_gb), ("big5", _plausible_big5), ("cp1252", _plausible_latin)):
        text = _strict(raw, encoding)
        if text is not None and plausible(text):
            return Decoded(text, encoding, True)
    guess = _detector_guess(raw)
    if guess is not None:
        return guess
    line = _line_of_offset(raw, utf8_error.start)
    byte = raw[utf8_error.start]
    raise SourceError(
        display,
        line,
        f"cannot decode the text: byte 0x{byte:02x} is not UTF-8, and the file does not read as GB18030, Big5 or cp1252 text; save it as UTF-8",
    )


def _utf16_without_bom(raw: bytes) -> Decoded | None:
    """UTF-16 saved without a byte-order mark: NUL bytes in every other position, and the text reads as text."""
    if len(raw) % 2 or raw.count(b"\x00") < len(raw) // 8:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        text = _strict(raw, encoding)
        if text is not None and (_plausible_gb(text) or _plausible_latin(text)):
            return Decoded(text, encoding, True)
    return None


def _strict(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


def _detector_guess(raw: bytes) -> Decoded | None:
    """Ask charset-normalizer, on long inputs only; keep the guess only if it reads as text."""
    if len(raw) < DETECTOR_MIN_BYTES:
        return None
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None or best.encoding is None:
        return None
    text = str(best)
    if "\ufffd" in text or _CONTROL.search(text) or best.chaos > MAX_DETECTOR_CHAOS or not _printable(text):
        return None
    return Decoded(text, best.encoding, True)


def _printable(text: str) -> bool:
    """True when at least 97 % of the characters are letters, digits, punctuation, symbols or spaces."""
    usual = sum(1 for ch in text if ch.isprintable() or ch in "\n\r\t")
    return usual >= 0.97 * len(text)


def _plausible_gb(text: str) -> bool:
    """True when ``text`` reads as Simplified Chinese (or plain Latin) text, not as byte soup."""
    ideographs = _IDEOGRAPH.findall(text)
    if not ideographs or not _mostly_known(text, _CJK_EXTRA):
        return False
    common = sum(1 for ch in ideographs if _gb2312_level1(ch))
    return common / len(ideographs) >= 0.9


def _plausible_big5(text: str) -> bool:
    """True when ``text`` reads as Traditional Chinese: ideographs mostly among the common Big5 characters."""
    ideographs = _IDEOGRAPH.findall(text)
    if not ideographs or not _mostly_known(text, _CJK_EXTRA):
        return False
    common = 0
    for ch in ideographs:
        try:
            lead_byte = ch.encode("big5")[0]
        except UnicodeEncodeError:
            continue
        common += 0xA4 <= lead_byte <= 0xC6
    return common / len(ideographs) >= 0.9


def _plausible_latin(text: str) -> bool:
    """True when ``text`` reads as Latin-script text: few non-ASCII characters, all of them letters or usual punctuation."""
    if _CONTROL.search(text):
        return False
    non_ascii = [ch for ch in text if ord(ch) > 0x7F]
    if any(not _LATIN_EXTRA.match(ch) for ch in non_ascii):
        return False
    letters = sum(1 for ch in text if ch.isalpha())
    return letters > 0 and len(non_ascii) <= 0.2 * letters


def _mostly_known(text: str, extra: re.Pattern[str]) -> bool:
    """True when no control characters occur and at most 2 % of the non-ASCII characters are unusual."""
    if _CONTROL.search(text):
        return False
    non_ascii = [ch for ch in text if ord(ch) > 0x7F]
    odd = sum(1 for ch in non_ascii if not (_IDEOGRAPH.match(ch) or extra.match(ch)))
    return odd <= 0.02 * max(len(non_ascii), 1)


def _gb2312_level1(ch: str) -> bool:
    try:
        lead_byte = ch.encode("gb2312")[0]
    except UnicodeEncodeError:
        return False
    return 0xB0 <= lead_byte <= 0xD7


def _check_clean(text: str, display: str) -> None:
    """Reject replacement characters and control characters, naming the line."""
    bad = text.find("\ufffd")
    if bad >= 0:
        line = text.count("\n", 0, bad) + 1
        raise SourceError(
            display,
            line,
            "the text holds replacement characters (U+FFFD): it was damaged by an earlier conversion; paste it again from the original",
        )
    match = _CONTROL.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        raise SourceError(display, line, f"control character U+{ord(match.group()):04X}: binary data, not a text file")


def _line_of_offset(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1
