"""The DESIGN.md and CAMEO/PLOVER conventions of the coder, each a named function.

A pattern says which words code which type between which grammatical slots; these rules say what the
type becomes when the act is announced, promised or held over someone, and who the parties are when
the text leaves them unnamed (the place, the actor's own country). Which types each rule applies to is
data: the convention columns of data/events/plover.csv.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Span, Token

from dotterel import language
from dotterel.actors.kb import load as load_kb
from dotterel.actors.drafts import actor_key
from dotterel.actors.phrases import mentions_in, real_head
from dotterel.actors.parties import ethnic, home_country, home_state, sole_state, source_tokens, subject_mentions
from dotterel.events.arguments import Arguments
from dotterel.events.modality import declared_intent, self_announced_future
from dotterel.events.ontology import ONTOLOGY
from dotterel.events.patterns import PatternSet, noun_keys
from dotterel.events.parties import readiness_chain, subject_place, victim_tokens
from dotterel.findings import ActorIndex, Mention
from dotterel.model import Modality

HOME_ORGANS = frozenset({"GOV", "COP", "JUD", "REB"})
# the state itself and its executive organs: whose own country is their own side (`own_side`); a legislature
# judging its own state's acts ("the Senate backed the U.S. strike") is a domestic dyad
OWN_SIDE_SECTORS = frozenset({None, "GOV", "MIL", "COP", "JUD"})
# acts aimed at someone named, whoever it is: its own people too (`own_side`)
ADDRESSED_ACTS = frozenset({"AGREE", "THREATEN", "REQUEST"})
OFFER_CONDITIONS = language.words("conditions", "offer")
FUTURE_AUX = language.words("auxiliaries", "future", "self_future")
REFUSAL_AUX = language.words("auxiliaries", "refusal")
ACCEPTING = frozenset({"AGREE", "SUPPORT"})  # acceptance refused with a modal is a rejection
# "will not be lifted", "would not withdraw", "won't free": a concession announced as not to be made
REFUSED_AUX = language.words("auxiliaries", "self_future")
REPORTING_VERBS = language.words("reporting", "event")


def _conflict_act(etype: str) -> bool:
    return ONTOLOGY.has(etype, "conflict_act")


def retyped(tok: Token, etype: str, mode: str | None, modality: Modality,
            content_type: Callable[[], str | None], not_tolerated: frozenset[str] = frozenset(),
            coded_doer: bool = True) -> tuple[str, str | None, Modality]:
    """Type, mode and modality of an act as announced (DESIGN.md): a conditional act is a threat, an announced
    refusal a REJECT, a declared hostile act a threat, a promised cooperative act AGREE. `content_type` gives
    the type of what a verbal act promises (computed only when asked); `not_tolerated`: the verbs whose
    announced refusal warns someone off ("will not allow ships to drill"), a threat; `coded_doer`: the act has
    a coded actor (a concession that "will not be made" is a refusal only by a party, not an analyst's guess)."""
    cooperative = ONTOLOGY.spec(etype).cooperative
    announced = declared_intent(tok) or self_announced_future(tok)
    if conditional_threat(tok, etype, modality):
        return "THREATEN", None, "asserted"
    if modality == "negated" and tok.lemma_.lower() in not_tolerated and (announced or _future_aux(tok)):
        return "THREATEN", None, "asserted"
    if coded_doer and refused_concession(tok, etype, modality):
        # "the curfew will not be lifted", "troops would not be withdrawn": refusing to yield (CAMEO 124)
        return "REJECT", None, "asserted"
    if modality == "negated" and (announced or (etype in ACCEPTING and _refusal_aux(tok))):
        # "said he would not provide support", "cannot accept the plan": an actor refusing is REJECT, a fact
        return "REJECT", None, "asserted"
    if etype == "REJECT" and announced:
        return "REJECT", mode, "asserted"  # "said they would oppose the plan": the refusal is announced, a fact
    if _conflict_act(etype) and announced:
        # an actor declaring its own hostile act ("ready to impose", "said they would boycott") threatens
        return "THREATEN", None, "asserted"
    if etype == "AGREE" and (content := content_type()) is not None and (
            _conflict_act(content) or content == "ASSAULT"):
        return "THREATEN", None, modality  # "vowed to march on the capital"
    if cooperative and (modality == "future" or declared_intent(tok) or (announced and not conditioned(tok))):
        # DESIGN.md: a promised cooperative act is AGREE; the futurity is in the type
        return "AGREE", None, "asserted"
    return etype, mode, modality


def _future_aux(tok: Token) -> bool:
    """"will not allow", "would not tolerate": the refusal is announced for the future."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tok.children)


def refused_concession(tok: Token, etype: str, modality: Modality) -> bool:
    """A concession negated with a future auxiliary ("will not be lifted", "would not withdraw") is refused;
    negated without one ("was not lifted", "have not been eased") it is a fact that did not happen."""
    return modality == "negated" and ONTOLOGY.has(etype, "concession") and any(
        c.dep_ == "aux" and c.lower_ in REFUSED_AUX for c in tok.children)


def refusing_speaker(tok: Token, actors: ActorIndex, ps: PatternSet) -> list[Mention]:
    """Who announces that a concession will not be made when its sentence names no doer: the coded speaker of
    the reporting verb whose content it is ("the curfew will not be lifted, *the ministry* said")."""
    if tok.dep_ not in ("ccomp", "parataxis") or tok.head.lemma_.lower() not in REPORTING_VERBS:
        return []
    speaker = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    return [m for m in subject_mentions(speaker, actors, ps) if m.code] if speaker is not None else []


def _refusal_aux(tok: Token) -> bool:
    """"cannot accept", "will not endorse": a modal refusal of the trigger's act."""
    return any(c.dep_ == "aux" and c.lower_ in REFUSAL_AUX for c in tok.children)


def conditional_threat(tok: Token, etype: str, modality: str) -> bool:
    """"will withdraw its force *unless* ...", "may halt mediation *if* ...": an act held over someone."""
    # (the clause may hang on the readiness the act completes: "is ready to respond *if* ...")
    marks = {m.lower_ for h in readiness_chain(tok) for c in h.children if c.dep_ == "advcl"
             for m in c.children if m.dep_ == "mark"}
    if "unless" in marks:
        return modality in ("future", "hypothetical") or _conflict_act(etype)
    # (a threat made on a condition is made now: "will respond if X ..." is an asserted THREATEN; "could
    # warn X if ..." stays a possibility)
    return "if" in marks and ((modality in ("future", "hypothetical") and (_conflict_act(etype) or etype == "ASSAULT"))
                              or (etype == "THREATEN" and (modality == "future" or self_announced_future(tok))))


def conditioned(tok: Token) -> bool:
    """"would meet the mediator *if* he gave them a veto": an offer on a condition stays hypothetical."""
    return any(m.dep_ == "mark" and m.lower_ in OFFER_CONDITIONS for c in tok.children if c.dep_ == "advcl"
               for m in c.children)


def ethnic_in_place(recipients: list[Mention], location: Mention | None, tok: Token) -> list[Mention]:
    """"killed three ethnic Albanians in southern Serbia": an ethnic group is of the state it lives in."""
    if location is None or location.kind != "state":
        return recipients
    return [location if ethnic(tok.doc[m.head]) and m.code != location.code else m for m in recipients]


def local_actor(etype: str, actor: list[Mention], location: Mention | None, args: Arguments, sent: Span,
                actors: ActorIndex, ps: PatternSet, tok: Token | None = None) -> list[Mention]:
    """"people blocked streets in Hong Kong", "a roadside bomb near Samarra killed ...": unnamed actors are of
    the place where they act (CAMEO/PLOVER convention)."""
    if any(m.code for m in actor) or not ONTOLOGY.has(etype, "local_actor"):
        return actor
    sector = actor[0].sector if actor else None
    # the victim is never the actor; nor, of an act against someone, who reports it ("according to Iraqi
    # officials, rockets hit the base"), unless the reporter is of the actor's kind ("the Nigerian army said
    # troops had killed ..."); protesters are of the state where the protest is reported from
    reporters = source_tokens(sent, tok) if tok is not None and not ONTOLOGY.spec(etype).home_target else frozenset()
    own_kind = [m for m in actors.in_tokens(sent.start, sent.end) if sector is not None and m.sector == sector
                and m.code and m.head in reporters]
    if args.subject is not None and _fired(real_head(args.subject), ps):
        # "shells slammed into a depot in X", "drone strikes hit oil plants in X": where a weapon lands is its
        # target's place, not its firer's; only where the weapon itself was or came from ("rockets from Gaza")
        home = subject_place(args, actors, ps) or _fired_from(args, actors)
    elif sector == "MIL":
        # "warplanes hit a terminal in Iran": armies strike abroad as often as at home, so only where they
        # are ("troops in Mali") or their own army reports it
        home = subject_place(args, actors, ps) or (own_kind[0] if own_kind else None)
    else:
        outside = victim_tokens(args.patient, ps, tok) | (frozenset() if own_kind else reporters)
        home = location or subject_place(args, actors, ps) or sole_state(sent, args.subject, actors, outside)
    if home is None or (tok is not None and _described_by(home, tok)):
        return actor
    return [replace(home, sector=sector)]


def _fired(head: Token, ps: PatternSet) -> bool:
    """Whether a subject is a weapon fired from elsewhere (a capitalised "Rockets" keeps its plural lemma)."""
    return bool({*noun_keys(head), head.lower_.removesuffix("s")} & ps.word_class("FIRED"))


def _fired_from(args: Arguments, actors: ActorIndex) -> Mention | None:
    """"rockets *from Gaza*": the state a weapon came from."""
    head = real_head(args.subject) if args.subject is not None else None
    objs = [] if head is None else [o for p in head.children if p.dep_ == "prep" and p.lower_ == "from"
                                    for o in p.children if o.dep_ == "pobj"]
    return next((m for o in objs for m in mentions_in(o, actors) if m.kind == "state" and m.code), None)


def unnamed_police(actor: list[Mention], actors: ActorIndex) -> list[Mention]:
    """"40 people were detained" with no agent: the police of the state found where it happens (`actor`, from
    `local_actor`), else of the article's one state (`home_state`); none when neither is known."""
    base = next((m for m in actor if m.code and m.kind != "igo"), None)
    if base is None:
        home = home_state(actors)
        base = next((m for m in actors.mentions if m.code == home and m.kind == "state"), None) if home else None
    if base is None or base.code is None:
        return []
    return [replace(base, sector="COP", kind="state", key=actor_key("state", base.code, "COP", base.name))]


def own_people(recipients: list[Mention], actors: ActorIndex) -> bool:
    """Whether everyone coded among those acted on is of the article's one state ("Kenyan opposition leader X
    was arrested" in an article about Kenya): its own organs act on them, as on unnamed people there; a
    foreigner arrested is not told apart so (the police may be another state's)."""
    home = home_state(actors)
    coded = [m for m in recipients if m.code]
    return home is not None and bool(coded) and all(m.code == home and m.kind in ("state", "person") for m in coded)


def home_victims(actors: ActorIndex) -> list[Mention]:
    """Unnamed victims of an attack in no named place ("three bystanders were hurt"): people of the state
    the article is about (`home_state`), none when it is about no one state."""
    home = home_state(actors)
    base = next((m for m in actors.mentions if m.code == home and m.kind == "state"), None) if home else None
    return [] if base is None else [replace(base, sector=None, key=actor_key("state", base.code, None, base.name))]


def _described_by(home: Mention, tok: Token) -> bool:
    """"Kuwait, a major oil producer hit by the price slump": a state whose own phrase holds the act is what
    the act describes (its victim), never the unnamed actor."""
    return tok.doc[home.head].is_ancestor(tok)


def culprit(patient: Token | None) -> bool:
    """"arrested *the accused*", "*the attacker* was shot dead", "two *suspects* were detained": wrongdoers the
    article describes elsewhere, whose state the acting organs do not tell (coref.csv role culprit)."""
    kb = load_kb()
    return patient is not None and (
        kb.is_word("culprit", patient.lower_) or kb.is_word("culprit", patient.lemma_.lower()))


def implied_recipients(etype: str, actor: list[Mention], recipients: list[Mention], location: Mention | None,
                       two_sided: bool, home_measure: Callable[[], bool], one_culprit: bool = False) -> list[Mention]:
    """The recipient the text leaves unnamed (CAMEO/PLOVER conventions), first rule that applies:
    both sides of a clash act, with no recipient; violence done in a named place is done to its state;
    a protest or concession with no target is aimed at the actor's own country; one culprit acted on
    (`one_culprit`) is no one's by default; a government's measure at
    home (`home_measure`: the object is one), or its organs coercing unnamed people, act on their own
    country; unnamed people acted on by a state's own organs are that state's."""
    spec = ONTOLOGY.spec(etype)
    if two_sided:
        return recipients  # "clashes between X and Y": both sides act, no recipient (DESIGN.md)
    if not any(m.code for m in recipients) and "place_targeted" in spec.flags and location is not None \
            and location.code:
        return [location]  # "attacked a restaurant in Mogadishu": the violence is done to Somalia
    if not recipients and spec.home_target:
        return home_country(actor, spec.home_sector)  # "Algerian landowners began a hunger strike"
    if not recipients and governs_at_home(actor) and home_measure():
        return home_country(actor, None)  # "prepared to impose martial law", "lifted the ban on the FIS"
    if one_culprit:
        return recipients  # police acting on one suspect: not, by default, on their own country
    if not recipients and "self_directed" in spec.flags and governs_at_home(actor):
        return home_country(actor, None)  # "police opened fire ... arresting 12", "the junta imposed martial law"
    if recipients and not any(m.code for m in recipients) and domestic(etype, actor) and not _foreign(recipients[0]):
        # "Egyptian police dispersed demonstrators", "the Sudanese government accused rebels"
        return home_country(actor, recipients[0].sector) or recipients
    return recipients


def domestic_target(etype: str, actor: list[Mention], recipients: list[Mention], location: Mention | None
                    ) -> list[Mention]:
    """"Parliament voted against the plan", "the administration opposes the measure", "railway workers want pay
    rises": a state's own organs or people (the sectors of plover.csv's domestic_target column) acting with no
    party named as target, at home, act on their own country. Applied after every rule that reads a target
    from the text (an earlier act the object refers back to comes first: "rejected *the proposal*")."""
    sectors = ONTOLOGY.spec(etype).domestic_target
    coded = [m for m in actor if m.code]
    if recipients or not sectors or not coded or any(m.kind == "igo" or m.sector not in sectors for m in coded):
        return recipients
    home = home_country(coded, None)
    if not home or (location is not None and location.code != home[0].code):
        return recipients
    return home


def _foreign(m: Mention) -> bool:
    """"called on Western nations", "asked its creditors": other states (or their lenders), never the actor's own
    people (coref.csv role foreign_group)."""
    words = m.text.lower().split()
    return bool(words) and load_kb().is_word("foreign_group", words[-1])


def domestic(etype: str, actor: list[Mention]) -> bool:
    """Whether unnamed people acted on by these actors are of the actors' own state."""
    sectors = {m.sector for m in actor if m.code}
    if not sectors or sectors & {"MIL", "IGO"} or any(m.kind == "igo" for m in actor):
        return False  # armies act abroad as often as at home
    return ONTOLOGY.has(etype, "domestic") or (etype == "ASSAULT" and sectors <= {"COP", "REB"})


def governs_at_home(actor: list[Mention]) -> bool:
    """One named internal organ of one state (not its army, not an IGO), acting alone: not two sides fighting."""
    coded = [m for m in actor if m.code]
    return len(coded) == 1 and all(
        m.kind != "igo" and m.sector in HOME_ORGANS for m in coded)


def _owner_pronoun(m: Mention) -> bool:
    """"agreed to open *its* markets", "reached an agreement with *its* creditors": a possessive pronoun says whose a
    thing is, which names the doer of an act noun ("his visit") but not whom an act is aimed at."""
    kb = load_kb()
    word = m.text.lower()
    return m.token_end - m.token_start == 1 and (
        kb.is_word("person_possessive", word) or kb.is_word("singular_possessive", word))


def town_is_no_recipient(etype: str, recipients: list[Mention]) -> list[Mention]:
    """"talks in Geneva": a town is where, not whom (except for acts done to a place, or places left)."""
    if ONTOLOGY.has(etype, "place_targeted") or ONTOLOGY.has(etype, "place_left"):
        return recipients
    return [m for m in recipients if not m.place]


def own_side(actor: list[Mention], recipients: list[Mention], content: str | None = None,
             named: int | None = None) -> list[Mention]:
    """A state or its organs are not acted on by their own side unless the text names it apart: the bare state
    or organisation of an actor's own code ("said Indonesia should expand", "reiterated German objections":
    `content`, the type of an act whose recipient is read from what it is about) is the actor's own, no
    recipient. Someone asked, promised or threatened is whom the act names, its own people included ("asked
    Japanese firms to cut output", "threatened to jail Ugandan journalists"); `named`: the token of the thing
    acted on, whose own mention is always kept; dyads between organs (Congress -> the president) stay."""
    if content in ADDRESSED_ACTS:
        return recipients
    # rebels, the opposition, protesters or firms facing their own state do act on it ("rebels attacked Turkey")
    codes = {m.code for m in actor if m.code and m.sector in OWN_SIDE_SECTORS}
    return [m for m in recipients if not (
        m.code in codes and m.head != named and ((m.kind == "state" and m.sector is None) or m.kind == "igo"))]


def acting_together(etype: str, actor: list[Mention], recipients: list[Mention]) -> list[Mention]:
    """An actor is not its own recipient; domestic dyads (Congress -> the president: USA-USA) are kept, but
    "Armenia and Azerbaijan agreed that their countries ..." is the two acting together (no recipient)."""
    actor_keys = {m.key for m in actor}
    recipients = [m for m in recipients if m.key not in actor_keys and not _owner_pronoun(m)]
    actor_codes = {m.code for m in actor if m.code}
    if len(actor_codes) > 1 and {m.code for m in recipients} <= actor_codes and ONTOLOGY.spec(etype).cooperative:
        return []
    return recipients
