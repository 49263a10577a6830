"""Whose is this phrase: the one home for resolving a phrase to the actor it stands for, used by the event
coder (subjects, owners, home countries), claims (speaker phrases) and assemble (attribution codes).

Mentions come from actor resolution (`ActorIndex`); these rules decide which of them a phrase speaks for
when the phrase does not name an actor itself ("its air force", "demonstrators in Baghdad", "the defence
minister said").
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from dotterel import language
from dotterel.actors.coref import dominant_state
from dotterel.actors.drafts import actor_key, same_person
from dotterel.actors.kb import _rows as kb_rows
from dotterel.actors.kb import OFFICIAL_SECTORS, Term
from dotterel.actors.kb import load as load_kb
from dotterel.actors.phrases import mentions_in, phrase_tokens, real_head
from dotterel.findings import ActorIndex, ClaimFinding, EventFinding, Mention
from dotterel.knowledge import data_path

if TYPE_CHECKING:  # a type only: importing the events package here would be circular
    from dotterel.events.patterns import PatternSet

# an unnamed speaker of these sectors is of the article's home state: officials, and the opposition ("members
# of opposition parties said" in a story about one state are its opposition)
HOME_SPEAKER_SECTORS = OFFICIAL_SECTORS | {"OPP"}
# "state media", "official news agency", "local media": outlets of the article's home state
SPEECH_PLACE_PREPS = language.words("prepositions", "speech_place")
STATE_MEDIA = frozenset({"state", "official", "state-run", "state-owned", "government", "local", "national"})
OWNING_KINDS = ("state", "igo", "non_state")
REPORTING = language.words("reporting", "event", "attribution")


def ethnic(head: Token) -> bool:
    """"ethnic Albanians": a people named by origin, not the state of that name."""
    return any(c.lower_ == "ethnic" for c in head.children)


def _listed_members(noun: Token, actors: ActorIndex) -> list[Mention]:
    """The coded actors a group noun lists as its members ("states *such as* Britain", "powers *including*
    Russia and China"), each once."""
    kb = load_kb()
    out: list[Mention] = []
    for prep in noun.children:
        words = " ".join([c.lower_ for c in prep.lefts if c.lower_ == "such"] + [prep.lower_])
        if prep.dep_ != "prep" or not kb.is_word("member_prep", words):
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                out += [m for m in mentions_in(obj, actors) if m.code and m.kind in OWNING_KINDS and m not in out]
    return out


def subject_mentions(subject: Token | None, actors: ActorIndex, ps: PatternSet) -> list[Mention]:
    """Resolved actors of the subject phrase; an unresolvable noun phrase ("experts") stays, code null.

    A phrase that only names its country in a modifier ("opposition groups in Zimbabwe", "leaders of the
    Fijian rebels") takes that country.
    """
    found = mentions_in(subject, actors)
    is_ethnic = subject is not None and ethnic(subject)
    if subject is not None and (is_ethnic or not any(m.code for m in found)):
        owner = possessor_state(subject, actors)
        if owner is not None:  # "Pakistan said its air force had shot down ...": the air force is Pakistan's
            return [owner]
        # "opposition groups in Zimbabwe"; "ethnic Albanians in Serbia" are Serbia's, not Albania's
        members = _listed_members(subject, actors)
        if members:  # "several countries, such as France and Italy, ...": the ones the text names act
            return members
        people = ps.in_class(subject.lemma_.lower(), "PEOPLE")
        title = load_kb().sector_of([subject.lemma_.lower()])
        speaks_for = title is not None and title.use == "title"
        for prep in subject.children:
            # "officials in/of X"; "doctors from X" (but "technology from Russia" is no actor of Russia's);
            # "the spokesman *for* the Polish government" speaks for it
            if prep.dep_ == "prep" and (prep.lower_ in ("in", "of") or (prep.lower_ == "from" and people)
                                        or (prep.lower_ == "for" and speaks_for)):
                inner = [m for obj in prep.children if obj.dep_ == "pobj" for m in mentions_in(obj, actors)
                         if m.code and m.kind in OWNING_KINDS]
                if inner and prep.lower_ == "in" and inner[0].kind == "state":
                    # "demonstrators in Baghdad" are of Iraq, not its government; "police in Belarus" its police
                    sector = found[0].sector if found else None
                    return [replace(inner[0], sector=sector, key=actor_key("state", inner[0].code, sector, None))]
                if inner and speaks_for and inner[0].kind == "state" and inner[0].sector is None:
                    # "the envoy for Poland": a state's representative speaks for its government
                    sector = title.sector if title is not None else None
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


def possessor_state(subject: Token, actors: ActorIndex) -> Mention | None:
    """For "its/their <noun>", the state or organisation that is the subject of the clause above."""
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in subject.children):
        return None
    clause = subject.head
    for _ in range(4):
        if clause.head.i == clause.i:
            return None
        clause = clause.head
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        owners = [m for m in mentions_in(subj, actors) if m.code and m.kind in OWNING_KINDS]
        if owners:
            return owners[0]
    return None


def sole_state(sent: Span, subject: Token | None, actors: ActorIndex, outside: frozenset[int] = frozenset()
               ) -> Mention | None:
    """The one state a sentence names, if it names exactly one and it is not part of a subject already
    found to be no actor ("Arms *from Iran* killed ..."); mentions headed in `outside` (the victim, the
    source of the report) do not count."""
    inside = {t.i for t in subject.subtree} if subject is not None else set()
    states = [m for m in actors.in_tokens(sent.start, sent.end) if m.kind == "state" and m.code
              and m.head not in outside]
    if len({m.code for m in states}) != 1 or any(m.head in inside for m in states):
        return None
    return states[0]


def source_tokens(sent: Span, trigger: Token) -> frozenset[int]:
    """Tokens of the phrases in `sent` that say who reports an act rather than who does it: "according to
    X", and the subject of a reporting verb other than the trigger ("*Iraqi officials* said rockets hit")."""
    out: set[int] = set()
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            out.update(t.i for t in tok.subtree)
            out.update(t.i for t in tok.nbor().subtree)
        elif tok.i != trigger.i and tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in REPORTING \
                and not _speaks_of_itself(tok, trigger):
            # the speaker and the rest of the reporting frame ("*In London*, Lloyds said ..."), not the report
            frame = [c for c in tok.children if not (c.i == trigger.i or c.is_ancestor(trigger))] \
                if tok.is_ancestor(trigger) else [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            for c in frame:
                out.update(t.i for t in c.subtree)
    return frozenset(out)


def _speaks_of_itself(verb: Token, trigger: Token) -> bool:
    """"Militants said *they* attempted ...": a speaker whose report has a pronoun subject reports its own act."""
    content = next((c for c in verb.children if c.i == trigger.i or c.is_ancestor(trigger)), None)
    if content is None or content.dep_ not in ("ccomp", "xcomp", "conj", "parataxis"):
        return False
    # "said it would ...", "vowed to ...", "said X and attacked Y": the speaker is the doer; but not of a second
    # report ("announced the results *and said* he had been poisoned"), whose own content is a report again
    if content.dep_ == "conj" and content.pos_ in ("VERB", "AUX") and content.lemma_.lower() in REPORTING \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in content.children):
        return False
    return content.dep_ in ("xcomp", "conj") or any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PRON"
                                          for c in content.children)


def home_country(actor: list[Mention], sector: str | None) -> list[Mention]:
    """The (single) country the actors belong to, as `sector`, named where they are named."""
    home = {m.code for m in actor if m.code and m.kind != "igo"}
    if len(home) != 1:
        return []
    m = next(m for m in actor if m.code in home)
    return [replace(m, sector=sector, kind="state", key=actor_key("state", m.code, sector, m.name))]


def resolve_speaker_phrases(doc: Doc, claims: list[ClaimFinding], actors: ActorIndex,
                            day: dt.date | None = None) -> None:
    """Code each claim's speaker through the same actor resolution as event actors, in text order:

    1. a speaker phrase without a code of its own takes an actor named inside it: "the government in
       Hanoi" -> VNM, "the EU's foreign policy chief" -> EU;
    2. a speaker titled by an armed group or organisation the phrase names ("Houthi military spokesperson
       X", "NATO spokesman X") is that group's, as of `day`; a news outlet is sector MED, a state-run one with its state ("Tass" -> RUS MED; `outlets.csv`);
    3. a speaker with no sector takes the one its words name ("police director X" -> COP, "Sen. X" ->
       LEG; data/actors/sectors.csv);
    4. a person named again by surname or pronoun keeps the code of the speaker named in full before
       ("Sharif Hotak, a provincial official ... Hotak said");
    5. an official (government, military, police, legislature, judiciary; state media) of no stated
       state speaks for the article's home state, when one state clearly dominates it (`home_state`).
    """
    home = home_state(actors)
    sector_homes = _sector_homes(actors) if home is None else {}
    named: dict[str, Mention] = {}  # last word of a coded person's words -> its mention
    owners: dict[str, set[str]] = {}
    for m in actors.mentions:  # people the resolver coded (leaders, titled names) may be named again
        if m.kind == "person" and m.code:
            named.setdefault(m.text.split()[-1].lower(), m)
            owners.setdefault(m.text.split()[-1].lower(), set()).add(m.name or m.text)
    # "Saddam Hussein ... King Hussein": two people of one family name
    shared = {w for w, names in owners.items() if any(not same_person(a, b) for a in names for b in names)}
    for last in shared:
        del named[last]  # "Hussein" alone is neither
    for ent in doc.ents:  # people it did not code (the recogniser calls some ORG or GPE): by their role
        last = ent.text.split()[-1].lower() if ent.text.split() else ""
        known = actors.at_token(ent.root.i)
        # a name the recogniser mislabels ("Hong Kong Carrie Lam" as GPE) whose head the resolver still
        # read as an uncoded person is read for its role like any person
        if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP") or not last or last in named or last in shared or (
                ent.label_ != "PERSON" and known is not None and (known.kind != "person" or known.code)):
            continue
        lo = ent.start
        while lo < ent.end - 1 and (place := actors.at_token(lo)) is not None and place.kind != "person":
            lo += 1  # a place the recogniser ran into the name is no part of it ("Hong Kong Carrie Lam")
        code, sector = _role(doc, lo, ent.end, actors, home)
        if code is not None or sector is not None:
            named[last] = Mention(start=ent.start_char, end=ent.end_char, text=ent.text, code=code, sector=sector,
                                  kind="person", name=ent.text, key=f"person:{ent.text}", token_start=ent.start,
                                  token_end=ent.end, head=ent.root.i)
    for c in claims:
        span = doc.char_span(c.speaker_span[0], c.speaker_span[1], alignment_mode="expand")
        if span is None:
            continue
        # a place or body named inside the phrase beats a reference resolved from further back
        # (a pronoun speaking for an antecedent names nothing inside: its own reading was weighed already)
        inner = [m for m in actors.in_tokens(span.start, span.end) if m.code and m is not c.speaker
                 and (c.speaker is None or not (m.start <= c.speaker.start and c.speaker.end <= m.end))
                 and c.speaker_text == span.text]
        if c.speaker is not None and c.speaker.code:
            # the host an envoy is sent "to" is not whose he is: "Portuguese Ambassador to Peking X" is PRT
            inner = [m for m in inner if not (m.token_start > 0 and doc[m.token_start - 1].lower_ == "to")]
        if inner and (c.speaker is None or not c.speaker.code or c.speaker.start < inner[0].start):
            c.speaker = _own_sector(inner[0], span)
        c.speaker = _completed(c, span, home, named, day, _speech_state(span, actors), sector_homes)
        several = _coordinated(span, actors) if c.speaker_text == span.text else None
        if several is not None:
            c.speaker = _several_speakers(c, span, several)
            continue
        surname = _surname(c, span)
        if c.speaker is not None and c.speaker.code and surname and surname not in shared:
            named.setdefault(surname, c.speaker)


def _coordinated(span: Span, actors: ActorIndex) -> list[str | None] | None:
    """The sectors of the speakers a coordinated speaker phrase names ("X and Y said", "the minister and
    other officials said"), or None when the phrase names one speaker."""
    root = span.root
    doc = span.doc
    parts = [root, *(c for c in root.children if c.dep_ == "conj" and span.start <= c.i < span.end)]
    # "and" between two words of organisations is a firm's name ("Hale Pryce and Co analyst X")
    if len(parts) < 2 or any(t.lower_ in ("and", "&") and 0 < t.i < len(doc) - 1 and doc[t.i - 1].ent_type_ == "ORG"
                             and doc[t.i + 1].ent_type_ == "ORG" for t in span):
        return None
    # each part names speakers by itself: a name or a plural of people ("X and other officials"); a singular
    # common noun is one more title of the same person ("director and treasurer X")
    kb = load_kb()
    if not all(p.pos_ == "PROPN" or (p.tag_ in ("NNS", "NNPS") and (
            actors.at_token(p.i) is not None or kb.sector_of([p.lemma_.lower()]) is not None)) for p in parts):
        return None  # a part that is no speaker word either ("Chilean ports and fisheries minister X")
    whole = actors.at_token(root.i)
    if whole is not None and whole.token_end > parts[-1].i:
        return None  # the resolver read the whole phrase as one actor
    sectors: list[str | None] = []
    for i, part in enumerate(parts):
        hi = parts[i + 1].left_edge.i if i + 1 < len(parts) else span.end
        lo = part.left_edge.i if i else span.start
        known = actors.at_token(part.i)
        words = [t.text for t in doc[max(lo, span.start):min(hi, part.i + 1)] if t.dep_ != "cc"]
        sectors.append(known.sector if known is not None and known.sector else _sector_in(words))
    return sectors


def _several_speakers(c: ClaimFinding, span: Span, sectors: list[str | None]) -> Mention:
    """Several speakers are no one actor: no code; the sector they share, if they share one (the
    real-news coders' convention too: "Senator X and Representative Y said" is LEG of no one code)."""
    sector = sectors[0] if len(set(sectors)) == 1 else None
    return Mention(start=span.start_char, end=span.end_char, text=span.text, code=None, sector=sector,
                   kind="group", name=None, key=f"group:{c.speaker_text.lower()}", token_start=span.start,
                   token_end=span.end, head=span.root.i)


def _own_sector(inner: Mention, span: Span) -> Mention:
    """A state named in a complement of the speaker phrase ("organisers in Tbilisi", "police in X") gives
    its code, while the sector is the phrase head's own: as for event subjects (`subject_mentions`)."""
    if inner.kind != "state" or span.root.i >= inner.token_start or span.root.i < span.start:
        return inner
    sector = _sector_in(_before_complement([t.text for t in span[: span.root.i - span.start + 1]]))
    return replace(inner, sector=sector, key=actor_key("state", inner.code, sector, None))


def home_state(actors: ActorIndex) -> str | None:
    """The state an article is about, counted over its state mentions (towns count for theirs)."""
    return dominant_state(m.code for m in actors.mentions if m.kind == "state" and m.code)


# Sectors whose unnamed members are of the state whose members the article names: legislators. Unnamed
# officials, soldiers and diplomats are as often another state's (tried for GOV: "diplomats" at an EC
# meeting took the state of the ministers named).
_HOME_BY_SECTOR = frozenset({"LEG"})


def _sector_homes(actors: ActorIndex) -> dict[str, str]:
    """For an article about no one state, the state a legislator speaks for when the article's legislators
    are clearly of one state (the same `dominant_state` rule): in a story on two states' trade dispute
    whose senators named are all American, "senators said" are American."""
    by_sector: dict[str, list[str]] = {}
    for m in actors.mentions:
        if m.code and m.sector in _HOME_BY_SECTOR and m.kind in ("state", "person"):
            by_sector.setdefault(m.sector, []).append(m.code)
    return {sector: state for sector, codes in by_sector.items() if (state := dominant_state(codes)) is not None}


def _speech_state(span: Span, actors: ActorIndex) -> str | None:
    """The one state the speech act itself names, outside what is said: the subject that relays the
    official ("*Tehran* radio quoted a ministry spokesman") or where the official speaks ("*in Lima*, a
    ministry spokesman said"); never a state the content or another complement names."""
    verb = span.root
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    places = [c for c in verb.children if c.i < span.start and (
        (c.dep_ == "nsubj" and not (span.start <= c.i < span.end))
        or (c.dep_ == "prep" and c.lower_ in SPEECH_PLACE_PREPS))]
    codes = {m.code for p in places for m in actors.in_tokens(p.left_edge.i, p.right_edge.i + 1)
             if m.kind == "state" and m.code}
    return codes.pop() if len(codes) == 1 else None


def _completed(c: ClaimFinding, span: Span, home: str | None, named: dict[str, Mention],
               day: dt.date | None, speech_state: str | None = None,
               sector_homes: dict[str, str] | None = None) -> Mention | None:
    """The speaker's mention with the code and sector rules 2-5 of `resolve_speaker_phrases` add."""
    sp = c.speaker
    code = sp.code if sp is not None else None
    sector = sp.sector if sp is not None else None
    sector_homes = sector_homes or {}
    words = c.speaker_text.split()
    if not words:
        return sp
    if code is None:
        group = _group_in_title(words, day)
        if group is not None:
            code, sector = group.code, group.sector
    doc = span.doc
    outlet = outlet_of(c.speaker_text, span.start > 0 and doc[span.start - 1].lower_ == "the")
    if outlet is not None and sector is None:
        sector, code = "MED", code or outlet or None
    if outlet == "" and sp is not None and sp.kind == "state" and _listed_outlet(c.speaker_text, sp.text):
        code, sector = None, "MED"  # "Agence France-Presse" is no organ of France: the outlet table says so
    if sector is None:
        # the head's own title first; a head of no sector takes its complement's ("Professor X of Y
        # University" EDU, "members of opposition parties" OPP)
        sector = _sector_in(_before_complement(words)) or _sector_in(words)
    last = _surname(c, span)
    if code is None and last and last in named:
        earlier = named[last]
        code, sector = earlier.code, sector or earlier.sector
    # "a spokesman for the group", "leaders of the movement": the complement says whose, not the home;
    # one naming an official body of no state ("a source within the interior ministry") leaves it open
    complement = words[len(_before_complement(words)):]
    plain = not complement or _sector_in(complement) in HOME_SPEAKER_SECTORS
    official = plain and sector in OFFICIAL_SECTORS
    if code is None and official and speech_state is not None:
        code = speech_state  # "Tehran radio quoted a foreign ministry spokesman": the text names his state
    if code is None and home is not None and plain and not load_kb().is_word("abroad", span.root.lemma_.lower()) and (
            sector in HOME_SPEAKER_SECTORS or (sector == "MED" and words[0].lower() in STATE_MEDIA)):
        code = home
    if code is None and official and sector is not None:
        code = sector_homes.get(sector)  # "senators said" where every legislator named is American
    if sp is not None and (code, sector) == (sp.code, sp.sector):
        return sp
    if code is None and sector is None:
        return sp
    kind = sp.kind if sp is not None else "group"
    key = sp.key if sp is not None and sp.kind == "person" else actor_key("state", code, sector, None) if code \
        else f"group:{c.speaker_text.lower()}"
    if sp is not None:
        return replace(sp, code=code, sector=sector, key=key)
    return Mention(start=span.start_char, end=span.end_char, text=span.text, code=code, sector=sector, kind=kind,
                   name=None, key=key, token_start=span.start, token_end=span.end, head=span.root.i)


def _surname(c: ClaimFinding, span: Span) -> str | None:
    """The word a person named again would be named by: the head of a speaker phrase that names a person
    ("Professor X of Y Law School" -> X, not "School"), lower-cased; None when the head is no name."""
    if c.speaker_text != span.text:  # a pronoun carrying its antecedent's words: the last of them
        words = c.speaker_text.split()
        last = words[-1] if words else ""
    else:
        last = span.root.text
    return last.lower().removesuffix("'s") if last[:1].isupper() else None


def _role(doc: Doc, start: int, end: int, actors: ActorIndex, home: str | None) -> tuple[str | None, str | None]:
    """Code and sector of the person named by tokens [start, end), by the role the text gives him: a
    title before the name ("Senator X", "Police director X") or an apposition on either side ("X, a
    government commissioner, ...", "the mayor of London, X"), with the state or group named there,
    else the article's home state for an official role."""
    head = doc[start:end].root
    before = min(head.left_edge.i, start)
    words = [t.text for t in doc[before:end]]
    # "Manila exchange chairman X", "Chief Executive of Hong Kong X" (read as the name's modifier)
    inner = [m for m in actors.in_tokens(before, start) if m.code and m.kind != "person"]
    office = [t.lemma_.lower() for t in doc[before:start]]
    # "X, a government commissioner", "X, of the provincial council"
    described = [c for c in head.children if c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ == "of"
                                                                    and doc[c.i - 1].text == ",")]
    if head.dep_ == "appos":
        described.append(head.head)
    title = _title_of(head)
    if title is not None:
        described.append(title)
    for c in described:
        lo, hi = c.left_edge.i, c.right_edge.i + 1
        between = doc[min(c.i, head.i):max(c.i, head.i)]
        if any("\n" in t.text or "\n" in t.whitespace_ for t in between):
            continue  # a dependency across a paragraph break is a parse error
        if c.i < start:
            hi = min(hi, start)  # the noun described, up to the name
        words += [t.text for t in doc[lo:hi]]
        # not a description nested in it: "president of X, a firm with Hong Kong affiliations"
        nested = {t.i for d in c.subtree if d is not c and d.dep_ in ("appos", "relcl", "acl") for t in d.subtree}
        inner += [m for m in actors.in_tokens(lo, hi) if m.code and m.kind != "person" and m.head not in nested]
        if c is title:
            office += [t.lemma_.lower() for t in doc[lo:hi]]
    sector = _sector_in(words)
    code = inner[0].code if inner else None
    if inner and inner[0].kind == "state" and _state_office(office):
        sector = "GOV"  # "Chief Executive of Hong Kong X": a company's title, but a state holds it
    if code is None and sector in OFFICIAL_SECTORS:
        code = home
    return code, sector


def _title_of(name: Token) -> Token | None:
    """The title a name hangs on through "of" ("Chief Executive of Hong Kong Carrie Lam", "President of
    Peru X"): the parser reads the name as the object of "of", so the title is its grandparent."""
    prep = name.head
    title = prep.head
    if name.dep_ != "pobj" or prep.lower_ != "of" or title.i >= prep.i or title.pos_ not in ("NOUN", "PROPN"):
        return None
    hit = load_kb().sector_of([t.lemma_.lower() for t in title.doc[max(title.left_edge.i, title.i - 2):title.i + 1]])
    return title if hit is not None and hit.use == "title" else None


def _state_office(lemmas: list[str]) -> bool:
    """Whether the title words hold a title that is a government office when a state holds it
    (data/actors/coref.csv `state_office`: "chief executive")."""
    kb = load_kb()
    return any(kb.is_word("state_office", " ".join(lemmas[i:i + n])) for n in (2, 1)
               for i in range(len(lemmas) - n + 1))


def _group_in_title(words: list[str], day: dt.date | None) -> Term | None:
    """The term of an armed group or organisation named among the speaker's words ("Taliban spokesman")."""
    kb = load_kb()
    clean = [w.removesuffix("'s").removesuffix("’s").strip(",.()") for w in words]
    for n in (3, 2, 1):
        for i in range(len(clean) - n + 1):
            for actor in kb.aliases.get(" ".join(clean[i:i + n]), []):
                if actor.source not in ("group", "organisation"):
                    continue
                term = actor.at(day) or max(actor.terms, key=lambda t: t.start or dt.date.min)
                if term.code:
                    return term
    return None


_COMPLEMENT_WORDS = frozenset({"of", "for", "in", "from", "at", "on", "with", "to", "within"})


def _before_complement(words: list[str]) -> list[str]:
    """The head noun and what precedes it: "group of Yoruba leaders" -> "group", "organisers in X"."""
    for i, w in enumerate(words[1:], 1):
        if w in _COMPLEMENT_WORDS:
            return words[:i]
    return words


def _sector_in(words: list[str]) -> str | None:
    """The sector a title or body word in the speaker's words names, the head-most one first; a title's
    default sector gives way to a group word before it ("rebel spokesman", "rebel commanders": REB)."""
    kb = load_kb()
    # an abbreviated title keeps its point where the data lists it so ("Sen.", "Gen.")
    lemmas = [w2 if w2 in kb.sectors else w2.strip(".") for w in words
              for w2 in [w.lower().removesuffix("'s").removesuffix("’s").strip(",'’")]]
    hits = []
    for end in range(len(lemmas), 0, -1):
        window = lemmas[:end]
        for cand in (window, window[:-1] + [window[-1][:-1]] if window[-1].endswith("s") else None):
            if not cand:
                continue
            hit = kb.sector_of(cand)
            if hit is not None and hit.sector and hit.use in ("title", "body", "group"):
                hits.append(hit)
                break
    if not hits:
        return None
    if hits[0].use == "title":
        group = next((h for h in hits[1:] if h.sector in _GROUP_SECTORS), None)
        if group is not None:
            return group.sector
    return hits[0].sector


# group words that beat a title's default sector: "rebel spokesman" REB, "company spokesman" and "the firm's
# president" BUS (a firm's officer speaks for no state)
_GROUP_SECTORS = frozenset({"REB", "OPP", "BUS"})


def outlet_of(words: str, definite: bool = False) -> str | None:
    """None when `words` name no news outlet; else the state running it ("" for an independent one).
    `definite`: the words follow "the" in the text."""
    names, marks = _outlets()
    low = re.sub(r"['’]s\b", "", f" {words.lower()} ")  # "BBC's correspondent X"
    for name, country in names.items():
        if f" {name} " in low:
            return country
    tokens = words.split()
    if any(t[:1].isupper() for t in tokens) and any(t.lower().strip(",.'’") in marks for t in tokens[1:]):
        return ""
    if definite and len(tokens) == 1 and tokens[0][:1].isupper() and tokens[0].lower() in marks:
        return ""  # "The Guardian reported", "the Post said": a paper known by its mark word alone
    return None


def _listed_outlet(words: str, state_words: str) -> bool:
    """Whether `words` name an outlet of the outlet table by a name that holds `state_words` ("Agence
    France-Presse"; not "CNN Philippines", whose state stands beside the name)."""
    low = re.sub(r"['’]s\b", "", f" {words.lower()} ")
    return any(f" {name} " in low and state_words.lower() in name for name in _outlets()[0])


@functools.cache
def _outlets() -> tuple[dict[str, str], frozenset[str]]:
    names: dict[str, str] = {}
    marks: set[str] = set()
    for row in kb_rows(data_path("claims", "outlets.csv")):
        if row["kind"] == "outlet":
            names[row["name"].lower()] = row["country"]
        else:
            marks.add(row["name"].lower())
    return names, frozenset(marks)


def attribution_code(c: ClaimFinding, ev: EventFinding) -> tuple[str | None, str | None]:
    """Code and sector of who presents the event. An unnamed official of no stated country ("its trade
    ministry said", "the defence minister said") speaks for the event's own actor."""
    sp = c.speaker
    if sp is not None and sp.code:
        return sp.code, sp.sector
    words = c.speaker_text.lower().split()
    sector = sp.sector if sp is not None else None
    if sector is None and words:
        known = load_kb().sector_of([w.rstrip("s") if w.endswith("ministries") else w for w in words[-2:]])
        sector = known.sector if known is not None and known.use in ("body", "title") else None
    # unnamed: no capitalised word after the first ("the defence minister", not "National Unity Government")
    unnamed = not any(w[:1].isupper() for w in c.speaker_text.split()[1:])
    official = sector in OFFICIAL_SECTORS and unnamed
    if (official or (words and words[0] in ("its", "their"))) and ev.actors and ev.actors[0].code:
        return ev.actors[0].code, sector or "GOV"
    return None, sector
