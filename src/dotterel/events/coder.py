"""The PLOVER event coder: runs the coding steps in order over each sentence.

For every verb whose lemma has patterns (data/events/patterns.yaml), the first pattern whose constraints
hold codes an event (`frames`: the pattern interpreter; `parties`: who acts on whom); `suppression` skips
what is not an event; `conventions` retypes announced and conditional acts and fills in unnamed parties.
The pattern set is loaded once per call and passed down, so a test can code with a pattern set of its own.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dotterel.actors.parties import subject_mentions
from dotterel.actors.phrases import mentions_in, real_head
from dotterel.events import counterpart, conventions, non_events, parties
from dotterel.events.arguments import arguments, object_lemmas
from dotterel.events.earlier_target import earlier_parties, recalls_attack, struck_side
from dotterel.events.frames import (content_type, in_accident, match, nature_acts, nominal_pattern, unnamed_doer,
                                    unnamed_victim)
from dotterel.events.modality import modality_of, obligation_content, semi_modal_obligation
from dotterel.events.nominal import code_nouns, referred_doers, referred_targets
from dotterel.events.one_blow import same_blow
from dotterel.events.referred_act import referred_authors
from dotterel.events.ontology import ONTOLOGY
from dotterel.events.parties import condition_party, location as event_location, unique
from dotterel.events.patterns import Pattern, PatternSet, load_patterns, noun_keys
from dotterel.events.suppression import in_main_clause, suppressed
from dotterel.findings import ActorIndex, EventFinding, Mention
from dotterel.genre import about_business, about_disease

TRIGGER_POS = frozenset({"VERB", "AUX"})
# stances on an act, aimed at its doer ("condemned the attack", "praised the operation")
STANCE_TYPES = frozenset({"ACCUSE", "SUPPORT"})
# how many sentences back an attack still frames unnamed victims ("... gunmen stormed the hotel. Two guards
# were killed."), as casualty counts link to the latest attack of the two sentences before
ATTACK_REACH = 2
# the genre of a text this short is no judgement of an article ("Republicans condemned the decision.")
OPINION_MIN_SENTENCES = 5


def code_events(doc: Doc, actors: ActorIndex, ps: PatternSet | None = None, opinion: bool = False
                ) -> list[EventFinding]:
    """Every event the document reports, sentence by sentence (`ps`: the pattern set, else the bundled one;
    `opinion`: the article is an interview, column or commentary, `genre.classify_genre`)."""
    ps = ps if ps is not None else load_patterns()
    health = about_disease(doc)
    events: list[EventFinding] = []
    last_attack = -ATTACK_REACH - 1
    for index, sent in enumerate(doc.sents):
        near = index - last_attack <= ATTACK_REACH
        # the attacks of the story told just before (what they struck may be named again)
        recent = [e for e in events if e.type == "ASSAULT" and last_attack - e.sentence <= ATTACK_REACH] if near else []
        found = code_sentence(sent, index, actors, ps, health, attack_near=near, recent=recent,
                              earlier=events)
        counterpart.fill(found, events, sent, [m for m in actors.in_tokens(sent.start, sent.end) if m.code])
        if any(e.type == "ASSAULT" and e.modality == "asserted" for e in found) or (
                near and recalls_attack(sent, ps.word_class("ATTACK"))):
            last_attack = index  # ("... survived the attack.": the story of the attack goes on)
        events.extend(found)
    # firms doing business among themselves; in company news every uncoded doer is taken for a firm
    business = about_business(doc, [m.head for m in actors.mentions if m.code and m.kind in ("state", "igo")])
    events = [e for e in events if not non_events.firms_only(e.actors, e.recipients, doc, business)]
    # acts between no political parties, told where no state or organisation is named ("the authors proposed ...")
    sents = list(doc.sents)
    events = [e for e in events if not non_events.apolitical(e, doc, actors, sents)]
    if (opinion or not non_events.political_article(actors)) and len(sents) >= OPINION_MIN_SENTENCES:
        # an interview or a column tells the speaker's own story, and an article that names no state organ, armed
        # group or international body (sport, science, company news) no politics: acts of people the actor data
        # does not know ("I refused to play", "my team met the sponsors") are no events between political actors
        events = [e for e in events if any(m.code for m in e.actors + e.recipients)]
    return events


def code_sentence(sent: Span, index: int, actors: ActorIndex, ps: PatternSet, health: bool = False,
                  attack_near: bool = False, recent: list[EventFinding] | None = None,
                  earlier: list[EventFinding] | None = None) -> list[EventFinding]:
    """`health`: the article is about an epidemic, so lockdowns and curfews in it are health measures;
    `attack_near`: one of the sentences before reports an attack (unnamed victims belong to it); `recent`: the
    attacks of the sentences before within that reach (what they struck may be named again); `earlier`: the
    events of the sentences before (what "the attack" refers back to)."""
    found: list[EventFinding] = []
    coded: dict[int, str] = {}
    # heads before dependents, so a verbal act is coded before its content is considered
    depth = _depths(sent)
    for tok in sorted(sent, key=lambda t: depth[t.i]):
        if tok.pos_ not in TRIGGER_POS:
            continue
        main_coded = any(in_main_clause(sent[i - sent.start]) for i in coded)
        if suppressed(tok, coded, main_coded, ps):
            continue
        told = same_blow(tok, coded, {p.type for p in ps.for_token(tok)})
        if told is not None:
            # "were injured after being attacked by protesters": one act; the clause's agent is its doer
            act = next(e for e in found if e.trigger == told)
            doer = subject_mentions(arguments(tok, ps.stative_participles).subject, actors, ps)
            if not any(m.code for m in act.actors) and any(m.code for m in doer):
                act.actors = doer
            continue
        request = _request_from_obligation(tok, index, sent, actors, ps)
        if request is not None:
            coded[tok.i] = request.type
            found.append(request)
            continue
        in_attack = attack_near or any(e.type == "ASSAULT" for e in found)
        event = _code_trigger(tok, sent, index, actors, ps, health, in_attack, [*(recent or []), *found])
        if event is not None:
            if not any(m.code for m in event.recipients):
                # "Kenya condemned the attack": the doer of the attack it refers back to; "he imposed the
                # tariffs": where the tariffs it refers back to were aimed
                patient = arguments(tok, ps.stative_participles).patient
                before = [*(earlier or []), *found]
                event.recipients = (referred_doers(event, patient, ps, before) if event.type in STANCE_TYPES
                                    else referred_targets(event, patient, before)) \
                    or referred_authors(event, patient, before, sent.doc) or event.recipients
            event.recipients = conventions.domestic_target(event.type, event.actors, event.recipients, event.location)
            coded[tok.i] = event.type
            found.append(event)
    # event nouns the verbs did not carry ("the attack on X", "sanctions against Y")
    found.extend(code_nouns(sent, index, actors, ps, found, coded, earlier or []))
    return found


def _code_trigger(tok: Token, sent: Span, index: int, actors: ActorIndex, ps: PatternSet, health: bool = False,
                  in_attack: bool = False, recent: list[EventFinding] | None = None) -> EventFinding | None:
    """The event of the first pattern that matches the trigger, with the conventions applied."""
    patterns = ps.for_token(tok)
    args = arguments(tok, ps.stative_participles)
    if health and object_lemmas(args) & ps.word_class("HEALTH_MEASURE"):
        return None  # "extended the lockdown", "lifted the curfew" in an article about an epidemic
    if any(p.type == "ASSAULT" for p in patterns) and in_accident(tok, args, ps):
        return None
    nominal = nominal_pattern(tok, args, ps)
    if nominal is not None:
        # a named compound ("hunger strike", "general strike") is more specific than an object class
        pattern, compound = nominal
        patterns = [pattern, *patterns] if compound else [*patterns, pattern]
    lemma = ps.lemma_of(tok.text, tok.lemma_.lower())
    for p in patterns:
        if non_events.excluded(lemma, p.type, tok, args) is not None:
            continue  # "asked not to be named", "sought the nomination", "hit exports"
        matched = match(p, tok, args, actors, ps)
        if matched is None:
            continue
        actor, recipients = matched
        location = event_location(args, actors, actor + recipients, ps)
        again = None
        if unnamed_victim(p, args) and not any(m.code for m in actor + recipients):
            # "the port was raided again": the thing an attack just before struck, named anew
            again = earlier_parties(args.patient, recent or [], tok.doc)
        if again is not None:
            actor, recipients = again
        elif unnamed_victim(p, args) and not any(m.code for m in actor + recipients):
            if not in_attack and parties.attack_phrase(args, ps) is None:
                continue  # "three were killed" with no attack around it may be an accident
            if not recipients and location is None:  # (people named but of no known side stay so)
                recipients = conventions.home_victims(actors) or struck_side(
                    args.patient, recent or [], ps.word_class("ATTACKER"), ps.word_class("PEOPLE"))
            if location is None and not recipients:
                continue  # no place and no state the article is about: no party, no event
        etype, mode, modality = conventions.retyped(tok, p.type, p.mode, modality_of(tok),
                                                    lambda: content_type(tok, actors, ps),
                                                    ps.word_class("NOT_TOLERATED"), any(m.code for m in actor))
        if etype == "THREATEN" and p.announced:
            modality = "asserted"  # "will respond to any provocation": the threat is made now
        if etype == "THREATEN":
            # "threatened to halt talks if the United States deploys missiles": aimed at the US, whatever
            # the threatened act names ("threatened to ban voting in Jerusalem if Hamas ran": at Hamas)
            recipients = condition_party(tok, actors, actor, ps) or recipients
        if etype == "REJECT" and not any(m.code for m in recipients) and conventions.refused_concession(
                tok, p.type, modality_of(tok)):
            # "the curbs will not be eased until X complies": the refusal is aimed at X
            recipients = condition_party(tok, actors, actor, ps, parties.REFUSAL_CONDITIONS) or recipients
        if ONTOLOGY.spec(etype).hostile and not any(m.code for m in recipients):
            recipients = parties.answered_parties(tok, args, actors, ps, actor) or recipients
        location = event_location(args, actors, actor + recipients, ps)  # (THREATEN may have moved them)
        recipients = conventions.ethnic_in_place(recipients, location, tok)
        actor = conventions.local_actor(etype, actor, location, args, sent, actors, ps, tok)
        if unnamed_doer(p, args) and (not any(m.code for m in recipients) or conventions.own_people(
                recipients, actors)) and not any(m.code and m.sector for m in actor):
            actor = conventions.unnamed_police(actor, actors) or actor
            if not actor and not recipients and location is None:
                continue  # no state where it happens and no one named: no party, no event
        recipients = conventions.implied_recipients(
            etype, actor, recipients, location, two_sided=p.event_subject and len({m.key for m in actor}) > 1,
            home_measure=lambda: bool(ps.word_class("HOME_MEASURE") & object_lemmas(args)),
            one_culprit=conventions.culprit(args.patient) or bool(ps.word_class("SEIZED_THING") & object_lemmas(args)))
        return EventFinding(
            type=etype, mode=mode, context=list(p.context), actors=actor, recipients=recipients,
            modality=modality, trigger=tok.i, trigger_span=(tok.idx, tok.idx + len(tok)),
            span=_clause_span(tok, actor, recipients, sent), sentence=index,
            confidence=_confidence(p, actor, recipients, modality),
            location=location,
        )
    return None


def _request_from_obligation(tok: Token, sent_index: int, sent: Span, actors: ActorIndex, ps: PatternSet
                             ) -> EventFinding | None:
    """"X said Y must withdraw": X requests of Y (the speaker's own act, so not attributed onward)."""
    content = obligation_content(tok)
    if content is None:
        return None
    speaker = arguments(tok, ps.stative_participles).subject
    if speaker is not None and set(noun_keys(real_head(speaker))) & (
            ps.word_class("COMMENTATOR") | ps.word_class("PRESS") | ps.word_class("PUBLICATION")):
        return None  # "economists said Japan should cut rates", "the report said ...": a view, asked of no one
    actor = subject_mentions(speaker, actors, ps)
    content_args = arguments(content, ps.stative_participles)
    if nature_acts(content, content_args, ps):
        return None  # "said growth should pick up": figures are asked nothing
    target = content_args.subject
    recipients = mentions_in(target, actors)
    if not actor or not recipients or not any(m.code for m in actor + recipients):
        return None  # ("said the gun laws should be changed" asks no one)
    if target is not None and target.pos_ == "PRON" and {m.code for m in recipients} <= {m.code for m in actor}:
        return None  # "Chile said it has to cut spending": its own resolve, asked of no one
    subject = [m for m in recipients if target is not None and m.head == real_head(target).i]
    if subject and not conventions.own_side(actor, subject):
        return None  # "the minister said Chile should cut spending": likewise its own country
    if semi_modal_obligation(content) and not any(m.code for m in actor):
        return None  # "analysts said the government needs to act": a view, not a party's request
    return EventFinding(
        type="REQUEST", mode=None, context=[], actors=unique(actor), recipients=unique(recipients),
        modality=modality_of(tok), trigger=tok.i, trigger_span=(tok.idx, tok.idx + len(tok)),
        span=_clause_span(tok, actor, recipients, sent), sentence=sent_index, confidence=0.6)


def _clause_span(tok: Token, actor: list[Mention], recipients: list[Mention], sent: Span) -> tuple[int, int]:
    doc = tok.doc
    start = max(tok.left_edge.i, sent.start)
    end = min(tok.right_edge.i + 1, sent.end)
    for m in actor + recipients:
        if sent.start <= m.token_start < sent.end:
            start, end = min(start, m.token_start), max(end, m.token_end)
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _confidence(p: Pattern, actor: list[Mention], recipients: list[Mention], modality: str) -> float:
    conf = 0.9 if p.objects is not None else 0.75
    if not any(m.code for m in actor):
        conf -= 0.25
    if p.recipient_slots and not recipients:
        conf -= 0.1
    if modality != "asserted":
        conf -= 0.05
    return max(conf, 0.1)


def _depths(sent: Span) -> dict[int, int]:
    """Each token's distance from its root (at most 50), every head walked once."""
    depths: dict[int, int] = {}
    for start in sent:
        path: list[int] = []
        tok = start
        while tok.i not in depths and tok.head.i != tok.i and len(path) < 50:
            path.append(tok.i)
            tok = tok.head
        base = depths.get(tok.i, 0)
        depths.setdefault(tok.i, base)
        for n, i in enumerate(reversed(path), start=1):
            depths[i] = min(base + n, 50)
    return depths
