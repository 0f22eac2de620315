"""A library is a Briefing made of its members: filters over it mean what they mean on each member."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.model import load_briefing, load_text
from briefing_tui.query import facet_counts, parse
from briefing_tui.query.merge import merge
from conftest import CONTENT, MINI

SEED = load_briefing(CONTENT / "ng-2023-01-afghanistan-threats-to-central-asia.yaml").briefing
MINI_B = load_briefing(MINI).briefing


def _sibling(tmp_path: Path) -> object:
    """A second mini briefing whose general is the same person under another id and an alias."""
    text = MINI.read_text(encoding="utf-8").replace("id: mini", "id: mini-two").replace("id: smith", "id: j-smith")
    text = text.replace("actor: smith", "actor: j-smith").replace("about: [smith]", "about: [j-smith]")
    text = text.replace("via: [times, smith]", "via: [times, j-smith]")
    (tmp_path / "article.txt").write_bytes((MINI.parent / "article.txt").read_bytes())
    result = load_text(text, tmp_path / "briefing.yaml")
    assert result.problems == ()
    return result.briefing


def test_every_quote_keeps_its_place_in_the_joined_source() -> None:
    library = merge([SEED, MINI_B])
    assert len(library.claims) == len(SEED.claims) + len(MINI_B.claims)
    assert len({c.id for c in library.claims}) == len(library.claims)
    for claim in library.claims:
        assert library.source.text[claim.span.start : claim.span.end] == claim.quote
        paragraph = library.source.paragraphs[claim.span.paragraph - 1]
        assert paragraph.start <= claim.span.start and claim.span.end <= paragraph.end
        assert claim.span.paragraph in library.section_by_id[claim.section].paragraphs


def test_source_paragraphs_are_those_of_the_claims_own_member() -> None:
    library = merge([SEED, MINI_B])
    mini_claim = next(c for c in library.claims if library.origin_of(c.id) == "mini")
    assert [p.text for p in library.source_paragraphs_for(mini_claim)] == [p.text for p in MINI_B.source.paragraphs]


def test_a_paragraph_is_cited_by_its_number_in_its_own_article() -> None:
    library = merge([SEED, MINI_B])
    for member in (SEED, MINI_B):
        key = member.id
        for claim in member.claims:
            merged = library.claim_by_id[f"{key}/{claim.id}"]
            assert library.paragraph_in_article(merged.span.paragraph) == claim.span.paragraph
    assert library.paragraph_in_article(len(SEED.source.paragraphs) + 1) == 1  # the mini's first
    assert SEED.paragraph_in_article(7) == 7


def test_shared_actors_become_one_by_alias(tmp_path: Path) -> None:
    library = merge([MINI_B, _sibling(tmp_path)])
    smiths = [a for a in library.actors if a.name == "John Smith"]
    assert len(smiths) == 1
    by_smith = parse(f"actor:{smiths[0].id}", library).filter.apply(library)
    assert {library.origin_of(c.id) for c in by_smith} == {"mini", "mini-two"}


@pytest.mark.parametrize("query", ["actor:knyazev", "topic:threats", '"fighters"', "kind:estimate -topic:threats",
                                   "about:smith", "involves:times"])
def test_a_library_filter_is_the_union_of_the_members_filters(query: str) -> None:
    library = merge([SEED, MINI_B])
    merged = {c.id for c in parse(query, library).filter.apply(library)}
    expected = set()
    for member in (SEED, MINI_B):
        parsed = parse(query, member)
        if parsed.ok:
            expected |= {f"{member.id}/{c.id}" for c in parsed.filter.apply(member)}
    assert merged == expected


def test_briefing_term_and_facet() -> None:
    library = merge([SEED, MINI_B])
    only_mini = parse("briefing:mini", library).filter.apply(library)
    assert [c.id for c in only_mini] == [f"mini/{c.id}" for c in MINI_B.claims]
    assert parse('briefing:"A minimal briefing"', library).filter.apply(library) == only_mini
    facets = facet_counts(library, library.claims)
    assert facets.briefings == {SEED.id: len(SEED.claims), "mini": len(MINI_B.claims)}
    assert parse("briefing:nothing", library).errors


def test_disputes_and_judgments_point_at_namespaced_claims() -> None:
    library = merge([SEED, MINI_B])
    for dispute in library.disputes:
        assert all(c in library.claim_by_id for c in dispute.claim_ids)
    for judgment in library.key_judgments:
        assert all(c in library.claim_by_id for c in judgment.claims)


@pytest.mark.parametrize("query", ["actor:knyazev", "topic:threats", '"car bomb"', "fight", "kind:estimate -topic:threats",
                                   "briefing:mini", "section:mini/s-count", "dispute:mini/d-count topic:threats",
                                   "-briefing:mini kind:warning", "about:smith", "figh ter", "involves:times -kind:doubt"])
def test_search_with_the_index_finds_what_a_scan_finds(query: str) -> None:
    from briefing_tui.query.search import ClaimSearch

    library = merge([SEED, MINI_B])
    search = ClaimSearch(library)
    search.build_index()
    parsed = parse(query, library)
    assert parsed.ok
    assert search.find(parsed.filter) == parsed.filter.apply(library)


def test_search_on_one_briefing_equals_a_scan() -> None:
    from briefing_tui.query.search import ClaimSearch

    search = ClaimSearch(SEED)
    search.build_index()
    for query in ("actor:knyazev", '"car bomb"', "-topic:threats kind:assurance", "is:bookmarked", "taliban"):
        claim_filter = parse(query, SEED).filter
        assert search.find(claim_filter) == claim_filter.apply(SEED)


@pytest.mark.parametrize("query", ["", "-kind:report", "kind:estimate", "taliban", "-actor:knyazev"])
def test_facets_counted_from_either_side_agree(query: str) -> None:
    from briefing_tui.query.search import ClaimSearch

    library = merge([SEED, MINI_B])
    claims = parse(query, library).filter.apply(library)
    direct = facet_counts(library, claims)
    counted = ClaimSearch(library).facets(claims)
    for name in ("speakers", "mentioned", "topics", "kinds", "sections", "disputes", "briefings"):
        assert +getattr(counted, name) == +getattr(direct, name), name


def test_a_library_can_build_every_lookup_ahead_of_its_first_use() -> None:
    from functools import cached_property

    library = merge([SEED, MINI_B])
    lookups = {name for klass in type(library).__mro__ for name, attribute in vars(klass).items()
               if isinstance(attribute, cached_property)}
    assert {"claim_by_id", "member_titles", "_claims_by_section"} <= lookups  # its own and its base's
    library.build_lookups()
    assert lookups <= set(vars(library))  # built, so the reader's thread finds them ready
    assert library.claims_in(SEED.sections[0].id) == merge([SEED, MINI_B]).claims_in(SEED.sections[0].id)
