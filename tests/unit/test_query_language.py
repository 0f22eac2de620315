"""The query language and filters, on the small fixture briefing and the bundled one."""

from __future__ import annotations

import pytest

from briefing_tui.model import load_briefing
from briefing_tui.query import ClaimFilter, Term, describe, facet_counts, parse, to_query
from conftest import CONTENT, MINI

SEED = load_briefing(CONTENT / "ng-2023-01-afghanistan-threats-to-central-asia.yaml").briefing
MINI_B = load_briefing(MINI).briefing


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("", ()),
        ("actor:smith", (Term("actor", "smith"),)),
        ("actor:Smith", (Term("actor", "smith"),)),
        ('actor:"General Smith"', (Term("actor", "smith"),)),
        ("actor:ann", (Term("actor", "jones"),)),  # unambiguous prefix of a name
        ("about:smith -topic:threats", (Term("about", "smith"), Term("topic", "threats", negated=True))),
        ('topic:threats "6,500 fighters"', (Term("topic", "threats"), Term("text", "6,500 fighters"))),
        ("“north” figure", (Term("text", "north"), Term("text", "figure"))),
        ("kind:estimate section:s-count", (Term("kind", "estimate"), Term("section", "s-count"))),
        ("topic:Expert views", (Term("topic", "expert-views"), Term("text", "views"))),
        ("is:bookmarked has:note", (Term("is", "bookmarked"), Term("has", "note"))),
        ("dispute:d-count judgment:kj-size", (Term("dispute", "d-count"), Term("judgment", "kj-size"))),
    ],
)
def test_parse(query: str, terms: tuple[Term, ...]) -> None:
    parsed = parse(query, MINI_B)
    assert parsed.errors == ()
    assert parsed.filter.terms == terms


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ("colour:red", "unknown field 'colour:'"),
        ("actr:smith", "unknown field 'actr:'; did you mean actor?"),
        ("actor:", "'actor:' needs a value"),
        ("actor:nobody", "no actor 'nobody'"),
        ("actor:smiht", "no actor 'smiht'; did you mean smith?"),
        ('"car bomb', 'unclosed quote: "car bomb'),
        ("topic:", "'topic:' needs a value"),
        ("kind:guess", "no kind 'guess'"),
        ("is:pretty", "no flag for is: 'pretty'"),
        (":::", "unknown field ':'"),
    ],
)
def test_malformed_queries_give_a_message_never_an_exception(query: str, error: str) -> None:
    parsed = parse(query, MINI_B)
    assert not parsed.ok
    assert any(e.startswith(error) for e in parsed.errors), parsed.errors


def test_ambiguous_prefix_names_the_candidates() -> None:
    parsed = parse("actor:kaz", SEED)
    assert parsed.errors and "ambiguous" in parsed.errors[0]
    assert "kazakhstan" in parsed.errors[0] and "kazimi" in parsed.errors[0]


def test_good_terms_survive_a_bad_one() -> None:
    parsed = parse("actor:smith colour:red", MINI_B)
    assert parsed.filter.terms == (Term("actor", "smith"),)
    assert len(parsed.errors) == 1


@pytest.mark.parametrize(
    "query", ["actor:knyazev topic:threats", 'about:islamic-state -topic:diplomacy "car bomb"', "-kind:assurance x"]
)
def test_to_query_round_trips(query: str) -> None:
    parsed = parse(query, SEED)
    assert parse(to_query(parsed.filter), SEED).filter == parsed.filter


def test_filters_on_the_seed() -> None:
    def ids(query: str) -> set[str]:
        return {c.id for c in parse(query, SEED).filter.apply(SEED)}

    knyazev = ids("actor:knyazev")
    assert knyazev and all(SEED.claim_by_id[c].actor == "knyazev" for c in knyazev)
    threats = ids("topic:threats")
    assert ids("actor:knyazev topic:threats") == knyazev & threats
    assert ids("actor:knyazev -topic:threats") == knyazev - threats
    assert ids('"car bomb"') == {c.id for c in SEED.claims if "car bomb" in c.quote.casefold() or "car bomb" in c.summary.casefold()}
    assert ids("about:islamic-state") == {c.id for c in SEED.claims if "islamic-state" in c.about}
    # involving = speaking, being spoken about, or relaying
    assert ids("involves:tolonews") >= {c.id for c in SEED.claims if "tolonews" in c.via}


def test_annotations_drive_is_and_has() -> None:
    class Marks:
        def is_bookmarked(self, claim_id: str) -> bool:
            return claim_id == "c-doubt"

        def is_read(self, claim_id: str) -> bool:
            return claim_id == "c-count"

        def has_note(self, kind: str, target_id: str) -> bool:
            return (kind, target_id) == ("claim", "c-count")

    def ids(query: str) -> list[str]:
        return [c.id for c in parse(query, MINI_B).filter.apply(MINI_B, marks=Marks())]

    assert ids("is:bookmarked") == ["c-doubt"]
    assert ids("has:note") == ["c-count"]
    assert ids("is:unread") == ["c-doubt"]
    assert ids("-is:read") == ["c-doubt"]


def test_describe_uses_names() -> None:
    parsed = parse('actor:knyazev topic:threats -kind:forecast "second front"', SEED)
    assert describe(parsed.filter, SEED) == (
        "actor: Alexander Knyazev · topic: Threats to Central Asia · not kind: forecast · text: “second front”"
    )
    assert describe(ClaimFilter(), SEED) == "all claims"


def test_facets_narrow_with_the_filter() -> None:
    everything = facet_counts(SEED, SEED.claims)
    narrowed = facet_counts(SEED, parse("actor:knyazev", SEED).filter.apply(SEED))
    assert everything.total == len(SEED.claims)
    assert narrowed.speakers == {"knyazev": narrowed.total}
    assert narrowed.total < everything.total
    assert sum(everything.speakers.values()) == len(SEED.claims)
    for dispute in SEED.disputes:
        assert everything.disputes[dispute.id] == len(set(dispute.claim_ids))


@pytest.mark.parametrize(("query", "actor"), [("actor:qumi", "kazimi"), ("actor:Emirate", "islamic-emirate"),
                                              ('about:"Foreign Affairs of the Russian"', None)])
def test_a_word_of_a_name_finds_the_actor_when_nothing_starts_with_it(query: str, actor: str | None) -> None:
    parsed = parse(query, SEED)
    if actor is None:  # a phrase is not a word: still a miss, with the reason
        assert parsed.errors and parsed.errors[0].startswith("no actor")
    else:
        assert parsed.errors == () and parsed.filter.terms == (Term(query.split(":")[0], actor),)


def test_an_ambiguous_actor_is_listed_with_the_name_that_matched() -> None:
    parsed = parse("actor:foreign", SEED)
    message = parsed.errors[0]
    assert "ambiguous" in message and "mgimo (Moscow State Institute" in message
    assert "russian-foreign-ministry" in message and "taliban-foreign-ministry" in message


def test_a_miss_suggests_each_close_actor_once_by_the_id_a_query_takes() -> None:
    message = parse("actor:islamc-state", SEED).errors[0]
    suggested = message.split("did you mean ")[1].rstrip("?").split(", ")
    assert suggested[0] == "islamic-state" and len(suggested) == len(set(suggested)), message
    assert all(s in SEED.actor_by_id for s in suggested), message  # ids, never the names beside them
