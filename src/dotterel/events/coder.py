"""The PLOVER event coder: where an event type is decided.

For every verb whose lemma has patterns (data/events/patterns.yaml), the first pattern whose constraints
hold codes an event; actors come from the (inherited) subject, recipients from the slots the pattern names.
The "what is not an event" rules of DESIGN.md live in `_suppressed`: reporting verbs have no patterns,
antecedents of conditions are skipped, and the content of a verbal act (threat, demand, agreement,
refusal, accusation) is not a second event.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from dotterel.actors.drafts import actor_key

from dotterel.events.arguments import Arguments, arguments, mentions_in, phrase_tokens, real_head, to_infinitive
from dotterel.events.modality import (
    declared_intent,
    is_condition,
    load_cues,
    modality_of,
    obligation_content,
    self_announced_future,
)
from dotterel.events.ontology import ONTOLOGY
from dotterel.events.patterns import NominalTrigger, Pattern, PatternSet, load_patterns, noun_keys
from dotterel.findings import ActorIndex, EventFinding, Mention

# verbal acts whose complement is their content, not a separate event
CONTENT_TAKING = frozenset({"THREATEN", "REQUEST", "AGREE", "REJECT", "ACCUSE", "SUPPORT", "CONCEDE"})
CONTENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "advcl", "pobj", "prep", "acomp", "acl", "dobj"})
TRIGGER_POS = frozenset({"VERB", "AUX"})
COOPERATIVE_QUADS = frozenset({1, 2})
PLACE_TARGETED = frozenset({"ASSAULT", "COERCE", "PROTEST", "CONCEDE", "AID"})
PLACE_LEFT = frozenset({"RETREAT"})  # "pulled out of Kherson": the town left stands for its country
# with no named target and no place, a protest is aimed at the protesters' own government ("Algerian
# landowners began a hunger strike") and a concession is made to the conceder's own country ("lifted the
# curfew"): the CAMEO/PLOVER convention; value = the sector the recipient takes
HOME_TARGETED: dict[str, str | None] = {"PROTEST": "GOV", "CONCEDE": None}
STATE_ORGANS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})
FUTURE_AUX = frozenset({"will", "would", "'ll", "shall", "wo"})
WARNED_MODALS = frozenset({"could", "might", "may"})  # "warned that Hezbollah could open new fronts"
CONFLICT_ACTS = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST", "REJECT"})
LOCATION_PREPS = ("in", "inside", "near", "at", "throughout", "across", "outside")
ATTACK_PREPS = ("in", "during", "by", "from", "of")
LOCAL_ACTOR_TYPES = frozenset({"PROTEST", "ASSAULT", "COERCE"})
DOMESTIC_TYPES = frozenset({"COERCE", "ACCUSE", "REQUEST", "CONCEDE", "REJECT"})
SELF_DIRECTED = frozenset({"ASSAULT", "COERCE"})
HOME_ORGANS = frozenset({"GOV", "COP", "JUD", "REB"})
OWNER_PREPS = frozenset({"of", "for", "belonging", "from", "by"})
# the party a thing is directed at or shared with: "sales *to Iran*", "a truce *with* the rebels", "a
# commitment *to* the Zambian people"
PARTY_PREPS = OWNER_PREPS | {"to", "with", "against", "toward", "towards", "on"}
HOSTILE_QUADS = frozenset({3, 4})
DESTINATION_SLOTS = frozenset({"pobj:to", "pobj:into"})
IN_PREP = frozenset({"in"})
NOMINAL_SLOTS = ("pobj:against", "pobj:on", "pobj:with", "pobj:into", "pobj:to", "pobj:in")


def _object_lemmas(args: Arguments) -> set[str]:
    """Lemmas of the object phrase: head, its compounds ("defense pact") and conjuncts ("shells and munitions")."""
    if args.patient is None:
        return set()
    out = set()
    patient = real_head(args.patient)  # "suspended part of its aid": the aid
    heads = [patient, *patient.conjuncts]
    heads += [c for c in patient.head.children if c.dep_ == "dobj" and c not in heads]
    heads += [c for c in patient.children if c.dep_ == "appos"]  # "Malaysia Airlines Boeing 777 flight MH17"
    for tok in heads:
        lemma = tok.lemma_.lower()
        out.add(lemma)
        if tok.ent_type_ == "MONEY":  # "granted $27 million": a sum of money is money
            out.add("money")
        out.add(tok.lower_)
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod")]
        for m in mods:
            out.add(f"{m.lemma_.lower()} {lemma}")
            out.add(f"{m.lower_} {tok.lower_}")
            if tok.pos_ == "PROPN" and m.dep_ == "compound":
                out.add(m.lemma_.lower())  # "President Bazoum": the title is the word class
        for prep in tok.children:  # "state of emergency", "cessation of hostilities"
            if prep.dep_ == "prep" and prep.lower_ == "of":
                out.update(f"{lemma} of {o.lower_}" for o in prep.children if o.dep_ == "pobj")
    return out


def _slot(slot: str, args: Arguments, actors: ActorIndex) -> list[Mention]:
    if slot in ("dobj", "dobj_owner"):
        # in the passive the grammatical subject is the one acted on ("civilians were killed")
        heads = [args.patient] if args.patient is not None else []
        found = mentions_in(args.patient, actors) or _owners(args.patient, actors)
        if not any(m.code for m in found):  # "settlements *in* the Gaza Strip", "observers *from* the OSCE"
            found = [m for m in _owners(args.patient, actors, frozenset({"in", "from"})) if m.code] or found
    else:
        if slot.startswith("nested:"):  # "advised against travel *to Tunisia*": one phrase further down
            heads = _nested(args, (slot[7:],))
        else:
            heads = args.preps.get(slot[5:] if slot.startswith("pobj:") else slot, [])
        found = []
        for head in heads:
            found.extend(m for m in mentions_in(head, actors) if m not in found)
    if any(m.code for m in found):
        return found
    # "sent troops to a peacekeeping force *in Liberia*": a destination naming no one is where it is;
    # "pulled out of talks *with Venezuela*", "reopened its border *with Armenia*": the noun names the party
    destination = slot in DESTINATION_SLOTS
    inner = frozenset({"in", "inside"} if destination else {"with", "between"})
    heads = [h for h in heads if destination or _names_other_party(h)]
    return [m for head in heads for m in _owners(head, actors, inner)
            if m.code and (m.kind == "state" or not destination)] or found


def _nature_acts(tok: Token, args: Arguments) -> bool:
    """"An earthquake struck", "floods destroyed homes": nature acts on no one's behalf."""
    ps = load_patterns()
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    subjects += [args.subject] if args.subject is not None else []
    return any(ps.in_class(k, "NATURE") for s in subjects for k in noun_keys(real_head(s)))


def _ethnic(head: Token) -> bool:
    """"ethnic Albanians": a people named by origin, not the state of that name."""
    return any(c.lower_ == "ethnic" for c in head.children)


def _names_other_party(noun: Token) -> bool:
    """Talks, agreements, relations and borders carry their other party in a "with"/"between" phrase."""
    ps = load_patterns()
    return any(ps.in_class(noun.lemma_.lower(), c) for c in ("TALKS", "AGREEMENT", "RELATIONS", "BORDER"))


def _complements(tok: Token) -> list[Token]:
    """What the verb calls its object: "called the plan *a threat*", "described it *as aggression*"."""
    found = [c for c in tok.children if c.dep_ in ("oprd", "attr")]
    return found + [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"
                    for o in c.children if o.dep_ == "pobj"]


def _purpose_parties(args: Arguments, tok: Token, actors: ActorIndex) -> list[Mention]:
    """Whom an act is meant to help: "sent troops *to back the government in Tripoli*"."""
    ps = load_patterns()
    for clause in tok.children:
        if _is_purpose(clause) and ps.in_class(clause.lemma_.lower(), "HELPING"):
            obj = next((c for c in clause.children if c.dep_ in ("dobj", "obj")), None)
            found = [m for m in mentions_in(obj, actors) or _owners(obj, actors) if m.code] or [
                m for h in (clause, obj) for m in _owners(h, actors, IN_PREP)  # "back the government *in Tripoli*"
                if m.code and m.kind == "state"]
            if found:
                return found
    return []


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


def _owners(thing: Token | None, actors: ActorIndex, preps: frozenset[str] = OWNER_PREPS) -> list[Mention]:
    """Whose the acted-on thing is, when it names no actor itself: "a camp *for Congolese refugees*",
    "the positions *of the rebels*", "homes *belonging to* settlers"."""
    if thing is None:
        return []
    for prep in thing.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            objs = [obj for obj in prep.children if obj.dep_ == "pobj"]
            found = [m for obj in objs for m in mentions_in(obj, actors)]
            if not found and preps is PARTY_PREPS:  # "an embargo on arms sales *to Vietnam*": one more step
                found = [m for obj in objs for m in _owners(obj, actors, OWNER_PREPS | {"to", "with"})]
            if found:
                return found
    return []


def _attack_phrase(args: Arguments) -> Token | None:
    """The attack an outcome happened in: "killed *in an air strike*", "wounded *during shelling*"."""
    ps = load_patterns()
    heads = [h for prep in ATTACK_PREPS for h in args.preps.get(prep, [])] + _nested(args, ("of",))
    for head in heads:  # "died as a result *of torture*": one phrase further down
        if ps.names_event(head, "ASSAULT", "ATTACK"):
            return head
    return None


def _attackers(attack: Token, actors: ActorIndex) -> list[Mention]:
    """Who carried out an attack: its modifiers ("an *Israeli* air strike") or its "by" phrase."""
    found = [m for m in mentions_in(attack, actors) if m.code]
    if found:
        return found
    for prep in attack.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
            found = [m for o in prep.children if o.dep_ == "pobj" for m in subject_mentions(o, actors) if m.code]
            if found:
                return found
    return []


def _nested(args: Arguments, preps: tuple[str, ...]) -> list[Token]:
    """Objects of `preps` one phrase further down: "fired at targets *in Gaza*", "for a war *against Iraq*"."""
    found = []
    for heads in args.preps.values():
        for head in heads:
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in preps:
                    found.extend(c for c in prep.children if c.dep_ == "pobj")
    return found


def _unique(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    keys: set[tuple[str | None, str | None, str]] = set()
    for m in mentions:
        k = (m.code, m.sector, m.key if m.code is None else "")
        if k not in keys:
            keys.add(k)
            out.append(m)
    return out


def _is_joint(tok: Token, args: Arguments) -> bool:
    if args.patient is None:
        return False
    return any(c.lower_ in ("joint", "combined", "bilateral", "trilateral") for c in args.patient.children) or bool(
        args.preps.get("with"))


def _frame_fits(p: Pattern, tok: Token, args: Arguments, actors: ActorIndex) -> bool:
    """The pattern's constraints on the trigger's frame: object class, complements, particles, prepositions."""
    objects = _object_lemmas(args)
    infinitives = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and any(a.lower_ == "to" for a in c.children)]
    if p.objects is not None and not (objects & p.objects) and not (p.object_optional and not objects):
        return False
    if p.content_verbs is not None and not any(
            c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in p.content_verbs for c in tok.children):
        return False
    if p.finite_content and not any(c.dep_ == "ccomp" and c not in infinitives for c in tok.children):
        return False
    if p.complements is not None and not any(k in p.complements for c in _complements(tok) for k in noun_keys(c)):
        return False
    if p.prep_any and not (p.prep_any & set(args.preps)):
        return False
    if p.prep_objects is not None and not any(key in p.prep_objects for obj in _prep_objects(tok)
                                              for key in noun_keys(obj)):
        return False
    if p.joint and not _is_joint(tok, args):
        return False
    if p.no_infinitive and any(c.dep_ == "xcomp" for c in infinitives):
        return False
    if p.needs_content and not infinitives:
        return False
    # "declined to resign" refuses an act; "declined to comment" refuses nothing
    return not (p.event_content and _content_type(tok, actors, load_patterns()) is None)


def _match(p: Pattern, tok: Token, args: Arguments, actors: ActorIndex
           ) -> tuple[list[Mention], list[Mention]] | None:
    """Actors and recipients if pattern `p` applies to trigger `tok`, else None."""
    if p.event_subject:
        actor, recipients = _event_noun_parties(args.subject, p.type, args, actors) if args.subject else ([], [])
        if not actor and not recipients and p.type in HOME_TARGETED:
            place = _location(args, actors, [])  # "protests erupted in Tehran": aimed at Iran
            recipients = [place] if place is not None else []
        return (_unique(actor), _unique(recipients)) if actor or recipients else None
    if _nature_acts(tok, args) or not _frame_fits(p, tok, args, actors):
        return None
    actor = subject_mentions(args.subject, actors)
    if p.victim_subject or (args.passive and p.type == "ASSAULT" and not any(m.code for m in actor)):
        # "killed in an Israeli air strike", "died in a drone attack by the rebels": the attack names the attacker
        attack = _attack_phrase(args)
        if attack is None and p.victim_subject:
            return None
        if p.victim_subject:
            victims = [m for m in mentions_in(args.subject, actors) if m.code]
            actor = _attackers(attack, actors) if attack is not None else []
            return (_unique(actor), _unique(victims)) if actor or victims else None
        if attack is not None:
            actor = _attackers(attack, actors) or actor
    if p.nonstate_subject and any(m.sector in STATE_ORGANS for m in actor):
        return None
    if p.content_future and not _future_content(tok, actor, actors):
        return None
    if p.subject_sectors and not any(m.sector in p.subject_sectors for m in actor):
        return None
    recipients: list[Mention] = []
    for slot in p.recipient_slots:
        recipients = _purpose_parties(args, tok, actors) if slot == "purpose" else _slot(slot, args, actors)
        if recipients:
            break
    if not recipients and p.recipient_slots:
        # "tighten the naval blockade *of Serbia*", "hack into the computers *of South Korean officers*": the
        # acted-on thing's owner
        # (a destination's "with" is no party: "deployed troops to its border *with Guyana*")
        things = [(args.patient, PARTY_PREPS)] + [
            (h, OWNER_PREPS if slot in DESTINATION_SLOTS else PARTY_PREPS)
            for slot in p.recipient_slots if slot.startswith("pobj:") for h in args.preps.get(slot[5:], [])]
        recipients = next((found for t, preps in things
                           if (found := [m for m in _owners(t, actors, preps) if m.code])), [])
    if not recipients and p.needs_slot_recipient:
        return None
    if not recipients and p.type in CONTENT_TAKING:
        recipients = _content_recipients(tok, args, actors, {m.key for m in actor})
    if not recipients and ONTOLOGY.spec(p.type).quad in HOSTILE_QUADS:
        # "mobilized reservists for a war *against Iraq*": the adversary named inside a purpose phrase
        recipients = [m for head in _nested(args, ("against",)) for m in mentions_in(head, actors) if m.code]
    if p.inverse:  # "Kyiv received weapons from Berlin": the giver acts, the subject receives
        actor, recipients = recipients, actor
    if p.theme_actor and not actor and args.patient is not None:
        actor = [m for m in mentions_in(args.patient, actors) if m.code]
        recipients = [m for m in recipients if m not in actor]
    if p.reciprocal and recipients:
        actor, recipients = actor + recipients, []
    if p.type not in PLACE_TARGETED | PLACE_LEFT:  # "talks in Geneva": a town is where, not whom
        recipients = [m for m in recipients if not m.place]
    actor_codes = {m.code for m in actor if m.code}
    if p.foreign_recipient:
        recipients = [m for m in recipients if m.code and m.code not in actor_codes and m.kind in ("state", "igo")]
    if p.igo_recipient:
        recipients = [m for m in recipients if m.kind == "igo"]
    # an actor is not its own recipient; domestic dyads (Congress -> the president: USA-USA) are kept, but
    # "Armenia and Azerbaijan agreed that their countries ..." is the two acting together (no recipient)
    actor_keys = {m.key for m in actor}
    recipients = [m for m in recipients if m.key not in actor_keys]
    if len(actor_codes) > 1 and {m.code for m in recipients} <= actor_codes and \
            ONTOLOGY.spec(p.type).quad in COOPERATIVE_QUADS:
        recipients = []
    if p.needs_recipient and not recipients:
        return None
    if not actor and not recipients and not (p.type in PLACE_TARGETED and args.patient is not None
                                              and _location(args, actors, []) is not None):
        return None  # (unnamed victims in a named place are still coded: the place fills in below)
    return _unique(actor), _unique(recipients)


def _domestic(etype: str, actor: list[Mention]) -> bool:
    sectors = {m.sector for m in actor if m.code}
    if not sectors or sectors & {"MIL", "IGO"} or any(m.kind == "igo" for m in actor):
        return False  # armies act abroad as often as at home
    return etype in DOMESTIC_TYPES or (etype == "ASSAULT" and sectors <= {"COP", "REB"})


def _governs_at_home(actor: list[Mention]) -> bool:
    """One named internal organ of one state (not its army, not an IGO), acting alone: not two sides fighting."""
    coded = [m for m in actor if m.code]
    return len(coded) == 1 and all(
        m.kind != "igo" and m.sector in HOME_ORGANS for m in coded)


def _future_content(tok: Token, actor: list[Mention], actors: ActorIndex) -> bool:
    """A reported clause announcing a future act of the speaker's own side: "warned that police *will* no
    longer tolerate rallies" (not "US commanders warned that China could impose a blockade")."""
    own = {m.code for m in actor if m.code}
    for c in tok.children:
        if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in FUTURE_AUX | WARNED_MODALS for a in c.children):
            doer = {m.code for m in subject_mentions(arguments(c).subject, actors) if m.code}
            if not doer or (own and doer <= own):
                return True
    return False


def _conditional_threat(tok: Token, etype: str, modality: str) -> bool:
    """"will withdraw its force *unless* ...", "may halt mediation *if* ...": an act held over someone."""
    marks = {m.lower_ for c in tok.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"}
    if "unless" in marks:
        return modality in ("future", "hypothetical") or etype in CONFLICT_ACTS
    return "if" in marks and modality in ("future", "hypothetical") and etype in CONFLICT_ACTS | {"ASSAULT"}


def _conditioned(tok: Token) -> bool:
    """"would meet the mediator *if* he gave them a veto": an offer on a condition stays hypothetical."""
    return any(m.dep_ == "mark" and m.lower_ in ("if", "unless", "provided") for c in tok.children if c.dep_ == "advcl"
               for m in c.children)


def _condition_party(tok: Token, actors: ActorIndex, actor: list[Mention]) -> list[Mention]:
    """The subject of the "if"/"unless" clause of a conditional act, when it is another actor."""
    keys = {m.key for m in actor}
    heads = [tok, *(c for c in tok.children if c.dep_ in ("xcomp", "ccomp"))]  # "threatened to stop ... if X"
    for clause in (c for h in heads for c in h.children):
        if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children):
            found = [m for m in mentions_in(arguments(clause).subject, actors) if m.code and m.key not in keys]
            if found:
                return found
    return []


def _content_recipients(tok: Token, args: Arguments, actors: ActorIndex, actor_keys: set[str]) -> list[Mention]:
    """Who a verbal act is aimed at, read from its content: "demanded that Myanmar take back ...",
    "refused to hand over the suspects to Britain", "rejected calls by Belarus", "ruled out talks with the US"."""
    def others(ms: list[Mention]) -> list[Mention]:
        return [m for m in ms if m.key not in actor_keys and m.code]

    for child in tok.children:
        if child.dep_ == "ccomp":
            found = others(mentions_in(arguments(child).subject, actors))
            if found:
                return found
        if child.dep_ in ("xcomp", "ccomp"):  # "vowed that the group would retaliate *against the US*"
            inner = arguments(child)
            for head in [inner.patient, *(h for hs in inner.preps.values() for h in hs)]:
                # "refused to respond to a demand *from the US*": the owner of what the content is about
                found = others(mentions_in(head, actors)) or others(_owners(head, actors))
                if found:
                    return found
    if args.patient is not None and not args.passive:
        return others(actors.in_tokens(args.patient.left_edge.i, args.patient.right_edge.i + 1))
    return []


def subject_mentions(subject: Token | None, actors: ActorIndex) -> list[Mention]:
    """Resolved actors of the subject phrase; an unresolvable noun phrase ("experts") stays, code null.

    A phrase that only names its country in a modifier ("opposition groups in Zimbabwe", "leaders of the
    Fijian rebels") takes that country.
    """
    found = mentions_in(subject, actors)
    ethnic = subject is not None and _ethnic(subject)
    if subject is not None and (ethnic or not any(m.code for m in found)):
        owner = _possessor_state(subject, actors)
        if owner is not None:  # "Pakistan said its air force had shot down ...": the air force is Pakistan's
            return [owner]
        # "opposition groups in Zimbabwe"; "ethnic Albanians in Serbia" are Serbia's, not Albania's
        people = load_patterns().in_class(subject.lemma_.lower(), "PEOPLE")
        for prep in subject.children:
            # "officials in/of X"; "doctors from X" (but "technology from Russia" is no actor of Russia's)
            if prep.dep_ == "prep" and (prep.lower_ in ("in", "of") or (prep.lower_ == "from" and people)):
                inner = [m for obj in prep.children if obj.dep_ == "pobj" for m in mentions_in(obj, actors)
                         if m.code and m.kind in ("state", "igo", "non_state")]
                if inner and prep.lower_ == "in" and inner[0].kind == "state":
                    # "demonstrators in Baghdad" are of Iraq, not its government; "police in Belarus" its police
                    sector = found[0].sector if found else None
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


def _possessor_state(subject: Token, actors: ActorIndex) -> Mention | None:
    """For "its/their <noun>", the state or organisation that is the subject of the clause above."""
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in subject.children):
        return None
    clause = subject.head
    for _ in range(4):
        if clause.head.i == clause.i:
            return None
        clause = clause.head
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        owners = [m for m in mentions_in(subj, actors) if m.code and m.kind in ("state", "igo", "non_state")]
        if owners:
            return owners[0]
    return None


def _nominal_pattern(tok: Token, args: Arguments, ps: PatternSet) -> tuple[Pattern, bool] | None:
    """"staged a hunger strike", "went on strike", "launched an investigation": the noun names the event;
    so does the subject of a verb of occurrence ("protests erupted", "clashes continued")."""
    lemma = ps.lemma_of(tok.text, tok.lemma_.lower())
    if lemma in ps.occurrence_verbs and args.subject is not None and not args.passive:
        hit = ps.noun_trigger(args.subject)
        if hit is not None:
            return _noun_pattern(lemma, hit[0], event_subject=True), True
    if lemma in ps.motion_verbs:  # "flew to Beijing for talks", "returned to Geneva for negotiations"
        for noun in args.preps.get("for", []):
            hit = ps.noun_trigger(noun)
            if hit is not None and hit[0].type == "CONSULT":
                return _noun_pattern(lemma, hit[0], recipient_slots=("pobj:to", "pobj:in", "pobj:with")), True
    if lemma in ps.state_verbs:  # "troops remained *on alert*", "workers are *on strike*": the state is the event
        for noun in args.preps.get("on", []) + args.preps.get("in", []):
            hit = ps.noun_trigger(noun)
            if hit is not None:
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


def _event_noun_parties(noun: Token, etype: str, args: Arguments, actors: ActorIndex
                        ) -> tuple[list[Mention], list[Mention]]:
    """Who takes part in an event named by a noun: "clashes *between X and Y*" (both sides act),
    "*Palestinian* riots *against Israeli policies*", "an offensive *by* the army *on* the city"; the
    phrases may hang on the noun or on its verb ("fighting broke out *between* ...")."""
    def parties(preps: tuple[str, ...]) -> list[Mention]:
        heads = [o for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in preps
                 for o in prep.children if o.dep_ == "pobj"]
        heads += [h for prep in preps for h in args.preps.get(prep, [])]
        return [m for h in heads for m in subject_mentions(h, actors) if m.code]

    sides = parties(("between",))
    if sides:
        return sides, []
    actor = [m for m in mentions_in(noun, actors) if m.code] or parties(("by",))
    recipients = parties(("against", "on", "targeting")) if etype in PLACE_TARGETED | {"ACCUSE"} else []
    if etype == "ASSAULT" and not recipients:
        actor = actor + parties(("with",))  # "clashes with the police": two-sided
    return actor, [m for m in recipients if m not in actor]


def _request_from_obligation(tok: Token, sent_index: int, sent: Span, actors: ActorIndex) -> EventFinding | None:
    """"X said Y must withdraw": X requests of Y (the speaker's own act, so not attributed onward)."""
    content = obligation_content(tok)
    if content is None:
        return None
    actor = subject_mentions(arguments(tok).subject, actors)
    target = arguments(content).subject
    recipients = mentions_in(target, actors)
    if not actor or not any(m.code for m in actor + recipients):
        return None
    return EventFinding(
        type="REQUEST", mode=None, context=[], actors=_unique(actor), recipients=_unique(recipients),
        modality=modality_of(tok), trigger=tok.i, trigger_span=(tok.idx, tok.idx + len(tok)),
        span=_clause_span(tok, actor, recipients, sent), sentence=sent_index, confidence=0.6)


def _location(args: Arguments, actors: ActorIndex, used: list[Mention]) -> Mention | None:
    heads = [h for prep in LOCATION_PREPS for h in args.preps.get(prep, [])] + _nested(args, LOCATION_PREPS)
    # "in a residential sector *of* eastern Beirut", "on the outskirts *of* Kabul": a part of a place
    ps = load_patterns()
    heads += [o for h in heads if ps.in_class(h.lemma_.lower(), "PLACE_PART")
              for p in h.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    for head in heads:
        for m in mentions_in(head, actors):
            if m.kind == "state" and m not in used:
                return m
    return None


def _subject_place(args: Arguments, actors: ActorIndex) -> Mention | None:
    """Where the (unnamed) subject is: "students *throughout Indonesia*", "refugees *in Hungary*"."""
    if args.subject is None:
        return None
    for prep in real_head(args.subject).children:
        if prep.dep_ == "prep" and prep.lower_ in LOCATION_PREPS:
            for obj in prep.children:
                state = next((m for m in mentions_in(obj, actors) if m.kind == "state" and m.code), None)
                if obj.dep_ == "pobj" and state is not None:
                    return state
    return None


def _sole_state(sent: Span, args: Arguments, actors: ActorIndex) -> Mention | None:
    """The one state a sentence names, if it names exactly one and it is not part of a subject already
    found to be no actor ("Arms *from Iran* killed ...")."""
    inside = {t.i for t in args.subject.subtree} if args.subject is not None else set()
    states = [m for m in actors.in_tokens(sent.start, sent.end) if m.kind == "state" and m.code]
    if len({m.code for m in states}) != 1 or any(m.head in inside for m in states):
        return None
    return states[0]


def _home_country(actor: list[Mention], sector: str | None) -> list[Mention]:
    """The (single) country the actors belong to, as `sector`, named where they are named."""
    home = {m.code for m in actor if m.code and m.kind != "igo"}
    if len(home) != 1:
        return []
    m = next(m for m in actor if m.code in home)
    return [replace(m, sector=sector, kind="state", key=actor_key("state", m.code, sector, m.name))]


def _is_purpose(tok: Token) -> bool:
    """"staged a strike *to demand* reforms", "opened fire *to disperse* them": the goal of an act."""
    return tok.dep_ in ("advcl", "xcomp") and to_infinitive(tok)


def _alleged(tok: Token) -> bool:
    """"suspected of *blowing up* a plane", "jailed for *collaborating*": what someone is accused of."""
    if tok.dep_ != "pcomp" or tok.head.lower_ not in ("of", "for", "with"):
        return False
    governor, ps = tok.head.head, load_patterns()
    return ps.lemma_of(governor.text, governor.lemma_.lower()) in ps.allegation_words


def _in_relative_clause(tok: Token) -> bool:
    """Inside a relative clause or its complements ("a resolution that aims *to tighten* sanctions")."""
    cur = tok
    for _ in range(4):
        if cur.dep_ in ("relcl", "acl"):
            return True
        if cur.dep_ not in ("xcomp", "conj", "ccomp") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _suppressed(tok: Token, coded: dict[int, str], main_coded: bool) -> bool:
    """Not an event of its own (DESIGN.md's "what is not an event", and one event per happening):
    the antecedent of a condition; the content of a verbal act coded above it; the purpose of a coded act;
    a participle or conjunct restating a coded act of the same type ("attacked the camp, killing 156");
    a background relative clause when the sentence's main clause already carries an event."""
    if is_condition(tok) or _alleged(tok):
        return True
    if main_coded and _in_relative_clause(tok):
        return True
    head = tok.head
    if head.i != tok.i and head.i in coded:
        if _is_purpose(tok):
            return True
        if coded[head.i] == "PROTEST" and tok.dep_ in ("advcl", "xcomp"):
            return True  # "blocked roads demanding reforms": the demand is what the protest says
        if tok.dep_ in ("advcl", "conj") and tok.tag_ == "VBG" or tok.dep_ == "conj":
            patterns = load_patterns().for_token(tok)
            if any(p.type == coded[head.i] for p in patterns):
                return True
    cur = tok
    for _ in range(4):
        # a conjunct shares its head's role ("refused to allow planes to land *and evacuate*") unless the head
        # is an event of its own ("accused X *and recalled* its envoy")
        content_conj = cur.dep_ == "conj" and cur.head.i not in coded
        if (cur.dep_ not in CONTENT_DEPS and not content_conj) or cur.head.i == cur.i:
            return False
        said = cur.dep_ == "ccomp" and cur.head.lemma_.lower() in load_cues().reporting_verbs
        cur = cur.head
        if coded.get(cur.i) in CONTENT_TAKING:
            return True
        if said and cur.head.i in coded and cur.dep_ in ("advcl", "xcomp"):
            return True  # "staged rallies, *saying* he must resign": what the actors say while acting is a claim
    return False


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


def code_sentence(sent: Span, index: int, actors: ActorIndex, ps: PatternSet) -> list[EventFinding]:
    found: list[EventFinding] = []
    coded: dict[int, str] = {}
    # heads before dependents, so a verbal act is coded before its content is considered
    for tok in sorted(sent, key=lambda t: _depth(t)):
        if tok.pos_ not in TRIGGER_POS:
            continue
        if _suppressed(tok, coded, main_coded=any(_in_main_clause(sent[i - sent.start]) for i in coded)):
            continue
        request = _request_from_obligation(tok, index, sent, actors)
        if request is not None:
            coded[tok.i] = request.type
            found.append(request)
            continue
        patterns = ps.for_token(tok)
        args = arguments(tok)
        nominal = _nominal_pattern(tok, args, ps)
        if nominal is not None:
            # a named compound ("hunger strike", "general strike") is more specific than an object class
            pattern, compound = nominal
            patterns = [pattern, *patterns] if compound else [*patterns, pattern]
        for p in patterns:
            matched = _match(p, tok, args, actors)
            if matched is None:
                continue
            actor, recipients = matched
            modality = modality_of(tok)
            etype, mode = p.type, p.mode
            cooperative = ONTOLOGY.spec(etype).quad in COOPERATIVE_QUADS
            announced = declared_intent(tok) or self_announced_future(tok)
            if _conditional_threat(tok, etype, modality):
                etype, mode, modality = "THREATEN", None, "asserted"
            elif modality == "negated" and announced:
                # "said he would not provide support": an actor refusing is REJECT, a fact in itself
                etype, mode, modality = "REJECT", None, "asserted"
            elif etype in CONFLICT_ACTS and announced:
                # an actor declaring its own hostile act ("ready to impose", "said they would boycott") threatens
                etype, mode, modality = "THREATEN", None, "asserted"
            elif etype == "AGREE" and _content_type(tok, actors, ps) in CONFLICT_ACTS | {"ASSAULT"}:
                etype, mode = "THREATEN", None  # "vowed to march on the capital"
            elif cooperative and (modality == "future" or declared_intent(tok) or (announced and not _conditioned(tok))):
                # DESIGN.md: a promised cooperative act is AGREE; the futurity is in the type
                etype, mode, modality = "AGREE", None, "asserted"
            if etype == "THREATEN":
                # "threatened to halt talks if the United States deploys missiles": aimed at the US, whatever
                # the threatened act names ("threatened to ban voting in Jerusalem if Hamas ran": at Hamas)
                recipients = _condition_party(tok, actors, actor) or recipients
            location = _location(args, actors, actor + recipients)
            if location is not None and location.kind == "state":
                # "killed three ethnic Albanians in southern Serbia": an ethnic group is of the state it lives in
                recipients = [location if _ethnic(sent.doc[m.head]) and m.code != location.code else m
                              for m in recipients]
            if not any(m.code for m in actor) and etype in LOCAL_ACTOR_TYPES and (
                    home := location or _subject_place(args, actors) or _sole_state(sent, args, actors)) is not None:
                # "people blocked streets in Hong Kong", "a roadside bomb near Samarra killed ...": unnamed
                # actors are of the place where they act (CAMEO/PLOVER convention)
                actor = [replace(home, sector=actor[0].sector if actor else None)]
            if p.event_subject and len({m.key for m in actor}) > 1:
                pass  # "clashes between X and Y": both sides act, no recipient (DESIGN.md)
            elif not any(m.code for m in recipients) and etype in PLACE_TARGETED and location is not None \
                    and location.code:
                recipients = [location]  # "attacked a restaurant in Mogadishu": the violence is done to Somalia
            elif not recipients and etype in HOME_TARGETED:
                recipients = _home_country(actor, HOME_TARGETED[etype])
            elif not recipients and _governs_at_home(actor) and ps.classes.get("HOME_MEASURE", frozenset()) & (
                    _object_lemmas(args)):
                # "prepared to impose martial law", "lifted the ban on the FIS": a government's measure at home
                recipients = _home_country(actor, None)
            elif not recipients and etype in SELF_DIRECTED and _governs_at_home(actor):
                # "police opened fire ... arresting 12", "the junta imposed martial law": a state's own organs
                # coercing unnamed people act on their own country (CAMEO/PLOVER convention)
                recipients = _home_country(actor, None)
            elif recipients and not any(m.code for m in recipients) and _domestic(etype, actor):
                # "Egyptian police dispersed demonstrators", "the Sudanese government accused rebels": unnamed
                # people acted on by a state's own organs are that state's (CAMEO/PLOVER convention)
                recipients = _home_country(actor, recipients[0].sector) or recipients
            coded[tok.i] = etype
            found.append(EventFinding(
                type=etype, mode=mode, context=list(p.context), actors=actor, recipients=recipients,
                modality=modality, trigger=tok.i, trigger_span=(tok.idx, tok.idx + len(tok)),
                span=_clause_span(tok, actor, recipients, sent), sentence=index,
                confidence=_confidence(p, actor, recipients, modality),
                location=location,
            ))
            break
    return found


def _content_type(tok: Token, actors: ActorIndex, ps: PatternSet) -> str | None:
    """The event type of what a verbal act promises ("vowed to *march on* the capital" -> ASSAULT,
    "vowed that the group would *retaliate*")."""
    for child in tok.children:
        if child.dep_ not in ("xcomp", "ccomp"):
            continue
        args = arguments(child)
        for p in ps.for_token(child):
            if _match(p, child, args, actors) is not None:
                return p.type
    return None


def _in_main_clause(tok: Token) -> bool:
    """The sentence root, or verbs joined to it by coordination/reporting (not subordinate clauses)."""
    while tok.head.i != tok.i:
        if tok.dep_ not in ("conj", "ccomp", "xcomp"):
            return False
        tok = tok.head
    return True


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok = tok.head
        depth += 1
    return depth


def code_events(doc: Doc, actors: ActorIndex) -> list[EventFinding]:
    ps = load_patterns()
    events: list[EventFinding] = []
    for index, sent in enumerate(doc.sents):
        events.extend(code_sentence(sent, index, actors, ps))
    return events
