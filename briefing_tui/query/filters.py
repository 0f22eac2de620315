"""Filters as values: which claims of a briefing a reader wants to see.

A :class:`ClaimFilter` is immutable; narrowing it returns a new one. The CLI's ``--actor``
and ``--topic`` flags, the reader's query bar and its pickers all build the same value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..model.records import Briefing, Claim


@dataclass(frozen=True)
class Term:
    """One condition: ``field`` is one of actor, about, involves, topic, kind, section, text."""

    field: str
    value: str
    negated: bool = False


@dataclass(frozen=True)
class ClaimFilter:
    terms: tuple[Term, ...] = ()

    def with_term(self, term: Term) -> ClaimFilter:
        if term in self.terms:
            return self
        return replace(self, terms=(*self.terms, term))

    def without(self, field: str) -> ClaimFilter:
        return replace(self, terms=tuple(t for t in self.terms if t.field != field))

    @property
    def is_empty(self) -> bool:
        return not self.terms

    def matches(self, claim: Claim, briefing: Briefing) -> bool:
        return all(_matches(term, claim, briefing) != term.negated for term in self.terms)

    def apply(self, briefing: Briefing, claims: Iterable[Claim] | None = None) -> tuple[Claim, ...]:
        pool = briefing.claims if claims is None else claims
        return tuple(c for c in pool if self.matches(c, briefing))


def claim_text(claim: Claim, briefing: Briefing) -> str:
    """Everything free-text search looks at for a claim, lower-cased."""
    names = [briefing.actor_name(claim.actor), *(briefing.actor_name(a) for a in claim.about)]
    actor = briefing.actor_by_id.get(claim.actor)
    if actor:
        names.extend(actor.aliases)
    return " ".join([claim.quote, claim.summary, *names]).casefold()


def _matches(term: Term, claim: Claim, briefing: Briefing) -> bool:
    if term.field == "actor":
        return claim.actor == term.value
    if term.field == "about":
        return term.value in claim.about
    if term.field == "involves":
        return claim.actor == term.value or term.value in claim.about or term.value in claim.via
    if term.field == "topic":
        return term.value in claim.topics
    if term.field == "kind":
        return claim.kind == term.value
    if term.field == "section":
        return claim.section == term.value
    if term.field == "text":
        return term.value.casefold() in claim_text(claim, briefing)
    raise ValueError(f"unknown filter field {term.field!r}")
