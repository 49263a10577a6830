"""Actor resolution: which country, organisation, group or person each mention stands for.

The API the other stages call:
- `resolve_actors` (resolver.py): the mentions of a document, coded (an `ActorIndex`);
- phrases.py: which mentions make up a noun phrase (`mentions_in`, `real_head`);
- parties.py: whose a phrase is when it names no actor itself (the event coder's subjects and home
  countries, claim speaker phrases, assemble's attribution codes);
- speakers.py: claim speakers' words and the antecedents of pronoun speakers.
"""

from dotterel.actors.resolver import resolve_actors

__all__ = ["resolve_actors"]
