"""Facet counts over the claims a filter leaves: what the navigation pane shows beside each name."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from ..model.records import Briefing, Claim, Dispute


class Facets(NamedTuple):
    """How many of the claims a filter leaves fall under each actor, topic, kind, section and so on."""

    speakers: Counter[str]  # claims each actor makes
    mentioned: Counter[str]  # claims each actor makes, is the subject of, or relays
    topics: Counter[str]
    kinds: Counter[str]
    sections: Counter[str]
    disputes: Counter[str]  # matching claims in each dispute
    briefings: Counter[str]  # claims from each member of a library

    @property
    def total(self) -> int:
        return sum(self.sections.values())


def facet_counts(briefing: Briefing, claims: Iterable[Claim]) -> Facets:
    """Counts over ``claims``. Built from flat lists so Counter counts in C: a library's 50,000 claims
    must recount on every keystroke."""
    claims = list(claims)
    chain = itertools.chain.from_iterable
    return Facets(
        speakers=Counter([c.actor for c in claims]),
        mentioned=Counter(chain({c.actor, *c.about, *c.via} for c in claims)),
        topics=Counter(chain(set(c.topics) for c in claims)),
        kinds=Counter([c.kind for c in claims]),
        sections=Counter([c.section for c in claims]),
        disputes=Counter(chain({d.id for d in briefing.disputes_of(c.id)} for c in claims)),
        briefings=Counter([briefing.origin_of(c.id) for c in claims]),
    )


def disputes_involving(briefing: Briefing, claims: Iterable[Claim]) -> tuple[Dispute, ...]:
    """The disputes that hold at least one of ``claims``, in briefing order."""
    ids = {c.id for c in claims}
    return tuple(d for d in briefing.disputes if ids & set(d.claim_ids))
