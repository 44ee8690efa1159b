"""Print-shop copies: every PDF of the site with 3 mm bleed and crop marks, written to ``output/print/``.

The download PDFs have white page edges, so the bleed is the page box grown by
3 mm on each side: the MediaBox is enlarged around the unchanged content, the
TrimBox keeps the page's size, the BleedBox lies 3 mm outside it, and crop marks
are drawn in the slug area beyond the bleed.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf

MM = 72 / 25.4
BLEED = 3 * MM
SLUG = 12 * MM
"""Room beyond the bleed for the crop marks."""
MARK_GAP = 1 * MM
MARK_LENGTH = 6 * MM


def _crop_marks(x0: float, y0: float, x1: float, y1: float) -> bytes:
    """Content stream drawing the eight crop marks of the trim box (x0, y0, x1, y1), outside the bleed."""
    start = BLEED + MARK_GAP
    end = start + MARK_LENGTH
    lines = []
    for x, sx in ((x0, -1), (x1, 1)):
        for y, sy in ((y0, -1), (y1, 1)):
            lines.append(f"{x + sx * start:.3f} {y:.3f} m {x + sx * end:.3f} {y:.3f} l S")
            lines.append(f"{x:.3f} {y + sy * start:.3f} m {x:.3f} {y + sy * end:.3f} l S")
    body = "\n".join(lines)
    return f"q 0.25 w 0 0 0 RG [] 0 d\n{body}\nQ\n".encode()


def add_bleed(pdf: pikepdf.Pdf) -> None:
    """Grow every page by bleed and slug, set TrimBox/BleedBox and draw crop marks."""
    for page in pdf.pages:
        x0, y0, x1, y1 = (float(v) for v in page.trimbox)
        page.obj.MediaBox = pikepdf.Array([x0 - BLEED - SLUG, y0 - BLEED - SLUG, x1 + BLEED + SLUG, y1 + BLEED + SLUG])
        page.obj.CropBox = page.obj.MediaBox
        page.obj.TrimBox = pikepdf.Array([x0, y0, x1, y1])
        page.obj.ArtBox = pikepdf.Array([x0, y0, x1, y1])
        page.obj.BleedBox = pikepdf.Array([x0 - BLEED, y0 - BLEED, x1 + BLEED, y1 + BLEED])
        # The page's own drawing runs inside q/Q, so that a transformation it leaves in
        # place (WeasyPrint flips the y axis) cannot move the marks.
        page.contents_add(pikepdf.Stream(pdf, b"q\n"), prepend=True)
        page.contents_add(pikepdf.Stream(pdf, b"Q\n" + _crop_marks(x0, y0, x1, y1)), prepend=False)


def print_copies(site_dir: Path, print_dir: Path) -> list[Path]:
    """Write a print copy of every PDF under ``site_dir/pdf`` to ``print_dir``; return the files written."""
    print_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted((site_dir / "pdf").glob("*.pdf")):
        target = print_dir / source.name
        with pikepdf.open(source) as pdf:
            add_bleed(pdf)
            tmp = target.with_suffix(".tmp")
            pdf.save(tmp, deterministic_id=True, compress_streams=True)
        tmp.replace(target)
        written.append(target)
    return written
