"""Briefings and problems to and from plain JSON values, for the parse cache.

The JSON holds everything the loader built, so a warm load needs neither YAML nor validation:
source text and paragraphs, section texts, quote spans and the ``marks`` (YAML positions) of
every record. Decoding reads back only what encoding wrote (the cache checks a digest of the
payload before decoding it), so it checks shapes, not every field's type: anything malformed
raises (``KeyError``, ``TypeError``, ``ValueError`` ...) and the cache treats that as a miss.
"""

from __future__ import annotations

from typing import Any

from . import records as r
from .marks import PackedMarks, pack_marks
from .problems import Mark, Problem

Json = dict[str, Any]


# -- encoding ----------------------------------------------------------------------------------


def _grading(g: r.Grading | None) -> Json | None:
    return None if g is None else {"reliability": g.reliability, "credibility": g.credibility, "note": g.note}


def _claim(c: r.Claim) -> Json:
    return {
        "id": c.id, "section": c.section, "actor": c.actor, "topics": c.topics, "quote": c.quote,
        "summary": c.summary, "kind": c.kind, "about": c.about, "via": c.via,
        "figures": [[f.value, f.unit, f.counts, f.approx] for f in c.figures],
        "grading": _grading(c.grading), "review": c.review,
        "span": None if c.span is None else [c.span.start, c.span.end, c.span.paragraph],
        "marks": pack_marks(c.marks),
    }


def briefing_to_json(b: r.Briefing) -> Json:
    """``b`` as JSON values (its ``path`` left out: the loader sets it from how the file was named)."""
    return {
        "id": b.id, "title": b.title, "publication": b.publication, "date": b.date,
        "date_precision": b.date_precision, "language": b.language, "translation": b.translation,
        "bluf": b.bluf,
        "source": {
            "path": b.source.path, "sha256": b.source.sha256, "text": b.source.text,
            "paragraphs": [[p.number, p.start, p.end, p.text] for p in b.source.paragraphs],
        },
        "key_judgments": [[k.id, k.text, k.claims, k.confidence] for k in b.key_judgments],
        "topics": [[t.id, t.name, t.description, pack_marks(t.marks)] for t in b.topics],
        "actors": [
            [a.id, a.name, a.kind, a.role, a.affiliation, a.aliases, a.review, pack_marks(a.marks)] for a in b.actors
        ],
        "sections": [
            [s.id, s.title, s.topics, s.paragraphs, s.text, s.review, pack_marks(s.marks)] for s in b.sections
        ],
        "claims": [_claim(c) for c in b.claims],
        "disputes": [
            [d.id, d.question, [[p.label, p.claims, p.summary] for p in d.positions], d.topics, pack_marks(d.marks)]
            for d in b.disputes
        ],
    }


def problems_to_json(problems: tuple[Problem, ...]) -> list[list[Any]]:
    """``problems`` as JSON values (their path left out, as for briefings)."""
    return [[p.mark.line, p.mark.col, p.message, p.fatal] for p in problems]


# -- decoding ----------------------------------------------------------------------------------


def _marks(value: Any) -> PackedMarks:
    if not isinstance(value, str):
        raise TypeError("marks must be a packed string")
    return PackedMarks(value)


def _claim_from(d: Json) -> r.Claim:
    g, span, figures = d["grading"], d["span"], d["figures"]
    ident, idents = r.shared_id, r.shared_ids
    return r.Claim(  # positional, in Claim's field order
        ident(d["id"]), ident(d["section"]), ident(d["actor"]), idents(d["topics"]), d["quote"], d["summary"],
        ident(d["kind"]), idents(d["about"]), idents(d["via"]),
        tuple(r.Figure(value, unit, counts, approx) for value, unit, counts, approx in figures) if figures else (),
        None if g is None else r.Grading(g["reliability"], g["credibility"], g["note"]),
        d["review"],
        None if span is None else r.Span(span[0], span[1], span[2]),
        _marks(d["marks"]),
    )


def briefing_from_json(d: Json, path: str) -> r.Briefing:
    """The briefing :func:`briefing_to_json` encoded, as loaded from ``path``."""
    source = d["source"]
    ident, idents = r.shared_id, r.shared_ids
    return r.Briefing(
        id=d["id"], title=d["title"], publication=d["publication"], date=d["date"],
        date_precision=d["date_precision"], language=d["language"], translation=d["translation"],
        bluf=d["bluf"],
        source=r.Source(
            source["path"], source["sha256"], source["text"],
            tuple(r.Paragraph(n, start, end, text) for n, start, end, text in source["paragraphs"]),
        ),
        key_judgments=tuple(
            r.KeyJudgment(ident(i), text, idents(claims), confidence)
            for i, text, claims, confidence in d["key_judgments"]
        ),
        topics=tuple(r.Topic(ident(i), name, desc, _marks(m)) for i, name, desc, m in d["topics"]),
        actors=tuple(
            r.Actor(ident(i), name, ident(kind), role, aff and ident(aff), tuple(aliases), review, _marks(m))
            for i, name, kind, role, aff, aliases, review, m in d["actors"]
        ),
        sections=tuple(
            r.Section(ident(i), title, idents(topics), tuple(n for n in paragraphs), text,
                      review, _marks(m))
            for i, title, topics, paragraphs, text, review, m in d["sections"]
        ),
        claims=tuple(_claim_from(c) for c in d["claims"]),
        disputes=tuple(
            r.Dispute(ident(i), question,
                      tuple(r.Position(label, idents(claims), summary) for label, claims, summary in positions),
                      idents(topics), _marks(m))
            for i, question, positions, topics, m in d["disputes"]
        ),
        path=path,
    )


def problems_from_json(items: Any, path: str) -> tuple[Problem, ...]:
    """The problems :func:`problems_to_json` encoded, reported against ``path``."""
    return tuple(Problem(path, Mark(line, col), message, bool(fatal)) for line, col, message, fatal in items)
