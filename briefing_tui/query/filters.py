"""Filters as values: which claims of a briefing a reader wants to see.

A :class:`ClaimFilter` is immutable; narrowing it returns a new one. The CLI's ``--actor``
and ``--topic`` flags, the reader's query bar, its pickers and its navigation pane all
build the same value, through :mod:`briefing_tui.query.language`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple, Protocol

from ..model.records import Briefing, Claim

FIELDS = ("actor", "about", "involves", "topic", "kind", "section", "dispute", "judgment", "briefing", "text", "is",
          "has")
FLAGS = {"is": ("bookmarked", "read", "unread", "proposed"), "has": ("note",)}


class Annotations(Protocol):
    """The reader's own marks on claims, for ``is:`` and ``has:`` terms."""

    def is_bookmarked(self, claim_id: str) -> bool: ...

    def is_read(self, claim_id: str) -> bool: ...

    def has_note(self, kind: str, target_id: str) -> bool: ...


class NoAnnotations:
    def is_bookmarked(self, claim_id: str) -> bool:
        return False

    def is_read(self, claim_id: str) -> bool:
        return False

    def has_note(self, kind: str, target_id: str) -> bool:
        return False


class Term(NamedTuple):
    """One condition on a claim; ``field`` is one of :data:`FIELDS`."""

    field: str
    value: str
    negated: bool = False


class ClaimFilter(NamedTuple):
    """Terms that must all hold for a claim to be kept."""

    terms: tuple[Term, ...] = ()

    def with_term(self, term: Term) -> ClaimFilter:
        if term in self.terms:
            return self
        return self._replace(terms=(*self.terms, term))

    def replacing(self, term: Term) -> ClaimFilter:
        """This filter with ``term`` instead of any other positive term on the same field."""
        kept = tuple(t for t in self.terms if t.field != term.field or t.negated)
        return self._replace(terms=(*kept, term))

    def without(self, field: str) -> ClaimFilter:
        return self._replace(terms=tuple(t for t in self.terms if t.field != field))

    @property
    def is_empty(self) -> bool:
        return not self.terms

    def matches(self, claim: Claim, briefing: Briefing, marks: Annotations | None = None) -> bool:
        marks = marks or NoAnnotations()
        return all(_matches(term, claim, briefing, marks) != term.negated for term in self.terms)

    def apply(
        self, briefing: Briefing, claims: Iterable[Claim] | None = None, marks: Annotations | None = None
    ) -> tuple[Claim, ...]:
        pool = briefing.claims if claims is None else claims
        return tuple(c for c in pool if self.matches(c, briefing, marks))


def claim_text(claim: Claim, briefing: Briefing) -> str:
    """Everything free-text search looks at for a claim, case-folded."""
    names = [briefing.actor_name(claim.actor), *(briefing.actor_name(a) for a in claim.about)]
    actor = briefing.actor_by_id.get(claim.actor)
    if actor:
        names.extend(actor.aliases)
    return " ".join([claim.quote, claim.summary, *names]).casefold()


def _matches(term: Term, claim: Claim, briefing: Briefing, marks: Annotations) -> bool:
    field, value = term.field, term.value
    if field == "actor":
        return claim.actor == value
    if field == "about":
        return value in claim.about
    if field == "involves":
        return claim.actor == value or value in claim.about or value in claim.via
    if field == "topic":
        return value in claim.topics
    if field == "kind":
        return claim.kind == value
    if field == "section":
        return claim.section == value
    if field == "dispute":
        dispute = briefing.dispute_by_id.get(value)
        return dispute is not None and claim.id in dispute.claim_ids
    if field == "judgment":
        return any(k.id == value and claim.id in k.claims for k in briefing.key_judgments)
    if field == "briefing":
        return briefing.origin_of(claim.id) == value
    if field == "text":
        return value.casefold() in claim_text(claim, briefing)
    if field == "is":
        if value == "bookmarked":
            return marks.is_bookmarked(claim.id)
        if value == "read":
            return marks.is_read(claim.id)
        if value == "unread":
            return not marks.is_read(claim.id)
        return claim.review == "proposed"
    if field == "has":
        return marks.has_note("claim", claim.id)
    raise ValueError(f"unknown filter field {field!r}")
