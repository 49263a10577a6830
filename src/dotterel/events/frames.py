"""The pattern interpreter: whether a pattern of data/events/patterns.yaml applies to a trigger's frame,
and if so with which actors and recipients.

A pattern's keys are read here and only here: the frame constraints (object class, complements,
particles, content clause) in `frame_fits`, the party keys (recipient slots, inverse, reciprocal,
foreign/IGO recipients, ...) in `match`. Verbs that take their event from a noun ("staged a hunger
strike", "protests erupted") get a pattern built from the noun in `nominal_pattern`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dotterel import language
from dotterel.actors.kb import OFFICIAL_SECTORS
from dotterel.actors.parties import subject_mentions
from dotterel.actors.phrases import mentions_in, real_head
from dotterel.events import conventions, parties
from dotterel.events.arguments import Arguments, arguments, object_lemmas, to_infinitive
from dotterel.events.modality import declared_intent, modality_of, self_announced_future
from dotterel.events.ontology import ONTOLOGY
from dotterel.events.patterns import NominalTrigger, Pattern, PatternSet, noun_keys
from dotterel.findings import ActorIndex, Mention

# who speaks for a state or an organisation: the state named as such, its government or its legislature
STATE_VOICES = frozenset({None, "GOV", "LEG", "IGO"})
# "warned that police *will* ...", "warned that Hezbollah *could* open new fronts"
ANNOUNCING_AUX = language.words("auxiliaries", "self_future", "warned")
# the slots of a pattern built from an event noun, when the noun's entry names none
NOMINAL_SLOTS = ("pobj:against", "pobj:on", "pobj:with", "pobj:into", "pobj:to", "pobj:in")

Parties = tuple[list[Mention], list[Mention]]


def nature_acts(tok: Token, args: Arguments, ps: PatternSet) -> bool:
    """"An earthquake struck", "floods destroyed homes", "Hurricane Maria hit": nature and accidents act on no
    one's behalf; nor do markets, figures and evidence as the doer ("share prices shot up", "hit by the price
    slump", "footage showed")."""
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    doers = [c for c in tok.children if c.dep_ == "nsubj"] + ([args.subject] if args.subject is not None else [])
    doers += [o for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    # what nature makes people do is not done on anyone's behalf ("the storm forced thousands to flee")
    # (also when the causing verb borrows its subject: "the typhoon blocked roads *and forced* thousands to flee")
    causer = arguments(tok.head, ps.stative_participles).subject if tok.dep_ == "xcomp" else None
    causers = [causer] if causer is not None else []
    return any(_is_nature(real_head(s), ps) for s in subjects + doers + causers) or any(
        ps.in_class(k, "NON_AGENT") for s in doers for k in noun_keys(real_head(s)))


def in_accident(tok: Token, args: Arguments, ps: PatternSet) -> bool:
    """"killed *when a small plane crashed*", "injured *in the crash*", "the jet skidded *and hit* a truck":
    harm done in an accident is no one's act (the coder asks this of verbs that can name a blow, whose other
    senses then do not apply either: a skidding jet that "struck" a truck is on no strike)."""
    if tok.dep_ == "conj" and ps.in_class(tok.head.lemma_.lower(), "ACCIDENT"):
        return True
    if any(c.dep_ == "advcl" and ps.in_class(c.lemma_.lower(), "ACCIDENT") for c in tok.children):
        return True
    return args.passive and any(_is_nature(real_head(o), ps) for prep in ("in", "during")
                                for o in args.preps.get(prep, []))


def _is_nature(noun: Token, ps: PatternSet) -> bool:
    """A force of nature or an accident: by its words, by the name the article gave a storm ("Typhoon Phanfone"
    ... "Phanfone blocked roads"), or as "it" after one ("... It also forced 58,000 people to evacuate")."""
    if any(ps.in_class(k, "NATURE") for k in _agent_keys(noun)) or noun.lower_ in _nature_names(noun.doc, ps):
        return True
    if noun.lower_ != "it":
        return False
    antecedent = _previous_subject(noun)
    return antecedent is not None and (any(ps.in_class(k, "NATURE") for k in _agent_keys(antecedent))
                                       or antecedent.lower_ in _nature_names(noun.doc, ps))


def _agent_keys(noun: Token) -> list[str]:
    """A noun's keys and those of its compound title ("*Hurricane* Maria", "*Typhoon* Phanfone")."""
    keys = noun_keys(noun)
    if noun.pos_ == "PROPN":
        keys += [c.lemma_.lower() for c in noun.children if c.dep_ == "compound"]
    return keys


def _nature_names(doc: Doc, ps: PatternSet) -> frozenset[str]:
    """Names the article gives forces of nature ("Cyclone *Idai*"), computed once per document."""
    key = f"dotterel.nature_names.{id(ps)}"
    names = doc.user_data.get(key)
    if names is None:
        names = frozenset(t.lower_ for t in doc if t.pos_ == "PROPN" and any(
            c.dep_ == "compound" and ps.in_class(c.lemma_.lower(), "NATURE") for c in t.children))
        doc.user_data[key] = names
    return names


def _previous_subject(pronoun: Token) -> Token | None:
    """The nearest noun subject before a pronoun, in its sentence or the one before (what "it" most likely is)."""
    doc = pronoun.doc
    start = doc[pronoun.sent.start - 1].sent.start if pronoun.sent.start > 0 else 0
    for t in reversed(doc[start:pronoun.i]):
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN"):
            return real_head(t)
    return None


def _left_in_state(tok: Token, args: Arguments, ps: PatternSet) -> bool:
    """"left dozens dead", "leaving 220 men killed", "left thousands homeless", "left the bank with no cash": a
    result, not a withdrawal."""
    states, lack = ps.word_class("RESULT_STATE"), ps.word_class("RESULT_LACK")
    heads = [tok] + ([args.patient] if args.patient is not None else [])
    return any(c.dep_ in ("oprd", "acomp", "amod", "acl", "ccomp", "xcomp") and c.lower_ in states
               for h in heads for c in h.children) or any(
        c.dep_ == "prep" and c.lower_ == "with" and any(
            o.dep_ == "pobj" and (o.lower_ in lack or any(d.dep_ in ("det", "amod") and d.lower_ in lack
                                                           for d in o.children)) for o in c.children)
        for h in heads for c in h.children)


def _complements(tok: Token) -> list[Token]:
    """What the verb calls its object: "called the plan *a threat*", "described it *as aggression*"."""
    found = [c for c in tok.children if c.dep_ in ("oprd", "attr")]
    # a bare participle the parser calls a clause: "kept the border *sealed*" (no to-infinitive, subject or object)
    found += [c for c in tok.children if c.dep_ in ("xcomp", "advcl")
              and not any(g.dep_ in ("aux", "mark", "nsubj", "nsubjpass", "dobj") for g in c.children)]
    found += [c for c in tok.children if c.dep_ == "dobj"][1:]  # "branded Peru *a rogue state*": a second object
    # a quoted adjective after the object is parsed as its modifier: "called the budget *"disgraceful"*"
    found += [a for o in tok.children if o.dep_ in ("dobj", "obj") for a in o.children if a.dep_ == "amod" and a.i > o.i]
    return found + [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"
                    for o in c.children if o.dep_ == "pobj"]


def _content_predicates(tok: Token) -> list[Token]:
    """What a reported copular clause says its subject is: "said the plan *was unacceptable*", "said it was *a
    violation* of the truce" (not negated: "said the plan was not illegal" condemns nothing)."""
    return [a for c in tok.children if c.dep_ == "ccomp" and c.lemma_ == "be"
            and not any(n.dep_ == "neg" for n in c.children)
            for a in c.children if a.dep_ in ("acomp", "attr")]


def _blamed_for(tok: Token, culprit: frozenset[str]) -> list[Token]:
    """What a reported clause or an object complement says its subject is to blame for: "said X was
    *responsible for* the attack", "said militants were *behind* the bombing", "said X was *involved in* the
    killings", "held X *responsible for* it"
    (not negated: "said X was not behind it" blames no one)."""
    preds = [a for c in tok.children if c.dep_ == "ccomp" and c.lemma_ == "be"
             and not any(n.dep_ == "neg" for n in c.children)
             for a in c.children if a.dep_ in ("acomp", "attr", "prep")]
    preds += [a for o in tok.children if o.dep_ == "dobj" for a in o.children if a.dep_ == "amod" and a.i > o.i]
    preds += [c for c in tok.children if c.dep_ in ("oprd", "acomp")]
    # "said X was *involved in* the killings": a passive culprit verb in the reported clause
    preds += [c for c in tok.children if c.dep_ == "ccomp" and any(a.dep_ == "auxpass" for a in c.children)
              and not any(n.dep_ == "neg" for n in c.children)]
    found: list[Token] = []
    for a in preds:
        if a.lemma_.lower() not in culprit and a.lower_ not in culprit:
            continue
        preps = [a] if a.dep_ == "prep" else [p for p in a.children if p.dep_ == "prep" and p.lower_ in ("for", "in")]
        found += [o for p in preps for o in p.children if o.dep_ == "pobj"]
    return found


def _prep_objects(tok: Token) -> list[Token]:
    """Objects of the trigger's prepositions, through stacked ones ("pulled *out of* the talks")."""
    found, stack = [], [c for c in tok.children if c.dep_ in ("prep", "prt")]
    while stack:
        prep = stack.pop()
        for c in prep.children:
            if c.dep_ == "pobj":
                found.append(c)
            elif c.dep_ == "prep":
                stack.append(c)
    return found


def _phrase_objects(tok: Token, args: Arguments) -> list[Token]:
    """Objects and gerunds (and their conjuncts) of the prepositional phrases around the trigger and its object,
    two deep: "sentenced him *to ten years for fraud*", "jailed *for prescribing* opioids", "a visit *to a hospital*"."""
    found: list[Token] = []
    stack = [(c, 0) for h in (tok, args.patient) if h is not None for c in h.children if c.dep_ in ("prep", "agent")]
    while stack:
        prep, depth = stack.pop()
        for c in prep.children:
            if c.dep_ in ("pobj", "pcomp"):
                found.append(real_head(c))
                # "as chairwoman *and a director* of the bank": the conjoined objects too
                found.extend(real_head(g) for g in c.children if g.dep_ == "conj")
                if depth < 1:
                    stack.extend((g, depth + 1) for g in c.children if g.dep_ == "prep")
            elif c.dep_ == "prep":
                stack.append((c, depth))
    return found


def _is_joint(args: Arguments) -> bool:
    if args.patient is None:
        return False
    return any(c.lower_ in ("joint", "combined", "bilateral", "trilateral") for c in args.patient.children) or bool(
        args.preps.get("with"))


def _done_jointly(tok: Token, ps: PatternSet) -> bool:
    """"jointly patrolled", "built it jointly with Laos" (the parser may hang the adverb on the "with")."""
    heads = [tok, *(c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with")]
    return any(c.dep_ == "advmod" and ps.in_class(c.lemma_.lower(), "JOINTLY") for h in heads for c in h.children)


def frame_fits(p: Pattern, tok: Token, args: Arguments, actors: ActorIndex, ps: PatternSet) -> bool:
    """The pattern's constraints on the trigger's frame: object class, complements, particles, prepositions."""
    objects = object_lemmas(args)
    infinitives = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and to_infinitive(c)]
    # "ordered the strikers *to maintain* services": the parser may hang the act asked for on the verb as a
    # clause of purpose; right after the object it is what the object is told to do
    infinitives += [c for c in tok.children if c.dep_ == "advcl" and to_infinitive(c) and any(
        o.dep_ in ("dobj", "obj") and o.right_edge.i + 1 == c.left_edge.i for o in tok.children)]
    if p.unnamed_victim and not (args.passive and args.subject is None):
        return False
    if p.sentence_words is not None and not any(t.lemma_.lower() in p.sentence_words for t in tok.sent):
        return False
    if p.objects is not None and not (objects & p.objects) and not (p.object_optional and not objects):
        return False
    if p.content_verbs is not None and not any(
            c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in p.content_verbs
            and not any(n.dep_ == "neg" for n in c.children) for c in tok.children):
        return False  # (not a negated content: "said Peru had not violated the accord" accuses no one)
    if p.finite_content and not any(c.dep_ == "ccomp" and c not in infinitives for c in tok.children):
        return False
    if p.complements is not None and not any(k in p.complements for c in _complements(tok) for k in noun_keys(c)):
        return False
    if p.content_complements is not None and not any(
            k in p.content_complements for c in _content_predicates(tok) for k in noun_keys(c)):
        return False
    if p.prep_any and not (p.prep_any & set(args.preps)):
        return False
    if p.prep_objects is not None and not any(key in p.prep_objects for obj in _prep_objects(tok)
                                              for key in noun_keys(obj)):
        return False
    if p.joint and not _is_joint(args):
        return False
    if p.jointly and not _done_jointly(tok, ps):
        return False
    if p.no_infinitive and any(c.dep_ == "xcomp" for c in infinitives):
        return False
    if p.needs_content and not infinitives:
        return False
    if p.culprit_of is not None and not any(
            k in p.culprit_of for o in _blamed_for(tok, ps.word_class("CULPRIT")) for k in noun_keys(o)):
        return False
    if p.act_due and not any(c.dep_ in ("xcomp", "advcl", "ccomp", "acl") and to_infinitive(c) for h in [
            tok, *([args.patient] if args.patient is not None else [])] for c in h.children):
        return False
    if p.announced and not (modality_of(tok) == "future" or declared_intent(tok) or self_announced_future(tok)):
        return False
    if p.held_over and not (parties.held_over(tok, actors, ps) and (
            modality_of(tok) != "hypothetical" or self_announced_future(tok))):
        return False  # (held over by its actor, not guessed at: "if Israel strikes, Iran would respond")
    if p.no_result_state and _left_in_state(tok, args, ps):
        return False
    if p.not_objects and (objects | _content_objects(infinitives, ps)) & p.not_objects:
        return False  # "met its obligations", "agreed *to buy* 40,000 tonnes of maize"
    if p.weapon_subjects is not None and not (args.subject is not None and not args.passive and set(
            noun_keys(real_head(args.subject))) & p.weapon_subjects):
        return False
    if p.not_subjects and (doer := _doer_noun(tok, args)) is not None and set(noun_keys(doer)) & p.not_subjects:
        return False
    if p.no_gerund and any(c.dep_ in ("xcomp", "ccomp", "dobj") and c.tag_ == "VBG" and not to_infinitive(c)
                           for c in tok.children):
        return False
    if p.not_content_verbs and any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in p.not_content_verbs
                                   for c in tok.children):
        return False
    if p.not_prep_objects and any(key in p.not_prep_objects for obj in _phrase_objects(tok, args)
                                  for key in noun_keys(obj)):
        return False
    # "declined to resign" refuses an act; "declined to comment" refuses nothing
    return not (p.event_content and content_type(tok, actors, ps) is None)


def _doer_noun(tok: Token, args: Arguments) -> Token | None:
    """The subject, else the noun a participle modifies ("a law *allowing* extraditions": the law allows)."""
    if args.subject is not None:
        return real_head(args.subject)
    if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head
    return None


def _content_objects(contents: list[Token], ps: PatternSet) -> set[str]:
    """Object lemmas of the acts a verb takes as content ("agreed to buy *maize*")."""
    return {k for c in contents for k in object_lemmas(arguments(c, ps.stative_participles))}


def future_content(tok: Token, actor: list[Mention], actors: ActorIndex, ps: PatternSet) -> bool:
    """A reported clause announcing a future act of the speaker's own side: "warned that police *will* no
    longer tolerate rallies" (not "US commanders warned that China could impose a blockade")."""
    own = {m.code for m in actor if m.code}
    for c in tok.children:
        if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in ANNOUNCING_AUX for a in c.children):
            subject = arguments(c, ps.stative_participles).subject
            doer = {m.code for m in subject_mentions(subject, actors, ps) if m.code}
            if not doer or (own and doer <= own):
                return True
    return False


def _event_subject_match(p: Pattern, args: Arguments, actors: ActorIndex, ps: PatternSet) -> Parties | None:
    """"protests erupted in Tehran", "clashes between X and Y continued": the subject noun names the event."""
    actor, recipients = parties.event_noun_parties(args.subject, p.type, args, actors, ps) if args.subject \
        else ([], [])
    if not actor and not recipients and ONTOLOGY.spec(p.type).home_target:
        place = parties.location(args, actors, [], ps)  # "protests erupted in Tehran": aimed at Iran
        recipients = [place] if place is not None else []
    return (parties.unique(actor), parties.unique(recipients)) if actor or recipients else None


def _victim_subject_match(args: Arguments, actors: ActorIndex, ps: PatternSet) -> Parties | None:
    """"soldiers died in a drone attack by the rebels": the subject suffered, the attack names the attacker."""
    attack = parties.attack_phrase(args, ps)
    if attack is None:
        return None
    victims = [m for m in mentions_in(args.subject, actors) if m.code]
    actor = parties.attackers(attack, actors, ps)
    return (parties.unique(actor), parties.unique(victims)) if actor or victims else None


def _slot_recipients(p: Pattern, tok: Token, args: Arguments, actors: ActorIndex, ps: PatternSet, own_ok: bool
                     ) -> list[Mention]:
    """The first of a pattern's recipient slots that names someone, else the owner of what fills them."""
    for slot in p.recipient_slots:
        found = parties.purpose_parties(args, tok, actors, ps) if slot == "purpose" \
            else parties.slot(slot, args, actors, ps, own_ok=own_ok)
        if found:
            return found
    return parties.slot_owners(args, p.recipient_slots, actors, own_ok=own_ok) if p.recipient_slots else []


def match(p: Pattern, tok: Token, args: Arguments, actors: ActorIndex, ps: PatternSet) -> Parties | None:
    """Actors and recipients if pattern `p` applies to trigger `tok`, else None."""
    if p.event_subject:
        return _event_subject_match(p, args, actors, ps)
    if nature_acts(tok, args, ps) or not frame_fits(p, tok, args, actors, ps):
        return None
    if p.victim_subject:
        return _victim_subject_match(args, actors, ps)
    actor = subject_mentions(args.subject, actors, ps) or parties.text_author(tok, actors, ps)
    if not any(m.code for m in actor) and conventions.refused_concession(tok, p.type, modality_of(tok)):
        actor = conventions.refusing_speaker(tok, actors, ps) or actor  # who refuses it is who announces it
    if p.weapon_subjects is not None:
        actor = [m for m in actor if m.code]  # "*Russian* missiles hit ...": the weapon itself is no doer
    if args.passive and p.type == "ASSAULT" and not any(m.code for m in actor):
        # "killed in an Israeli air strike": the attack names the attacker
        attack = parties.attack_phrase(args, ps)
        if attack is not None:
            actor = parties.attackers(attack, actors, ps) or actor
    if args.passive and not any(m.code for m in actor) and args.patient is not None and not ONTOLOGY.spec(p.type).hostile:
        # "an accord was signed between Chad and Niger", "talks were held between A and B": both sides did it
        sides, _ = parties.event_noun_parties(args.patient, p.type, args, actors, ps)
        if sides and len({m.code for m in sides}) > 1:
            actor = sides
    if p.nonstate_subject and any(m.sector in OFFICIAL_SECTORS for m in actor):
        return None
    if p.content_future and not future_content(tok, actor, actors, ps):
        return None
    if p.subject_sectors and not any(m.sector in p.subject_sectors for m in actor):
        return None
    if p.state_subject and not any(m.code and m.kind in ("state", "igo") and m.sector in STATE_VOICES
                                   and args.subject is not None and m.head == real_head(args.subject).i for m in actor):
        return None  # the state itself is the subject ("Britain protested"), not its people ("Italy's players")
    # a group "its" makes the actor's own ("the release of its citizens held in Kenya") is an act's party only
    # when no other is named: an act about something looks in its content first
    content = ONTOLOGY.has(p.type, "content_taking")
    recipients = _slot_recipients(p, tok, args, actors, ps, own_ok=not content)
    if not recipients and content:
        own = _slot_recipients(p, tok, args, actors, ps, own_ok=True)
        recipients = (parties.content_recipients(tok, args, actors, {m.key for m in actor}, ps, own_ok=False)
                      if own else []) or own
    named = recipients
    if ONTOLOGY.has(p.type, "content_taking") and args.patient is not None:
        # "reiterated German objections", "defended the Canadian government's plan": whose the thing is
        recipients = conventions.own_side(actor, recipients, content=p.type, named=args.patient.i)
    if not named and p.needs_slot_recipient:
        return None
    if not named and ONTOLOGY.has(p.type, "content_taking"):
        named = parties.content_recipients(tok, args, actors, {m.key for m in actor}, ps)
        recipients = conventions.own_side(actor, named, content=p.type)
    if not named and p.type == "ACCUSE":
        named = recipients = parties.accused_in_clause(tok, actors, {m.key for m in actor}, ps)
    # the act is real when the actor's own side was named: it keeps the act, if need be with no recipient
    own_named = len(recipients) < len(named)
    if not recipients and ONTOLOGY.spec(p.type).hostile:
        # "mobilized reservists for a war *against Iraq*": the adversary named inside a purpose phrase
        recipients = [m for head in parties.nested(args, ("against",)) for m in mentions_in(head, actors) if m.code]
    if p.inverse:  # "Kyiv received weapons from Berlin": the giver acts, the subject receives
        actor, recipients = recipients, actor
    if p.theme_actor and not actor and args.patient is not None:
        actor = [m for m in mentions_in(args.patient, actors) if m.code]
        recipients = [m for m in recipients if m not in actor]
    if p.reciprocal and recipients:
        actor, recipients = actor + recipients, []
    recipients = conventions.town_is_no_recipient(p.type, recipients)
    actor_codes = {m.code for m in actor if m.code}
    if p.foreign_recipient:
        recipients = [m for m in recipients if m.code and m.code not in actor_codes and m.kind in ("state", "igo")]
    if p.igo_recipient:
        recipients = [m for m in recipients if m.kind == "igo"]
    recipients = conventions.acting_together(p.type, actor, recipients)
    if p.needs_recipient and not recipients and not own_named:
        return None
    if _between_firms(p.type, actor, recipients):
        return None
    if not actor and not recipients and not (ONTOLOGY.has(p.type, "place_targeted") and args.patient is not None
                                              and parties.location(args, actors, [], ps) is not None) \
            and not unnamed_doer(p, args) and not unnamed_victim(p, args) \
            and not (p.weapon_subjects is not None and parties.location(args, actors, [], ps) is not None):
        return None  # (unnamed victims in a named place are still coded: the place fills in below)
    return parties.unique(actor), parties.unique(recipients)


def unnamed_doer(p: Pattern, args: Arguments) -> bool:
    """"40 people were detained", "two suspects were taken into custody": a passive act of a state's organs
    with no agent named (the coder then looks for the state where it happens, and drops it if none)."""
    return p.unnamed_doer and args.passive and args.subject is None and args.patient is not None


def unnamed_victim(p: Pattern, args: Arguments) -> bool:
    """"a guard was stabbed", "three bystanders were hurt": a passive blow with no agent (the coder keeps
    it only inside an attack that the sentence or the two before it report, never alone: accidents kill too)."""
    return p.unnamed_victim and args.passive and args.subject is None and args.patient is not None


def _between_firms(etype: str, actor: list[Mention], recipients: list[Mention]) -> bool:
    """Firms meeting, agreeing, bidding or suing among themselves do business, not politics: every actor a
    business and no state or government on the other side (their strikes, blockades and violence still count)."""
    if not actor or ONTOLOGY.spec(etype).material_conflict or any(m.sector != "BUS" for m in actor):
        return False
    return not acts_on_state(recipients)


def acts_on_state(recipients: list[Mention]) -> bool:
    """Whether a state, its government or organs, or an organisation is among those acted on: what firms do to one
    is no business among themselves."""
    return any(m.code and m.kind in ("state", "igo") and m.sector in STATE_VOICES | OFFICIAL_SECTORS
               for m in recipients)


def content_type(tok: Token, actors: ActorIndex, ps: PatternSet) -> str | None:
    """The event type of what a verbal act promises ("vowed to *march on* the capital" -> ASSAULT,
    "vowed that the group would *retaliate*", "voiced its readiness to *strike*": the object's own clause)."""
    object_clauses = [g for c in tok.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "acl"]
    for child in [*tok.children, *object_clauses]:
        if child.dep_ not in ("xcomp", "ccomp", "acl"):
            continue
        args = arguments(child, ps.stative_participles)
        nominal = nominal_pattern(child, args, ps)  # "vowed to step up *raids*": the noun names the act
        for p in [*ps.for_token(child), *([nominal[0]] if nominal is not None else [])]:
            if match(p, child, args, actors, ps) is not None:
                return p.type
    return None


def nominal_pattern(tok: Token, args: Arguments, ps: PatternSet) -> tuple[Pattern, bool] | None:
    """"staged a hunger strike", "went on strike", "launched an investigation": the noun names the event;
    so does the subject of a verb of occurrence ("protests erupted", "clashes continued"). The flag says the
    noun matched as a compound ("hunger strike"), which is more specific than a verb's object class."""
    lemma = ps.lemma_of(tok.text, tok.lemma_.lower())
    if lemma in ps.occurrence_verbs and args.subject is not None and not args.passive:
        hit = ps.noun_trigger(args.subject)
        if hit is not None:
            return _noun_pattern(lemma, hit[0], event_subject=True), True
    if lemma in ps.motion_verbs:  # "flew to Beijing for talks", "returned to Geneva for negotiations"
        for noun in args.preps.get("for", []):
            hit = ps.noun_trigger(noun)
            if hit is not None and hit[0].type == "CONSULT":
                # "will leave *for Bolivia* for talks": a state after "for" is the destination
                return _noun_pattern(lemma, hit[0], recipient_slots=("pobj:to", "pobj:in", "pobj:with",
                                                                     "pobj:for")), True
    if lemma in ps.state_verbs:  # "troops remained *on alert*", "workers are *on strike*": the state is the event
        for noun in args.preps.get("on", []) + args.preps.get("in", []):
            hit = ps.noun_trigger(noun)
            if hit is not None and not ps.in_class(noun.lemma_.lower(), "BURNING"):  # "a ship that is *on fire*"
                return _noun_pattern(lemma, hit[0]), True
    if lemma not in ps.light_verbs or any(c.dep_ == "prt" and c.lower_ == "off" for c in tok.children):
        return None  # "called off the strike" ends it
    nouns = [args.patient] if args.patient is not None else []
    nouns += args.preps.get("on", []) + args.preps.get("into", []) + args.preps.get("in", [])
    for noun in nouns:
        hit = ps.noun_trigger(noun) if noun is not None else None
        if hit is not None:
            trig, key = hit
            return _noun_pattern(lemma, trig), " " in key
    return None


def _noun_pattern(lemma: str, trig: NominalTrigger, recipient_slots: tuple[str, ...] | None = None,
                  event_subject: bool = False) -> Pattern:
    """The pattern a verb takes on from the event noun it carries (the noun's slots, else the nominal defaults)."""
    return Pattern(lemmas=frozenset({lemma}), type=trig.type, mode=trig.mode, context=trig.context,
                   recipient_slots=recipient_slots or trig.recipient_slots or NOMINAL_SLOTS, event_subject=event_subject)
