"""Draft a briefing from a plain-text article: everything guessed is marked ``review: proposed``.

The draft validates as it stands (quotes are verbatim spans of the source, every paragraph is in one
section, every reference resolves); what it cannot know (topics, summaries, the bottom line) is left
as clearly marked placeholders for the author.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..model.sanitize import safe_text
from ..model.yamltree import decode
from . import article as art
from .actors import ActorBook, propose_actors
from .attribution import ClaimDraft, propose_claims
from .figures import extract_figures
from .ids import IdMaker, slugify
from .sentences import speech_quotations

TOPIC = "unsorted"
TODO = "TODO"
PROPOSED = "proposed"


@dataclass(frozen=True)
class DraftResult:
    path: Path
    actors: int
    sections: int
    claims: int


def _flow(items: list) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _flow_map(pairs: dict) -> CommentedMap:
    mapping = CommentedMap(pairs)
    mapping.fa.set_flow_style()
    return mapping


def _source_path(article: Path, output: Path) -> str:
    return Path(os.path.relpath(article.resolve(), output.resolve().parent)).as_posix()


def _actor_map(book: ActorBook) -> list[CommentedMap]:
    rows = []
    for actor in book.actors.values():
        row = CommentedMap(id=actor.id, name=actor.name, kind=actor.kind)
        if actor.role:
            row["role"] = actor.role
        if actor.affiliation and actor.affiliation in book.actors:
            row["affiliation"] = actor.affiliation
        if actor.aliases:
            row["aliases"] = _flow(list(actor.aliases))
        row["review"] = PROPOSED
        rows.append(row)
    return rows


def _claim_map(claim: ClaimDraft, claim_id: str, section_id: str, text: str, book: ActorBook) -> CommentedMap:
    quote = text[claim.start : claim.end]
    speaker = book.actors[claim.actor].name
    row = CommentedMap(id=claim_id, section=section_id, actor=claim.actor)
    if claim.about:
        row["about"] = _flow(claim.about)
    row["topics"] = _flow([TOPIC])
    row["quote"] = quote
    row["summary"] = f"{TODO}: what {speaker} claims here, in the briefing's own words ({claim.kind}, guessed)."
    row["kind"] = claim.kind
    row["via"] = _flow(list(claim.via))
    figures = extract_figures(quote)
    if figures:
        row["figures"] = [
            _flow_map({"value": f.value, "unit": f.unit, "counts": f.counts, **({"approx": f.approx} if f.approx != "exact" else {})})
            for f in figures
        ]
    row["review"] = PROPOSED
    return row


def draft_document(article: Path, output: Path, today: dt.date | None = None) -> tuple[CommentedMap, DraftResult]:
    """The drafted briefing for ``article`` as it will be written to ``output`` (the source path is relative to it)."""
    data = article.read_bytes()
    text = safe_text(decode(data))  # the validator reads the source this way; quotes must match what it sees
    paragraphs = art.body_paragraphs(text)
    publication = art.publication_of(text)
    date, precision = art.date_of(paragraphs, today)
    quotes = [q for p in paragraphs for q in speech_quotations(text, p.start, p.end)]
    book = propose_actors(text, publication, quotes)
    claims = propose_claims(text, paragraphs, book)

    section_ids = IdMaker()
    sections = []
    section_of: dict[int, str] = {}
    for plan in art.plan_sections(paragraphs):
        section_id = section_ids.make(f"s-{plan.paragraphs[0]}-{slugify(plan.title, 4)}")
        for number in plan.paragraphs:
            section_of[number] = section_id
        sections.append(CommentedMap(id=section_id, title=plan.title, topics=_flow([TOPIC]),
                                     paragraphs=_flow(list(plan.paragraphs)), review=PROPOSED))

    claim_ids = IdMaker()
    claim_rows = [
        _claim_map(claim, claim_ids.make(f"c-{claim.actor}"), section_of[claim.paragraph],
                   text, book)
        for claim in claims
    ]

    doc = CommentedMap()
    doc["format"] = 1
    doc["briefing"] = CommentedMap(
        id=slugify(article.stem, 8),
        title=art.title_of(text),
        publication=publication,
        date=date,
        date_precision=precision,
        language="en",
        source=CommentedMap(path=_source_path(article, output), sha256=hashlib.sha256(data).hexdigest()),
        bluf=f"{TODO}: write the bottom line up front. Drafted by briefing-tui draft; every actor, section and "
             "claim marked 'review: proposed' is a guess until confirmed.",
        key_judgments=_flow([]),
    )
    doc["topics"] = [CommentedMap(id=TOPIC, name="Unsorted",
                                  description=f"{TODO}: replace with the briefing's real topics.")]
    doc["actors"] = _actor_map(book)
    doc["sections"] = sections
    doc["claims"] = claim_rows
    doc.yaml_set_start_comment(
        f"Drafted by briefing-tui draft from {article.name}.\n"
        "Everything marked 'review: proposed' was guessed by the tool: check it, then confirm it.")
    for key in ("topics", "actors", "sections", "claims"):
        doc.yaml_set_comment_before_after_key(key, before="\n")
    return doc, DraftResult(output, len(book.actors), len(sections), len(claim_rows))


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 4096  # never fold a quote: it must stay one verbatim string
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def draft_yaml(article: Path, output: Path, today: dt.date | None = None) -> str:
    """The drafted briefing YAML for ``article``, to be saved at ``output``."""
    doc, _result = draft_document(article, output, today)
    buffer = io.StringIO()
    _yaml().dump(doc, buffer)
    return buffer.getvalue()


def draft_briefing(article: Path, output: Path, force: bool = False, today: dt.date | None = None) -> DraftResult:
    """Write the drafted briefing for ``article`` to ``output``; refuses to overwrite unless ``force``."""
    article, output = Path(article), Path(output)
    if output.exists() and not force:
        raise FileExistsError(f"{output} exists; pass --force to overwrite it")
    doc, result = draft_document(article, output, today)
    output.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    _yaml().dump(doc, buffer)
    output.write_text(buffer.getvalue(), encoding="utf-8")
    return result
