"""Where sentences and direct quotations stand in the source text (character offsets)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pysbd

from ..model.records import Paragraph

# Pairs of marks that open and close a direct quotation. Straight quotes close themselves.
_QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"'}
MIN_QUOTE_WORDS = 4  # shorter quoted bits are names or scare quotes (“FT”, “peace plan”), not speech


@dataclass(frozen=True)
class Span:
    """A stretch of the source: ``text[start:end]``, inside paragraph ``paragraph``."""

    start: int
    end: int
    paragraph: int
    text: str


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(text: str, start: int, end: int, paragraph: int) -> list[Span]:
    """The sentences of ``text[start:end]`` as spans of the whole text, trimmed of surrounding space.

    pysbd's own character offsets are unreliable when a sentence repeats, so each segment is
    found again from a cursor instead.
    """
    chunk = text[start:end]
    spans: list[Span] = []
    cursor = 0
    for segment in _segmenter().segment(chunk):
        piece = segment.strip()
        if not piece:
            continue
        at = chunk.find(piece, cursor)
        if at < 0:  # pysbd changed the text after all; give up on finer splitting for this chunk
            return [Span(start, end, paragraph, chunk)] if chunk.strip() else []
        spans.append(Span(start + at, start + at + len(piece), paragraph, piece))
        cursor = at + len(piece)
    return spans


def paragraph_sentences(text: str, paragraph: Paragraph) -> list[Span]:
    """The sentences of one paragraph."""
    return split_sentences(text, paragraph.start, paragraph.end, paragraph.number)


def quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Direct quotations in ``text[start:end]``: (open-mark offset, close-mark offset) pairs.

    A quotation never spans paragraphs; an unclosed mark is ignored.
    """
    found = []
    at = start
    while at < end:
        char = text[at]
        closing = _QUOTE_PAIRS.get(char)
        if closing is not None:
            close = text.find(closing, at + 1, end)
            if close > at:
                found.append((at, close))
                at = close + 1
                continue
        at += 1
    return found


def speech_quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quotations long enough to be someone's words, not a name in quotes."""
    return [(a, b) for a, b in quotations(text, start, end) if len(text[a + 1 : b].split()) >= MIN_QUOTE_WORDS]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``start:end`` past surrounding spaces and dangling commas, as a quote should not carry them."""
    while start < end and (text[start].isspace() or text[start] in ",;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


WORD = re.compile(r"\w+")


def word_count(text: str) -> int:
    return len(WORD.findall(text))
