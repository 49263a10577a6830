"""ACLED-style casualty figures of an event, read from the quantities linked to it (DESIGN.md "Casualty
fields"): `fatalities` and `injured`, each `{low, best, high, source}`.

Reading one figure: exact "12" -> 12/12/12; "at least 20" (lower) -> low = best = 20; "about 30" (approx)
-> best 30; "up to 30" (upper) -> best = high = 30; "between 3 and 5" (range) -> low 3, best 3 (the low end,
as ACLED codes ranges), high 5; a vague amount ("dozens", "several") -> its conservative value as low,
best null. Combining figures of one field: amounts on the same verb in one sentence from one source add up
("killed 3 soldiers and 2 civilians" -> 5); a "killed or wounded" total feeds neither; of one source, the latest toll in the text wins; when sources
disagree, the first-named source gives the figure and the others are listed in `others`. Projected
numbers ("could kill thousands") are no figure. "No casualties", "no one was killed" is 0, not null. A killing verb whose victims are named people and no
number ("gunmen killed the mayor, Ali Musa") counts them: 1 each. `source` is the speaker of the claim that carries the
number (null when the author states it).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import yaml
from spacy.tokens import Doc, Token

from dotterel import language
from dotterel.knowledge import data_path, word_set
from dotterel.findings import Mention
from dotterel.model import Casualties, CasualtyFigure, Quantity

_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class Knowledge:
    role_field: dict[str, str]  # quantity role -> "fatalities" | "injured"
    vague: frozenset[str]  # words that name no figure of their own
    nobody: frozenset[str]  # "nobody", "no one": a zero toll as a verb's subject


@functools.cache
def knowledge() -> Knowledge:
    path = data_path("events", "casualties.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    role_field = {role: name for name, roles in data["fields"].items() for role in roles}
    unknown = set(data["fields"]) - {"fatalities", "injured"}
    if unknown:
        raise ValueError(f"{path}: unknown casualty fields {sorted(unknown)}")
    plural = {w for w, _, kind in language.numbers("quantities") if kind == "vague"}
    return Knowledge(role_field, frozenset(plural) | word_set(data["indefinite"], str(path)),
                     word_set(data["nobody"], str(path)))


@dataclass(frozen=True, slots=True)
class Linked:
    """A quantity linked to the event, with what the casualty reading needs beside the record."""

    quantity: Quantity
    source: str | None  # the speaker of the innermost claim whose content holds it
    anchor: int  # token of the happening it counts (its predicate, else the verb it hangs on)
    sentence: int
    combined: bool = False  # a "killed or wounded" total: neither field


def field_of(q: Quantity) -> str | None:
    """The casualty field a quantity feeds, or None."""
    if q.projected or q.value is None:
        return None
    return role_field(q.role or "")


def is_vague(text: str) -> bool:
    """"dozens", "hundreds of", "several": no digits and a word (or word pair) naming no figure."""
    if _DIGIT.search(text):
        return False
    words = _WORD.findall(text.lower())
    vague = knowledge().vague
    return any(w in vague for w in words) or any(f"{a} {b}" in vague for a, b in zip(words, words[1:]))


def _as_int(v: float | None) -> int | None:
    return None if v is None else int(round(v))


def reading(q: Quantity) -> tuple[int | None, int | None, int | None]:
    """(low, best, high) of one reported figure."""
    value = _as_int(q.value)
    if is_vague(q.text):
        return value, None, None
    if q.bound == "exact":
        return value, value, value
    if q.bound == "lower":
        return value, value, None
    if q.bound == "upper":
        return None, value, value
    if q.bound == "range":
        low = _as_int(q.low if q.low is not None else q.value)
        return low, low, _as_int(q.high)
    return None, value, None  # approx


def _add(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


def _figure(group: list[Linked], source: str | None) -> CasualtyFigure:
    """One figure of a source: the amounts on one verb in one sentence add up."""
    low, best, high = reading(group[0].quantity)
    for item in group[1:]:
        lo, be, hi = reading(item.quantity)
        low, best, high = _add(low, lo), _add(best, be), _add(high, hi)
    return CasualtyFigure(low=low, best=best, high=high, source=source,
                          quantities=[item.quantity.id for item in group])


def casualties(linked: list[Linked]) -> dict[str, Casualties | None]:
    """The `fatalities` and `injured` of one event from its linked quantities (text order)."""
    out: dict[str, Casualties | None] = {"fatalities": None, "injured": None}
    for name in out:
        items = [x for x in linked if not x.combined and field_of(x.quantity) == name]
        if not items:
            continue
        # group: same source, same sentence, same verb -> one figure (their amounts add up)
        groups: dict[tuple[str | None, int, int], list[Linked]] = {}
        for x in items:
            groups.setdefault((x.source, x.sentence, x.anchor), []).append(x)
        # per source, the latest figure in the text wins; sources in the order they are first named
        latest: dict[str | None, CasualtyFigure] = {}
        for (source, _, _), group in groups.items():
            latest[source] = _figure(group, source)
        first, *others = latest.values()
        out[name] = Casualties(low=first.low, best=first.best, high=first.high, source=first.source,
                               quantities=first.quantities, others=others)
    return out


@functools.cache
def _killing_verbs() -> frozenset[str]:
    from dotterel.quantities.lexicon import lexicon

    return frozenset(verb for verb, role in lexicon().verb_roles.items() if role_field(role) == "fatalities")


def combined_toll(verb: Token) -> bool:
    """"killed or wounded 4,000": the verb is joined by "or" to a verb of the other casualty field, so the
    number is a combined total (DESIGN.md: neither field)."""
    from dotterel.quantities.lexicon import lexicon

    roles = lexicon().verb_roles
    own = role_field(roles.get(verb.lemma_.lower(), ""))
    head = verb.head if verb.dep_ == "conj" else verb
    group = [head, *(c for c in head.children if c.dep_ == "conj")]
    if not any(c.dep_ == "cc" and c.lower_ in ("or", "and/or") for c in head.children):
        return False
    fields = {role_field(roles.get(v.lemma_.lower(), "")) for v in group} - {None}
    return own is not None and len(fields) > 1


def role_field(role: str) -> str | None:
    return knowledge().role_field.get(role)


def named_killed(trigger_lemma: str, recipients: list[Mention], source: str | None) -> Casualties | None:
    """"killed X" of named people: one fatality each (DESIGN.md), when no number gives the toll."""
    people = {m.key for m in recipients if m.kind == "person"}
    if trigger_lemma not in _killing_verbs() or not people:
        return None
    n = len(people)
    return Casualties(low=n, best=n, high=n, source=source)


@dataclass(frozen=True, slots=True)
class ZeroToll:
    """"no casualties", "no one was killed": a figure of 0 for `fields`, hanging on the verb `anchor`."""

    span: tuple[int, int]
    anchor: int
    fields: tuple[str, ...]
    predicate: int | None = None  # the happening it zeroes ("no one was *killed*", "the raid caused no *casualties*")


def _fields(role: str | None) -> tuple[str, ...]:
    if role == "casualties":  # "no casualties": neither killed nor wounded
        return ("fatalities", "injured")
    name = role_field(role or "")
    return (name,) if name else ()


def _verb_of(tok: Token) -> Token:
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def zero_tolls(doc: Doc) -> list[ZeroToll]:
    """Every "no casualties / no deaths / no one was killed" of the document."""
    from dotterel.quantities.lexicon import lexicon
    from dotterel.quantities.predicate import predicate

    lex, nobody = lexicon(), knowledge().nobody
    out: list[ZeroToll] = []
    for tok in doc:
        # the dependency first: it rules out almost every token before any string is built
        if tok.dep_ in ("nsubj", "nsubjpass"):
            word = tok.lower_
            pair = f"{doc[tok.i - 1].lower_} {word}" if tok.i > 0 else word
            if not (word in nobody or pair in nobody):
                continue
            verb = tok.head
            fields = _fields(lex.verb_roles.get(verb.lemma_.lower())) if verb.pos_ in ("VERB", "AUX") else ()
            start = doc[tok.i - 1].idx if pair in nobody and word not in nobody else tok.idx
            counts: int | None = verb.i if verb.pos_ in ("VERB", "AUX") else None
        elif tok.dep_ == "det" and tok.lower_ == "no" and tok.head.pos_ == "NOUN":
            noun = tok.head
            fields = _fields(lex.noun_roles.get(noun.lemma_.lower()) or lex.noun_roles.get(noun.lower_))
            verb, start = _verb_of(noun), tok.idx
            found = predicate(noun, tok.i, noun.i + 1, measure=False)
            counts = found.i if found is not None else None
            tok = noun
        else:
            continue
        if fields:
            out.append(ZeroToll((start, tok.idx + len(tok)), verb.i, fields, counts))
    return out
