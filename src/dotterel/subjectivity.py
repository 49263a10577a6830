"""Sentence subjectivity: is a sentence the writer's view (SUBJ) or a report of fact (OBJ)?

A linear model over cheap features of the already-parsed spaCy `Doc` — no extra model at run time:
- hand-made cues: authored lexicons (evaluative, negative and positive judgement, loaded political
  labels, emotion, sweeping words, stance markers, hedges, intensifiers, obligation, reporting verbs,
  first/second person) and their pooled count; questions, exclamations, quotes, comparatives, modals,
  POS shares, past tense, entity types, copular roots,
- a bag of lemmas (the vocabulary learnt in training),
- the mean of the tok2vec output `doc.tensor` over the sentence (en_core_web_sm has no static vectors).
The weights come from scikit-learn's LogisticRegression, trained offline by
`training/train_subjectivity.py` and stored as plain JSON in `data/genre/subjectivity_model.json`;
prediction is a dot product in numpy, so run time needs neither scikit-learn nor a pickle.
"""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Span, Token

from dotterel import language
from dotterel.knowledge import data_path

LEXICON_NAMES = ("evaluative", "hedges", "intensifiers", "obligation", "reporting", "first_person", "second_person",
                 "negative", "positive", "loaded", "emotion", "generalizers", "stance")
# Lexicons of judgement and feeling, pooled into one "subjective clue" count: a sentence rarely holds
# more than one or two, so a single strong feature generalises better than each list on its own.
CLUE_LEXICONS = ("evaluative", "intensifiers", "hedges", "negative", "positive", "loaded", "emotion")
MODEL_FILE = "subjectivity_model.json"
TENSOR_WIDTH = 96  # en_core_web_sm's tok2vec width; a mismatch falls back to zeros (see _tensor_mean)

_QUOTES = frozenset('"“”‘’«»')
_POS_SHARES = ("ADJ", "ADV", "VERB", "NOUN", "PROPN", "NUM", "PRON", "AUX")
_DEGREE_TAGS = frozenset({"JJR", "JJS", "RBR", "RBS"})
_NUMERIC_ENTS = frozenset({"CARDINAL", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"})
_ENT_TYPES = ("PERSON", "ORG", "GPE", "DATE")
_POSSIBILITY = language.words("auxiliaries", "possibility")
_THIRD_PLURAL = language.words("pronouns", "plural")
_OPENING_CONJ = frozenset({"but", "and", "yet", "so", "or", "still", "indeed", "instead"})
_QUOTED = re.compile(r"[‘“\"]([^’”\"]{1,400})[’”\"]")


def _read_list(path: Path) -> frozenset[str]:
    words = (line.split("#", 1)[0].strip().lower() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if w)


@functools.cache
def load_lexicons() -> dict[str, frozenset[str]]:
    """The authored word lists under data/genre/lexicon/, by name."""
    # the reporting verbs are the shared list's "attribution" words (data/language/reporting.csv)
    return {name: language.words("reporting", "attribution") if name == "reporting"
            else _read_list(data_path("genre", "lexicon", f"{name}.txt")) for name in LEXICON_NAMES}


@functools.cache
def clue_words() -> frozenset[str]:
    """The union of the CLUE_LEXICONS."""
    lex = load_lexicons()
    return frozenset().union(*(lex[name] for name in CLUE_LEXICONS))


def dense_feature_names() -> list[str]:
    names = ["len_log"]
    names += [f"pos_{p}" for p in _POS_SHARES]
    for lex in LEXICON_NAMES:
        names += [f"lex_{lex}_share", f"lex_{lex}_any"]
    names += ["clue_share", "clue_count", "clue_any"]
    names += ["degree", "modal", "question", "exclamation", "quote", "negation", "numeric_ent", "ent_share",
              "digit", "attributed", "first_person_subject", "imperative", "adj_predicate", "parenthesis"]
    names += ["past", "no_ent"] + [f"ent_{e}" for e in _ENT_TYPES]
    names += ["long_quote", "copular_root", "third_plural", "possibility", "colon_dash", "opening_conj"]
    return names


def word_keys(words: list[Token]) -> list[frozenset[str]]:
    """Lexicon keys of each word: lemma, lower form, and "a-b" where spaCy split a hyphenated compound."""
    keys: list[frozenset[str]] = []
    for t in words:
        k = {t.lemma_.lower(), t.lower_}
        doc = t.doc
        if t.i + 2 < len(doc) and doc[t.i + 1].text == "-":
            k.add(f"{t.lower_}-{doc[t.i + 2].lower_}")
        keys.append(frozenset(k))
    return keys


def dense_features(sent: Span) -> list[float]:
    """Hand-made cues of one sentence, in the order of `dense_feature_names()`."""
    lex = load_lexicons()
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    n = max(len(words), 1)
    keys = word_keys(words)
    feats: list[float] = [math.log1p(len(words))]
    pos_counts = {p: 0 for p in _POS_SHARES}
    for t in words:
        if t.pos_ in pos_counts:
            pos_counts[t.pos_] += 1
    feats += [pos_counts[p] / n for p in _POS_SHARES]
    for name in LEXICON_NAMES:
        words_in = lex[name]
        hits = sum(1 for k in keys if not k.isdisjoint(words_in))
        feats += [hits / n, float(hits > 0)]
    clues = clue_words()
    hits = sum(1 for k in keys if not k.isdisjoint(clues))
    feats += [hits / n, min(hits, 4) / 4, float(hits > 0)]
    text = sent.text
    feats.append(float(any(t.tag_ in _DEGREE_TAGS for t in words)))
    feats.append(float(any(t.tag_ == "MD" for t in words)))
    feats.append(float("?" in text))
    feats.append(float("!" in text))
    feats.append(float(any(ch in _QUOTES for ch in text)))
    feats.append(float(any(t.dep_ == "neg" for t in words)))
    # entity tokens read from the tokens: `Span.ents` rescans the whole document on every call
    ent_types = [t.ent_type_ for t in sent]
    feats.append(float(any(e in _NUMERIC_ENTS for e in ent_types)))
    feats.append(sum(1 for e in ent_types if e) / n)
    feats.append(float(any(t.like_num for t in words)))
    feats.append(float(attributed(sent, lex["reporting"])))
    feats.append(float(_first_person_subject(sent, lex["first_person"])))
    feats.append(float(_imperative(sent)))
    feats.append(float(any(t.dep_ == "acomp" and t.pos_ == "ADJ" for t in words)))
    feats.append(float("(" in text))
    # reporting is past tense about named people, bodies, places and dates; argument is not
    feats.append(float(any(t.tag_ == "VBD" for t in words)))
    feats.append(float(not any(ent_types)))
    feats += [float(e in ent_types) for e in _ENT_TYPES]
    # a long quotation is someone else's words; a short one (scare quotes) is not counted here
    feats.append(float(any(len(m.group(1).split()) > 4 for m in _QUOTED.finditer(text))))
    feats.append(float(sent.root.lemma_ == "be"))
    feats.append(float(any(t.lower_ in _THIRD_PLURAL for t in words)))
    feats.append(float(any(t.lower_ in _POSSIBILITY for t in words)))
    feats.append(float(any(ch in text for ch in ":;—–…")))
    feats.append(float(bool(words) and words[0].lower_ in _OPENING_CONJ))
    return feats


def attributed(sent: Span, reporting: frozenset[str]) -> bool:
    """A reporting verb with its own subject ("officials said"), or "according to"."""
    for t in sent:
        lemma = t.lemma_.lower()
        if lemma == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            return True
        if t.pos_ == "VERB" and lemma in reporting and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return True
    return False


def _first_person_subject(sent: Span, first: frozenset[str]) -> bool:
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in first for t in sent)


def _imperative(sent: Span) -> bool:
    """A root verb in base form with no subject: "Consider the alternative."."""
    root = sent.root
    return root.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children)


def lemma_keys(sent: Span) -> set[str]:
    """Lower-case lemmas of the sentence's words (the bag-of-lemmas vocabulary keys)."""
    return {t.lemma_.lower() for t in sent if not (t.is_space or t.like_num)}


def _tensor_mean(sent: Span) -> np.ndarray:
    tensor = sent.doc.tensor
    if tensor is None or tensor.ndim != 2 or tensor.shape[0] != len(sent.doc) or tensor.shape[1] != TENSOR_WIDTH:
        return np.zeros(TENSOR_WIDTH, dtype=np.float64)
    return np.asarray(tensor[sent.start : sent.end], dtype=np.float64).mean(axis=0)


@dataclass(frozen=True, slots=True)
class SubjectivityModel:
    """Standardised features · coefficients + intercept, as trained by training/train_subjectivity.py."""

    vocabulary: dict[str, int]  # lemma -> column in the bag block
    mean: np.ndarray  # per-feature centring of the full vector (dense | bag | tensor)
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float  # probability at or above which a sentence counts as subjective
    use_tensor: bool

    def vector(self, sent: Span) -> np.ndarray:
        """The raw (unscaled) feature vector of a sentence, in training order."""
        bag = np.zeros(len(self.vocabulary), dtype=np.float64)
        for key in lemma_keys(sent):
            col = self.vocabulary.get(key)
            if col is not None:
                bag[col] = 1.0
        parts = [np.asarray(dense_features(sent), dtype=np.float64), bag]
        if self.use_tensor:
            parts.append(_tensor_mean(sent))
        return np.concatenate(parts)

    def probabilities(self, sents: list[Span]) -> np.ndarray:
        """P(subjective) for each sentence."""
        if not sents:
            return np.zeros(0, dtype=np.float64)
        X = np.vstack([self.vector(s) for s in sents])
        z = ((X - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def to_json(self) -> dict:
        inverse = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        return {
            "format": "dotterel-subjectivity/1",
            "features": {"dense": dense_feature_names(), "bag": inverse, "tensor": TENSOR_WIDTH if self.use_tensor else 0},
            "mean": self.mean.round(6).tolist(),
            "scale": self.scale.round(6).tolist(),
            "coef": self.coef.round(6).tolist(),
            "intercept": round(float(self.intercept), 6),
            "threshold": round(float(self.threshold), 4),
        }

    @classmethod
    def from_json(cls, data: dict) -> SubjectivityModel:
        feats = data["features"]
        if feats["dense"] != dense_feature_names():
            raise ValueError("subjectivity model was trained on other dense features: retrain it")
        vocabulary = {w: i for i, w in enumerate(feats["bag"])}
        arrays = [np.asarray(data[k], dtype=np.float64) for k in ("mean", "scale", "coef")]
        width = len(feats["dense"]) + len(vocabulary) + int(feats["tensor"])
        if any(a.shape != (width,) for a in arrays):
            raise ValueError("subjectivity model arrays do not match its feature list")
        return cls(vocabulary=vocabulary, mean=arrays[0], scale=arrays[1], coef=arrays[2],
                   intercept=float(data["intercept"]), threshold=float(data["threshold"]),
                   use_tensor=bool(feats["tensor"]))


@functools.cache
def load_model() -> SubjectivityModel:
    path = data_path("genre", MODEL_FILE)
    return SubjectivityModel.from_json(json.loads(path.read_text(encoding="utf-8")))


def sentence_subjectivity(doc: Doc) -> list[float]:
    """P(subjective) for each sentence of `doc`, in order."""
    return load_model().probabilities(list(doc.sents)).tolist()


def is_subjective(sent: Span) -> bool:
    model = load_model()
    return bool(model.probabilities([sent])[0] >= model.threshold)


__all__ = ["SubjectivityModel", "dense_features", "dense_feature_names", "is_subjective", "lemma_keys",
           "load_lexicons", "load_model", "sentence_subjectivity", "word_keys"]
