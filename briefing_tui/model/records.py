"""What a briefing is: frozen records, built only by the loader.

Every string here has passed through :func:`briefing_tui.model.sanitize.safe_text`, so it
is safe to print; it may still contain markup-like text and must be shown literally.

The parts of a briefing are named tuples, not dataclasses: a frozen dataclass costs about half a
millisecond to define (its methods are compiled at import), which the reader paid a dozen times
before its first frame, and a library of 50,000 claims is some 20 MiB smaller in tuples. Only
:class:`Briefing`, which caches its lookups, is a dataclass. Two parts are equal when they were
also written at the same places: their ``marks`` count.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import NamedTuple, TypeVar

from .marks import PackedMarks
from .problems import Mark

T = TypeVar("T")
Marks = Mapping[str, Mark]
NO_MARKS: Marks = PackedMarks("")


def shared_id(text: str) -> str:
    """The one string held for id ``text``: ids, kinds and references recur in every claim that
    uses them, and a library of 50,000 claims held some 20 MiB of copies of them."""
    return sys.intern(text)


def shared_ids(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(map(sys.intern, values))


class Topic(NamedTuple):
    """A subject the briefing's sections and claims are tagged with."""

    id: str
    name: str
    description: str = ""
    marks: Marks = NO_MARKS


class Actor(NamedTuple):
    """Someone who makes claims or is spoken of: a person, state, organization, outlet or document."""

    id: str
    name: str
    kind: str
    role: str = ""
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()
    review: str | None = None
    marks: Marks = NO_MARKS

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every alias: what a reader may type to find this actor."""
        return (self.name, *self.aliases)


class Paragraph(NamedTuple):
    """One paragraph of the source text, by number and place."""

    number: int
    start: int  # offsets into the source text
    end: int
    text: str


class Section(NamedTuple):
    """A run of paragraphs on one subject, with the topics it is tagged with."""

    id: str
    title: str
    topics: tuple[str, ...]
    paragraphs: tuple[int, ...]
    text: str = ""  # derived from the source paragraphs, never typed into the YAML
    review: str | None = None
    marks: Marks = NO_MARKS


class Figure(NamedTuple):
    """A number a claim gives, with what it counts and how exact it is."""

    value: float | int
    unit: str
    counts: str
    approx: str = "exact"

    @property
    def text(self) -> str:
        """``about 6,500 people (IS fighters)``: the figure as a reader says it."""
        approx = {"about": "about ", "more-than": "more than ", "less-than": "less than "}.get(self.approx, "")
        value = f"{self.value:,}" if isinstance(self.value, int) else f"{self.value:,g}"
        return f"{approx}{value} {self.unit} ({self.counts})"


class Grading(NamedTuple):
    """How far a claim's source and content can be trusted (Admiralty code)."""

    reliability: str
    credibility: int
    note: str = ""

    @property
    def code(self) -> str:
        return f"{self.reliability}{self.credibility}"


class Span(NamedTuple):
    """Where a quote stands in the source text."""

    start: int
    end: int
    paragraph: int


class Claim(NamedTuple):
    """What one actor asserts, with the verbatim quote it rests on and who relayed it."""

    id: str
    section: str
    actor: str
    topics: tuple[str, ...]
    quote: str
    summary: str
    kind: str
    about: tuple[str, ...] = ()
    via: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    grading: Grading | None = None
    review: str | None = None
    span: Span | None = None  # None when the quote was not found in its section
    marks: Marks = NO_MARKS


class Position(NamedTuple):
    """One side of a dispute and the claims that hold it."""

    label: str
    claims: tuple[str, ...]
    summary: str = ""


class Dispute(NamedTuple):
    """A question on which claims disagree, set out as positions."""

    id: str
    question: str
    positions: tuple[Position, ...]
    topics: tuple[str, ...] = ()
    marks: Marks = NO_MARKS

    @property
    def claim_ids(self) -> tuple[str, ...]:
        return tuple(cid for position in self.positions for cid in position.claims)


class KeyJudgment(NamedTuple):
    """A bottom-line judgment of the briefing and the claims behind it."""

    id: str
    text: str
    claims: tuple[str, ...]
    confidence: str | None = None


class Source(NamedTuple):
    """The article a briefing segments: its file, hash, text and paragraphs."""

    path: str  # as written in the YAML, relative to it
    sha256: str
    text: str = ""
    paragraphs: tuple[Paragraph, ...] = ()


@dataclass(frozen=True)
class Briefing:
    """An article made into a briefing: its sections, actors, claims and disputes."""

    id: str
    title: str
    publication: str
    date: str
    date_precision: str
    language: str
    source: Source
    bluf: str
    key_judgments: tuple[KeyJudgment, ...]
    topics: tuple[Topic, ...]
    actors: tuple[Actor, ...]
    sections: tuple[Section, ...]
    claims: tuple[Claim, ...]
    disputes: tuple[Dispute, ...] = ()
    translation: str = ""
    path: str = ""  # the YAML file it was loaded from

    @cached_property
    def actor_by_id(self) -> Mapping[str, Actor]:
        return MappingProxyType({a.id: a for a in self.actors})

    @cached_property
    def topic_by_id(self) -> Mapping[str, Topic]:
        return MappingProxyType({t.id: t for t in self.topics})

    @cached_property
    def section_by_id(self) -> Mapping[str, Section]:
        return MappingProxyType({s.id: s for s in self.sections})

    @cached_property
    def claim_by_id(self) -> Mapping[str, Claim]:
        return MappingProxyType({c.id: c for c in self.claims})

    @cached_property
    def dispute_by_id(self) -> Mapping[str, Dispute]:
        return MappingProxyType({d.id: d for d in self.disputes})

    @cached_property
    def _claims_by_section(self) -> Mapping[str, tuple[Claim, ...]]:
        return _group(in_article_order(self.claims), lambda c: (c.section,))

    @cached_property
    def claims_by_actor(self) -> Mapping[str, tuple[Claim, ...]]:
        """Each actor's claims (as speaker), in briefing order."""
        return _group(self.claims, lambda c: (c.actor,))

    @cached_property
    def _disputes_by_claim(self) -> Mapping[str, tuple[Dispute, ...]]:
        return _group(self.disputes, lambda d: dict.fromkeys(d.claim_ids))

    def build_lookups(self) -> None:
        """Build every lookup now rather than on first use. A library being loaded builds them in its
        loading thread: at 50,000 claims they take ~0.1 s, a stall if the reader's thread did it."""
        for klass in type(self).__mro__:
            for name, attribute in vars(klass).items():
                if isinstance(attribute, cached_property):
                    getattr(self, name)

    def claims_in(self, section_id: str) -> tuple[Claim, ...]:
        """The section's claims in the order their quotes stand in the article."""
        return self._claims_by_section.get(section_id, ())

    def disputes_of(self, claim_id: str) -> tuple[Dispute, ...]:
        return self._disputes_by_claim.get(claim_id, ())

    def origin_of(self, claim_id: str) -> str:
        """The id of the briefing a claim comes from: this one (a library of several overrides it)."""
        return self.id

    def source_paragraphs_for(self, claim: Claim | None) -> tuple[Paragraph, ...]:
        """The source paragraphs a claim's quote stands among: here, the whole article."""
        return self.source.paragraphs

    def paragraph_in_article(self, number: int) -> int:
        """The number paragraph ``number`` has in its own article, as a reader would cite it."""
        return number

    @property
    def member_titles(self) -> Mapping[str, str]:
        """Id and title of each briefing this one is made of: just itself."""
        return MappingProxyType({self.id: self.title})

    def actor_name(self, actor_id: str | None) -> str:
        actor = self.actor_by_id.get(actor_id or "")
        return actor.name if actor else (actor_id or "")


def in_article_order(claims: Iterable[Claim]) -> tuple[Claim, ...]:
    """``claims`` in the order their quotes stand in the source (those not found first)."""
    return tuple(sorted(claims, key=lambda c: c.span.start if c.span else -1))


def _group(items: Iterable[T], keys_of: Callable[[T], Iterable[str]]) -> Mapping[str, tuple[T, ...]]:
    """Items by each of their keys, in order: a library has 50,000 claims, so lookups must not scan."""
    groups: dict[str, list[T]] = {}
    for item in items:
        for key in keys_of(item):
            groups.setdefault(key, []).append(item)
    return MappingProxyType({key: tuple(group) for key, group in groups.items()})
