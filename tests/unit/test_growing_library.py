"""A library loaded a file at a time ends as the library loaded at once, and says where it lives."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from briefing_tui.model import load_paths
from briefing_tui.query.growing import GrowingLibrary, library_id_for
from briefing_tui.query.merge import merge

if str(ROOT) not in sys.path:  # benchmarks/ is a top-level folder, not part of the installed package
    sys.path.insert(0, str(ROOT))
from benchmarks.generate import generate_library  # noqa: E402

BROKEN = "format: 1\nbriefing: [unclosed\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("growing")
    generate_library(folder, 12, claims=8)
    (folder / "syn-00000-broken.yaml").write_text(BROKEN)  # sorts first: the loader must get past it
    return folder


def ticking_clock():  # type: ignore[no-untyped-def]
    """A clock that moves one second each time it is read: ``load_for(0)`` loads one file at a time."""
    return itertools.count().__next__


def test_loaded_in_steps_it_is_the_library_loaded_at_once(folder: Path) -> None:
    growing = GrowingLibrary([folder], clock=ticking_clock())
    while not growing.done:
        growing.load_for(0)
    at_once = load_paths([folder])
    assert [(r.path, r.problems) for r in growing.results] == [(r.path, r.problems) for r in at_once]
    grown, whole = growing.library(), merge([r.briefing for r in at_once if r.briefing], "x")
    assert grown is not None
    assert [c.id for c in grown.claims] == [c.id for c in whole.claims]
    assert [a.id for a in grown.actors] == [a.id for a in whole.actors]
    assert grown.claims == whole.claims


def test_the_first_frame_waits_for_one_readable_briefing_whatever_the_budget(folder: Path) -> None:
    growing = GrowingLibrary([folder], clock=ticking_clock())
    growing.load_for(0)
    assert growing.loaded_files == 2  # the broken file, then the first readable one
    assert growing.results[0].briefing is None and growing.results[1].briefing is not None
    library = growing.library()
    assert library is not None and len(library.member_titles) == 1 and not growing.done


def test_merges_are_offered_each_time_the_briefings_double(folder: Path) -> None:
    growing = GrowingLibrary([folder], clock=ticking_clock())
    offered = []
    while not growing.done:
        growing.load_for(0)
        if growing.worth_merging():
            library = growing.library()
            assert library is not None
            offered.append(len(library.member_titles))
    assert offered == [1, 2, 4, 8, 12]  # the last when everything is in, doubled or not
    assert not growing.worth_merging()


def test_a_library_is_known_by_where_it_lives(folder: Path, tmp_path: Path) -> None:
    assert library_id_for([folder]) == library_id_for([folder / ".." / folder.name])
    assert library_id_for([folder, tmp_path]) == library_id_for([tmp_path, folder])
    assert library_id_for([folder]) != library_id_for([tmp_path])
    assert GrowingLibrary([folder]).library_id == library_id_for([folder])


def test_an_empty_folder_is_reported_and_nothing_is_left_to_load(tmp_path: Path) -> None:
    growing = GrowingLibrary([tmp_path])
    assert growing.done and growing.library() is None
    assert [p.message for r in growing.results for p in r.problems] == ["folder holds no briefing (*.yaml) files"]
