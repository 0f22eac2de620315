"""Facet counts over the claims a filter leaves: what the navigation pane shows beside each name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..model.records import Briefing, Claim, Dispute


@dataclass(frozen=True)
class Facets:
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
    speakers: Counter[str] = Counter()
    mentioned: Counter[str] = Counter()
    topics: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    sections: Counter[str] = Counter()
    disputes: Counter[str] = Counter()
    briefings: Counter[str] = Counter()
    claim_disputes = _disputes_by_claim(briefing.disputes)
    for claim in claims:
        speakers[claim.actor] += 1
        mentioned.update({claim.actor, *claim.about, *claim.via})
        topics.update(set(claim.topics))
        kinds[claim.kind] += 1
        sections[claim.section] += 1
        disputes.update(claim_disputes.get(claim.id, ()))
        briefings[briefing.origin_of(claim.id)] += 1
    return Facets(speakers, mentioned, topics, kinds, sections, disputes, briefings)


def _disputes_by_claim(disputes: Iterable[Dispute]) -> dict[str, set[str]]:
    by_claim: dict[str, set[str]] = {}
    for dispute in disputes:
        for claim_id in dispute.claim_ids:
            by_claim.setdefault(claim_id, set()).add(dispute.id)
    return by_claim


def disputes_involving(briefing: Briefing, claims: Iterable[Claim]) -> tuple[Dispute, ...]:
    """The disputes that hold at least one of ``claims``, in briefing order."""
    ids = {c.id for c in claims}
    return tuple(d for d in briefing.disputes if ids & set(d.claim_ids))
