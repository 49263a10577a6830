"""Resolve the actors of one parsed document: which state, organisation, group or person each phrase
stands for.

Steps, each over the whole document:
1. knowledge-base aliases (countries, demonyms, capitals, institutions, organisations, armed groups,
   office-holders) found by one PhraseMatcher; aliases inside a spaCy PERSON name are not places;
   towns and cities that spaCy tags as places, from the GeoNames list, stand for their state;
2. spaCy PERSON entities not in the data, and surnames of people already named ("Austin");
3. titles and appositions give a person a role ("Ukrainian President X"; "X, the Russian foreign
   ministry spokeswoman"); a country word modifying a sector noun makes one mention of the whole
   phrase ("North Korean troops" -> PRK MIL, "Iran's foreign ministry" -> IRN GOV);
4. group nouns with no resolvable affiliation ("officials", "experts") -> code None;
5. within-article references ("the ministry", "both countries", "it", "they") -> see coref.py.
"""

from __future__ import annotations

import datetime as dt
import difflib

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.tokens import Doc, Span, Token

from dotterel import language
from dotterel.actors import coref
from dotterel.actors.drafts import Draft, Sentences, actor_key, positions, same_person, to_mention
from dotterel.actors.kb import (OFFICIAL_SECTORS, Actor, KnowledgeBase, SectorWord, Term, load, not_a_person,
                                person_words)
from dotterel.actors.matching import find_aliases
from dotterel.findings import ActorIndex

# Dependency labels through which a word modifies the noun phrase it belongs to.
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod"})
# Left dependents of a head noun that belong to the actor phrase ("the", "senior", "Ukrainian").
_PHRASE_DEPS = frozenset({"det", "amod", "compound", "nmod", "poss"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_STATE_SOURCES = frozenset({"country", "demonym", "capital"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Entity types whose longer names make an alias inside them no actor (capitals also in ORG names).
_PERSON_VETO = frozenset({"PERSON"})
_CITY_VETO = frozenset({"PERSON", "ORG", "FAC", "WORK_OF_ART"})
_PLACE_LABELS = frozenset({"GPE", "LOC"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def resolve_actors(doc: Doc, pub_date: dt.date | None) -> ActorIndex:
    """Every actor mention in `doc`, resolved against the knowledge base as of `pub_date`."""
    kb = load()
    drafts = _alias_drafts(doc, pub_date)
    drafts = _acronym_drafts(doc, drafts)
    drafts = _place_drafts(doc, kb, drafts)
    drafts = _party_drafts(doc, kb, drafts)
    drafts = _person_drafts(doc, kb, drafts)
    drafts = _compose(doc, kb, drafts)
    drafts = _group_nouns(doc, kb, drafts)
    drafts = coref.resolve_references(doc, kb, drafts, Sentences(doc))
    return ActorIndex([to_mention(doc, d) for d in drafts])


# --- 1. aliases -----------------------------------------------------------------------------------


def _pick(candidates: list[Actor], day: dt.date | None) -> Actor:
    """Between namesakes ("George Bush", "Clinton") prefer the one in office, else the latest."""
    if len(candidates) == 1:
        return candidates[0]
    people = [a for a in candidates if a.is_person]
    if people:
        in_office = [a for a in people if day is not None and a.at(day) is not None]
        pool = in_office or people
        return max(pool, key=lambda a: a.latest_start(day))
    return candidates[0]


def _term(actor: Actor, day: dt.date | None) -> Term | None:
    term = actor.at(day)
    if term is None and not actor.is_person:
        # a group outside its listed ranges keeps its nearest earlier (else first) status
        earlier = [t for t in actor.terms if day is not None and t.start is not None and t.start <= day]
        term = max(earlier, key=lambda t: t.start or dt.date.min) if earlier else actor.terms[0]
    return term


def _out_of_office(kb: KnowledgeBase, actor: Actor, day: dt.date | None) -> str | None:
    """A known office-holder outside every term (Nixon in 2019, a minister before his appointment) is still
    of his state, no organ of it (no sector), like "former Chilean minister X"; an international
    official's own state the data does not give."""
    earlier = [t for t in actor.terms if day is not None and t.start is not None and t.start <= day]
    if day is not None and not earlier:
        return None  # not yet in office: a name matched years before its holder's rise is too often another's
    term = max(earlier, key=lambda t: t.start or dt.date.min) if earlier else actor.terms[0]
    state_organ = term.sector in OFFICIAL_SECTORS and term.code and term.code not in kb.org_codes
    return term.code if state_organ else None


def _inside_name(doc: Doc, start: int, end: int, labels: frozenset[str]) -> bool:
    """Inside a longer name with one of `labels` ("Michael Jordan", "Washington Post"); a tag on the
    alias alone is trusted less than the gazetteer (spaCy tags some demonyms, e.g. "Azerbaijani", as
    PERSON)."""
    for i in range(start, end):
        tok = doc[i]
        if tok.ent_type_ in labels:
            ent_start = i
            while ent_start > 0 and doc[ent_start].ent_iob_ == "I":
                ent_start -= 1
            ent_end = i + 1
            while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I":
                ent_end += 1
            if tok.ent_type_ == "PERSON" and (not_a_person(load(), [t.text for t in doc[ent_start:ent_end]])
                                              or doc[ent_end - 1].tag_ in ("NNS", "NNPS")):
                return False  # ... and a name does not end in a plural: "Bosnian Serbs" are a people
            return ent_start < start or ent_end > end
    return False


def _alias_drafts(doc: Doc, day: dt.date | None) -> list[Draft]:
    kb = load()
    out: list[Draft] = []
    for start, end, _alias, candidates in find_aliases(doc):
        if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ("anti", "pro"):
            continue  # "an anti-Syria journalist", "pro-Russian separatists": a stance, not who they are
        actor = _pick(candidates, day)
        if not actor.is_person and _inside_name(
                doc, start, end, _CITY_VETO if actor.source in ("capital", "region") else _PERSON_VETO):
            continue  # "Jordan" in "Michael Jordan"; "Washington" in "Washington Post", "New York" in "New York Times"
        if not actor.is_person and _person_by_surname(doc, kb, start, end):
            continue  # "Mr Holland"; "Dara Amman ... Amman": a person's name, not the place
        if actor.is_person and _someone_elses_name(doc, kb, start, end, actor):
            continue  # "James Miller" in "Sarah James Miller-Smith", "Biden" in "Hunter Biden": another person
        term = _term(actor, day)
        if actor.source == "region":
            # a region stands for its state like a town does; a sea or a continent's part for no one
            if term is not None and term.code is not None:
                out.append(Draft(start, end, term.code, None, "state", kb.countries.get(term.code, term.code),
                                 "city", key=f"place:{doc[start:end].text}"))
            continue
        if actor.is_person:
            code, sector = (term.code, term.sector) if term else (None, None)
            home = None if term else _out_of_office(kb, actor, day)
            out.append(Draft(start, end, code, sector, "person", actor.name, "leader", home=home))
            continue
        assert term is not None
        kind = term.kind
        name = kb.countries.get(term.code or "", actor.name) if kind == "state" else actor.name
        plural = actor.source in ("demonym", "group") and doc[end - 1].tag_ in _PLURAL_TAGS
        out.append(Draft(start, end, term.code, term.sector, kind, name, actor.source, plural=plural))
    return out


def _acronym_drafts(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """An organisation named in full is named again by its code ("the International Coffee Organization ... the
    ICO"): an acronym the data does not take alone, being another body's too ("ADB", "ICO"), is the one the article
    has named, after it was named, as a person's surname is."""
    named: dict[str, Draft] = {}  # code -> its first full mention
    for d in drafts:
        if d.source == "organisation" and d.code and d.code.isupper() and d.end - d.start > 1:
            named.setdefault(d.code, d)
    if not named:
        return drafts
    covered = {i for d in drafts for i in range(d.start, d.end)}
    found = [Draft(i, i + 1, org.code, org.sector, org.kind, org.name, "organisation")
             for i in positions(doc, ORTH, named) if i not in covered
             for org in [named[doc[i].text]] if org.end <= i]
    return sorted([*drafts, *found], key=lambda d: d.start) if found else drafts


_PLACE_PREPS = language.words("prepositions", "place")
_TO_PLACE_PREPS = language.words("prepositions", "place", "location", "movement")


def _someone_elses_name(doc: Doc, kb: KnowledgeBase, start: int, end: int, actor: Actor) -> bool:
    """An office-holder's alias inside a longer PERSON name that is not his: a second surname joined to his full
    name ("James Miller-Smith"), or, before his bare surname, capitalised name words none of which is (or is
    spelt like) one of his own names ("*Hunter* Biden", "*Mary* Trump"; not "*Vladimir* Vladimirovich Putin",
    "*Mikhael* Gorbachev"). Titles do not count; before a full name a capitalised word is most often a title
    the data does not know ("Treasurer Paul Keating"), so it is left alone."""
    if doc[start].ent_type_ != "PERSON":
        return False
    ent_start, ent_end = start, end
    while ent_start > 0 and doc[ent_start].ent_iob_ == "I":
        ent_start -= 1
    while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I":
        ent_end += 1
    if end - start > 1:
        return end + 1 < ent_end and doc[end].text == "-" and not doc[end - 1].whitespace_
    lemmas = [t.lemma_.lower() for t in doc[ent_start:start]]
    titled = {j for n in (3, 2, 1) for i in range(len(lemmas) - n + 1)
              if " ".join(lemmas[i:i + n]) in kb.sectors for j in range(i, i + n)}  # "Crown Prince"
    names = [t.text for i, t in enumerate(doc[ent_start:start]) if i not in titled and t.text[:1].isupper()
             and not kb.is_word("courtesy", t.lower_.rstrip("."))]
    own = person_words().get(actor.name, frozenset())
    return bool(names) and not any(difflib.SequenceMatcher(None, w, o).ratio() >= _SAME_NAME for w in names for o in own)


# how alike a given name must be spelt to one of an office-holder's own names to be his (Mikhael / Mikhail)
_SAME_NAME = 0.75


def _person_by_surname(doc: Doc, kb: KnowledgeBase, start: int, end: int) -> bool:
    """A one-word place name that names a person here: after a courtesy title or an office ("Mr Holland",
    "Senator Holland"), or alone after a person of that family name was named in full ("Dara Amman ...
    Amman"), unless a place preposition says it is the place ("flew to Amman")."""
    if end - start != 1 or not doc[start].text[:1].isupper():
        return False
    if start > 0:
        before = doc[start - 1].lower_.rstrip(".")
        title = kb.sectors.get(doc[start - 1].lemma_.lower())
        if kb.is_word("courtesy", before) or (title is not None and title.use in ("title", "group")
                                               and doc[start - 1].text[:1].isupper() and doc[start - 1].tag_ == "NNP"):
            return True
        if before in _TO_PLACE_PREPS:
            return False
    name = doc[start].text
    return any(ent.label_ == "PERSON" and ent.end <= start and len(ent) > 1 and ent[-1].text == name
               for ent in doc.ents)


def _place_drafts(doc: Doc, kb: KnowledgeBase, drafts: list[Draft]) -> list[Draft]:
    """Towns and cities (GPE/LOC entities no alias covers) stand for the state they lie in, with no sector:
    a place is where something happens or whom it hits, not a government ("shelled Kherson")."""
    covered = {i for d in drafts for i in range(d.start, d.end)}
    found = []
    for ent in doc.ents:
        if not (ent.label_ in _PLACE_LABELS or _misread_place(doc, ent)) or any(i in covered for i in range(ent.start, ent.end)):
            continue
        start = ent.start + (doc[ent.start].lower_ == "the")
        text = doc[start:ent.end].text
        code = kb.cities.get(text) if text else None
        if code is not None:
            found.append(Draft(start, ent.end, code, None, "state", kb.countries.get(code, code), "city",
                               key=f"place:{text}"))
    return sorted([*drafts, *found], key=lambda d: d.start) if found else drafts


def _misread_place(doc: Doc, ent: Span) -> bool:
    """A town the small model calls a person ("in Sivas", "near Jaffna"): the preposition says it is a place."""
    return ent.label_ == "PERSON" and ent.start > 0 and doc[ent.start - 1].lower_ in _PLACE_PREPS


def _party_drafts(doc: Doc, kb: KnowledgeBase, drafts: list[Draft]) -> list[Draft]:
    """Party members and party adjectives ("Senate Democrats", "Republican lawmakers") stand for the
    party's state, sector LEG, in an article that names that state otherwise; never inside a longer
    capitalised name ("Social Democrats", "Republican Guard")."""
    named = {d.code for d in drafts if d.code and d.kind in ("state", "person")}
    covered = {i for d in drafts for i in range(d.start, d.end)}
    found = []
    for i in positions(doc, ORTH, kb.parties):
        term = kb.parties[doc[i].text]
        if i in covered or term.code not in named or _inside_party_name(doc, kb, i):
            continue
        # a party is a group, not a state: never the place an event happens in nor the unnamed actor's home
        found.append(Draft(i, i + 1, term.code, term.sector, term.kind, kb.party_names[doc[i].text],
                           "party" if term.kind == "group" else "institution",
                           plural=doc[i].tag_ in _PLURAL_TAGS))
    return sorted([*drafts, *found], key=lambda d: d.start) if found else drafts


def _inside_party_name(doc: Doc, kb: KnowledgeBase, i: int) -> bool:
    """"*Social* Democrats", "Republican *Guard*", "Democratic *Unionist* Party": a capitalised word joined
    to the party word makes another name (the party's own "Party", a body or a title do not)."""
    before = doc[i - 1] if i > 0 else None
    if before is not None and before.text[:1].isupper() and before.pos_ not in ("DET", "PRON") \
            and before.text not in kb.aliases and (before.head.i == i or (
                before.head.i == i + 1 and doc[i + 1].lower_ == "party")):
        return True  # "Social Democrats"; "Liberal Democratic Party" (Japan's), not the U.S. Democrats'
    after = doc[i + 1] if i + 1 < len(doc) else None
    if after is not None and after.lower_ == "of" and i + 2 < len(doc) and doc[i + 2].text[:1].isupper():
        return True  # "House of Lords", "Republican of Texas" is not a name but rare
    if after is None or not after.text[:1].isupper() or after.is_punct:
        return False
    if after.lower_ == "party":
        return False
    # a title goes ("Democratic Senator X"), an organisation's name does not ("the Republican Guard")
    named_with = after.ent_iob_ == "I" and after.ent_type_ in ("ORG", "FAC", "GPE", "LOC")
    return named_with or (kb.sectors.get(after.lemma_.lower()) is None and after.text not in kb.aliases)


# --- 2. people ------------------------------------------------------------------------------------


def _person_drafts(doc: Doc, kb: KnowledgeBase, drafts: list[Draft]) -> list[Draft]:
    """Add PERSON entities not covered by the data, and later surname-only references."""
    covered = {i for d in drafts for i in range(d.start, d.end)}
    people = [d for d in drafts if d.kind == "person"]
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        start, end = ent.start, ent.end
        while end > start and doc[end - 1].tag_ == "POS":  # "Kim Jong Un's"
            end -= 1
        if end <= start or any(i in covered for i in range(start, end)):
            continue
        if not_a_person(kb, [t.text for t in doc[start:end]]):
            continue
        d = Draft(start, end, None, None, "person", doc[start:end].text, "person")
        people.append(d)
        covered.update(range(start, end))
    people.sort(key=lambda d: d.start)
    return _merge_short_forms(doc, kb, [d for d in drafts if d.kind != "person"], people)


def _short_forms(kb: KnowledgeBase, d: Draft) -> list[str]:
    """The forms by which a person may be named again later in the same article."""
    words = (d.name or "").split()
    if d.source == "leader":
        actors = kb.aliases.get(d.name or "", [])
        listed = next((list(a.short) for a in actors if a.is_person and a.name == d.name), [])
        # ... and his family name, as for anyone named in full ("Saddam Hussein ... Hussein")
        return listed + [words[-1]] if len(words) > 1 and not _given_name_last(words[-1]) else listed
    if len(words) > 1 and _given_name_last(words[-1]):
        return [words[0]]  # "Rha Woong-bae ... Rha": family name first
    return [words[-1]] if len(words) > 1 else []


def _given_name_last(word: str) -> bool:
    """A hyphenated given name ("Woong-bae", "Jae-in") marks a Korean name, family name first."""
    first, _, rest = word.partition("-")
    return bool(rest) and first[:1].isupper() and rest.isalpha() and rest.islower()


def _merge_short_forms(doc: Doc, kb: KnowledgeBase, others: list[Draft], people: list[Draft]) -> list[Draft]:
    """A person named in full earlier is the same person when a short form recurs ("Austin"), unless two
    people named so far share that form ("Saddam Hussein ... King Hussein ... Hussein"): then it is neither."""
    short: dict[str, list[Draft]] = {}  # short form -> the full mentions giving it, in text order
    result: list[Draft] = []

    def earlier(form: str, before: int) -> Draft | None:
        named = [d for d in short.get(form, []) if d.start < before]
        if not named or not all(same_person(d.name or "", named[-1].name or "") for d in named):
            return None
        return named[-1]

    for d in people:
        text = doc[d.start:d.end].text
        known = earlier(text, d.start)
        if d.source == "person" and known is not None:
            d.code, d.sector, d.name, d.source = known.code, known.sector, known.name, known.source
        elif d.source == "person" or d.end - d.start > 1 or d.source == "leader":
            for form in _short_forms(kb, d):
                if form != text:
                    short.setdefault(form, []).append(d)
        result.append(d)
    # short forms not tagged PERSON by spaCy ("Kim sees this ...")
    covered = {i for d in [*others, *result] for i in range(d.start, d.end)}
    if short:
        for i in positions(doc, ORTH, short):
            tok = doc[i]
            named = earlier(tok.text, tok.i)
            if named is None or tok.i in covered or not tok.text[:1].isupper():
                continue
            if tok.pos_ != "PROPN" and tok.ent_type_ not in ("PERSON", ""):
                continue
            result.append(Draft(tok.i, tok.i + 1, named.code, named.sector, "person", named.name, named.source))
            covered.add(tok.i)
    return sorted([*others, *result], key=lambda d: d.start)


# --- 3. titles, appositions and sector nouns ----------------------------------------------------------


def _phrase_head(tok: Token) -> Token:
    """Climb from a modifier to the head noun of its noun phrase ("North Korean" -> "troops")."""
    h = tok
    while h.dep_ in _MODIFIER_DEPS and h.head.i > h.i and h.head.pos_ in _NOUNS:
        h = h.head
    return h


def _lemmas_to(doc: Doc, start: int, head: Token) -> list[str]:
    return [t.lemma_.lower() for t in doc[max(start, head.i - 3): head.i + 1]]


def _is_former(kb: KnowledgeBase, head: Token) -> bool:
    """A head noun marked as a past role: "a former British officer", "ex-minister"."""
    for child in head.children:
        word = child.lower_.rstrip("-")
        if child.i < head.i and kb.is_word("former", word):
            return True
    return head.lower_.startswith("ex-")


def _phrase_start(head: Token, floor: int) -> int:
    """Leftmost token of the actor phrase headed by `head` (det and modifiers; not numbers)."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in _PHRASE_DEPS and child.i >= floor:
            start = min(start, child.left_edge.i if child.left_edge.i >= floor else child.i)
    return start


def _compose(doc: Doc, kb: KnowledgeBase, drafts: list[Draft]) -> list[Draft]:
    by_token = {i: d for d in drafts for i in range(d.start, d.end)}
    removed: set[int] = set()  # ids of drafts absorbed into a bigger phrase
    for person in [d for d in drafts if d.kind == "person"]:
        _title(doc, kb, person, by_token, removed)
    for inst in [d for d in drafts if d.source == "institution"]:
        _owned_institution(doc, inst, by_token, removed)
    kept = [d for d in drafts if id(d) not in removed]
    home = coref.article_state(kept)
    for person in [d for d in kept if d.kind == "person" and d.code is None]:
        _office_in_sentence(doc, kb, person, kept, home)
    _share_roles(kept)
    homes = {d.name: d.home for d in kept if d.kind == "person" and d.home is not None and d.name}
    for person in kept:  # ... and his surname alone ("John Bolton ... Bolton")
        home = person.home or homes.get(person.name or "")
        if person.kind == "person" and person.code is None and home is not None:
            person.code = home  # no title or apposition gave him a role: of his state, no organ of it
    for d in drafts:
        if id(d) in removed or d.kind not in ("state", "igo"):
            continue
        _sector_phrase(doc, kb, d, by_token, removed)
    return sorted((d for d in drafts if id(d) not in removed), key=lambda d: d.start)


def _share_roles(drafts: list[Draft]) -> None:
    """A person whose title or apposition gave a role keeps it when named again by surname alone
    ("West German Agriculture Minister Ignaz Kiechle ... Kiechle denounced"): the short form was merged
    with the full name before titles were read."""
    roles: dict[str, Draft] = {}
    for d in sorted(drafts, key=lambda d: d.start):
        if d.kind != "person" or d.source != "person" or not d.name:
            continue
        if d.code is not None:
            roles.setdefault(d.name, d)
        elif d.name in roles:
            d.code, d.sector = roles[d.name].code, roles[d.name].sector


def _office_in_sentence(doc: Doc, kb: KnowledgeBase, person: Draft, drafts: list[Draft], home: str | None) -> None:
    """A titled office-holder the data does not know ("President Levy Mwanawasa ... the Zambian people")
    holds office in the one state the sentence names, or with none there, the one its paragraph has named
    so far, or with none there either, the state the article is about (`home`); with two or more states
    it stays unresolved."""
    words = [t.lemma_.lower() for t in doc[person.start:person.end]]
    heads = [form for n in (4, 3, 2, 1) if person.end - person.start > n  # "Lt. Gen." is three tokens
             for form in (" ".join(words[:n]), doc[person.start:person.start + n].text.lower())]
    title = next((kb.sectors[w] for w in heads if w in kb.sectors and kb.sectors[w].use == "title"), None)
    inner = title is None  # a title after other words ("Finance Minister X") is trusted only at home
    title = title or _leading_title(doc, kb, person, words)
    if title is None:
        # "X, a provincial official": an apposition's state office, trusted only at home (as inner titles)
        title, inner = _apposed_office(doc, kb, person, drafts), True
    if title is None or any(kb.is_word("former", w.rstrip("-")) for w in words):
        return
    if title.sector is not None and title.sector not in OFFICIAL_SECTORS:
        return  # "Executive Vice President X": a company's officer holds no office of the state around him
    sent = doc[person.start].sent
    # (not the nationality of another office-holder: "President X met *the American* ambassador", nor a state
    # his own act is aimed at: "Energy Minister X criticised Uganda" is no Ugandan)
    near = [d for d in drafts if d.kind == "state" and d.code and not _of_other_office(doc, kb, d)
            and not _acted_on_by(doc, person, d)]
    states = {d.code for d in near if sent.start <= d.start < sent.end}
    if not states:
        # none in the sentence: the one state its paragraph has named so far ("Venezuela ... \n ... President X")
        para = doc.text.rfind("\n", 0, doc[sent.start].idx) + 1
        states = {d.code for d in near if d.source in _STATE_SOURCES and para <= doc[d.start].idx and d.start < sent.end}
    if home is not None and (not states or home in states):
        # "Budget Minister X" in an article about one state, naming no other near him, or naming it among
        # others ("Prime Minister X withdrew a request to Washington as the Greek-Turkish row eased")
        states = {home}
    # an article that has named one state only, so far, is about it as far as a reader can tell (the
    # convention for "the Prime Minister" with no holder: coref._only_state)
    # (for titles only a government gives, "Finance Minister X": a "President X" or "Secretary X" in business
    # news is a company's officer in an article that named a state only for its currency or a firm's seat)
    only = {d.code for d in near if d.source in _STATE_SOURCES and d.start < sent.end}
    if home is None and len(only) == 1 and states <= only and any(kb.is_word("government_title", w) for w in words):
        states = only
    elif inner and states != {home}:
        return  # "Trade and Industry Secretary X" in a sentence naming another state: whose, the text does not say
    if person.home is not None:
        states = {person.home}  # a known holder's state is known: the title only says he is in office
    if len(states) == 1:
        person.code, person.sector = states.pop(), title.sector or "GOV"


# Words between a state's name and the noun its verb acts on ("criticised *Uganda's* policy").
_INSIDE_OBJECT_DEPS = frozenset({"poss", "compound", "nmod"})


def _acted_on_by(doc: Doc, person: Draft, d: Draft) -> bool:
    """Whether the state named by `d` (its name or capital, not a demonym: "reneged on a promise to the
    Zambian people" is a leader's own people) is what the verb `person` is the subject of acts on directly:
    its object, or the object of a preposition on the verb ("X criticised Uganda", "X flew to Kampala");
    not one inside a clause or a longer phrase ("X said Uganda would ...", "demands of a Front for Angola")."""
    subject = doc[person.start:person.end].root
    if subject.dep_ not in ("nsubj", "nsubjpass") or d.start < person.end or d.source not in ("country", "capital"):
        return False
    verb, tok = subject.head, doc[d.end - 1]
    while tok.dep_ in _INSIDE_OBJECT_DEPS:
        tok = tok.head
    if tok.dep_ in ("dobj", "dative"):
        return tok.head.i == verb.i
    return tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.i == verb.i


def _of_other_office(doc: Doc, kb: KnowledgeBase, d: Draft) -> bool:
    """A state word that only says whose another office is ("the *British* ambassador", "his *Sudanese*
    counterpart"): another person's state, which tells nothing of a titled name beside it."""
    last = doc[d.end - 1]
    word = kb.sectors.get(last.head.lemma_.lower())
    return last.dep_ in _MODIFIER_DEPS and last.head.i >= d.end and word is not None and word.use == "title" \
        and last.head.tag_ in ("NN", "NNS")


def _apposed_office(doc: Doc, kb: KnowledgeBase, person: Draft, drafts: list[Draft]) -> SectorWord | None:
    """A state office an apposition gives a person the data does not know: "X, a provincial official", "X,
    the deputy interior minister"; not a past one, and not one of a body the apposition names ("X, a
    spokesman for Amnesty", "X, an official of the Keidanren": whose office it is, the name says)."""
    head = doc[person.end - 1]
    for child in head.rights:
        if child.dep_ != "appos" or _is_former(kb, child):
            continue
        role = kb.sector_of(_lemmas_to(doc, child.left_edge.i, child))
        if role is None or role.sector not in OFFICIAL_SECTORS:
            continue
        words = range(child.left_edge.i, child.right_edge.i + 1)
        if any(d.start in words for d in drafts if d is not person) or any(
                t.ent_type_ in ("ORG", "NORP", "GPE") for t in doc[words.start:words.stop]):
            continue
        return role
    return None


def _leading_title(doc: Doc, kb: KnowledgeBase, person: Draft, words: list[str]) -> SectorWord | None:
    """A title ending before the name ("Finance Minister X", "Budget Minister X"), or a lone title the
    parser took for a name ("the Queen"); never a word of the name itself ("Martin Luther King")."""
    size = person.end - person.start
    for n in range(min(4, size), 0, -1):
        if (n == size and size > 1) or (n < size and doc[person.start + n - 1].ent_type_ == "PERSON"):
            continue
        prefix = doc[person.start:person.start + n]
        tagged = " ".join(t.lower_ for t in prefix if t.ent_type_ not in ("", "PERSON"))
        # "Central Bank president X", "Social Affairs minister X": after a department's name the title may be
        # lower-case
        named = tagged or kb.is_word("portfolio", " ".join(t.lower_ for t in prefix[:-1]))
        last = prefix[-1].i if named else -1
        if (tagged and not kb.is_word("portfolio", tagged)) or not all(t.is_title or t.lower_ in ("and", "of")
                                                                      or t.i == last for t in prefix):
            # "Taliban spokesperson X", "company president X", "Opposition leader X": not a state office;
            # "Finance Minister X", "Central Bank president X" are, however the tagger reads the department
            continue
        hit = kb.sector_of(words[:n])
        if hit is not None and hit.use == "title":
            return hit
    return None


def _owned_institution(doc: Doc, inst: Draft, by_token: dict[int, Draft], removed: set[int]) -> None:
    """A generic institution name with another country in front belongs to it: "Ivory Coast's Supreme
    Court", "the Philippine Senate" (the data file's "Supreme Court" alone is the American one), "the Libyan House
    of Representatives" (the name's own head, not its last word)."""
    head = doc[inst.start:inst.end].root
    for child in head.lefts:
        owner = by_token.get(child.i) if child.i < inst.start and child.dep_ in _MODIFIER_DEPS else None
        if owner is not None and owner.kind == "state" and owner.code and owner.code != inst.code:
            removed.add(id(owner))
            inst.start, inst.code, inst.name = owner.start, owner.code, owner.name
            inst.key = ""
            return


def _country_in(drafts: list[Draft]) -> Draft | None:
    """The state or organisation a title belongs to ("Ukrainian President", "U.N. mediator")."""
    for d in drafts:
        if (d.kind == "state" and d.source in _STATE_SOURCES | {"institution"}) or d.kind == "igo" or d.source == "party":
            return d
    return None


def _title(doc: Doc, kb: KnowledgeBase, person: Draft, by_token: dict[int, Draft], removed: set[int]) -> None:
    """Extend a person over a preceding title and take its country when the data gives none."""
    head = doc[person.end - 1]
    envoy = _envoy_title(kb, head)
    if envoy is not None:
        # "the Portuguese ambassador to Peking John Harlow": the state named after "to" hosts him; he is
        # of the state whose envoy he is (the title's own phrase), else of none the text gives
        senders = [by_token[c.i] for c in envoy.lefts if c.dep_ in _MODIFIER_DEPS and c.i in by_token]
        sender = _country_in(senders)
        if person.code is None and sender is not None and sender.code:
            person.code, person.sector = sender.code, "IGO" if sender.kind == "igo" else "GOV"
        return
    start = person.start
    for child in head.lefts:
        if child.i < person.start and child.dep_ in _PHRASE_DEPS and doc[child.i:person.start].text.find("\n") < 0:
            start = min(start, child.left_edge.i)
    while start < person.start and kb.is_word("quantifier", doc[start].lower_):
        start += 1  # "Both President Trump and ...": the quantifier belongs to the coordination
    unique = {id(by_token[i]): by_token[i] for i in range(start, person.start) if i in by_token}
    inner = [d for d in unique.values() if d is not person]
    title_words = _lemmas_to(doc, start, doc[person.start - 1]) if start < person.start else []
    title = kb.sector_of(title_words) if title_words else None
    former = any(kb.is_word("former", t.lower_.rstrip("-")) for t in doc[start:person.start])
    if start < person.start and (title is not None or inner):
        if any(d.kind == "person" for d in inner):
            return  # two names in a row: leave both alone
        for d in inner:
            removed.add(id(d))
        person.start = start
        country = _country_in(inner)
        if country is None and title is not None and title.use == "title":
            # "Texas Governor X", "Kherson Mayor X": an office of a region or town is one of its state's
            country = next((d for d in inner if d.kind == "state" and d.source == "city" and d.code), None)
        if person.code is None and country is not None:
            person.code = country.code
            person.sector = "IGO" if country.kind == "igo" else (
                _office_sector(kb, title_words, title) if title and country.source != "demonym"
                else title.sector if title else None) or "GOV"
            if former:  # "former Japanese Foreign Minister X": of that state still, but no longer its organ
                person.sector = None
        elif person.code is None and not former and title_words and (
                title is not None or kb.is_word("office_head", title_words[-1])):
            # "Keidanren chairman X", "Hamas spokesman X": an office in a named non-state group is of the group
            group = next((d for d in inner if d.source == "group" and d.code), None)
            if group is not None:
                person.code, person.sector = group.code, group.sector
    if person.code is None:
        _apposition(doc, kb, person, head, by_token)


def _envoy_title(kb: KnowledgeBase, head: Token) -> Token | None:
    """The envoy title a name hangs on through "to" ("ambassador to Peking X", "envoy to the talks X"),
    where the parser reads the host state as part of the name."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "to" or prep.head.i >= prep.i:
        return None
    if kb.is_word("envoy", prep.head.lemma_.lower()):
        return prep.head
    # "talks with the Turkish Ambassador to Athens X": the parser may hang "to" on the talks; the title is the
    # word right before it
    before = head.doc[prep.i - 1]
    return before if prep.i > 0 and kb.is_word("envoy", before.lemma_.lower()) else None


_NESTED_DEPS = frozenset({"appos", "relcl", "acl"})


def _apposition(doc: Doc, kb: KnowledgeBase, person: Draft, head: Token, by_token: dict[int, Draft]) -> None:
    """ "X, the Russian foreign ministry spokeswoman" gives X that role; "a former ..." does not."""
    for child in head.rights:
        if child.dep_ != "appos":
            continue
        role = kb.sector_of(_lemmas_to(doc, child.left_edge.i, child))
        if role is None or role.use == "group" or _is_former(kb, child):
            continue
        # the role's own words, not a description nested in it ("president of X, a firm with Hong Kong
        # affiliations" is no Hong Kong office)
        nested = {t.i for c in child.subtree if c is not child and c.dep_ in _NESTED_DEPS for t in c.subtree}
        inside = [by_token[t.i] for t in child.subtree if t.i in by_token and t.i not in nested]
        country = _country_in(inside)
        if country is not None:
            person.code = country.code
            person.sector = "IGO" if country.kind == "igo" else (
                _office_sector(kb, _lemmas_to(doc, child.left_edge.i, child), role)
                if country.kind == "state" and country.source != "demonym"
                else role.sector) or "GOV"
            firm = _named_body(doc, kb, child, country)
            if firm is not None and country.kind == "state":
                # "X, president of the Chilean Workers Union": an office of the named body, not of the state;
                # of the state still, with the body's own sector where its head noun has one (a company: BUS)
                person.sector = firm or None
            return
    _post_in_body(doc, kb, person, head, by_token)


def _named_body(doc: Doc, kb: KnowledgeBase, role: Token, country: Draft) -> str | None:
    """The sector ("" for none known) of a named body that is no state organ ("the Chilean Workers Union", "the
    Kenya Coffee Corporation") in whose name the role's state stands; None when the state stands on its own."""
    for prep in (c for c in role.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "at")):
        for body in (o for o in prep.children if o.dep_ == "pobj" and o.ent_type_ == "ORG"):
            if not any(t.i == country.start for t in body.subtree):
                continue
            word = kb.sector_of(_lemmas_to(doc, body.left_edge.i, body))
            if word is not None and word.sector in OFFICIAL_SECTORS:
                return None  # "the Chilean Interior Ministry": a state organ
            return word.sector if word is not None and word.sector else ""
    return None


def _post_in_body(doc: Doc, kb: KnowledgeBase, person: Draft, head: Token, by_token: dict[int, Draft]) -> None:
    """ "X, administrator of the U.S. Agriculture Department", "X, a spokesman for the Houthi movement": a post
    (coref.csv role office_head) in a state's organ or an armed group the apposition names is an office of
    it, with that organ's sector; a post in a firm or an unnamed body gives nothing."""
    for child in head.rights:
        if child.dep_ != "appos" or _is_former(kb, child) or not kb.is_word("office_head", child.lemma_.lower()):
            continue
        for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "in")):
            body = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if body is None:
                continue
            words = {t.i for t in body.subtree} - {t.i for c in body.children if c.dep_ in _NESTED_DEPS | {"prep"}
                                                 for t in c.subtree}
            inside = {id(by_token[i]): by_token[i] for i in sorted(words) if i in by_token}.values()
            group = next((d for d in inside if d.code and d.source == "group" and d.sector), None)
            if group is not None:  # "a spokesman for Hamas": the group's own
                person.code, person.sector = group.code, group.sector
                return
            # the body itself or the one owning it ("the U.S. Agriculture Department's inspection service")
            organs = [kb.sector_of(_lemmas_to(doc, b.left_edge.i, b))
                      for b in [body, *(c for c in body.children if c.dep_ == "poss")]]
            organ = next((o for o in organs if o is not None and o.use == "body" and o.sector in OFFICIAL_SECTORS),
                         None)
            state = next((d for d in inside if d.code and d.kind == "state" and d.source in _STATE_SOURCES | {"institution"}), None)
            if organ is not None and state is not None:
                person.code, person.sector = state.code, organ.sector  # "of the U.S. Agriculture Department"
                return
            if state is not None and state.source == "institution" and state.sector in OFFICIAL_SECTORS:
                person.code, person.sector = state.code, state.sector  # "a member of the Bundestag"
                return


def _sector_phrase(doc: Doc, kb: KnowledgeBase, d: Draft, by_token: dict[int, Draft], removed: set[int]) -> None:
    """ "North Korean troops", "the Russian ambassador", "the government of Iraq" -> one mention."""
    last = doc[d.end - 1]
    anchor = last
    while anchor.dep_ == "conj" and anchor.head.i < anchor.i:
        anchor = anchor.head  # "Russian and Chinese officials": "Chinese" shares the head of "Russian"
    conj = anchor is not last
    head = _phrase_head(anchor)
    if conj and (head is anchor or head.i < d.start):
        return
    floor = d.start if conj else 0
    if head is last and last.dep_ == "pobj" and last.head.head.pos_ in _NOUNS and (
            last.head.lower_ == "of" or (last.head.lower_ == "from" and last.head.head.dep_ in _SUBJECT_DEPS)):
        # "the government of Iraq"; "delegates *from* Iran met ...", "troops from Chad attacked" (as the doer
        # only: "withdrew troops from Lebanon" names where they leave, not whose they are)
        head = last.head.head
        if head.i > d.start:
            return
    if head is last:
        return
    if _is_former(kb, head):
        removed.add(id(d))  # an affiliation in a past role, not an actor
        return
    other = by_token.get(head.i)
    if other is not None and other is not d:
        return  # the phrase is headed by another actor (a person handled by _title)
    if head.sent.start > d.start or "\n" in doc[min(d.start, head.i):max(d.end, head.i + 1)].text:
        return  # a parse that runs across a paragraph break
    word = kb.sector_of(_lemmas_to(doc, min(d.start, head.i), head))
    if word is None or word.sector is None:
        return  # "a U.S. ally" is not the U.S.
    if d.kind == "state" and word.use == "title" and d.source != "demonym":
        # "the chief executive of Macau": the title's own words, wherever the state stands
        word = SectorWord(_office_sector(kb, _lemmas_to(doc, _phrase_start(head, 0), head), word), word.use)
    if head.i > d.start:
        # another actor between this one and the head ("Russian and Chinese officials"):
        # this one keeps its own words, the head goes to the nearest
        between = [by_token[i] for i in range(d.end, head.i) if i in by_token]
        if between:
            d.sector = _sector_for(d, word.sector)
            return
        start = min(d.start, _phrase_start(head, floor)) if not conj else d.start
        end = head.i + 1
    else:
        start, end = _phrase_start(head, floor), d.end
    for i in range(start, end):
        o = by_token.get(i)
        if o is not None and o is not d:
            if o.kind == "person":
                return
            removed.add(id(o))
    d.start, d.end = start, end
    d.sector = _sector_for(d, word.sector)
    d.plural = doc[head.i].tag_ in _PLURAL_TAGS
    d.source = "phrase"
    for i in range(start, end):
        by_token[i] = d


def _office_sector(kb: KnowledgeBase, lemmas: list[str], title: SectorWord) -> str | None:
    """A title a state holds is a government office even where the word alone is a company's ("Hong Kong's
    chief executive"; coref.csv role state_office); a demonym is a nationality, not the holder ("the Japanese
    chief executive of a carmaker"), so callers pass only states named as such."""
    if any(kb.is_word("state_office", " ".join(lemmas[-n:])) for n in (2, 1) if len(lemmas) >= n):
        return "GOV"
    return title.sector


def _sector_for(d: Draft, sector: str | None) -> str | None:
    if d.kind == "igo":
        return "MIL" if sector == "MIL" else d.sector  # "NATO forces"; "UN officials" stay IGO
    if d.source in ("institution", "group", "party") and d.sector is not None:
        return d.sector  # "IDF soldiers" stay MIL, "Taliban fighters" follow the Taliban's status
    return sector


# --- 4. group nouns ---------------------------------------------------------------------------------


def _group_nouns(doc: Doc, kb: KnowledgeBase, drafts: list[Draft]) -> list[Draft]:
    """Plural/mass sector nouns standing alone ("officials", "experts", "police") -> code None."""
    covered = {i for d in drafts for i in range(d.start, d.end)}
    out = list(drafts)
    words = [w for w, sw in kb.sectors.items() if sw.use == "group" and " " not in w]
    # "Rioters attacked ...": a capitalised plural opening a sentence is often tagged a proper noun and keeps
    # its plural as lemma; its regular plural form finds it
    plurals = {_plural(w): w for w in words}
    for i in sorted(set(positions(doc, LEMMA, words)) | set(positions(doc, LOWER, [*words, *plurals]))):
        tok = doc[i]
        if tok.i in covered or tok.pos_ not in _NOUNS or tok.dep_ in ("compound", "amod"):
            continue
        lemma = tok.lemma_.lower()
        if lemma not in kb.sectors and tok.tag_ in _PLURAL_TAGS and tok.is_sent_start:
            lemma = plurals.get(lemma, lemma)
        word = kb.sectors.get(lemma)
        if word is None or word.use != "group":
            continue
        if tok.tag_ not in _PLURAL_TAGS and lemma not in ("police", "media", "military"):
            continue
        if kb.is_word("pair_noun", lemma) and any(
                c.lower_ in ("both", "two") for c in tok.lefts):
            continue  # "both countries": a reference, resolved in coref
        start = _phrase_start(tok, 0)
        if any(i in covered for i in range(start, tok.i)):
            start = tok.i
        whole = kb.sector_of(_lemmas_to(doc, start, tok)) or word
        text = " ".join(t.lower_ for t in doc[start:tok.i + 1] if t.dep_ != "det")
        d = Draft(start, tok.i + 1, None, whole.sector, "group", None, "noun",
                  key=f"group:{text}", plural=tok.tag_ in _PLURAL_TAGS)
        out.append(d)
        covered.update(range(start, tok.i + 1))
    out.sort(key=lambda d: d.start)
    return out


def _plural(word: str) -> str:
    """The regular English plural of a group noun ("rioter" -> "rioters", "militia" -> "militias")."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "sh", "ch", "x")) else "s")


__all__ = ["resolve_actors", "actor_key"]
