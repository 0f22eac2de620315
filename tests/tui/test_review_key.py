"""A drafted briefing shows what is only proposed, and r confirms a claim in its YAML."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from briefing_tui.cli import main
from briefing_tui.tui.widgets.details_pane import DetailsPane

from .helpers import ROOT, make_app, reader, static_text

ARTICLE = ROOT / "seeds" / "ng-2023-01-afghanistan-threats-to-central-asia.txt"


async def test_r_marks_a_proposed_claim_reviewed(tmp_path: Path) -> None:
    drafted = tmp_path / "drafted.yaml"
    assert main(["draft", str(ARTICLE), "-o", str(drafted)]) == 0
    before = drafted.read_text(encoding="utf-8")
    async with make_app(drafted).run_test(size=(160, 45)) as pilot:
        screen = reader(pilot)
        claim_id = screen.claim_id
        body = screen.query_one(DetailsPane).query_one("#details-body", Static)
        assert "proposed, not yet reviewed" in static_text(body)
        await pilot.press("r")
        await pilot.pause()
        assert screen.briefing.claim_by_id[claim_id].review == "confirmed"
        assert "proposed, not yet reviewed" not in static_text(body)
    after = drafted.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert len(before.splitlines()) == len(after.splitlines())
    assert len(changed) == 1 and changed[0][1].strip() == "review: confirmed"
