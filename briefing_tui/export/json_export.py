"""The JSON export: a public interface for scripts (keys documented in docs/export.md)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..model.records import Briefing, Claim, Figure, Grading

EXPORT_VERSION = 1


def _figure(figure: Figure) -> dict[str, object]:
    return {"value": figure.value, "unit": figure.unit, "counts": figure.counts, "approx": figure.approx}


def _grading(grading: Grading | None) -> dict[str, object] | None:
    if grading is None:
        return None
    return {"reliability": grading.reliability, "credibility": grading.credibility, "note": grading.note}


def _claim(claim: Claim) -> dict[str, object]:
    return {
        "id": claim.id,
        "section": claim.section,
        "actor": claim.actor,
        "about": list(claim.about),
        "topics": list(claim.topics),
        "quote": claim.quote,
        "summary": claim.summary,
        "kind": claim.kind,
        "via": list(claim.via),
        "figures": [_figure(f) for f in claim.figures],
        "grading": _grading(claim.grading),
        "location": {"paragraph": claim.span.paragraph, "start": claim.span.start, "end": claim.span.end}
        if claim.span else None,
    }


def to_data(briefing: Briefing, claims: Sequence[Claim] | None = None) -> dict[str, object]:
    """The export as plain data. ``claims`` narrows it (a filtered view); sections and disputes follow."""
    chosen = list(briefing.claims if claims is None else claims)
    chosen_ids = {c.id for c in chosen}
    narrowed = claims is not None
    sections = [s for s in briefing.sections if not narrowed or any(c.section == s.id for c in chosen)]
    disputes = [d for d in briefing.disputes if not narrowed or chosen_ids & set(d.claim_ids)]
    return {
        "export_version": EXPORT_VERSION,
        "briefing": {
            "id": briefing.id,
            "title": briefing.title,
            "publication": briefing.publication,
            "date": briefing.date,
            "date_precision": briefing.date_precision,
            "language": briefing.language,
            "translation": briefing.translation,
            "source": {"path": briefing.source.path, "sha256": briefing.source.sha256},
            "bluf": briefing.bluf,
            "key_judgments": [
                {"id": k.id, "text": k.text, "claims": list(k.claims), "confidence": k.confidence}
                for k in briefing.key_judgments
            ],
        },
        "topics": [{"id": t.id, "name": t.name, "description": t.description} for t in briefing.topics],
        "actors": [
            {"id": a.id, "name": a.name, "kind": a.kind, "role": a.role, "affiliation": a.affiliation,
             "aliases": list(a.aliases)}
            for a in briefing.actors
        ],
        "sections": [
            {"id": s.id, "title": s.title, "topics": list(s.topics), "paragraphs": list(s.paragraphs),
             "text": s.text, "claims": [c.id for c in chosen if c.section == s.id]}
            for s in sections
        ],
        "claims": [_claim(c) for c in chosen],
        "disputes": [
            {"id": d.id, "question": d.question, "topics": list(d.topics),
             "positions": [{"label": p.label, "claims": list(p.claims), "summary": p.summary} for p in d.positions]}
            for d in disputes
        ],
    }


def to_json(briefing: Briefing, claims: Sequence[Claim] | None = None) -> str:
    return json.dumps(to_data(briefing, claims), ensure_ascii=False, indent=2) + "\n"
