"""Within-article references to actors already mentioned: "the ministry", "the country", "both
countries", and subject pronouns ("it", "they", "he", "she").

Deliberately conservative: the antecedent must be recent (same or previous sentence for pronouns, a few
sentences for definite nouns) and compatible (a state for "the government", a person for "he", a plural
group for "they"); otherwise the words are left unresolved (definite institution nouns then become a
group mention with code None). A reference mention keeps its own words and takes the antecedent's code.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from dotterel.actors.drafts import Draft, Sentences, actor_key, positions
from dotterel.actors.kb import KnowledgeBase

_PRONOUN_WINDOW = 1  # sentences back
_NOUN_WINDOW = 3
_DEFINITE_SECTORS = frozenset({"REB", "MIL", "COP", "CVL", "GOV", "LEG"})  # "the rebels", "the officials" refer back
_BARE_ONLY = frozenset({"GOV", "LEG"})
_LOCAL_SECTORS = frozenset({"COP", "CVL", "OPP", "JUD"})  # unnamed groups that are of the one state named nearby  # ... "the officials", "the ministers" only with no words of their own
HOME_MIN = 3  # mentions of the article's state
HOME_RATIO = 2  # times as many as the next state (1.5: real-news tuple +0.005, speaker code precision -0.03)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def resolve_references(doc: Doc, kb: KnowledgeBase, drafts: list[Draft], sents: Sentences) -> list[Draft]:
    covered = {i for d in drafts for i in range(d.start, d.end)}
    resolved = list(drafts)  # antecedents seen so far, in text order, grows with new references
    out: list[Draft] = []
    nouns = [w for w, sw in kb.sectors.items() if sw.use == "body" and " " not in w]
    nouns += [w.split()[-1] for w, sw in kb.sectors.items() if sw.use == "title"]
    nouns += [*kb.words.get("pair_noun", ()), *kb.words.get("definite_pair_noun", ()), *kb.words.get("state_noun", ())]
    pronouns = [w for role in ("singular_pronoun", "plural_pronoun", "person_pronoun") for w in kb.words.get(role, ())]
    candidates = set(positions(doc, LEMMA, nouns)) | set(positions(doc, LOWER, pronouns + nouns))
    home = article_state(drafts)
    for i in sorted(candidates):
        tok = doc[i]
        if tok.i in covered or not _candidate(tok):
            continue
        before = [d for d in resolved if d.end <= tok.i]
        new = _reference(doc, kb, tok, before, sents, home)
        for d in new:
            out.append(d)
            resolved.append(d)
            covered.update(range(d.start, d.end))
        if new:
            resolved.sort(key=lambda d: d.start)
    every = sorted([*drafts, *out], key=lambda d: d.start)
    every += _possessives(doc, kb, every, sents)
    every = sorted([*every, *_owner_pronouns(doc, kb, every, sents)], key=lambda d: d.start)
    _definite_groups(doc, every, sents)
    _home_state(doc, kb, every, sents)
    _late_antecedents(every)
    return sorted(every, key=lambda d: d.start)


def _late_antecedents(drafts: list[Draft]) -> None:
    """"Police said they questioned the owner": "they" copied "Police" before the article's state made the
    police its own; the reference follows its antecedent's later code."""
    for d in drafts:
        ante = d.antecedent
        # (not a possessive's group, "its troops": subject continuity picked it while it was nobody's, and
        # "X pushed *its troops*' foes out of positions *they* held" is as often the other side)
        if d.code is None and ante is not None and ante.code is not None and d.sector == ante.sector \
                and ante.source == "noun":
            d.code, d.kind, d.name, d.key = ante.code, ante.kind, ante.name, ante.key or actor_key(
                ante.kind, ante.code, ante.sector, ante.name)


def _definite_groups(doc: Doc, drafts: list[Draft], sents: Sentences) -> None:
    """ "FARC guerrillas ... the rebels", "Serbian police ... the police", "Iranian officials ... the
    officials": a definite group noun with no code of its own is the last coded group of its sector a few
    sentences back."""
    for i, d in enumerate(drafts):
        if d.code is not None or d.kind != "group" or d.source != "noun" or d.sector not in _DEFINITE_SECTORS:
            continue
        head = doc[d.end - 1]
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.lefts):
            continue
        if d.sector in _BARE_ONLY and any(c.dep_ in ("amod", "compound", "prep", "relcl", "acl") for c in head.children):
            continue  # "the separatist authorities in X" are not the government named before
        ante = _recent(drafts[:i], sents.of(d.start), _NOUN_WINDOW, sents,
                       lambda o: o.code is not None and o.sector == d.sector and o.kind != "person"
                       and o.source != "ref" and (o.plural or d.sector not in _BARE_ONLY))
        if ante is not None:
            d.code, d.kind, d.name, d.key = ante.code, ante.kind, ante.name, ante.key or actor_key(
                ante.kind, ante.code, ante.sector, ante.name)


def _department(kb: KnowledgeBase, start: int, tok: Token, words: list[str], before: list[Draft],
                home: str | None) -> list[Draft]:
    """"the Finance Ministry": the state the article is about, or the one state it has named so far."""
    word = kb.sectors.get(words[-1])
    if word is None or word.use != "body" or not kb.is_word("portfolio", " ".join(words[:-1])):
        return []
    if any(c.dep_ == "prep" for c in tok.rights):
        return []  # "the Finance Ministry of Bavaria": whose, the phrase says
    only = _only_state(before)
    office = home or (only.code if only is not None else None)
    if office is None:
        return []
    return [Draft(start, tok.i + 1, office, word.sector, "state", kb.countries.get(office, office), "ref")]


def dominant_state(codes: Iterable[str]) -> str | None:
    """The state an article is about, from its state codes one per mention: the one named at least
    `HOME_MIN` times and `HOME_RATIO` times as often as any other (one rule for every caller)."""
    ranked = Counter(codes).most_common(2)
    if not ranked or ranked[0][1] < HOME_MIN:
        return None
    if len(ranked) > 1 and ranked[0][1] < HOME_RATIO * ranked[1][1]:
        return None
    return ranked[0][0]


def article_state(drafts: list[Draft]) -> str | None:
    """The article's state, counted over its names, demonyms, capitals, towns and office-holders."""
    return dominant_state(d.code for d in drafts if d.code and d.kind in ("state", "person") and d.source != "ref")


def _home_state(doc: Doc, kb: KnowledgeBase, drafts: list[Draft], sents: Sentences) -> None:
    """Unnamed domestic groups ("police", "the protesters", "the authorities", "farmers") in an article about
    one state are that state's, with their own sector, unless their sentence names another state; in an
    article about no one state, the one state their sentence names (by name, capital, town or demonym)."""
    home = article_state(drafts)
    for d in drafts:
        if d.code is not None or d.kind != "group" or d.source != "noun" or not kb.is_word("home_sector", (d.sector or "").lower()):
            continue
        head = doc[d.end - 1]
        if kb.is_word("abroad", head.lemma_.lower()):
            continue  # "diplomats said": as often foreign diplomats posted there
        if any(o.code and o.end <= d.start and doc[o.end - 1].head.i == head.i for o in drafts):
            continue  # "Red Cross officials": a coded modifier already says whose they are
        if any(c.dep_ in ("amod", "compound") and _demonym_in_lower_case(kb, c) for c in head.lefts):
            continue  # "tunisian rioters": whose they are the text says, in a form the tagger missed
        here = sents.of(d.start)
        near = {o.code for o in drafts if o.code and o.kind == "state" and sents.of(o.start) == here
                and o.source in ("country", "capital", "city", "demonym")}
        # in an article about one state, its own; else the one state their sentence names, for people and
        # police (officials are as often foreign), and not the state acting on them ("Israel says it does not
        # target civilians")
        own = home if home is not None and not near - {home} else None
        if home is None and d.sector in _LOCAL_SECTORS:
            acting = {o.code for o in drafts if o.code and _subject_above(doc, o, head)}
            local = {o.code for o in drafts if o.code and o.kind == "state" and sents.of(o.start) == here
                     and o.source in ("country", "capital", "city", "demonym", "ref")} - acting
            own = next(iter(local)) if len(near) == 1 and local == near else None
            if not near and not acting:
                # none in their sentence: the one state their paragraph has named so far
                para = doc.text.rfind("\n", 0, doc[d.start].idx) + 1
                named = {o.code for o in drafts if o.code and o.kind == "state" and o.end <= d.start
                         and para <= doc[o.start].idx and o.source in ("country", "capital", "city", "demonym")}
                own = next(iter(named)) if len(named) == 1 else None
        if own is not None:
            d.code, d.kind, d.key = own, "state", actor_key("state", own, d.sector, None)


def _demonym_in_lower_case(kb: KnowledgeBase, tok: Token) -> bool:
    """A nationality written in lower case ("tunisian"), which the alias lookup (case-sensitive) misses."""
    return tok.is_lower and any(a.source == "demonym" for a in kb.aliases.get(tok.text.capitalize(), ()))


def _subject_above(doc: Doc, d: Draft, noun: Token) -> bool:
    """Whether mention `d` is the subject of a verb above `noun` (the one acting on it)."""
    root = doc[d.end - 1]
    return root.dep_ in _SUBJECT_DEPS and root.head.is_ancestor(noun)


def _possessives(doc: Doc, kb: KnowledgeBase, drafts: list[Draft], sents: Sentences) -> list[Draft]:
    """Give an unresolved group noun the actor its possessive pronoun refers to: "Kim ... his
    soldiers" -> PRK MIL, "Israel ... its troops" -> ISR MIL; "Hungarian and Romanian officials ... their
    countries" -> both (the second as an extra draft over the same words, returned)."""
    extra: list[Draft] = []
    for n, d in enumerate(drafts):
        if d.code is not None or d.source != "noun":
            continue
        head = doc[d.end - 1]
        poss = next((c for c in head.lefts if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if poss is None:
            continue
        word, here = poss.lower_, sents.of(poss.i)
        before = [b for b in drafts[:n] if b.code is not None]
        if kb.is_word("person_possessive", word):
            ante = _recent(before, here, _PRONOUN_WINDOW, sents,
                           lambda b: b.kind == "person" or (_one_person(doc, kb, b) and _is_subject(doc, b)))
        elif kb.is_word("singular_possessive", word):
            ante = _recent(before, here, _PRONOUN_WINDOW, sents,
                           lambda b: b.kind in ("state", "igo", "non_state") and not b.plural
                           and _standalone(doc, b))
        elif kb.is_word("plural_possessive", word):
            ante = _recent(before, here, _PRONOUN_WINDOW, sents, lambda b: b.plural or b.kind == "non_state")
        else:
            continue
        if ante is None:
            continue
        kind = ante.kind if ante.kind != "person" else ("igo" if ante.code in kb.org_codes else "state")
        d.code, d.kind, d.source = ante.code, kind, "ref"
        if ante.sector == "REB" or (ante.kind == "non_state" and d.sector is None):
            d.sector = ante.sector  # "Hamas ... its fighters" stay REB
        d.name = kb.countries.get(ante.code or "", ante.name) if kind == "state" else ante.name
        d.key = actor_key(d.kind, d.code, d.sector, d.name)
        partner = _coordinated_partner(doc, ante, before) if kb.is_word("plural_possessive", word) else None
        if partner is not None and doc[d.end - 1].tag_ == "NNS":
            extra.append(_refer(d.start, d.end, partner, d.sector, as_state=partner.kind == "state", kb=kb))
    return extra


def _owner_pronouns(doc: Doc, kb: KnowledgeBase, drafts: list[Draft], sents: Sentences) -> list[Draft]:
    """"Nakasone leaves on *his* visit to Washington", "Iran said *its* withdrawal ...": a possessive pronoun
    before a noun that names no actor stands for the coded person (his, her) or state (its) it refers to,
    so the act the noun names has its doer."""
    covered = {i for d in drafts for i in range(d.start, d.end)}
    out: list[Draft] = []
    for tok in doc:
        if tok.dep_ != "poss" or tok.pos_ != "PRON" or tok.i in covered or tok.head.i in covered:
            continue
        if any(c.dep_ in ("acl", "xcomp") and c.tag_ == "VB" for c in tok.head.children):
            continue  # "its willingness to host ...": whose intent it is, the infinitive's own reading says
        word, here = tok.lower_, sents.of(tok.i)
        before = [d for d in drafts if d.code is not None and d.end <= tok.i]
        if kb.is_word("person_possessive", word):
            ante = (_recent(before, here, 0, sents, lambda d: _one_person(doc, kb, d) and _is_subject(doc, d))
                    or _recent(before, here, _PRONOUN_WINDOW, sents, lambda d: d.kind == "person"))
        elif kb.is_word("singular_possessive", word):
            # the sentence's subject first ("Turkey cut trade with Israel, *its* ministry said"), as for persons
            ante = (_recent(before, here, 0, sents,
                            lambda d: d.source != "ref" and _is_state_like(doc, d) and _is_subject(doc, d)
                            and not any(c.dep_ == "conj" for c in doc[d.end - 1].children))  # "A and B": no "its"
                    or _recent(before, here, _PRONOUN_WINDOW, sents, lambda d: _is_state_like(doc, d)))
        else:
            continue
        # a person's acts are his state's only while he holds an office ("his visit"; not "her family"); an office
        # named by its title alone owns only the state's organs ("his government", "his troops"; not "her car")
        if ante is not None and ante.kind == "state" and kb.is_word("person_possessive", word) and not (
                kb.is_word("state_noun", tok.head.lemma_.lower()) or tok.head.lemma_.lower() in kb.sectors):
            continue
        if ante is not None and (ante.kind != "person" or ante.sector is not None):
            if kb.is_word("state_noun", tok.head.lemma_.lower()) and tok.head.i == tok.i + 1:
                # "give *his country* support": the pronoun and its state noun are the state itself, a party
                # as named as "Kenya" (not a thing it owns)
                out.append(_refer(tok.i, tok.i + 2, ante, None, as_state=True, kb=kb))
                continue
            out.append(_refer(tok.i, tok.i + 1, ante, ante.sector))
    return out


def _is_state_like(doc: Doc, d: Draft) -> bool:
    """One coded state, organisation or group standing on its own: what a singular "its" can refer to."""
    return d.kind in ("state", "igo", "non_state") and not d.plural and _standalone(doc, d)


def _coordinated_partner(doc: Doc, ante: Draft, before: list[Draft]) -> Draft | None:
    """The other coded actor coordinated with `ante` ("*Hungarian* and Romanian officials")."""
    span = range(ante.start, ante.end)
    linked = {t.i for i in span for t in doc[i].conjuncts}
    for b in before:
        last = doc[b.end - 1]
        if b is not ante and b.code and b.code != ante.code and (
                last.i in linked or (last.head.i in span and last.dep_ in ("amod", "compound", "conj"))):
            return b
    return None


def _candidate(tok: Token) -> bool:
    """Cheap filter: only subject pronouns and common nouns can be references."""
    if tok.pos_ == "PRON":
        return tok.dep_ in _SUBJECT_DEPS
    # "the President", "the Cabinet": capitalised offices and bodies are tagged as proper nouns
    return (tok.pos_ == "NOUN" and tok.tag_ in ("NN", "NNS")) or (tok.pos_ == "PROPN" and tok.tag_ == "NNP")


def _reference(doc: Doc, kb: KnowledgeBase, tok: Token, before: list[Draft], sents: Sentences,
               home: str | None) -> list[Draft]:
    lower = tok.lower_
    if tok.pos_ == "PRON" and tok.dep_ in _SUBJECT_DEPS:
        return _pronoun(doc, kb, tok, lower, before, sents)
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "compound":
        return []
    lemma = tok.lemma_.lower()
    if tok.tag_ == "NNS" and kb.is_word("pair_noun", lemma):
        return _pair(doc, tok, before, sents)
    if tok.tag_ == "NNS" and kb.is_word("definite_pair_noun", lemma) and _definite_pair(tok):
        # "the two institutions", "both leaders": people or bodies named before, not the states or towns around them
        return _pair(doc, tok, before, sents, bodies=True)
    dets = [c for c in tok.lefts if c.dep_ == "det"]
    if tok.tag_ == "NNS" and dets and dets[0].lower_ == "the" and tok.i == dets[0].i + 1:
        return _same_noun(doc, kb, tok, before, sents)
    bare = tok.tag_ == "NNP" and not any(True for _ in tok.lefts) and _body_word(kb, lemma)
    if not bare and (tok.tag_ not in ("NN", "NNP") or not dets or dets[0].lower_ != "the"):
        return []
    if any(c.dep_ in ("poss", "nummod") for c in tok.lefts) or any(c.dep_ == "prep" and c.lower_ == "of"
                                                                     for c in tok.rights):
        return []
    start = tok.i if bare else dets[0].i
    words = [t.lemma_.lower() for t in doc[start + (not bare):tok.i + 1]]
    if tok.pos_ == "PROPN" and kb.sectors.get(" ".join(words)) is None:
        # "the Post and Telecommunications Ministry", "the central Interior Ministry": a name of its own; but
        # "the Finance Ministry", "the Trade Ministry" name a portfolio, the government's of the article's state
        return _department(kb, start, tok, words, before, home)
    word = kb.sector_of(words)
    here = sents.of(tok.i)
    if kb.is_word("state_noun", lemma) and tok.i == start + 1:
        # "... with the help of the United States, Britain, France and Jordan. A girl was wounded in the south of
        # the country": a member of a list is no antecedent when a state stands alone nearby
        ante = (_recent(before, here, _NOUN_WINDOW, sents, lambda d: d.kind == "state" and not _listed(doc, d))
                or _recent(before, here, _NOUN_WINDOW, sents, lambda d: d.kind == "state") or _only_state(before))
        return [_refer(start, tok.i + 1, ante, None)] if ante else []
    if word is None or word.use not in ("body", "title"):
        return []
    owner = next((d for d in reversed(before) if start < d.start and d.end <= tok.i and d.kind == "person"), None)
    if owner is not None and word.use == "body":
        # "the Trump administration", "the Reagan government": the named leader's, else (out of office) no
        # one's; never borrowed from the state named last
        # (a leader out of office, coded with no sector, heads no government)
        in_office = owner.code is not None and owner.sector is not None
        return [_owned(_refer(start, tok.i + 1, owner, word.sector, as_state=True, kb=kb))] if in_office else []
    # "the Ugandan government's decision": a state word the parser made a name part inside the phrase says
    # whose the body or office is, never the state named before it
    state = next((d for d in reversed(before) if start < d.start and d.end <= tok.i and d.code is not None
                  and d.kind == "state" and doc[d.end - 1].head.i == tok.i), None)
    if state is not None:
        return [_refer(start, tok.i + 1, state, word.sector, as_state=True, kb=kb)]
    # "Peru's foreign ministry ... the ministry", "Ecuador's president ... the president": the last coded
    # mention whose own words hold the noun
    same = _recent(before, here, _NOUN_WINDOW, sents,
                   lambda d: d.code is not None and d.source != "ref" and d.kind != "group"
                   and any(t.lemma_.lower() == lemma for t in doc[d.start:d.end]))
    if word.use == "title":
        same = same or _title_holder(doc, kb, lemma, before)
        only = _only_state(before)
        office = home or (only.code if only is not None else None)
        if same is None and office is not None and kb.sectors.get(" ".join(words)) == word:
            # "the Queen", "the Prime Minister" with no holder named: the office of the state the article is
            # about, or of the one state it has named so far ("the former president", "the local governor" are not)
            return [Draft(start, tok.i + 1, office, word.sector or "GOV", "state", kb.countries.get(office, office),
                          "ref")]
        return [_refer(start, tok.i + 1, same, same.sector or word.sector)] if same else []
    if same is not None:
        return [_refer(start, tok.i + 1, same, word.sector, as_state=True, kb=kb)]
    # "The Senate voted to cut aid to Panama. The bill, which the administration opposes, ...": the state
    # acting as subject of the last sentence before one only acted on (in its own sentence, a body is as
    # often the one spoken of: "US officials said lifting sanctions would reward the regime")
    last_subject = _recent(before, here, 1, sents, lambda d: _coded(d) and d.kind == "state" and _is_subject(doc, d)
                           and sents.of(d.start) == here - 1)
    ante = ((last_subject if not any(c.dep_ == "prep" for c in tok.rights) else None)
            or _recent(before, here, _NOUN_WINDOW, sents, lambda d: _coded(d) and _standalone(doc, d))
            or _recent(before, here, _NOUN_WINDOW, sents, _coded)
            or _only_state(before))
    if ante is None and home is not None and word.use == "body" and tok.i == start + 1:
        # "The government welcomed the wage deal" opening an article about Austria: the article's state, as
        # for "the Prime Minister" ("the central government", "the provincial ministry" are not)
        return [Draft(start, tok.i + 1, home, word.sector, "state", kb.countries.get(home, home), "ref")]
    if ante is None:
        text = " ".join(words)
        return [Draft(start, tok.i + 1, None, word.sector, "group", None, "ref", key=f"group:{text}")]
    return [_refer(start, tok.i + 1, ante, word.sector, as_state=True, kb=kb)]


def _same_noun(doc: Doc, kb: KnowledgeBase, tok: Token, before: list[Draft], sents: Sentences) -> list[Draft]:
    """"EC farm ministers ... the ministers", "NATO envoys ... the envoys": a plural title with no words of its
    own is the last coded group named with the same noun a few sentences back."""
    word = kb.sectors.get(tok.lemma_.lower())
    if word is None or word.use != "title":
        return []
    ante = _recent(before, sents.of(tok.i), _NOUN_WINDOW, sents,
                   lambda d: d.code is not None and d.kind != "person" and d.source != "ref"
                   and doc[d.end - 1].lemma_.lower() == tok.lemma_.lower() and doc[d.end - 1].tag_ == "NNS")
    return [_refer(tok.i - 1, tok.i + 1, ante, ante.sector)] if ante is not None else []


def _body_word(kb: KnowledgeBase, lemma: str) -> bool:
    """"Parliament voted", "Cabinet approved": a capitalised institution noun standing alone is the
    country's own, like "the parliament"."""
    word = kb.sectors.get(lemma)
    return word is not None and word.use == "body"


def _owned(d: Draft) -> Draft:
    """A body named with its own owner's words is an antecedent in its own right ("the administration")."""
    d.source = "phrase"
    return d


def _title_holder(doc: Doc, kb: KnowledgeBase, lemma: str, before: list[Draft]) -> Draft | None:
    """"President Emmanuel Macron ... (many sentences later) the president": the one coded person named
    earlier in the article with that title in their words or their office's name (two such: unresolved)."""
    holders = {d.name: d for d in before if d.kind == "person" and d.code is not None and d.source != "ref"
               and (any(t.lemma_.lower() == lemma for t in doc[d.start:d.end]) or _holds(kb, d, lemma))}
    return next(iter(holders.values())) if len(holders) == 1 else None


def _holds(kb: KnowledgeBase, d: Draft, lemma: str) -> bool:
    """Whether a known office-holder's listed role names this title ("Prime Minister" for "minister")."""
    return any(lemma in (t.role or "").lower().split() for a in kb.aliases.get(d.name or "", []) if a.is_person
               for t in a.terms)


def _pronoun(doc: Doc, kb: KnowledgeBase, tok: Token, lower: str, before: list[Draft], sents: Sentences) -> list[Draft]:
    """A subject pronoun refers to the last compatible subject before it (subject continuity); when
    that subject is no actor ("A gas leak caused an explosion. Officials said it ..."), it stays open."""
    here = sents.of(tok.i)
    if kb.is_word("singular_pronoun", lower):
        personal = any(c.dep_ == "acomp" and kb.is_word("agent_predicate", c.lower_) for c in tok.head.children) \
            or _said_to_be_actor(kb, tok.head)
        if (kb.is_word("pleonastic_verb", tok.head.lemma_.lower()) and not personal) or tok.dep_ == "expl":
            return []  # "it is clear that ..." is nobody; "it is ready to ..." is somebody
        ante = _subject_antecedent(doc, tok, before, sents, plural=False)
        ok = ante is not None and ante.kind in ("state", "igo", "non_state") and ante.code is not None \
            and not ante.plural
    elif kb.is_word("plural_pronoun", lower):
        sides = _coordinated_subject(doc, tok, before, sents)
        if sides:  # "Obama and Putin said they ...": both, as two mentions over the same word
            return [_refer(tok.i, tok.i + 1, d, d.sector) for d in sides]
        # groups are collective: "Hamas said they ..." as well as "the rebels ... they"
        ante = _subject_antecedent(doc, tok, before, sents, plural=True)
        ok = ante is not None and (ante.plural or ante.kind == "non_state")
    elif kb.is_word("person_pronoun", lower):
        reporter = _reporting_subject(tok)
        if reporter is not None:
            # "One broker said he expected ...": he is the one who says so, not the last person named
            said_by = next((d for d in before if d.start <= reporter.i < d.end), None)
            if said_by is not None and _one_person(doc, kb, said_by):
                return [_refer(tok.i, tok.i + 1, said_by, said_by.sector)]
            word = kb.sector_of([reporter.lemma_.lower()]) if reporter.pos_ == "NOUN" else None
            if said_by is None and word is not None and reporter.tag_ == "NN":
                return [Draft(tok.i, tok.i + 1, None, word.sector, "person", None, "ref",
                              key=f"person:{reporter.lower_}@{reporter.i}")]
        # subject continuity: "Baldrige said he had agreed to Rha's proposal. ..., he added" is Baldrige
        ante = (_recent(before, here, 1, sents, lambda d: _one_person(doc, kb, d) and _is_subject(doc, d))
                or _recent(before, here, _PRONOUN_WINDOW, sents, lambda d: d.kind == "person"))
        ok = ante is not None
    else:
        return []
    return [_refer(tok.i, tok.i + 1, ante, ante.sector)] if ok and ante is not None else []


def _one_person(doc: Doc, kb: KnowledgeBase, d: Draft) -> bool:
    """What "he", "his" can refer to: a named person, or an office one person holds named by its title alone
    ("Kenya's foreign minister said *his* government ...", "the Egyptian president said *he* ..."), coded as
    the state's organ (callers take such an office only as a subject: "the interviewer who talked to the
    federation's president, he ..." is the interviewer, whom the data does not know)."""
    if d.kind == "person":
        return True
    head = doc[d.end - 1]
    word = kb.sectors.get(head.lemma_.lower())
    return d.code is not None and d.kind == "state" and d.sector is not None and head.tag_ in ("NN", "NNP") \
        and word is not None and word.use == "title"


def _said_to_be_actor(kb: KnowledgeBase, verb: Token) -> bool:
    """"It is a major arms supplier to Iraq", "it is the largest donor": a copula whose complement is a noun
    naming a doer (an act noun's agent: supplier, donor, ally), with no clause put off after it ("it is a shame
    that ..."), says something of the "it" named before."""
    if any(c.dep_ in ("ccomp", "xcomp", "csubj", "advcl") for c in verb.children):
        return False
    return any(c.dep_ == "attr" and c.pos_ == "NOUN" and kb.is_word("agent_noun", c.lemma_.lower())
               for c in verb.children)


def _is_subject(doc: Doc, d: Draft) -> bool:
    return doc[d.start:d.end].root.dep_ in _SUBJECT_DEPS


def _reporting_subject(tok: Token) -> Token | None:
    """The subject of the reporting verb whose content `tok` is the subject of ("X said he would ...")."""
    clause = tok.head
    if clause.dep_ != "ccomp" or clause.head.i > tok.i:
        return None
    return next((c for c in clause.head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)


def _subjects_before(doc: Doc, tok: Token, before: list[Draft], sents: Sentences
                     ) -> Iterator[tuple[Token, dict[int, Draft]]]:
    """Noun subjects before `tok` within the pronoun window, nearest first, with a token -> mention map."""
    by_token = {i: d for d in before[-40:] for i in range(d.start, d.end)}
    floor = sents.starts[max(0, sents.of(tok.i) - _PRONOUN_WINDOW)]
    for i in range(tok.i - 1, floor - 1, -1):
        t = doc[i]
        if t.dep_ in _SUBJECT_DEPS and t.pos_ in ("NOUN", "PROPN"):
            yield t, by_token


def _subject_antecedent(doc: Doc, tok: Token, before: list[Draft], sents: Sentences, *, plural: bool) -> Draft | None:
    """The actor mention holding the last noun subject of the right number before `tok`, if any."""
    for t, by_token in _subjects_before(doc, tok, before, sents):
        # "The Nigerian Union of Teachers ... it": a subject the data does not know stands for its country word
        d = by_token.get(t.i) or next((by_token[c.i] for c in t.lefts if c.dep_ in ("amod", "compound")
                                       and c.i in by_token and by_token[c.i].code), None)
        number_plural = t.tag_ in ("NNS", "NNPS") or (d is not None and (d.plural or d.kind == "non_state"))
        if plural and number_plural:
            return d
        if not plural and (not number_plural or (d is not None and d.kind == "non_state")):
            return d
    return None


def _coordinated_subject(doc: Doc, tok: Token, before: list[Draft], sents: Sentences) -> list[Draft]:
    """The coded actors of the last subject before `tok` when it coordinates several ("X and Y"); also the
    one coded side of "Chile and other countries" / "Chile and its allies" (they are plural, Chile is not)."""
    for t, by_token in _subjects_before(doc, tok, before, sents):
        sides: list[Draft] = []
        parts = (t, *t.conjuncts)
        for part in parts:
            d = by_token.get(part.i)
            if d is not None and d.code is not None and all(s.code != d.code for s in sides):
                sides.append(d)
        return sides if len(sides) > 1 or (sides and len(parts) > 1) else []
    return []


def _coded(d: Draft) -> bool:
    return d.code is not None and d.kind in ("state", "person") and d.source != "ref"


def _only_state(before: list[Draft]) -> Draft | None:
    """The last state mention when the article so far has named exactly one state."""
    states = [d for d in before if d.kind == "state" and d.code is not None and d.source != "ref"]
    return states[-1] if states and len({d.code for d in states}) == 1 else None


def _standalone(doc: Doc, d: Draft) -> bool:
    """Not a modifier inside another noun phrase ("a U.S. ally", "Russia's war")."""
    return doc[d.end - 1].dep_ not in ("compound", "amod", "poss", "nmod")


def _pair(doc: Doc, tok: Token, before: list[Draft], sents: Sentences, bodies: bool = False) -> list[Draft]:
    """ "both countries", "the two sides" -> the last two different coded actors (two mentions); `bodies`: people,
    organisations and single state organs only ("the two institutions", "both leaders"), not states or towns by
    name (a capital stands for its government) nor groups of officials."""
    marks = [c for c in tok.lefts if c.lower_ in ("both", "two")]
    if not marks:
        return []
    start = min(c.i for c in tok.lefts if c.dep_ in ("det", "nummod", "predet", "amod") or c in marks)
    here = sents.of(tok.i)
    pair: list[Draft] = []
    for d in reversed(before):
        if here - sents.of(d.start) > _NOUN_WINDOW:
            break
        if d.code is None or d.kind == "group" or d.source == "ref" or (
                bodies and d.kind == "state" and (d.sector is None or d.plural or d.source == "capital")):
            continue
        if all(_other_side(p, d) for p in pair):
            pair.append(d)
        if len(pair) == 2:
            break
    if len(pair) < 2:
        return []
    return [_refer(start, tok.i + 1, d, d.sector) for d in reversed(pair)]


def _definite_pair(tok: Token) -> bool:
    """ "both leaders", "the two institutions": a pair already named, not "two leaders of the union"."""
    lefts = [c.lower_ for c in tok.lefts]
    return "both" in lefts or ("two" in lefts and "the" in lefts)


def _other_side(a: Draft, b: Draft) -> bool:
    """Two sides: different states, or a state's rebels and its government ("the ELN ... the government")."""
    return a.code != b.code or (a.sector != b.sector and "REB" in (a.sector, b.sector))


def _listed(doc: Doc, d: Draft) -> bool:
    """A member of a coordinated list of three or more ("the United States, Britain, France and Jordan")."""
    head = doc[d.end - 1]
    while head.dep_ == "conj":
        head = head.head
    return len(head.conjuncts) >= 2


def _recent(before: list[Draft], here: int, window: int, sents: Sentences, ok: Callable[[Draft], bool]) -> Draft | None:
    for d in reversed(before):
        if here - sents.of(d.start) > window:
            return None
        if ok(d):
            return d
    return None


def _refer(start: int, end: int, ante: Draft, sector: str | None, *, as_state: bool = False,
           kb: KnowledgeBase | None = None) -> Draft:
    """A reference mention: its own words, the antecedent's actor."""
    if as_state and ante.kind == "person":
        name = kb.countries.get(ante.code or "", ante.code) if kb else ante.code
        return Draft(start, end, ante.code, sector, "state", name, "ref", plural=False)
    kind = ante.kind
    name = ante.name
    key = ante.key or actor_key(kind, ante.code, sector, name)
    if sector != ante.sector:
        key = actor_key(kind, ante.code, sector, name)
    return Draft(start, end, ante.code, sector, kind, name, "ref", key=key, plural=ante.plural,
                 antecedent=ante if ante.code is None else None)
