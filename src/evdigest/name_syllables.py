"""The syllables of Chinese, Cantonese and Korean names as they are spelt in Latin letters, and the common
Cantonese and Korean family names, which pinyin does not spell so: "CHAN DE WAI", "KA LOK WONG", "KIM DA HYE". Read
by the sources' name rules (:mod:`evdigest.sources.names`) and by the references' ones
(:mod:`evdigest.refs.parse_names`).
"""

from __future__ import annotations

from .refs.pinyin_names import is_syllable

# Syllables of Cantonese and Korean names as they are spelt in Latin letters, which pinyin does not spell: "CHAN DE
# WAI", "KIM DA HYE", "LEE DA EUN", "PARK DA SOM", "CHAN HO WAI", "KO WAI MAN", "LEE DO HYUN"
_SYLLABLES = frozenset(
    """
    ho ko to so king hin sin tin chin ching hing sing mui do gi ki
    chau cheuk cheung chiu chow chuen chung fai hoi hung kam kei keung kin kit kiu kwan kwok lam lau law leung
    lok lun mak mok ngai pui sau shing siu suet sze szeto tak tim tse tsang tsui tsun tsz wah wai wing yau yee
    yeung yip yiu yuk ae baek bae byeon byun byung byeong chae cheol chul choe choi eom eun geun gyu hee heo
    hoon hun hur hwan hwang hye hyeok hyeon hyo hyuk hyun im jae jeon jeong jo joo jong joon kim kook kwak kwon
    kyu kyung kyeong oh ok park pak paek roh ryoo ryu seo seok seong seung shin sik som soo sook suh suk sung
    um uk wook woo yeol yeon yeong yoo yoon young yul lee lim jung jang ahn moon son noh
    """.split()
)
# Common Cantonese family names as Hong Kong spells them, which pinyin does not spell so and which seldom open a
# given name: "CHAN DE WAI", "WONG KA LOK", "CHEUNG SIU MING"
CANTONESE_SURNAMES = frozenset(
    "chan cheung chau chow choi fung kwan kwok lam lau law leung mak poon szeto tam tse tsang tsui wong yeung yip "
    "yuen".split()
)
# Common Korean family names as they are spelt in Latin letters, which pinyin does not spell so (but Kang): "KIM DA
# HYE", "LEE MIN JI", "PARK JI HOON"
KOREAN_SURNAMES = frozenset(
    "kim lee park choi choe jung jeong kang cho yoon jang lim shin seo kwon hwang ahn ryu jeon baek heo".split()
)
# Those that open a Korean given name as well: "JUNG HOON KIM" is Kim, Jung Hoon
KOREAN_SURNAMES_GIVEN_TOO = frozenset("jung jeong yoon seo".split())


def is_name_syllable(word: str) -> bool:
    """Whether ``word`` is one syllable of a Chinese, Cantonese or Korean name: in pinyin ("Xiao", "De") or as
    Cantonese and Korean names are spelt ("Lok", "Hye"); not "Jan", "Maria"."""
    return is_syllable(word) or word.lower() in _SYLLABLES
