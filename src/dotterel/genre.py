"""Genre of a whole article: "opinion" (opinion, analysis, commentary, column) or "reporting".

Read from the language of the whole article, outside quotation marks (a report quoting an angry
minister is still a report): how many sentences are subjective (see `subjectivity.py`), the writer's own
voice ("we", "Let's be real"), address to the reader ("you"), rhetorical questions and exclamations,
evaluative words, hedges and obligation, against what marks wire reporting: attributed sentences
("officials said", "according to") and figures. The weights are a reviewed data file
(`data/genre/genre_weights.json`); `score` is P(opinion) in [0, 1].
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dotterel.knowledge import data_path
from dotterel.model import Genre
from dotterel.subjectivity import attributed, load_lexicons, load_model

WEIGHTS_FILE = "genre_weights.json"
_OPEN_CLOSE = {"“": "”", "‘": "’", "«": "»"}
_NUMERIC_ENTS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})


@dataclass(frozen=True, slots=True)
class GenreWeights:
    intercept: float
    weights: dict[str, float]


@functools.cache
def load_weights() -> GenreWeights:
    data = json.loads(data_path("genre", WEIGHTS_FILE).read_text(encoding="utf-8"))
    weights = {str(k): float(v) for k, v in data["weights"].items()}
    unknown = set(weights) - set(FEATURES)
    if unknown:
        raise ValueError(f"{WEIGHTS_FILE}: unknown genre features {sorted(unknown)}")
    return GenreWeights(intercept=float(data["intercept"]), weights=weights)


def quoted_tokens(doc: Doc) -> list[bool]:
    """True for tokens inside quotation marks (straight quotes toggle; curly quotes open and close)."""
    inside = [False] * len(doc)
    straight_open = False
    curly_close: str | None = None
    for t in doc:
        text = t.text
        if curly_close is not None:
            if curly_close in text:
                curly_close = None
            else:
                inside[t.i] = True
            continue
        if text in _OPEN_CLOSE:
            curly_close = _OPEN_CLOSE[text]
            continue
        if text in ('"', "''", "``"):
            straight_open = not straight_open
            continue
        if "\n\n" in t.whitespace_ or "\n\n" in text:  # an unclosed quote ends with its paragraph
            straight_open = False
        inside[t.i] = straight_open
    return inside


FEATURES = (
    "subjective_share", "mean_subjectivity", "first_person_share", "second_person_share", "question_share",
    "exclamation_share", "imperative_share", "evaluative_per_100", "hedge_per_100", "obligation_per_100",
    "intensifier_per_100", "attributed_share", "numeric_share",
)


def _is_imperative(sent: Span, quoted: list[bool]) -> bool:
    root = sent.root
    if quoted[root.i] or root.tag_ != "VB" or root.i != _first_word(sent).i:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children)


def _first_word(sent: Span) -> Token:
    for t in sent:
        if not (t.is_punct or t.is_space):
            return t
    return sent[0]


def genre_features(doc: Doc) -> dict[str, float]:
    """The article-level cues that `classify_genre` weighs, by name (see FEATURES)."""
    sents = [s for s in doc.sents if any(not (t.is_punct or t.is_space) for t in s)]
    if not sents:
        return {name: 0.0 for name in FEATURES}
    lex = load_lexicons()
    quoted = quoted_tokens(doc)
    model = load_model()
    probs = model.probabilities(sents)
    n_sents = len(sents)
    counts = {name: 0 for name in ("first", "second", "question", "exclaim", "imperative", "attributed", "numeric")}
    word_hits = {name: 0 for name in ("evaluative", "hedges", "obligation", "intensifiers")}
    n_words = 0
    for sent in sents:
        own = [t for t in sent if not quoted[t.i] and not (t.is_punct or t.is_space)]
        lowers = {t.lower_ for t in own}
        counts["first"] += bool(lowers & lex["first_person"]) or _lets(own)
        counts["second"] += bool(lowers & lex["second_person"])
        tail = sent.text.rstrip().rstrip('"”’)\'')
        counts["question"] += tail.endswith("?") and not quoted[sent[-1].i]
        counts["exclaim"] += tail.endswith("!") and not quoted[sent[-1].i]
        counts["imperative"] += _is_imperative(sent, quoted)
        counts["attributed"] += attributed(sent, lex["reporting"])
        counts["numeric"] += any(t.ent_type_ in _NUMERIC_ENTS for t in sent)  # not Span.ents: it rescans the doc
        n_words += len(own)
        for t in own:
            lemma = t.lemma_.lower()
            for name in word_hits:
                if lemma in lex[name] or t.lower_ in lex[name]:
                    word_hits[name] += 1
    per_100 = 100.0 / max(n_words, 1)
    return {
        "subjective_share": float((probs >= model.threshold).mean()),
        "mean_subjectivity": float(probs.mean()),
        "first_person_share": counts["first"] / n_sents,
        "second_person_share": counts["second"] / n_sents,
        "question_share": counts["question"] / n_sents,
        "exclamation_share": counts["exclaim"] / n_sents,
        "imperative_share": counts["imperative"] / n_sents,
        "evaluative_per_100": word_hits["evaluative"] * per_100,
        "hedge_per_100": word_hits["hedges"] * per_100,
        "obligation_per_100": word_hits["obligation"] * per_100,
        "intensifier_per_100": word_hits["intensifiers"] * per_100,
        "attributed_share": counts["attributed"] / n_sents,
        "numeric_share": counts["numeric"] / n_sents,
    }


def _lets(words: list[Token]) -> bool:
    """"Let's" is the writer's own voice, however the tokenizer splits it."""
    return any(t.lower_ == "let" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in ("'s", "’s", "us")
               for t in words)


def opinion_probability(features: dict[str, float], weights: GenreWeights | None = None) -> float:
    w = weights or load_weights()
    z = w.intercept + sum(weight * features.get(name, 0.0) for name, weight in w.weights.items())
    return 1.0 / (1.0 + math.exp(-z))


# an article is about a disease when at least two of its sentences, and this share of them, name one
DISEASE_SHARE = 0.2


@functools.cache
def lexicon_words(name: str) -> frozenset[str]:
    """The words of `data/genre/lexicon/<name>.txt` (one a line, `#` comments)."""
    path = data_path("genre", "lexicon", f"{name}.txt")
    words = (line.split("#", 1)[0].strip().lower() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if w)


def about_disease(doc: Doc) -> bool:
    """Whether the article is about an epidemic (its measures are public health, not conflict)."""
    words = lexicon_words("disease")
    sents = [s for s in doc.sents if any(not (t.is_punct or t.is_space) for t in s)]
    hits = sum(any(t.lower_ in words or t.lemma_.lower() in words for t in s) for s in sents)
    return hits >= 2 and hits >= DISEASE_SHARE * len(sents)


# an article is company news when at least two of its sentences, and this share of them, use the words of
# company business (shares, dividends, mergers, "Inc"), and more of them than name a state: its unnamed doers
# are firms ("Japan and Britain disagree over a merger" is politics about business)
BUSINESS_SHARE = 0.3


def about_business(doc: Doc, state_tokens: Iterable[int] = ()) -> bool:
    """Whether the article is company news (takeovers, earnings, boards): firms, not states, act in it.
    `state_tokens`: token indices of the mentions of states and international organisations."""
    words = lexicon_words("business")
    sents = [s for s in doc.sents if any(not (t.is_punct or t.is_space) for t in s)]
    hits = sum(any(t.lower_ in words for t in s) for s in sents)
    if hits < 2 or hits < BUSINESS_SHARE * len(sents):
        return False
    states = {doc[i].sent.start for i in state_tokens}
    return hits > len(states)


def classify_genre(doc: Doc) -> Genre:
    """Opinion vs reporting for a whole parsed article; `score` is P(opinion)."""
    score = opinion_probability(genre_features(doc))
    return Genre(label="opinion" if score >= 0.5 else "reporting", score=round(score, 4))


__all__ = ["FEATURES", "GenreWeights", "about_business", "about_disease", "classify_genre", "genre_features", "load_weights", "opinion_probability",
           "quoted_tokens"]
