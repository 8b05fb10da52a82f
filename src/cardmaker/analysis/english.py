"""Reading CC-CEDICT's English: what kind of word a sense is, its labels, its content words.

A sense such as ``(of systems, facilities etc) comprehensive`` or ``to refine``
is classed by its form (``to …`` is a verb, ``classifier for …`` a measure
word) or, for a plain English word, by the parts of speech an English
lexicon gives it (lemminflect's lemma table, read as data).  Labels in
parentheses (``literary``, ``Tw``, ``math.``) and the content words are what
the meaning stage weighs a sense by.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# What a sense can be: verb, noun, adjective, adverb, measure word, preposition, conjunction,
# a suffix or prefix, a pointer to another word, a surname, an interjection or particle.
V, N, A, D, Q, P, C, SUFFIX, PREFIX, REF, SURNAME, PARTICLE, AUX, UNIT = (
    "v", "n", "a", "d", "q", "p", "c", "suffix", "prefix", "ref", "surname", "particle", "aux", "unit")

# shared with the stages that read senses (pos, meanings): a label, an English word, a Chinese reference
LABEL_RE = re.compile(r"\(([^()]*)\)")
WORD_RE = re.compile(r"[a-z][a-z'\-]*")
HAN_REF_RE = re.compile(r"[^\s\[\]|a-zA-Z]*[\u3400-\u9fff][^\s\[\]]*(?:\[[^\]]*\])?")

PREPOSITIONS = frozenset(
    "towards toward to at for from with by in on into onto regarding concerning about according via through "
    "since until till than against along across between among per as of like except including despite "
    "within without under over above below beneath beside besides near around after before behind".split()
)
CONJUNCTIONS = frozenset("and or but furthermore moreover because if although though unless therefore thus "
                         "whereas while whether so then hence".split())
ADVERBS = frozenset("very completely utterly extremely absolutely quite rather too also again still already "
                    "just only even ever never always often soon now then here there together once "
                    "more most less least almost nearly really truly particularly especially".split())
PARTICLES = frozenset("particle interjection exclamation onomatopoeia".split())
AUXILIARIES = frozenset("will shall should must can cannot may might could would ought need about".split())
# what a number counts: a sense made of one of these (after a number) is a unit, like a measure word
UNITS = frozenset(("minute minutes second seconds hour hours day days month months year years week weeks "
                   "tenth tenths percent generation generations time times degree degrees point points ordinal "
                   "o'clock").split())

# Labels that mark a sense a learner of today's news rarely means.
RARE_LABELS = frozenset(
    "archaic old literary dialect slang vulgar Cantonese derog. obsolete classical arch. lit. "
    "jocular euphemism old-fashioned poetic Buddhism Taoism TCM".split()
) | {"Internet slang", "in former times", "in imperial China"}
# usages of Taiwan and Hong Kong: rare in a mainland article, the usual ones in a traditional one
REGIONAL_LABELS = frozenset(["Tw", "Taiwan", "HK", "Hong Kong", "Taiwan pr.", "in Taiwan"])
DOMAIN_LABELS = frozenset(
    ["biol.", "med.", "tree", "gaming", "Internet", "bird species of China", "particle physics"]) | frozenset(
    "math math. maths mathematics chemistry physics computing computer medicine medical zoology botany biology geology "
    "anatomy astronomy music law military sports finance linguistics grammar statistics economics "
    "electronics mining agriculture meteorology psychology religion geometry biochemistry photography "
    "accounting baseball basketball soccer golf chess theater film astrology genetics engineering "
    "mechanics electricity optics physiology pharmacology logic philosophy politics".split()
) | {"file"}  # CC-CEDICT's "(file) library", "(file) folder": computing's
# The field of a specialist's label, as the fields of ``sense_fields.tsv`` name them: "(zoology) somite"
# is the sense meant only in an article whose words speak of animals.
FIELD_OF_LABEL = {
    "computing": "computing", "computer": "computing", "file": "computing", "Internet": "computing", "medicine": "health",
    "medical": "health", "med.": "health", "pharmacology": "health", "anatomy": "health", "biology": "health",
    "biol.": "health", "physiology": "health", "genetics": "health", "sports": "sports", "baseball": "sports",
    "basketball": "sports", "soccer": "sports", "golf": "sports", "gaming": "sports", "military": "military",
    "botany": "plants", "tree": "plants", "agriculture": "plants", "physics": "physics", "mechanics": "physics",
    "optics": "physics", "electricity": "energy", "particle physics": "physics", "finance": "finance", "accounting": "finance",
    "economics": "economy", "law": "law", "zoology": "animals", "bird species of China": "animals",
    "music": "entertainment", "theater": "entertainment", "film": "entertainment", "politics": "politics",
    "political": "politics", "meteorology": "weather",
}


STOP = frozenset(
    "a an the of to and or in on at for by with from as is be sth sb one one's oneself etc e.g. i.e. "
    "it its this that these those used esp. also see variant form abbr. classifier measure word "
    "bound something someone somebody who which what".split()
)


@dataclass(frozen=True)
class Sense:
    """One CC-CEDICT sense as the meaning stage sees it."""

    text: str                    # as in CC-CEDICT
    classes: frozenset[str]      # V, N, A, … (several when the English word can be several)
    labels: tuple[str, ...]      # the parenthesised labels: "literary", "math.", "of systems, facilities etc"
    words: frozenset[str]        # content words, stemmed (see ``stem``)
    commonness: float = 4.0      # how common its English words are (mean Zipf frequency)
    fields: frozenset[str] = frozenset()  # what an article it is meant in is about ("to export": economy)
    labelled: frozenset[str] = frozenset()  # the fields of its specialist's labels ("(physics) mass": physics)
    noun_phrase: bool = False    # an adjective and its noun ("older brother"), which ``classes`` calls an adjective
    qualified: frozenset[str] = frozenset()  # the fields of what its labels say it is of ("(credit) limit": finance)

    @property
    def rare(self) -> bool:
        return any(label in RARE_LABELS for label in self.labels)

    @property
    def regional(self) -> bool:
        return any(label in REGIONAL_LABELS for label in self.labels)

    @property
    def domain(self) -> bool:
        return any(label in DOMAIN_LABELS for label in self.labels)

    @property
    def bound(self) -> bool:
        return "bound form" in self.labels


def stem(word: str) -> str:
    """A crude stem, enough to meet "ministry" with "minister": the first five letters of a long word."""
    return word[:5] if len(word) > 5 else word


# prepositions and verb particles are function words: that "to point out" and "to carry out" share
# "out" says nothing of what either is about (a simplified Lesk counts content words only)
_FUNCTION_WORDS = STOP | PREPOSITIONS | frozenset("out up off down away back upon".split())


def content_words(text: str) -> frozenset[str]:
    """The stemmed content words of an English gloss (labels, Chinese, pinyin, prepositions and verb
    particles left out)."""
    plain = HAN_REF_RE.sub(" ", text.lower())
    return frozenset(stem(w.strip("'-")) for w in WORD_RE.findall(plain) if len(w) > 2 and w not in _FUNCTION_WORDS)


def parse(text: str, english, zipf=None, fields=None) -> Sense:
    """Class, labels and content words of the sense ``text``; ``english`` maps an English word to the
    parts of speech it can have (``lexicon.Lexicon.english``), ``zipf`` to how common it is, ``fields``
    an English word to the fields it belongs to (``lexicon.Lexicon.sense_fields``)."""
    labels = tuple(label.strip() for label in LABEL_RE.findall(text))
    low = " ".join(LABEL_RE.sub(" ", text).lower().split())
    if low.startswith(("to ", "classifier", "measure word", "surname ", "variant of", "see ", "taiwan pr.", "also pr.")):
        classes = _classes(low, labels, english)
    else:  # "right; correct", "will; shall; about to": each part may be another kind of word
        classes = set().union(*(_classes(part.strip(), labels, english) for part in low.split(";") if part.strip()))
    plain = plain_words(text)
    commonness = sum(zipf(w) for w in plain) / len(plain) if zipf is not None and plain else 4.0
    labelled = frozenset(FIELD_OF_LABEL[label] for label in labels if label in FIELD_OF_LABEL)
    # what a label says a sense is said of is the sense's field too: "chronic (disease)" is health's
    said = [w for label in labels if label not in RARE_LABELS for w in plain_words(label)]
    qualified = fields_of(said, fields) if fields else frozenset()
    # a phrasal verb is no word of its verb's field ("to blow up" is to explode, in no weather)
    phrasal = {m.group(1) for m in _PHRASAL_RE.finditer(LABEL_RE.sub(" ", text.lower()))}
    topical = [w for w in plain if w not in phrasal]
    return Sense(text, frozenset(classes), labels, content_words(text), commonness,
                 fields_of(topical + said, fields) | labelled if fields else labelled, labelled,
                 _noun_phrase(low.split(";")[0], english), qualified)


_PHRASAL_RE = re.compile(r"\b([a-z]+) (?:up|out|off|away|down)\b")


def _noun_phrase(part: str, english) -> bool:
    """Two English words, an adjective and a noun no lexicon makes an adjective or adverb too:
    "older brother", "electrical power", "bad name" (not "very good", "well-known abroad")."""
    words = WORD_RE.findall(part)
    if len(words) != 2:
        return False
    first, last = english(words[0]), english(words[1])
    return bool(first) and first <= {"adj", "adv"} and "noun" in last and not last & {"adj", "adv"}


def parsed(sense: str, lexicon) -> Sense:
    """``parse`` with the tables of ``lexicon`` (a ``lexicon.Lexicon``), once per sense: every stage
    that weighs senses asks for the same ones again."""
    memo = lexicon.memo("parsed_senses")
    got = memo.get(sense)
    if got is None:
        got = memo.put(sense, parse(sense, lexicon.english, lexicon.english_zipf, lexicon.sense_fields))
    return got


# a label that says what a sense is said of: "(of muscle, social custom etc) to atrophy"
SAID_OF_RE = re.compile(r"^(?:of|on|esp\. of|usu\. of|said of)\s")
# … words such a label uses for anything at all ("(of a person)")
GENERIC = frozenset(stem(w) for w in "person persons people thing things sth someone".split())
_LABELS_RE = re.compile(r"\([^()]*\)|\b(?:fig|lit)\.")


def unlabelled(text: str) -> str:
    """``text`` without its labels: empty when a cut would leave a label alone ("(fig.)")."""
    return _LABELS_RE.sub("", text).strip(" ;,")


def boundaries(text: str, sep: str):
    """Where ``sep`` occurs in ``text`` outside parentheses: where a long sense may be cut."""
    i = text.find(sep)
    while i >= 0:
        if text.count("(", 0, i) == text.count(")", 0, i):
            yield i
        i = text.find(sep, i + 1)


def plain_words(text: str) -> list[str]:
    """The content words of a gloss as written (labels, Chinese and pinyin left out), lower case."""
    return [w for w in WORD_RE.findall(LABEL_RE.sub(" ", HAN_REF_RE.sub(" ", text.lower())))
            if len(w) > 2 and w not in STOP]


def fields_of(words, fields) -> frozenset[str]:
    """The fields (``lexicon.Lexicon.sense_fields``) of the English ``words``, a plural as its singular."""
    out: frozenset[str] = frozenset()
    for w in words:
        got = fields.get(w)
        if got is None and w.endswith("s"):
            got = fields.get(w[:-1])
        if got:
            out |= got
    return out


def _classes(low: str, labels, english) -> set[str]:
    if low.startswith(("classifier", "measure word", "numerary adjunct")):
        return {Q}
    if low.startswith("surname "):
        return {SURNAME}
    if low.startswith(("variant of", "old variant of", "see ", "see also", "used in", "abbr. for", "abbr. to", "also written",
                       "same as", "erhua variant", "taiwan pr.", "also pr.", "pr. [")):
        return {REF}
    if "suffix" in labels or low.startswith(("suffix", "-", "(suffix)")):
        return {SUFFIX}
    if "prefix" in labels or low.startswith("prefix") or re.match(r"^[a-z]+-$", low):
        return {PREFIX}
    if re.match(r"to (?:one's|the|a|an|his|her|their|my|your|our|sb's|some|this|that)\b", low):
        # "to one's satisfaction", "to the utmost": a prepositional phrase, no infinitive ("to the west of"
        # a preposition's)
        return {D, P} if low.endswith(" of") else {D}
    if low.startswith("to ") or "; to " in low[:40]:
        return {V}
    first = WORD_RE.match(low)
    if first is None:
        return set()
    word = first.group(0)
    words = WORD_RE.findall(low)
    if word in PARTICLES or "particle" in low[:30]:
        return {PARTICLE}
    # ("cannot" alone, 不能; "cannot be more (after adjectival)", 不過, is no modal's sense)
    if (word in AUXILIARIES and (words[1:2] in ([], ["to"], ["be"], ["have"], ["not"])) and low != "about"
            and not (word == "cannot" and len(words) > 1)):
        return {AUX, V}
    if word in PREPOSITIONS and len(words) <= 4:
        return {P}
    if " than " in f" {low} " and len(words) <= 6:
        return {P}  # 比: more … than
    if word == "then" and len(words) <= 4:
        return {C, D}
    if word in CONJUNCTIONS and len(words) <= 4:
        return {C}
    if word in ("a", "an", "the", "one's", "his", "her", "their", "my", "your", "our"):
        return {N}
    if re.fullmatch(r"(day|year|month|week|step|one|layer|level|stage) (?:by|after) \1", low) or re.match(
            r"(?:more and more|less and less|better and better)\b", low):
        return {D}  # 日益 "day by day / more and more", 逐步 "step by step": how a thing goes on
    if low.startswith(("out of ", "up to date", "in time")) and len(words) <= 4:
        return {D, A}  # 过时 "out of date": a state's phrase, no noun
    if word in _SUBORDINATORS and len(words) > 4:
        return {D}  # "as the time draws near" (臨時), "when the time comes": a clause, an adverbial's sense
    if any(w in UNITS for w in words[:3]) and len(words) <= 5:
        return {UNIT, N}
    if len(words) == 1 or (len(words) == 2 and words[1] in ("sth", "sb")):
        found = english(word)
        out = {_UPOS.get(p, N) for p in found} if found else set()
        if "verb" in found and _participle(word, english):
            # a past participle alone is no verb's sense (that says "to …"): "designated", "appointed"
            # (定點醫院) modify as adjectives do ("leading", "planning" name the act as often)
            out = (out - {V}) | {A}
        if word in ADVERBS or word.endswith("ly") and not found:
            out.add(D)
        if word in _DETERMINERS:
            out |= {A, N}  # "all", "many" (所有, 多): what modifies a noun, as an adjective does, or stands for it
        if not found and word.endswith(_ADJECTIVE_ENDINGS):
            out.add(A)  # a word the English lexicon lacks is an adjective by its ending ("feasible", 使得)
        return out or {N}
    if (len(words) == 2 and word in _DEGREE_WORDS and words[1] not in ADVERBS | _DEGREE_WORDS
            and "adj" in english(words[1])):
        return {A}  # "not bad", "pretty good" (不錯): a degree word and its adjective are an adjective's sense
    # a participle and its preposition ("geared towards", "catering for", "aimed at", "based on") is
    # a verb's phrase used as a modifier, not a noun ("subjected to", "exposed to" are passives: a verb's)
    if (len(words) >= 2 and words[0].endswith(("ed", "ing")) and words[1] in PREPOSITIONS and words[1] != "to"
            and "verb" in english(word)):
        return {A}
    if low in ("subjected to", "exposed to"):
        return {V}  # 受 "subjected to": the passive before its verb (受|影響)
    # a phrase: "head of a department", "section chief", "energy level", "in person"
    if word in ("in", "on", "at", "by", "with", "without") and len(words) <= 4:
        return {D, A}
    if word in ("right", "just", "exactly", "precisely") and words[1:2] in (["in"], ["on"], ["at"]) \
            and len(WORD_RE.findall(re.sub(r"\([^()]*\)", " ", low))) <= 6:
        return {D, A}  # 正在 "right in the middle of (doing sth)": an adverb's phrase, no noun
    first_pos = english(word)  # "unrestrained by convention", "well-known abroad"; else a noun phrase
    if first_pos and first_pos <= {"adj", "adv"}:
        return {_UPOS[p] for p in first_pos}
    return {N}


# words that open an adverbial clause ("as the time draws near"), degree words and negations that
# modify an adjective ("not bad", "pretty good"), and the endings of English adjectives
_SUBORDINATORS = frozenset("as when while once until whenever wherever".split())
_DEGREE_WORDS = frozenset("not very pretty quite rather fairly so too extremely really".split())
_DETERMINERS = frozenset("all each every some many several few both various".split())
_ADJECTIVE_ENDINGS = ("able", "ible", "ous", "ful", "less", "ive", "ical")


def _participle(word: str, english) -> bool:
    """``word`` is a verb's past participle: less its "-ed" (a doubled consonant, a dropped "e", "-ied"
    for "-y") a verb ("designated", "appointed", "stopped"; not "speed", "need")."""
    if not word.endswith("ed") or len(word) < 5:
        return False
    base = word[:-2]
    stems = {base, base + "e", base[:-1] if base[-1] == base[-2] else base, base[:-1] + "y" if base.endswith("i") else base}
    return any("verb" in english(b) for b in stems if len(b) >= 2)


_UPOS = {"noun": N, "verb": V, "adj": A, "adv": D, "aux": V, "propn": N}
