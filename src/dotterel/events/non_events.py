"""Frames that report no event between political actors, by class (data/events/non_events.yaml).

The verb patterns say what a trigger can mean; these rules say, per class of frame, when it means nothing
PLOVER codes: a condition of speaking ("asked not to be named"), a candidacy ("sought the nomination"), a
shared view ("agreed with the need for ..."), harm to an economy ("hit exports"), a thing as the doer ("the
drug dissolves clots"). The coder skips every pattern a rule covers (`excluded`), and in company news drops
events with no coded doer that act on no state (`firms_only`); acts between no political parties with no state or
organisation named around them (`apolitical`), and in an article naming no state organ, armed group or international
body every act with no coded party (`political_article`), are no events either.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import yaml
from spacy.tokens import Doc, Span, Token

from dotterel.actors.kb import POLITICAL_SECTORS
from dotterel.actors.phrases import real_head
from dotterel.events.arguments import Arguments, object_lemmas
from dotterel.events.frames import acts_on_state
from dotterel.events.patterns import noun_keys
from dotterel.actors.kb import load as load_kb
from dotterel.events.ontology import ONTOLOGY
from dotterel.findings import ActorIndex, EventFinding, Mention
from dotterel.knowledge import data_path, word_set

FILE = "non_events.yaml"
_KEYS = frozenset({"lemmas", "types", "subjects", "objects", "only_objects", "content_verbs", "passive_content",
                   "with_objects", "from_objects", "adjective_complement"})
_CONDITIONS = ("subjects", "objects", "content_verbs", "with_objects", "from_objects", "adjective_complement")
# "withdrew *from* the race", "pulled out *of* the race"
_FROM_PREPS = ("from", "of")


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    lemmas: frozenset[str] | None  # None: any trigger
    types: frozenset[str] | None  # None: patterns of every type
    subjects: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    only_objects: bool = False  # every conjoined object, not one of them, must be among `objects`
    content_verbs: frozenset[str] = frozenset()
    passive_content: bool = False
    with_objects: frozenset[str] = frozenset()
    from_objects: frozenset[str] = frozenset()
    adjective_complement: bool = False

    def fits(self, lemma: str, etype: str, tok: Token, args: Arguments) -> bool:
        """Whether the trigger `tok` (lemma `lemma`), read as a pattern of `etype`, has this rule's frame."""
        if self.lemmas is not None and lemma not in self.lemmas:
            return False
        if self.types is not None and etype not in self.types:
            return False
        if self.subjects and not (args.subject is not None
                                  and set(noun_keys(real_head(args.subject))) & self.subjects):
            return False
        if self.objects and not (object_lemmas(args) & self.objects or any(
                set(noun_keys(c)) & self.objects for c in tok.children if c.dep_ == "dobj")):
            return False  # (every direct object: "give poorer areas of the country *a boost*")
        if self.only_objects and args.patient is not None and not all(
                set(noun_keys(h)) & self.objects for h in (real_head(args.patient), *real_head(args.patient).conjuncts)):
            return False
        if self.content_verbs and not any(self._content_fits(c) for c in tok.children):
            return False
        if self.adjective_complement and not any(c.dep_ == "oprd" and c.pos_ == "ADJ" for c in tok.children):
            return False
        if self.from_objects and not any(set(noun_keys(real_head(o))) & self.from_objects
                                         for p in _FROM_PREPS for o in args.preps.get(p, [])):
            return False
        return not self.with_objects or any(set(noun_keys(real_head(o))) & self.with_objects
                                            for o in args.preps.get("with", []))

    def _content_fits(self, child: Token) -> bool:
        if child.dep_ not in ("xcomp", "ccomp") or child.lemma_.lower() not in self.content_verbs:
            return False
        return not self.passive_content or any(c.dep_ == "auxpass" for c in child.children)


@dataclass(frozen=True, slots=True)
class NonEvents:
    rules: tuple[Rule, ...]
    firms: frozenset[str]  # head nouns of doers that are businesses
    political: frozenset[str] = frozenset()  # nouns naming a political party though they have no sector


def parse_rules(raw: object) -> NonEvents:
    """The rules of a parsed non_events.yaml; unknown keys and rules with no condition are refused."""
    if not isinstance(raw, dict) or not isinstance(raw.get("rules"), dict):
        raise ValueError(f"{FILE}: expected a mapping with 'rules'")
    unknown_top = set(raw) - {"rules", "firms", "political"}
    if unknown_top:
        raise ValueError(f"{FILE}: unknown sections {sorted(unknown_top)}")
    rules = []
    for name, spec in raw["rules"].items():
        where = f"{FILE}: rule {name!r}"
        if not isinstance(spec, dict):
            raise ValueError(f"{where}: expected a mapping")
        unknown = set(spec) - _KEYS
        if unknown:
            raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
        if not any(spec.get(k) for k in _CONDITIONS):
            raise ValueError(f"{where}: needs one of {', '.join(_CONDITIONS)}")

        def words(key: str, spec: dict = spec, where: str = where) -> frozenset[str]:
            return word_set(spec.get(key) or [], f"{where} {key}")

        rules.append(Rule(
            name=str(name),
            lemmas=words("lemmas") if "lemmas" in spec else None,
            types=frozenset(t.upper() for t in words("types")) if "types" in spec else None,
            subjects=words("subjects"), objects=words("objects"), only_objects=bool(spec.get("only_objects", False)),
            content_verbs=words("content_verbs"),
            passive_content=bool(spec.get("passive_content", False)), with_objects=words("with_objects"),
            from_objects=words("from_objects"), adjective_complement=bool(spec.get("adjective_complement", False))))
    return NonEvents(rules=tuple(rules), firms=word_set(raw.get("firms") or [], f"{FILE}: firms"),
                     political=word_set(raw.get("political") or [], f"{FILE}: political"))


@functools.cache
def load_rules() -> NonEvents:
    with data_path("events", FILE).open(encoding="utf-8") as fh:
        return parse_rules(yaml.safe_load(fh))


def excluded(lemma: str, etype: str, tok: Token, args: Arguments) -> str | None:
    """The name of the first rule by which the trigger, read as a pattern of `etype`, reports no event."""
    return next((r.name for r in load_rules().rules if r.fits(lemma, etype, tok, args)), None)


def firms_only(actor: list[Mention], recipients: list[Mention], doc: Doc, company_news: bool) -> bool:
    """Firms doing business, acting on no state, government or organisation: in company news
    (`genre.about_business`) any uncoded doer ("Acme offered 15 dlrs a share"), elsewhere a doer whose every
    mention is an uncoded firm noun of the data ("the company agreed to sell its unit"). What is done to a
    state still counts."""
    if any(m.code for m in actor) or acts_on_state(recipients):
        return False
    if company_news:
        return True
    firms = load_rules().firms
    return bool(actor) and all(set(noun_keys(doc[m.head])) & firms for m in actor)


# how many sentences before an act may name the state or organisation it belongs to (as references resolve,
# actors/coref.py: "the ministry" -> the last state in the last three sentences)
PARTY_REACH = 2
# words before a person's name that may hold his title ("Judge Jane Roe": the name alone is the mention)
TITLE_REACH = 3


def _political(m: Mention, doc: Doc) -> bool:
    """Whether a party is political: coded, of a sector other than business ("rebels", "protesters", "aid groups"),
    named with a word of such a sector (a title before a name, "the ministry" the text did not resolve), a party word
    (actors/parties.csv) or a noun of non_events.yaml `political` ("the unions", "both sides")."""
    if m.code or m.sector not in (None, "BUS"):
        return True
    kb, political = load_kb(), load_rules().political
    words = doc[max(0, m.token_start - TITLE_REACH):m.token_end]
    lemmas = [t.lemma_.lower() for t in words]
    if any(t.text in kb.parties for t in doc[m.token_start:m.token_end]):
        return True  # "Republicans", "Democrats": a party's members, wherever the article leaves their state
    for n, t in enumerate(words):
        word = kb.sector_of(lemmas[:n + 1])  # ("aid agencies": the two words make the sector)
        if (word is not None and word.sector not in (None, "BUS")) or (t.i >= m.token_start and lemmas[n] in political):
            return True
    return False


def apolitical(event: EventFinding, doc: Doc, actors: ActorIndex, sents: list[Span]) -> bool:
    """An act between no political parties: not one of force (`TypeSpec.material_conflict`: the place or the victim may
    still name the side when no doer is known, "rockets struck the base"), no party political (`_political`),
    no coded place, and no state, organisation, coded person or political party or body ("the senate") named in its
    sentence or the PARTY_REACH before it, whose act it could be ("the authors proposed that ...", "many users
    expressed their anger", "the exchange is building contacts"): company, science, sport or private life, no event
    between political actors."""
    if ONTOLOGY.spec(event.type).material_conflict or (event.location is not None and event.location.code):
        return False
    start, end = sents[max(0, event.sentence - PARTY_REACH)].start, sents[event.sentence].end
    if any(m.sector in POLITICAL_SECTORS or _political(m, doc) for m in actors.in_tokens(start, end)):
        return False
    sectors, political = load_kb().sectors, load_rules().political
    if any(((w := sectors.get(t.lemma_.lower())) is not None and w.sector in POLITICAL_SECTORS)
           or t.lemma_.lower() in political for t in doc[start:end]):
        return False  # ("the senate voted for a resolution that condemned ...": no state named, a state organ all the same)
    return not any(_political(m, doc) for m in event.actors + event.recipients)


def political_article(actors: ActorIndex) -> bool:
    """Whether the article names a state organ, an armed group, an opposition or an international body (coded or
    not: "police", "the ministry"); a state's name alone is no politics ("a chess player from Iran")."""
    return any(m.sector in POLITICAL_SECTORS or m.kind == "igo" for m in actors.mentions)


__all__ = ["NonEvents", "Rule", "apolitical", "excluded", "firms_only",
           "load_rules", "parse_rules", "political_article"]
