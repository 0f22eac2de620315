"""Library-wide filters: the index returns exactly what ``ClaimFilter`` returns in each briefing, united."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import CONTENT, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_tui.model import load_briefing, load_paths
from briefing_tui.model.records import Actor, Briefing, Claim, Source, Topic
from briefing_tui.model.schema import CLAIM_KINDS
from briefing_tui.query.filters import ClaimFilter, Term
from briefing_tui.query.library import Library, LibraryClaim, group_members

if str(ROOT) not in sys.path:  # benchmarks/ is a top-level folder, not part of the installed package
    sys.path.insert(0, str(ROOT))
from benchmarks.generate import generate_library  # noqa: E402

BUNDLED = sorted(CONTENT.glob("*.yaml"))[0]
EXAMPLES = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def bundled() -> Briefing:
    result = load_briefing(BUNDLED)
    assert result.briefing is not None
    return result.briefing


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[Briefing]:
    folder = tmp_path_factory.mktemp("library")
    generate_library(folder, 30)
    results = load_paths([folder])
    assert all(r.briefing is not None for r in results)
    return [r.briefing for r in results]  # type: ignore[misc]


@pytest.fixture(scope="module")
def library(bundled: Briefing, generated: list[Briefing]) -> Library:
    return Library([bundled, *generated])


def union_of_each(library: Library, claim_filter: ClaimFilter) -> list[LibraryClaim]:
    """The reference: the one-briefing filter applied to each briefing alone, results concatenated."""
    found = []
    for index, briefing in enumerate(library.briefings):
        kept = {id(c) for c in library.local_filter(claim_filter, index).apply(briefing)}
        found.extend(lc for lc in library.claims if lc.briefing_index == index and id(lc.claim) in kept)
    return found


# -- strategies -------------------------------------------------------------------------------


def _text_values(library: Library) -> st.SearchStrategy[str]:
    """Free text a reader might type: slices of real quotes and summaries (partial words, phrases,
    punctuation, odd case), single words, and text found nowhere."""
    texts = [c.claim.quote for c in library.claims[:400]] + [c.claim.summary for c in library.claims[:200]]
    words = sorted({w for t in texts for w in t.split()})

    @st.composite
    def slice_of(draw: st.DrawFn) -> str:
        text = draw(st.sampled_from(texts))
        start = draw(st.integers(0, max(0, len(text) - 1)))
        end = draw(st.integers(start + 1, min(len(text), start + 25)))
        piece = text[start:end]
        return piece.upper() if draw(st.booleans()) and len(piece) < 6 else piece

    return st.one_of(slice_of(), st.sampled_from(words), st.sampled_from(["zzyzx", "-", "“", "6,500", "near the", "s"]))


def _terms(library: Library, bundled: Briefing) -> st.SearchStrategy[Term]:
    actors = sorted(g.key for g in library.actor_groups) + ["nobody"]
    values = {
        "actor": st.sampled_from(actors), "about": st.sampled_from(actors), "involves": st.sampled_from(actors),
        "topic": st.sampled_from(sorted(g.key for g in library.topic_groups)),
        "kind": st.sampled_from(CLAIM_KINDS),
        "briefing": st.sampled_from(library.briefing_keys),
        "section": st.sampled_from([s.id for s in bundled.sections] + ["s-1", "s-2"]),
        "dispute": st.sampled_from([d.id for d in bundled.disputes] + ["d-1"]),
        "judgment": st.sampled_from([k.id for k in bundled.key_judgments] + ["kj-1"]),
        "text": _text_values(library),
    }
    return st.sampled_from(sorted(values)).flatmap(
        lambda field: st.builds(Term, st.just(field), values[field], st.booleans()))


# -- the index agrees with ClaimFilter --------------------------------------------------------


def test_one_briefing_library_returns_what_claim_filter_returns(bundled: Briefing) -> None:
    library = Library([bundled])

    @EXAMPLES
    @given(st.lists(_terms(library, bundled), min_size=0, max_size=3))
    def check(terms: list[Term]) -> None:
        claim_filter = ClaimFilter(tuple(t for t in terms if t.field != "briefing"))
        assert [lc.claim for lc in library.query(claim_filter)] == list(claim_filter.apply(bundled))

    check()


def test_library_filter_is_the_union_of_each_briefing_filtered_alone(library: Library, bundled: Briefing) -> None:
    @EXAMPLES
    @given(st.lists(_terms(library, bundled), min_size=1, max_size=3))
    def check(terms: list[Term]) -> None:
        claim_filter = ClaimFilter(tuple(terms))
        assert list(library.query(claim_filter)) == union_of_each(library, claim_filter)

    check()


@pytest.mark.parametrize("query", [
    [Term("text", "near the")], [Term("text", "fighters")], [Term("text", "ighter")], [Term("text", "s")],
    [Term("text", "Pyanj river, ")], [Term("text", "“")], [Term("text", "zzyzx")],
    [Term("text", "militants", negated=True)], [Term("text", "the", negated=True), Term("kind", "warning")],
    [Term("topic", "threats"), Term("text", "said that", negated=True)],
    [Term("actor", "tajikistan", negated=True), Term("topic", "diplomacy", negated=True)],
    [Term("involves", "csto")], [Term("about", "afghanistan")], [Term("briefing", "syn-00003")],
    [Term("briefing", "syn-00003", negated=True), Term("text", "Kabul")],
    [Term("section", "s-1"), Term("text", "of")], [Term("dispute", "d-1")], [Term("judgment", "kj-1", negated=True)],
], ids=lambda terms: " ".join(("-" if t.negated else "") + f"{t.field}:{t.value}" for t in terms))
def test_chosen_queries_match_the_reference(library: Library, query: list[Term]) -> None:
    claim_filter = ClaimFilter(tuple(query))
    assert list(library.query(claim_filter)) == union_of_each(library, claim_filter)


def test_the_reference_is_not_trivially_empty(library: Library) -> None:
    some = union_of_each(library, ClaimFilter((Term("text", "near the"),)))
    assert 0 < len(some) < len(library.claims)
    assert {lc.briefing_index for lc in some} != {0}


def test_reader_marks_are_asked_per_briefing(library: Library) -> None:
    class Bookmarks:
        def __init__(self, ids: set[str]) -> None:
            self.ids = ids

        def is_bookmarked(self, claim_id: str) -> bool:
            return claim_id in self.ids

        def is_read(self, claim_id: str) -> bool:
            return claim_id in self.ids

        def has_note(self, kind: str, target_id: str) -> bool:
            return False

    marks = {0: Bookmarks({library.briefings[0].claims[0].id}), 2: Bookmarks({"c-4", "c-7"})}
    found = library.query(ClaimFilter((Term("is", "bookmarked"),)), lambda i: marks.get(i, Bookmarks(set())))
    assert [(lc.briefing_index, lc.claim.id) for lc in found] == [
        (0, library.briefings[0].claims[0].id), (2, "c-4"), (2, "c-7")]
    unread = library.query(ClaimFilter((Term("is", "unread"), Term("briefing", library.briefing_keys[2]))),
                           lambda i: marks.get(i, Bookmarks(set())))
    assert len(unread) == len(library.briefings[2].claims) - 2


# -- actors across briefings ------------------------------------------------------------------


def _briefing(ident: str, actors: list[Actor], claims: list[Claim] = ()) -> Briefing:  # type: ignore[assignment]
    return Briefing(id=ident, title=ident, publication="P", date="2023", date_precision="year", language="en",
                    source=Source("x.txt", "0"), bluf="", key_judgments=(), topics=(Topic("t", "T"),),
                    actors=tuple(actors), sections=(), claims=tuple(claims))


def _claim(ident: str, actor: str) -> Claim:
    return Claim(ident, "s", actor, ("t",), "q", "s", "assertion")


def test_actors_match_by_id_and_by_casefolded_name_or_alias() -> None:
    library = Library([
        _briefing("a", [Actor("isis", "Islamic State", "armed-group", aliases=("ISIS",)), Actor("un", "United Nations", "organization")],
                  [_claim("c1", "isis"), _claim("c2", "un")]),
        _briefing("b", [Actor("islamic-state", "The Islamic State", "armed-group", aliases=("isis", "IS"))],
                  [_claim("c1", "islamic-state")]),
        _briefing("c", [Actor("un", "U.N.", "organization")], [_claim("c1", "un")]),
        _briefing("d", [Actor("daesh", "Daesh", "armed-group", aliases=("IS",))], [_claim("c1", "daesh")]),
    ])
    groups = {g.key: g.ids for g in library.actor_groups}
    assert groups["isis"] == {0: "isis", 1: "islamic-state", 3: "daesh"}  # "ISIS"~"isis", then "IS"
    assert groups["un"] == {0: "un", 2: "un"}  # the same id, whatever the names
    found = library.query(ClaimFilter((Term("actor", "isis"),)))
    assert [(lc.briefing.id, lc.claim.id) for lc in found] == [("a", "c1"), ("b", "c1"), ("d", "c1")]
    assert library.actor_named("DAESH") == "isis"
    assert library.actor_named("nobody") is None


def test_a_title_two_people_share_links_neither_but_an_organizations_alias_still_does() -> None:
    library = Library([
        _briefing("a", [Actor("farida-ahmadi", "Farida Ahmadi", "person", aliases=("Professor Ahmadi",)),
                        Actor("isis", "Islamic State", "armed-group", aliases=("ISIS",))],
                  [_claim("c1", "farida-ahmadi"), _claim("c2", "isis")]),
        _briefing("b", [Actor("bakhtiyor-ahmadi", "Bakhtiyor Ahmadi", "person", aliases=("Professor Ahmadi",)),
                        Actor("islamic-state", "The Islamic State", "armed-group", aliases=("isis",))],
                  [_claim("c1", "bakhtiyor-ahmadi"), _claim("c2", "islamic-state")]),
        _briefing("c", [Actor("fa", "Professor Farida Ahmadi", "person", aliases=("Farida Ahmadi",))],
                  [_claim("c1", "fa")]),
    ])
    groups = sorted(sorted(g.ids.items()) for g in library.actor_groups)
    assert [(0, "farida-ahmadi"), (2, "fa")] in groups  # her own name, given as an alias, still links her
    assert [(1, "bakhtiyor-ahmadi")] in groups
    assert [(0, "isis"), (1, "islamic-state")] in groups
    found = library.query(ClaimFilter((Term("actor", "farida-ahmadi"),)))
    assert [(lc.briefing.id, lc.claim.id) for lc in found] == [("a", "c1"), ("c", "c1")]


def test_two_actors_of_one_briefing_never_merge() -> None:
    groups = group_members([
        (0, "smith", ("John Smith", "General Smith")), (0, "smith-jr", ("John Smith Jr", "General Smith")),
        (1, "js", ("john smith",)),
    ])
    ids = sorted(sorted(g.ids.items()) for g in groups)
    assert ids == [[(0, "smith"), (1, "js")], [(0, "smith-jr")]]
    assert all(len(g.ids) == len({i for i in g.ids}) for g in groups)


def test_generated_renamed_actors_are_linked_by_name(library: Library) -> None:
    renamed = [g for g in library.actor_groups if any(local.endswith("-x") for local in g.ids.values())]
    assert renamed, "the generator should file some pooled people under private ids"
    assert all(len(set(g.ids.values())) > 1 for g in renamed)


def test_briefing_facet_counts_each_briefings_matches(library: Library) -> None:
    claim_filter = ClaimFilter((Term("text", "near"),))
    facets = library.facet_counts(library.query_positions(claim_filter))
    for index, briefing in enumerate(library.briefings):
        expected = len(library.local_filter(claim_filter, index).apply(briefing))
        assert facets.briefings.get(library.briefing_keys[index], 0) == expected
    assert facets.total == sum(facets.kinds.values())


def test_repeated_briefing_ids_get_their_own_keys(bundled: Briefing) -> None:
    library = Library([bundled, bundled])
    assert library.briefing_keys == (bundled.id, f"{bundled.id}@2")
    assert len(library.query(ClaimFilter((Term("briefing", f"{bundled.id}@2"),)))) == len(bundled.claims)


# -- the generator ----------------------------------------------------------------------------


def test_generated_briefings_validate_with_no_problems(tmp_path: Path) -> None:
    paths = generate_library(tmp_path, 12, claims=50, seed=99)
    results = load_paths([tmp_path])
    assert [r.path for r in results] == [str(p) for p in paths]
    for result in results:
        assert result.ok, [str(p) for p in result.problems]
        assert result.briefing is not None and len(result.briefing.claims) == 50
        assert all(c.span is not None for c in result.briefing.claims)
