"""Event nouns coded where they stand: "the U.S. attack on two Iranian platforms", "sanctions against
Iran", "talks between A and B", "the Iraqi government's request".

The verb path codes an event noun only as the object of a light verb or the subject of a verb of
occurrence (`frames.nominal_pattern`). Here every other noun of `data/events/event_nouns.csv` becomes an
event when it names a particular act: it has a coded party (its possessor or actor adjective, a
prepositional party of its row, the subject of a verb that owns it, "X *announced* sanctions") or a
targeted place (protests, with no party, in an article about one state are that state's); it is not
generic ("no talks"), possible ("a *possible* strike", "*calls for* talks"), a time reference ("since the
invasion"), the content or object of an act coded above it ("*threatened* sanctions"), what someone is
blamed for, or the act a verb of the sentence already coded ("air strikes *killed* 20", "the bombing *that
killed* 40": the noun then only fills the parties that event lacks). A lemma lookup on the parse already
made: no second pass over the text. Words and per-noun limits: data/events/event_nouns.csv, noun_cues.csv.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from dotterel import language
from dotterel.actors.coref import dominant_state
from dotterel.actors.kb import OFFICIAL_SECTORS, POLITICAL_SECTORS
from dotterel.actors.parties import subject_mentions
from dotterel.actors.phrases import mentions_in, real_head
from dotterel.events import conventions, parties
from dotterel.events.arguments import Arguments, arguments
from dotterel.events.modality import load_cues as modality_cues, modality_of
from dotterel.events.ontology import ONTOLOGY
from dotterel.events.patterns import PatternSet, noun_keys
from dotterel.events.suppression import in_main_clause, suppressed
from dotterel.findings import ActorIndex, EventFinding, Mention
from dotterel.knowledge import data_path
from dotterel.model import Modality

# parties that make an act political (with actors.kb.POLITICAL_SECTORS)
POLITICAL_KINDS = frozenset({"state", "igo"})
NEEDS = frozenset({"", "target", "actor", "named"})
MODIFIER_DEPS = frozenset({"poss", "amod", "compound", "nmod", "npadvmod"})
# how a noun reaches the verb it belongs to: "the attack *on* X was claimed", "condemned the attack"
UP_DEPS = frozenset({"pobj", "prep", "conj", "appos", "agent", "pcomp"})


@dataclass(slots=True, frozen=True)
class EventNoun:
    type: str
    mode: str | None
    context: tuple[str, ...]
    target: frozenset[str]  # prepositions naming the recipient
    actor: frozenset[str]  # prepositions naming the actor
    sides: frozenset[str]  # prepositions whose objects all act ("between", "clashes with")
    political: bool  # a party must be a state, an organisation or a state organ
    needs: str  # "target" / "actor": that party must be named; "named": some party, not the article's state
    state_type: str | None  # the type when a state, its army or an organisation acts


@dataclass(slots=True, frozen=True)
class NounCues:
    owner: frozenset[str]
    undergoer: frozenset[str]
    hypothetical: frozenset[str]
    generic: frozenset[str]
    holder: frozenset[str]
    frame: frozenset[str]
    circumstance: frozenset[str]
    undergoing: frozenset[str]
    background: frozenset[str]
    source: frozenset[str]
    factive: frozenset[str]
    credit: frozenset[str]
    credit_verb: frozenset[str]
    companion: frozenset[str]
    drawer: frozenset[str]
    suffered: frozenset[str]
    return_verb: frozenset[str]
    meeting_time: frozenset[str]
    done_by: frozenset[str]
    ascribed: frozenset[str]


def _split(value: str | None) -> frozenset[str]:
    return frozenset(w.strip().lower() for w in (value or "").split("|") if w.strip())


def _rows(name: str) -> list[dict[str, str]]:
    with data_path("events", name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


@functools.cache
def load_nouns() -> dict[str, EventNoun]:
    """The event-noun table, keyed by lemma or "<modifier> <lemma>"."""
    table: dict[str, EventNoun] = {}
    for row in _rows("event_nouns.csv"):
        etype = row["type"].strip()
        for t in (etype, row["state_type"].strip() or etype):
            ONTOLOGY.spec(t)  # an unknown type fails at load, not at coding time
        table[row["noun"].strip().lower()] = EventNoun(
            type=etype, mode=row["mode"].strip() or None, context=tuple(_split(row["context"])),
            target=_split(row["target"]), actor=_split(row["actor"]), sides=_split(row["sides"]),
            political=row["political"].strip() == "y", needs=row["needs"].strip(),
            state_type=row["state_type"].strip() or None)
        if table[row["noun"].strip().lower()].needs not in NEEDS:
            raise ValueError(f"event_nouns.csv: {row['noun']!r} needs one of {sorted(NEEDS)}")
    return table


@functools.cache
def load_noun_cues() -> NounCues:
    words: dict[str, set[str]] = {}
    for row in _rows("noun_cues.csv"):
        words.setdefault(row["use"].strip(), set()).add(row["word"].strip().lower())
    fields = NounCues.__slots__
    unknown = set(words) - set(fields)
    if unknown:
        raise ValueError(f"noun_cues.csv: unknown uses {sorted(unknown)}")
    return NounCues(**{f: frozenset(words.get(f, ())) for f in fields})


def lookup(tok: Token, table: dict[str, EventNoun]) -> EventNoun | None:
    """The row of an event noun, most specific key first ("car bombing" before "bombing")."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("DATE", "TIME"):
        return None  # "on *March* 4" is a month, not a march
    keys = noun_keys(tok)
    if tok.lower_ != keys[-1]:
        keys.append(tok.lower_)  # a word-form row ("demands") after the lemma rows
    return next((table[k] for k in keys if k in table), None)


@dataclass(slots=True)
class _Governor:
    verb: Token | None  # the verb the noun phrase belongs to
    role: str  # the noun phrase's relation to it (nsubj, dobj, prep, ...)
    noun: Token | None  # a noun the phrase hangs on first ("calls *for* talks", "the threat *of* sanctions")
    prep: str | None = None  # the preposition that joins it to the verb ("*after* the attack")


def _governor(holder: Token) -> _Governor:
    """The verb a noun phrase belongs to, through prepositions, conjuncts and the nouns it hangs on."""
    cur, noun = holder, None
    for _ in range(8):
        head = cur.head
        if head.i == cur.i:
            return _Governor(None, "ROOT", noun)
        if head.pos_ in ("VERB", "AUX"):
            prep = cur.lower_ if cur.dep_ == "prep" and noun is None else None
            return _Governor(head, cur.dep_, noun, prep)
        if head.pos_ in ("NOUN", "PROPN") and cur.dep_ not in ("conj", "appos") and noun is None:
            noun = head
        if cur.dep_ not in UP_DEPS and head.pos_ not in ("NOUN", "PROPN", "ADP"):
            return _Governor(None, cur.dep_, noun)
        cur = head
    return _Governor(None, cur.dep_, noun)


def _holder(tok: Token, cues: NounCues) -> Token:
    """"an act *of* armed aggression", "a wave of strikes": the phrase the event noun stands in."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in cues.holder:
        return tok.head.head
    return tok


def preps_of(tokens: list[Token]) -> dict[str, list[Token]]:
    """The objects of the tokens' prepositions, by preposition."""
    found: dict[str, list[Token]] = {}
    for t in tokens:
        for prep in t.children:
            if prep.dep_ == "prep":
                found.setdefault(prep.lower_, []).extend(o for o in prep.children if o.dep_ == "pobj")
    return found


def _coded(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.code]


def code_nouns(sent: Span, index: int, actors: ActorIndex, ps: PatternSet, found: list[EventFinding],
               coded: dict[int, str], earlier: list[EventFinding] | None = None) -> list[EventFinding]:
    """Events named by nouns of the sentence that the verb path did not code (`coded`: its triggers; `earlier`: the
    events of the sentences before, which "the attack" may refer back to)."""
    table = load_nouns()
    out: list[EventFinding] = []
    main_coded = any(in_main_clause(sent.doc[i]) for i in coded)
    for tok in sent:
        row = lookup(tok, table)
        if row is None:
            continue
        if _completes_verb_event(tok, row, found, coded, actors, ps):
            continue
        event = _code_noun(tok, row, index, sent, actors, ps, coded, main_coded, [*(earlier or []), *found])
        clause = _clause_event(tok, row, found, coded)
        if clause is not None:
            # "the group claimed the bombing *that killed* nine": one act, told by the clause's verb; the noun
            # names the parties the verb's event lacks
            if event is not None:
                clause.actors = clause.actors if _coded(clause.actors) else event.actors or clause.actors
                clause.recipients = clause.recipients if _coded(clause.recipients) else \
                    event.recipients or clause.recipients
            continue
        if event is not None and not any(_same_act(event, e) for e in found + out):
            out.append(event)
    return out


def _completes_verb_event(tok: Token, row: EventNoun, found: list[EventFinding], coded: dict[int, str],
                          actors: ActorIndex, ps: PatternSet) -> bool:
    """"Israeli air strikes *on Gaza* killed twelve": the verb coded the noun's act from its subject, so the
    noun adds no event, but it names the target the verb's event lacks."""
    gov = _governor(tok)
    if gov.verb is None or gov.noun is not None or gov.role != "nsubj" or coded.get(gov.verb.i) != row.type:
        return False
    event = next((e for e in found if e.trigger == gov.verb.i), None)
    if event is not None and not _coded(event.actors):
        # "the bombing, claimed by the rebels, killed nine": the noun's own phrase names the doer
        event.actors = done_by([tok], actors, ps, load_noun_cues()) or event.actors
    if event is not None and not _coded(event.recipients):
        preps = preps_of([tok])
        targets = [m for p in row.target for o in preps.get(p, []) for m in _target(o, actors)]
        actor_codes = {m.code for m in event.actors}
        event.recipients = parties.unique([m for m in targets if m.code not in actor_codes]) or event.recipients
    return True


def _clause_event(tok: Token, row: EventNoun, found: list[EventFinding], coded: dict[int, str]) -> EventFinding | None:
    """The event a relative clause on the noun coded as the noun's own act ("the bombing *that killed* 40")."""
    clause = next((c for c in tok.children if c.dep_ in ("relcl", "acl") and coded.get(c.i) == row.type), None)
    return None if clause is None else next((e for e in found if e.trigger == clause.i), None)


def _code_noun(tok: Token, row: EventNoun, index: int, sent: Span, actors: ActorIndex, ps: PatternSet,
               coded: dict[int, str], main_coded: bool, before: list[EventFinding] | None = None) -> EventFinding | None:
    cues = load_noun_cues()
    holder = _holder(tok, cues)
    phrase = [tok] if holder is tok else [tok, holder]
    if any(c.dep_ == "det" and c.lower_ in cues.generic for t in phrase for c in t.children):
        return None  # "no talks", "any attack"
    if any(c.dep_ in ("amod", "compound") and c.lower_ in cues.hypothetical for t in phrase for c in t.children):
        return None  # "a possible strike", "further sanctions"
    if tok.dep_ == "compound" or (holder.dep_ == "pobj" and holder.head.lower_ in cues.generic):
        return None  # "a sanctions bill" names a bill; "without an agreement"
    gov = _governor(holder)
    if gov.noun is not None and (_content_of_noun(gov.noun, cues) or gov.noun.lemma_.lower() not in cues.frame
                                 and not _credited(gov, cues)):
        # "calls for talks", "the threat of sanctions"; "a reduction in attacks", "the reaction to criticism":
        # a mention inside another noun's phrase is background, unless that noun frames the act itself
        # ("weeks of protests", "the target of an attack", "in retaliation for an attack")
        return None
    verb = gov.verb
    if gov.prep in cues.background or (holder.dep_ == "pobj" and holder.head.lower_ in cues.background):
        return None  # "holed up since last month's invasion": a time reference
    if verb is not None and gov.prep in cues.circumstance:
        # "talks resumed *after* the attack on X": a circumstance of the verb, an act of its own whatever the
        # verb's status (but "killed *during* shelling" is the verb's own act)
        if coded.get(verb.i) == row.type:
            return None
        verb = None
    if verb is not None and verb.i not in coded and suppressed(verb, coded, main_coded, ps):
        # the verb path's own rule for the verb the noun belongs to: "agreed to *postpone* the rally", "a
        # resolution that aims to *tighten* sanctions", "if attacks on its troops *continued*"
        return None
    # "*in a phone call*, X urged Y": a meeting is the setting of the act done in it, an act of its own
    # (only a meeting naming no party of its own: "agreed in talks *with France*" stays the agreement alone)
    setting = row.type == "CONSULT" and gov.noun is None and gov.prep in cues.companion and not _coded(
        actors.in_tokens(holder.left_edge.i, holder.right_edge.i + 1))
    if verb is not None and not setting and not _own_act(verb, gov, row, coded, ps, cues, tok, actors):
        return None
    modality = _modality(verb, gov)
    if modality == "negated":
        return None
    actor, recipients, location, two_sided = _parties(tok, phrase, row, verb, gov, actors, ps, cues,
                                                      verb_place=verb is not None and verb.i not in coded)
    if not _coded(actor) and row.type == "CONSULT" and _coded(recipients):  # "talks with Y": not a cabinet meeting
        actor = _companion(gov, actors, ps, cues) or actor
        recipients = [m for m in recipients if m not in actor]
    elif not _coded(actor + recipients) and row.type == "CONSULT":
        # "*in a phone call*, X urged Y to ...": the one acting during a meeting and the one acted on both took
        # part in it (a meeting with no other side named is no event: "X said after talks")
        actor = _companion(gov, actors, ps, cues)
        codes = {m.code for m in actor}
        recipients = [m for m in _verb_party(gov, actors) if m.code not in codes] if actor else []
        if not recipients and len(codes) < 2:
            actor = []  # (two sides acting together met each other: "Chile and Peru agreed in talks")
    if not _coded(actor) and row.type == "PROTEST":
        # "farmers clashed with police *during a march*": people acting during a protest took part in it (not
        # the state's organs policing it, "police fired tear gas during a march")
        taking_part = [m for m in _companion(gov, actors, ps, cues) if _names_doer(m, gov, ps)]
        actor = actor if any(m.kind == "igo" or m.sector in OFFICIAL_SECTORS for m in taking_part) else taking_part or actor
    if _coded(actor) and not _coded(recipients) and not two_sided and ONTOLOGY.has(row.type, "place_targeted"):
        recipients = _referred_targets(tok, row, index, actor, before or []) or recipients
    if row.state_type and ONTOLOGY.has(row.state_type, "content_taking"):
        if _lodged_between_states(phrase, row, actor, verb, actors, cues):
            row = replace(row, type=row.state_type, mode=None, context=())  # "a protest from Tokyo": words
            # ... addressed to whom it is lodged with ("protests from Argentina *to the EC*")
            recipients = recipients or [m for o in preps_of(phrase).get("to", []) for m in _target(o, actors)
                                        if m not in actor]
    elif row.state_type and _state_act(tok, actor, actors):
        row = replace(row, type=row.state_type, mode=None, context=("military",))  # "the U.S. strike on ..."
    recipients = conventions.implied_recipients(row.type, actor, recipients, location, two_sided,
                                                home_measure=lambda: False)
    recipients = conventions.acting_together(row.type, actor, conventions.town_is_no_recipient(row.type, recipients))
    actor, recipients = parties.unique(actor), parties.unique(recipients)
    named = _coded(actor + recipients)
    if not named and ONTOLOGY.spec(row.type).home_target and row.needs != "named":
        # "the protests began in June" in an article about one state: its people protest at home
        home = article_state(actors)
        if home is not None:
            actor = [home]
            recipients = conventions.implied_recipients(row.type, actor, [], None, False, home_measure=lambda: False)
            named = _coded(actor + recipients)
    if not named or (row.needs == "target" and not _coded(recipients)) or (row.needs == "actor" and not _coded(actor)):
        return None
    if ONTOLOGY.spec(row.type).home_target:
        # "protests against the Peruvian government": unnamed protesters are of the place (the verb path's
        # rule); not for attacks, whose place is their target ("the attack on oil plants in Saudi Arabia")
        actor = conventions.local_actor(row.type, actor, location, Arguments(preps=preps_of(phrase)), sent, actors, ps,
                                          tok)
    if row.political and not any(m.kind in POLITICAL_KINDS or m.sector in POLITICAL_SECTORS for m in named):
        return None
    if _told_before(tok, row, index, actor, recipients, before or []):
        return None
    return EventFinding(
        type=row.type, mode=row.mode, context=list(row.context), actors=actor, recipients=recipients,
        modality=modality, trigger=tok.i, trigger_span=(tok.idx, tok.idx + len(tok)),
        span=_span(holder, actor + recipients, sent), sentence=index,
        confidence=0.6 if _coded(actor) else 0.45, location=location)


# how many sentences back "the attack" still refers to an attack reported before; one told with the same word
# ("struck ... the strikes") is found further back
REFER_REACH = 2
SAME_WORD_REACH = 5
ANAPHORIC_DETS = language.words("determiners", "definite")


def _antecedent(noun: Token, etype: str, index: int, before: list[EventFinding]) -> EventFinding | None:
    """The act "the attack"/"the strikes" refers back to: the latest one of its type told with the same word
    ("American jets struck ... Oman condemned *the strikes*"), else the latest one just before."""
    doc = noun.doc
    told = [e for e in before if e.type == etype and e.modality == "asserted" and e.trigger != noun.i
            and e.sentence <= index]
    same = [e for e in told if index - e.sentence <= SAME_WORD_REACH and doc[e.trigger].lemma_ == noun.lemma_]
    near = [e for e in told if index - e.sentence <= REFER_REACH]
    return same[-1] if same else near[-1] if near else None


def _referred_targets(tok: Token, row: EventNoun, index: int, actor: list[Mention], before: list[EventFinding]
                      ) -> list[Mention]:
    """"Drones hit two Kenyan oil plants. *The attacks* were claimed by X": a definite act noun naming no target
    of its own refers back to the latest act of its type reported just before; whom that one hit, this one did
    (never the actor's own side). Only for a noun naming its own doer: with none, it is that act again."""
    if not any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in tok.children):
        return []
    if any(c.dep_ == "prep" and c.lower_ in row.target for c in tok.children):
        return []  # "the attack on X": its own target, however uncoded
    own = {m.code for m in actor if m.code}
    event = _antecedent(tok, row.type, index, before)
    if event is None:
        return []
    doers = {m.code for m in _coded(event.actors)}
    if doers and not doers & own:
        return []  # another doer's attack: not the one referred to
    return [m for m in _coded(event.recipients) if m.code not in own]


def referred_doers(event: EventFinding, patient: Token | None, ps: PatternSet, before: list[EventFinding]
                   ) -> list[Mention]:
    """"Gunmen from Uganda attacked a Kenyan post. Kenya *condemned the attack*": a stance on a definite attack
    noun naming no one refers back to the latest attack reported in the two sentences before; its doer is whom
    the stance is aimed at (never the stance's own side)."""
    if patient is None or not ps.names_event(patient, "ASSAULT", "ATTACK") or not bare_definite(patient):
        return []  # "condemned *Uganda's* attack", "the attack *on* X", "the attack *that* ...": its own parties
    own = {m.code for m in event.actors if m.code}
    earlier = _antecedent(patient, "ASSAULT", event.sentence, before) or _one_side_attack(event.sentence, before)
    # (the stance-taker's own attack, or one by no one named: no one to aim at)
    return [] if earlier is None else [m for m in _coded(earlier.actors) if m.code not in own]


def _one_side_attack(index: int, before: list[EventFinding]) -> EventFinding | None:
    """"Chile launched an offensive. <three sentences of aims and names> The operation was condemned by Peru": with
    no attack just before, the latest one a few sentences back, when every attack told there is by the same side."""
    told = [e for e in before if e.type == "ASSAULT" and e.modality == "asserted"
            and 0 <= index - e.sentence <= SAME_WORD_REACH and _coded(e.actors)]
    sides = {frozenset(m.code for m in _coded(e.actors)) for e in told}
    return told[-1] if len(sides) == 1 else None


def referred_targets(event: EventFinding, patient: Token | None, before: list[EventFinding]) -> list[Mention]:
    """"Washington imposed tariffs on Japanese chips. ... Reagan said he imposed *the tariffs* to ...": an act on a
    definite act noun naming no one ("imposed the tariffs", "lifted the sanctions") is aimed where the act it
    refers back to was, when the same side did that one."""
    row = lookup(patient, load_nouns()) if patient is not None else None
    if patient is None or row is None or not bare_definite(patient):
        return []
    earlier = _antecedent(patient, row.type, event.sentence, before)
    own = {m.code for m in event.actors if m.code}
    if earlier is None or not own & {m.code for m in earlier.actors if m.code}:
        return []
    return [m for m in _coded(earlier.recipients) if m.code not in own]


def _told_before(tok: Token, row: EventNoun, index: int, actor: list[Mention], recipients: list[Mention],
                 before: list[EventFinding]) -> bool:
    """"The minister was stabbed. He suffered two wounds *in the attack*": a definite act noun naming none of its
    parties, with no doer here and only targets the act of its type it refers back to hit, is that act again
    (a doer named here is news: "died in the attack, *conducted by* X"; "the protest began" is the people's own)."""
    if _coded(actor) or not bare_definite(tok):
        return False
    earlier = _antecedent(tok, row.type, index, before)
    return earlier is not None and {m.code for m in _coded(recipients)} <= {m.code for m in _coded(earlier.recipients)}


def bare_definite(noun: Token) -> bool:
    """"the attack", "the sanctions" (a time phrase allowed): a definite act noun naming none of its parties."""
    return any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in noun.children) and not any(
        c.dep_ in ("poss", "acl", "relcl") or (c.dep_ in ("amod", "compound") and c.pos_ == "PROPN")
        or (c.dep_ == "prep" and not all(_only_date(o) for o in c.children if o.dep_ == "pobj"))
        for c in noun.children)


def _only_date(tok: Token) -> bool:
    return all(t.ent_type_ in ("DATE", "TIME") or t.pos_ in ("DET", "ADP", "PUNCT") for t in tok.subtree)


def _companion(gov: _Governor, actors: ActorIndex, ps: PatternSet, cues: NounCues) -> list[Mention]:
    """"X spoke to reporters *after* talks with Y", "X made the pledge *during* a visit to Y": a meeting's
    participants are there, so the one acting during or after it (the verb's active subject) took part."""
    verb, prep = gov.verb, gov.prep
    if verb is None:
        return []
    if gov.noun is not None:
        # "*on the first day of* a visit to Y", "*on the sidelines of* talks with Y": a time within the meeting
        noun = gov.noun
        if noun.lemma_.lower() not in cues.meeting_time or noun.dep_ != "pobj" or noun.head.head.i != verb.i:
            return []
        prep = noun.head.lower_
    # "X, who returns *from* a visit to Y": coming back from a meeting, one took part in it
    if prep not in cues.companion and not (prep == "from" and verb.lemma_.lower() in cues.return_verb):
        return []
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return []  # "X was questioned after talks with Y": the subject undergoes the verb, he need not have met Y
    return _coded(subject_mentions(arguments(verb, ps.stative_participles).subject, actors, ps))


def _verb_party(gov: _Governor, actors: ActorIndex) -> list[Mention]:
    """The coded party a verb acts on: its object, dative or "with"/"to" phrase ("urged *Kenya's president*")."""
    if gov.verb is None:
        return []
    heads = [c for c in gov.verb.children if c.dep_ in ("dobj", "dative", "iobj")]
    heads += [o for p in gov.verb.children if p.dep_ == "prep" and p.lower_ in ("with", "to")
              for o in p.children if o.dep_ == "pobj"]
    return [m for h in heads for m in _coded(mentions_in(h, actors))]


def _names_doer(m: Mention, gov: _Governor, ps: PatternSet) -> bool:
    """The mention is the verb's subject or its modifier ("*Bolivian* teachers"), not a place in its phrase
    ("shops *in Ramallah*")."""
    subject = arguments(gov.verb, ps.stative_participles).subject if gov.verb is not None else None
    if subject is None or m.place:
        return False
    head, doc = real_head(subject), subject.doc
    return m.head == head.i or (doc[m.head].head.i == head.i and doc[m.head].dep_ in MODIFIER_DEPS)


def _credited(gov: _Governor, cues: NounCues) -> bool:
    """"claimed responsibility for the attack": the noun hangs on a credit noun its verb takes."""
    return gov.noun is not None and gov.verb is not None and gov.noun.lemma_.lower() in cues.credit \
        and gov.verb.lemma_.lower() in cues.credit_verb and gov.role == "dobj"


def _content_of_noun(noun: Token, cues: NounCues) -> bool:
    """The event noun is what another noun asks for, threatens or plans, not an act done."""
    if noun.lemma_.lower() in cues.hypothetical:
        return True
    row = lookup(noun, load_nouns())
    return row is not None and ONTOLOGY.has(row.type, "content_taking") and row.type.lower() not in cues.factive


def _own_act(verb: Token, gov: _Governor, row: EventNoun, coded: dict[int, str], ps: PatternSet,
             cues: NounCues, tok: Token, actors: ActorIndex) -> bool:
    """Whether the noun is an act of its own, not one the verb path coded or a coded act's content/object."""
    above = coded.get(verb.i)
    if above == row.type:
        return False  # "launched an offensive", "killed in an air strike": the verb coded this act
    subject_role = gov.role in ("nsubj", "nsubjpass")
    if above is not None and not subject_role and not (above.lower() in cues.factive and _own_actor(tok, row, actors)):
        # "threatened sanctions", "ratified a deal with X": the coded act is the event; but "condemned
        # *Russia's* attack on Kyiv", "backed *Reagan's* strike" presuppose an act with its own actor
        return False
    lemma = ps.lemma_of(verb.text, verb.lemma_.lower())
    if lemma in ps.allegation_words and not subject_role:
        return False  # "blamed Iran for the attack", "arrested over the bombing": what someone is accused of
    return True


def article_state(actors: ActorIndex) -> Mention | None:
    """The state an article is about, counted over states and office-holders (the rule by which
    actors/coref.py gives unnamed domestic groups their state), as a mention of that state."""
    code = dominant_state(m.code for m in actors.mentions if m.code and m.kind in ("state", "person"))
    first = next((m for m in actors.mentions if code and m.code == code and m.kind == "state"), None)
    return None if first is None else replace(first, sector=None)


def _state_act(tok: Token, actor: list[Mention], actors: ActorIndex) -> bool:
    """A state, its army or an organisation acting, or a named target struck: "the *U.S.* strike", "a strike
    *on Iranian sites*" (but "a strike by *Chilean dockers*": people of a state are not the state)."""
    struck = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "on" for o in p.children if o.dep_ == "pobj"]
    if any(_target(o, actors) for o in struck) or any(
            m.kind == "igo" or m.sector in ("MIL", "GOV") for m in _coded(actor)):
        return True  # (a strike *against* a policy is a protest's target)
    return any(c.dep_ in MODIFIER_DEPS and (m := actors.at_token(c.i)) is not None and m.code and m.kind == "state"
               for c in tok.children)


def _lodged_between_states(phrase: list[Token], row: EventNoun, actor: list[Mention], verb: Token | None,
                           actors: ActorIndex, cues: NounCues) -> bool:
    """A verbal act between states: a government or organisation doing it, a state named in its actor phrase
    ("a protest *from Tokyo*", "protests *by Brazil*"), or a state or organisation it is addressed to
    ("protests came *to the EC*"); not a state adjective ("the Hong Kong protests": people protesting)."""
    if any(m.kind == "igo" or m.sector == "GOV" for m in _coded(actor)):
        return True
    preps = preps_of(phrase)
    held = preps_of([verb]) if verb is not None and verb.lemma_.lower() in cues.source else {}
    by = [m for p in row.actor for o in preps.get(p, []) + held.get(p, []) for m in _coded(mentions_in(o, actors))]
    to = [m for o in preps.get("to", []) + held.get("to", []) for m in _coded(mentions_in(o, actors))]
    return any(m.kind == "state" and not m.sector and not m.place for m in by) or \
        any(m.kind in ("state", "igo") for m in to)  # ("protests to Tokyo": a capital for its government)


def _own_actor(tok: Token, row: EventNoun, actors: ActorIndex) -> bool:
    """The noun names its actor itself: a possessor, an actor adjective or its row's actor phrase ("*Russia's*
    attack", "the *U.S.* strike", "the withdrawal *of Russian troops*")."""
    return any(any(not m.place for m in _coded(mentions_in(c, actors))) for c in tok.children
               if c.dep_ in MODIFIER_DEPS and c.i < tok.i) or any(
        _coded(mentions_in(o, actors)) for p in row.actor for o in preps_of([tok]).get(p, []))


def _modality(verb: Token | None, gov: _Governor) -> Modality:
    if verb is None:
        return "asserted"
    mc = modality_cues()
    lemma = verb.lemma_.lower()
    if gov.role not in ("nsubj", "nsubjpass"):
        if lemma in mc.negating_verbs:
            return "negated"
        if lemma in mc.hypothetical_verbs:
            return "hypothetical"  # "discussed sanctions", "considering a withdrawal"
        if lemma in mc.future_verbs:
            return "future"
    return modality_of(verb)


def _parties(tok: Token, phrase: list[Token], row: EventNoun, verb: Token | None, gov: _Governor,
             actors: ActorIndex, ps: PatternSet, cues: NounCues, verb_place: bool = False
             ) -> tuple[list[Mention], list[Mention], Mention | None, bool]:
    """Actor, recipient, place and whether both sides act, read from the noun phrase and its verb
    (`verb_place`: the verb codes no event of its own, so its place is the noun's)."""
    preps = preps_of(phrase)
    places: list[Mention] = []
    actor: list[Mention] = []
    # a named place before a cooperative noun is its venue: "the *Pretoria* agreement", "the *Geneva* talks"
    venue = ONTOLOGY.spec(row.type).cooperative
    for t in phrase:  # "the *Iraqi* government's request", "*Monday's U.S.* attack", "a *Kabul* car bombing"
        for c in t.children:
            if c.dep_ in MODIFIER_DEPS and c.i < t.i:
                # "the *Turkish-Libyan* accord", "the *Canadian-U.S.* pact": both halves of a hyphened pair
                pair = [d for d in c.children if d.dep_ in MODIFIER_DEPS and d.i < c.i and d.nbor(1).text == "-"]
                for m in _coded([*mentions_in(c, actors), *(n for d in pair for n in mentions_in(d, actors))]):
                    (places if m.place or (venue and c.dep_ == "compound" and c.ent_type_ == "GPE") else actor).append(m)
    by = [m for p in row.actor for o in preps.get(p, []) for m in _coded(subject_mentions(o, actors, ps))]
    actor = actor or by or done_by(phrase, actors, ps, cues)
    sides = [m for p in row.sides for o in preps.get(p, []) for m in _coded(subject_mentions(o, actors, ps))]
    recipients = [m for p in row.target for o in preps.get(p, []) for m in _target(o, actors)]
    if verb is not None and gov.noun is None:  # the verb's own argument, not a phrase inside one
        lemma = ps.lemma_of(verb.text, verb.lemma_.lower())
        subject = arguments(verb, ps.stative_participles).subject
        if lemma in cues.owner and gov.role in ("dobj", "nsubjpass") and not actor:
            actor = _coded(subject_mentions(subject, actors, ps))  # "Washington announced sanctions"
        elif not recipients and ((lemma in cues.undergoer and gov.role == "dobj") or gov.prep in cues.undergoing):
            # "Russia faces sanctions", "the marines came under attack": the subject suffers the act
            recipients = _coded(subject_mentions(subject, actors, ps))
        elif lemma in cues.drawer and gov.role == "dobj":
            # "the plan drew criticism *from Chile*": the parser hangs the noun's actor phrase on the verb; the
            # subject's owner is the recipient, only when that actor is named ("drew criticism from economists")
            held = preps_of([verb])
            actor = actor or [m for p in row.actor for o in held.get(p, []) for m in _coded(subject_mentions(o, actors, ps))]
            recipients = (recipients or _coded(subject_mentions(subject, actors, ps))) if actor else []
        elif lemma in cues.source and gov.role == "nsubj":
            # "protests came *from* exporters *to* the EC": the verb carries the noun's own phrases
            held = preps_of([verb])
            actor = actor or [m for p in row.actor for o in held.get(p, []) for m in _coded(subject_mentions(o, actors, ps))]
            recipients = recipients or [m for p in row.target | {"to"} for o in held.get(p, []) for m in _target(o, actors)]
    if not recipients and ONTOLOGY.has(row.type, "content_taking"):
        # "Ghana's call *for Nigeria to reopen* the border": the one asked is the subject of the noun's "for" clause
        recipients = [m for c in tok.children if c.dep_ in ("advcl", "acl") and any(
            k.dep_ == "mark" and k.lower_ == "for" for k in c.children)
            for subj in c.children if subj.dep_ == "nsubj" for m in _target(subj, actors)]
    if not recipients and verb is not None and gov.noun is None and gov.role == "dobj" and row.target:
        # "increased military cooperation *with China*": the parser hangs the object noun's own target phrase on
        # its verb (a verb coding an act of its own is that act, and its noun no second one)
        held = preps_of([verb])
        recipients = [m for p in row.target for o in held.get(p, []) for m in _target(o, actors)]
    holder = phrase[-1]
    if not recipients and verb is not None and gov.noun is not None and gov.noun.lemma_.lower() in cues.suffered \
            and holder.dep_ == "pobj" and holder.head.lower_ == "of" and holder.head.head.i == gov.noun.i:
        recipients = _sufferer(verb, gov, actors, ps)  # "the embassy was *the target of* a rebel attack"
    if not actor and verb is not None and gov.noun is None and phrase[-1].dep_ == "attr" \
            and verb.lemma_.lower() == "be":
        # "Russia is a major arms supplier to Syria": an act noun said of the copula's subject is that subject's
        # (itself the complement, not a conjunct of one: "the town is the site of a base and clashes were reported")
        actor = [m for m in _coded(subject_mentions(arguments(verb, ps.stative_participles).subject, actors, ps))
                 if not m.place]
    if not actor and verb is not None and _credited(gov, cues):
        # "the group claimed responsibility for the attack": the claimant owns the act
        actor = _coded(subject_mentions(arguments(verb, ps.stative_participles).subject, actors, ps))
    two_sided = False
    if sides:
        two_sided = True
        actor = actor + [m for m in sides if m not in actor]
    args = Arguments(preps=preps)
    used = actor + recipients
    location = parties.location(args, actors, used, ps) or next((m for m in places if m.kind == "state"), None)
    if location is None and verb is not None and gov.noun is None and verb_place:
        # "the main attack was *at* a terminal in Quito", "the plan met protests *in* Lima": the uncoded verb
        # the noun belongs to says where the noun's act happened
        location = parties.location(Arguments(preps=preps_of([verb])), actors, used, ps)
    return actor, [m for m in recipients if m not in actor], location, two_sided


def _sufferer(verb: Token, gov: _Governor, actors: ActorIndex, ps: PatternSet) -> list[Mention]:
    """Who a "target"/"victim" frame says suffered the act: the copula's subject when the frame is its
    complement ("X was the target of an attack"), its complement when the frame is the subject ("the
    target of the raid was X")."""
    if gov.role in ("attr", "oprd"):
        return _coded(subject_mentions(arguments(verb, ps.stative_participles).subject, actors, ps))
    if gov.role == "nsubj":
        return [m for c in verb.children if c.dep_ in ("attr", "acomp") for m in _target(c, actors)]
    return []


def done_by(phrase: list[Token], actors: ActorIndex, ps: PatternSet, cues: NounCues) -> list[Mention]:
    """"the attack, *carried out by* the Taliban", "a strike *called by* the unions", "a bombing *ascribed to*
    the rebels": the agent of a participle on the noun that tells who did the act."""
    out: list[Mention] = []
    for t in phrase:
        parts = [c for c in t.children if c.dep_ == "acl"]
        if t.dep_ == "pobj" and t.head.head.i != t.head.i:
            # "died in the attack, *conducted by* X": the parser hangs the participle on the verb after the noun
            parts += [c for c in t.head.head.children if c.dep_ == "advcl" and c.i > t.i
                      and c.left_edge.i - t.right_edge.i <= 2]
        for part in parts:
            lemma = part.lemma_.lower()
            if part.tag_ != "VBN" or lemma not in cues.done_by | cues.ascribed:
                continue
            heads = [o for a in part.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
            if lemma in cues.ascribed:
                heads += [o for p in part.children if p.dep_ == "prep" and p.lower_ in ("to", "on")
                          for o in p.children if o.dep_ == "pobj"]
            out += [m for h in heads for m in _coded(subject_mentions(h, actors, ps))]
    return out


def _target(obj: Token, actors: ActorIndex) -> list[Mention]:
    """Whom an act is aimed at: "on *Iran*", "on a *Kuwaiti* ship", "on oil plants *in Saudi Arabia*"."""
    return _coded(mentions_in(obj, actors)) or _coded(parties.owners(obj, actors, parties.OWNER_PREPS | {"in"}))


def _same_act(new: EventFinding, old: EventFinding) -> bool:
    """A noun naming no other actor than an act of its type coded in the same sentence is that act ("staged
    a rally in Lagos to protest ...", "threw stones during demonstrations against ...")."""
    return new.type == old.type and {m.code for m in new.actors if m.code} <= {m.code for m in old.actors if m.code}


def _span(holder: Token, ms: list[Mention], sent: Span) -> tuple[int, int]:
    doc = holder.doc
    start, end = max(holder.left_edge.i, sent.start), min(holder.right_edge.i + 1, sent.end)
    for m in ms:
        if sent.start <= m.token_start < sent.end:
            start, end = min(start, m.token_start), max(end, m.token_end)
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
