"""Trigger patterns of the event coder, loaded from `data/events/patterns.yaml`."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import yaml
from spacy.tokens import Token

from dotterel.knowledge import data_path, word_set

_KNOWN_KEYS = {
    "verbs", "type", "mode", "context", "object", "object_optional", "recipient", "needs_recipient", "no_infinitive",
    "content_verbs", "finite_content", "complement", "content_complement",
    "theme_actor", "subject_sector", "foreign_recipient", "reciprocal", "prep_any", "joint", "inverse", "needs_content", "nonstate_subject", "content_future",
    "victim_subject", "event_content", "prep_object", "igo_recipient", "needs_slot_recipient", "no_result_state",
    "not_object", "not_subject", "not_prep_object", "not_content_verb", "state_subject", "no_gerund",
    "unnamed_doer", "unnamed_victim", "weapon_subject", "held_over", "culprit_of", "announced", "act_due",
    "sentence_any", "jointly",
}
# word classes the coder's code names (not only the patterns): patterns.yaml must define each, and
# `in_class` refuses any other name, so a typo raises instead of silently matching nothing
CODE_CLASSES = frozenset({
    "NATURE", "TALKS", "AGREEMENT", "RELATIONS", "BORDER", "HELPING", "ATTACK", "PLACE_PART", "PEOPLE",
    "HOME_MEASURE", "NON_AGENT", "ACCIDENT", "RESULT_STATE", "RESULT_LACK", "HEALTH_MEASURE", "PUBLICATION", "NOT_TOLERATED",
    "COMMENTATOR", "PRESS", "FIRED", "CULPRIT", "RETALIATION", "ATTACKER", "BURNING", "REACTION",
    "SEIZED_THING", "CREDITED_FOR", "JOINTLY", "ACCUSING"})


@dataclass(slots=True, frozen=True)
class Pattern:
    lemmas: frozenset[str]
    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    objects: frozenset[str] | None = None  # required object lemmas (None: any object or none)
    object_optional: bool = False  # the object constraint holds only when there is an object
    content_verbs: frozenset[str] | None = None  # the act asked or ordered must be one of these verbs
    finite_content: bool = False  # the verb reports a that-clause ("protested that ...")
    complements: frozenset[str] | None = None  # what the object is called must be one of these ("called it a *threat*")
    # what the reported clause says its subject is ("said the plan *was unacceptable*", "said reports were *baseless*")
    content_complements: frozenset[str] | None = None
    prep_objects: frozenset[str] | None = None  # required lemmas of a prepositional object ("pulled out of *talks*")
    recipient_slots: tuple[str, ...] = ()
    needs_recipient: bool = False
    needs_slot_recipient: bool = False  # the recipient must fill one of its slots (not come from the content)
    theme_actor: bool = False
    unnamed_doer: bool = False  # passive with no agent: the organs of the state where it happens acted
    # passive with no agent and no party named: coded only inside an attack the nearby sentences report
    unnamed_victim: bool = False
    subject_sectors: frozenset[str] = frozenset()  # the subject must resolve to one of these sectors
    foreign_recipient: bool = False
    igo_recipient: bool = False  # only an international organisation is a recipient ("pulled out of NATO")
    reciprocal: bool = False
    prep_any: frozenset[str] = field(default_factory=frozenset)
    joint: bool = False
    jointly: bool = False  # done together: an adverb of @JOINTLY on the verb ("jointly patrolled the border")
    inverse: bool = False
    needs_content: bool = False
    no_infinitive: bool = False  # not with a to-infinitive of its own: "seeking to mend ties" is an attempt
    nonstate_subject: bool = False
    content_future: bool = False
    victim_subject: bool = False  # "soldiers died in an air strike": the subject suffered, the attack's owner acted
    event_subject: bool = False  # "protests erupted", "clashes continued": the subject noun names the event
    event_content: bool = False  # only when the verb's content is itself an event ("declined to resign")
    no_result_state: bool = False  # not when the object is left in a state ("left dozens dead")
    not_objects: frozenset[str] = frozenset()  # not with these objects ("met its obligations", "accepted bids")
    not_subjects: frozenset[str] = frozenset()  # not with these subjects ("experts agree that ...")
    # the subject must be one of these weapons ("a car bomb exploded"): the act is named, its doer is not
    weapon_subjects: frozenset[str] | None = None
    # not with these prepositional objects or gerunds: "sentenced *for murder*", "spoke *to reporters*"
    not_prep_objects: frozenset[str] = frozenset()
    not_content_verbs: frozenset[str] = frozenset()  # not when the content act is one of these ("agreed to *buy*")
    state_subject: bool = False  # the subject is a state, an organisation or a government ("Britain protested the curbs")
    no_gerund: bool = False  # not with an act as gerund object: "fought *opening* its markets" opposes a policy
    held_over: bool = False  # only under an "if"/"unless" clause: "will take measures if Oslo keeps the quota"
    announced: bool = False  # only announced for the future by its actor: "will respond to any provocation"
    act_due: bool = False  # a to-infinitive on the verb or its object: "gave Lima 48 hours *to withdraw*"
    # the verb names a party to blame for one of these harms ("said X was *responsible for* the attack")
    culprit_of: frozenset[str] | None = None
    # the sentence must hold one of these lemmas: the matter that picks the verb's sense ("retaliate" in trade news)
    sentence_words: frozenset[str] | None = None


@dataclass(slots=True, frozen=True)
class NominalTrigger:
    """A noun that names an event when a light verb takes it as object ("staged a protest")."""

    type: str
    mode: str | None
    context: tuple[str, ...]
    recipient_slots: tuple[str, ...] = ()  # empty: the coder's defaults for nominal events


@dataclass(slots=True)
class PatternSet:
    by_lemma: dict[str, list[Pattern]]
    classes: dict[str, frozenset[str]]
    light_verbs: frozenset[str] = frozenset()
    occurrence_verbs: frozenset[str] = frozenset()
    motion_verbs: frozenset[str] = frozenset()
    state_verbs: frozenset[str] = frozenset()
    stative_participles: frozenset[str] = frozenset()
    allegation_words: frozenset[str] = frozenset()
    nominal: dict[str, NominalTrigger] = field(default_factory=dict)

    def for_lemma(self, lemma: str) -> list[Pattern]:
        return self.by_lemma.get(lemma, [])

    def for_token(self, tok: Token) -> list[Pattern]:
        """Patterns for a trigger token, with its lemma repaired where the lemmatiser slipped."""
        return self.by_lemma.get(self.lemma_of(tok.text, tok.lemma_.lower()), [])

    def lemma_of(self, word: str, lemma: str) -> str:
        """The trigger lemma, repairing the lemmatiser's slips on inflected verbs ("staged" -> "stag")."""
        if lemma in self.by_lemma:
            return lemma
        word = word.lower()
        for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
                             ("es", ""), ("s", "")):
            if word.endswith(suffix):
                stem = word[: -len(suffix)] + repl
                if stem in self.by_lemma:
                    return stem
                if repl == "" and len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in self.by_lemma:
                    return stem[:-1]  # "stopped" -> "stop"
        return lemma

    def noun_trigger(self, noun: Token) -> tuple[NominalTrigger, str] | None:
        """The event a noun names, with the key that matched ("hunger strike" before "strike")."""
        if noun.pos_ not in ("NOUN", "PROPN") and noun.tag_ != "VBG":  # "fighting broke out": a gerund
            return None
        if noun.ent_type_ == "DATE":  # "will begin trading *March* 25": the month, no march
            return None
        for key in noun_keys(noun):
            trig = self.nominal.get(key)
            if trig is not None:
                return trig, key
        return None

    def names_event(self, noun: Token, etype: str, word_class: str) -> bool:
        """Whether a noun (with its compound/adjective modifiers) names an event of `etype` ("air strike"):
        a nominal trigger of that type or a word of `word_class`."""
        return any(self.in_class(k, word_class) or ((trig := self.nominal.get(k)) is not None and trig.type == etype)
                   for k in noun_keys(noun))

    def in_class(self, lemma: str, name: str) -> bool:
        return lemma in self.word_class(name)

    def word_class(self, name: str) -> frozenset[str]:
        """A word class the code refers to by name (one of CODE_CLASSES)."""
        if name not in CODE_CLASSES:
            raise KeyError(f"word class {name!r} is not one of the coder's CODE_CLASSES")
        return self.classes[name]


def noun_keys(noun: Token) -> list[str]:
    """Lookup keys of a noun, most specific first: "<modifier> <lemma>" for each compound/adjective, then the lemma."""
    lemma = noun.lemma_.lower()
    return [f"{c.lemma_.lower()} {lemma}" for c in noun.children if c.dep_ in ("compound", "amod")] + [lemma]


def _words(value: object, classes: dict[str, frozenset[str]]) -> frozenset[str]:
    if isinstance(value, str) and value.startswith("@"):
        if value[1:] not in classes:
            raise ValueError(f"patterns.yaml: unknown word class {value!r}")
        return classes[value[1:]]
    if isinstance(value, list):  # words, and @CLASS entries standing for their words
        named = [v for v in value if isinstance(v, str) and v.startswith("@")]
        words = _strings([v for v in value if v not in named])
        return words.union(*(_words(v, classes) for v in named))
    raise ValueError(f"patterns.yaml: expected @CLASS or a list, got {value!r}")


def _strings(values: list[object]) -> frozenset[str]:
    return word_set(values, "patterns.yaml")


def parse_patterns(raw: dict) -> PatternSet:
    classes = {name: _strings(words) for name, words in raw["classes"].items()}
    by_lemma: dict[str, list[Pattern]] = {}
    for n, spec in enumerate(raw["patterns"]):
        unknown = set(spec) - _KNOWN_KEYS
        if unknown:
            raise ValueError(f"patterns.yaml pattern {n}: unknown keys {sorted(unknown)}")
        obj = spec.get("object")
        pattern = Pattern(
            lemmas=_strings(spec["verbs"]),
            type=spec["type"],
            mode=spec.get("mode"),
            context=tuple(spec.get("context", ())),
            objects=_words(obj, classes) if obj is not None else None,
            prep_objects=_words(spec["prep_object"], classes) if "prep_object" in spec else None,
            object_optional=bool(spec.get("object_optional")),
            content_verbs=_words(spec["content_verbs"], classes) if "content_verbs" in spec else None,
            finite_content=bool(spec.get("finite_content")),
            complements=_words(spec["complement"], classes) if "complement" in spec else None,
            content_complements=_words(spec["content_complement"], classes) if "content_complement" in spec else None,
            recipient_slots=tuple(spec.get("recipient", ())),
            needs_recipient=bool(spec.get("needs_recipient")),
            needs_slot_recipient=bool(spec.get("needs_slot_recipient")),
            theme_actor=bool(spec.get("theme_actor")),
            unnamed_doer=bool(spec.get("unnamed_doer")),
            unnamed_victim=bool(spec.get("unnamed_victim")),
            subject_sectors=frozenset([spec["subject_sector"]] if isinstance(spec.get("subject_sector"), str)
                                      else spec.get("subject_sector", [])),  # sector codes keep their case
            foreign_recipient=bool(spec.get("foreign_recipient")),
            igo_recipient=bool(spec.get("igo_recipient")),
            reciprocal=bool(spec.get("reciprocal")),
            prep_any=_strings(spec.get("prep_any", [])),
            joint=bool(spec.get("joint")),
            jointly=bool(spec.get("jointly")),
            held_over=bool(spec.get("held_over")),
            announced=bool(spec.get("announced")),
            act_due=bool(spec.get("act_due")),
            culprit_of=_words(spec["culprit_of"], classes) if "culprit_of" in spec else None,
            inverse=bool(spec.get("inverse")),
            needs_content=bool(spec.get("needs_content")),
            no_infinitive=bool(spec.get("no_infinitive")),
            nonstate_subject=bool(spec.get("nonstate_subject")),
            content_future=bool(spec.get("content_future")),
            victim_subject=bool(spec.get("victim_subject")),
            event_content=bool(spec.get("event_content")),
            no_result_state=bool(spec.get("no_result_state")),
            not_objects=_words(spec["not_object"], classes) if "not_object" in spec else frozenset(),
            not_subjects=_words(spec["not_subject"], classes) if "not_subject" in spec else frozenset(),
            weapon_subjects=_words(spec["weapon_subject"], classes) if "weapon_subject" in spec else None,
            not_prep_objects=_words(spec["not_prep_object"], classes) if "not_prep_object" in spec else frozenset(),
            not_content_verbs=_words(spec["not_content_verb"], classes) if "not_content_verb" in spec else frozenset(),
            state_subject=bool(spec.get("state_subject")),
            no_gerund=bool(spec.get("no_gerund")),
            sentence_words=_words(spec["sentence_any"], classes) if "sentence_any" in spec else None,
        )
        for lemma in pattern.lemmas:
            by_lemma.setdefault(lemma, []).append(pattern)
    missing = CODE_CLASSES - set(classes)
    if missing:
        raise ValueError(f"patterns.yaml: word classes the coder refers to are missing: {sorted(missing)}")
    nominal: dict[str, NominalTrigger] = {}
    for spec in raw.get("nominal", []):
        trig = NominalTrigger(type=spec["type"], mode=spec.get("mode"), context=tuple(spec.get("context", ())),
                              recipient_slots=tuple(spec.get("recipient", ())))
        for noun in _strings(spec["nouns"]):
            nominal.setdefault(noun, trig)
    return PatternSet(by_lemma=by_lemma, classes=classes, light_verbs=_strings(raw.get("light_verbs", [])),
                      occurrence_verbs=_strings(raw.get("occurrence_verbs", [])),
                      motion_verbs=_strings(raw.get("motion_verbs", [])),
                      state_verbs=_strings(raw.get("state_verbs", [])),
                      stative_participles=_strings(raw.get("stative_participles", [])),
                      allegation_words=_strings(raw.get("allegation_words", [])), nominal=nominal)


@functools.cache
def load_patterns() -> PatternSet:
    with data_path("events", "patterns.yaml").open(encoding="utf-8") as fh:
        return parse_patterns(yaml.safe_load(fh))
