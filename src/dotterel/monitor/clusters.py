"""Event identity across articles: group stored event codings into clusters, one per happening.

`build(store)` (re)builds the monitor tables from the store's current codings; it is skipped when the
store and the parameters are unchanged since the last build, so runs over the same store see the same
clusters (cluster ids and keys are assigned in a fixed order, not by the database).

Which codings are clustered: current codings only; modality `asserted` (attributed or not), and
`historical` only when the event has its own day-precise date (else it would be binned at publication);
`negated`, `hypothetical` and `future` never; at least one actor with a code; a date (event date,
falling back to report date, then publication date: the store's `events.date`).

Two codings are one happening when (docs/monitor.md, "Event clusters"):
- their types are in the same family (data/monitor/families.csv),
- they share an actor country code, and their recipient codes overlap or one side has none,
- the later event date is at most `window_days` after the cluster's first event date (anchored, so a
  long campaign is not chained into one cluster),
- their locations do not contradict (both known and different splits them),
- and something else ties them: the same article with the same type (a restatement), the same type, a
  shared trigger stem, the same location, or a shared quantity value (two types in one article need one
  of the last three).
An ASSAULT or COERCE coded with no recipient but located in another country than its actors' takes that
country as recipient (an attack in Guyana by Venezuelan troops is VEN-GUY).
The best-scoring open cluster wins (same article 3, trigger 2, location 2, quantity 2, type 1; ties go to
the older cluster). Events are processed in date order over a database cursor, holding only the clusters
still open, never the whole event table.

Reading: `clusters(conn, dyad=..., since=..., until=...)` lists clusters with members and sources.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import itertools
import json
import re
from collections import Counter, defaultdict, deque
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field

from sqlalchemy import Connection, and_, delete, exc, func, insert, or_, select

from dotterel.knowledge import data_path
from dotterel.monitor import tables as t
from dotterel.monitor.dyads import MemberView, Ref, derive
from dotterel.monitor.sources import DocSig, decode, encode, outlet_of, signature, syndication_groups
from dotterel.store import schema as s
from dotterel.store.buckets import buckets
from dotterel.store.engine import Store, StoreError, display, error_line
from dotterel.store.query import current_events, parse_dyad

BUILD_VERSION = "1"
COUNTED_MODALITIES = ("asserted", "historical")
FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
IMPLIED_RECIPIENT_TYPES = frozenset({"ASSAULT", "COERCE"})
_STEM = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class Params:
    """Clustering and weighting parameters (stored with each build; changing one forces a rebuild)."""

    window_days: int = 3
    opinion_weight: float = 0.5
    party_weight: float = 0.5


@functools.cache
def families() -> dict[str, str]:
    with data_path("monitor", "families.csv").open(encoding="utf-8") as fh:
        return {r["type"]: r["family"] for r in csv.DictReader(line for line in fh if not line.startswith("#"))}


@dataclass(slots=True)
class _Member:
    event_pk: int
    document_pk: int
    doc_id: str
    local_id: str
    type: str
    quad: int
    score: float
    military: bool
    day: int
    date: str
    pub_date: str | None
    location: str | None  # the place key clusters compare (a name where the text gives one)
    location_code: str | None  # the place's state code, which the cluster row stores
    stems: frozenset[str]
    values: frozenset[float]
    actors: tuple[Ref, ...]
    recipients: tuple[Ref, ...]
    source: str
    opinion: bool
    attribution_code: str | None
    outlet_country: str | None
    trigger: str


@dataclass(slots=True)
class _Cluster:
    index: int
    family: str
    first_day: int
    members: list[_Member] = field(default_factory=list)
    actor_codes: set[str] = field(default_factory=set)
    recipient_codes: set[str] = field(default_factory=set)
    locations: set[str] = field(default_factory=set)
    stems: set[str] = field(default_factory=set)
    values: set[float] = field(default_factory=set)
    types: set[str] = field(default_factory=set)
    documents: set[int] = field(default_factory=set)

    def add(self, m: _Member) -> None:
        self.members.append(m)
        self.actor_codes |= {r.code for r in m.actors}
        self.recipient_codes |= {r.code for r in m.recipients}
        if m.location:
            self.locations.add(m.location)
        self.stems |= m.stems
        self.values |= m.values
        self.types.add(m.type)
        self.documents.add(m.document_pk)

    def affinity(self, m: _Member) -> int:
        """Overlap score of `m` with this cluster; -1 when they cannot be the same happening."""
        recipients = {r.code for r in m.recipients}
        if recipients and self.recipient_codes and not (recipients & self.recipient_codes):
            return -1
        if m.location and self.locations and m.location not in self.locations:
            return -1
        same_type = m.type in self.types
        overlap = 2 * bool(m.stems & self.stems) + 2 * (m.location in self.locations) + 2 * bool(m.values & self.values)
        # An article restates its own happenings with the same type; an attack and a seizure in one article
        # are two happenings unless something else (trigger, place, number) ties them.
        same_doc = 3 * (m.document_pk in self.documents) if same_type or overlap else 0
        score = same_doc + overlap + same_type
        return score if score > 0 else -1


@dataclass(frozen=True, slots=True)
class BuildResult:
    built: bool
    n_events: int
    n_clusters: int
    fingerprint: str


def _stems(trigger: str) -> frozenset[str]:
    # A crude stem (first five letters) is enough to tie "deployed" to "deployment", "shelled" to "shelling".
    return frozenset(w[:5] for w in _STEM.findall(trigger.lower()) if len(w) > 2)


def _place(text: str | None, code: str | None) -> str | None:
    """Location key: the place name when given (a country code cannot tell two border villages apart)."""
    if text and text.strip():
        words = [w for w in _STEM.findall(text.lower()) if w not in ("the", "of", "near", "in")]
        if words:
            return " ".join(words)
    return code


def _is_country(code: str | None) -> bool:
    return code is not None and len(code) == 3 and code.isalpha() and code.isupper()


def _ordinal(date: str) -> int:
    return dt.date.fromisoformat(date[:10]).toordinal()


def fingerprint(conn: Connection, params: Params) -> str:
    d = s.documents
    n, top, total = conn.execute(select(func.count(d.c.id), func.max(d.c.current_coding_id),
                                        func.sum(d.c.current_coding_id))).one()
    digest = hashlib.sha256(json.dumps([BUILD_VERSION, asdict(params), families()], sort_keys=True).encode())
    return f"docs={n}:top={top}:sum={total}:params={digest.hexdigest()[:16]}"


def _refresh_documents(conn: Connection) -> None:
    """Compute outlet and MinHash signature for documents that have none yet (incremental, in chunks)."""
    d, md = s.documents, t.monitor_documents
    while True:
        rows = conn.execute(
            select(d.c.id, d.c.doc_id, d.c.source, d.c.url, d.c.text)
            .where(~select(md.c.document_id).where(md.c.document_id == d.c.id).exists())
            .order_by(d.c.id).limit(2000)
        ).all()
        if not rows:
            return
        values = []
        for r in rows:
            outlet = outlet_of(r.source, r.url, r.doc_id)
            values.append(dict(document_id=r.id, outlet=outlet.key[:200], outlet_country=outlet.country,
                               signature=encode(signature(r.text))))
        conn.execute(insert(md), values)


def _source_keys(conn: Connection) -> tuple[dict[int, str], dict[int, str | None]]:
    d, md = s.documents, t.monitor_documents
    rows = conn.execute(select(d.c.id, d.c.doc_id, d.c.pub_date, md.c.outlet, md.c.outlet_country, md.c.signature)
                        .join(md, md.c.document_id == d.c.id)).all()
    sigs = [DocSig(r.id, r.doc_id, r.pub_date, r.outlet, decode(r.signature)) for r in rows]
    return syndication_groups(sigs), {r.id: r.outlet_country for r in rows}


def _events(conn: Connection, sources: dict[int, str], countries: dict[int, str | None]) -> Iterator[_Member]:
    """Countable event codings in date order, streamed from the database."""
    e, d, c, a, q = s.events, s.documents, s.codings, s.event_actors, s.quantities
    # One row per (event, actor ref, quantity); consecutive rows of one event are folded together below.
    # Plain joins on indexed keys: aggregating in subqueries first made SQLite join unindexed results.
    stmt = (
        select(e.c.id, e.c.document_id, d.c.doc_id, e.c.local_id, e.c.type, e.c.quad, e.c.score, e.c.context,
               e.c.date, e.c.modality, e.c.event_date_precision, d.c.pub_date, e.c.location_code, e.c.location_text,
               e.c.trigger_text, e.c.attribution_code, c.c.genre_label, a.c.role, a.c.code, a.c.sector,
               q.c.value.label("qvalue"))
        .select_from(current_events())
        .join(c, c.c.id == e.c.coding_id)
        .outerjoin(a, and_(a.c.event_id == e.c.id, a.c.code.is_not(None)))
        .outerjoin(q, and_(q.c.coding_id == e.c.coding_id, q.c.event == e.c.local_id, q.c.value.is_not(None)))
        .where(e.c.modality.in_(COUNTED_MODALITIES), func.length(e.c.date) == 10)
        .order_by(e.c.date, d.c.pub_date, d.c.doc_id, e.c.span_start, e.c.id)
    )
    # Per statement: Connection.execution_options would switch the whole connection to server-side cursors.
    result = conn.execute(stmt.execution_options(stream_results=True, yield_per=5000))
    for _, group in itertools.groupby(result, key=lambda row: row.id):
        rows = list(group)
        r = rows[0]
        if r.modality == "historical" and r.event_date_precision != "day":
            continue
        roles: dict[str, list[Ref]] = {"actor": [], "recipient": []}
        for ref in sorted({(x.role, x.code, x.sector or "") for x in rows if x.code}):
            roles[ref[0]].append(Ref(ref[1], ref[2] or None))
        if not roles["actor"]:
            continue
        if not roles["recipient"] and r.type in IMPLIED_RECIPIENT_TYPES and _is_country(r.location_code) \
                and r.location_code not in {x.code for x in roles["actor"]}:
            # An attack in another country with no recipient coded is an attack on that country.
            roles["recipient"].append(Ref(r.location_code, None))
        context = json.loads(r.context) if r.context else []
        values = frozenset(float(x.qvalue) for x in rows if x.qvalue is not None)
        yield _Member(
            event_pk=r.id, document_pk=r.document_id, doc_id=r.doc_id, local_id=r.local_id, type=r.type,
            quad=r.quad, score=r.score, military=r.type in FORCE_TYPES or "military" in context,
            day=_ordinal(r.date), date=r.date, pub_date=r.pub_date, location=_place(r.location_text, r.location_code),
            location_code=r.location_code, stems=_stems(r.trigger_text), values=values, actors=tuple(roles["actor"]),
            recipients=tuple(roles["recipient"]), source=sources.get(r.document_id, f"doc:{r.doc_id}"),
            opinion=r.genre_label == "opinion", attribution_code=r.attribution_code,
            outlet_country=countries.get(r.document_id), trigger=r.trigger_text)


def assign(members: Iterator[_Member], window_days: int) -> Iterator[_Cluster]:
    """Group date-ordered members into clusters; yields each cluster once it can take no more members."""
    fam = families()
    open_: dict[tuple[str, str], list[_Cluster]] = defaultdict(list)
    live: deque[_Cluster] = deque()  # open clusters in creation order, hence in first-day order
    counter = 0
    for m in members:
        # Close clusters whose window has passed (their first day is too early for this and later events).
        while live and m.day - live[0].first_day > window_days:
            cl = live.popleft()
            idx = cl.index
            for code in cl.actor_codes:
                open_[(cl.family, code)] = [x for x in open_[(cl.family, code)] if x.index != idx]
            yield cl
        family = fam.get(m.type, m.type)
        best: _Cluster | None = None
        best_score = -1
        seen: set[int] = set()
        for ref in m.actors:
            for cl in open_.get((family, ref.code), ()):
                if cl.index in seen:
                    continue
                seen.add(cl.index)
                score = cl.affinity(m)
                if score > best_score or (score == best_score and best is not None and cl.index < best.index):
                    best, best_score = cl, score
        if best is None:
            counter += 1
            best = _Cluster(index=counter, family=family, first_day=m.day)
            live.append(best)
        before = set(best.actor_codes)
        best.add(m)
        for code in best.actor_codes - before:
            open_[(family, code)].append(best)
    yield from live


def _cluster_row(cl: _Cluster, cluster_id: int) -> dict:
    ms = cl.members
    counts = Counter(m.type for m in ms)
    top = max(counts.values())
    kind = next(m.type for m in ms if counts[m.type] == top)  # ties: the type of the earliest member
    of_kind = [m for m in ms if m.type == kind]
    dates = sorted(m.date for m in ms)
    reports = sorted(m.pub_date[:10] for m in ms if m.pub_date)
    first = ms[0]
    # the state code, not the place key: a place name ("the old customs house at the crossing") overflowed the code
    # column on PostgreSQL and stopped the ingest
    locations = Counter(m.location_code for m in ms if m.location_code)
    return dict(
        id=cluster_id, key=f"{first.doc_id}#{first.local_id}"[:240], type=kind, family=cl.family,
        quad=of_kind[0].quad, score=round(sum(m.score for m in of_kind) / len(of_kind), 4),
        military=any(m.military for m in ms), label=first.trigger,
        actors=json.dumps(sorted(cl.actor_codes)), recipients=json.dumps(sorted(cl.recipient_codes)),
        location_code=locations.most_common(1)[0][0] if locations else None,
        first_date=dates[0], last_date=dates[-1], first_report=reports[0] if reports else None,
        last_report=reports[-1] if reports else None, n_members=len(ms), n_documents=len(cl.documents),
        n_sources=len({m.source for m in ms}), weight=max(0.5 if m.opinion else 1.0 for m in ms),
    )


def build(store: Store, params: Params = Params(), *, force: bool = False) -> BuildResult:
    """Rebuild clusters and cluster dyads from the store unless nothing changed (see module docstring).

    One transaction: when the database refuses a row, nothing of the rebuild is kept (the clusters built
    before stay) and the refusal is a StoreError of one line.
    """
    try:
        return _build(store, params, force)
    except exc.SQLAlchemyError as err:  # what the store did not already turn into a StoreError
        raise StoreError(f"monitor: database {display(store.url)} refused the event clusters ({error_line(err)}); "
                         "the clusters built before are kept") from None


def _build(store: Store, params: Params, force: bool) -> BuildResult:
    with store.write() as conn:
        _refresh_documents(conn)
        fp = fingerprint(conn, params)
        last = conn.execute(select(t.monitor_builds).order_by(t.monitor_builds.c.id.desc()).limit(1)).first()
        if last is not None and last.fingerprint == fp and not force:
            return BuildResult(False, last.n_events, last.n_clusters, fp)
        for table in (t.monitor_cluster_dyads, t.monitor_cluster_members, t.monitor_clusters):
            conn.execute(delete(table))
        sources, countries = _source_keys(conn)
        n_events = n_clusters = 0
        batch: dict[str, list[dict]] = {"clusters": [], "members": [], "dyads": []}
        for cl in assign(_events(conn, sources, countries), params.window_days):
            n_clusters += 1
            n_events += len(cl.members)
            row = _cluster_row(cl, n_clusters)
            batch["clusters"].append(row)
            batch["members"] += [dict(cluster_id=n_clusters, event_id=m.event_pk, document_id=m.document_pk,
                                      source=m.source[:200], opinion=m.opinion, attribution_code=m.attribution_code,
                                      outlet_country=m.outlet_country) for m in cl.members]
            views = [MemberView(m.actors, m.recipients, m.opinion, m.attribution_code, m.outlet_country)
                     for m in cl.members]
            b = buckets(row["first_date"])
            for dyad, weight in derive(views, opinion_weight=params.opinion_weight, party_weight=params.party_weight):
                batch["dyads"].append(dict(
                    cluster_id=n_clusters, level=dyad.level, kind=dyad.kind, a=dyad.a, b=dyad.b, quad=row["quad"],
                    score=row["score"], weight=weight, military=row["military"], n_sources=row["n_sources"],
                    day=b.day, week=b.week, month=b.month))
            if len(batch["members"]) >= 20000:
                _flush(conn, batch)
        _flush(conn, batch)
        conn.execute(insert(t.monitor_builds), dict(
            fingerprint=fp, params=json.dumps(asdict(params), sort_keys=True),
            built_at=dt.datetime.now(dt.timezone.utc), n_events=n_events, n_clusters=n_clusters))
    return BuildResult(True, n_events, n_clusters, fp)


def _flush(conn: Connection, batch: dict[str, list[dict]]) -> None:
    for name, table in (("clusters", t.monitor_clusters), ("members", t.monitor_cluster_members),
                        ("dyads", t.monitor_cluster_dyads)):
        if batch[name]:
            conn.execute(insert(table), batch[name])
            batch[name].clear()


def clusters(conn: Connection, *, dyad: str | None = None, level: str = "country", since: str | None = None,
             until: str | None = None, cluster_ids: list[int] | None = None, limit: int | None = None) -> list[dict]:
    """Clusters (newest first) with their members: article, outlet, independent source, trigger, date.

    `dyad` 'A-B' selects clusters feeding that pair (either direction); 'A' a single-actor series.
    """
    mc, md = t.monitor_clusters, t.monitor_cluster_dyads
    stmt = select(mc).order_by(mc.c.first_date.desc(), mc.c.id)
    if dyad:
        a, b = parse_dyad(dyad)
        stmt = stmt.where(select(md.c.id).where(md.c.cluster_id == mc.c.id, md.c.level == level,
                                                or_(and_(md.c.a == a, md.c.b == b), and_(md.c.a == b, md.c.b == a))
                                                ).exists())
    if since:
        stmt = stmt.where(mc.c.first_date >= since)
    if until:
        stmt = stmt.where(mc.c.first_date <= until)
    if cluster_ids is not None:
        stmt = stmt.where(mc.c.id.in_(cluster_ids))
    if limit:
        stmt = stmt.limit(limit)
    rows = [dict(r._mapping) for r in conn.execute(stmt)]
    for r in rows:
        r["actors"], r["recipients"] = json.loads(r["actors"]), json.loads(r["recipients"])
    if not rows:
        return rows
    members = _members(conn, [r["id"] for r in rows])
    for r in rows:
        r["members"] = members.get(r["id"], [])
    return rows


def _members(conn: Connection, ids: list[int]) -> dict[int, list[dict]]:
    m, e, d = t.monitor_cluster_members, s.events, s.documents
    out: dict[int, list[dict]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        stmt = (select(m.c.cluster_id, m.c.source, m.c.opinion, d.c.doc_id, d.c.title, d.c.source.label("outlet"),
                       d.c.url, d.c.pub_date, e.c.local_id, e.c.type, e.c.date, e.c.trigger_text,
                       e.c.attribution_source, e.c.span_start, e.c.span_end)
                .join(e, e.c.id == m.c.event_id).join(d, d.c.id == m.c.document_id)
                .where(m.c.cluster_id.in_(chunk)).order_by(m.c.cluster_id, d.c.pub_date, d.c.doc_id, e.c.span_start))
        for r in conn.execute(stmt):
            row = dict(r._mapping)
            out[row.pop("cluster_id")].append(row)
    return out


__all__ = ["BuildResult", "Params", "assign", "build", "clusters", "families", "fingerprint"]
