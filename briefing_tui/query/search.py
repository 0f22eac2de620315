"""Finding the claims a filter keeps, fast enough for a keystroke over a whole library.

Small briefings are simply scanned. A library (or a very large briefing) gets the word and
field index of :class:`~.library.Library`, built once (the reader builds it in the background);
terms the index does not cover (section, dispute, judgment, is:, has:) are then checked on the
few claims the index returns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model.records import Briefing, Claim
from .facets import Facets, facet_counts
from .filters import Annotations, ClaimFilter

if TYPE_CHECKING:
    from .library import Library

INDEXED = frozenset({"actor", "about", "involves", "topic", "kind", "text", "briefing"})
SCAN_LIMIT = 2000  # below this many claims a scan takes about a millisecond: no index needed


class ClaimSearch:
    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self._library: Library | None = None
        self._all_facets: Facets | None = None

    @property
    def wants_index(self) -> bool:
        return len(self.briefing.claims) > SCAN_LIMIT or len(self.briefing.member_titles) > 1

    @property
    def has_index(self) -> bool:
        return self._library is not None

    def build_index(self) -> None:
        """Index the claims (about 1.4 s for 50,000); safe to run in a worker thread."""
        from .library import Library  # only libraries and very large briefings need it

        members = getattr(self.briefing, "members", ()) or (self.briefing,)
        self._library = Library(members)

    def find(self, claim_filter: ClaimFilter, marks: Annotations | None = None) -> tuple[Claim, ...]:
        """The claims ``claim_filter`` keeps, in briefing order: the same as ``claim_filter.apply``."""
        if claim_filter.is_empty:
            return self.briefing.claims
        indexed = tuple(t for t in claim_filter.terms if t.field in INDEXED)
        if self._library is None or not indexed:
            return claim_filter.apply(self.briefing, marks=marks)
        rest = ClaimFilter(tuple(t for t in claim_filter.terms if t.field not in INDEXED))
        claims = self.briefing.claims
        found = [claims[p] for p in self._library.query_positions(ClaimFilter(indexed))]
        return rest.apply(self.briefing, found, marks) if rest.terms else tuple(found)

    def facets(self, claims: tuple[Claim, ...]) -> Facets:
        """Facet counts over ``claims`` (a subset of the briefing's, as :meth:`find` returns).

        Those over every claim are counted once and kept; a filter that keeps most claims is
        counted as everything minus what it drops, so the cost follows the smaller side.
        """
        everything = self.briefing.claims
        if self._all_facets is None:
            self._all_facets = facet_counts(self.briefing, everything)
        if len(claims) == len(everything):
            return self._all_facets
        if len(claims) <= len(everything) // 2:
            return facet_counts(self.briefing, claims)
        kept = {id(c) for c in claims}
        dropped = facet_counts(self.briefing, [c for c in everything if id(c) not in kept])
        return Facets(*(everywhere - there for everywhere, there in zip(self._all_facets, dropped)))
