"""Translators of a reference (GB/T 7714's ``张三, 译.``, ``Translated by``, APA's ``(J. Smith, Trans.)``) and the
country marks Chinese references print before foreign authors (``[美] 温伯格``)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evdigest.refs.parse import parse_reference

ZHAN_LIU = [{"family": "詹", "given": "启敏"}, {"family": "刘", "given": "芝华"}]


@pytest.mark.parametrize(
    ("raw", "authors", "translators"),
    [
        ("[美] 温伯格. 癌生物学[M]. 詹启敏, 刘芝华, 译. 北京: 科学出版社, 2009.", [{"literal": "温伯格"}], ZHAN_LIU),
        (
            "[12] [美]温伯格. 癌生物学[M]. 詹启敏, 刘芝华, 译. 北京: 科学出版社, 2009.",
            [{"literal": "温伯格"}],
            ZHAN_LIU,
        ),
        (
            "（美）温伯格．癌生物学［M］．詹启敏，刘芝华，译．北京：科学出版社，2009．",
            [{"literal": "温伯格"}],
            ZHAN_LIU,
        ),
        (
            "12. 〔美〕温伯格. 癌生物学[M]. 詹启敏, 刘芝华 译. 北京: 科学出版社, 2009.",
            [{"literal": "温伯格"}],
            ZHAN_LIU,
        ),
        (
            "[美]罗伯特·温伯格, [英]理查德·道金斯. 癌生物学[M]. 詹启敏, 刘芝华, 等译. 北京: 科学出版社, 2009.",
            [{"literal": "罗伯特·温伯格"}, {"literal": "理查德·道金斯"}],
            ZHAN_LIU,
        ),
        (
            "(美)WEINBERG R A. 癌生物学[M]. 詹启敏译. 北京: 科学出版社, 2009.",
            [{"family": "Weinberg", "given": "R. A."}],
            [{"family": "詹", "given": "启敏"}],
        ),
        (
            "马克思. 癌生物学[M]. 中共中央马克思恩格斯列宁斯大林著作编译局, 译. 北京: 科学出版社, 2009.",
            [{"family": "马", "given": "克思"}],
            [{"literal": "中共中央马克思恩格斯列宁斯大林著作编译局"}],
        ),
    ],
)
def test_gbt_translators_after_the_title_are_the_translators(raw: str, authors: list, translators: list) -> None:
    parsed = parse_reference(raw)
    item = parsed.item
    assert item["translator"] == translators
    assert item["author"] == authors
    assert (item["type"], item["title"]) == ("book", "癌生物学")
    assert (item["publisher-place"], item["publisher"], item["issued"]) == (
        "北京",
        "科学出版社",
        {"date-parts": [[2009]]},
    )
    assert parsed.status == "full", parsed.problems


@pytest.mark.parametrize(
    "raw",
    [
        "张三. 机器翻译[M]. 北京: 科学出版社, 2009.",
        "张三, 李四. 蛋白质翻译[J]. 生物化学杂志, 2009, 3(2): 1-5.",
        "张三. 机器翻译原理[M]. 李四, 编译. 北京: 科学出版社, 2009.",
        "张三. 机器翻译原理[M]. 李四, 王五合译. 北京: 科学出版社, 2009.",
    ],
)
def test_words_ending_in_yi_are_no_translators(raw: str) -> None:
    """翻译 (translation) in a title, 编译 (compiled) and 合译 (translated together) name no translator list."""
    parsed = parse_reference(raw)
    assert "translator" not in parsed.item
    assert parsed.item["author"][0] == {"family": "张", "given": "三"}


def test_a_chinese_author_without_a_country_mark_keeps_family_and_given_name() -> None:
    item = parse_reference("[1] 温伯格. 癌生物学[M]. 北京: 科学出版社, 2009.").item
    assert item["author"] == [{"family": "温", "given": "伯格"}]


@pytest.mark.parametrize(
    ("raw", "translators", "title"),
    [
        (
            "Weinberg RA. The biology of cancer. Trans. by J. Smith. New York: Garland Science; 2007.",
            [{"family": "Smith", "given": "J."}],
            "The biology of cancer",
        ),
        (  # Citing Medicine's translator, named as its editors are
            "Bauby JD. The diving bell and the butterfly. Leggatt J, translator. New York: Knopf; 1997.",
            [{"family": "Leggatt", "given": "J."}],
            "The diving bell and the butterfly",
        ),
        (
            "Solzhenitsyn A. The Gulag Archipelago. Translated by Thomas P. Whitney and H. Willets. New York: Harper "
            "& Row; 1974.",
            [{"family": "Whitney", "given": "Thomas P."}, {"family": "Willets", "given": "H."}],
            "The Gulag Archipelago",
        ),
        (
            "Piaget, J. (1969). The psychology of the child (H. Weaver, Trans.). Basic Books.",
            [{"family": "Weaver", "given": "H."}],
            "The psychology of the child",
        ),
        (
            "Laplace, P.-S. (1951). A philosophical essay on probabilities (F. W. Truscott & F. L. Emory, Trans.). "
            "Dover.",
            [{"family": "Truscott", "given": "F. W."}, {"family": "Emory", "given": "F. L."}],
            "A philosophical essay on probabilities",
        ),
        # AnyStyle core.xml #604, #700 and #986, gold.xml #1461 and #1576
        (
            "Kapr, A. (1995). Johann Gutenberg (translated by Douglas Martin). New York: Scholar Press.",
            [{"family": "Martin", "given": "Douglas"}],
            "Johann Gutenberg",
        ),
        (
            "Calvino, Italo. Invisible Cities. Translated by William Weaver. San Diego: Harcourt Brace Jovanovich, "
            "1974.",
            [{"family": "Weaver", "given": "William"}],
            "Invisible Cities",
        ),
        (
            "Manetti, Giovanni 1993. Theories of the Sign in Classical Antiquity. Trans. Christine Richardson. "
            "Bloomington: Indiana UP.",
            [{"family": "Richardson", "given": "Christine"}],
            "Theories of the Sign in Classical Antiquity",
        ),
        (
            "Blanchot, M. (1993). The infinite conversation. Hanson, S. (trans.). Minneapolis:",
            [{"family": "Hanson", "given": "S."}],
            "The infinite conversation",
        ),
        (
            "______. A Biblical Miscellany, trans. Trent Foley and Arthur G. Holder. Liverpool, 1999.",
            [{"family": "Foley", "given": "Trent"}, {"family": "Holder", "given": "Arthur G."}],
            "A Biblical Miscellany",
        ),
    ],
)
def test_english_translator_statements_are_the_translators(raw: str, translators: list, title: str) -> None:
    item = parse_reference(raw).item
    assert item["translator"] == translators
    assert item["title"] == title
    assert not any("rans" in str(value) for key, value in item.items() if key != "translator")


@pytest.mark.parametrize(
    "raw",
    [
        "Knopfmacher, A., and Warlimont, R. Distinct degree factorizations for polynomials over a finite field. "
        "Trans. Amer. Math. Soc. 347, (1995), 2235-2243.",
        "Smith J. Vector control of malaria. Trans. R. Soc. Trop. Med. Hyg. 1990;84(1):1-5.",
        "D. J. Burr. Elastic matching of line drawings. IEEE Trans. Pattern Analysis and Machine Intelligence, 3(6), "
        "708-713, 1981.",
        # "Willa" is no name read alone: the list is not read in part
        "Kafka F. The Trial. Translated by Willa and Edwin Muir; revised by E. M. Butler. New York: Schocken Books; "
        "1984.",
    ],
)
def test_a_journal_s_trans_or_a_list_not_read_whole_is_no_translator(raw: str) -> None:
    assert "translator" not in parse_reference(raw).item


CJK_NAMES = st.builds(
    "{}{}".format,
    st.sampled_from("王李张刘陈杨黄赵吴周徐孙马朱胡"),
    st.text(alphabet="启敏芝华允中岱云复加晓明娜伟", min_size=1, max_size=2),
)
LATIN_NAMES = st.builds(
    "{} {}".format,
    st.sampled_from(["John", "Ann", "J.", "A. B.", "Helen R."]),
    st.sampled_from(["Smith", "Weaver", "Howard", "Nicholson-Smith", "Richardson"]),
)


@settings(max_examples=80, deadline=None)
@given(
    names=st.lists(CJK_NAMES, min_size=1, max_size=3, unique=True),
    separator=st.sampled_from([", ", "，", ","]),
    label=st.sampled_from([", 译", "，译", " 译", ", 等译", "等译"]),
    mark=st.sampled_from(["[美] ", "[英]", "（德）", "(法)", ""]),
)
def test_any_gbt_translator_list_is_read_whole(names: list[str], separator: str, label: str, mark: str) -> None:
    raw = f"{mark}某某某. 书名[M]. {separator.join(names)}{label}. 北京: 科学出版社, 2015."
    item = parse_reference(raw).item
    assert ["".join(name.values()) for name in item["translator"]] == names
    assert (item["title"], item["publisher"]) == ("书名", "科学出版社")
    assert ["".join(name.values()) for name in item["author"]] == ["某某某"]


@settings(max_examples=80, deadline=None)
@given(
    names=st.lists(LATIN_NAMES, min_size=1, max_size=3, unique=True),
    form=st.sampled_from(["Translated by {names}.", "Trans. by {names}.", "Trans. {names}.", "({names}, Trans.)."]),
)
def test_any_english_translator_list_is_read_whole(names: list[str], form: str) -> None:
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    raw = f"Weinberg, R. (2007). The biology of cancer. {form.format(names=joined)} New York: Garland Science."
    if form.startswith("("):
        raw = raw.replace("cancer. (", "cancer (")
    item = parse_reference(raw).item
    assert [f"{name['given']} {name['family']}" for name in item["translator"]] == names
    assert item["title"] == "The biology of cancer"


def test_translators_in_capitals_are_written_as_authors_in_capitals_are() -> None:
    """GB/T 7714 prints Latin family names in capitals; a translator's is written in title case, as an author's."""
    item = parse_reference(
        "WEINBERG R A. The biology of cancer[M]. SMITH J, MACARTHUR E, 译. New York: Garland Science, 2007."
    ).item
    assert item["author"] == [{"family": "Weinberg", "given": "R. A."}]
    assert item["translator"] == [{"family": "Smith", "given": "J."}, {"family": "MacArthur", "given": "E."}]
    assert (item["title"], item["publisher"]) == ("The biology of cancer", "Garland Science")


@pytest.mark.parametrize(
    ("raw", "title", "translators"),
    [
        (
            "The Odyssey. Trans. Emily Wilson. New York: Norton, 2017.",
            "The Odyssey",
            [{"family": "Wilson", "given": "Emily"}],
        ),
        (
            "Anna Karenina. Translated by Rosamund Bartlett. Oxford: Oxford University Press, 2014.",
            "Anna Karenina",
            [{"family": "Bartlett", "given": "Rosamund"}],
        ),
        (
            "Eugene Onegin, trans. Stanley Mitchell. London: Penguin, 2008.",
            "Eugene Onegin",
            [{"family": "Mitchell", "given": "Stanley"}],
        ),
        (
            "Tales of Ise, Genji and Heike. Translated by J. K. Mori and L. Hart. Tokyo: Kodansha, 1985.",
            "Tales of Ise, Genji and Heike",
            [{"family": "Mori", "given": "J. K."}, {"family": "Hart", "given": "L."}],
        ),
    ],
)
def test_a_title_before_its_translators_is_not_an_author_list(raw: str, title: str, translators: list) -> None:
    """MLA's and Chicago's ``Title. Trans. Name. Place: Publisher, Year.`` with no author: the translators follow
    the title, so the sentence before them is the title even when it reads as names (``Anna Karenina``)."""
    item = parse_reference(raw).item
    assert "author" not in item
    assert (item.get("title"), item.get("translator"), item.get("type")) == (title, translators, "book")


def test_an_author_before_a_title_and_its_translators_stays_the_author() -> None:
    item = parse_reference("Tolstoy, Leo. Anna Karenina. Trans. Rosamund Bartlett. Oxford: Oxford UP, 2014.").item
    assert item["author"] == [{"family": "Tolstoy", "given": "Leo"}]
    assert (item["title"], item["translator"]) == ("Anna Karenina", [{"family": "Bartlett", "given": "Rosamund"}])


@settings(max_examples=60, deadline=None)
@given(
    title=st.sampled_from(["Anna Karenina", "Madame Bovary", "Don Quixote", "The Odyssey", "Eugene Onegin"]),
    names=st.lists(LATIN_NAMES, min_size=1, max_size=2, unique=True),
    label=st.sampled_from([". Trans. ", ". Translated by ", ". Trans. by ", ", trans. "]),
)
def test_a_title_before_a_translator_statement_is_never_its_author(title: str, names: list[str], label: str) -> None:
    raw = f"{title}{label}{' and '.join(names)}. New York: Garland Science, 2015."
    item = parse_reference(raw).item
    assert "author" not in item
    assert item["title"] == title
    assert [f"{name['given']} {name['family']}" for name in item["translator"]] == names


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("Don Quixote. Translated by Edith Grossman.", "Don Quixote"),
        ("Eugene Onegin, trans. Edith Grossman.", "Eugene Onegin"),
        ("War and Peace. Trans. Edith Grossman", "War and Peace"),
    ],
)
def test_a_title_and_a_translator_statement_alone_are_title_and_translator(raw: str, title: str) -> None:
    """``Madame Bovary. Translated by Lydia Davis.`` with nothing after it: the sentence before the statement is the
    title, not an author, and the reference is read in part, not failed."""
    parsed = parse_reference(raw)
    assert "author" not in parsed.item
    assert (parsed.item.get("title"), parsed.item.get("translator")) == (
        title,
        [{"family": "Grossman", "given": "Edith"}],
    )
    assert parsed.status == "partial"


@pytest.mark.parametrize(
    ("raw", "author", "translators", "publisher"),
    [
        (
            "Tolstoy, Leo. War and Peace. Translated by Edith Grossman, Ecco Press, 2003.",
            [{"family": "Tolstoy", "given": "Leo"}],
            [{"family": "Grossman", "given": "Edith"}],
            "Ecco Press",
        ),
        (
            "War and Peace. Translated by Edith Grossman and Anne Carson, Harvill, 2003.",
            None,
            [{"family": "Grossman", "given": "Edith"}, {"family": "Carson", "given": "Anne"}],
            "Harvill",
        ),
    ],
)
def test_mla_translators_running_on_into_the_publisher_are_names_only(
    raw: str, author: list | None, translators: list, publisher: str
) -> None:
    """MLA 9's ``Translated by Robert Fagles, Penguin Books, 1990.``: the translators are the names before the
    comma after which the publisher and year follow, and the work is a book."""
    item = parse_reference(raw).item
    assert (item.get("author"), item["translator"], item["title"]) == (author, translators, "War and Peace")
    assert (item["type"], item["publisher"], item["issued"]) == ("book", publisher, {"date-parts": [[2003]]})


@settings(max_examples=60, deadline=None)
@given(
    title=st.sampled_from(["Anna Karenina", "Madame Bovary", "Don Quixote", "The Odyssey"]),
    names=st.lists(LATIN_NAMES, min_size=1, max_size=2, unique=True),
    publication=st.sampled_from([", Penguin Books, 1990.", ", Vintage, 2004.", ", New York: Norton, 2017.", "."]),
)
def test_a_translator_list_never_holds_the_publication(title: str, names: list[str], publication: str) -> None:
    item = parse_reference(f"{title}. Translated by {' and '.join(names)}{publication}").item
    assert "author" not in item
    assert item["title"] == title
    assert [f"{name['given']} {name['family']}" for name in item["translator"]] == names
    if publication != ".":
        assert item["type"] == "book" and item["publisher"] in publication


@settings(max_examples=60, deadline=None)
@given(
    author=st.sampled_from(["Max Weber", "Weber, Max", "Adolf Hitler"]),
    title=st.sampled_from(["Economy and Society", "Minima Moralia: Reflections from Damaged Life", "Mein Kampf"]),
    label=st.sampled_from(["trans.", "translated by", "Trans."]),
    names=st.sampled_from(
        [["Guenther Roth"], ["E. F. N. Jephcott"], ["Talcott Parsons", "Anthony Giddens"], ["James Vincent Murphy"]]
    ),
    publication=st.sampled_from(
        [("Berkeley: University of California Press, 1978", "Berkeley"), ("Stanford University Press, 1988", None)]
    ),
    pages=st.sampled_from(["", ", 24", ", p. 19"]),
)
def test_a_translator_between_a_title_and_its_bracketed_publication_is_the_translator(
    author: str, title: str, label: str, names: list[str], publication: tuple[str, str | None], pages: str
) -> None:
    """Chicago's notes: ``Author, Title, trans. Name (Place: Publisher, Year), pages.``: a book by its author, its
    translators between the title's comma and the bracket."""
    printed = f"{author}, {title}, {label} {' and '.join(names)} ({publication[0]}){pages}."
    item = parse_reference(printed).item
    assert (item["type"], item["title"]) == ("book", title)
    assert [name["family"] for name in item["author"]] == ["Hitler" if "Hitler" in author else "Weber"]
    assert [name["family"] for name in item["translator"]] == [name.split()[-1] for name in names]
    assert item.get("publisher-place") == publication[1]
