"""Who acts on whom: the recipient slots a pattern names, the owners of what is acted on, the attacker
named in an attack phrase, the parties of an event noun, the place an event happens in.

Every function reads the parse around one trigger and returns actor mentions; which of them a pattern
keeps is decided in `frames`, the conventions that fill in unnamed parties in `conventions`.
"""

from __future__ import annotations

from spacy.tokens import Token

from dotterel import language
from dotterel.actors.kb import load as load_kb
from dotterel.actors.parties import subject_mentions
from dotterel.actors.phrases import mentions_in, phrase_tokens, real_head
from dotterel.events.arguments import Arguments, arguments, is_purpose, noun_owner
from dotterel.events.ontology import ONTOLOGY
from dotterel.events.patterns import PatternSet
from dotterel.findings import ActorIndex, Mention

LOCATION_PREPS = language.ordered("prepositions", "location")  # tried in order
ATTACK_PREPS = language.ordered("prepositions", "attack")
OWNER_PREPS = language.words("prepositions", "owner")
OWNER_PARTICIPLES = language.words("prepositions", "owner_participle")
# the party a thing is directed at or shared with: "sales *to Iran*", "a truce *with* the rebels", "a
# commitment *to* the Zambian people"
PARTY_PREPS = OWNER_PREPS | language.words("prepositions", "party")
THREAT_CONDITIONS = language.words("conditions", "threat")
REFUSAL_CONDITIONS = language.words("conditions", "refusal")
DESTINATION_SLOTS = frozenset({"pobj:to", "pobj:into"})
TARGET_PREPS = frozenset({"on", "against", "at", "targeting"})  # an attack noun's target
IN_PREP = frozenset({"in"})
PERSON_PRONOUNS = language.words("pronouns", "person")
PLURAL_PRONOUNS = language.words("pronouns", "plural")


def slot(name: str, args: Arguments, actors: ActorIndex, ps: PatternSet, own_ok: bool = True) -> list[Mention]:
    """The actors filling one recipient slot of a pattern ("dobj", "pobj:<prep>", "nested:<prep>"); `own_ok`
    false: a group "its" makes someone's is left to the caller, which looks for another party first."""
    if name in ("dobj", "dobj_owner"):
        # in the passive the grammatical subject is the one acted on ("civilians were killed")
        patient = shared_object(args.patient)
        heads = [patient] if patient is not None else []
        found = mentions_in(patient, actors) or owners(patient, actors)
        # "settlements *in* the Gaza Strip", "observers *from* the OSCE", "closed *its* embassy *in* Kenya" (whose
        # the thing is, by a pronoun, is most often the actor's own: where it is names the party)
        if not any(m.code for m in found
                   if not _pronoun_owner(m, heads) and not (patient is not None and _own_by_pronoun(m, patient))):
            found = [m for m in owners(patient, actors, frozenset({"in", "from"})) if m.code] or found
    else:
        if name.startswith("nested:"):  # "advised against travel *to Tunisia*": one phrase further down
            heads = nested(args, (name[7:],))
        else:
            heads = args.preps.get(name[5:] if name.startswith("pobj:") else name, [])
        found = []
        for head in heads:
            found.extend(m for m in mentions_in(head, actors) if m not in found)
    named = [m for m in found if not _pronoun_owner(m, heads)]
    # "condemned the arrest of *its citizens* in Kenya": a group "its" makes someone's is most often the actor's
    # own, the party only when no other is named ("ordered its armed forces to ...")
    own = [m for m in named if m.code and heads and _own_by_pronoun(m, heads[0])]
    named = [m for m in named if m not in own]
    if any(m.code for m in named):
        return [m for m in found if m not in own]
    # "sent troops to a peacekeeping force *in Liberia*": a destination naming no one is where it is;
    # "pulled out of talks *with Venezuela*", "reopened its border *with Armenia*": the noun names the party
    destination = name in DESTINATION_SLOTS
    inner = frozenset({"in", "inside"} if destination else {"with", "between"})
    heads = [h for h in heads if destination or names_other_party(h, ps)]
    found = [m for head in heads for m in owners(head, actors, inner)
             if m.code and (m.kind == "state" or not destination)]
    if not found and heads and name in ("dobj", "dobj_owner"):
        # "rejected the border deal *with Turkey*": the parser hangs the object's other party on the verb
        found = [m for prep in ("with", "between") for o in args.preps.get(prep, []) for m in mentions_in(o, actors)
                 if m.code]
    return found or (own if own_ok else []) or named


def shared_object(patient: Token | None) -> Token | None:
    """"expelled six Venezuelan envoys, *accusing them* of spying": the object pronoun of a participle clause
    stands for the object of the verb it hangs on, when their number agrees; any other object is itself."""
    if patient is None or patient.tag_ != "PRP" or patient.dep_ not in ("dobj", "obj"):
        return patient
    clause = patient.head
    if clause.dep_ != "advcl" or clause.tag_ != "VBG" or clause.i < clause.head.i:
        return patient
    obj = next((c for c in clause.head.children if c.dep_ in ("dobj", "obj") and c.i < clause.i), None)
    if obj is None or obj.pos_ == "PRON":
        return patient
    plural = obj.tag_ in ("NNS", "NNPS")
    word = patient.lower_
    agrees = (word in PLURAL_PRONOUNS and plural) or (word in PERSON_PRONOUNS and not plural)
    return obj if agrees else patient


def _pronoun_owner(m: Mention, heads: list[Token]) -> bool:
    """"massed troops on *its* border with Ukraine": a possessive pronoun says whose the place is, most often
    the actor's own; the phrase's other party comes first."""
    if not heads:
        return False
    tok = heads[0].doc[m.head]
    kb = load_kb()  # "his", "its" (not "our" in a quote, which is the speaker's own side)
    return tok.dep_ == "poss" and tok.pos_ == "PRON" and (
        kb.is_word("person_possessive", tok.lower_) or kb.is_word("singular_possessive", tok.lower_))


def _own_by_pronoun(m: Mention, tok: Token) -> bool:
    """"agreed to withdraw *its troops* from Uganda": a group "its" makes someone's, in what an act is about, is
    most often the actor's own side; the place or party next to it is the one acted on."""
    head = tok.doc[m.head]
    # ("their *U.S.* counterparts": a state named in the phrase says whose they are)
    kb = load_kb()  # "its" (a state's or a body's), not "his" ("warned his troops to expect attacks" addresses them)
    return m.token_start < head.i and any(
        c.dep_ == "poss" and c.pos_ == "PRON" and c.i == m.token_start and kb.is_word("singular_possessive", c.lower_)
        for c in head.children) and not any(
        t.pos_ == "PROPN" or t.text[:1].isupper() for t in tok.doc[m.token_start + 1:m.token_end])


def names_other_party(noun: Token, ps: PatternSet) -> bool:
    """Talks, agreements, relations and borders carry their other party in a "with"/"between" phrase."""
    return any(ps.in_class(noun.lemma_.lower(), c) for c in ("TALKS", "AGREEMENT", "RELATIONS", "BORDER"))


def purpose_parties(args: Arguments, tok: Token, actors: ActorIndex, ps: PatternSet) -> list[Mention]:
    """Whom an act is meant to help: "sent troops *to back the government in Tripoli*"."""
    for clause in tok.children:
        if is_purpose(clause) and ps.in_class(clause.lemma_.lower(), "HELPING"):
            obj = next((c for c in clause.children if c.dep_ in ("dobj", "obj")), None)
            found = [m for m in mentions_in(obj, actors) or owners(obj, actors) if m.code] or [
                m for h in (clause, obj) for m in owners(h, actors, IN_PREP)  # "back the government *in Tripoli*"
                if m.code and m.kind == "state"]
            if found:
                return found
    return []


def owners(thing: Token | None, actors: ActorIndex, preps: frozenset[str] = OWNER_PREPS, deep: bool = True
           ) -> list[Mention]:
    """Whose the acted-on thing is, when it names no actor itself: "a camp *for Congolese refugees*",
    "the positions *of the rebels*", "homes *belonging to* settlers"."""
    if thing is None:
        return []
    for prep in thing.children:
        participle = False
        if prep.dep_ == "prep" and prep.lower_ in preps:
            objs = [obj for obj in prep.children if obj.dep_ == "pobj"]
        elif prep.dep_ == "acl" and "of" in preps and (prep.lower_ in OWNER_PREPS or prep.lower_ in OWNER_PARTICIPLES):
            # "plants *belonging to* X", "a base *run by* X": the participle the parser makes of it (a coded
            # owner only: "ground held by the 5th unit" names no party)
            objs = [o for p in prep.children if p.dep_ in ("prep", "agent") and p.lower_ in ("to", "by")
                    for o in p.children if o.dep_ == "pobj"]
            participle = True
        else:
            continue
        if objs:
            found = [m for obj in objs for m in mentions_in(obj, actors) if m.code or not participle]
            if not found and preps is PARTY_PREPS:  # "an embargo on arms sales *to Vietnam*": one more step
                found = [m for obj in objs for m in owners(obj, actors, OWNER_PREPS | {"to", "with"})]
            if not any(m.code for m in found) and deep and preps is OWNER_PREPS and not participle:
                # "the assets *of firms owned by* the Syrian army": the owner's own owner, one step, coded only
                found = [m for obj in objs for m in owners(obj, actors, OWNER_PREPS, deep=False) if m.code] or found
            if found:
                return found
    return []


def slot_owners(args: Arguments, slots: tuple[str, ...], actors: ActorIndex, own_ok: bool = True) -> list[Mention]:
    """"tighten the naval blockade *of Serbia*", "hack into the computers *of South Korean officers*": the
    acted-on thing's owner (a destination's "with" is no party: "deployed troops to its border *with Guyana*")."""
    things = [(args.patient, PARTY_PREPS)] + [
        (h, OWNER_PREPS if s in DESTINATION_SLOTS else PARTY_PREPS)
        for s in slots if s.startswith("pobj:") for h in args.preps.get(s[5:], [])]
    found = [(t, [m for m in owners(t, actors, preps) if m.code]) for t, preps in things if t is not None]
    # a group "its" makes someone's is the party only when no other owner is named ("the release of its citizens
    # held in Kenya"); `own_ok` false: the caller looks for that other party in the act's content first
    return next((f for t, f in found if f and not all(_own_by_pronoun(m, t) for m in f)), None) or next(
        (f for _, f in found if f and own_ok), [])


def attack_phrase(args: Arguments, ps: PatternSet) -> Token | None:
    """The attack an outcome happened in: "killed *in an air strike*", "wounded *during shelling*"."""
    heads = [h for prep in ATTACK_PREPS for h in args.preps.get(prep, [])] + nested(args, ("of",))
    for head in heads:  # "died as a result *of torture*": one phrase further down
        if ps.names_event(head, "ASSAULT", "ATTACK"):
            return head
    return None


def attackers(attack: Token, actors: ActorIndex, ps: PatternSet) -> list[Mention]:
    """Who carried out an attack: its modifiers ("an *Israeli* air strike") or its "by" phrase."""
    found = [m for m in mentions_in(attack, actors) if m.code]
    if found:
        return found
    # its "by" phrase, or that of a participle on it: "an attack *carried out by* the rebels" (not of one
    # judging or telling of it: "the bombing, *condemned by* Spain" names a critic)
    reaction = ps.word_class("REACTION")
    preps = [c for c in attack.children if c.dep_ == "prep" and c.lower_ in ("by", "from")] + [
        a for c in attack.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() not in reaction
        for a in c.children if a.dep_ == "agent"]
    for prep in preps:
        found = [m for o in prep.children if o.dep_ == "pobj" for m in subject_mentions(o, actors, ps) if m.code]
        if found:
            return found
    return []


ANSWER_PREPS = frozenset({"for", "to", "against"})


def answered_parties(tok: Token, args: Arguments, actors: ActorIndex, ps: PatternSet, actor: list[Mention]
                     ) -> list[Mention]:
    """Whom a hostile act answers: the doer of the act it retaliates for ("retaliated *for the Chilean raid*",
    "expelled the envoy *in reprisal for Peru's seizure* of the boat", "*in response to* shelling *by* the
    rebels"), never the actor itself nor a disaster's place ("in response to the Peruvian earthquake")."""
    acts = list(args.preps.get("for", [])) if ps.in_class(tok.lemma_.lower(), "RETALIATION") else []
    for head in args.preps.get("in", []) + args.preps.get("as", []):
        if ps.in_class(head.lemma_.lower(), "RETALIATION"):
            acts += [o for p in head.children if p.dep_ == "prep" and p.lower_ in ANSWER_PREPS
                     for o in p.children if o.dep_ == "pobj"]
    own = {m.code for m in actor if m.code}
    for act in acts:
        if ps.in_class(act.lemma_.lower(), "NATURE"):
            continue
        found = [m for m in attackers(act, actors, ps) if m.code and m.code not in own]
        if found:
            return found
    return []


def nested(args: Arguments, preps: tuple[str, ...]) -> list[Token]:
    """Objects of `preps` one phrase further down: "fired at targets *in Gaza*", "for a war *against Iraq*"."""
    found: list[Token] = []
    for heads in args.preps.values():
        for head in heads:
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in preps:
                    found.extend(c for c in prep.children if c.dep_ == "pobj")
    return found


def unique(mentions: list[Mention]) -> list[Mention]:
    """One mention per actor (uncoded ones by their words)."""
    out: list[Mention] = []
    keys: set[tuple[str | None, str | None, str]] = set()
    for m in mentions:
        k = (m.code, m.sector, m.key if m.code is None else "")
        if k not in keys:
            keys.add(k)
            out.append(m)
    return out


def event_noun_parties(noun: Token, etype: str, args: Arguments, actors: ActorIndex, ps: PatternSet
                       ) -> tuple[list[Mention], list[Mention]]:
    """Who takes part in an event named by a noun: "clashes *between X and Y*" (both sides act),
    "*Palestinian* riots *against Israeli policies*", "an offensive *by* the army *on* the city"; the
    phrases may hang on the noun or on its verb ("fighting broke out *between* ...")."""
    def parties(preps: tuple[str, ...]) -> list[Mention]:
        heads = [o for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in preps
                 for o in prep.children if o.dep_ == "pobj"]
        heads += [h for prep in preps for h in args.preps.get(prep, [])]
        return [m for h in heads for m in subject_mentions(h, actors, ps) if m.code]

    sides = parties(("between",))
    if sides:
        return sides, []
    actor = [m for m in mentions_in(noun, actors) if m.code] or parties(("by",))
    targeted = ONTOLOGY.has(etype, "place_targeted") or etype == "ACCUSE"
    recipients = parties(("against", "on", "targeting")) if targeted else []
    if etype == "ASSAULT" and not recipients:
        actor = actor + parties(("with",))  # "clashes with the police": two-sided
    return actor, [m for m in recipients if m not in actor]


def location(args: Arguments, actors: ActorIndex, used: list[Mention], ps: PatternSet) -> Mention | None:
    """The state an event happens in: "*in* Mogadishu", "on the outskirts *of* Kabul"."""
    heads = [h for prep in LOCATION_PREPS for h in args.preps.get(prep, [])] + nested(args, LOCATION_PREPS)
    for head in with_place_parts(heads, ps):
        for m in mentions_in(head, actors):
            if m.kind == "state" and m not in used:
                return m
    return None


def with_place_parts(heads: list[Token], ps: PatternSet) -> list[Token]:
    """The heads and the places they are part of: "in a residential sector *of* eastern Beirut", "on the
    outskirts *of* Kabul", "near the town *of* Samarra"."""
    return heads + [o for h in heads if ps.in_class(h.lemma_.lower(), "PLACE_PART") for p in h.children
                    if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]


def subject_place(args: Arguments, actors: ActorIndex, ps: PatternSet) -> Mention | None:
    """Where the (unnamed) subject is: "students *throughout Indonesia*", "refugees *in Hungary*", "a
    bombing *near the town of* Samarra"."""
    if args.subject is None:
        return None
    objs = [obj for prep in real_head(args.subject).children if prep.dep_ == "prep" and prep.lower_ in LOCATION_PREPS
            for obj in prep.children if obj.dep_ == "pobj"]
    for obj in with_place_parts(objs, ps):
        state = next((m for m in mentions_in(obj, actors) if m.kind == "state" and m.code), None)
        if state is not None:
            return state
    return None


def text_author(tok: Token, actors: ActorIndex, ps: PatternSet) -> list[Mention]:
    """Who speaks through a text that does the act: "posted a message *blaming* Iran", "passed a resolution
    *calling for* sanctions": the text's owner, else the one who issued it."""
    text = tok.head
    if text.dep_ == "pobj" and not ps.in_class(text.lemma_.lower(), "PUBLICATION"):
        text = text.head.head  # "a message on Twitter blaming ...": the parser hangs it on the nearer noun
    if tok.dep_ != "acl" or tok.tag_ != "VBG" or not ps.in_class(text.lemma_.lower(), "PUBLICATION"):
        return []
    owner = noun_owner(text)
    if owner is None:
        # "under a *government* decree ordering ...", "a *UN* resolution calling for ...": the issuer named before it
        mods = [c for c in text.children if c.dep_ in ("compound", "amod") and c.i < text.i]
        issuer = [m for m in actors.in_tokens(min(c.left_edge.i for c in mods), text.i) if m.code] if mods else []
        if issuer:
            return issuer
    if owner is None and text.dep_ in ("dobj", "obj"):
        owner = arguments(text.head, ps.stative_participles).subject
    return [m for m in subject_mentions(owner, actors, ps) if m.code] if owner is not None else []


def victim_tokens(patient: Token | None, ps: PatternSet, tok: Token | None = None) -> frozenset[int]:
    """The words of the acted-on phrase itself ("two *Iranian* boats", "thousands *of Kenyans*"), not a
    place inside it ("a part *of Syria's* second city"), and of the objects of verbs coordinated with the
    trigger ("fired on the crowd and killed two *Kenyan* students"): whom an act is done to is never its actor."""
    objects = [patient] if patient is not None else []
    if tok is not None:
        objects += [o for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"
                    for o in c.children if o.dep_ in ("dobj", "obj", "nsubjpass")]
    out: set[int] = set()
    for obj in objects:
        place = ps.in_class(obj.lemma_.lower(), "PLACE_PART")
        head = obj if place else real_head(obj)
        out.update(t.i for t in phrase_tokens(head))
        if not place:  # whose the thing hit is ("homes *belonging to* Kenyan farmers") suffered it too
            out.update(t.i for c in head.children if _owner_phrase(c) for t in c.subtree)
        if ps.names_event(head, "ASSAULT", "ATTACK"):  # "launched attacks *on Kenyan ships*": their target
            out.update(t.i for c in head.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS for t in c.subtree)
    return frozenset(out)


def readiness_chain(tok: Token) -> list[Token]:
    """The trigger and the predicates of readiness it completes ("is *ready* to respond"), nearest first."""
    chain = [tok]
    while len(chain) < 3 and chain[-1].dep_ in ("xcomp", "acomp") and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _conditions(heads: list[Token], marks: frozenset[str] = THREAT_CONDITIONS) -> list[Token]:
    return [c for h in heads for c in h.children
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)]


def held_over(tok: Token, actors: ActorIndex, ps: PatternSet) -> bool:
    """"will respond *if NATO deploys missiles*", "is ready to take measures *unless Oslo* ...": the act is
    held over a named party on a condition (its own clause, or that of the readiness it completes)."""
    return any(m.code for clause in _conditions(readiness_chain(tok))
               for m in mentions_in(arguments(clause, ps.stative_participles).subject, actors))
def _owner_phrase(c: Token) -> bool:
    """"belonging to settlers", "run by the army": a phrase saying whose a thing is ("of" is left out: "the
    governor *of the X region*" names where as often as whose, and the place keeps the local actor)."""
    return (c.dep_ == "prep" and c.lower_ in OWNER_PREPS - {"by", "from", "for", "of"}) or (
        c.dep_ == "acl" and (c.lower_ in OWNER_PREPS or c.lower_ in OWNER_PARTICIPLES))


def condition_party(tok: Token, actors: ActorIndex, actor: list[Mention], ps: PatternSet,
                    marks: frozenset[str] = THREAT_CONDITIONS) -> list[Mention]:
    """The subject of the "if"/"unless" clause of a conditional act (`marks`: of a refusal, "until" too), when
    it is another actor."""
    keys = {m.key for m in actor}
    # "threatened to stop ... if X", "is ready to respond if X"
    heads = [*readiness_chain(tok), *(c for c in tok.children if c.dep_ in ("xcomp", "ccomp"))]
    for clause in _conditions(heads, marks):
        found = [m for m in mentions_in(arguments(clause, ps.stative_participles).subject, actors)
                 if m.code and m.key not in keys]
        if found:
            return found
    return []


def accused_in_clause(tok: Token, actors: ActorIndex, actor_keys: set[str], ps: PatternSet) -> list[Mention]:
    """"filed a case at the court, *accusing Kenya* of genocide": the one a participle clause accuses is whom
    the act of disapproval is against (a clause of its own subject says what someone else did)."""
    for clause in tok.children:
        if clause.dep_ == "advcl" and clause.tag_ == "VBG" and ps.in_class(clause.lemma_.lower(), "ACCUSING") \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children):
            obj = next((c for c in clause.children if c.dep_ in ("dobj", "obj")), None)
            found = [m for m in mentions_in(shared_object(obj), actors) if m.code and m.key not in actor_keys]
            if found:
                return found
    return []


def content_recipients(tok: Token, args: Arguments, actors: ActorIndex, actor_keys: set[str], ps: PatternSet,
                       own_ok: bool = True) -> list[Mention]:
    """Who a verbal act is aimed at, read from its content: "demanded that Myanmar take back ...",
    "refused to hand over the suspects to Britain", "rejected calls by Belarus", "ruled out talks with the US"
    (`own_ok` false: not a group "its" makes the actor's own)."""
    def others(ms: list[Mention]) -> list[Mention]:
        return [m for m in ms if m.key not in actor_keys and m.code]

    own: list[Mention] = []

    def acted_on(ms: list[Mention]) -> list[Mention]:
        # "agreed to withdraw *its troops* from Uganda": a group "its" makes someone's is most often the actor's
        # own side, the party only when no other is named ("ordered its armed forces to defend ...")
        found = others(ms)
        own.extend(m for m in found if _own_by_pronoun(m, tok) and m not in own)
        return [m for m in found if not _own_by_pronoun(m, tok)]

    for child in tok.children:
        if child.dep_ == "ccomp":  # (a subject of the actor's own keeps the act its own: "said its jets had ...")
            found = others(mentions_in(arguments(child, ps.stative_participles).subject, actors))
            if found:
                return found
        if child.dep_ in ("xcomp", "ccomp"):  # "vowed that the group would retaliate *against the US*"
            inner = arguments(child, ps.stative_participles)
            for head in [inner.patient, *(h for hs in inner.preps.values() for h in hs)]:
                # "refused to respond to a demand *from the US*": the owner of what the content is about
                found = acted_on(mentions_in(head, actors)) or acted_on(owners(head, actors))
                if found:
                    return found
    if args.patient is not None and not args.passive:
        found = acted_on(actors.in_tokens(args.patient.left_edge.i, args.patient.right_edge.i + 1))
        if found:
            return found
    return own if own_ok else []
