"""The Markdown export: a briefing note a person would send."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model.records import Briefing, Claim, Dispute

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md(text: str) -> str:
    """Content text made inert in Markdown: no links, emphasis, HTML or headings sneak in."""
    return _MD_SPECIAL.sub(r"\\\1", text)



def claim_lines(briefing: Briefing, claim: Claim) -> list[str]:
    """A claim as a Markdown list item: who, what, the quote and where it stands, how it reached us."""
    actor = briefing.actor_by_id.get(claim.actor)
    who = md(actor.name) if actor else md(claim.actor)
    if actor and actor.role:
        who += f", {md(actor.role)}"
    lines = [f"- **{who}** ({claim.kind}): {md(claim.summary)}"]
    where = f" (paragraph {claim.span.paragraph})" if claim.span else ""
    lines.append(f"  > {md(claim.quote)}{where}")
    details = []
    if len(claim.via) > 1:
        details.append("via " + " → ".join(md(briefing.actor_name(a)) for a in claim.via))
    if claim.grading:
        details.append(f"graded {claim.grading.code}")
    if claim.figures:
        details.append("figures: " + "; ".join(md(f.text) for f in claim.figures))
    if details:
        lines.append(f"  {' · '.join(details)}")
    return lines


def dispute_lines(briefing: Briefing, dispute: Dispute, level: int = 3) -> list[str]:
    lines = [f"{'#' * level} {md(dispute.question)}", ""]
    for position in dispute.positions:
        lines.append(f"**{md(position.label)}**" + (f": {md(position.summary)}" if position.summary else ""))
        lines.append("")
        for claim_id in position.claims:
            claim = briefing.claim_by_id.get(claim_id)
            if claim:
                lines.extend(claim_lines(briefing, claim))
        lines.append("")
    return lines


def dispute_markdown(briefing: Briefing, dispute: Dispute) -> str:
    """One dispute on its own, with where the briefing and its source come from."""
    lines = dispute_lines(briefing, dispute, level=1)
    lines.append(f"From *{md(briefing.title)}* ({md(briefing.publication)}, {briefing.date}); "
                 f"source text `{briefing.source.path}`.")
    return "\n".join(lines).rstrip() + "\n"


def to_markdown(briefing: Briefing, claims: Sequence[Claim] | None = None, description: str = "") -> str:
    """The briefing note. ``claims`` narrows it to a filtered view; ``description`` says which."""
    chosen = list(briefing.claims if claims is None else claims)
    chosen_ids = {c.id for c in chosen}
    lines = [f"# {md(briefing.title)}", ""]
    meta = f"*{md(briefing.publication)}, {briefing.date}"
    meta += " (date inferred)*" if briefing.date_precision == "inferred" else "*"
    lines += [meta, ""]
    if briefing.translation:
        lines += [f"*{md(briefing.translation)}*", ""]
    if description:
        lines += [f"Filtered view: {md(description)} ({len(chosen)} of {len(briefing.claims)} claims).", ""]
    lines += ["## Bottom line up front", "", md(briefing.bluf), ""]
    if briefing.key_judgments:
        lines += ["## Key judgments", ""]
        for number, judgment in enumerate(briefing.key_judgments, 1):
            confidence = f" *({judgment.confidence} confidence)*" if judgment.confidence else ""
            lines.append(f"{number}. {md(judgment.text)}{confidence}")
            backing = [briefing.claim_by_id[c] for c in judgment.claims if c in briefing.claim_by_id]
            for claim in backing:
                lines.append(f"   - {md(briefing.actor_name(claim.actor))}: {md(claim.summary)}")
        lines.append("")
    lines += ["## Sections", ""]
    for section in briefing.sections:
        section_claims = [c for c in chosen if c.section == section.id]
        if claims is not None and not section_claims:
            continue
        topics = ", ".join(md(briefing.topic_by_id[t].name) for t in section.topics if t in briefing.topic_by_id)
        lines += [f"### {md(section.title)}", "", f"*{topics}*", ""]
        for claim in section_claims:
            lines.extend(claim_lines(briefing, claim))
        lines.append("")
    disputes = [d for d in briefing.disputes if claims is None or chosen_ids & set(d.claim_ids)]
    if disputes:
        lines += ["## Disputes", ""]
        for dispute in disputes:
            lines.extend(dispute_lines(briefing, dispute))
    return "\n".join(lines).rstrip() + "\n"
