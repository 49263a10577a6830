"""Turn stage findings into a numbered `dotterel/1` Document, linking them to each other.

Linking rules live here and only here:
- an event is attributed to the innermost claim whose content covers its trigger;
- an event's date is a date expression attached to its trigger (or its clause); the report date is a
  date attached to the reporting cue of the claim that carries it;
- a quantity belongs to the event of the happening it counts (its predicate, `counts`), of a type its role
  can count (data/quantities/event_links.csv): the event whose trigger is that predicate, or the one the
  predicate is part of (a conjoined verb of the same subject, "killed 5 and wounded 12"; the event noun a
  verb carries; the verb it completes, "agreed to send 3,000 troops"). Never an event of another predicate
  of the sentence: "votes" are no count of a measure the vote "endorsed". A casualty or arrest count whose
  happening is no coded event takes the fitting event that governs it or lies under it ("died in the
  attack"), else the latest fitting one before it in its sentence or the sentences just before
  ("Militants attacked a post. Six officers died."). A quantity with no predicate in the parse goes to the
  event whose trigger governs its anchor token.
Local ids (n*, e*, c*, q*) are numbered in text order, so the same text gives the same ids.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dotterel import language
from dotterel.actors.parties import attribution_code, resolve_speaker_phrases
from dotterel.casualties import Linked, casualties, combined_toll, named_killed, zero_tolls
from dotterel.events.ontology import ONTOLOGY
from dotterel.knowledge import data_path
from dotterel.findings import ActorIndex, ClaimFinding, DateFinding, EventFinding, Mention, QuantityFinding
from dotterel.model import SourceItem
from dotterel.model import (
    SCHEMA,
    ActorRef,
    Attribution,
    Casualties,
    Claim,
    Coder,
    Document,
    Entity,
    Event,
    EventDate,
    Genre,
    Happening,
    Location,
    Quantity,
    Speaker,
    Trigger,
)


@dataclass(slots=True)
class Findings:
    actors: ActorIndex
    claims: list[ClaimFinding]
    events: list[EventFinding]
    quantities: list[QuantityFinding]
    dates: list[DateFinding]
    genre: Genre


def _entities(actors: ActorIndex) -> tuple[list[Entity], dict[str, str]]:
    """One Entity per actor key, numbered by first mention; returns them and key -> entity id."""
    by_key: dict[str, Entity] = {}
    for m in actors.mentions:
        ent = by_key.get(m.key)
        if ent is None:
            ent = Entity(id=f"n{len(by_key) + 1}", text=m.text, code=m.code, sector=m.sector, name=m.name,
                         kind=m.kind, spans=[])
            by_key[m.key] = ent
        ent.spans.append(m.span)
    return list(by_key.values()), {k: e.id for k, e in by_key.items()}


def _ref(m: Mention, ids: dict[str, str]) -> ActorRef:
    return ActorRef(text=m.text, code=m.code, sector=m.sector, entity=ids.get(m.key), span=m.span)


def _covers(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _claim_for(ev: EventFinding, claims: list[ClaimFinding]) -> int | None:
    """Index of the innermost claim whose content covers the event trigger."""
    return _claim_covering(ev.trigger_span, claims)


def _claim_covering(span: tuple[int, int], claims: list[ClaimFinding]) -> int | None:
    """Index of the innermost claim whose content covers `span`. A claim with no speaker (an unattributed
    "reportedly") attributes nothing: the author hedges, nobody is cited; nor does a judgement of an event
    the text takes as known ("denounced the attack")."""
    best = None
    for i, c in enumerate(claims):
        if c.speaker_text and c.attributes_events and _covers(c.content_span, span):
            if best is None or (c.content_span[1] - c.content_span[0]) < (
                    claims[best].content_span[1] - claims[best].content_span[0]):
                best = i
    return best


def _through(doc: Doc, token: int, root: int, dep: str) -> bool:
    """Does the path from `token` up to its ancestor `root` pass through an arc `dep` ("pobj": a
    prepositional object; "conj": a conjunct)?"""
    t = doc[token]
    while t.i != root and t.head.i != t.i:
        if t.dep_ == dep:
            return True
        t = t.head
    return False


def _in_subtree(doc: Doc, token: int, root: int) -> bool:
    t = doc[token]
    while True:
        if t.i == root:
            return True
        if t.head.i == t.i:
            return False
        t = t.head


DATE_PREPOSITIONS = language.words("prepositions", "date")


def _date_for(doc: Doc, anchor: int, dates: list[DateFinding]) -> DateFinding | None:
    """A date expression attached to `anchor`, or failing that to the clause above it."""
    sent = doc[anchor].sent
    candidates = [d for d in dates if sent.start <= d.anchor < sent.end]
    for d in candidates:
        if d.anchor == anchor:
            return d
    # a prepositional date the parser hung on the trigger's object ("accepted a resolution in July 1988");
    # a date modifying the object itself ("a 2016 ruling") dates that object, not this event
    for d in candidates:
        if (doc[d.anchor].head.i == anchor and doc[d.anchor].dep_ in ("dobj", "nsubjpass")
                and d.text.split(" ", 1)[0].lower() in DATE_PREPOSITIONS):
            return d
    head = doc[anchor]
    # climb through auxiliaries/conjuncts to the governing verb: "has been sending ... since June"
    while head.dep_ in ("xcomp", "conj", "ccomp", "advcl") and head.head.i != head.i:
        head = head.head
        for d in candidates:
            if d.anchor == head.i:
                return d
    return None


def assemble(doc: Doc, found: Findings, *, doc_id: str, sha: str, item: SourceItem,
             pub_date: dt.date | None, coder: Coder, warnings: list[str]) -> Document:
    text = doc.text  # Doc.text rebuilds the string on every access: read it once
    entities, ids = _entities(found.actors)
    claims_f = sorted(found.claims, key=lambda c: c.span)
    resolve_speaker_phrases(doc, claims_f, found.actors, pub_date)
    events_f = sorted(found.events, key=lambda e: (e.trigger_span, e.type))
    quants_f = sorted(found.quantities, key=lambda q: q.span)

    claim_ids = [f"c{i + 1}" for i in range(len(claims_f))]
    claim_events: list[list[str]] = [[] for _ in claims_f]
    events: list[Event] = []
    trig_tokens: list[int] = []
    for n, ev in enumerate(events_f, start=1):
        eid = f"e{n}"
        ci = _claim_for(ev, claims_f)
        attribution = None
        report_date = None
        if ci is not None:
            c = claims_f[ci]
            claim_events[ci].append(eid)
            code, sector = attribution_code(c, ev)
            attribution = Attribution(source=c.speaker_text, code=code, sector=sector, cue=c.cue,
                                      claim=claim_ids[ci], span=c.span, certainty=c.certainty)
            cue_tok = _token_at(doc, c.cue_span[0])
            if cue_tok is not None:
                rd = _date_for(doc, cue_tok, found.dates)
                report_date = rd.value if rd else None
        d = _date_for(doc, ev.trigger, found.dates)
        spec = ONTOLOGY.spec(ev.type)
        modality = ev.modality
        if modality == "asserted" and d is not None and _long_before(d.value, pub_date):
            modality = "historical"  # background: it happened long before the report
        events.append(Event(
            id=eid, type=ev.type, mode=ev.mode, context=list(ev.context), quad=spec.quad,
            score=ONTOLOGY.score(ev.type, ev.mode),
            actor=[_ref(m, ids) for m in ev.actors], recipient=[_ref(m, ids) for m in ev.recipients],
            modality=modality, attribution=attribution,
            date=EventDate(text=d.text, value=d.value, precision=d.precision, span=d.span) if d else None,
            report_date=report_date,
            location=Location(text=ev.location.text, code=ev.location.code, span=ev.location.span)
            if ev.location else None,
            quantities=[], confidence=round(ev.confidence, 3), sentence=ev.sentence, span=ev.span,
            trigger=Trigger(text=text[ev.trigger_span[0]:ev.trigger_span[1]], span=ev.trigger_span),
        ))
        trig_tokens.append(ev.trigger)

    quantities: list[Quantity] = []
    sent_starts = [s.start for s in doc.sents]
    linked: dict[str, list[Linked]] = {}
    for n, q in enumerate(quants_f, start=1):
        qid = f"q{n}"
        owner = _event_for_quantity(doc, q, events, trig_tokens, sent_starts)
        quantity = Quantity(
            id=qid, text=q.text, value=q.value, unit=q.unit, role=q.role, bound=q.bound, low=q.low,
            high=q.high, projected=q.projected, event=owner.id if owner else None, span=q.span,
            counts=_happening(text, doc, q.predicate))
        quantities.append(quantity)
        if owner is not None:
            owner.quantities.append(qid)
            qc = _claim_covering(q.span, claims_f)
            # amounts add up per happening: "150 soldiers, 95 civilians and 40 rebels killed"
            linked.setdefault(owner.id, []).append(Linked(
                quantity, claims_f[qc].speaker_text if qc is not None else None,
                q.predicate if q.predicate is not None else q.anchor,
                bisect_right(sent_starts, q.anchor) - 1, combined_toll(doc[q.anchor])))
    zeros: dict[str, dict[str, Casualties]] = {}
    for z in zero_tolls(doc):
        probe = QuantityFinding(text="", span=z.span, value=0.0, unit=None, role=ZERO_ROLE[z.fields[0]],
                                bound="exact", low=None, high=None, projected=False, anchor=z.anchor,
                                predicate=z.predicate)
        owner = _event_for_quantity(doc, probe, events, trig_tokens, sent_starts)
        if owner is not None:
            zc = _claim_covering(z.span, claims_f)
            for name in z.fields:
                zeros.setdefault(owner.id, {}).setdefault(name, Casualties(
                    low=0, best=0, high=0, source=claims_f[zc].speaker_text if zc is not None else None))
    for record, ef in zip(events, events_f):
        figures = casualties(linked.get(record.id, []))
        own_zeros = zeros.get(record.id, {})
        record.fatalities = figures["fatalities"] or own_zeros.get("fatalities")
        record.injured = figures["injured"] or own_zeros.get("injured")
        if record.fatalities is None:
            record.fatalities = named_killed(doc[ef.trigger].lemma_.lower(), ef.recipients,
                                             record.attribution.source if record.attribution else None)

    claims = [
        Claim(
            id=claim_ids[i],
            speaker=Speaker(text=c.speaker_text, code=c.speaker.code if c.speaker else None,
                            sector=c.speaker.sector if c.speaker else None,
                            entity=ids.get(c.speaker.key) if c.speaker else None, span=c.speaker_span)
            if c.speaker_text else None,
            cue=c.cue, kind=c.kind, content=text[c.content_span[0]:c.content_span[1]], span=c.span,
            content_span=c.content_span, certainty=c.certainty, events=claim_events[i])
        for i, c in enumerate(claims_f)
    ]
    return Document(
        schema=SCHEMA, id=doc_id, text_sha256=sha, title=item.title, url=item.url, source=item.source,
        language="en", pub_date=pub_date.isoformat() if pub_date else None, coder=coder, text=text,
        genre=found.genre, entities=entities, events=events, claims=claims, quantities=quantities,
        sentences=[(s.start_char, s.end_char) for s in doc.sents], warnings=warnings,
    )


HISTORICAL_DAYS = 365


def _long_before(value: str | None, pub_date: dt.date | None) -> bool:
    """True when an event date lies more than a year before publication (its last possible day counts)."""
    if not value or pub_date is None:
        return False
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 12
        day = int(parts[2]) if len(parts) > 2 else 28
        latest = dt.date(year, month, day)
    except ValueError:
        return False
    return (pub_date - latest).days > HISTORICAL_DAYS


def _token_at(doc: Doc, char: int) -> int | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else None


@dataclass(frozen=True, slots=True)
class LinkRule:
    types: frozenset[str]  # PLOVER types a quantity of the role can count
    reach: int  # sentences before its own it may look back for one
    reach_types: frozenset[str]  # the types it may find there


@functools.cache
def link_rules() -> dict[str, LinkRule]:
    """Quantity role -> the events it can count (data/quantities/event_links.csv)."""
    with data_path("quantities", "event_links.csv").open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        rules = {r["role"]: LinkRule(frozenset(r["types"].split()), int(r["reach"]), frozenset(r["reach_types"].split()))
                 for r in rows}
    unknown = {t for r in rules.values() for t in r.types | r.reach_types} - set(ONTOLOGY.types)
    if unknown:
        raise ValueError(f"data/quantities/event_links.csv: unknown PLOVER types {sorted(unknown)}")
    return rules


# the role a zero toll links as (data/quantities/event_links.csv), by the first field it zeroes
ZERO_ROLE = {"fatalities": "killed", "injured": "wounded"}
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})


def _happening(text: str, doc: Doc, token: int | None) -> Happening | None:
    """The `counts` of a quantity: its predicate token, with a phrasal particle next to it ("racked up")."""
    if token is None:
        return None
    tok = doc[token]
    end = tok.idx + len(tok)
    prt = next((c for c in tok.rights if c.dep_ == "prt" and c.i == tok.i + 1), None)
    if prt is not None:
        end = prt.idx + len(prt)
    return Happening(text=text[tok.idx:end], span=(tok.idx, end))


def _other_doer(doc: Doc, q: QuantityFinding) -> bool:
    """Does the quantity's verb have a subject or agent other than the counted phrase ("a typhoon, which
    killed 6,000"; "were killed by rebels")? Then the toll is that doer's, not an earlier event's."""
    verb = doc[q.predicate if q.predicate is not None else q.anchor]
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            start, end = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
            if end <= q.span[0] or q.span[1] <= start:
                return True
    return False


def _event_for_quantity(doc: Doc, q: QuantityFinding, events: list[Event], triggers: list[int],
                        sent_starts: list[int]) -> Event | None:
    """The event a quantity counts (module docstring): among the events its role can count, the event of
    its predicate; for a role with a reach (casualties, arrests) whose predicate is no coded event, the
    fitting event that governs it or lies under it, else the latest of its reach types before it in its
    sentence or `reach` sentences back, unless its verb names another doer."""
    rule = link_rules().get(q.role or "")
    fitting = [(e, t) for e, t in zip(events, triggers) if rule is None or e.type in rule.types]
    if q.predicate is None:
        owner = _event_for_anchor(doc, q.anchor, fitting)
        at = q.anchor
    else:
        owner = _event_of_predicate(doc, q.predicate, q.span, fitting)
        at = q.predicate
        if owner is None and rule is not None and rule.reach:
            owner = _event_for_anchor(doc, at, fitting, under=True, clausal=True)
    if owner is not None or rule is None or not rule.reach or _other_doer(doc, q):
        return owner
    own = bisect_right(sent_starts, at) - 1
    first = sent_starts[max(own - rule.reach, 0)]
    before = [(e, t) for e, t in fitting if first <= t < at and e.type in rule.reach_types]
    return max(before, key=lambda et: et[1])[0] if before else None


ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr"})


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _same_act(doc: Doc, token: int) -> list[int]:
    """The verbs the predicate is conjoined to, sharing their subject, first ones nearest: "killed 5 and
    wounded 12" is one act, the first verb's; "won the vote and (he) resigned" with its own subject is not.
    Only verbs before it: "killing one and arresting 12" does not make the killing the arrest's."""
    tok, out = doc[token], []
    while tok.dep_ == "conj" and not _has_subject(tok) and tok.head.pos_ == tok.pos_:
        tok = tok.head
        out.append(tok.i)
    return out


def _purpose(tok: Token, counted: tuple[int, int]) -> list[int]:
    """"thousands of farmers drove into the city to protest": when the quantity is the predicate's subject,
    the infinitive of purpose it governs is an act of the same people."""
    subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not (subject.left_edge.idx <= counted[0] < subject.right_edge.idx + len(subject.right_edge)):
        return []
    return [c.i for c in tok.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB" and not _has_subject(c)
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)]


def _event_of_predicate(doc: Doc, token: int, counted: tuple[int, int], events: list[tuple[Event, int]]) -> Event | None:
    """The event whose trigger is the predicate, or that the predicate is part of; an event noun the
    quantity itself counts ("flew 94 sorties", an ASSAULT on "sorties") is that event."""
    tok = doc[token]
    span = (tok.idx, tok.idx + len(tok))
    for e, t in events:
        if t == token or (e.trigger.span[0] < span[1] and span[0] < e.trigger.span[1]):
            return e
    for e, t in events:
        if counted[0] <= e.trigger.span[0] and e.trigger.span[1] <= counted[1]:
            return e
    for near in _same_act(doc, token) + _purpose(tok, counted):
        for e, t in events:
            if t == near:
                return e
    # an event noun restating the act of the verb that carries it ("carried out the raid"), or a verb
    # completing the act of the trigger it depends on ("agreed to send", "threatened to kill")
    up = tok
    for _ in range(2):
        if not ((up.dep_ in ARGUMENT_DEPS and up.pos_ in ("NOUN", "PROPN")) or up.dep_ == "xcomp"):
            break
        up = up.head
        for e, t in events:
            if t == up.i:
                return e
    return None


def _event_for_anchor(doc: Doc, anchor: int, events: list[tuple[Event, int]], under: bool = False,
                      clausal: bool = False) -> Event | None:
    """The event whose trigger governs `anchor` (or, with `under`, lies in its subtree: "died in the
    attack"), nearest first, in its sentence. `clausal`: governing through clauses and arguments only, not
    through a prepositional phrase ("blockades reimposed after the deaths of two guards": the deaths are
    no toll of the blockade)."""
    sent = doc[anchor].sent
    same = [(e, t) for e, t in events if sent.start <= t < sent.end]
    pool = [(e, t) for e, t in same
            if _in_subtree(doc, anchor, t) and not (clausal and _through(doc, anchor, t, "pobj"))]
    if not pool and under:  # below it, not through a conjoined verb ("killing 2 and arresting 15")
        pool = [(e, t) for e, t in same if _in_subtree(doc, t, anchor) and not _through(doc, t, anchor, "conj")]
    if not pool:
        return None
    return min(pool, key=lambda et: abs(et[1] - anchor))[0]
