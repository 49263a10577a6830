"""Query parameters shared by the API and the pages, validated into an `EventFilter`.

Parameters arrive as strings and empty ones mean "not set", because HTML filter forms submit every
field; anything malformed is a 422 naming the parameter and what was expected.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from fastapi import HTTPException, Query

from dotterel import limits
from dotterel.events.ontology import ONTOLOGY
from dotterel.store.query import MODALITIES, EventFilter, parse_dyad
from dotterel.store.query import parse_code as _parse_code

FREQS = ("day", "week", "month")
LEVELS = ("country", "sector")
EVENT_TYPES = tuple(sorted(ONTOLOGY.types))


def bad(param: str, message: str) -> HTTPException:
    return HTTPException(422, f"{param}: {message}")


def parse_code(value: str | None, param: str) -> str | None:
    if not value:
        return None
    try:
        return _parse_code(value)
    except ValueError as err:
        raise bad(param, str(err)) from None


def dyad_param(value: str | None, param: str = "dyad") -> tuple[str, str] | None:
    if not value:
        return None
    try:
        return parse_dyad(value)
    except ValueError as err:
        raise bad(param, str(err)) from None


def parse_two(value: str | None, param: str) -> tuple[str, str] | None:
    """A dyad naming both sides (`pair`, dyad pages): the bare-code form has no other side to pair with."""
    codes = dyad_param(value, param)
    if codes is not None and not codes[1]:
        raise bad(param, f"{value!r} names one actor; give both sides, AAA-BBB")
    return codes


def parse_pair(value: str | None, param: str = "dyad") -> str | None:
    """An unordered pair for the escalation monitor, in its canonical order: 'VEN-GUY' -> 'GUY-VEN'."""
    codes = parse_two(value, param)
    if codes is None:
        return None
    if codes[0] == codes[1]:
        raise bad(param, f"{value!r} names the same actor twice; sides inside one country are sector codes "
                         "(SDNGOV-SDNREB)")
    return f"{min(codes)}-{max(codes)}"


def parse_date(value: str | None, param: str) -> dt.date | None:
    if not value:
        return None
    try:
        return limits.check_date(dt.date.fromisoformat(value.strip()), param)
    except limits.LimitError as err:
        raise HTTPException(422, str(err)) from None
    except ValueError:
        raise bad(param, f"{value!r} is not a date (YYYY-MM-DD)") from None


def parse_choice(value: str | None, param: str, choices: tuple[str, ...]) -> str | None:
    if not value:
        return None
    if value not in choices:
        raise bad(param, f"{value!r} is not one of {', '.join(choices)}")
    return value


def event_filter(
    dyad: Annotated[str | None, Query(description="Dyad `AAA-BBB`: actor code, recipient code; `AAA` alone: that actor on anyone.", max_length=20)] = None,
    pair: Annotated[str | None, Query(description="Pair `AAA-BBB` either way round: one side acting on the other.",
                                      max_length=20)] = None,
    actor: Annotated[str | None, Query(description="Actor code (any recipient).", max_length=8)] = None,
    recipient: Annotated[str | None, Query(description="Recipient code (any actor).", max_length=8)] = None,
    type: Annotated[list[str], Query(description=f"PLOVER event type(s): {', '.join(EVENT_TYPES)}.")] = [],  # noqa: B006
    modality: Annotated[str | None, Query(description=f"One of {', '.join(MODALITIES)}.", max_length=16)] = None,
    date_from: Annotated[str | None, Query(description="First day (YYYY-MM-DD), inclusive.", max_length=10)] = None,
    date_to: Annotated[str | None, Query(description="Last day (YYYY-MM-DD), inclusive.", max_length=10)] = None,
    source: Annotated[str | None, Query(description="Document source, exactly as stored.", max_length=200)] = None,
) -> EventFilter:
    types = [t.strip().upper() for t in type if t.strip()]
    unknown = [t for t in types if t not in ONTOLOGY.types]
    if unknown:
        raise bad("type", f"unknown PLOVER event type {unknown[0]!r} (one of {', '.join(EVENT_TYPES)})")
    lo, hi = parse_date(date_from, "date_from"), parse_date(date_to, "date_to")
    if lo and hi and lo > hi:
        raise bad("date_from", f"{lo} is after date_to {hi}")
    chosen = parse_choice(modality, "modality", MODALITIES)
    return EventFilter(
        dyad=dyad_param(dyad), pair=parse_two(pair, "pair"), actor=parse_code(actor, "actor"),
        recipient=parse_code(recipient, "recipient"), types=types, modalities=(chosen,) if chosen else (),
        since=lo.isoformat() if lo else None, until=hi.isoformat() if hi else None, source=source or None,
    )


@dataclass(frozen=True, slots=True)
class Window:
    """The escalation monitor's common parameters, as `dotterel monitor` takes them."""

    freq: str = "week"
    level: str = "country"
    since: str | None = None
    until: str | None = None


def window(
    freq: Annotated[str | None, Query(description="Period: day, week or month (as `dotterel monitor --freq`).",
                                      max_length=8)] = None,
    level: Annotated[str | None, Query(description="Dyad level: country, or sector (`SDNGOV-SDNREB`).",
                                       max_length=8)] = None,
    since: Annotated[str | None, Query(description="First day shown (YYYY-MM-DD); baselines still use earlier "
                                                   "data.", max_length=10)] = None,
    until: Annotated[str | None, Query(description="Last day considered (YYYY-MM-DD).", max_length=10)] = None,
) -> Window:
    lo, hi = parse_date(since, "since"), parse_date(until, "until")
    if lo and hi and lo > hi:
        raise bad("since", f"{lo} is after until {hi}")
    return Window(parse_choice(freq, "freq", FREQS) or "week", parse_choice(level, "level", LEVELS) or "country",
                  lo.isoformat() if lo else None, hi.isoformat() if hi else None)
