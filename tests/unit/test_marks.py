"""Packed marks: read back as written, and equal (with equal hashes) whenever their marks are."""

from __future__ import annotations

from briefing_tui.model.marks import PackedMarks, pack_marks
from briefing_tui.model.problems import Mark
from briefing_tui.model.records import Topic


def test_packed_marks_read_back_what_was_packed() -> None:
    marks = {"id": Mark(3, 5), "name": Mark(4, 11), "paragraphs[0]": Mark(9, 2)}
    assert dict(PackedMarks(pack_marks(marks))) == marks


def test_marks_packed_in_another_order_are_equal_and_hash_alike() -> None:
    one = PackedMarks("id:3:5;name:4:11")
    other = PackedMarks("name:4:11;id:3:5")
    assert one == other and hash(one) == hash(other)
    assert one == {"id": Mark(3, 5), "name": Mark(4, 11)}
    assert one != PackedMarks("id:3:5;name:4:12")


def test_records_hash_and_compare_with_their_marks() -> None:
    written_here = Topic("threats", "Threats", marks=PackedMarks("id:3:5;name:4:11"))
    same_place = Topic("threats", "Threats", marks=PackedMarks("name:4:11;id:3:5"))
    elsewhere = Topic("threats", "Threats", marks=PackedMarks("id:30:5;name:31:11"))
    assert written_here == same_place and hash(written_here) == hash(same_place)
    assert written_here != elsewhere
    assert len({written_here, same_place, elsewhere}) == 2
