"""LaTeX math fragments left by PDF-to-Markdown conversion, turned into readable text.

The converters wrap numbers and units in inline math with a space between every
token, e.g. ``$3 0 { \\sim } 1 5 0 ~ \\mathrm { n m }$``.  In math mode plain
spaces mean nothing, ``~`` is a space and commands stand for symbols, so the
fragment reads ``30~150 nm``.
"""

from __future__ import annotations

import re

# "$3 0 { \sim } 1 5 0 ~ \mathrm { n m }$" (inline) or "$$x$$" (display) on one line
MATH_SPAN = re.compile(r"\$\$(?P<display>[^$]+)\$\$|\$(?P<inline>[^$\n]+)\$")

# "\mathrm", "\operatorname*", "\%", "\," : a command name, a starred name, or one symbol
COMMAND = re.compile(r"\\(?P<name>[A-Za-z]+\*?|.)")

# "^ { 1 2 }" or "^2" after the braces are gone: superscript/subscript markers
SCRIPT = re.compile(r"(?P<op>[\^_])\s*(?P<arg>\{(?P<body>[^{}]*)\}|\S)")

SYMBOLS: dict[str, str] = {
    "sim": "~",
    "pm": "±",
    "mp": "∓",
    "times": "×",
    "div": "÷",
    "cdot": "·",
    "cdots": "…",
    "ldots": "…",
    "dots": "…",
    "circ": "°",
    "degree": "°",
    "AA": "Å",
    "approx": "≈",
    "leq": "≤",
    "le": "≤",
    "geq": "≥",
    "ge": "≥",
    "neq": "≠",
    "ne": "≠",
    "rightarrow": "→",
    "to": "→",
    "leftarrow": "←",
    "uparrow": "↑",
    "downarrow": "↓",
    "infty": "∞",
    "hbar": "ℏ",
    "langle": "⟨",
    "rangle": "⟩",
    "not": "",
    "textregistered": "®",
    "texttrademark": "™",
    "copyright": "©",
    "trianglerighteq": "⊵",
    "nabla": "∇",
    "partial": "∂",
    "alpha": "α",
    "beta": "β",
    "gamma": "γ",
    "delta": "δ",
    "Delta": "Δ",
    "epsilon": "ε",
    "varepsilon": "ε",
    "eta": "η",
    "theta": "θ",
    "kappa": "κ",
    "lambda": "λ",
    "mu": "μ",
    "nu": "ν",
    "pi": "π",
    "rho": "ρ",
    "sigma": "σ",
    "Sigma": "Σ",
    "tau": "τ",
    "phi": "φ",
    "varphi": "φ",
    "Phi": "Φ",
    "chi": "χ",
    "psi": "ψ",
    "omega": "ω",
    "Omega": "Ω",
    "%": "%",
    "#": "#",
    "&": "&",
    "_": "_",
    "{": "{",
    "}": "}",
    "$": "$",
    " ": " ",
    ",": " ",
    ";": " ",
    ":": " ",
    "!": "",
    "quad": " ",
    "qquad": " ",
    "left": "",
    "right": "",
    "big": "",
    "Big": "",
}

# Commands whose argument is simply kept: "\mathrm { n m }" -> "nm"
STYLE_COMMANDS = frozenset(
    {
        "mathrm",
        "mathbf",
        "mathit",
        "mathsf",
        "mathtt",
        "mathcal",
        "boldsymbol",
        "bf",
        "rm",
        "it",
        "operatorname",
        "operatorname*",
        "textsuperscript",
        "textsubscript",
        "mathbb",
        "mathfrak",
        "mathscr",
    }
)

# Commands whose argument keeps its spaces (text mode inside math)
TEXT_COMMANDS = frozenset({"text", "textrm", "textit", "textbf", "mbox"})

SUPERSCRIPTS = str.maketrans("0123456789+-=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ")
SUBSCRIPTS = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
# Superscript digits and the signs between them read back as plain text ("¹⁰⁻¹²" -> "10-12", "¹˒²" -> "1,2")
SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻˗˒", "0123456789--,")
_SUPER_OK = set("0123456789+-=()n")
_SUB_OK = set("0123456789+-=()")
# "{ 1 0 } ^ { 7 }": braces around the base of a script, dropped before the script is read
BRACED_BASE = re.compile(r"\{\s*([^{}]*?)\s*\}(?=\s*[\^_])")

# placeholder for a space that must survive (from "~", "\ ", "\quad", \text{...})
_KEEP = "\x00"


def math_to_text(fragment: str) -> str:
    """Turn the inside of one math fragment into plain readable text (``3 0 {\\sim} 1 5 0`` -> ``30~150``)."""
    text = _protect_text_commands(fragment)
    text = text.replace("~", _KEEP)
    text = COMMAND.sub(_command, text)
    text = _apply_scripts(text)
    text = text.replace("{", "").replace("}", "")
    text = re.sub(r"\s+", "", text)
    text = text.replace(_KEEP, " ")
    return re.sub(r" {2,}", " ", text).strip()


def _protect_text_commands(fragment: str) -> str:
    """Keep the spaces inside ``\\text{...}`` by turning them into protected spaces."""

    def keep(match: re.Match[str]) -> str:
        return match.group("body").replace(" ", _KEEP)

    pattern = r"\\(?:" + "|".join(sorted(TEXT_COMMANDS)) + r")\s*\{(?P<body>[^{}]*)\}"
    return re.sub(pattern, keep, fragment)


def _command(match: re.Match[str]) -> str:
    name = match.group("name")
    if name in STYLE_COMMANDS:
        return ""
    if name in SYMBOLS:
        symbol = SYMBOLS[name]
        return _KEEP if symbol == " " else symbol
    return name if name.isalpha() else ""


def _apply_scripts(text: str) -> str:
    """Render ``^{...}`` / ``_{...}`` with Unicode super/subscripts where they exist."""

    def script(match: re.Match[str]) -> str:
        body = match.group("body") if match.group("body") is not None else match.group("arg")
        body = re.sub(r"[\s{}]", "", body)
        if body == "°":
            return "°"
        if match.group("op") == "^":
            return body.translate(SUPERSCRIPTS) if set(body) <= _SUPER_OK and body else "^" + body
        return body.translate(SUBSCRIPTS) if set(body) <= _SUB_OK and body else body

    previous = None
    while previous != text:
        previous = text
        text = BRACED_BASE.sub(r"\1", text)
        text = SCRIPT.sub(script, text)
    return text


def replace_math(text: str) -> str:
    """Replace every ``$...$`` fragment in a line of text by its readable form."""
    if "$" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        return math_to_text(match.group("display") or match.group("inline"))

    return MATH_SPAN.sub(one, text)
