"""A small library on disk: the bundled briefing, the mini fixture and, optionally, a broken file."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_YAML = ROOT / "content" / "ng-2023-01-afghanistan-threats-to-central-asia.yaml"
SEED_TEXT = ROOT / "seeds" / "ng-2023-01-afghanistan-threats-to-central-asia.txt"
MINI_DIR = ROOT / "tests" / "data" / "mini"


def make_library(folder: Path, broken: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED_TEXT, folder / "seed.txt")
    text = SEED_YAML.read_text(encoding="utf-8").replace(f"path: ../seeds/{SEED_TEXT.name}", "path: seed.txt")
    (folder / "seed.yaml").write_text(text, encoding="utf-8")
    shutil.copytree(MINI_DIR, folder / "mini")
    if broken:
        (folder / "broken.yaml").write_text("format: 1\nbriefing: !!python/object/apply:os.system ['true']\n")
    return folder
