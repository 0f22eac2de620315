"""The filter bar's small query language.

    actor:knyazev topic:threats "car bomb"
    about:islamic-state -topic:diplomacy
    actor:"Zabiullah Mujahid" is:bookmarked has:note

Words are free text; ``field:value`` narrows by a field; ``-`` in front negates a term.
Values may be ids, names or aliases, and unambiguous prefixes of them. Parsing never
raises: a malformed query comes back with the terms that made sense and a message for
each part that did not.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import NamedTuple

from ..model.records import Briefing
from ..model.vocabulary import CLAIM_KINDS
from .filters import FIELDS, FLAGS, ClaimFilter, Term

_OPEN_QUOTES = {'"': '"', "“": "”", "'": "'"}


class ParsedQuery(NamedTuple):
    """A typed query read as a filter, with what could not be read."""

    filter: ClaimFilter
    errors: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


class _Token(NamedTuple):
    """One word of a query, with its field and sign."""

    text: str
    negated: bool
    field: str | None
    quoted: bool


def _tokens(query: str) -> tuple[list[_Token], list[str]]:
    tokens: list[_Token] = []
    errors: list[str] = []
    i, n = 0, len(query)
    while i < n:
        if query[i].isspace():
            i += 1
            continue
        negated = query[i] == "-" and i + 1 < n and not query[i + 1].isspace()
        if negated:
            i += 1
        field = None
        start = i
        while i < n and not query[i].isspace() and query[i] not in _OPEN_QUOTES and query[i] != ":":
            i += 1
        if i < n and query[i] == ":":
            field = query[start:i].lower()
            i += 1
        else:
            i = start
        if i < n and query[i] in _OPEN_QUOTES:
            close = _OPEN_QUOTES[query[i]]
            end = query.find(close, i + 1)
            if end < 0:
                errors.append(f"unclosed quote: {query[i:]}")
                value, i = query[i + 1 :], n
            else:
                value, i = query[i + 1 : end], end + 1
            tokens.append(_Token(value, negated, field, True))
            continue
        start = i
        while i < n and not query[i].isspace():
            i += 1
        tokens.append(_Token(query[start:i], negated, field, False))
    return tokens, errors


def _suggest(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=3, cutoff=0.6)
    return f"; did you mean {', '.join(close)}?" if close else ""


def _resolve(value: str, named: dict[str, list[str]], what: str) -> tuple[str | None, str | None]:
    """Find the one id that ``value`` names: an id, name or alias equal to it, else one starting with
    it, else one with a word starting with it (a surname). Returns (id, error)."""
    wanted = value.casefold()
    tiers = (
        lambda name: name == wanted,
        lambda name: name.startswith(wanted),
        lambda name: any(word.startswith(wanted) for word in _WORD_BREAK.split(name)),
    )
    for matches_name in tiers:
        found = {ident: next(n for n in names if matches_name(n.casefold()))
                 for ident, names in named.items() if any(matches_name(n.casefold()) for n in names)}
        if len(found) == 1:
            return next(iter(found)), None
        if found:
            return None, f"{what} '{value}' is ambiguous: {_listed(found)}"
    return None, f"no {what} '{value}'{_suggest_ids(wanted, named)}"


_WORD_BREAK = re.compile(r"[\s\-–—/,.()]+")


def _listed(found: dict[str, str], limit: int = 5) -> str:
    """``id (name)`` for each id found, the name being the one that matched: the id is what a
    query takes, the name says why it was found."""
    shown = [ident if name.casefold() == ident else f"{ident} ({name})" for ident, name in sorted(found.items())]
    return ", ".join(shown[:limit]) + (", …" if len(shown) > limit else "")


def _suggest_ids(wanted: str, named: dict[str, list[str]]) -> str:
    """Up to three ids whose id, name or alias is close to ``wanted``; each id once."""
    owner: dict[str, str] = {}
    for ident, names in named.items():
        for name in names:
            owner.setdefault(name.casefold(), ident)
    close = difflib.get_close_matches(wanted, list(owner), n=9, cutoff=0.6)
    idents = list(dict.fromkeys(owner[name] for name in close))[:3]
    return f"; did you mean {', '.join(idents)}?" if idents else ""


def _vocabulary(briefing: Briefing, field: str) -> dict[str, list[str]]:
    if field in ("actor", "about", "involves"):
        return {a.id: [a.id, *a.names] for a in briefing.actors}
    if field == "topic":
        return {t.id: [t.id, t.name] for t in briefing.topics}
    if field == "section":
        return {s.id: [s.id, s.title] for s in briefing.sections}
    if field == "dispute":
        return {d.id: [d.id] for d in briefing.disputes}
    if field == "judgment":
        return {k.id: [k.id] for k in briefing.key_judgments}
    if field == "kind":
        return {k: [k] for k in CLAIM_KINDS}
    if field == "briefing":
        return {ident: [ident, title] for ident, title in briefing.member_titles.items()}
    return {flag: [flag] for flag in FLAGS[field]}


_WHAT = {"about": "actor", "involves": "actor", "is": "flag for is:", "has": "flag for has:"}


def parse(query: str, briefing: Briefing) -> ParsedQuery:
    """Parse ``query`` against ``briefing`` (ids, names and aliases resolve to ids)."""
    tokens, errors = _tokens(query)
    claim_filter = ClaimFilter()
    for token in tokens:
        if token.field is None:
            if token.text:
                claim_filter = claim_filter.with_term(Term("text", token.text, token.negated))
            continue
        if token.field not in FIELDS or token.field == "text":
            if token.field == "text":
                claim_filter = claim_filter.with_term(Term("text", token.text, token.negated))
                continue
            errors.append(f"unknown field '{token.field}:'{_suggest(token.field, FIELDS)} (fields: {', '.join(f for f in FIELDS if f != 'text')})")
            continue
        if not token.text:
            errors.append(f"'{token.field}:' needs a value")
            continue
        ident, error = _resolve(token.text, _vocabulary(briefing, token.field), _WHAT.get(token.field, token.field))
        if error:
            errors.append(error)
        else:
            assert ident is not None
            claim_filter = claim_filter.with_term(Term(token.field, ident, token.negated))
    return ParsedQuery(claim_filter, tuple(errors))


def _quote_if_needed(value: str) -> str:
    return f'"{value}"' if (not value or any(c.isspace() or c in "\":" for c in value)) else value


def to_query(claim_filter: ClaimFilter) -> str:
    """The canonical query text of a filter: what the bar shows after a picker or the navigation wrote it."""
    parts = []
    for term in claim_filter.terms:
        prefix = "-" if term.negated else ""
        if term.field == "text":
            parts.append(prefix + _quote_if_needed(term.value))
        else:
            parts.append(f"{prefix}{term.field}:{_quote_if_needed(term.value)}")
    return " ".join(parts)


_LABELS = {"involves": "involving", "is": "is", "has": "has", "judgment": "behind judgment"}


def describe(claim_filter: ClaimFilter, briefing: Briefing) -> str:
    """A one-line description for the header, with names instead of ids: ``actor: Alexander Knyazev · topic: Threats``."""
    if claim_filter.is_empty:
        return "all claims"
    parts = []
    for term in claim_filter.terms:
        value = term.value
        if term.field in ("actor", "about", "involves"):
            value = briefing.actor_name(term.value)
        elif term.field == "topic" and term.value in briefing.topic_by_id:
            value = briefing.topic_by_id[term.value].name
        elif term.field == "briefing":
            value = briefing.member_titles.get(term.value, term.value)
        elif term.field == "section" and term.value in briefing.section_by_id:
            value = briefing.section_by_id[term.value].title
        elif term.field == "text":
            value = f"“{term.value}”"
        label = _LABELS.get(term.field, term.field)
        parts.append(f"{'not ' if term.negated else ''}{label}: {value}")
    return " · ".join(parts)
