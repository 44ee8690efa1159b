"""Build-time font check: the CJK faces the print stylesheets name must exist and win.

The stylesheets under ``templates/pdf/`` name Noto Serif CJK SC (Simplified) and
Noto Serif CJK TC (Traditional) explicitly.  Fontconfig must resolve each family
to itself (not to a substitute), and the language-only queries ``:lang=zh-cn`` /
``:lang=zh-tw`` must give an SC / TC face — otherwise a generic fallback would
print Japanese or Korean glyph shapes for Chinese text.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass

from ..errors import FontError

INSTALL_HINT = "install the Debian package fonts-noto-cjk (apt-get install fonts-noto-cjk) and run fc-cache -f"


@dataclass(frozen=True, slots=True)
class FaceRequirement:
    """One font face the print stylesheets use."""

    family: str
    style: str
    pattern: str


REQUIRED_FACES: tuple[FaceRequirement, ...] = (
    FaceRequirement("Noto Serif CJK SC", "Regular", "Noto Serif CJK SC:weight=regular"),
    FaceRequirement("Noto Serif CJK SC", "Bold", "Noto Serif CJK SC:weight=bold"),
    FaceRequirement("Noto Serif CJK TC", "Regular", "Noto Serif CJK TC:weight=regular"),
    FaceRequirement("Noto Serif CJK TC", "Bold", "Noto Serif CJK TC:weight=bold"),
)

LANGUAGE_FACES: tuple[tuple[str, str], ...] = (("zh-cn", "SC"), ("zh-tw", "TC"))
"""Fontconfig language query and the script suffix the matched family must carry."""


def _fc_match(pattern: str) -> tuple[str, str, str]:
    """Return (families, style, file) fontconfig resolves ``pattern`` to."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        raise FontError(f"fc-match (fontconfig) is not installed; the PDF step needs fontconfig: {INSTALL_HINT}")
    result = subprocess.run(
        [fc_match, "-f", "%{family}\t%{style}\t%{file}", pattern],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise FontError(f"fc-match {pattern!r} failed: {result.stderr.strip()}")
    families, _, rest = result.stdout.partition("\t")
    style, _, path = rest.partition("\t")
    return families, style, path


def check_fonts() -> None:
    """Fail with :class:`FontError` when a needed CJK face is missing or a wrong-language face would be used."""
    problems: list[str] = []
    for face in REQUIRED_FACES:
        families, style, path = _fc_match(face.pattern)
        if face.family not in families.split(","):
            problems.append(f"font {face.family} {face.style} is missing (fontconfig gives {families or 'nothing'})")
        elif face.style.lower() not in style.lower():
            problems.append(f"font {face.family} {face.style} is missing (fontconfig gives {families} {style}, {path})")
    for lang, script in LANGUAGE_FACES:
        families, _, path = _fc_match(f":lang={lang}")
        if not any(name.strip().endswith(f" {script}") for name in families.split(",")):
            problems.append(
                f"text in {lang} would be set in {families or 'no font'} ({path}), not a {script} face:"
                " a Chinese text would print the wrong glyph shapes"
            )
    if problems:
        raise FontError("PDF fonts: " + "; ".join(problems) + f" — {INSTALL_HINT}")
