"""Several briefings read as one: a library is a Briefing whose parts come from its members.

Everything that reads a Briefing (filters, facets, the reader's panes) then works on a library
unchanged. Ids are made unique across members (``member-id/claim-id``); actors and topics that
several members share are matched by id, then by name or alias (:func:`~.library.group_members`),
and become one. The members' source texts are laid end to end, so every quote keeps a place.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

from ..model import records as r
from .library import actor_members, group_members, unique_keys


@dataclass(frozen=True)
class LibraryBriefing(r.Briefing):
    """A Briefing made of ``members``; ``origins`` maps each claim id to its member's index."""

    members: tuple[r.Briefing, ...] = ()
    member_keys: tuple[str, ...] = ()
    origins: Mapping[str, int] = field(default_factory=dict)
    paragraph_ranges: tuple[tuple[int, int], ...] = ()  # per member: first and last paragraph number

    def origin_of(self, claim_id: str) -> str:
        index = self.origins.get(claim_id)
        return self.id if index is None else self.member_keys[index]

    def source_paragraphs_for(self, claim: r.Claim | None) -> tuple[r.Paragraph, ...]:
        index = self.origins.get(claim.id) if claim is not None else None
        if index is None:
            return self.source.paragraphs[: self.paragraph_ranges[0][1]] if self.paragraph_ranges else ()
        first, last = self.paragraph_ranges[index]
        return self.source.paragraphs[first - 1 : last]

    def paragraph_in_article(self, number: int) -> int:
        # the library numbers its members' paragraphs in one run; a citation needs the member's own
        index = bisect_right(self._first_paragraphs, number) - 1
        return number - self.paragraph_ranges[index][0] + 1 if index >= 0 else number

    @cached_property
    def _first_paragraphs(self) -> list[int]:
        return [first for first, _last in self.paragraph_ranges]

    @cached_property
    def member_titles(self) -> Mapping[str, str]:
        return MappingProxyType(dict(zip(self.member_keys, (m.title for m in self.members), strict=True)))


def _mapped(ids: tuple[str, ...], key: Callable[[str], str]) -> tuple[str, ...]:
    """``ids`` under their library keys; the same tuple when no id changes (most do not), so a
    library of 50,000 claims does not hold three new tuples for each."""
    mapped = tuple(key(i) for i in ids)
    return ids if mapped == ids else mapped


def merge(briefings: Sequence[r.Briefing], library_id: str = "library") -> LibraryBriefing:
    """One LibraryBriefing of ``briefings`` (at least one), keeping their order."""
    keys = unique_keys([b.id for b in briefings])
    actor_groups = group_members(*actor_members(briefings))
    topic_groups = group_members([(i, t.id, (t.name,)) for i, b in enumerate(briefings) for t in b.topics])
    actor_key = {(i, local): g.key for g in actor_groups for i, local in g.ids.items()}
    topic_key = {(i, local): g.key for g in topic_groups for i, local in g.ids.items()}

    actors = []
    for group in actor_groups:
        index, local = next(iter(group.ids.items()))
        first = briefings[index].actor_by_id[local]
        affiliation = actor_key.get((index, first.affiliation)) if first.affiliation else None
        aliases = tuple(n for n in group.names if n not in (first.name, *group.ids.values()))
        actors.append(first._replace(id=group.key, affiliation=affiliation, aliases=aliases))
    topics = []
    for group in topic_groups:
        index, local = next(iter(group.ids.items()))
        topics.append(briefings[index].topic_by_id[local]._replace(id=group.key))

    texts, paragraphs, sections, claims, disputes, judgments = [], [], [], [], [], []
    origins: dict[str, int] = {}
    ranges = []
    offset = number_offset = 0
    for i, (key, member) in enumerate(zip(keys, briefings, strict=True)):
        def ns(local: str, key: str = key) -> str:
            return f"{key}/{local}"

        def actor(local: str, i: int = i) -> str:
            return actor_key.get((i, local), local)

        def topic(local: str, i: int = i) -> str:
            return topic_key.get((i, local), local)

        source = member.source
        paragraphs += [r.Paragraph(p.number + number_offset, p.start + offset, p.end + offset, p.text)
                       for p in source.paragraphs]
        ranges.append((number_offset + 1, number_offset + len(source.paragraphs)))
        section_ids = {s.id: ns(s.id) for s in member.sections}  # one string per section, not per claim
        sections += [
            s._replace(id=section_ids[s.id], topics=tuple(topic(t) for t in s.topics),
                       paragraphs=tuple(n + number_offset for n in s.paragraphs))
            for s in member.sections
        ]
        for c in member.claims:
            claim_id = ns(c.id)  # the claim's id and its key in origins: one string, not two
            span = c.span and r.Span(c.span.start + offset, c.span.end + offset, c.span.paragraph + number_offset)
            claims.append(c._replace(
                id=claim_id, section=section_ids.get(c.section) or ns(c.section), actor=actor(c.actor),
                about=_mapped(c.about, actor), via=_mapped(c.via, actor), topics=_mapped(c.topics, topic), span=span,
            ))
            origins[claim_id] = i
        disputes += [
            d._replace(id=ns(d.id), topics=tuple(topic(t) for t in d.topics),
                       positions=tuple(p._replace(claims=tuple(ns(c) for c in p.claims)) for p in d.positions))
            for d in member.disputes
        ]
        judgments += [k._replace(id=ns(k.id), claims=tuple(ns(c) for c in k.claims))
                      for k in member.key_judgments]
        texts.append(source.text)
        offset += len(source.text) + 1  # the "\n" that joins the texts
        number_offset += len(source.paragraphs)

    publications = sorted({b.publication for b in briefings})
    dates = sorted(b.date for b in briefings)
    return LibraryBriefing(
        id=library_id,
        title=f"Library: {len(briefings)} briefings" if len(briefings) > 1 else briefings[0].title,
        publication=", ".join(publications[:3]) + (f" and {len(publications) - 3} more" if len(publications) > 3 else ""),
        date=dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}",
        date_precision="inferred",
        language=", ".join(sorted({b.language for b in briefings})),
        source=r.Source("", "", "\n".join(texts), tuple(paragraphs)),
        bluf="\n\n".join(f"{b.title}: {b.bluf}" for b in briefings),
        key_judgments=tuple(judgments),
        topics=tuple(topics),
        actors=tuple(actors),
        sections=tuple(sections),
        claims=tuple(claims),
        disputes=tuple(disputes),
        members=tuple(briefings),
        member_keys=keys,
        origins=MappingProxyType(origins),
        paragraph_ranges=tuple(ranges),
    )
