"""What a briefing is, how it is loaded and how it is held to its source. Imports no Textual."""

from .load import LoadResult, load_briefing, load_paths, load_text
from .problems import Mark, Problem
from .records import Actor, Briefing, Claim, Dispute, Figure, Grading, KeyJudgment, Position, Section, Span, Topic

__all__ = [
    "Actor", "Briefing", "Claim", "Dispute", "Figure", "Grading", "KeyJudgment", "LoadResult", "Mark",
    "Position", "Problem", "Section", "Span", "Topic", "load_briefing", "load_paths", "load_text",
]
