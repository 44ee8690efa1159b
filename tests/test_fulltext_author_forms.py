"""Authors and affiliations of a journal full text in the forms Chinese journals print them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evdigest.model import Entry
from evdigest.sources import fulltext_authors as fa
from evdigest.sources import journal_fulltext, platform_record, pubmed_cn
from evdigest.sources.base import Origin
from evdigest.sources.slug import make_slug

ARTICLE = (Path(__file__).resolve().parent / "fixtures" / "sources" / "fulltext-authors-article.txt").read_text(
    encoding="utf-8"
)
ZH_AUTHORS = "王晓明¹²，李娜¹，欧阳建华³*，张伟¹"
EN_AUTHORS = "WANG Xiaoming¹², LI Na¹, OUYANG Jianhua³*, ZHANG Wei¹"


def parse(text: str) -> Entry:
    return journal_fulltext.parse(text, Origin("sources/wang-2026.txt"))


def with_authors(zh: str | None, en: str | None) -> str:
    """The article with its author lines printed as ``zh`` and ``en`` (``None``: the line left out)."""
    text = ARTICLE.replace(ZH_AUTHORS + "\n\n", "" if zh is None else zh + "\n\n")
    return text.replace(EN_AUTHORS + "\n\n", "" if en is None else en + "\n\n")


def names(entry: Entry) -> list[tuple[str | None, str, str | None, str | None]]:
    return [(a.name_zh, a.name, a.family, a.given) for a in entry.authors]


def people(entry: Entry) -> list[tuple[str | None, str, tuple[int, ...], bool]]:
    return [(a.name_zh, a.name, a.affiliations, a.corresponding) for a in entry.authors]


AS_PRINTED = [
    ("王晓明", "WANG Xiaoming", (0, 1), False),
    ("李娜", "LI Na", (0,), False),
    ("欧阳建华", "OUYANG Jianhua", (2,), True),
    ("张伟", "ZHANG Wei", (0,), False),
]
"""The authors of the article as printed: names, affiliations and who is corresponding."""


def test_the_article_reads_as_it_is() -> None:
    entry = parse(ARTICLE)
    assert names(entry) == [
        ("王晓明", "WANG Xiaoming", "Wang", "Xiaoming"),
        ("李娜", "LI Na", "Li", "Na"),
        ("欧阳建华", "OUYANG Jianhua", "Ouyang", "Jianhua"),
        ("张伟", "ZHANG Wei", "Zhang", "Wei"),
    ]
    assert people(entry) == AS_PRINTED
    assert len(entry.affiliations) == 3 and all(a.en and a.zh for a in entry.affiliations)


# --- Latin names printed given name first ------------------------------------------------


@pytest.mark.parametrize(
    ("en", "givens"),
    [
        ("Xiaoming WANG¹², Na LI¹, Jianhua OUYANG³*, Wei ZHANG¹", ("Xiaoming", "Jianhua")),
        ("Xiaoming Wang¹², Na Li¹, Jianhua Ouyang³*, Wei Zhang¹", ("Xiaoming", "Jianhua")),
        ("Xiao-ming WANG¹², Na LI¹, Jian Hua OUYANG³*, Wei ZHANG¹", ("Xiao-ming", "Jian Hua")),
    ],
)
def test_latin_names_printed_given_name_first_keep_the_family_name(en: str, givens: tuple[str, str]) -> None:
    entry = parse(with_authors(ZH_AUTHORS, en))
    assert [(a.name_zh, a.family, a.given) for a in entry.authors] == [
        ("王晓明", "Wang", givens[0]),
        ("李娜", "Li", "Na"),
        ("欧阳建华", "Ouyang", givens[1]),
        ("张伟", "Zhang", "Wei"),
    ]
    assert make_slug(entry).startswith("wang-")
    assert not any(w.field == "authors" for w in entry.warnings)


def test_capitals_mark_the_family_name_of_a_latin_name_without_a_chinese_one() -> None:
    entry = parse(with_authors(None, "Xiaoming WANG¹², Na LI¹, Jianhua OUYANG³*, Wei ZHANG¹"))
    assert [(a.name, a.family, a.given) for a in entry.authors] == [
        ("Xiaoming WANG", "Wang", "Xiaoming"),
        ("Na LI", "Li", "Na"),
        ("Jianhua OUYANG", "Ouyang", "Jianhua"),
        ("Wei ZHANG", "Zhang", "Wei"),
    ]


def test_family_names_in_capitals_are_written_as_names_are() -> None:
    entry = parse(with_authors(None, "Jane MACARTHUR¹², Ann MCDONALD¹, Jan VAN DER BERG³*, Wei ZHANG¹"))
    assert [(a.name, a.family, a.given) for a in entry.authors] == [
        ("Jane MACARTHUR", "MacArthur", "Jane"),
        ("Ann MCDONALD", "McDonald", "Ann"),
        ("Jan VAN DER BERG", "van der Berg", "Jan"),
        ("Wei ZHANG", "Zhang", "Wei"),
    ]


@pytest.mark.parametrize("zh", [ZH_AUTHORS, None])
def test_given_names_in_capitals_are_written_as_names_are(zh: str | None) -> None:
    entry = parse(with_authors(zh, "WANG XIAOMING¹², LI NA¹, OUYANG JIAN-HUA³*, ZHANG WEI¹"))
    assert [(a.name, a.family, a.given) for a in entry.authors] == [
        ("WANG XIAOMING", "Wang", "Xiaoming"),
        ("LI NA", "Li", "Na"),
        ("OUYANG JIAN-HUA", "Ouyang", "Jian-Hua"),
        ("ZHANG WEI", "Zhang", "Wei"),
    ]
    assert [a.affiliations for a in entry.authors] == [marks for *_, marks, _ in AS_PRINTED]
    assert make_slug(entry).startswith("wang-")


def test_initials_in_capitals_are_kept() -> None:
    entry = parse(with_authors(None, "WANG XM¹², LI N¹, DUPONT JP³*, ZHANG W¹"))
    assert [(a.family, a.given) for a in entry.authors] == [
        ("Wang", "XM"),
        ("Li", "N"),
        ("Dupont", "JP"),
        ("Zhang", "W"),
    ]


def test_initials_printed_with_full_stops_are_kept_whole() -> None:
    entry = parse(with_authors(None, "WANG Xiaoming¹², SMITH J. A.¹, DUPONT J.-P.³*, LI X.-M.¹"))
    assert [(a.name, a.family, a.given, a.affiliations) for a in entry.authors] == [
        ("WANG Xiaoming", "Wang", "Xiaoming", (0, 1)),
        ("SMITH J. A.", "Smith", "J. A.", (0,)),
        ("DUPONT J.-P.", "Dupont", "J.-P.", (2,)),
        ("LI X.-M.", "Li", "X.-M.", (0,)),
    ]


@pytest.mark.parametrize("dupont", ["DUPONT J.-P.", "Dupont J.-P.", "J.-P. DUPONT", "Jean-Pierre Dupont"])
def test_a_foreign_co_author_on_the_chinese_line_keeps_the_initials(dupont: str) -> None:
    entry = parse(
        with_authors(f"王晓明¹²，李娜¹，{dupont}³*，张伟¹", f"WANG Xiaoming¹², LI Na¹, {dupont}³*, ZHANG Wei¹")
    )
    assert [(a.name_zh, a.family, a.affiliations) for a in entry.authors] == [
        ("王晓明", "Wang", (0, 1)),
        ("李娜", "Li", (0,)),
        (None, "Dupont", (2,)),
        ("张伟", "Zhang", (0,)),
    ]
    assert entry.authors[2].given == ("Jean-Pierre" if dupont.startswith("Jean") else "J.-P.")


def read_by_every_family(printed: list[str], given_first: list[str] | None = None) -> dict[str, Entry]:
    """The entries each family's reader reads from one list of printed Latin names: the full text's English
    author line, a pubmed-cn page's 作者信息, and a platform record's authors as a string and as a JSON list
    (the names printed ``given_first`` there, when given, as platforms print them)."""
    listed = given_first or printed
    return {
        "journal-fulltext": parse(with_authors(None, ", ".join(printed))),
        "pubmed-cn": pubmed_cn.parse(
            f"外泌体\nExosomes.\n作者信息\n{', '.join(printed)}\n机构信息\nUniversity of Porto\n出版信息\n"
            "Front Immunol. 2024 Mar 1;15:1345678.\nText.\n",
            Origin("page.txt"),
        ),
        "platform-record": platform_record.parse(
            f'{{"title": "Exosomes", "doi": "10.1000/a", "authors": {json.dumps(", ".join(listed))}}}\n',
            Origin("a.txt"),
        ),
        "platform-record list": platform_record.parse(
            f'{{"title": "Exosomes", "doi": "10.1000/a", "authors": {json.dumps(listed)}}}\n', Origin("a.txt")
        ),
    }


def test_initials_printed_with_full_stops_read_as_the_other_families_read_them() -> None:
    printed = ["SMITH J. A.", "DUPONT J.-P.", "LI X.-M.", "Smith J.A."]
    given_first = [" ".join(name.split(" ", 1)[::-1]) for name in printed]  # "J. A. SMITH"
    for family, entry in read_by_every_family(printed, given_first).items():
        assert [(a.family, a.given) for a in entry.authors] == [
            ("Smith", "J. A."),
            ("Dupont", "J.-P."),
            ("Li", "X.-M."),
            ("Smith", "J.A."),
        ], family


PARTICLE_NAMES = [("van der Berg", "Jan"), ("De la Cruz", "Maria"), ("van Beethoven", "Ludwig"),
                  ("Di Maria", "Anna"), ("Le Gall", "Jean-Paul"), ("van der Berg", "J")]  # fmt: skip


@pytest.mark.parametrize(
    "printed",
    [
        ["JAN VAN DER BERG", "MARIA DE LA CRUZ", "LUDWIG VAN BEETHOVEN", "ANNA DI MARIA", "JEAN-PAUL LE GALL",
         "J VAN DER BERG"],
        ["VAN DER BERG JAN", "DE LA CRUZ MARIA", "VAN BEETHOVEN LUDWIG", "DI MARIA ANNA", "LE GALL JEAN-PAUL",
         "VAN DER BERG J"],
    ],
)  # fmt: skip
def test_a_name_in_capitals_with_a_particle_reads_alike_in_every_family(printed: list[str]) -> None:
    """A particle starts the family name, which capitals do not set apart: the name is split at it whichever
    order it is printed in, the family's or not."""
    for family, entry in read_by_every_family(printed).items():
        assert [(a.family, a.given) for a in entry.authors] == PARTICLE_NAMES, family
        assert make_slug(entry).startswith("van-der-berg-"), family


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        (["CHAN DE WAI", "ZHUO DA MING"], [("Chan", "De Wai"), ("Zhuo", "Da Ming")]),
        (["KIM DA HYE", "LEE DA EUN", "PARK DA SOM"], [("Kim", "Da Hye"), ("Lee", "Da Eun"), ("Park", "Da Som")]),
        (["JAN DE JONG", "MARIA DA SILVA"], [("De Jong", "Jan"), ("da Silva", "Maria")]),
    ],
)
def test_a_chinese_cantonese_or_korean_name_in_capitals_holds_no_particle(
    printed: list[str], expected: list[tuple[str, str]]
) -> None:
    """DA, DE in a name whose every word is a Chinese, Cantonese or Korean syllable is a given name's syllable in
    every family; beside a name that is none, a particle still."""
    given_first = [" ".join(name.split(" ", 1)[::-1]) for name in printed]  # "DE WAI CHAN"
    for family, entry in read_by_every_family(printed, given_first).items():
        assert [(a.family, a.given) for a in entry.authors] == expected, family
        assert make_slug(entry).startswith(expected[0][0].lower().replace(" ", "-") + "-"), family


@pytest.mark.parametrize(
    ("printed", "expected", "platform"),
    [
        (["SMITH JA", "LEE KM", "NG AI"], [("Smith", "JA"), ("Lee", "KM"), ("Ng", "AI")], ("given", "family")),
        (["ZHANG W", "LI AN", "WANG YU"], [("Zhang", "W"), ("Li", "AN"), ("Wang", "YU")], ("given", "family")),
        (["SMITH JA", "LEE KM", "LI XU"], [("Smith", "JA"), ("Lee", "KM"), ("Li", "XU")], ("family",)),
        (["Smith JA", "Lee KM", "Li XU"], [("Smith", "JA"), ("Lee", "KM"), ("Li", "XU")], ("family",)),
        (["ZHANG WEI", "LI AN", "WANG YU"], [("Zhang", "Wei"), ("Li", "An"), ("Wang", "Yu")], ("given",)),
        (["ZHANG Wei", "LI An", "WANG Yu"], [("Zhang", "Wei"), ("Li", "An"), ("Wang", "Yu")], ("given",)),
        (["BROWN JOHN", "SMITH ED", "LEE JO"], [("Brown", "John"), ("Smith", "Ed"), ("Lee", "Jo")], ("given",)),
    ],
)
def test_two_capitals_that_may_be_initials_or_a_name_are_read_as_the_list_prints_its_given_names(
    printed: list[str], expected: list[tuple[str, str]], platform: tuple[str, ...]
) -> None:
    """The platform record prints the names given-first ("JA SMITH"), or family-first as the others do when the
    list's initials tell it so ("ZHANG W", "SMITH JA"): two capitals after a name that tells no order by itself
    ("LI AN", "NG AI") are then its given name too."""
    given_first = [" ".join(name.split(" ", 1)[::-1]) for name in printed]  # "JA SMITH"
    for listed in [given_first if order == "given" else printed for order in platform]:
        for family, entry in read_by_every_family(printed, listed).items():
            assert [(a.family, a.given) for a in entry.authors] == expected, (family, listed)


@pytest.mark.parametrize("li_an", ["LI AN", "Li AN"])
def test_a_latin_name_spelling_its_chinese_name_is_a_name_among_initials(li_an: str) -> None:
    authors = fa.build_authors(fa.AuthorLines("王晓明，李安", 1, f"WANG XM, {li_an}", 2), [])
    assert [(a.name_zh, a.family, a.given) for a in authors] == [("王晓明", "Wang", "Xiaoming"), ("李安", "Li", "An")]


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_an_apostrophe_inside_a_latin_name_is_no_mark(apostrophe: str) -> None:
    entry = parse(with_authors(None, f"Sean O{apostrophe}BRIEN¹², Luca D{apostrophe}ANGELO³*, Wei ZHANG¹"))
    assert [(a.name, a.family, a.affiliations) for a in entry.authors] == [
        (f"Sean O{apostrophe}BRIEN", f"O{apostrophe}Brien", (0, 1)),
        (f"Luca D{apostrophe}ANGELO", f"D{apostrophe}Angelo", (2,)),
        ("Wei ZHANG", "Zhang", (0,)),
    ]


@pytest.mark.parametrize("quote", ["'", "’"])
def test_a_superscript_one_turned_into_a_quote_mark_after_a_latin_name_names_the_first_affiliation(
    quote: str,
) -> None:
    entry = parse(with_authors(None, f"WANG Xiaoming¹², LI Na{quote}, OUYANG Jianhua³*, ZHANG Wei{quote}"))
    assert people(entry) == [(None, name, *rest) for _, name, *rest in AS_PRINTED]


def test_a_quote_mark_after_a_latin_name_on_the_chinese_author_line_names_the_first_affiliation() -> None:
    zh = "王晓明¹²，Sean O'Brien'，欧阳建华³*，Luca D’Angelo’"
    en = "WANG Xiaoming¹², Sean O'Brien', OUYANG Jianhua³*, Luca D’Angelo’"
    entry = parse(with_authors(zh, en))
    assert [(a.name, a.family, a.affiliations) for a in entry.authors] == [
        ("WANG Xiaoming", "Wang", (0, 1)),
        ("Sean O'Brien", "O'Brien", (0,)),
        ("OUYANG Jianhua", "Ouyang", (2,)),
        ("Luca D’Angelo", "D’Angelo", (0,)),
    ]


LATIN_NAMES = st.sampled_from(["ZHANG Wansong", "LIU Yue", "O'BRIEN Sean", "Luca D’Angelo", "LINHanfei", "YANG Cheng"])


@given(
    names=st.lists(st.tuples(LATIN_NAMES, st.sampled_from(["'", "’", "」", "¹", "²", "'*", "’\\*", ""])), min_size=1)
)
def test_a_quote_mark_closing_a_latin_name_is_mark_one_and_an_apostrophe_inside_stays(names: list) -> None:
    tokens = fa.split_author_line(",".join(name + mark for name, mark in names))
    expected = [(name, (2,) if "²" in mark else (1,) if mark else (), "*" in mark) for name, mark in names]
    assert [(t.text, t.marks, t.starred) for t in tokens] == expected


PEOPLE = [
    ("王晓明", "Wang", "Xiaoming"),
    ("欧阳建华", "Ouyang", "Jianhua"),
    ("吕茹月", "Lyu", "Ruyue"),
    ("李娜", "Li", "Na"),
    ("周思仪", "Zhou", "Siyi"),
    ("薛乐天", "Xue", "Letian"),
]
PRINTINGS = [
    lambda family, given: f"{family.upper()} {given}",
    lambda family, given: f"{family} {given}",
    lambda family, given: f"{given} {family.upper()}",
    lambda family, given: f"{given} {family}",
]


@given(st.lists(st.tuples(st.sampled_from(PEOPLE), st.sampled_from(PRINTINGS)), min_size=1, max_size=5))
def test_family_and_given_names_do_not_depend_on_the_printed_order(people: list) -> None:
    zh = "，".join(person[0] for person, _ in people)
    en = ", ".join(printing(person[1], person[2]) for person, printing in people)
    authors = fa.build_authors(fa.AuthorLines(zh, 1, en, 2), [])
    assert [(a.family, a.given) for a in authors] == [(person[1], person[2]) for person, _ in people]


# --- affiliations ---------------------------------------------------------------------

ZH_PLACES = (
    "¹南京医科大学第一附属医院烧伤整形科，江苏省南京市 210029；²南京医科大学基础医学院，江苏省南京市 211166；"
    "³中国科学院上海生命科学研究院，上海市 200031"
)
EN_PLACES = (
    "¹Department of Burns and Plastic Surgery, the First Affiliated Hospital of Nanjing Medical University, "
    "Nanjing 210029, Jiangsu Province, China; ²School of Basic Medical Sciences, Nanjing Medical University, "
    "Nanjing 211166, Jiangsu Province, China; ³Shanghai Institutes for Biological Sciences, Chinese Academy of "
    "Sciences, Shanghai 200031, China"
)


def with_places(zh: str, en: str) -> str:
    """The article with its affiliations printed as ``zh`` and ``en``."""
    assert ZH_PLACES in ARTICLE and EN_PLACES in ARTICLE
    return ARTICLE.replace(ZH_PLACES, zh).replace(EN_PLACES, en)


def places(entry: Entry) -> list[tuple[str | None, str | None]]:
    """Each affiliation by the first clause of its Chinese and English forms."""
    return [(a.zh and a.zh.split("，")[0], a.en and a.en.split(",")[0]) for a in entry.affiliations]


def test_two_departments_of_one_hospital_are_two_affiliations() -> None:
    zh = ZH_PLACES.replace(
        "²南京医科大学基础医学院，江苏省南京市 211166", "²南京医科大学第一附属医院内分泌科，江苏省南京市 210029"
    )
    en = EN_PLACES.replace(
        "²School of Basic Medical Sciences, Nanjing Medical University, Nanjing 211166,",
        "²Department of Endocrinology, the First Affiliated Hospital of Nanjing Medical University, Nanjing 210029,",
    )
    entry = parse(with_places(zh, en))
    assert places(entry) == [
        ("南京医科大学第一附属医院烧伤整形科", "Department of Burns and Plastic Surgery"),
        ("南京医科大学第一附属医院内分泌科", "Department of Endocrinology"),
        ("中国科学院上海生命科学研究院", "Shanghai Institutes for Biological Sciences"),
    ]


def test_an_english_affiliation_printed_again_with_no_place_left_is_a_repeat() -> None:
    zh = [
        (1, "南京医科大学第一附属医院烧伤整形科，江苏省南京市 210029"),
        (2, "南京医科大学第一附属医院内分泌科，江苏省南京市 210029"),
    ]
    burns = "Department of Burns, the First Affiliated Hospital of Nanjing Medical University, Nanjing 210029, China"
    endocrinology = burns.replace("Burns", "Endocrinology")
    en = [(1, burns), (2, endocrinology), (None, burns.replace("210029", "21OO29"))]  # a copy the conversion damaged
    assert [(a.zh, a.en) for a in fa.pair_affiliations(zh, en)] == [(zh[0][1], burns), (zh[1][1], endocrinology)]


def test_an_english_affiliation_with_a_number_of_its_own_is_kept_beside_a_like_one() -> None:
    zh = [(1, "南京医科大学第一附属医院烧伤整形科，江苏省南京市 210029")]
    burns = "Department of Burns, the First Affiliated Hospital of Nanjing Medical University, Nanjing 210029, China"
    endocrinology = burns.replace("Burns", "Endocrinology")
    assert [(a.zh, a.en) for a in fa.pair_affiliations(zh, [(1, burns), (2, endocrinology)])] == [
        (zh[0][1], burns),
        (None, endocrinology),
    ]


TWELVE_PLACES = [
    ("南京医科大学第一附属医院烧伤整形科，江苏省南京市 210029", "Department of Burns, the First Affiliated Hospital of Nanjing Medical University, Nanjing 210029, China"),
    ("南京医科大学基础医学院，江苏省南京市 211166", "School of Basic Medical Sciences, Nanjing Medical University, Nanjing 211166, China"),
    ("中国科学院上海生命科学研究院，上海市 200031", "Shanghai Institutes for Biological Sciences, Chinese Academy of Sciences, Shanghai 200031, China"),
    ("复旦大学附属中山医院，上海市 200032", "Zhongshan Hospital, Fudan University, Shanghai 200032, China"),
    ("浙江大学医学院附属第二医院，浙江省杭州市 310009", "Second Affiliated Hospital, Zhejiang University School of Medicine, Hangzhou 310009, China"),
    ("四川大学华西医院，四川省成都市 610041", "West China Hospital, Sichuan University, Chengdu 610041, China"),
    ("中山大学附属第一医院，广东省广州市 510080", "First Affiliated Hospital, Sun Yat-sen University, Guangzhou 510080, China"),
    ("北京大学第三医院，北京市 100191", "Peking University Third Hospital, Beijing 100191, China"),
    ("武汉大学人民医院，湖北省武汉市 430060", "Renmin Hospital of Wuhan University, Wuhan 430060, China"),
    ("山东大学齐鲁医院，山东省济南市 250012", "Qilu Hospital of Shandong University, Jinan 250012, China"),
    ("中南大学湘雅医院，湖南省长沙市 410008", "Xiangya Hospital, Central South University, Changsha 410008, China"),
    ("吉林大学第一医院，吉林省长春市 130021", "First Hospital of Jilin University, Changchun 130021, China"),
]  # fmt: skip
SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@pytest.mark.parametrize(
    ("number", "zh_sep", "en_sep"),
    [
        (lambda n: f"{n}. ", "\n", "\n"),
        (lambda n: f"{n}．", "；", "; "),
        (lambda n: str(n).translate(SUPERSCRIPTS), "；", "; "),
    ],
    ids=["lines", "runs", "superscripts"],
)
def test_affiliations_numbered_ten_and_more_are_read_by_their_number(number, zh_sep: str, en_sep: str) -> None:
    zh = zh_sep.join(number(n) + place for n, (place, _) in enumerate(TWELVE_PLACES, 1))
    en = en_sep.join(number(n) + place for n, (_, place) in enumerate(TWELVE_PLACES, 1))
    entry = parse(with_places(zh, en))
    assert [(a.zh, a.en) for a in entry.affiliations] == TWELVE_PLACES


@pytest.mark.parametrize(
    ("run", "lang", "pieces"),
    [
        ("10. 山东大学齐鲁医院，山东省济南市 250012", "zh", [(10, "山东大学齐鲁医院，山东省济南市 250012")]),
        ("1116000辽宁省大连市，大连医科大学", "zh", [(1, "116000辽宁省大连市，大连医科大学")]),
        ("12．116000辽宁省大连市，大连医科大学", "zh", [(12, "116000辽宁省大连市，大连医科大学")]),
        ("116000辽宁省大连市，大连医科大学", "zh", [(None, "116000辽宁省大连市，大连医科大学")]),
        ("9.Renmin Hospital, Wuhan 430060, China 10.Qilu Hospital, Jinan 250012, China", "en",
         [(9, "Renmin Hospital, Wuhan 430060, China"), (10, "Qilu Hospital, Jinan 250012, China")]),
    ],
)  # fmt: skip
def test_affiliation_numbers_of_two_digits_and_postcodes(run: str, lang: str, pieces: list) -> None:
    assert fa.split_affiliations(run, lang) == pieces


# --- affiliation marks after the names ----------------------------------------------------

TWELVE_ZH = ["王晓明", "李娜", "欧阳建华", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周涛", "吴刚", "徐丽"]
TWELVE_EN = [
    "WANG Xiaoming", "LI Na", "OUYANG Jianhua", "ZHANG Wei", "LIU Yang", "CHEN Jing",
    "YANG Fan", "ZHAO Lei", "HUANG Min", "ZHOU Tao", "WU Gang", "XU Li",
]  # fmt: skip


def twelve_authors(marks: list[str]) -> str:
    """The article by twelve authors marked ``marks``, with the twelve affiliations on their own lines."""
    zh = "，".join(name + mark for name, mark in zip(TWELVE_ZH, marks, strict=True))
    en = ", ".join(name + mark for name, mark in zip(TWELVE_EN, marks, strict=True))
    text = with_authors(zh, en)
    zh_places = "\n".join(f"{n}. {place}" for n, (place, _) in enumerate(TWELVE_PLACES, 1))
    en_places = "\n".join(f"{n}. {place}" for n, (_, place) in enumerate(TWELVE_PLACES, 1))
    return text.replace(ZH_PLACES, zh_places).replace(EN_PLACES, en_places)


def test_marks_of_two_digits_name_affiliations_ten_and_more() -> None:
    marks = ["¹，¹²", "²", "³*", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "¹⁰", "¹¹", "¹²"]
    entry = parse(twelve_authors(marks))
    assert [a.name_zh for a in entry.authors] == TWELVE_ZH
    assert [a.affiliations for a in entry.authors] == [(0, 11)] + [(n,) for n in range(1, 12)]
    assert len(entry.affiliations) == 12


def test_superscripts_run_together_are_one_digit_a_mark_when_there_are_fewer_affiliations() -> None:
    entry = parse(with_authors("王晓明¹²³，李娜¹，欧阳建华³*，张伟¹", EN_AUTHORS))
    assert [a.affiliations for a in entry.authors] == [(0, 1, 2), (0,), (2,), (0,)]


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        (
            "王晓明[1,2]，李娜[1]，欧阳建华[3]*，张伟[1]",
            "WANG Xiaoming[1,2], LI Na[1], OUYANG Jianhua[3]*, ZHANG Wei[1]",
        ),
        (
            "王晓明［1，2］，李娜［1］，欧阳建华［3］*，张伟［1］",
            "WANG Xiaoming［1，2］, LI Na［1］, OUYANG Jianhua［3］*, ZHANG Wei［1］",
        ),
    ],
)
def test_marks_in_brackets_after_the_names(zh: str, en: str) -> None:
    entry = parse(with_authors(zh, en))
    assert people(entry) == AS_PRINTED
    assert not any(w.field == "authors" for w in entry.warnings)


MARK_FORMS = {
    "superscripts": lambda numbers: "".join(str(n).translate(SUPERSCRIPTS) for n in numbers),
    "superscripts with commas": lambda numbers: ",".join(str(n).translate(SUPERSCRIPTS) for n in numbers),
    "superscript commas": lambda numbers: "˒".join(str(n).translate(SUPERSCRIPTS) for n in numbers),
    "carets": lambda numbers: "^" + ",".join(map(str, numbers)) + "^",
    "brackets": lambda numbers: "[" + ",".join(map(str, numbers)) + "]",
    "full-width brackets": lambda numbers: "［" + "，".join(map(str, numbers)) + "］",
    "digits with commas": lambda numbers: ",".join(map(str, numbers)),
}


@st.composite
def marked_authors(draw: st.DrawFn) -> tuple[int, str, list[tuple[int, ...]], list[bool], str]:
    """A count of affiliations, a form of marks, each author's affiliation numbers and star, and what
    separates the Chinese names."""
    form = draw(st.sampled_from(sorted(MARK_FORMS)))
    separator = draw(st.sampled_from(["，", "、", "  ", " "]))
    count = draw(st.integers(1, 9 if form == "superscripts" else 12))
    numbers = st.lists(st.integers(1, count), min_size=1, max_size=3, unique=True).map(sorted).map(tuple)
    marks = draw(st.lists(numbers, min_size=1, max_size=len(TWELVE_ZH)))
    stars = draw(st.lists(st.booleans(), min_size=len(marks), max_size=len(marks)))
    if separator.isspace() and len(marks) == 1:
        separator = "，"  # one name: no space to set it off
    return count, form, marks, stars, separator


@given(marked_authors())
def test_marks_read_the_same_in_every_printed_form(
    case: tuple[int, str, list[tuple[int, ...]], list[bool], str],
) -> None:
    count, form, marks, stars, separator = case
    printed = [MARK_FORMS[form](numbers) + ("*" if star else "") for numbers, star in zip(marks, stars, strict=True)]
    zh = separator.join(name + mark for name, mark in zip(TWELVE_ZH, printed, strict=False))
    en = ", ".join(name + mark for name, mark in zip(TWELVE_EN, printed, strict=False))
    authors = fa.assign_affiliations(fa.build_authors(fa.AuthorLines(zh, 1, en, 2), []), count)
    assert [a.name_zh for a in authors] == TWELVE_ZH[: len(marks)]
    assert [a.affiliations for a in authors] == [tuple(n - 1 for n in numbers) for numbers in marks]
    assert [a.corresponding for a in authors] == stars


def test_chinese_names_separated_by_spaces_with_marks_of_several_affiliations() -> None:
    entry = parse(
        with_authors("王晓明1，2  李娜1  欧阳建华3*  张伟1", "WANG Xiaoming1,2, LI Na1, OUYANG Jianhua3*, ZHANG Wei1")
    )
    assert people(entry) == AS_PRINTED
    assert not any(w.field == "authors" for w in entry.warnings)


# --- corresponding authors ------------------------------------------------------------------

ZH_NOTE = "*通信作者：欧阳建华，研究员，E-mail：ouyangjh@sibs.ac.cn"
EN_NOTE = "*Corresponding author: OUYANG Jianhua, E-mail: ouyangjh@sibs.ac.cn"


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        (
            "通信作者：欧阳建华，E-mail：ouyangjh@sibs.ac.cn；张伟，E-mail：zhangwei@njmu.edu.cn",
            "Corresponding authors: OUYANG Jianhua, E-mail: ouyangjh@sibs.ac.cn; ZHANG Wei, E-mail: zhangwei@njmu.edu.cn",
        ),
        ("通信作者：欧阳建华、张伟", "Corresponding authors: OUYANG Jianhua and ZHANG Wei"),
        (ZH_NOTE, "Corresponding authors: OUYANG Jianhua, E-mail: ouyangjh@sibs.ac.cn; ZHANG Wei"),
    ],
)
def test_every_author_named_as_corresponding_is_marked(zh: str, en: str) -> None:
    text = with_authors("王晓明¹²，李娜¹，欧阳建华³，张伟¹", "WANG Xiaoming¹², LI Na¹, OUYANG Jianhua³, ZHANG Wei¹")
    entry = parse(text.replace(ZH_NOTE, zh).replace(EN_NOTE, en))
    assert [a.corresponding for a in entry.authors] == [False, False, True, True]


@pytest.mark.parametrize("smith", ["SMITH JA", "Smith JA", "SMITH J A", "DUPONT J.-P."])
def test_a_latin_name_with_initials_after_it_on_the_chinese_author_line_is_read_family_first(smith: str) -> None:
    """A foreign co-author's name printed among the Chinese names is given-first unless initials follow it."""
    entry = parse(with_authors(f"王晓明¹，李娜¹，{smith}²", f"WANG Xiaoming¹, LI Na¹, {smith}²"))
    family, given = smith.split(" ", 1)
    assert [(a.name_zh, a.family, a.given, a.affiliations) for a in entry.authors] == [
        ("王晓明", "Wang", "Xiaoming", (0,)),
        ("李娜", "Li", "Na", (0,)),
        (None, family.capitalize(), given, (1,)),
    ]


@pytest.mark.parametrize(
    "printed",
    [
        ["SMITH JA", "LEE KM", "DUPONT J.-P."],
        ["Smith JA", "Lee KM", "Dupont J.-P."],
        ["SMITH J A", "LEE K M", "DUPONT J P"],
    ],
)
def test_initials_after_the_family_name_are_read_family_first_in_every_family(printed: list[str]) -> None:
    """Initials follow the family name even where the family prints names given-first (a platform record's
    authors as a string and as a list); the full text reads them so with no Chinese author line too."""
    expected = [(name.split(" ", 1)[0].capitalize(), name.split(" ", 1)[1]) for name in printed]
    for family, entry in read_by_every_family(printed).items():
        assert [(a.family, a.given) for a in entry.authors] == expected, family


@pytest.mark.parametrize(
    "printed",
    [
        ["Jan van der Berg", "Maria de la Cruz", "Ludwig van Beethoven", "Ana de los Santos"],
        ["van der Berg Jan", "de la Cruz Maria", "van Beethoven Ludwig", "de los Santos Ana"],
    ],
)
def test_a_name_in_mixed_case_with_a_particle_reads_alike_in_every_family(printed: list[str]) -> None:
    """A particle in lower case starts the family name, kept in lower case, in either printed order, in the
    families that print names family-first too (a pubmed-cn page, a full text's English author line)."""
    for family, entry in read_by_every_family(printed).items():
        assert [(a.family, a.given) for a in entry.authors] == [
            ("van der Berg", "Jan"),
            ("de la Cruz", "Maria"),
            ("van Beethoven", "Ludwig"),
            ("de los Santos", "Ana"),
        ], family
        assert make_slug(entry).startswith("van-der-berg-"), family


def test_a_suffix_after_a_family_name_with_a_particle_in_capitals() -> None:
    """A suffix before initials goes with the family name; JR alone after it is the initials PubMed prints; a
    family name with a particle and no given name is written as names are written, a suffix after it kept."""
    printed = ["VAN DER BERG JR J", "VAN DER BERG J JR", "VAN DER BERG JR", "VAN DER BERG III", "van der Berg Jr"]
    for family, entry in read_by_every_family(printed).items():
        assert [(a.family, a.given) for a in entry.authors] == [
            ("van der Berg Jr", "J"),
            ("van der Berg Jr", "J"),
            ("van der Berg", "JR"),
            ("van der Berg III", None),
            ("van der Berg Jr", None),
        ], family


def test_chinese_and_vietnamese_names_beside_initials_keep_their_split() -> None:
    """Names in pinyin or Vietnamese hold no particle, and a Chinese family name after a given name is no
    initials, in a list whose other names carry initials after the family name."""
    printed = ["Smith JA", "Li Xu", "Nguyen van An", "Ruyue LV"]
    entry = read_by_every_family(printed)["platform-record"]
    assert [(a.family, a.given) for a in entry.authors] == [("Smith", "JA"), ("Xu", "Li"), ("Nguyen", "van An"),
                                                             ("Lv", "Ruyue")]  # fmt: skip


def test_a_suffix_after_initials_goes_with_the_family_name_in_every_family() -> None:
    printed = ["SMITH JA JR", "Smith JA Jr", "SMITH J SR", "Smith J.A. Jr", "LEE KM III"]
    for family, entry in read_by_every_family(printed).items():
        assert [(a.family, a.given) for a in entry.authors] == [
            ("Smith Jr", "JA"),
            ("Smith Jr", "JA"),
            ("Smith Sr", "J"),
            ("Smith Jr", "J.A."),
            ("Lee III", "KM"),
        ], family


def test_initials_with_full_stops_before_one_name_are_given_first_in_every_family() -> None:
    printed = ["J. A. Smith", "J.-P. Dupont", "J. SMITH", "J.A. Smith Jr"]
    for family, entry in read_by_every_family(printed).items():
        assert [(a.family, a.given) for a in entry.authors] == [
            ("Smith", "J. A."),
            ("Dupont", "J.-P."),
            ("Smith", "J."),
            ("Smith Jr", "J.A."),
        ], family


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        (["WANG DE HUA", "LI XIAO MING", "Du Xiao Ming"], [("Wang", "De Hua"), ("Li", "Xiao Ming"), ("Du", "Xiao Ming")]),
        (["CHAN DE WAI", "WONG KA LOK", "Cheung Siu Ming"],
         [("Chan", "De Wai"), ("Wong", "Ka Lok"), ("Cheung", "Siu Ming")]),
        (["KIM DA HYE", "LEE MIN JUNG", "Park Ji Hoon"],
         [("Kim", "Da Hye"), ("Lee", "Min Jung"), ("Park", "Ji Hoon")]),
    ],
)  # fmt: skip
def test_a_chinese_name_with_a_surname_first_is_family_first_in_every_family(
    printed: list[str], expected: list[tuple[str, str]]
) -> None:
    """A common family name in pinyin, in Cantonese or in Korean first, syllables after it."""
    for family, entry in read_by_every_family(printed).items():
        assert [(a.family, a.given) for a in entry.authors] == expected, family


@pytest.mark.parametrize(
    ("first", "given_first", "expected"),
    [
        ("CHAN DE WAI", "KA LOK WONG", [("Chan", "De Wai"), ("Wong", "Ka Lok"), ("Wai", "Chan De")]),
        ("KIM DA HYE", "JUNG HOON KIM", [("Kim", "Da Hye"), ("Kim", "Jung Hoon"), ("Hye", "Kim Da")]),
    ],
)
def test_a_cantonese_or_korean_name_family_first_leaves_the_record_s_given_first_names(
    first: str, given_first: str, expected: list[tuple[str, str]]
) -> None:
    """A platform record printing a Cantonese or Korean name family-first among names printed given-first reads
    each as printed; in a list whose names tell they are printed given-first, that name is read so too."""
    entry = read_by_every_family([first, given_first, "YUE LIU", "JOHN SMITH"])["platform-record"]
    assert [(a.family, a.given) for a in entry.authors] == [*expected[:2], ("Liu", "Yue"), ("Smith", "John")]
    entry = read_by_every_family(["Xiaoming WANG", "Kai ZHAO", first])["platform-record"]
    assert [(a.family, a.given) for a in entry.authors] == [("Wang", "Xiaoming"), ("Zhao", "Kai"), expected[2]]


def test_names_that_tell_no_order_keep_their_family_s() -> None:
    """Two words tell nothing (Yue Liu); a Chinese family name last, a Western or a Vietnamese name stay read
    given-first in a platform record."""
    entry = read_by_every_family(["WANG DE HUA", "YUE LIU", "DE HUA LIU", "JOHN SMITH", "Mary Jones"])[
        "platform-record"
    ]
    assert [(a.family, a.given) for a in entry.authors] == [
        ("Wang", "De Hua"),
        ("Liu", "Yue"),
        ("Liu", "De Hua"),
        ("Smith", "John"),
        ("Jones", "Mary"),
    ]


def test_a_chinese_name_in_pinyin_follows_a_list_printed_given_first() -> None:
    """Names that tell they are printed given-first ("Xiaoming WANG") say the list's other names are too."""
    for family, entry in read_by_every_family(["Xiaoming WANG", "Kai ZHAO", "WANG DE HUA"]).items():
        if family.startswith("platform-record"):
            assert [(a.family, a.given) for a in entry.authors] == [
                ("Wang", "Xiaoming"),
                ("Zhao", "Kai"),
                ("Hua", "Wang De"),
            ], family


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        (["Ai NG", "Xiaoming WANG", "Kai ZHAO"], ("Ng", "Ai")),
        (["Ai NG", "John Smith", "Mary Jones"], ("Ng", "Ai")),
        (["AI NG", "JOHN SMITH", "MARY JONES"], ("Ng", "Ai")),
        (["AI NG", "JA SMITH", "KM LEE"], ("Ng", "AI")),
        (["Ai NG", "Smith JA", "Lee KM"], ("Ai", "NG")),
    ],
)
def test_two_letters_after_a_name_that_may_be_a_family_name_follow_the_list_s_habit(
    printed: list[str], expected: tuple[str, str]
) -> None:
    """NG after a name is the family name in capitals ("Xiaoming WANG") or initials ("Smith JA"), as the list's
    other given names are names or initials."""
    for family, entry in read_by_every_family(printed).items():
        if family.startswith("platform-record"):
            assert (entry.authors[0].family, entry.authors[0].given) == expected, family


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        (
            ["Xiaoming WANG", "Jean-Paul DUPONT", "Na LI", "Ai NG"],
            [("Wang", "Xiaoming"), ("Dupont", "Jean-Paul"), ("Li", "Na"), ("Ng", "Ai")],
        ),
        (
            ["WANG Xiaoming", "DUPONT Jean-Paul", "DE LA CRUZ Ana", "LI Na"],
            [("Wang", "Xiaoming"), ("Dupont", "Jean-Paul"), ("De la Cruz", "Ana"), ("Li", "Na")],
        ),
    ],
)
def test_a_family_name_in_capitals_tells_the_order_in_every_family(
    printed: list[str], expected: list[tuple[str, str]]
) -> None:
    """A word in capitals at one end of a name in mixed case is its family name, whichever order the family prints
    names in; two letters that may be a given name (LI) are one in a list whose other names tell that order."""
    for family, entry in read_by_every_family(printed).items():
        assert [(a.family, a.given) for a in entry.authors] == expected, family


def test_capitals_that_tell_no_family_name_keep_the_family_s_order() -> None:
    """A given name in pinyin in capitals after a Chinese family name, two letters PubMed prints as initials and
    names all in capitals are read in their family's order."""
    entries = read_by_every_family(["Zhang XIAOMING", "Li XU", "JOHN SMITH"])
    for family in ("journal-fulltext", "pubmed-cn"):
        assert [(a.family, a.given) for a in entries[family].authors] == [
            ("Zhang", "Xiaoming"),
            ("Li", "Xu"),
            ("John", "Smith"),
        ], family
    assert [(a.family, a.given) for a in entries["platform-record"].authors] == [
        ("Xiaoming", "Zhang"),
        ("Xu", "Li"),
        ("Smith", "John"),
    ]


def test_a_vietnamese_family_name_at_one_end_tells_the_order_in_every_family() -> None:
    """A common Vietnamese family name at one end of a name, the other no family name, is the family name, in
    capitals or not, whichever order the family prints names in."""
    printed = ["NGUYEN VAN AN", "An Van Nguyen", "AN VAN NGUYEN", "Tran Thi Mai", "Thi Mai Tran", "An Nguyen",
               "LE VAN AN", "TRAN VAN BINH", "AN VAN LE"]  # fmt: skip
    families = ["Nguyen", "Nguyen", "Nguyen", "Tran", "Tran", "Nguyen", "Le", "Tran", "Le"]
    givens = ["Van An", "An Van", "An Van", "Thi Mai", "Thi Mai", "An", "Van An", "Van Binh", "An Van"]
    for family, entry in read_by_every_family(printed).items():
        assert [(a.family, a.given) for a in entry.authors] == list(zip(families, givens, strict=True)), family


@pytest.mark.parametrize(("printed", "word"), [("Hanna MA", "Hanna"), ("Lina MA", "Lina")])
def test_a_name_before_two_capitals_alone_is_read_in_its_family_s_order(printed: str, word: str) -> None:
    """A word that may be a family name or a given name in pinyin before two capitals that may be initials or a
    family name tells no order alone: PubMed's family name and initials on a pubmed-cn page and in a full text,
    a given name and a family name in a platform's record."""
    family_first = {"journal-fulltext", "pubmed-cn"}
    for family, entry in read_by_every_family([printed]).items():
        expected = (word, "MA") if family in family_first else ("Ma", word)
        assert [(a.family, a.given) for a in entry.authors] == [expected], family


def test_a_given_name_spelt_as_pinyin_before_two_capitals_is_a_given_name_in_every_family() -> None:
    for family, entry in read_by_every_family(["Xiaoming YU"]).items():
        assert [(a.family, a.given) for a in entry.authors] == [("Yu", "Xiaoming")], family


def test_a_vietnamese_given_name_keeps_its_two_letters_among_initials_in_every_family() -> None:
    """AN beside VAN, a name by itself, is a name of the same given name, though the list prints initials."""
    expected = [("Nguyen", "Van An"), ("Smith", "JA"), ("Lee", "KM")]
    for family, entry in read_by_every_family(["NGUYEN VAN AN", "SMITH JA", "LEE KM"]).items():
        assert [(a.family, a.given) for a in entry.authors] == expected, family


def test_a_vietnamese_given_name_of_one_letter_leaves_the_middle_name_given_in_every_family() -> None:
    """A middle name in capitals beside a one-letter given name is a part of the given name, not of the family
    name, at either end of the name."""
    expected = [("Nguyen", "Van A"), ("Le", "Thi B"), ("Tran", "C Van"), ("Smith", "JA")]
    for family, entry in read_by_every_family(["NGUYEN VAN A", "LE THI B", "C VAN TRAN", "SMITH JA"]).items():
        assert [(a.family, a.given) for a in entry.authors] == expected, family


def test_a_second_vietnamese_family_name_in_the_given_name_is_no_initials_in_every_family() -> None:
    """DO, VU or HO after a Vietnamese family name is the mother's family name, a part of the given name."""
    expected = [("Nguyen", "Do An"), ("Tran", "Vu Hai"), ("Nguyen", "An Do"), ("Smith", "JA"), ("Lee", "KM")]
    printed = ["NGUYEN DO AN", "TRAN VU HAI", "AN DO NGUYEN", "SMITH JA", "LEE KM"]
    for family, entry in read_by_every_family(printed).items():
        assert [(a.family, a.given) for a in entry.authors] == expected, family
    record = platform_record.parse(
        '{"title": "Exosomes", "doi": "10.1000/a", "authors": [{"given": "DO AN", "family": "NGUYEN"}]}\n',
        Origin("a.txt"),
    )
    assert [(a.family, a.given) for a in record.authors] == [("Nguyen", "Do An")]


@pytest.mark.parametrize(
    ("printed", "expected"), [("Ka Lok YU", ("Yu", "Ka Lok")), ("Xiaoming YU", ("Yu", "Xiaoming"))]
)
def test_two_capitals_after_a_given_name_of_syllables_are_the_family_name_in_every_family(
    printed: str, expected: tuple[str, str]
) -> None:
    """YU may be initials, but not after a Chinese given name of two syllables in mixed case: as Xiaoming WANG."""
    for family, entry in read_by_every_family([printed]).items():
        assert [(a.family, a.given) for a in entry.authors] == [expected], family


def test_chinese_names_spelt_as_vietnamese_family_names_keep_their_family_s_order() -> None:
    entries = read_by_every_family(["Wei Dang", "Yu Le"])
    assert [(a.family, a.given) for a in entries["pubmed-cn"].authors] == [("Wei", "Dang"), ("Yu", "Le")]
    assert [(a.family, a.given) for a in entries["platform-record"].authors] == [("Dang", "Wei"), ("Le", "Yu")]


@pytest.mark.parametrize(
    "printed", [["Ka Lok HO", "Wai Man LO", "Kin AU", "Man IP"], ["HO Ka Lok", "LO Wai Man", "AU Kin", "IP Man"]]
)
def test_a_cantonese_family_name_of_two_letters_is_no_initials_in_every_family(printed: list[str]) -> None:
    """HO, LO, AU and IP beside a given name are the family name, as NG is, but in a list that prints initials."""
    cantonese = [("Ho", "Ka Lok"), ("Lo", "Wai Man"), ("Au", "Kin"), ("Ip", "Man")]
    initials = [("Smith", "JA"), ("Lee", "KM"), ("Ho", "KL"), ("Wai", "LO")]
    for family, entry in read_by_every_family(printed).items():
        assert [(a.family, a.given) for a in entry.authors] == cantonese, family
    for family, entry in read_by_every_family(["Smith JA", "Lee KM", "Ho KL", "Wai LO"]).items():
        assert [(a.family, a.given) for a in entry.authors] == initials, family
