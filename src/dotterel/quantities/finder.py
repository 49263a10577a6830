"""Find quantities in a parsed document: numbers with their unit, role, bound and projection.

How a quantity is read (knowledge in data/quantities/*.csv, rules here):
1. a *number* from tokens (`numbers.read_core`): digits, number words, "hundreds of thousands";
   a following "to / - / or / and (after between) + number" makes a range when it is larger.
2. its *unit*: a currency sign before it, a measure/percent/time unit after it, else the counted
   noun the number modifies in the parse ("3,000 North Korean soldiers" -> soldiers).
3. its *bound* from cue phrases next to it ("as many as" upper, "at least" lower, "about" approx).
4. what it *attaches to* (`anchor`): climbing the parse from the number through its noun to the verb.
5. *projected* when that verb is governed by a possibility modal ("could affect"), or is a verb of
   change under a future/expectation word ("will grow to", "is expected to reach").

Left out on purpose (DESIGN.md scope): years and other date parts, ordinals, clock times, phone
numbers, names with numbers ("F-16", "Chapter 11", "Boeing 737"), list numbering, ages ("a
32-year-old", "aged 25": an age describes a person, it is not a count), sport scores ("3-1"),
multipliers ("three times", "double": a ratio, not an amount), index levels ("the index rose to
775.9", "1,000 points") and date offsets ("four years ago").
Durations ("for six days") are kept, role `duration`. Decisions on vague counts: "hundreds of" is
a lower bound of 100, "dozens of" 12, "tens of thousands" 10,000 (DESIGN.md's conservative reading of
vague amounts); "a dozen" is exactly 12.
"the two leaders" (a spelled-out number up to ten after "the/these/both") refers, it does not count.
Kept as well: fractions ("two-thirds of the senators" 0.667, "nearly half" 0.5: a share, like a
percentage), zero counts of the nouns that matter ("no casualties", "no troops were hurt": 0, which
DESIGN.md's casualty fields need) and vote tallies ("voted 92-1", "230-to-198": two counts, role votes).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from dotterel import language
from dotterel.findings import QuantityFinding
from dotterel.model import Bound
from dotterel.quantities.lexicon import Lexicon, Unit, lexicon
from dotterel.quantities.numbers import Core, read_core, read_fraction
from dotterel.quantities.predicate import happening_words, is_part, predicate

_DIGIT_GROUP = re.compile(r"^\+?\d+$")
_COUNTABLE = re.compile(r"^[^\W\d_][\w'-]*$")  # a word, not "to-198"
_RANGE_LINKS = frozenset({"to", "-", "–", "—", "or", "and"})
_MONTHS_DAYS = frozenset(language.calendar("quantities"))
_YEAR_LEFT = frozenset({"the", "a", "its", "their", "his", "her", "'s", "this", "that", "in", "since", "by",
                        "until", "till", "of", "from", "and", "-", "–", "before", "after", "during", "for"})
_NAME_ENTS = frozenset({"FAC", "GPE", "LOC", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
_NOUNISH = frozenset({"NOUN", "PROPN"})
_VERBISH = frozenset({"VERB", "AUX"})
_ATTACH_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "appos", "advmod", "npadvmod"})
_BARE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "conj", "appos", "attr", "pobj"})


class _Ctx:
    """Per-document lookups shared by the reading steps."""

    __slots__ = ("doc", "words", "glued", "lex", "n", "text")

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        # token arrays instead of Token objects: building a Token per word is the dominant cost
        strings = doc.vocab.strings
        self.words = [strings[h] for h in doc.to_array("LOWER").tolist()]
        spacy_flags = doc.to_array("SPACY").tolist()
        self.glued = [i > 0 and not spacy_flags[i - 1] for i in range(len(spacy_flags))]
        self.n = len(doc)
        self.text = doc.text  # Doc.text rebuilds the string on every access: read it once

    def phrase_before(self, end: int, table: dict, longest: int) -> tuple[int, object] | None:
        """Longest entry of `table` whose words end just before token `end`: (length, value)."""
        for k in range(min(longest, end), 0, -1):
            hit = table.get(tuple(self.words[end - k:end]))
            if hit is not None:
                return k, hit
        return None

    def phrase_at(self, start: int, table: dict, longest: int) -> tuple[int, object] | None:
        """Longest entry of `table` whose words start at token `start`: (length, value)."""
        for k in range(min(longest, self.n - start), 0, -1):
            hit = table.get(tuple(self.words[start:start + k]))
            if hit is not None:
                return k, hit
        return None


def find_quantities(doc: Doc) -> list[QuantityFinding]:
    """Every in-scope quantity of `doc`, in text order."""
    lex = lexicon()
    ctx = _Ctx(doc, lex)
    found, consumed = _tallies(ctx)
    i = 0
    while i < ctx.n:
        w = ctx.words[i]
        # cheap gate: only digits, number words and "a/an" (a dozen, a million) can start a number
        if i in consumed or not (w[0].isdigit() or w in lex.numbers or w in ("a", "an", "several", "no")):
            i += 1
            continue
        if w == "no":
            zero = _zero(ctx, i)
            if zero is not None:
                found.append(zero)
            i += 1
            continue
        core = None
        if not (w == "half" and ((i > 0 and ctx.words[i - 1] in lex.ctx("not_half"))
                                 or (i + 1 < ctx.n and ctx.words[i + 1] in lex.ctx("half_idiom")))):
            core = read_fraction(ctx.words, i, lex, ctx.glued)
        if core is None:
            core = read_core(ctx.words, i, lex, ctx.glued)
        if core is None:
            i += 1
            continue
        q, next_i = _read_quantity(ctx, core)
        if q is not None:
            found.append(q)
        i = max(next_i, core.end, i + 1)
    _inherit_units(ctx, found)
    found.sort(key=lambda q: q.span)
    return found


_TALLY_TO = re.compile(r"^to-(\d{1,3})$")


def _tallies(ctx: _Ctx) -> tuple[list[QuantityFinding], set[int]]:
    """Vote tallies: "voted 92-1", "a 230-to-198 vote", "passed 61 to 38": two counts (role votes) where
    a tally word is near (context `tally`); elsewhere the pair is a score and stays out."""
    words, doc = ctx.words, ctx.doc
    out: list[QuantityFinding] = []
    consumed: set[int] = set()
    for i in range(ctx.n - 2):
        if not words[i].isdigit() or len(words[i]) > 3:
            continue
        second: tuple[int, int, int] | None = None  # token, char start, char end of the second count
        link, nxt = words[i + 1], words[i + 2]
        if link in ("-", "–", "to") and nxt.isdigit() and len(nxt) <= 3:
            t = doc[i + 2]
            second = (i + 2, t.idx, t.idx + len(t))
        elif link in ("-", "–") and (m := _TALLY_TO.match(nxt)):
            t = doc[i + 2]
            second = (i + 2, t.idx + m.start(1), t.idx + m.end(1))
        if second is None or int(words[i]) < int(doc.text[second[1]:second[2]]):
            continue  # "20 to 30" is a range
        sent = doc[i].sent
        near = doc[max(sent.start, i - 4):min(sent.end, i + 7)]
        if not any(t.lower_ in ctx.lex.ctx("tally") or t.lemma_.lower() in ctx.lex.ctx("tally") for t in near):
            continue
        anchor = _governor(doc[i])
        counts = predicate(doc[i], i, second[0] + 1, measure=False)
        for start, end in ((doc[i].idx, doc[i].idx + len(doc[i])), second[1:]):
            out.append(QuantityFinding(text=doc.text[start:end], span=(start, end),
                                       value=float(doc.text[start:end]), unit="votes", role="votes", bound="exact",
                                       low=None, high=None, projected=False, anchor=anchor.i,
                                       predicate=counts.i if counts is not None else None))
        consumed.update(range(i, second[0] + 1))
    return out, consumed


def _zero(ctx: _Ctx, i: int) -> QuantityFinding | None:
    """"no casualties", "No coalition troops were injured": a count of zero, for the nouns whose roles
    are listed as `zero_role` in context.csv (people, casualties, troops ...)."""
    doc = ctx.doc
    tok = doc[i]
    noun = tok.head
    if tok.dep_ != "det" or noun.pos_ not in _NOUNISH or not 0 < noun.i - i <= 3:
        return None
    if (ctx.lex.noun_roles.get(noun.lemma_.lower()) or ctx.lex.noun_roles.get(noun.lower_)) not in ctx.lex.ctx("zero_role"):
        return None
    anchor = _governor(noun)
    counts = predicate(noun, i, noun.i + 1, measure=False)
    span = (tok.idx, noun.idx + len(noun))
    return QuantityFinding(text=ctx.text[span[0]:span[1]], span=span, value=0.0, unit=_noun_unit(noun),
                           role=_role(ctx, None, noun, anchor, counts), bound="exact", low=None, high=None,
                           projected=False, anchor=anchor.i, predicate=counts.i if counts is not None else None)


def _inherit_units(ctx: _Ctx, found: list[QuantityFinding]) -> None:
    """"3,000 soldiers ... That number could climb to 10,000": a bare number whose verb's subject is
    "that/this number" counts what the previous quantity counted."""
    for k in range(1, len(found)):
        q = found[k]
        if q.unit is not None:
            continue
        verb = ctx.doc[q.anchor]
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.lower_ not in ctx.lex.ctx("anaphor"):
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("that", "this") for c in subj.children):
            continue
        prev = found[k - 1]
        q.unit, q.role = prev.unit, prev.role


def _second_core(ctx: _Ctx, core: Core, between: bool) -> Core | None:
    """The upper number of "X to Y", "X-Y", "X or Y", "between X and Y", if there is one."""
    k = core.end
    if k + 1 >= ctx.n or ctx.words[k] not in _RANGE_LINKS:
        return None
    if ctx.words[k] == "and" and not between:
        return None
    j = k + 1
    if tuple(ctx.words[j:j + 1]) in ctx.lex.pre_units:  # "$3 to $4 million"
        j += 1
    if j >= ctx.n:
        return None
    return read_core(ctx.words, j, ctx.lex, ctx.glued)


def _read_quantity(ctx: _Ctx, core: Core) -> tuple[QuantityFinding | None, int]:
    """Build the quantity around a number; returns it (or None when out of scope) and where to go on."""
    doc, words, lex = ctx.doc, ctx.words, ctx.lex
    start, end = core.start, core.end

    # --- cues and currency before the number
    unit: Unit | None = None
    pre_unit = ctx.phrase_before(start, lex.pre_units, lex.max_pre_unit)
    if pre_unit is not None:
        unit = pre_unit[1]  # type: ignore[assignment]
        start -= pre_unit[0]
    cue = ctx.phrase_before(start, lex.pre_bounds, lex.max_pre_bound)
    bound: str | None = None
    if cue is not None:
        bound = str(cue[1])
        start -= cue[0]
    if core.article and bound not in ("lower", "upper", "approx"):
        return None, end  # a bare "a year" ("3% a year", "a year ago") is no amount

    # --- range
    low, high = core.value, core.high
    if core.high is not None:  # one token "20-30"
        if core.high <= core.value:
            return None, end  # "3-1": a score, not a range
    else:
        second = _second_core(ctx, core, between=bound == "range")
        if second is not None:
            link = words[core.end]
            lo = core.value
            if core.scale == 1.0 and second.scale > 1.0 and lo * second.scale < second.value:
                lo *= second.scale  # "3.5-4.5 million", "between 3 and 4 million"
            from_before = start > 0 and words[start - 1] in ("from", "by")
            if link in ("-", "–", "—") and second.value <= lo and lo <= 200 and second.value.is_integer():
                return None, second.end  # "won 3-1", "a 5-4 ruling"
            if second.value > lo and not (link == "to" and from_before):
                low, high, end = lo, second.value, second.end
    is_range = high is not None
    value = low

    # --- exclusions that look at the words around the number
    if _out_of_scope(ctx, core, start, end, unit, bound, cue is not None or pre_unit is not None):
        return None, end

    # --- unit after the number ("km", "per cent", "days"), with an optional glued hyphen ("10-year")
    after = end
    if unit is None:
        at = end + 1 if end < ctx.n and words[end] == "-" and ctx.glued[end] else end
        post = ctx.phrase_at(at, lex.post_units, lex.max_post_unit) if at < ctx.n else None
        if post is not None:
            unit = post[1]  # type: ignore[assignment]
            after = at + post[0]
    post_cue = ctx.phrase_at(after, lex.post_bounds, lex.max_post_bound) if after < ctx.n else None
    if post_cue is None and after < ctx.n and words[after] == "-" and ctx.glued[after]:
        post_cue = ctx.phrase_at(after, lex.post_bounds, lex.max_post_bound)
    if post_cue is not None:
        bound = bound if bound in ("lower", "upper", "approx") else str(post_cue[1])
        after += post_cue[0]

    if unit is not None and unit.role == "duration":
        if after < ctx.n and words[after] in lex.ctx("offset") and doc[after - 1].dep_ != "pobj":
            # "four years ago", "two days after the talks": a date; "for six days before" stays
            return None, after
        if _in_entity(doc, core.start, "DATE") and _is_age(ctx, end):
            return None, after

    # --- the counted noun and the token the quantity hangs on
    head = _number_head(ctx, core.start, end)
    noun: Token | None = None
    partitive = False
    text_end = after
    if unit is None:
        noun, partitive = _counted_noun(ctx, head, core, after)
        of_group = (core.vague or core.approx) and after < ctx.n and words[after] == "of"  # "hundreds of Taliban"
        if noun is not None and noun.pos_ == "PROPN" and noun.ent_type_ in _NAME_ENTS and not of_group:
            return None, end  # "36 Quai des Orfevres", "10 Downing Street": an address or name
        if noun is None and core.spelled and not core.fraction and (core.value <= 1 or head.dep_ not in _BARE_DEPS):
            return None, end  # a lone "one"/"two" that counts nothing
        if core.scale == 1.0 and _index_level(ctx, noun, head, start):  # "3.5 billion marks" is money
            return None, end
        if noun is not None and not partitive and noun.i >= after:
            text_end = noun.i + 1
    if bound is None and post_cue is None and text_end > after:  # "Sixty-six people or more"
        late = ctx.phrase_at(text_end, lex.post_bounds, lex.max_post_bound) if text_end < ctx.n else None
        if late is not None:
            bound = str(late[1])
            text_end += late[0]
    attach = noun if noun is not None and not partitive else head
    anchor = _governor(attach)
    if core.spelled and core.value == 1 and bound is None and words[core.start] == "one" and noun is not None \
            and attach.dep_ == "nsubj" and anchor.lemma_.lower() in lex.ctx("one_speaker") \
            and (core.start == 0 or words[core.start - 1] not in ("only", "just", "not")):
        return None, end  # "one broker said": an unnamed speaker, not a count

    # --- bound
    if is_range:
        final: Bound = "range"
    elif bound in ("lower", "upper", "approx"):
        final = bound  # type: ignore[assignment]
    elif core.vague:
        final = "lower"
    elif core.approx:
        final = "approx"
    else:
        final = "exact"
    q_low = value if final in ("lower", "range") else None
    q_high = high if final == "range" else (value if final == "upper" else None)

    counts = predicate(attach, start, text_end, measure=unit is not None)
    role = _role(ctx, unit, noun, anchor, None if is_part(anchor) else counts)
    unit_name = unit.unit if unit is not None else (_noun_unit(noun) if noun is not None else None)
    # "grow from 40,000 to 300,000": the starting level is a fact, whatever the verb
    projected = not (start > 0 and words[start - 1] == "from") and _projected(ctx, attach, anchor)
    span = (doc[start].idx, doc[text_end - 1].idx + len(doc[text_end - 1]))
    return QuantityFinding(
        text=ctx.text[span[0]:span[1]], span=span, value=value, unit=unit_name, role=role, bound=final,
        low=q_low, high=q_high, projected=projected, anchor=anchor.i,
        predicate=counts.i if counts is not None else None,
    ), max(end, after)


def _index_level(ctx: _Ctx, noun: Token | None, head: Token, start: int) -> bool:
    """"rose to 775.9 from 577.2 points", "beyond 1,000 points", "its current 775.9 mark": a level an index stands
    at (after a level word, context `index_level`), out of scope; a move ("fell 412 points") is kept."""
    index = ctx.lex.ctx("index")
    level = start > 0 and ctx.words[start - 1] in ctx.lex.ctx("index_level")
    if noun is not None:
        return noun.lemma_.lower() in index and level  # "3.4 billion marks" (money) is no level
    if not level:
        return False
    verb = _governor(head)
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in index for c in verb.children)


def _in_entity(doc: Doc, i: int, label: str) -> bool:
    return doc[i].ent_type_ == label


def _is_age(ctx: _Ctx, end: int) -> bool:
    """"25 years old", "32-year-old", "a 6-month-old": up to four unit/hyphen words, then "old"."""
    for k in range(end, min(end + 5, ctx.n)):
        w = ctx.words[k]
        if w == "old":
            return k > end
        if w not in ("-", "year", "years", "month", "months", "week", "weeks", "day", "days"):
            return False
    return False


def _out_of_scope(ctx: _Ctx, core: Core, start: int, end: int, unit: Unit | None, bound: str | None,
                  cued: bool) -> bool:
    doc, words, lex = ctx.doc, ctx.words, ctx.lex
    tok = doc[core.start]
    prev = words[start - 1] if start > 0 else ""
    nxt = words[end] if end < ctx.n else ""
    digits = core.digits
    if tok.ent_type_ in ("ORDINAL",):
        return True
    if digits is not None:
        plain = digits.replace(",", "")
        if len(plain) > 1 and plain[0] == "0" and not plain.startswith("0."):
            return True  # "0800 123 456": a phone or code, not an amount
        if (core.start > 0 and _DIGIT_GROUP.match(words[core.start - 1])) or _DIGIT_GROUP.match(nxt):
            return True  # a run of bare digit groups ("+44 20 7946 0958"): phone numbers, codes
        if "," not in digits and "." not in digits and len(plain) == 4 and plain.isdigit() and 1800 <= int(plain) <= 2100 \
                and unit is None and core.high is None:
            if not _counted_year_shape(ctx, core, start, end):
                return True  # a year
        if core.high is not None and "," not in digits and all(
                len(p) == 4 and p.isdigit() and 1800 <= int(p) <= 2100
                for p in digits.replace("–", "-").replace("—", "-").split("-")):
            return True  # "2019-2020"
        # "1." / "2)" opening a list item
        if nxt in (".", ")") and "." not in plain and (
                doc[start].is_sent_start or prev in lex.ctx("list_open") or doc[start - 1].is_space
                or (end + 1 < ctx.n and words[end + 1].isalpha() and doc[end + 1].text.islower())):
            return True  # "1. a ceasefire": an item number (a sentence-final "at 312." is followed by a capital)
    if not cued and start > 0:
        before = doc[start - 1]
        if prev in lex.ctx("id_prefix") and core.digits is not None:
            return True  # "No. 10"
        if before.text[:1].isupper() and prev not in _MONTHS_DAYS and before.ent_type_ != "MONEY" and (
                (before.pos_ == "PROPN" and not before.is_sent_start) or tok.head.i == before.i):
            return True  # "Chapter 11", "Highway 1", "Boeing 737": a number in a name
        if prev in lex.ctx("age_word"):
            return True  # "aged 25"
    if prev in _MONTHS_DAYS or (nxt in _MONTHS_DAYS and digits is not None and float(core.value) <= 31):
        return True  # "June 12", "12 June"
    if nxt in lex.ctx("clock"):
        return True  # "5 pm"
    if nxt in lex.ctx("multiplier") or (nxt == "-" and end + 1 < ctx.n and words[end + 1] in lex.ctx("multiplier")):
        if not (nxt == "times" and _frequency_times(ctx, end)):
            return True  # "three times its capacity", "three times higher"
    if nxt in lex.ctx("fraction") or (nxt == "-" and end + 1 < ctx.n and words[end + 1] in lex.ctx("fraction")):
        return True  # "two-thirds" not read as a fraction ("two third-party"): no amount
    if _is_age(ctx, end):
        return True
    if core.spelled and core.value <= 10 and not cued and prev in lex.ctx("definite"):
        return True  # "the two leaders"
    if core.spelled and core.value == 1 and (prev in lex.ctx("pronoun_one") or nxt in ("of", "another")):
        return True  # "no one", "one of the attackers"
    ent = tok.ent_type_
    if ent in ("DATE", "TIME"):
        # inside a date entity only a duration ("six days", "the past 18 months") is a quantity
        k = end + 1 if nxt == "-" else end
        post = ctx.phrase_at(k, lex.post_units, lex.max_post_unit) if k < ctx.n else None
        if post is None or post[1].role != "duration":  # type: ignore[attr-defined]
            return True
    return False


def _frequency_times(ctx: _Ctx, end: int) -> bool:
    """ "violated the truce 135 times", "up to three times a day": "times" counting occurrences, not a
    multiplier - nothing compared follows (no comparative, "as", "the"/"its"/"what" + noun)."""
    if end + 1 >= ctx.n:
        return True
    after = ctx.doc[end + 1]
    if after.tag_ in ("JJR", "RBR") or after.lower_ in ("as", "more", "less", "fewer", "higher", "lower", "larger",
                                                         "bigger", "greater", "smaller", "over", "that", "what"):
        return False
    return after.is_punct or after.pos_ in ("ADP", "CCONJ", "SCONJ", "ADV", "VERB", "AUX") or after.lower_ in ("a", "an", "this", "last", "since")


def _counted_year_shape(ctx: _Ctx, core: Core, start: int, end: int) -> bool:
    """A four-digit number that still counts something: "2000 troops" but not "the 2022 battles"."""
    if ctx.doc[core.start].ent_type_ == "DATE":
        return False
    if start > 0 and ctx.words[start - 1] in _YEAR_LEFT:
        return False
    return end < ctx.n and ctx.doc[end].tag_ == "NNS"


def _number_head(ctx: _Ctx, start: int, end: int) -> Token:
    """The number token whose head lies outside the number words (the one that attaches)."""
    doc = ctx.doc
    t = doc[end - 1]
    for _ in range(end - start + 1):
        h = t.head
        if h.i == t.i or not (start <= h.i < end):
            break
        t = h
    return t


def _counted_noun(ctx: _Ctx, head: Token, core: Core, after: int) -> tuple[Token | None, bool]:
    """The noun the number counts, and whether it is partitive ("38 of the 45 drones")."""
    words = ctx.words
    if after < ctx.n and words[after] == "of":
        of = ctx.doc[after]
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if pobj is None:  # parser attached "of" elsewhere: take the next noun
            pobj = next((t for t in ctx.doc[after + 1:min(after + 6, ctx.n)] if t.pos_ in _NOUNISH), None)
        if pobj is not None and pobj.pos_ in _NOUNISH:
            return _compound_head(pobj), not core.vague
        return None, False
    h = head.head
    if head.dep_ in _ATTACH_DEPS and h.i > head.i and h.pos_ in _NOUNISH and h.i - head.i <= 6 \
            and not h.like_num and not any(t.is_punct or t.is_space for t in ctx.doc[max(head.i + 1, after):h.i]):
        noun = _compound_head(h)
        return (noun, False) if _COUNTABLE.match(noun.text) else (None, False)
    if core.vague and head.pos_ == "NOUN":
        return None, False
    return None, False


def _compound_head(noun: Token) -> Token:
    """"member states" -> states: climb compounds to the noun they modify."""
    for _ in range(4):
        h = noun.head
        if noun.dep_ == "compound" and h.i > noun.i and h.pos_ in _NOUNISH:
            noun = h
        else:
            break
    return noun


def _noun_unit(noun: Token) -> str:
    return noun.text if noun.pos_ == "PROPN" else noun.lower_


def _governor(tok: Token) -> Token:
    """The verb the quantity phrase is an argument of (or the sentence root)."""
    t = tok
    for _ in range(12):
        if t.pos_ in _VERBISH or t.head.i == t.i:
            return t
        t = t.head
    return t


def _role(ctx: _Ctx, unit: Unit | None, noun: Token | None, anchor: Token, counts: Token | None) -> str | None:
    """A unit's role; else the role of the happening counted ("220 men killed", "a death toll of 14"), of the
    verb the quantity hangs on, of the counted noun."""
    lex = ctx.lex
    if unit is not None:
        return unit.role
    if counts is not None:
        lemma = counts.lemma_.lower()
        own = lex.verb_roles.get(lemma) if counts.pos_ in _VERBISH or counts.tag_ == "VBN" else None
        if own is None and lemma in happening_words():
            own = lex.noun_roles.get(lemma) or lex.noun_roles.get(counts.lower_)
        if own is not None:
            return own
    verb_role = lex.verb_roles.get(anchor.lemma_.lower()) if anchor.pos_ in _VERBISH else None
    if verb_role is not None:
        return verb_role
    if noun is not None:
        return lex.noun_roles.get(noun.lemma_.lower()) or lex.noun_roles.get(noun.lower_)
    return None


def _projected(ctx: _Ctx, attach: Token, anchor: Token) -> bool:
    """Is the number a forecast/scenario? See the module docstring, rule 5."""
    lex = ctx.lex
    if anchor.pos_ not in _VERBISH:
        return False
    auxes = {c.lower_ for c in anchor.children if c.dep_ in ("aux", "auxpass")}
    if "have" in auxes or "has" in auxes or "had" in auxes:
        return False  # "may have killed 30": a hedge about the past, not a projection
    if auxes & lex.proj("epistemic"):
        return True
    lemma = anchor.lemma_.lower()
    if lemma in lex.proj("forecast") and attach.dep_ in ("dobj", "nummod") and attach.head.i == anchor.i:
        return True
    if lemma not in lex.proj("change"):
        return False
    if auxes & lex.proj("future"):
        return True
    # "is expected to reach", "is likely to slow", "plans to raise": an expectation word above
    t = anchor
    for _ in range(3):
        if t.dep_ not in ("xcomp", "ccomp", "conj") or t.head.i == t.i:
            break
        t = t.head
        if t.lemma_.lower() in lex.proj("cue"):
            return True
        if {c.lower_ for c in t.children if c.dep_ == "aux"} & (lex.proj("future") | lex.proj("epistemic")):
            return True
    return False
