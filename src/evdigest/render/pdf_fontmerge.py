"""One subset per font in a joined PDF.

Every part of the digest embeds its own subset of the same faces, all under the
same subset tag (WeasyPrint derives the tag from the face, not from the
glyphs).  Once the parts are joined, the subsets of one face are replaced by a
single subset holding the union of their glyphs: WeasyPrint keeps glyph ids
(``RETAIN_GIDS``), so every content stream stays valid.  The union is cut from
the installed face with HarfBuzz-subset, found through fontconfig by the
PostScript name the subsets carry.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from functools import cache

import pikepdf
from cffi import FFI
from fontTools.ttLib import TTFont

from ..errors import BuildError

HB_CDEF = """
typedef struct hb_blob_t hb_blob_t;
typedef struct hb_face_t hb_face_t;
typedef struct hb_set_t hb_set_t;
typedef struct hb_subset_input_t hb_subset_input_t;
typedef uint32_t hb_codepoint_t;
typedef uint32_t hb_tag_t;
hb_blob_t *hb_blob_create_from_file_or_fail (const char *file_name);
void hb_blob_destroy (hb_blob_t *blob);
const char *hb_blob_get_data (hb_blob_t *blob, unsigned int *length);
hb_face_t *hb_face_create (hb_blob_t *blob, unsigned int index);
void hb_face_destroy (hb_face_t *face);
hb_blob_t *hb_face_reference_blob (hb_face_t *face);
void hb_set_add (hb_set_t *set, hb_codepoint_t codepoint);
hb_tag_t hb_tag_from_string (const char *str, int len);
hb_subset_input_t *hb_subset_input_create_or_fail (void);
void hb_subset_input_destroy (hb_subset_input_t *input);
hb_set_t *hb_subset_input_glyph_set (hb_subset_input_t *input);
hb_set_t *hb_subset_input_set (hb_subset_input_t *input, int set_type);
void hb_subset_input_set_flags (hb_subset_input_t *input, unsigned int value);
hb_face_t *hb_subset_or_fail (hb_face_t *source, const hb_subset_input_t *input);
"""

# hb_subset_flags_t and hb_subset_sets_t values (hb-subset.h)
NO_HINTING, RETAIN_GIDS, DESUBROUTINIZE, PASSTHROUGH_UNRECOGNIZED = 0x1, 0x2, 0x4, 0x20
SETS_DROP_TABLE_TAG = 3
DROP_TABLES = (b"BASE", b"DSIG", b"EBDT", b"EBLC", b"EBSC", b"GPOS", b"GSUB", b"JSTF", b"LTSH", b"PCLT", b"SVG ")

# A ToUnicode entry: "<0042> <0041>" (bfchar) or "<0010> <0012> <0061>" (bfrange).
BFCHAR_RE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
BFRANGE_RE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
# A section of a ToUnicode CMap: "2 beginbfchar ... endbfchar".
SECTION_RE = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.S)


@cache
def _harfbuzz() -> tuple[FFI, object]:
    ffi = FFI()
    ffi.cdef(HB_CDEF)
    try:
        return ffi, ffi.dlopen("libharfbuzz-subset.so.0")
    except OSError as err:
        raise BuildError(f"HarfBuzz-subset (libharfbuzz-subset.so.0) is needed for the PDFs: {err}") from err


@cache
def _face_file(postscript_name: str) -> tuple[str, int]:
    """The installed file and face index of a PostScript font name."""
    fc_match = shutil.which("fc-match") or "fc-match"
    found = subprocess.run(
        [fc_match, "-f", "%{file}\t%{index}\t%{postscriptname}", f":postscriptname={postscript_name}"],
        capture_output=True,
        text=True,
        check=False,
    )
    path, _, rest = found.stdout.partition("\t")
    index, _, name = rest.partition("\t")
    if found.returncode != 0 or name != postscript_name:
        raise BuildError(f"font {postscript_name} used by a PDF part is no longer installed (fontconfig gives {name})")
    return path, int(index)


def subset_face(postscript_name: str, gids: set[int]) -> bytes:
    """An OpenType subset of an installed face keeping ``gids`` at their ids."""
    ffi, hb = _harfbuzz()
    path, index = _face_file(postscript_name)
    blob = hb.hb_blob_create_from_file_or_fail(path.encode())
    if blob == ffi.NULL:
        raise BuildError(f"cannot read font file {path}")
    face = hb.hb_face_create(blob, index)
    subset_input = hb.hb_subset_input_create_or_fail()
    try:
        glyphs = hb.hb_subset_input_glyph_set(subset_input)
        for gid in sorted(gids | {0}):
            hb.hb_set_add(glyphs, gid)
        drop = hb.hb_subset_input_set(subset_input, SETS_DROP_TABLE_TAG)
        for tag in DROP_TABLES:
            hb.hb_set_add(drop, hb.hb_tag_from_string(tag, -1))
        hb.hb_subset_input_set_flags(subset_input, RETAIN_GIDS | DESUBROUTINIZE | PASSTHROUGH_UNRECOGNIZED | NO_HINTING)
        result = hb.hb_subset_or_fail(face, subset_input)
        if result == ffi.NULL:
            raise BuildError(f"HarfBuzz could not subset {postscript_name}")
        out = hb.hb_face_reference_blob(result)
        length = ffi.new("unsigned int *")
        data = ffi.unpack(hb.hb_blob_get_data(out, length), length[0])
        hb.hb_blob_destroy(out)
        hb.hb_face_destroy(result)
        return data
    finally:
        hb.hb_subset_input_destroy(subset_input)
        hb.hb_face_destroy(face)
        hb.hb_blob_destroy(blob)


def _widths(array: pikepdf.Array) -> dict[int, object]:
    """A CIDFont /W array as {cid: width}."""
    items = list(array)
    widths: dict[int, object] = {}
    i = 0
    while i < len(items):
        first = int(items[i])
        if isinstance(items[i + 1], pikepdf.Array):
            for offset, width in enumerate(items[i + 1]):
                widths[first + offset] = width
            i += 2
        else:
            for cid in range(first, int(items[i + 1]) + 1):
                widths[cid] = items[i + 2]
            i += 3
    return widths


def _widths_array(widths: dict[int, object]) -> pikepdf.Array:
    array: list[object] = []
    run: list[object] = []
    for cid in sorted(widths):
        if cid - 1 not in widths:
            run = []
            array += [cid, run]
        run.append(widths[cid])
    return pikepdf.Array([pikepdf.Array(x) if isinstance(x, list) else x for x in array])


def _to_unicode(stream: pikepdf.Stream | None) -> dict[int, bytes]:
    """A ToUnicode CMap as {cid: UTF-16BE bytes}."""
    mapping: dict[int, bytes] = {}
    if stream is None:
        return mapping
    for kind, body in SECTION_RE.findall(stream.read_bytes()):
        if kind == b"bfchar":
            for src, dst in BFCHAR_RE.findall(body):
                mapping[int(src, 16)] = bytes.fromhex(dst.decode())
        else:
            for lo, hi, dst in BFRANGE_RE.findall(body):
                start = int(dst, 16)
                for offset, cid in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                    mapping[cid] = (start + offset).to_bytes(len(dst) // 2, "big")
    return mapping


def _to_unicode_stream(pdf: pikepdf.Pdf, mapping: dict[int, bytes]) -> pikepdf.Stream:
    lines = [
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        b"1 begincodespacerange <0000> <ffff> endcodespacerange",
    ]
    cids = sorted(mapping)
    for start in range(0, len(cids), 100):
        chunk = cids[start : start + 100]
        lines.append(f"{len(chunk)} beginbfchar".encode())
        lines += [b"<%04x> <%s>" % (cid, mapping[cid].hex().encode()) for cid in chunk]
        lines.append(b"endbfchar")
    lines.append(b"endcmap CMapName currentdict /CMap defineresource pop end end")
    return pikepdf.Stream(pdf, b"\n".join(lines))


def _font_dicts(pdf: pikepdf.Pdf) -> Iterator[tuple[pikepdf.Dictionary, pikepdf.Name]]:
    """(font resource dictionary, name) of every Type0 font used by pages and their form XObjects."""
    seen: set[tuple[int, int]] = set()
    stack = [page.obj.get("/Resources") for page in pdf.pages]
    while stack:
        resources = stack.pop()
        if resources is None or (resources.is_indirect and resources.objgen in seen):
            continue
        if resources.is_indirect:
            seen.add(resources.objgen)
        fonts = resources.get("/Font", pikepdf.Dictionary())
        for name in list(fonts.keys()):
            if fonts[name].get("/Subtype") == "/Type0":
                yield fonts, pikepdf.Name(name)
        for xobject in resources.get("/XObject", pikepdf.Dictionary()).values():
            if xobject.get("/Subtype") == "/Form":
                stack.append(xobject.get("/Resources"))


def _postscript_name(program: bytes) -> str:
    return str(TTFont(io.BytesIO(program), lazy=True)["name"].getDebugName(6))


def merge_fonts(pdf: pikepdf.Pdf) -> int:
    """Replace the subsets of each face by one subset of their union; return how many fonts were dropped."""
    groups: dict[str, list[pikepdf.Dictionary]] = {}
    uses: list[tuple[pikepdf.Dictionary, pikepdf.Name, str]] = []
    for fonts, name in _font_dicts(pdf):
        font = fonts[name]
        base = str(font.BaseFont)
        members = groups.setdefault(base, [])
        if not any(font.objgen == m.objgen for m in members):
            members.append(font)
        uses.append((fonts, name, base))
    dropped = 0
    for members in groups.values():
        if len(members) < 2:
            continue
        _merge_group(pdf, members)
        dropped += len(members) - 1
    for fonts, name, base in uses:
        fonts[name] = groups[base][0]
    return dropped


def _merge_group(pdf: pikepdf.Pdf, members: list[pikepdf.Dictionary]) -> None:
    """Make ``members[0]`` hold the glyphs, widths and text mappings of every member."""
    widths: dict[int, object] = {}
    unicode: dict[int, bytes] = {}
    for font in members:
        widths.update(_widths(font.DescendantFonts[0].get("/W", pikepdf.Array())))
        unicode.update(_to_unicode(font.get("/ToUnicode")))
    canonical = members[0]
    descendant = canonical.DescendantFonts[0]
    descriptor = descendant.FontDescriptor
    key = "/FontFile3" if "/FontFile3" in descriptor else "/FontFile2"
    program = subset_face(_postscript_name(descriptor[key].read_bytes()), set(widths))
    stream = pikepdf.Stream(pdf, program)
    if key == "/FontFile3":
        stream.Subtype = pikepdf.Name.OpenType
    else:
        stream.Length1 = len(program)
    descriptor[key] = stream
    if "/CIDSet" in descriptor:  # PDF/A-1 wants the set of CIDs present in the program
        bits = bytearray(max(widths) // 8 + 1)
        for cid in widths:
            bits[cid // 8] |= 0x80 >> (cid % 8)
        descriptor.CIDSet = pikepdf.Stream(pdf, bytes(bits))
    descendant.W = _widths_array(widths)
    canonical.ToUnicode = _to_unicode_stream(pdf, unicode)
