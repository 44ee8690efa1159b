"""A synthetic corpus for the benchmark, made from the sample sources of each family.

Each generated source is a sample with its identity replaced (title, authors, DOI),
its sentences shuffled within paragraphs and domain terms swapped, so that texts
differ from entry to entry; full-text sources get a reference list of about 40
items drawn from a pool in which popular works recur across entries (shared
references), with citation markers renumbered to fit the list. The generator is
deterministic for a given seed.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Entry

REFS_PER_ENTRY = 40
FAMILY_MIX = (("journal-fulltext", 0.5), ("pubmed-cn", 0.25), ("platform-record", 0.25))

# A reference line of a full-text source: "- [12] KALLURI R, LEBLEU VS. The biology ... *Science*. 2020;367(6478):eaa06977."
REF_LINE_RE = re.compile(r"^- \[(\d+)\] (.+)$")
# A citation marker in the body: ^[1-6] or ^[5-6, 46]
CITE_RE = re.compile(r"\^\[([0-9,\s\-–]+)\]")
# A four-digit year in a reference: 2021;
REF_YEAR_RE = re.compile(r"\b(19|20)\d{2}(?=;)")
# A volume(issue):pages group: 16:1281-1312 or 21(1):207
REF_NUMBERS_RE = re.compile(r"(\d+)(\(\d+\))?:\s?(\d+)")
# An upper-case family name at the start of a reference: GURUNATHAN S, KANG MH
REF_AUTHOR_RE = re.compile(r"\b([A-ZÄÖÜ]{2,})(?= [A-Z]{1,3}\b)")
# Sentence ends in Chinese and English text
ZH_SENTENCE_RE = re.compile(r"(?<=[。！？])")
EN_SENTENCE_RE = re.compile(r"(?<=[a-z0-9)]\.) (?=[A-Z])")

ZH_SWAPS = (
    ("外泌体", "细胞外囊泡"),
    ("迁移体", "凋亡小体"),
    ("间充质干细胞", "诱导多能干细胞"),
    ("肿瘤", "纤维化"),
    ("心脑血管", "神经退行性"),
    ("炎症反应", "免疫应答"),
    ("药物递送", "基因递送"),
    ("伤口愈合", "骨再生"),
)
EN_SWAPS = (
    ("exosomes", "small extracellular vesicles"),
    ("migrasomes", "apoptotic bodies"),
    ("mesenchymal stem cell", "induced pluripotent stem cell"),
    ("cancer", "fibrosis"),
    ("wound healing", "bone regeneration"),
    ("inflammatory response", "immune response"),
    ("drug delivery", "gene delivery"),
)
ZH_TOPICS = (
    "肝脏疾病",
    "糖尿病",
    "骨关节炎",
    "阿尔茨海默病",
    "心肌梗死",
    "乳腺癌",
    "脓毒症",
    "肾损伤",
    "银屑病",
    "卒中",
)
EN_TOPICS = (
    "liver disease",
    "diabetes",
    "osteoarthritis",
    "Alzheimer disease",
    "myocardial infarction",
    "breast cancer",
    "sepsis",
    "kidney injury",
    "psoriasis",
    "stroke",
)
SURNAMES = (("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("陈", "Chen"), ("杨", "Yang"), ("赵", "Zhao"), ("黄", "Huang"),
            ("周", "Zhou"), ("吴", "Wu"), ("徐", "Xu"), ("孙", "Sun"), ("胡", "Hu"), ("朱", "Zhu"), ("高", "Gao"))  # fmt: skip
GIVEN = (("伟", "Wei"), ("芳", "Fang"), ("娜", "Na"), ("敏", "Min"), ("静", "Jing"), ("磊", "Lei"), ("洋", "Yang"),
         ("艳", "Yan"), ("勇", "Yong"), ("军", "Jun"), ("杰", "Jie"), ("涛", "Tao"), ("明", "Ming"), ("超", "Chao"))  # fmt: skip
REF_SURNAMES = ("SMITH", "GARCIA", "MULLER", "TANAKA", "KIM", "NGUYEN", "ROSSI", "SILVA", "KOWALSKI", "JOHANSSON",
                "WANG", "LI", "ZHANG", "CHEN", "LIU", "YANG", "HUANG", "ZHAO", "WU", "ZHOU", "XU", "SUN")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Sample:
    """One sample source: its text, family and the parsed identity the generator replaces."""

    family: str
    text: str
    entry: Entry


@dataclass
class CorpusStats:
    """What the benchmark reports about a generated corpus."""

    sources: int = 0
    families: dict[str, int] = field(default_factory=dict)
    references: int = 0
    distinct_references: int = 0
    shared_share: float = 0.0
    """Share of reference occurrences whose work is cited by two or more entries."""
    bytes_total: int = 0
    bytes_mean: float = 0.0
    distinct_texts: int = 0


def load_samples(sources_dir: Path, content_dir: Path) -> list[Sample]:
    """Read the sample sources with the real ingest; one sample per family found."""
    from ..ingest import ingest

    result = ingest(sorted(p for p in sources_dir.iterdir() if p.is_file()), content_dir, jobs=1)
    samples: dict[str, Sample] = {}
    for entry in result.entries:
        text = (content_dir / entry.source).read_text(encoding="utf-8")
        samples.setdefault(entry.family, Sample(entry.family, text, entry))
    return [samples[f] for f, _ in FAMILY_MIX if f in samples]


def reference_pool(samples: list[Sample], size: int, rng: random.Random) -> list[str]:
    """``size`` distinct reference strings varied from the samples' references."""
    raws = [r.raw for s in samples for r in s.entry.references] or [
        "SMITH J. Extracellular vesicles. *Cell*. 2020;1:1-10."
    ]
    pool: list[str] = []
    seen: set[str] = set()
    while len(pool) < size:
        ref = _vary_reference(rng.choice(raws), rng)
        if ref not in seen:
            seen.add(ref)
            pool.append(ref)
    return pool


def _vary_reference(raw: str, rng: random.Random) -> str:
    ref = REF_AUTHOR_RE.sub(lambda m: rng.choice(REF_SURNAMES) if rng.random() < 0.7 else m.group(1), raw, count=2)
    ref = REF_YEAR_RE.sub(lambda m: str(rng.randint(2008, 2025)), ref)
    ref = REF_NUMBERS_RE.sub(lambda m: f"{rng.randint(1, 60)}{m.group(2) or ''}:{rng.randint(1, 9000)}", ref, count=1)
    return _swap_terms(ref, rng, EN_SWAPS, 0.3)


def _swap_terms(text: str, rng: random.Random, swaps: tuple[tuple[str, str], ...], chance: float) -> str:
    for a, b in swaps:
        if rng.random() < chance:
            text = text.replace(a, b) if rng.random() < 0.5 else text.replace(b, a)
    return text


def _shuffle_sentences(paragraph: str, rng: random.Random) -> str:
    pattern = ZH_SENTENCE_RE if "。" in paragraph else EN_SENTENCE_RE
    parts = [p for p in pattern.split(paragraph) if p]
    if len(parts) < 3:
        return paragraph
    middle = parts[1:-1]
    rng.shuffle(middle)
    joiner = "" if pattern is ZH_SENTENCE_RE else " "
    return joiner.join([parts[0].rstrip(), *[m.strip() for m in middle], parts[-1].strip()])


def _vary_body(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    out = []
    for line in lines:
        if len(line) > 120 and not line.lstrip().startswith(("{", "- [", "|")):
            line = _shuffle_sentences(line, rng)
        out.append(line)
    text = "\n".join(out)
    return _swap_terms(_swap_terms(text, rng, ZH_SWAPS, 0.4), rng, EN_SWAPS, 0.4)


def _escaped_forms(value: str) -> list[str]:
    once = json.dumps(value, ensure_ascii=False)[1:-1]
    twice = json.dumps(once, ensure_ascii=False)[1:-1]
    return list(dict.fromkeys([twice, once, value]))


def _replace_all(text: str, old: str | None, new: str) -> str:
    if not old:
        return text
    new_once = json.dumps(new, ensure_ascii=False)[1:-1]
    new_twice = json.dumps(new_once, ensure_ascii=False)[1:-1]
    for form, replacement in zip(_escaped_forms(old), (new_twice, new_once, new), strict=False):
        text = text.replace(form, replacement)
    return text


def _identity(sample: Sample, index: int, rng: random.Random) -> str:
    """The sample's text with a new title, authors and DOI (the same in every place they appear)."""
    entry = sample.entry
    text = sample.text
    topic = rng.randrange(len(ZH_TOPICS))
    if entry.title.zh:
        text = _replace_all(text, entry.title.zh, f"{ZH_TOPICS[topic]}中的{entry.title.zh}（{index}）")
    if entry.title.en:
        text = _replace_all(text, entry.title.en, f"{entry.title.en} in {EN_TOPICS[topic]} ({index})")
    if entry.doi:
        prefix = entry.doi.split("/")[0]
        text = text.replace(entry.doi, f"{prefix}/evdigest.bench.{index:05d}")
    for author in entry.authors:
        (zh_family, en_family), (zh_given, en_given) = rng.choice(SURNAMES), rng.choice(GIVEN)
        if author.name_zh:
            text = text.replace(author.name_zh, zh_family + zh_given)
        if author.name:
            given_first = author.given is not None and author.name.startswith(author.given)
            new = f"{en_given} {en_family}" if given_first else f"{en_family} {en_given}"
            text = text.replace(author.name, new)
    return text


def _renumber_citations(text: str, count: int) -> str:
    def fix(match: re.Match[str]) -> str:
        items = []
        for part in re.split(r",\s*", match.group(1).strip()):
            bounds = [int(n) for n in re.split(r"[-–]", part) if n.strip().isdigit()]
            mapped = [(n - 1) % count + 1 for n in bounds]
            if len(mapped) == 2 and mapped[0] < mapped[1]:
                items.append(f"{mapped[0]}-{mapped[1]}")
            elif mapped:
                items.append(str(mapped[0]))
        return "^[" + ", ".join(dict.fromkeys(items)) + "]"

    return CITE_RE.sub(fix, text)


def _with_references(text: str, refs: list[str]) -> str:
    lines = text.split("\n")
    positions = [i for i, line in enumerate(lines) if REF_LINE_RE.match(line)]
    if not positions:
        return text
    first, last = positions[0], positions[-1]
    new = [f"- [{i + 1}] {ref}" for i, ref in enumerate(refs)]
    body = "\n".join(lines[:first])
    return _renumber_citations(body, len(refs)) + "\n" + "\n".join(new + lines[last + 1 :])


def _pick_references(pool: list[str], rng: random.Random) -> list[str]:
    """About 40 references: a third from the popular head of the pool, the rest from its long tail."""
    count = rng.randint(REFS_PER_ENTRY - 5, REFS_PER_ENTRY + 5)
    head = pool[: max(20, len(pool) // 20)]
    chosen: dict[str, None] = {}
    while len(chosen) < count:
        chosen[rng.choice(head) if rng.random() < 0.35 else rng.choice(pool)] = None
    return list(chosen)


def generate(samples: list[Sample], count: int, dest: Path, *, seed: int = 1) -> CorpusStats:
    """Write ``count`` sources to ``dest`` (mixed families) and return the corpus statistics."""
    rng = random.Random(seed)
    dest.mkdir(parents=True, exist_ok=True)
    pool = reference_pool(samples, max(400, count * 12), rng)
    by_family = {s.family: s for s in samples}
    families = [f for f, _ in FAMILY_MIX if f in by_family]
    weights = [w for f, w in FAMILY_MIX if f in by_family]
    stats = CorpusStats()
    citations: Counter[str] = Counter()
    texts: set[int] = set()
    for index in range(count):
        sample = by_family[rng.choices(families, weights)[0]]
        text = _vary_body(_identity(sample, index, rng), rng)
        if sample.entry.references:
            refs = _pick_references(pool, rng)
            citations.update(refs)
            text = _with_references(text, refs)
        path = dest / f"bench-{index:05d}-{sample.family}.txt"
        path.write_text(text, encoding="utf-8")
        stats.families[sample.family] = stats.families.get(sample.family, 0) + 1
        stats.bytes_total += len(text.encode("utf-8"))
        texts.add(hash(text))
    stats.sources = count
    stats.references = sum(citations.values())
    stats.distinct_references = len(citations)
    shared = sum(n for n in citations.values() if n > 1)
    stats.shared_share = shared / stats.references if stats.references else 0.0
    stats.bytes_mean = stats.bytes_total / count if count else 0.0
    stats.distinct_texts = len(texts)
    return stats
