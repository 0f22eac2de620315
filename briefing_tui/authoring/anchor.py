"""Re-anchor quotes after the source text changed (a corrected translation, fixed typos).

Each claim's quote is looked for again: verbatim first (in its section, then anywhere), then around its
old place (the text that surrounded it in the old source, when that is given, else its section's
paragraphs), then by similarity (difflib) across the article. Quotes that changed are rewritten, the
recorded SHA-256 is updated, and nothing else in the file is touched (ruamel round-trip). A quote that
now stands in another section is reported, not moved: re-sectioning is the author's call.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.scalarstring import ScalarString

from ..model.records import Paragraph
from ..model.sanitize import safe_text
from ..model.source import split_paragraphs
from ..model.yamltree import decode
from .yamledit import dump, load_round_trip, write_atomic

NEAR_RATIO = 0.7  # around its old place a looser match is safe: the neighbourhood already vouches for it
FAR_RATIO = 0.8  # anywhere else in the article, demand more likeness before calling it the same quote
CONTEXT = 40  # characters of old text either side of a quote used to find its new place

UNCHANGED, MOVED, CHANGED, GONE = "unchanged", "moved", "changed", "gone"


@dataclass(frozen=True)
class Anchoring:
    """What became of one claim's quote."""

    claim: str
    status: str
    old: str
    new: str | None = None
    paragraph: int | None = None
    note: str = ""

    def __str__(self) -> str:
        if self.status == UNCHANGED:
            return f"{self.claim}: unchanged"
        if self.status == MOVED:
            return f"{self.claim}: moved (same words, now in paragraph {self.paragraph}){self.note}"
        if self.status == CHANGED:
            return f"{self.claim}: changed \"{self.old}\" -> \"{self.new}\"{self.note}"
        return f"{self.claim}: gone \"{self.old}\"{self.note}"


@dataclass
class AnchorReport:
    path: Path
    results: list[Anchoring] = field(default_factory=list)
    old_sha256: str = ""
    new_sha256: str = ""
    written: bool = False

    @property
    def gone(self) -> list[Anchoring]:
        return [r for r in self.results if r.status == GONE]

    @property
    def exit_code(self) -> int:
        """0 when every quote was found again, 1 when some are gone."""
        return 1 if self.gone else 0

    def lines(self) -> list[str]:
        out = [str(r) for r in self.results]
        if self.old_sha256 != self.new_sha256:
            out.append(f"sha256: {self.old_sha256[:12]}… -> {self.new_sha256[:12]}…")
        counts = {s: sum(1 for r in self.results if r.status == s) for s in (UNCHANGED, MOVED, CHANGED, GONE)}
        out.append(", ".join(f"{n} {s}" for s, n in counts.items()) + ("" if self.written else " (file not written)"))
        return out


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text[start:end])]


def best_window(text: str, quote: str, paragraphs: list[Paragraph]) -> tuple[float, int, int]:
    """The word-aligned passage in ``paragraphs`` most like ``quote``: (ratio, start, end).

    Windows are a few words shorter or longer than the quote, since an edit can add or drop words;
    they never cross a paragraph, as a quote cannot.
    """
    size = len(quote.split())
    slack = max(2, size // 4)
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(quote)
    best = (0.0, 0, 0)
    for paragraph in paragraphs:
        words = _words(text, paragraph.start, paragraph.end)
        for first in range(len(words)):
            for length in range(max(1, size - slack), size + slack + 1):
                last = first + length - 1
                if last >= len(words):
                    break
                start, end = words[first][0], words[last][1]
                matcher.set_seq1(text[start:end])
                if matcher.real_quick_ratio() <= best[0] or matcher.quick_ratio() <= best[0]:
                    continue
                ratio = matcher.ratio()
                if ratio > best[0]:
                    best = (ratio, start, end)
    return _fit_punctuation(text, quote, best)


def _fit_punctuation(text: str, quote: str, found: tuple[float, int, int]) -> tuple[float, int, int]:
    """Drop the full stop or comma a word window drags along when the old quote did not have it."""
    ratio, start, end = found
    while end > start and not text[end - 1].isalnum() and quote and quote[-1].isalnum():
        end -= 1
    while start < end and not text[start].isalnum() and quote and quote[0].isalnum():
        start += 1
    return ratio, start, end


def _by_context(old_text: str, new_text: str, quote: str, paragraphs: tuple[Paragraph, ...]) -> tuple[int, int] | None:
    """Where the text that surrounded ``quote`` in the old source now frames a passage of the new one."""
    at = old_text.find(quote)
    if at < 0:
        return None
    line_start = old_text.rfind("\n", 0, at) + 1
    line_end = old_text.find("\n", at + len(quote))
    line_end = len(old_text) if line_end < 0 else line_end
    before = old_text[max(line_start, at - CONTEXT) : at]
    after = old_text[at + len(quote) : min(line_end, at + len(quote) + CONTEXT)]
    if len(before.strip()) < 8 and len(after.strip()) < 8:
        return None  # too little around it to recognise the place
    for paragraph in paragraphs:
        body = new_text[paragraph.start : paragraph.end]
        start = 0
        if before.strip():
            found = body.find(before)
            if found < 0:
                continue
            start = found + len(before)
        end = len(body)
        if after.strip():
            end = body.find(after, start)
        if end > start:
            return paragraph.start + start, paragraph.start + end
    return None


def _section_paragraphs(doc: object) -> dict[str, list[int]]:
    table = {}
    for section in doc.get("sections") or []:  # type: ignore[attr-defined]
        numbers = [n for n in (section.get("paragraphs") or []) if isinstance(n, int)]
        table[str(section.get("id"))] = numbers
    return table


def _locate(quote: str, numbers: list[int], text: str, paragraphs: tuple[Paragraph, ...],
            old_text: str | None) -> tuple[str, int | None, int | None]:
    """(status, start, end) of ``quote`` in the new text; start is None when it is gone."""
    by_number = {p.number: p for p in paragraphs}
    home = [by_number[n] for n in numbers if n in by_number]
    for paragraph in home:
        at = text.find(quote, paragraph.start, paragraph.end)
        if at >= 0:
            return UNCHANGED, at, at + len(quote)
    for paragraph in paragraphs:
        at = text.find(quote, paragraph.start, paragraph.end)
        if at >= 0:
            return MOVED, at, at + len(quote)
    if old_text is not None:
        framed = _by_context(old_text, text, quote, paragraphs)
        if framed:
            start, end = framed
            if difflib.SequenceMatcher(None, quote, text[start:end], autojunk=False).ratio() >= NEAR_RATIO / 2:
                return CHANGED, start, end
    ratio, start, end = best_window(text, quote, home)
    if ratio >= NEAR_RATIO:
        return CHANGED, start, end
    ratio, start, end = best_window(text, quote, list(paragraphs))
    if ratio >= FAR_RATIO:
        return CHANGED, start, end
    return GONE, None, None


def _paragraph_of(paragraphs: tuple[Paragraph, ...], offset: int) -> Paragraph | None:
    return next((p for p in paragraphs if p.start <= offset < p.end), None)


def _retyped(old_value: object, new: str) -> str:
    """``new`` in the quoting style the old value was written in."""
    return type(old_value)(new) if isinstance(old_value, ScalarString) else new


def anchor_briefing(yaml_path: Path | str, old_source: Path | str | None = None, write: bool = True) -> AnchorReport:
    """Find every claim's quote in the (changed) source again and update the briefing at ``yaml_path``.

    ``old_source`` is the text before the change, when the author still has it: it lets a quote be
    found by the words that surrounded it. Raises OSError when the source cannot be read.
    """
    path = Path(yaml_path)
    doc, yaml, original = load_round_trip(path)
    source = doc["briefing"]["source"]
    data = (path.parent / str(source["path"])).read_bytes()
    text = safe_text(decode(data))
    old_text = safe_text(decode(Path(old_source).read_bytes())) if old_source else None
    paragraphs = split_paragraphs(text)
    sections = _section_paragraphs(doc)
    report = AnchorReport(path, old_sha256=str(source.get("sha256", "")), new_sha256=hashlib.sha256(data).hexdigest())

    for claim in doc.get("claims") or []:
        quote = str(claim.get("quote") or "")
        numbers = sections.get(str(claim.get("section")), [])
        status, start, end = _locate(quote, numbers, text, paragraphs, old_text)
        claim_id = str(claim.get("id"))
        if start is None or end is None:
            report.results.append(Anchoring(claim_id, GONE, quote, note="; find it in the source and quote it again"))
            continue
        new = text[start:end]
        where = _paragraph_of(paragraphs, start)
        number = where.number if where else None
        outside = number not in numbers
        note = (f"; outside its section '{claim.get('section')}' (paragraphs {', '.join(map(str, numbers))}): "
                "move the claim or the section") if outside else ""
        if status == CHANGED:
            claim["quote"] = _retyped(claim["quote"], new)
        elif status == UNCHANGED:
            note = ""
        report.results.append(Anchoring(claim_id, status, quote, new, number, note))

    if report.old_sha256 != report.new_sha256:
        source["sha256"] = _retyped(source.get("sha256"), report.new_sha256)
    updated = dump(doc, yaml)
    if write and updated != original:
        write_atomic(path, updated)
        report.written = True
    return report
