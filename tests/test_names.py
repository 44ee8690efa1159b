"""Author names: per-family name order, particles, markers, Chinese names."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from evdigest.sources.names import (
    FAMILY_ORDER,
    order_habit,
    parse_authors,
    pinyin_name,
    split_author_list,
    split_chinese_name,
    split_latin_name,
    strip_markers,
)


@pytest.mark.parametrize(
    ("name", "order", "expected"),
    [
        ("Yue Liu", "given-first", ("Liu", "Yue")),
        ("Xingwen Chen", "given-first", ("Chen", "Xingwen")),
        ("Zhang Tianhe", "family-first", ("Zhang", "Tianhe")),
        ("Lyu Ruyue", "family-first", ("Lyu", "Ruyue")),
        ("Zhang T", "family-first", ("Zhang", "T")),
        ("Ou-Yang Jie", "family-first", ("Ou-Yang", "Jie")),
        ("Anna de la Cruz", "given-first", ("de la Cruz", "Anna")),
        ("Ludwig van Beethoven", "given-first", ("van Beethoven", "Ludwig")),
        ("Ana de los Santos", "given-first", ("de los Santos", "Ana")),
        ("John Smith Jr", "given-first", ("Smith Jr", "John")),
        ("Smith, John, Jr.", "given-first", ("Smith Jr.", "John")),
        ("Smith J Jr", "family-first", ("Smith Jr", "J")),
        ("Mary Ann Evans", "given-first", ("Evans", "Mary Ann")),
        ("Liu, Yue", "family-first", ("Liu", "Yue")),
        ("Liu, Yue", "given-first", ("Liu", "Yue")),
        ("Plato", "given-first", ("Plato", None)),
        ("  ", "given-first", (None, None)),
    ],
)
def test_split_latin_name(name: str, order: str, expected: tuple) -> None:
    assert split_latin_name(name, order) == expected


def test_family_orders_are_documented_per_family() -> None:
    assert FAMILY_ORDER == {
        "platform-record": "given-first",
        "pubmed-cn": "family-first",
        "journal-fulltext": "family-first",
    }


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("吕茹月", ("吕", "茹月")),
        ("孙鹏", ("孙", "鹏")),
        ("欧阳修", ("欧阳", "修")),
        ("司马相如", ("司马", "相如")),
        ("欧阳", ("欧", "阳")),
    ],
)
def test_split_chinese_name(name: str, expected: tuple) -> None:
    assert split_chinese_name(name) == expected


def test_split_author_list_separators() -> None:
    assert split_author_list("A One, B Two; C Three，D Four、E Five and F Six & G Seven") == [
        "A One",
        "B Two",
        "C Three",
        "D Four",
        "E Five",
        "F Six",
        "G Seven",
    ]


def test_markers_become_affiliations_and_corresponding_flag() -> None:
    assert strip_markers("Zhang Tianhe1,2*") == ("Zhang Tianhe", (1, 2), True)
    assert strip_markers("Zhang Tianhe") == ("Zhang Tianhe", (), False)
    authors, et_al = parse_authors("Wang Xiaoming1,2, Li Na2, Ou-Yang Jie1*, Chen Hao3", "family-first")
    assert not et_al
    assert [(a.name, a.affiliations, a.corresponding) for a in authors] == [
        ("Wang Xiaoming", (0, 1), False),
        ("Li Na", (1,), False),
        ("Ou-Yang Jie", (0,), True),
        ("Chen Hao", (2,), False),
    ]


@pytest.mark.parametrize(
    ("piece", "expected"),
    [
        ("Xu Kai#[1]", ("Xu Kai", (1,), False)),
        ("Hu Bo*[1,2]", ("Hu Bo", (1, 2), True)),
        ("Hu Bo[1, 2]*", ("Hu Bo", (1, 2), True)),
        ("Zhou Jun†", ("Zhou Jun", (), False)),
        ("Zhou Jun1✉", ("Zhou Jun", (1,), True)),
    ],
)
def test_bracketed_marks_and_which_marks_are_corresponding(piece: str, expected: tuple) -> None:
    assert strip_markers(piece) == expected


def test_commas_inside_brackets_do_not_split_names() -> None:
    assert split_author_list("Xu Kai#[1], Hu Bo*[1,2], Li Xiaoming(李晓明)1") == [
        "Xu Kai#[1]",
        "Hu Bo*[1,2]",
        "Li Xiaoming(李晓明)1",
    ]


def test_et_al_is_reported_not_an_author() -> None:
    authors, et_al = parse_authors("Yue Liu, Kai Zhao, et al.", "given-first")
    assert et_al and [a.family for a in authors] == ["Liu", "Zhao"]


@pytest.mark.parametrize(
    ("text", "last"),
    [
        ("Zhang T, Li X, Wang Y et al.", "Wang Y"),
        ("Zhang T1, Wang Y2 et al", "Wang Y"),
        ("张涛, 李欣, 王雨等", "王雨"),
        ("张涛1, 王雨2等。", "王雨"),
    ],
)
def test_et_al_closing_the_last_name_is_not_part_of_it(text: str, last: str) -> None:
    authors, et_al = parse_authors(text, "family-first")
    assert et_al and (authors[-1].name or authors[-1].name_zh) == last


def test_a_two_character_name_ending_in_deng_is_a_name() -> None:
    authors, et_al = parse_authors("王等, 李欣", "family-first")
    assert not et_al and [a.name_zh for a in authors] == ["王等", "李欣"]


def test_chinese_names_go_to_name_zh() -> None:
    authors, _ = parse_authors("吕茹月, 顾路路", "family-first")
    assert [(a.name, a.name_zh, a.family, a.given) for a in authors] == [
        ("", "吕茹月", "吕", "茹月"),
        ("", "顾路路", "顾", "路路"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Li Xiaoming(李晓明)1", ("Li Xiaoming", "李晓明", "Li", "Xiaoming", (0,), False)),
        ("Ouyang Fang（欧阳芳）2", ("Ouyang Fang", "欧阳芳", "Ouyang", "Fang", (1,), False)),
        ("Li Xiaoming1 (李晓明)", ("Li Xiaoming", "李晓明", "Li", "Xiaoming", (0,), False)),
        ("李晓明(Li Xiaoming)", ("Li Xiaoming", "李晓明", "Li", "Xiaoming", (), False)),
        ("Zhao Hong1(通讯作者)", ("Zhao Hong", None, "Zhao", "Hong", (0,), True)),
        ("赵红（通信作者）", ("", "赵红", "赵", "红", (), True)),
        ("张三(1)", ("", "张三", "张", "三", (0,), False)),
        ("Zhang San（1，2）", ("Zhang San", None, "Zhang", "San", (0, 1), False)),
    ],
)
def test_a_name_with_its_other_script_or_a_note_in_brackets(text: str, expected: tuple) -> None:
    ((author,), _) = parse_authors(text, "family-first")
    assert (author.name, author.name_zh, author.family, author.given, author.affiliations, author.corresponding) == (
        expected
    )


def test_a_bracket_left_open_splits_as_if_absent() -> None:
    assert split_author_list("Zhang San (Dept A, Li Si") == ["Zhang San (Dept A", "Li Si"]


@pytest.mark.parametrize(
    ("name_zh", "written"),
    [
        ("张万松", ("Zhang Wansong", "Zhang", "Wansong")),
        ("吕茹月", ("Lyu Ruyue", "Lyu", "Ruyue")),  # ü written yu, as passports print it
        ("欧阳娜娜", ("Ouyang Nana", "Ouyang", "Nana")),
        ("单雪", ("Shan Xue", "Shan", "Xue")),  # the surname's reading, not the character's common one
        ("曾毅", ("Zeng Yi", "Zeng", "Yi")),
        ("朴", ("Piao", "Piao", None)),
        ("Li Ming", None),
        ("李Ming", None),
    ],
)
def test_a_chinese_name_in_pinyin_family_name_first(name_zh: str, written: tuple | None) -> None:
    assert pinyin_name(name_zh) == written


@pytest.mark.parametrize(
    ("name", "order", "expected"),
    [
        ("MACARTHUR Jane", "family-first", ("MacArthur", "Jane")),
        ("Jane MACARTHUR", "given-first", ("MacArthur", "Jane")),
        ("MACARTHUR, Jane", "given-first", ("MacArthur", "Jane")),
        ("O'BRIEN Sean", "family-first", ("O'Brien", "Sean")),
        ("MCDONALD Ann", "family-first", ("McDonald", "Ann")),
        ("MACHADO Rui", "family-first", ("Machado", "Rui")),
        ("DE LA CRUZ Ana", "family-first", ("De la Cruz", "Ana")),
        ("Ana DE LA CRUZ", "given-first", ("De la Cruz", "Ana")),
        ("VAN DER BERG Jan", "family-first", ("van der Berg", "Jan")),
        ("Jan VAN DER BERG", "given-first", ("van der Berg", "Jan")),
        ("John SMITH Jr", "given-first", ("Smith Jr", "John")),
        ("ZHANG TH", "family-first", ("Zhang", "TH")),
        ("Zhang TH", "family-first", ("Zhang", "TH")),
        ("WHO", "family-first", ("WHO", None)),
        ("MISEV2023 Consortium", "family-first", ("MISEV2023", "Consortium")),
        ("ISEV Board of Directors", "family-first", ("ISEV", "Board of Directors")),
    ],
)
def test_a_family_name_in_capitals_is_written_as_names_are(name: str, order: str, expected: tuple) -> None:
    assert split_latin_name(name, order) == expected


@pytest.mark.parametrize(
    ("name", "order", "expected"),
    [
        ("YUE LIU", "given-first", ("Liu", "Yue")),
        ("WANG XIAOMING", "family-first", ("Wang", "Xiaoming")),
        ("WANG XIAO-MING", "family-first", ("Wang", "Xiao-Ming")),
        ("WANG XIAO MING", "family-first", ("Wang", "Xiao Ming")),
        ("ZHANG XI'AN", "family-first", ("Zhang", "Xi'an")),
        ("JEAN-PAUL DUPONT", "given-first", ("Dupont", "Jean-Paul")),
        ("DUPONT, JEAN-PAUL", "family-first", ("Dupont", "Jean-Paul")),
        ("JEAN P. DUPONT", "given-first", ("Dupont", "Jean P.")),
        ("JEAN-P. DUPONT", "given-first", ("Dupont", "Jean-P.")),
        ("JOSÉ GARCÍA", "given-first", ("García", "José")),
        ("JOHN SMITH Jr", "given-first", ("Smith Jr", "John")),
        ("Zhang XIAOMING", "family-first", ("Zhang", "Xiaoming")),
        # two capitals: a name when they spell a pinyin syllable in a name all in capitals
        ("LI XU", "family-first", ("Li", "Xu")),
        ("WANG NA", "family-first", ("Wang", "Na")),
        ("XU LI", "given-first", ("Li", "Xu")),
        # initials: a letter, letters with a full stop, two letters no syllable spells, or no vowel
        ("LI X", "family-first", ("Li", "X")),
        ("LI XM", "family-first", ("Li", "XM")),
        ("SMITH JA", "family-first", ("Smith", "JA")),
        ("DUPONT J.-P.", "family-first", ("Dupont", "J.-P.")),
        ("JP DUPONT", "given-first", ("Dupont", "JP")),
        ("DUPONT JPM", "family-first", ("Dupont", "JPM")),
        ("WANG XMY", "family-first", ("Wang", "XMY")),
        # two capitals after a family name in mixed case are PubMed's initials
        ("Li XU", "family-first", ("Li", "XU")),
        ("Smith MA", "family-first", ("Smith", "MA")),
        # a group's name stays as printed
        ("ISEV BOARD", "family-first", ("ISEV", "BOARD")),
    ],
)
def test_a_given_name_in_capitals_is_written_as_names_are(name: str, order: str, expected: tuple) -> None:
    assert split_latin_name(name, order) == expected


@pytest.mark.parametrize(
    ("name", "order", "expected"),
    [
        # a particle starts the family name, in either order
        ("JAN VAN DER BERG", "family-first", ("van der Berg", "Jan")),
        ("VAN DER BERG JAN", "given-first", ("van der Berg", "Jan")),
        ("ANNA DI MARIA", "family-first", ("Di Maria", "Anna")),
        ("DI MARIA ANNA", "given-first", ("Di Maria", "Anna")),
        ("MARIA DE LOS SANTOS", "given-first", ("De los Santos", "Maria")),
        ("DE LUCA A", "given-first", ("De Luca", "A")),
        ("JAN VAN DER BERG JR", "given-first", ("van der Berg Jr", "Jan")),
        ("JAN VAN DER BERG Jr", "family-first", ("van der Berg Jr", "Jan")),
        # inside a family-first name it runs to the next word
        ("GARCIA DE LA TORRE MARIA", "family-first", ("Garcia de la Torre", "Maria")),
        # Chinese and Vietnamese names hold no particle
        ("WANG DE HUA", "family-first", ("Wang", "De Hua")),
        ("DE HUA LIU", "given-first", ("Liu", "De Hua")),
        ("DU XIAO MING", "family-first", ("Du", "Xiao Ming")),
        ("NGUYEN VAN AN", "family-first", ("Nguyen", "Van An")),
        ("AN VAN NGUYEN", "given-first", ("Nguyen", "An Van")),
        ("LE THANH HAI", "family-first", ("Le", "Thanh Hai")),
    ],
)
def test_a_particle_tells_the_family_name_of_a_name_all_in_capitals(name: str, order: str, expected: tuple) -> None:
    assert split_latin_name(name, order) == expected


@pytest.mark.parametrize(
    ("text", "order", "givens"),
    [
        # among initials, two letters that may be either are initials
        ("SMITH JA, LEE KM, NG AI", "family-first", ["JA", "KM", "AI"]),
        ("JA SMITH, KM LEE, AI NG", "given-first", ["JA", "KM", "AI"]),
        ("Smith J, Lee K, Li XU, Wang YU", "family-first", ["J", "K", "XU", "YU"]),
        ("ZHANG W, LI XU, WANG NA, et al.", "family-first", ["W", "XU", "NA"]),
        # among names, names
        ("ZHANG WEI, LI AN, WANG YU", "family-first", ["Wei", "An", "Yu"]),
        ("ZHANG Wei, LI AN, WANG YU", "family-first", ["Wei", "An", "Yu"]),
        ("JOHN SMITH, ED BROWN, JO LEE", "given-first", ["John", "Ed", "Jo"]),
        ("Zhang XIAOMING, Li XU", "family-first", ["Xiaoming", "Xu"]),
        # a list with no habit: a pinyin syllable after a family name in capitals is a name, else initials
        ("LI XU, WANG NA", "family-first", ["Xu", "Na"]),
        ("SMITH ED, LI XU", "family-first", ["ED", "Xu"]),
        ("Li XU", "family-first", ["XU"]),
        ("ZHANG WEI, SMITH JA, LI AN", "family-first", ["Wei", "JA", "An"]),
    ],
)
def test_two_capitals_that_may_be_initials_or_a_name_follow_the_list_s_habit(
    text: str, order: str, givens: list[str]
) -> None:
    authors, _ = parse_authors(text, order)
    assert [a.given for a in authors] == givens


PINYIN_GIVEN = st.lists(st.sampled_from(["xiao", "ming", "jian", "hua", "yue", "wan", "song", "na", "xu", "li"]))


@given(
    family=st.sampled_from(["WANG", "LI", "OUYANG", "ZHANG"]), syllables=PINYIN_GIVEN.filter(bool), hyphen=st.booleans()
)
def test_a_pinyin_given_name_in_capitals_is_one_word_capitalised(family: str, syllables: list, hyphen: bool) -> None:
    given_name = ("-" if hyphen else "").join(syllables)
    written = "-".join(s.capitalize() for s in syllables) if hyphen else given_name.capitalize()
    assert split_latin_name(f"{family} {given_name.upper()}", "family-first") == (family.capitalize(), written)
    assert split_latin_name(f"{given_name.upper()} {family}", "given-first") == (family.capitalize(), written)


@given(
    family=st.sampled_from(["WANG", "Wang", "DUPONT", "Smith"]),
    # NG alone is a Cantonese family name as well, read so in a list that does not print initials ("Ai NG")
    initials=st.text(alphabet="BCDFGHJKLMNPQRSTVWXZ", min_size=1, max_size=3).filter(lambda text: text != "NG"),
    dots=st.booleans(),
)
def test_initials_in_capitals_stay_as_printed(family: str, initials: str, dots: bool) -> None:
    printed = "".join(f"{letter}." for letter in initials) if dots else initials
    assert split_latin_name(f"{family} {printed}", "family-first")[1] == printed


FAMILIES_WITH_PARTICLES = ["van der Berg", "de la Cruz", "van Beethoven", "de los Santos"]


@given(
    family=st.sampled_from(["Smith", "Dupont", "O'Brien", "Lee", *FAMILIES_WITH_PARTICLES]),
    given_name=st.sampled_from(["JA", "KM", "J.-P.", "J", "J. A.", "JPM", "Jan", "Maria", "Jean-Paul"]),
    capitals=st.booleans(),
    order=st.sampled_from(["given-first", "family-first"]),
)
def test_a_name_printed_in_either_order_splits_the_same_way(
    family: str, given_name: str, capitals: bool, order: str
) -> None:
    """Where nothing else tells the order, initials after a name tell that it is the family name, and so does a
    particle starting it; a name printed against the order of its family is split as printed in that order."""
    told_by_particle = family in FAMILIES_WITH_PARTICLES
    initials = given_name.replace(".", "").replace("-", "").isupper()
    assume(told_by_particle or (initials and order == "given-first"))  # "Smith Jan" tells nothing
    if capitals:
        family, given_name = family.upper(), given_name.upper()
    family_first = split_latin_name(f"{family} {given_name}", order)
    assert split_latin_name(f"{given_name} {family}", order) == family_first
    assert family_first[0] is not None and family_first[0].casefold() == family.casefold()
    assert family_first[1] is not None and family_first[1].casefold() == given_name.casefold()


@pytest.mark.parametrize(
    ("name", "order", "expected"),
    [
        # a suffix after initials goes with the family name, in either order
        ("SMITH JA JR", "family-first", ("Smith Jr", "JA")),
        ("SMITH JA JR", "given-first", ("Smith Jr", "JA")),
        ("Smith JA JR", "family-first", ("Smith Jr", "JA")),
        ("JOHN SMITH JR", "given-first", ("Smith Jr", "John")),
        ("SMITH JR", "family-first", ("Smith", "JR")),
        # initials with full stops before one name are given names, in either order
        ("J. A. Smith", "family-first", ("Smith", "J. A.")),
        ("J.-P. DUPONT", "family-first", ("Dupont", "J.-P.")),
        ("J. van der Berg", "family-first", ("van der Berg", "J.")),
        ("SMITH J. A.", "given-first", ("Smith", "J. A.")),
        # a Chinese family name first and pinyin syllables after it: family-first, in either order
        ("WANG DE HUA", "given-first", ("Wang", "De Hua")),
        ("Li Xiao Ming", "given-first", ("Li", "Xiao Ming")),
        ("YUE LIU", "given-first", ("Liu", "Yue")),
        ("De Hua WANG", "given-first", ("Wang", "De Hua")),
        # a Cantonese family name first and syllables after it: family-first, in either order
        ("CHAN DE WAI", "given-first", ("Chan", "De Wai")),
        ("Wong Ka Lok", "given-first", ("Wong", "Ka Lok")),
        ("KA LOK WONG", "given-first", ("Wong", "Ka Lok")),
        ("CHAN WAI", "given-first", ("Wai", "Chan")),
        # a Korean family name first and syllables after it: family-first, in either order
        ("KIM DA HYE", "given-first", ("Kim", "Da Hye")),
        ("Park Ji Hoon", "given-first", ("Park", "Ji Hoon")),
        ("KANG JI HOON", "given-first", ("Kang", "Ji Hoon")),
        ("DA HYE KIM", "given-first", ("Kim", "Da Hye")),
        ("JUNG HOON KIM", "given-first", ("Kim", "Jung Hoon")),
        ("KIM HYE", "given-first", ("Hye", "Kim")),
        # a Vietnamese family name at one end, the other no family name: family-first or given-first
        ("NGUYEN VAN AN", "given-first", ("Nguyen", "Van An")),
        ("An Van Nguyen", "family-first", ("Nguyen", "An Van")),
        ("Nguyen An", "given-first", ("Nguyen", "An")),
        ("Tran Thi Mai", "given-first", ("Tran", "Thi Mai")),
        ("NGUYEN DO AN", "given-first", ("Nguyen", "Do An")),
        # its middle name a part of the given name, the given name one letter
        ("NGUYEN VAN A", "family-first", ("Nguyen", "Van A")),
        ("NGUYEN VAN A", "given-first", ("Nguyen", "Van A")),
        ("A VAN NGUYEN", "given-first", ("Nguyen", "A Van")),
        ("A Van NGUYEN", "family-first", ("Nguyen", "A Van")),
        ("An Do Nguyen", "family-first", ("Nguyen", "An Do")),
        # a syllable pinyin has not is no Chinese given name: read in its family's order
        ("Mei Fin Wang", "given-first", ("Wang", "Mei Fin")),
        # but Cantonese names spell it: a Cantonese family name first and its syllables after it
        ("CHAN Ho Yin", "given-first", ("Chan", "Ho Yin")),
        ("Lo Ka Ho", "family-first", ("Lo", "Ka Ho")),
        ("Wai Ho LI", "family-first", ("Li", "Wai Ho")),
        ("YU HO", "family-first", ("Yu", "HO")),
        # a name all in pinyin is a Chinese name, read in its family's order
        ("Yu Le", "family-first", ("Yu", "Le")),
        ("Wei Dang", "given-first", ("Dang", "Wei")),
    ],
)
def test_a_name_read_against_its_family_s_order(name: str, order: str, expected: tuple) -> None:
    assert split_latin_name(name, order) == expected


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Xiaoming WANG", "Kai ZHAO", "WANG DE HUA"], "given-first"),
        (["J. A. Smith", "Yue Liu"], "given-first"),
        (["WANG Xiaoming", "Smith JA", "Liu, Yue", "WANG DE HUA"], "family-first"),
        (["Yue Liu", "JOHN SMITH", "WANG DE HUA", "VAN DER BERG JAN"], None),
        (["Xiaoming WANG", "WANG Xiaoming"], None),
    ],
)
def test_the_order_a_list_prints_its_names_in(names: list[str], expected: str | None) -> None:
    assert order_habit(names) == expected


def test_a_chinese_name_in_pinyin_is_read_as_the_list_prints_its_names() -> None:
    authors, _ = parse_authors("Xiaoming WANG, Kai ZHAO, WANG DE HUA", "given-first")
    assert [(a.family, a.given) for a in authors] == [("Wang", "Xiaoming"), ("Zhao", "Kai"), ("Hua", "Wang De")]
    authors, _ = parse_authors("Kai Zhao, WANG DE HUA", "given-first")
    assert [(a.family, a.given) for a in authors] == [("Zhao", "Kai"), ("Wang", "De Hua")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ai NG, Xiaoming WANG", ("Ng", "Ai")),
        ("Ai NG, Smith JA, Lee KM", ("Ai", "NG")),
        ("Ruyue LV, Smith JA, Lee KM", ("Lv", "Ruyue")),
        ("AI NG, JA SMITH", ("Ng", "AI")),
    ],
)
def test_two_letters_that_may_be_a_family_name_after_a_name_follow_the_list_s_habit(text: str, expected: tuple) -> None:
    authors, _ = parse_authors(text, "given-first")
    assert (authors[0].family, authors[0].given) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ai NG, Smith JA", ("Ai", "NG")),
        ("SMITH HO, JONES AB", ("Smith", "HO")),
        ("Smith LO, Jones AB", ("Smith", "LO")),
        ("Smith HO", ("Ho", "Smith")),
        ("Smith HO, Xiaoming WANG", ("Ho", "Smith")),
        ("Ka Lok HO, Kin AU, SMITH JA", ("Ho", "Ka Lok")),
    ],
)
def test_a_name_the_habit_reads_either_way_tells_no_habit(text: str, expected: tuple) -> None:
    """SMITH HO is Ho, Smith with no habit and Smith, HO among initials: the list's other names tell which."""
    for order in ("given-first", "family-first"):
        authors, _ = parse_authors(text, order)
        assert (authors[0].family, authors[0].given) == expected, order


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("Xiaoming WANG, Jean-Paul DUPONT", "family-first", [("Wang", "Xiaoming"), ("Dupont", "Jean-Paul")]),
        ("WANG Xiaoming, DE LA CRUZ Ana", "given-first", [("Wang", "Xiaoming"), ("De la Cruz", "Ana")]),
        ("Xiaoming WANG, Na LI", "family-first", [("Wang", "Xiaoming"), ("Li", "Na")]),
        ("Ai NG, Jean-Paul DUPONT", "family-first", [("Ng", "Ai"), ("Dupont", "Jean-Paul")]),
        # a pinyin given name after a Chinese family name, two letters in a list that does not tell
        ("Zhang XIAOMING, Li XU", "family-first", [("Zhang", "Xiaoming"), ("Li", "Xu")]),
        # two letters that may be initials after a given name of two syllables or more, alone
        ("Ka Lok YU", "family-first", [("Yu", "Ka Lok")]),
        ("Xiaoming YU", "family-first", [("Yu", "Xiaoming")]),
        ("Wei-Ming YU", "family-first", [("Yu", "Wei-Ming")]),
        ("YU Xiaoming", "given-first", [("Yu", "Xiaoming")]),
        ("Li XU", "family-first", [("Li", "XU")]),
        ("Ouyang XU", "family-first", [("Ouyang", "XU")]),
        # a word Latin names spell as well before them tells nothing: read in the family's order
        ("Hanna MA", "family-first", [("Hanna", "MA")]),
        ("Hanna MA", "given-first", [("Ma", "Hanna")]),
        # among initials a given name in one word may be a family name: "Hanna MA" is PubMed's; one spelt as pinyin
        # spells and Latin names seldom do is a given name, and so is one of syllables joined by a hyphen
        ("Smith JA, Lee KM, Hanna MA", "family-first", [("Smith", "JA"), ("Lee", "KM"), ("Hanna", "MA")]),
        ("Smith JA, Lee KM, Xiaoming YU", "family-first", [("Smith", "JA"), ("Lee", "KM"), ("Yu", "Xiaoming")]),
        ("Smith JA, Lee KM, Jianguo MA", "family-first", [("Smith", "JA"), ("Lee", "KM"), ("Ma", "Jianguo")]),
        ("Smith JA, Lee KM, Huimin LI", "family-first", [("Smith", "JA"), ("Lee", "KM"), ("Li", "Huimin")]),
        ("Smith JA, Lee KM, Wei-Ming YU", "family-first", [("Smith", "JA"), ("Lee", "KM"), ("Yu", "Wei-Ming")]),
        ("Smith JA, Lee KM, Julia MA", "family-first", [("Smith", "JA"), ("Lee", "KM"), ("Julia", "MA")]),
        ("Smith JA, Lee KM, Ka Lok YU", "family-first", [("Smith", "JA"), ("Lee", "KM"), ("Yu", "Ka Lok")]),
        ("Smith JA, Lee KM, Guoqiang MA", "family-first", [("Smith", "JA"), ("Lee", "KM"), ("Ma", "Guoqiang")]),
        # pinyin's vowels (ao, uo) as Japanese and Latin names spell them are no sign: PubMed's name and initials
        ("Smith JA, Nakao K, Nagao MA", "family-first", [("Smith", "JA"), ("Nakao", "K"), ("Nagao", "MA")]),
        ("Smith JA, Nakao K, Takao YU", "family-first", [("Smith", "JA"), ("Nakao", "K"), ("Takao", "YU")]),
        ("Smith JA, Nakao K, Kazuo MA", "family-first", [("Smith", "JA"), ("Nakao", "K"), ("Kazuo", "MA")]),
        ("Smith JA, Lee KM, Paolo MA", "family-first", [("Smith", "JA"), ("Lee", "KM"), ("Paolo", "MA")]),
        ("Smith JA, Lee KM, Leao MA", "family-first", [("Smith", "JA"), ("Lee", "KM"), ("Leao", "MA")]),
    ],
)
def test_a_family_name_in_capitals_at_one_end_tells_the_order(text: str, order: str, expected: list) -> None:
    authors, _ = parse_authors(text, order)
    assert [(a.family, a.given) for a in authors] == expected


@pytest.mark.parametrize("names", [["Na LI", "Li XU"], ["Zhang XIAOMING", "Smith MA"], ["JA Smith"]])
def test_capitals_that_may_not_be_a_family_name_tell_no_order(names: list[str]) -> None:
    assert order_habit(names) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ka Lok HO, Wai Man LO, Kin AU, Man IP", [("Ho", "Ka Lok"), ("Lo", "Wai Man"), ("Au", "Kin"), ("Ip", "Man")]),
        ("HO Ka Lok, Smith J, Lee K", [("Ho", "Ka Lok"), ("Smith", "J"), ("Lee", "K")]),
        ("Smith JA, Lee KM, Ho KL, Wai LO", [("Smith", "JA"), ("Lee", "KM"), ("Ho", "KL"), ("Wai", "LO")]),
    ],
)
def test_a_cantonese_family_name_of_two_letters_follows_the_list_s_habit(text: str, expected: list) -> None:
    authors, _ = parse_authors(text, "family-first")
    assert [(a.family, a.given) for a in authors] == expected
