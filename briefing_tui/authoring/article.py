"""What the plain text of an article says about itself: title, publication, date, and its sections."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model.records import Paragraph
from ..model.source import split_paragraphs, trailer_publication
from .gazetteer import MONTHS

_MONTH = {m.lower(): i for i, m in enumerate(MONTHS, 1)} | {m[:3].lower(): i for i, m in enumerate(MONTHS, 1)}
_MONTH_RE = r"(?P<month>" + "|".join(MONTHS) + "|" + "|".join(m[:3] for m in MONTHS) + r")\.?"
_DATES = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mm>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(_MONTH_RE + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+" + _MONTH_RE + r",?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(_MONTH_RE + r",?\s+(?P<year>(?:19|20)\d\d)\b"),
)
DATELINE_REACH = 80  # a dateline sits at the very start of a paragraph ("KYIV, March 3, 2024 —")
HEADING_MAX_WORDS = 12
_FINAL_PUNCTUATION = tuple(".!?:;…\"”’»)")


@dataclass(frozen=True)
class SectionPlan:
    title: str
    paragraphs: tuple[int, ...]


def title_of(text: str) -> str:
    """The first non-blank line: an article's title."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return "Untitled"


def publication_of(text: str) -> str:
    """The publication named by a trailing ``source:`` line, or "unknown"."""
    return trailer_publication(text) or "unknown"


def date_of(paragraphs: tuple[Paragraph, ...], today: dt.date | None = None) -> tuple[str, str]:
    """(date, precision) from a dateline near the top, else the current year, marked "inferred"."""
    for paragraph in paragraphs[:4]:
        head = paragraph.text[:DATELINE_REACH]
        for pattern in _DATES:
            match = pattern.search(head)
            if not match:
                continue
            year = int(match["year"])
            month = int(match["mm"]) if "mm" in pattern.groupindex else _MONTH[match["month"].lower()[:3]]
            day = match.groupdict().get("day")
            try:
                if day:
                    return dt.date(year, month, int(day)).isoformat(), "day"
            except ValueError:
                continue  # "February 30": not a date after all
            return f"{year:04d}-{month:02d}", "month"
    return str((today or dt.date.today()).year), "inferred"


def is_heading(paragraph: Paragraph) -> bool:
    """A short line without final punctuation: a sub-heading (or the title)."""
    text = paragraph.text.strip()
    return bool(text) and len(text.split()) <= HEADING_MAX_WORDS and not text.endswith(_FINAL_PUNCTUATION)


def _snippet(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def plan_sections(paragraphs: tuple[Paragraph, ...]) -> list[SectionPlan]:
    """One section per paragraph; a heading joins the paragraph it heads and gives the section its title."""
    plans = []
    index = 0
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if is_heading(paragraph) and following is not None and not is_heading(following):
            plans.append(SectionPlan(paragraph.text.strip(), (paragraph.number, following.number)))
            index += 2
        else:
            plans.append(SectionPlan(_snippet(paragraph.text), (paragraph.number,)))
            index += 1
    return plans


def body_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """The paragraphs the briefing must cover (as the validator counts them)."""
    return split_paragraphs(text)
