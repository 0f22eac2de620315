"""Several briefings queried as one library, with an index so a filter costs about what it returns.

Actors are matched across briefings by id, then by name and aliases (case-folded); topics the same
way by id and name. A group never holds two actors of one briefing, so every library-wide actor or
topic stands for at most one id in each briefing, and a library filter means exactly "this
``ClaimFilter`` in each briefing, with the group's id there" (:meth:`Library.local_filter`).
:meth:`Library.query` returns that union, in library order, without scanning every claim:

- per actor/about/involves/topic/kind/briefing value, the sorted positions of its claims;
- per case-folded word token of a claim's searchable text (:func:`~.filters.claim_text`), the
  positions holding it. Free text matches by substring, so the words at a query's edges may be
  parts of tokens (prefix, suffix or infix); candidates from the index are then checked against
  the text itself whenever the query is more than a single bare word.

Fields without an index (section, dispute, judgment, is, has) are checked per candidate with the
one-briefing filter, so their meaning cannot drift from it.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from ..model.records import Briefing, Claim
from .filters import Annotations, ClaimFilter, Term, claim_text

ACTOR_FIELDS = ("actor", "about", "involves")
INDEXED_FIELDS = (*ACTOR_FIELDS, "topic", "kind", "briefing")
_NOWHERE = "\x00absent"  # a local id no claim can hold: the group has no actor in that briefing
_WORD = re.compile(r"\w+")

Positions = list[int] | set[int] | range


@dataclass(frozen=True, slots=True)  # one per claim of the library: no instance dict
class LibraryClaim:
    """A claim and the briefing it comes from."""

    position: int  # in Library.claims
    briefing_index: int  # in Library.briefings
    briefing: Briefing
    claim: Claim


@dataclass(frozen=True)
class Group:
    """One actor (or topic) of the library: its key and what it is called in each briefing."""

    key: str
    ids: dict[int, str]  # briefing index -> local id
    names: tuple[str, ...]  # every id, name and alias seen, de-duplicated, in first-seen order


@dataclass(frozen=True)
class LibraryFacets:
    """Counts over the claims a library filter leaves; keys are library keys."""

    briefings: Counter[str]
    speakers: Counter[str]
    mentioned: Counter[str]
    topics: Counter[str]
    kinds: Counter[str]

    @property
    def total(self) -> int:
        return sum(self.briefings.values())


# -- grouping -------------------------------------------------------------------------------------


def actor_members(briefings: Sequence[Briefing]) -> tuple[list[tuple[int, str, Sequence[str]]], set[int]]:
    """Every actor of ``briefings`` as a member for :func:`group_members`, and which members are people."""
    members = [(i, a.id, a.names, a.kind == "person") for i, b in enumerate(briefings) for a in b.actors]
    return [m[:3] for m in members], {n for n, m in enumerate(members) if m[3]}


def group_members(members: Sequence[tuple[int, str, Sequence[str]]], people: Collection[int] = ()) -> list[Group]:
    """Group ``(briefing index, local id, names)`` members: same id, or a shared case-folded name.

    Ids link first; then names, in member order, except where a merge would put two members of
    one briefing together (two distinct actors of a briefing stay distinct, whatever they share),
    and except through a title that people with different names of their own share as an alias:
    "Professor Ahmadi" for Farida and for Bakhtiyor Ahmadi names neither. (Organizations keep
    linking by alias: "ISIS" is the same group whether its name is written with "The" or not.)
    A group's key is the id of its first member, so keys are unique and usually the familiar id.
    """
    parent = list(range(len(members)))
    briefings = [{m[0]} for m in members]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri == rj or briefings[ri] & briefings[rj]:
            return
        root, other = min(ri, rj), max(ri, rj)
        parent[other] = root
        briefings[root] |= briefings[other]

    own_names = {names[0].casefold() for _, _, names in members if names}
    people_by_alias: dict[str, set[str]] = {}
    for i in people:
        names = members[i][2]
        for name in names[1:]:
            people_by_alias.setdefault(name.casefold(), set()).add(names[0].casefold())
    first_with: dict[str, int] = {}
    for i, (_, ident, _) in enumerate(members):
        union(first_with.setdefault("id\x00" + ident, i), i)
    for i, (_, _, names) in enumerate(members):
        for name in names:
            key = name.casefold()
            if len(people_by_alias.get(key, ())) > 1 and key not in own_names:
                continue  # a title several people go by
            union(first_with.setdefault("name\x00" + key, i), i)

    grouped: dict[int, list[int]] = {}
    for i in range(len(members)):
        grouped.setdefault(find(i), []).append(i)
    groups = []
    for root, indices in grouped.items():
        names = dict.fromkeys(n for i in indices for n in (members[i][1], *members[i][2]))
        groups.append(Group(members[root][1], {members[i][0]: members[i][1] for i in indices}, tuple(names)))
    return groups


# -- the library ----------------------------------------------------------------------------------


class Library:
    """Briefings as one collection of claims, indexed once for library-wide filters."""

    def __init__(self, briefings: Iterable[Briefing]) -> None:
        self.briefings: tuple[Briefing, ...] = tuple(briefings)
        self.briefing_keys = unique_keys([b.id for b in self.briefings])
        self.actor_groups = group_members(*actor_members(self.briefings))
        self.topic_groups = group_members(
            [(i, t.id, (t.name,)) for i, b in enumerate(self.briefings) for t in b.topics])
        self._actor_key = {(i, local): g.key for g in self.actor_groups for i, local in g.ids.items()}
        self._topic_key = {(i, local): g.key for g in self.topic_groups for i, local in g.ids.items()}
        self._group = {("actor", g.key): g for g in self.actor_groups} | {("topic", g.key): g for g in self.topic_groups}
        pairs = [(i, b, c) for i, b in enumerate(self.briefings) for c in b.claims]
        self.claims: tuple[LibraryClaim, ...] = tuple(LibraryClaim(p, *pair) for p, pair in enumerate(pairs))
        self._build_index()

    # -- keys and translation --------------------------------------------------------------------

    def actor_key(self, briefing_index: int, local_id: str) -> str | None:
        """The library key of actor ``local_id`` of briefing ``briefing_index`` (None if undeclared)."""
        return self._actor_key.get((briefing_index, local_id))

    def topic_key(self, briefing_index: int, local_id: str) -> str | None:
        """The library key of topic ``local_id`` of briefing ``briefing_index`` (None if undeclared)."""
        return self._topic_key.get((briefing_index, local_id))

    def actor_named(self, text: str) -> str | None:
        """The key of the one actor group with ``text`` as an id, name or alias (case-folded), if exactly one."""
        wanted = text.casefold()
        found = {g.key for g in self.actor_groups if any(n.casefold() == wanted for n in g.names)}
        return found.pop() if len(found) == 1 else None

    def local_term(self, term: Term, briefing_index: int) -> Term:
        """``term`` (library keys) as the same condition on one briefing (its ids)."""
        if term.field in ACTOR_FIELDS or term.field == "topic":
            kind = "topic" if term.field == "topic" else "actor"
            group = self._group.get((kind, term.value))
            local = group.ids.get(briefing_index, _NOWHERE) if group else _NOWHERE
            return Term(term.field, local, term.negated)
        return term

    def local_filter(self, claim_filter: ClaimFilter, briefing_index: int) -> ClaimFilter:
        """The one-briefing filter that a library filter means for briefing ``briefing_index``.

        ``briefing:`` terms are decided here, since a single briefing has no such field: the
        briefing either is the one named (the term drops out) or is not (nothing can match).
        """
        terms = []
        for term in claim_filter.terms:
            if term.field == "briefing":
                if (self.briefing_keys[briefing_index] == term.value) == term.negated:
                    return ClaimFilter((Term("kind", _NOWHERE),))  # matches no claim
                continue
            terms.append(self.local_term(term, briefing_index))
        return ClaimFilter(tuple(terms))

    # -- the index -------------------------------------------------------------------------------

    def _build_index(self) -> None:
        postings: dict[tuple[str, str], list[int]] = {}
        tokens: dict[str, list[int]] = {}
        self._haystacks: list[str] = []

        def add(field: str, value: str | None, position: int) -> None:
            if value is not None:
                entry = postings.setdefault((field, value), [])
                if not entry or entry[-1] != position:
                    entry.append(position)

        for lc in self.claims:
            i, claim, p = lc.briefing_index, lc.claim, lc.position
            add("briefing", self.briefing_keys[i], p)
            add("kind", claim.kind, p)
            add("actor", self.actor_key(i, claim.actor), p)
            for about in claim.about:
                add("about", self.actor_key(i, about), p)
            for involved in (claim.actor, *claim.about, *claim.via):
                add("involves", self.actor_key(i, involved), p)
            for topic in claim.topics:
                add("topic", self.topic_key(i, topic), p)
            text = claim_text(claim, lc.briefing)
            self._haystacks.append(text)
            for token in set(_WORD.findall(text)):
                tokens.setdefault(token, []).append(p)
        self._postings = postings
        self._tokens = tokens
        self._vocabulary = sorted(tokens)

    def _field_positions(self, term: Term) -> list[int]:
        return self._postings.get((term.field, term.value), [])

    def _text_positions(self, value: str) -> tuple[Positions, bool]:
        """Claims whose text may hold ``value``, and whether all of them surely do."""
        query = value.casefold()
        words = list(_WORD.finditer(query))
        if not words:
            return range(len(self.claims)), False  # only punctuation: nothing to look up
        candidates: Positions | None = None
        for match in words:
            word, left, right = match.group(), match.start() > 0, match.end() < len(query)
            tokens = self._tokens_for(word, starts=left, ends=right)
            if sum(len(self._tokens[t]) for t in tokens) > len(self.claims):
                # a short or common word hits most of the library: checking each text is cheaper
                # than uniting the postings
                hits: Positions = {p for p, text in enumerate(self._haystacks) if query in text}
                return hits, True
            hits = set().union(*(self._tokens[t] for t in tokens)) if len(tokens) != 1 else self._tokens[tokens[0]]
            candidates = hits if candidates is None else _intersect(candidates, hits)
            if not candidates:
                break
        assert candidates is not None
        exact = len(words) == 1 and words[0].group() == query  # a bare word lies inside one token
        return candidates, exact

    def _tokens_for(self, word: str, *, starts: bool, ends: bool) -> list[str]:
        # starts: the word begins a token (the query has a non-word character before it); ends: likewise after
        if starts and ends:
            return [word] if word in self._tokens else []
        if starts:
            vocabulary = self._vocabulary
            at = bisect.bisect_left(vocabulary, word)
            found = []
            while at < len(vocabulary) and vocabulary[at].startswith(word):
                found.append(vocabulary[at])
                at += 1
            return found
        if ends:
            return [t for t in self._vocabulary if t.endswith(word)]
        return [t for t in self._vocabulary if word in t]

    # -- queries ---------------------------------------------------------------------------------

    def query_positions(self, claim_filter: ClaimFilter,
                        marks_for: Callable[[int], Annotations] | None = None) -> list[int]:
        """Positions (in :attr:`claims`) of the claims ``claim_filter`` (library keys) keeps, in order.

        ``marks_for(briefing index)`` gives the reader's marks for ``is:``/``has:`` terms.
        """
        positive: list[tuple[Positions, Term | None]] = []  # the term when candidates need checking
        negative: list[Term] = []
        check: list[Term] = []
        for term in claim_filter.terms:
            if term.field not in INDEXED_FIELDS and term.field != "text":
                check.append(term)
            elif term.negated:
                negative.append(term)
            elif term.field == "text":
                found, exact = self._text_positions(term.value)
                positive.append((found, None if exact else term))
            else:
                positive.append((self._field_positions(term), None))
        positive.sort(key=lambda entry: len(entry[0]))
        candidates: set[int] = set(positive[0][0]) if positive else set(range(len(self.claims)))
        for found, _ in positive[1:]:
            candidates = _intersect(candidates, found)
        for found, term in positive:
            if term is not None:
                wanted = term.value.casefold()
                candidates = {p for p in candidates if wanted in self._haystacks[p]}
        for term in negative:
            candidates.difference_update(self._exact_positions(term, candidates))
        if check:
            candidates = {p for p in candidates if self._check(p, check, marks_for)}
        return sorted(candidates)

    def _exact_positions(self, term: Term, within: set[int]) -> Positions:
        if term.field == "text":
            found, exact = self._text_positions(term.value)
            if exact:
                return found
            wanted = term.value.casefold()
            return {p for p in _intersect(within, found) if wanted in self._haystacks[p]}
        return self._field_positions(term)

    def _check(self, position: int, terms: list[Term], marks_for: Callable[[int], Annotations] | None) -> bool:
        lc = self.claims[position]
        local = ClaimFilter(tuple(self.local_term(t, lc.briefing_index) for t in terms))
        return local.matches(lc.claim, lc.briefing, marks_for(lc.briefing_index) if marks_for else None)

    def query(self, claim_filter: ClaimFilter,
              marks_for: Callable[[int], Annotations] | None = None) -> tuple[LibraryClaim, ...]:
        """The claims ``claim_filter`` keeps, each with its briefing, in library order."""
        return tuple(self.claims[p] for p in self.query_positions(claim_filter, marks_for))

    def facet_counts(self, positions: Iterable[int]) -> LibraryFacets:
        """Facet counts (briefing, speaker, mentioned, topic, kind) over the claims at ``positions``."""
        briefings: Counter[str] = Counter()
        speakers: Counter[str] = Counter()
        mentioned: Counter[str] = Counter()
        topics: Counter[str] = Counter()
        kinds: Counter[str] = Counter()
        for p in positions:
            lc = self.claims[p]
            i, claim = lc.briefing_index, lc.claim
            briefings[self.briefing_keys[i]] += 1
            kinds[claim.kind] += 1
            speakers[self.actor_key(i, claim.actor) or claim.actor] += 1
            mentioned.update({self.actor_key(i, a) or a for a in (claim.actor, *claim.about, *claim.via)})
            topics.update({self.topic_key(i, t) or t for t in claim.topics})
        return LibraryFacets(briefings, speakers, mentioned, topics, kinds)


def _intersect(candidates: Positions, other: Positions) -> set[int]:
    """``candidates`` & ``other`` in time about the size of the smaller (``other`` may be a sorted list)."""
    small = candidates if isinstance(candidates, set) else set(candidates)
    if isinstance(other, (set, range)) or len(other) <= 4 * len(small):
        return small.intersection(other)
    # a long sorted posting against a few candidates: binary-search each candidate instead of
    # walking the whole posting
    return {p for p in small if (at := bisect.bisect_left(other, p)) < len(other) and other[at] == p}


def unique_keys(ids: Sequence[str]) -> tuple[str, ...]:
    """Briefing ids as library keys; a repeated id gets ``@2``, ``@3``... so every briefing has its own."""
    seen: Counter[str] = Counter()
    keys = []
    for ident in ids:
        seen[ident] += 1
        keys.append(ident if seen[ident] == 1 else f"{ident}@{seen[ident]}")
    return tuple(keys)
