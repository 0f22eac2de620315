"""Command palette entries built from the loaded briefing: one provider per facet, plus the key table."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from ..query.filters import Term
from . import keys
from .screens.reader import ReaderScreen

Entry = tuple[str, str, Callable[[], object]]  # what the palette shows, its help line, what it does


class _BriefingProvider(Provider):
    """Searches entries made from the reader screen the palette was opened on."""

    def entries(self, reader: ReaderScreen) -> Iterator[Entry]:
        raise NotImplementedError

    def _reader(self) -> ReaderScreen | None:
        return self.screen if isinstance(self.screen, ReaderScreen) else None

    async def discover(self) -> Hits:
        reader = self._reader()
        if reader is None:
            return
        for text, help_text, run in self.entries(reader):
            yield DiscoveryHit(text, run, help=help_text)

    async def search(self, query: str) -> Hits:
        reader = self._reader()
        if reader is None:
            return
        matcher = self.matcher(query)
        for text, help_text, run in self.entries(reader):
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), run, help=help_text)


class ActorCommands(_BriefingProvider):
    def entries(self, reader: ReaderScreen) -> Iterator[Entry]:
        for actor in reader.briefing.actors:
            yield (f"Actor: {actor.name}", actor.role or actor.kind, partial(reader.write_term, Term("actor", actor.id)))


class TopicCommands(_BriefingProvider):
    def entries(self, reader: ReaderScreen) -> Iterator[Entry]:
        for topic in reader.briefing.topics:
            yield (f"Topic: {topic.name}", topic.description or "filter by topic", partial(reader.write_term, Term("topic", topic.id)))


class SectionCommands(_BriefingProvider):
    def entries(self, reader: ReaderScreen) -> Iterator[Entry]:
        for section in reader.briefing.sections:
            claims = reader.briefing.claims_in(section.id)
            yield (f"Section: {section.title}", f"{len(claims)} claim{'' if len(claims) == 1 else 's'}",
                   partial(reader.jump_to_section, section.id))


class DisputeCommands(_BriefingProvider):
    def entries(self, reader: ReaderScreen) -> Iterator[Entry]:
        for dispute in reader.briefing.disputes:
            labels = " vs ".join(p.label for p in dispute.positions)
            yield (f"Dispute: {dispute.question}", labels, partial(reader.open_compare, (dispute,)))


class ClaimCommands(_BriefingProvider):
    def entries(self, reader: ReaderScreen) -> Iterator[Entry]:
        for claim in reader.briefing.claims:
            yield (f"Claim: {reader.briefing.actor_name(claim.actor)}: {claim.summary} · {claim.id}", claim.quote[:120],
                   partial(reader.jump_to_claim, claim.id))


class KeyCommands(_BriefingProvider):
    """The reader's keyed actions, described as in the footer and help screen."""

    def entries(self, reader: ReaderScreen) -> Iterator[Entry]:
        for key in keys.READER:
            yield (f"{key.description} ({keys.display(key.keys)})", key.help, partial(reader.run_action, key.action))


