"""The parse cache: a warm load equals a cold one, skips YAML, and any change or damage rebuilds it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from briefing_tui.model import cache as cache_module
from briefing_tui.model import load_briefing, load_paths, vocabulary
from briefing_tui.model.cache import ParseCache, cache_dir
from briefing_tui.model.records import Briefing

from conftest import CONTENT, DATA, MINI

BUNDLED = sorted(CONTENT.glob("*.yaml"))[0]
FIXTURES = [BUNDLED, MINI, *sorted((DATA / "broken").glob("*.yaml")), *sorted((DATA / "hostile").glob("*.yaml")),
            *sorted((DATA / "refused").glob("*"))]


@pytest.fixture
def cache(tmp_path: Path) -> ParseCache:
    return ParseCache(tmp_path / "cache")


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A private copy of the mini briefing and its article, free to edit."""
    folder = tmp_path / "mini"
    shutil.copytree(MINI.parent, folder)
    return folder / MINI.name


@pytest.fixture
def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any YAML parse or build fail loudly: a load that still succeeds came from the cache."""
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the YAML was parsed although the cache entry was valid")

    from briefing_tui.model import build, yamltree

    monkeypatch.setattr(yamltree, "parse", refuse)
    monkeypatch.setattr(build, "Builder", refuse)


def _all_marks(briefing: Briefing) -> list[dict]:
    records = [*briefing.topics, *briefing.actors, *briefing.sections, *briefing.claims, *briefing.disputes]
    return [dict(r.marks) for r in records]


def _entries(cache: ParseCache) -> list[Path]:
    folder = cache.folder / "parsed"
    return sorted(folder.iterdir()) if folder.exists() else []


def _bump_mtime(path: Path) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_warm_load_equals_cold_load(path: Path, cache: ParseCache) -> None:
    cold = load_briefing(path)
    first = load_briefing(path, cache=cache)
    warm = load_briefing(path, cache=cache)
    assert first == cold
    assert warm == cold  # briefing (spans, source text, paragraphs, section texts...) and problems
    if cold.briefing is not None:
        assert warm.briefing is not None
        assert _all_marks(warm.briefing) == _all_marks(cold.briefing)  # marks are compare=False: check them
        assert [c.span for c in warm.briefing.claims] == [c.span for c in cold.briefing.claims]
        assert warm.briefing.source == cold.briefing.source


def _id_uses(briefing: Briefing) -> list[str]:
    """Every place a claim, section or dispute names an id of the briefing, or a claim kind."""
    uses = []
    for c in briefing.claims:
        uses += [c.id, c.section, c.actor, c.kind, *c.topics, *c.about, *c.via]
    for s in briefing.sections:
        uses += [s.id, *s.topics]
    for d in briefing.disputes:
        uses += [d.id, *d.topics, *(c for p in d.positions for c in p.claims)]
    return uses


@pytest.mark.parametrize("warm", [False, True], ids=["cold", "warm"])
def test_ids_are_held_once_however_often_they_are_used(mini: Path, cache: ParseCache, warm: bool) -> None:
    # a library of 50,000 claims held some 20 MiB of copies of the same few ids
    if warm:
        load_briefing(mini, cache=cache)
    a = load_briefing(mini, cache=cache).briefing
    b = load_briefing(mini, cache=cache if warm else None).briefing
    assert a is not None and b is not None and a is not b
    uses_a, uses_b = _id_uses(a), _id_uses(b)
    assert len(uses_a) > len(set(uses_a))  # the mini briefing does repeat ids
    assert all(x is y for x, y in zip(uses_a, uses_b, strict=True))
    assert all(x is a.actor_by_id[x].id for x in (c.actor for c in a.claims))


def test_warm_load_skips_yaml_parsing(mini: Path, cache: ParseCache, request: pytest.FixtureRequest) -> None:
    cold = load_briefing(mini, cache=cache)
    assert cold.ok
    request.getfixturevalue("no_parsing")
    warm = load_briefing(mini, cache=cache)
    assert warm == cold
    assert warm.briefing is not None and warm.briefing.claims[0].span is not None


def test_the_parse_guard_bites_without_a_cache(mini: Path, no_parsing: None) -> None:
    with pytest.raises(AssertionError, match="parsed"):
        load_briefing(mini)


def test_problems_come_back_from_the_cache(cache: ParseCache, tmp_path: Path) -> None:
    shutil.copytree(DATA / "broken", tmp_path / "broken")
    shutil.copytree(DATA / "mini", tmp_path / "mini")
    path = tmp_path / "broken" / "quote-not-found.yaml"
    cold = load_briefing(path, cache=cache)
    assert cold.problems
    warm = load_briefing(path, display="shown-name.yaml", cache=cache)
    assert warm.problems == tuple(type(p)("shown-name.yaml", p.mark, p.message, p.fatal) for p in cold.problems)
    assert warm.path == "shown-name.yaml"


def test_rebuilt_when_the_yaml_changes(mini: Path, cache: ParseCache) -> None:
    load_briefing(mini, cache=cache)
    text = mini.read_text(encoding="utf-8")
    # same size, and the same mtime: only the content hash can tell
    st = mini.stat()
    mini.write_text(text.replace("A minimal briefing", "A minimal briefinG"), encoding="utf-8")
    os.utime(mini, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert mini.stat().st_size == st.st_size
    result = load_briefing(mini, cache=cache)
    assert result.briefing is not None and result.briefing.title == "A minimal briefinG"
    assert result == load_briefing(mini)


def test_rebuilt_when_the_source_text_changes(mini: Path, cache: ParseCache) -> None:
    assert load_briefing(mini, cache=cache).ok
    article = mini.parent / "article.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("fighters", "soldiers"), encoding="utf-8")
    _bump_mtime(article)
    result = load_briefing(mini, cache=cache)
    assert any("SHA-256" in p.message for p in result.problems)
    assert result == load_briefing(mini)


def test_a_touched_but_identical_source_still_hits(mini: Path, cache: ParseCache, request: pytest.FixtureRequest) -> None:
    cold = load_briefing(mini, cache=cache)
    _bump_mtime(mini.parent / "article.txt")
    request.getfixturevalue("no_parsing")
    assert load_briefing(mini, cache=cache) == cold


def test_rebuilt_when_the_missing_source_appears(mini: Path, cache: ParseCache) -> None:
    article = mini.parent / "article.txt"
    kept = article.read_bytes()
    article.unlink()
    missing = load_briefing(mini, cache=cache)
    assert any("cannot read the source" in p.message for p in missing.problems)
    assert load_briefing(mini, cache=cache) == missing
    article.write_bytes(kept)
    assert load_briefing(mini, cache=cache).ok


@pytest.mark.parametrize("damage", [
    lambda raw: b"\x00\xff garbage \x9c" * 10,
    lambda raw: raw[: len(raw) // 2],  # truncated payload
    lambda raw: raw[:40],  # truncated header
    lambda raw: raw.replace(b"6,500", b"6,600"),  # a flipped byte the JSON still parses
    lambda raw: b"",
    lambda raw: raw.split(b"\n", 1)[0] + b"\n[]",  # right header, payload of the wrong shape
], ids=["garbage", "truncated", "truncated-header", "edited", "empty", "wrong-shape"])
def test_a_damaged_entry_is_rebuilt(mini: Path, cache: ParseCache, damage) -> None:  # type: ignore[no-untyped-def]
    cold = load_briefing(mini, cache=cache)
    (entry,) = _entries(cache)
    entry.write_bytes(damage(entry.read_bytes()))
    assert load_briefing(mini, cache=cache) == cold
    assert load_briefing(mini, cache=cache).briefing.claims[0].quote == cold.briefing.claims[0].quote  # type: ignore[union-attr]
    assert b"6,500" in entry.read_bytes()  # and the entry was written again


@pytest.mark.parametrize("constant", ["cache", "briefing-format"])
def test_an_entry_of_another_version_is_ignored(mini: Path, cache: ParseCache, monkeypatch: pytest.MonkeyPatch,
                                                constant: str) -> None:
    cold = load_briefing(mini, cache=cache)
    if constant == "cache":
        monkeypatch.setattr(cache_module, "CACHE_FORMAT", cache_module.CACHE_FORMAT + 1)
    else:
        monkeypatch.setattr(vocabulary, "FORMAT_VERSION", vocabulary.FORMAT_VERSION + 1)
    assert cache.get(mini, mini.stat(), mini.read_bytes(), str(mini)) is None
    assert load_briefing(mini, cache=cache) == cold  # rebuilt...
    assert cache.get(mini, mini.stat(), mini.read_bytes(), str(mini)) is not None  # ...and recorded anew


def test_no_cache_reads_or_writes_nothing(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    default = ParseCache.default()
    load_paths([mini.parent])
    load_briefing(mini)
    assert _entries(default) == []
    assert not cache_dir().exists()


def test_default_cache_lives_in_the_env_override(mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_TUI_CACHE_DIR", str(tmp_path / "elsewhere"))
    load_paths([mini.parent], cache=ParseCache.default())
    assert len(_entries(ParseCache(tmp_path / "elsewhere"))) == 1


def test_an_unwritable_cache_only_costs_speed(mini: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    result = load_briefing(mini, cache=ParseCache(blocker))
    assert result.ok


def test_entries_are_keyed_by_absolute_path(mini: Path, cache: ParseCache, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(mini.parent)
    relative = load_briefing(Path(mini.name), cache=cache)
    absolute = load_briefing(mini, cache=cache)
    assert len(_entries(cache)) == 1
    assert relative.briefing is not None and relative.briefing.path == mini.name
    assert absolute.briefing is not None and absolute.briefing.path == str(mini)
