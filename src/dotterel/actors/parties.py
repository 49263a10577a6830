"""Whose is this phrase: the one home for resolving a phrase to the actor it stands for, used by the event
coder (subjects, owners, home countries), claims (speaker phrases) and assemble (attribution codes).

Mentions come from actor resolution (`ActorIndex`); these rules decide which of them a phrase speaks for
when the phrase does not name an actor itself ("its air force", "demonstrators in Baghdad", "the defence
minister said").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from dotterel import language
from dotterel.actors.drafts import actor_key
from dotterel.actors.kb import load as load_kb
from dotterel.actors.phrases import mentions_in, phrase_tokens, real_head
from dotterel.findings import ActorIndex, ClaimFinding, EventFinding, Mention

if TYPE_CHECKING:  # a type only: importing the events package here would be circular
    from dotterel.events.patterns import PatternSet

OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD"})
OWNING_KINDS = ("state", "igo", "non_state")
REPORTING = language.words("reporting", "event", "attribution")


def ethnic(head: Token) -> bool:
    """"ethnic Albanians": a people named by origin, not the state of that name."""
    return any(c.lower_ == "ethnic" for c in head.children)


def subject_mentions(subject: Token | None, actors: ActorIndex, ps: PatternSet) -> list[Mention]:
    """Resolved actors of the subject phrase; an unresolvable noun phrase ("experts") stays, code null.

    A phrase that only names its country in a modifier ("opposition groups in Zimbabwe", "leaders of the
    Fijian rebels") takes that country.
    """
    found = mentions_in(subject, actors)
    is_ethnic = subject is not None and ethnic(subject)
    if subject is not None and (is_ethnic or not any(m.code for m in found)):
        owner = possessor_state(subject, actors)
        if owner is not None:  # "Pakistan said its air force had shot down ...": the air force is Pakistan's
            return [owner]
        # "opposition groups in Zimbabwe"; "ethnic Albanians in Serbia" are Serbia's, not Albania's
        people = ps.in_class(subject.lemma_.lower(), "PEOPLE")
        title = load_kb().sector_of([subject.lemma_.lower()])
        speaks_for = title is not None and title.use == "title"
        for prep in subject.children:
            # "officials in/of X"; "doctors from X" (but "technology from Russia" is no actor of Russia's);
            # "the spokesman *for* the Polish government" speaks for it
            if prep.dep_ == "prep" and (prep.lower_ in ("in", "of") or (prep.lower_ == "from" and people)
                                        or (prep.lower_ == "for" and speaks_for)):
                inner = [m for obj in prep.children if obj.dep_ == "pobj" for m in mentions_in(obj, actors)
                         if m.code and m.kind in OWNING_KINDS]
                if inner and prep.lower_ == "in" and inner[0].kind == "state":
                    # "demonstrators in Baghdad" are of Iraq, not its government; "police in Belarus" its police
                    sector = found[0].sector if found else None
                    return [replace(inner[0], sector=sector, key=actor_key("state", inner[0].code, sector, None))]
                if inner and speaks_for and inner[0].kind == "state" and inner[0].sector is None:
                    # "the envoy for Poland": a state's representative speaks for its government
                    sector = title.sector if title is not None else None
                    return [replace(inner[0], sector=sector, key=actor_key("state", inner[0].code, sector, None))]
                if inner:
                    return [inner[0]]
    if found or subject is None:
        return found
    subject = real_head(subject)
    if subject.pos_ not in ("NOUN", "PROPN"):
        return found
    toks = sorted(t.i for t in phrase_tokens(subject) if t.dep_ not in ("punct", "cc", "det"))
    doc = subject.doc
    span = doc[toks[0]: toks[-1] + 1]
    return [Mention(start=span.start_char, end=span.end_char, text=span.text, code=None, sector=None,
                    kind="group", name=None, key=f"group:{span.text.lower()}", token_start=span.start,
                    token_end=span.end, head=subject.i)]


def possessor_state(subject: Token, actors: ActorIndex) -> Mention | None:
    """For "its/their <noun>", the state or organisation that is the subject of the clause above."""
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in subject.children):
        return None
    clause = subject.head
    for _ in range(4):
        if clause.head.i == clause.i:
            return None
        clause = clause.head
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        owners = [m for m in mentions_in(subj, actors) if m.code and m.kind in OWNING_KINDS]
        if owners:
            return owners[0]
    return None


def sole_state(sent: Span, subject: Token | None, actors: ActorIndex, outside: frozenset[int] = frozenset()
               ) -> Mention | None:
    """The one state a sentence names, if it names exactly one and it is not part of a subject already
    found to be no actor ("Arms *from Iran* killed ..."); mentions headed in `outside` (the victim, the
    source of the report) do not count."""
    inside = {t.i for t in subject.subtree} if subject is not None else set()
    states = [m for m in actors.in_tokens(sent.start, sent.end) if m.kind == "state" and m.code
              and m.head not in outside]
    if len({m.code for m in states}) != 1 or any(m.head in inside for m in states):
        return None
    return states[0]


def source_tokens(sent: Span, trigger: Token) -> frozenset[int]:
    """Tokens of the phrases in `sent` that say who reports an act rather than who does it: "according to
    X", and the subject of a reporting verb other than the trigger ("*Iraqi officials* said rockets hit")."""
    out: set[int] = set()
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            out.update(t.i for t in tok.subtree)
            out.update(t.i for t in tok.nbor().subtree)
        elif tok.i != trigger.i and tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in REPORTING \
                and not _speaks_of_itself(tok, trigger):
            # the speaker and the rest of the reporting frame ("*In London*, Lloyds said ..."), not the report
            frame = [c for c in tok.children if not (c.i == trigger.i or c.is_ancestor(trigger))] \
                if tok.is_ancestor(trigger) else [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            for c in frame:
                out.update(t.i for t in c.subtree)
    return frozenset(out)


def _speaks_of_itself(verb: Token, trigger: Token) -> bool:
    """"Militants said *they* attempted ...": a speaker whose report has a pronoun subject reports its own act."""
    content = next((c for c in verb.children if c.i == trigger.i or c.is_ancestor(trigger)), None)
    if content is None or content.dep_ not in ("ccomp", "xcomp", "conj", "parataxis"):
        return False
    # "said it would ...", "vowed to ...", "said X and attacked Y": the speaker is the doer
    return content.dep_ in ("xcomp", "conj") or any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PRON"
                                          for c in content.children)


def home_country(actor: list[Mention], sector: str | None) -> list[Mention]:
    """The (single) country the actors belong to, as `sector`, named where they are named."""
    home = {m.code for m in actor if m.code and m.kind != "igo"}
    if len(home) != 1:
        return []
    m = next(m for m in actor if m.code in home)
    return [replace(m, sector=sector, kind="state", key=actor_key("state", m.code, sector, m.name))]


def resolve_speaker_phrases(doc: Doc, claims: list[ClaimFinding], actors: ActorIndex) -> None:
    """A speaker phrase without a code of its own takes an actor named inside it:
    "the government in Hanoi" -> VNM, "the EU's foreign policy chief" -> EU."""
    for c in claims:
        span = doc.char_span(c.speaker_span[0], c.speaker_span[1], alignment_mode="expand")
        if span is None:
            continue
        # a place or body named inside the phrase beats a reference resolved from further back
        inner = [m for m in actors.in_tokens(span.start, span.end) if m.code and m is not c.speaker
                 and (c.speaker is None or not (m.start <= c.speaker.start and c.speaker.end <= m.end))]
        if inner and (c.speaker is None or not c.speaker.code or c.speaker.start < inner[0].start):
            c.speaker = inner[0]


def attribution_code(c: ClaimFinding, ev: EventFinding) -> tuple[str | None, str | None]:
    """Code and sector of who presents the event. An unnamed official of no stated country ("its trade
    ministry said", "the defence minister said") speaks for the event's own actor."""
    sp = c.speaker
    if sp is not None and sp.code:
        return sp.code, sp.sector
    words = c.speaker_text.lower().split()
    sector = sp.sector if sp is not None else None
    if sector is None and words:
        known = load_kb().sector_of([w.rstrip("s") if w.endswith("ministries") else w for w in words[-2:]])
        sector = known.sector if known is not None and known.use in ("body", "title") else None
    # unnamed: no capitalised word after the first ("the defence minister", not "National Unity Government")
    unnamed = not any(w[:1].isupper() for w in c.speaker_text.split()[1:])
    official = sector in OFFICIAL_SECTORS and unnamed
    if (official or (words and words[0] in ("its", "their"))) and ev.actors and ev.actors[0].code:
        return ev.actors[0].code, sector or "GOV"
    return None, sector
