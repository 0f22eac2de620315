"""Fuzzy ranking for the pickers: which names best fit what the reader has typed so far."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    aliases: Sequence[str] = ()


def _score(typed: str, name: str) -> float:
    """Higher is better; 0 means no match. Prefix beats word start beats substring beats scattered letters."""
    name = name.casefold()
    if name == typed:
        return 100.0
    if name.startswith(typed):
        return 80.0 - len(name) / 100
    if any(word.startswith(typed) for word in name.replace("-", " ").split()):
        return 60.0 - len(name) / 100
    if typed in name:
        return 40.0 - len(name) / 100
    position, gaps = -1, 0
    for char in typed:
        found = name.find(char, position + 1)
        if found < 0:
            return 0.0
        gaps += found - position - 1
        position = found
    return max(1.0, 20.0 - gaps / 4)


def rank(typed: str, choices: Iterable[Choice]) -> list[Choice]:
    """``choices`` that match ``typed``, best first; all of them, in order, when nothing is typed."""
    typed = typed.strip().casefold()
    choices = list(choices)
    if not typed:
        return choices
    scored = []
    for index, choice in enumerate(choices):
        score = max(_score(typed, name) for name in (choice.label, choice.id, *choice.aliases))
        if score > 0:
            scored.append((-score, index, choice))
    return [choice for _, _, choice in sorted(scored)]
