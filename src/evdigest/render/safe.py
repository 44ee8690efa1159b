"""Making source text safe to publish: text extraction, HTML sanitising, safe slugs and URLs."""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata

import nh3
from markupsafe import Markup

# A formatting tag sources carry, e.g. "<p>", "</i>" or "<br/>"; other tags stay as (escaped) text.
FORMAT_TAG_RE = re.compile(r"</?(?:p|br|div|span|i|b|em|strong|sup|sub|u|small|font)(?:\s[^<>]*)?/?>", re.IGNORECASE)
# An HTML character reference, e.g. "&amp;", "&#39;" or "&#x4e2d;".
ENTITY_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});")
# A slug that is already safe, e.g. "lyu-2026-exosome-secretion".
SAFE_SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")
# Characters a slug may not keep, e.g. "/" and "." in "../../etc/passwd".
SLUG_STRIP_RE = re.compile(r"[^a-z0-9]+")
# An absolute web URL, e.g. "https://doi.org/10.1/x".
WEB_URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)

INLINE_TAGS = {"i", "em", "b", "strong", "sup", "sub", "span", "a", "br", "small", "code"}
URL_ATTRIBUTES = {"href", "src", "cite", "action", "formaction", "xlink:href", "poster"}
# The id of a footnote of editorial Markdown or of its mark, e.g. "fn-commentary-1" or "fnref-commentary-1:2".
FOOTNOTE_ID_RE = re.compile(r"fn(?:ref)?(?:-[a-z0-9-]+-)?[0-9]+(?::[0-9]+)?")
# The classes of a footnote's markup (mdit-py-plugins' footnote plugin): the only classes Markdown keeps.
FOOTNOTE_CLASSES = {
    "sup": {"footnote-ref"},
    "a": {"footnote-backref"},
    "hr": {"footnotes-sep"},
    "section": {"footnotes"},
    "ol": {"footnotes-list"},
    "li": {"footnote-item"},
}
# The attributes only the Markdown renderer writes, each after its call's key (sanitize_markdown_html), e.g. the
# role and level of <p role="heading" aria-level="7"> or the number of <li value="3">.
OWN_ATTRIBUTES = {"id", "aria-label", "class", "role", "aria-level", "start", "value"}


def to_text(value: str | None) -> str:
    """Reduce source text that may hold HTML (``<p>…</p>``, ``&amp;``) to plain text.

    Formatting tags are dropped and character references decoded; anything else
    (``<script>`` typed as a title) stays literal text, which templates escape.
    """
    if not value:
        return ""
    if ("<" in value or "&" in value) and (FORMAT_TAG_RE.search(value) or ENTITY_RE.search(value)):
        value = html.unescape(FORMAT_TAG_RE.sub(" ", value))
    return " ".join(value.split())  # whitespace runs as one space (str.split: the whitespace of ``\s``)


def safe_url(url: str | None) -> str | None:
    """Return ``url`` when it is an absolute http(s) URL, else ``None`` (no ``javascript:``, ``data:``, relative)."""
    if not url:
        return None
    url = url.strip()
    return url if WEB_URL_RE.match(url) else None


def _deny_unsafe_urls(tag: str, attribute: str, value: str) -> str | None:
    """nh3 attribute filter: URL attributes keep only absolute http(s) URLs."""
    if attribute in URL_ATTRIBUTES:
        return safe_url(value)
    return value


def sanitize_inline(markup: str | None) -> Markup:
    """Sanitise HTML from data (formatted references) to a small inline allowlist."""
    cleaned = nh3.clean(
        markup or "",
        tags=INLINE_TAGS,
        attributes={"a": {"href"}, "span": {"lang", "class"}, "*": {"lang"}},
        url_schemes={"http", "https"},
        attribute_filter=_deny_unsafe_urls,
        link_rel="noopener noreferrer",
    )
    return Markup(cleaned)


def sanitize_markdown_html(markup: str, *, allow_relative: bool = True, own: str | None = None) -> Markup:
    """Sanitise HTML rendered from editorial Markdown: block and inline tags, safe URLs only.

    Footnotes keep their markup (the classes of :data:`FOOTNOTE_CLASSES`, links to them, the ids of
    :data:`FOOTNOTE_ID_RE`, a note's number, ``value``, and the name of its link back, ``aria-label``), a
    heading deeper than h6 its role and level (``<p role="heading" aria-level="7">``, see
    :func:`~.markdown._demote`) and a list the number it starts at (``3. three``): the renderer writes each of
    these (:data:`OWN_ATTRIBUTES`) after the key ``own``, which is taken off, and one without it, which raw
    HTML in the text wrote, is dropped, so that no id of a note or mark is there twice and raw HTML passes for
    no heading, note or number of the text's; no other id, class, role or name is kept."""
    tags = INLINE_TAGS | {"p", "ul", "ol", "li", "blockquote", "h2", "h3", "h4", "h5", "h6", "pre", "hr"}
    tags |= {"table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "section"}

    def keep(tag: str, attribute: str, value: str) -> str | None:
        """nh3 attribute filter: absolute http(s) URLs, or relative ones when allowed; of the renderer's own
        attributes (after the key): a footnote's id and classes, the heading role and a level, the number a
        list or an item of it starts at."""
        if attribute in URL_ATTRIBUTES:
            if safe_url(value):
                return value
            relative = allow_relative and not re.match(r"^\s*([a-z][a-z0-9+.-]*:|//)", value, re.IGNORECASE)
            return value if relative else None
        if attribute in OWN_ATTRIBUTES:
            if not own or not value.startswith(own):
                return None
            value = value.removeprefix(own)
            if attribute == "id":
                return value if FOOTNOTE_ID_RE.fullmatch(value) else None
            if attribute == "class":
                return value if value in FOOTNOTE_CLASSES.get(tag, ()) else None
            if attribute == "role":
                return value if value == "heading" else None
            if attribute in ("aria-level", "start", "value"):
                return value if value.isascii() and value.isdigit() else None
        return value

    cleaned = nh3.clean(
        markup,
        tags=tags,
        attributes={
            "a": {"href", "title", "id", "aria-label", "class"},
            "li": {"id", "value", "class"},
            "p": {"role", "aria-level"},
            "ol": {"start", "class"},
            "sup": {"class"},
            "hr": {"class"},
            "section": {"class"},
            "*": {"lang"},
            "th": {"scope"},
        },
        url_schemes={"http", "https", "mailto"},
        attribute_filter=keep,
        link_rel="noopener noreferrer",
    )
    return Markup(cleaned)


def safe_slug(slug: str | None, fallback: str) -> str:
    """A slug that is safe as one path segment: ``[a-z0-9-]``, no dots, never empty.

    Already-safe slugs are returned unchanged; others are folded to ASCII, and
    when nothing usable is left a short hash of ``fallback`` is used.
    """
    if slug and SAFE_SLUG_RE.match(slug):
        return slug
    folded = unicodedata.normalize("NFKD", slug or "").encode("ascii", "ignore").decode().lower()
    folded = SLUG_STRIP_RE.sub("-", folded).strip("-")[:60].strip("-")
    digest = hashlib.sha1(fallback.encode("utf-8")).hexdigest()[:8]
    if len(folded) < 3:
        return f"entry-{digest}"
    return folded if SAFE_SLUG_RE.match(folded) else f"entry-{digest}"
