"""Checking command-line values against what the project knows, so a wrong value fails with help.

Each check returns the clean value or raises `UsageProblem` with one line that names what would have
worked: the PLOVER types and the closest one, the code of a country given by name, the dyad forms.
An unchecked value would otherwise filter silently to an empty table.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping, Sequence

from dotterel.store.query import CODE, DYAD_FORMS, MODALITIES, parse_dyad


class UsageProblem(ValueError):
    """A value the user gave that cannot work; the message is the whole one-line explanation."""


def event_types(values: Sequence[str]) -> list[str]:
    """PLOVER types in upper case; an unknown one fails naming the valid types and the closest."""
    from dotterel.events.ontology import ONTOLOGY

    known = sorted(ONTOLOGY.types)
    # words of the types and of their modes ('suicide-attack' is ASSAULT), so ATTACK suggests ASSAULT
    words = {name.lower(): name for name in known}
    for name, spec in ONTOLOGY.types.items():
        for mode in spec.modes:
            words.update({part: name for part in mode.lower().split("-") if len(part) > 3 and part not in words})
    out: list[str] = []
    for value in values:
        name = value.strip().upper()
        if name not in ONTOLOGY.types:
            close = (difflib.get_close_matches(name.lower(), list(words), n=1, cutoff=0.75)
                     or difflib.get_close_matches(name.lower(), [k.lower() for k in known], n=1, cutoff=0.0))
            hint = f" (closest: {words[close[0]]})" if close else ""
            raise UsageProblem(f"--type {value!r} is not a PLOVER event type{hint}; valid types: {', '.join(known)}")
        out.append(name)
    return out


def actor_code(value: str, option: str = "--actor") -> str:
    """An actor code as stored (IRN); a name (Iran, iran, Iranian) is resolved through the actor knowledge base.

    A value written in capitals that looks like a code is taken as a code (the store may hold codes the
    knowledge base does not, such as sector keys); anything else must name exactly one actor.
    """
    text = value.strip()
    if text.isupper() and CODE.match(text):
        return text
    from dotterel.actors.kb import load

    kb = load()
    codes = sorted({t.code for key in _alias_keys(kb.aliases, text) for actor in kb.aliases[key]
                    if (t := actor.at(None)) is not None and t.code})
    if not codes and text.upper() in kb.countries.keys() | kb.org_codes:
        codes = [text.upper()]
    if len(codes) == 1:
        return codes[0]
    if codes:
        raise UsageProblem(f"{option} {value!r} could be {', '.join(codes)}: give the code")
    raise UsageProblem(f"{option} {value!r} is neither an actor code nor a name the actor knowledge base knows; "
                       "give a code such as IRN, RUS or NATO")


def _alias_keys(aliases: Mapping[str, object], text: str) -> list[str]:
    if text in aliases:
        return [text]
    folded = text.casefold()
    return [key for key in aliases if key.casefold() == folded]


def dyad(values: Sequence[str] | None, option: str = "--dyad") -> tuple[str, str] | None:
    """At most one dyad (a repeated --dyad fails rather than silently keep the last), in the one form
    `store.query.parse_dyad` documents; each side may be a name, resolved as for --actor."""
    if not values:
        return None
    if len(values) > 1:
        raise UsageProblem(f"{option} given {len(values)} times; give one dyad per command")
    text = values[0].strip()
    parts = text.split("-")
    if len(parts) in (1, 2) and all(p.strip() and not (p.strip().isupper() and CODE.match(p.strip())) for p in parts):
        try:  # names such as Iran-Israel: resolve each side
            parts = [actor_code(p, option) for p in parts]
        except UsageProblem:
            pass
        else:
            text = "-".join(parts)
    try:
        return parse_dyad(text)
    except ValueError as err:
        raise UsageProblem(f"{option}: {err}") from None


def day(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    from dotterel import limits

    try:
        return limits.check_date(dt.date.fromisoformat(value), option).isoformat()
    except limits.LimitError as err:
        raise UsageProblem(str(err)) from None
    except ValueError:
        raise UsageProblem(f"{option} {value!r} is not a date (YYYY-MM-DD)") from None


def modalities(values: Sequence[str]) -> list[str]:
    for m in values:
        if m not in MODALITIES:
            raise UsageProblem(f"--modality {m!r} is not one of {', '.join(MODALITIES)}")
    return list(values)


__all__ = ["DYAD_FORMS", "UsageProblem", "actor_code", "day", "dyad", "event_types", "modalities"]
