"""The article's text: paragraphs, and finding quotes in it."""

from __future__ import annotations

import difflib
import re

from .records import Paragraph

_TRAILER = re.compile(r"^source:\s*\S.*$")
_TYPOGRAPHY = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})
_SPACES = re.compile(r"\s+")


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """The body paragraphs of ``text``: its non-blank lines, numbered from 1.

    A last line ``source: NAME`` names the publication and is not part of the body.
    """
    paragraphs = []
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            paragraphs.append(Paragraph(len(paragraphs) + 1, offset, offset + len(body), body))
        offset += len(line)
    if paragraphs and _TRAILER.match(paragraphs[-1].text):
        paragraphs.pop()
    return tuple(paragraphs)


def trailer_publication(text: str) -> str | None:
    """The NAME of a trailing ``source: NAME`` line, if the text ends with one."""
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and _TRAILER.match(lines[-1]):
        return lines[-1].split(":", 1)[1].strip()
    return None


def paragraph_at(paragraphs: tuple[Paragraph, ...], offset: int) -> Paragraph | None:
    for paragraph in paragraphs:
        if paragraph.start <= offset < paragraph.end:
            return paragraph
    return None


def find_in(text: str, quote: str, paragraphs: list[Paragraph]) -> tuple[int, Paragraph] | None:
    """The first place ``quote`` stands inside one of ``paragraphs``."""
    for paragraph in paragraphs:
        at = text.find(quote, paragraph.start, paragraph.end)
        if at >= 0:
            return at, paragraph
    return None


def _loose(text: str) -> str:
    return _SPACES.sub(" ", text.translate(_TYPOGRAPHY)).strip()


def differs_only_in_typography(text: str, quote: str) -> bool:
    """True when ``quote`` would be found if quotes, dashes and spacing were ignored."""
    return _loose(quote) in _loose(text)


def closest_passage(text: str, quote: str) -> tuple[str, float]:
    """The passage of ``text`` most like ``quote`` and how alike they are (0..1).

    Only runs when a quote was not found, so it favours a helpful answer over speed.
    """
    if not text or not quote:
        return "", 0.0
    width = len(quote)
    starts = [0] + [m.end() for m in re.finditer(r"\s+", text)]
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(quote)
    best, best_ratio = "", 0.0
    for start in starts:
        window = text[start : start + width]
        matcher.set_seq1(window)
        if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = window, ratio
    return best, best_ratio
