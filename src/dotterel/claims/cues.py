"""The claims knowledge: reporting cues, hedges and source nouns, read once from `data/claims/`."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass, field
from pathlib import Path

from dotterel.knowledge import data_path
from dotterel.model import Certainty

CERTAINTIES: tuple[Certainty, ...] = ("certain", "probable", "possible", "claimed", "opinion")
NEEDS = ("", "source", "quote", "call", "utterance")
HEDGE_PLACES = ("content", "cue", "both")
SOURCE_KINDS = ("evidence", "agent", "commentator", "person", "speaker", "document", "never")


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    pos: str  # verb | noun | prep
    certainty: Certainty
    needs: str  # "" | source | quote


@dataclass(frozen=True, slots=True)
class Hedge:
    word: str
    where: str  # content | cue | both
    certainty: Certainty


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, Cue]
    nouns: dict[str, Cue]
    preps: dict[str, Cue]
    hedges: dict[str, Hedge]
    sources: dict[str, frozenset[str]]  # noun lemma -> kinds (SOURCE_KINDS)
    prep_content: dict[str, frozenset[str]] = field(default_factory=dict)  # "warn" -> {"of", "against"}
    # verbs whose direct object may be the content -> whether events in it are the speaker's report
    object_content: dict[str, bool] = field(default_factory=dict)
    raising: frozenset[str] = frozenset()  # "is reported to ...": passive cues that make an unattributed claim

    def is_source(self, lemma: str, kind: str | None = None) -> bool:
        """Whether `lemma` names a source (of `kind`, when given)."""
        kinds = self.sources.get(lemma.lower())
        if not kinds:
            return False
        return kind is None or kind in kinds


def _rows(path: Path) -> list[dict[str, str]]:
    """CSV rows of a knowledge file; lines starting with '#' are documentation."""
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.lstrip().startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines)]


def _certainty(value: str, path: Path) -> Certainty:
    if value not in CERTAINTIES:
        raise ValueError(f"{path.name}: unknown certainty {value!r}")
    return value


def _verb_rows(path: Path, verbs: dict[str, Cue]) -> list[tuple[str, dict[str, str]]]:
    """Rows of an optional file keyed by a verb cue of cues.csv (a test lexicon may leave the file out)."""
    if not path.exists():
        return []
    out = []
    for row in _rows(path):
        lemma = row["lemma"].lower()
        if lemma not in verbs:
            raise ValueError(f"{path.name}: {lemma!r} is no verb cue of cues.csv")
        out.append((lemma, row))
    return out


def load_lexicon(directory: Path) -> Lexicon:
    """Read and check the three claims files in `directory`."""
    verbs: dict[str, Cue] = {}
    nouns: dict[str, Cue] = {}
    preps: dict[str, Cue] = {}
    cues_path = directory / "cues.csv"
    for row in _rows(cues_path):
        if row["needs"] not in NEEDS:
            raise ValueError(f"{cues_path.name}: unknown need {row['needs']!r} for {row['lemma']!r}")
        cue = Cue(row["lemma"].lower(), row["pos"], _certainty(row["certainty"], cues_path), row["needs"])
        table = {"verb": verbs, "noun": nouns, "prep": preps}.get(cue.pos)
        if table is None:
            raise ValueError(f"{cues_path.name}: unknown pos {cue.pos!r} for {cue.lemma!r}")
        table[cue.lemma] = cue
    hedges: dict[str, Hedge] = {}
    hedge_path = directory / "certainty.csv"
    for row in _rows(hedge_path):
        if row["where"] not in HEDGE_PLACES:
            raise ValueError(f"{hedge_path.name}: unknown place {row['where']!r}")
        hedges[row["word"].lower()] = Hedge(row["word"].lower(), row["where"], _certainty(row["certainty"], hedge_path))
    sources: dict[str, frozenset[str]] = {}
    source_path = directory / "sources.csv"
    for row in _rows(source_path):
        if row["kind"] not in SOURCE_KINDS:
            raise ValueError(f"{source_path.name}: unknown kind {row['kind']!r}")
        noun = row["noun"].lower()
        sources[noun] = sources.get(noun, frozenset()) | {row["kind"]}
    prep_content: dict[str, frozenset[str]] = {}
    prep_path = directory / "prep_content.csv"
    if prep_path.exists():  # optional: a test lexicon may leave it out
        for row in _rows(prep_path):
            lemma = row["lemma"].lower()
            prep_content[lemma] = prep_content.get(lemma, frozenset()) | {row["prep"].lower()}
    object_content: dict[str, bool] = {}
    object_path = directory / "object_content.csv"
    for lemma, row in _verb_rows(object_path, verbs):
        if row["events"] not in ("reported", "given"):
            raise ValueError(f"{object_path.name}: unknown events {row['events']!r} for {lemma!r}")
        object_content[lemma] = row["events"] == "reported"
    raising = {lemma for lemma, _ in _verb_rows(directory / "raising.csv", verbs)}
    return Lexicon(verbs, nouns, preps, hedges, sources, prep_content, object_content, frozenset(raising))


@functools.cache
def lexicon() -> Lexicon:
    """The packaged lexicon, loaded once per process."""
    return load_lexicon(data_path("claims"))
