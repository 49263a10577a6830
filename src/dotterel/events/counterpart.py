"""Whom an addressed act naming no one is aimed at: the foreign side its actor was dealing with just before.

"Washington praised Seoul's new trade policy. ... Baldrige said he urged speedy action on car tariffs": an act of
a type with the `counterpart` column of plover.csv (verbal acts: requests, accusations, refusals, promises ...;
the blows of a war and the penalties of a trade dispute told before: "Iraqi jets flew 94 sorties") with one coded
actor and no recipient goes on with the actor's dealings told before in the article, so it is aimed at the coded
foreign side of that actor's latest act a few sentences before (REACH, WAR_REACH): whom it acted on, or the other
side meeting or agreeing with it ("Baldrige and Rha discussed ..."). Not when:
- the act names whom it is addressed to, a party the actor data does not know ("ordered *chipmakers* to cut");
- the sentence names another organ or person of the actor's country ("Trump, responding to Pelosi, attacked the
  inquiry"): a matter at home, whose target the home conventions give (`conventions.implied_recipients`) or none;
- the act judges a definite act told before ("request that *the sanctions* be tightened": `referred_act`);
- the sentence names other foreign parties and not that one ("a Turkish ship which Greece threatened to tackle").
A town standing for its state ("the Paris communique") is a place, no side.
"""

from __future__ import annotations

from spacy.tokens import Span

from dotterel.events.arguments import to_infinitive
from dotterel.events.ontology import ONTOLOGY
from dotterel.events.referred_act import referred_act
from dotterel.findings import EventFinding, Mention

# how many sentences back an actor's dealings with a counterpart still frame its unaddressed acts; a war told in
# the article goes on further than an exchange of words ("Turkey began a military offensive" eight sentences on)
REACH = 4
WAR_REACH = 8


def _codes(ms: list[Mention]) -> set[str]:
    return {m.code for m in ms if m.code and not m.place}


def _at_home(event: EventFinding, mentions: list[Mention]) -> bool:
    """The sentence names someone else of the actor's country with a role of their own (an organ, a person):
    "the measure, which *the administration* opposes, needs *House* approval"."""
    own = _codes(event.actors)
    return any(m.code in own and m.sector is not None and all(m.sector != a.sector for a in event.actors)
               for m in mentions)


def _addressed(event: EventFinding, sent: Span) -> bool:
    """The trigger names its addressee: "told *reporters*", "ordered *chipmakers* to cut" (a request's object with
    an act asked of it), not "urged *speedy action*" (the act asked for) nor "imposed tariffs to punish dumping"."""
    trigger = sent.doc[event.trigger]
    if any(c.dep_ in ("dative", "iobj") for c in trigger.children):
        return True
    return event.type == "REQUEST" and any(c.dep_ in ("dobj", "obj") for c in trigger.children) and any(
        c.dep_ in ("xcomp", "advcl", "ccomp") and to_infinitive(c) for c in trigger.children)


def _other_side(earlier: EventFinding, own: set[str]) -> list[Mention]:
    """The other side of an earlier act of the actor: whom it acted on; with no one, the other side of a meeting
    or agreement ("Baldrige and Rha discussed ..."), never an ally acting with it ("Britain and Germany opposed")."""
    other = [m for m in earlier.recipients if m.code and not m.place and m.code not in own]
    if not other and ONTOLOGY.spec(earlier.type).cooperative:
        other = [m for m in earlier.actors if m.code and not m.place and m.code not in own]
    return other


def _about_an_act(event: EventFinding, before: list[EventFinding], sent: Span) -> bool:
    """The act judges a definite act told before ("Japan will request that *the sanctions* be tightened"): its
    target is that act's doer (`referred_act`), and none when the act was its own, never its counterpart."""
    trigger = sent.doc[event.trigger]
    patient = next((c for c in trigger.children if c.dep_ in ("dobj", "obj")), None)
    return referred_act(event, patient, before, sent.doc) is not None


def fill(found: list[EventFinding], before: list[EventFinding], sent: Span, mentions: list[Mention]) -> None:
    """Give each unaddressed act of `found` (the events of `sent`; `mentions`: its coded mentions) the
    counterpart of its actor's latest event of `before` (the events of the sentences before, in text order) with
    another side."""
    for event in found:
        own = _codes(event.actors)
        # (two sides acting together, "Japan and the U.S. will hold talks", are each other's counterparts already)
        if len(own) != 1 or event.recipients or not ONTOLOGY.has(event.type, "counterpart"):
            continue
        if _at_home(event, mentions) or _addressed(event, sent) or _about_an_act(event, before, sent):
            continue
        for earlier in reversed(before):
            if event.sentence - earlier.sentence > (WAR_REACH if event.type == "ASSAULT" else REACH):
                break
            if earlier.modality == "negated" or not own & _codes(earlier.actors):
                continue
            other = _other_side(earlier, own)
            if other:
                named = _codes(mentions) - own
                if not named or named & _codes(other):
                    event.recipients = other
                    # (confidence stays as the coder set it for an act naming no recipient: the recipient is
                    # read from the article's dealings before, right 19 times in 24 on hand-checked dev articles)
                break
