"""Turn checked YAML fields into a :class:`Briefing`, and hold it to its source text."""

from __future__ import annotations

import calendar
import hashlib
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

from . import records as r
from . import source as src
from .fields import Rec, did_you_mean
from .limits import MAX_SOURCE_BYTES
from .marks import PackedMarks, pack_marks
from .problems import ContentRefused, Mark
from .sanitize import safe_text
from .yamltree import decode

Report = Callable[[Mark, str], None]


def _t(value: object) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, list) else ()


def _s(value: object, default: str = "") -> str:
    return value if isinstance(value, str) else default


def _id(value: object) -> str:
    return r.shared_id(_s(value))


def _ids(value: object) -> tuple[str, ...]:
    return tuple(r.shared_id(v) if isinstance(v, str) else v for v in value) if isinstance(value, list) else ()


def _records(value: object) -> list[Rec]:
    return [item for item in value if isinstance(item, Rec)] if isinstance(value, list) else []


def _frozen_marks(rec: Rec) -> r.Marks:
    # packed at once, as a cache hit gives them: Mark objects for every field of a cold-loaded
    # library cost about 100 MiB at 1,000 briefings
    return PackedMarks(pack_marks({"": rec.mark, **rec.marks}))


class Builder:
    """Builds one briefing from a checked document, reporting what does not hold together."""

    def __init__(self, doc: Rec, yaml_path: Path, report: Report) -> None:
        self.doc = doc
        self.yaml_path = yaml_path
        self.report = report

    def build(self) -> r.Briefing | None:
        meta = self.doc.get("briefing")
        if not isinstance(meta, Rec) or not meta.complete:
            return None
        topics = self._unique("topic", _records(self.doc.get("topics")), self._topic)
        actors = self._unique("actor", _records(self.doc.get("actors")), self._actor)
        source = self._source(meta)
        sections = self._unique("section", _records(self.doc.get("sections")), lambda rec: self._section(rec, source))
        claims_recs = _records(self.doc.get("claims"))
        disputes_recs = _records(self.doc.get("disputes"))
        kj_recs = _records(meta.get("key_judgments"))
        self._check_coverage(_records(self.doc.get("sections")), source)

        ids = {
            "topics": {t.id for t in topics} | _declared_ids(self.doc.get("topics")),
            "actors": {a.id for a in actors} | _declared_ids(self.doc.get("actors")),
            "sections": {s.id for s in sections} | _declared_ids(self.doc.get("sections")),
            "claims": _declared_ids(claims_recs),
        }
        section_by_id = {s.id: s for s in sections}
        claims = self._unique("claim", claims_recs, lambda rec: self._claim(rec, source, section_by_id))
        disputes = self._unique("dispute", disputes_recs, self._dispute)
        key_judgments = self._unique("key judgment", kj_recs, self._key_judgment)

        for rec in _records(self.doc.get("actors")):
            self._refs(rec, "affiliation", "actors", ids)
            if rec.get("affiliation") is not None and rec.get("affiliation") == rec.get("id"):
                self.report(rec.marks["affiliation"], f"actor '{rec.get('id')}' cannot be its own affiliation")
        for rec in _records(self.doc.get("sections")):
            self._refs(rec, "topics", "topics", ids)
        for rec in claims_recs:
            for name, target in (("section", "sections"), ("actor", "actors"), ("about", "actors"),
                                 ("topics", "topics"), ("via", "actors")):
                self._refs(rec, name, target, ids)
            via = _t(rec.get("via"))
            if via and rec.get("actor") is not None and via[-1] != rec.get("actor"):
                self.report(rec.marks["via"], f"claim '{rec.get('id')}': via must end with its actor '{rec.get('actor')}', not '{via[-1]}'")
        for rec in disputes_recs:
            self._refs(rec, "topics", "topics", ids)
            for position in _records(rec.get("positions")):
                self._refs(position, "claims", "claims", ids)
        for rec in kj_recs:
            self._refs(rec, "claims", "claims", ids)

        return r.Briefing(
            id=_s(meta.get("id")),
            title=_s(meta.get("title")),
            publication=_s(meta.get("publication")),
            date=_s(meta.get("date")),
            date_precision=_s(meta.get("date_precision")),
            language=_s(meta.get("language")),
            translation=_s(meta.get("translation")),
            source=source,
            bluf=_s(meta.get("bluf")),
            key_judgments=tuple(key_judgments),
            topics=tuple(topics),
            actors=tuple(actors),
            sections=tuple(sections),
            claims=tuple(claims),
            disputes=tuple(disputes),
            path=str(self.yaml_path),
        )

    # -- records -------------------------------------------------------------------------

    def _unique(self, kind: str, recs: Iterable[Rec], make: Callable[[Rec], object]) -> list:
        seen: dict[str, Mark] = {}
        built = []
        for rec in recs:
            ident = rec.get("id")
            if isinstance(ident, str):
                if ident in seen:
                    self.report(rec.marks.get("id", rec.mark), f"duplicate {kind} id '{ident}' (first at line {seen[ident].line})")
                    continue
                seen[ident] = rec.marks.get("id", rec.mark)
            if rec.complete:
                built.append(make(rec))
        return built

    def _topic(self, rec: Rec) -> r.Topic:
        return r.Topic(_id(rec.get("id")), _s(rec.get("name")), _s(rec.get("description")), _frozen_marks(rec))

    def _actor(self, rec: Rec) -> r.Actor:
        return r.Actor(
            id=_id(rec.get("id")), name=_s(rec.get("name")), kind=_id(rec.get("kind")), role=_s(rec.get("role")),
            affiliation=_id(rec.get("affiliation")) if isinstance(rec.get("affiliation"), str) else rec.get("affiliation"),  # type: ignore[arg-type]
            aliases=_t(rec.get("aliases")), review=rec.get("review"),  # type: ignore[arg-type]
            marks=_frozen_marks(rec),
        )

    def _section(self, rec: Rec, source: r.Source) -> r.Section:
        numbers = tuple(n for n in rec.get("paragraphs", []) if isinstance(n, int))  # type: ignore[union-attr]
        by_number = {p.number: p for p in source.paragraphs}
        for index, number in enumerate(numbers):
            if source.paragraphs and number not in by_number:
                self.report(rec.marks[f"paragraphs[{index}]"],
                            f"section '{rec.get('id')}': the source has no paragraph {number} (it has {len(source.paragraphs)})")
        text = "\n\n".join(by_number[n].text for n in numbers if n in by_number)
        return r.Section(
            id=_id(rec.get("id")), title=_s(rec.get("title")), topics=_ids(rec.get("topics")), paragraphs=numbers,
            text=text, review=rec.get("review"), marks=_frozen_marks(rec),  # type: ignore[arg-type]
        )

    def _claim(self, rec: Rec, source: r.Source, sections: dict[str, r.Section]) -> r.Claim:
        grading = rec.get("grading")
        return r.Claim(
            id=_id(rec.get("id")), section=_id(rec.get("section")), actor=_id(rec.get("actor")),
            topics=_ids(rec.get("topics")), quote=_s(rec.get("quote")), summary=_s(rec.get("summary")),
            kind=_id(rec.get("kind")), about=_ids(rec.get("about")), via=_ids(rec.get("via")),
            figures=tuple(
                r.Figure(f.get("value"), _s(f.get("unit")), _s(f.get("counts")), _s(f.get("approx"), "exact"))  # type: ignore[arg-type]
                for f in _records(rec.get("figures")) if f.complete
            ),
            grading=r.Grading(_s(grading.get("reliability")), grading.get("credibility"), _s(grading.get("note")))  # type: ignore[arg-type]
            if isinstance(grading, Rec) and grading.complete else None,
            review=rec.get("review"),  # type: ignore[arg-type]
            span=self._locate_quote(rec, source, sections),
            marks=_frozen_marks(rec),
        )

    def _dispute(self, rec: Rec) -> r.Dispute:
        positions = tuple(
            r.Position(_s(p.get("label")), _ids(p.get("claims")), _s(p.get("summary")))
            for p in _records(rec.get("positions")) if p.complete
        )
        return r.Dispute(_id(rec.get("id")), _s(rec.get("question")), positions, _ids(rec.get("topics")), _frozen_marks(rec))

    def _key_judgment(self, rec: Rec) -> r.KeyJudgment:
        return r.KeyJudgment(_id(rec.get("id")), _s(rec.get("text")), _ids(rec.get("claims")), rec.get("confidence"))  # type: ignore[arg-type]

    # -- checks against the source -------------------------------------------------------

    def _source(self, meta: Rec) -> r.Source:
        source_rec = meta.get("source")
        assert isinstance(source_rec, Rec)
        rel, expected = _s(source_rec.get("path")), _s(source_rec.get("sha256"))
        self._check_date(meta)
        data = self._read_source(rel, source_rec.marks["path"])
        if data is None:
            return r.Source(rel, expected)
        actual = hashlib.sha256(data).hexdigest()
        if actual != expected:
            self.report(source_rec.marks["sha256"], f"the source text {rel} has SHA-256 {actual}, not the one recorded here")
        try:
            text = decode(data)
        except ContentRefused as error:
            self.report(source_rec.marks["path"], f"the source text {rel}: {error.message}")
            return r.Source(rel, expected)
        # Windows line endings would otherwise leave a U+FFFD at the end of every paragraph
        text = safe_text(text.replace("\r\n", "\n"))
        return r.Source(rel, expected, text, src.split_paragraphs(text))

    def _read_source(self, rel: str, mark: Mark) -> bytes | None:
        """The source text's bytes, or None after reporting why they cannot be had.

        The path comes from untrusted content: it must be relative, and name a regular file of
        sane size (a FIFO would hang the loader, /dev/zero would never end).
        """
        if Path(rel).is_absolute():
            self.report(mark, f"the source path {rel} must be relative to the briefing file")
            return None
        path = self.yaml_path.parent / rel
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode):
                self.report(mark, f"the source text {rel} is not a regular file")
                return None
            if info.st_size > MAX_SOURCE_BYTES:
                self.report(mark, f"the source text {rel} is larger than {MAX_SOURCE_BYTES // 1048576} MiB")
                return None
            return path.read_bytes()
        except OSError as error:
            self.report(mark, f"cannot read the source text {rel}: {error.strerror or error}")
            return None

    def _check_date(self, meta: Rec) -> None:
        date = _s(meta.get("date"))
        parts = [int(p) for p in date.split("-") if p.isdigit()]
        mark = meta.marks.get("date", meta.mark)
        if len(parts) >= 2 and not 1 <= parts[1] <= 12:
            self.report(mark, f"date '{date}' has no month {parts[1]}")
        elif len(parts) == 3 and not 1 <= parts[2] <= calendar.monthrange(parts[0], parts[1])[1]:
            self.report(mark, f"date '{date}' is not a day of the calendar")

    def _check_coverage(self, section_recs: list[Rec], source: r.Source) -> None:
        if not source.paragraphs:
            return
        owner: dict[int, str] = {}
        for rec in section_recs:
            for index, number in enumerate(rec.get("paragraphs") or []):  # type: ignore[union-attr]
                if number in owner:
                    self.report(rec.marks[f"paragraphs[{index}]"], f"paragraph {number} is already in section '{owner[number]}'")
                else:
                    owner[number] = _s(rec.get("id"))
        missing = [p.number for p in source.paragraphs if p.number not in owner]
        if missing:
            sections_node = self.doc.marks.get("sections", self.doc.mark)
            listed = ", ".join(str(n) for n in missing)
            self.report(sections_node, f"paragraph{'s' if len(missing) > 1 else ''} {listed} of the source {'are' if len(missing) > 1 else 'is'} in no section")

    def _locate_quote(self, rec: Rec, source: r.Source, sections: dict[str, r.Section]) -> r.Span | None:
        quote = _s(rec.get("quote"))
        section = sections.get(_s(rec.get("section")))
        if not source.text or not quote or section is None or not section.paragraphs:
            return None  # nothing to check against; the missing piece is reported where it is
        mark = rec.marks["quote"]
        by_number = {p.number: p for p in source.paragraphs}
        found = src.find_in(source.text, quote, [by_number[n] for n in section.paragraphs if n in by_number])
        if found:
            start, paragraph = found
            return r.Span(start, start + len(quote), paragraph.number)
        anywhere = source.text.find(quote)
        claim = rec.get("id")
        if anywhere >= 0:
            paragraph = src.paragraph_at(source.paragraphs, anywhere)
            where = f"paragraph {paragraph.number}" if paragraph else "outside the article body"
            self.report(mark, f"claim '{claim}': quote found in {where}, outside its section '{section.id}' (paragraphs {', '.join(map(str, section.paragraphs))})")
            return None
        if src.differs_only_in_typography(source.text, quote):
            self.report(mark, f"claim '{claim}': quote not found verbatim; it differs from the source only in quotes, dashes or spacing")
            return None
        passage, ratio = src.closest_passage(source.text, quote)
        hint = f"; closest passage ({ratio:.0%} alike): \"{passage}\"" if ratio >= 0.5 else ""
        self.report(mark, f"claim '{claim}': quote not found in the source{hint}")
        return None

    def _refs(self, rec: Rec, name: str, target: str, ids: dict[str, set[str]]) -> None:
        value = rec.get(name)
        singular = target[:-1]
        values = value if isinstance(value, list) else ([value] if isinstance(value, str) else [])
        for index, ref in enumerate(values):
            if ref not in ids[target]:
                mark = rec.marks.get(f"{name}[{index}]") if isinstance(value, list) else rec.marks.get(name)
                self.report(mark or rec.mark, f"unknown {singular} '{ref}'{did_you_mean(ref, sorted(ids[target]))}")


def _declared_ids(value: object) -> set[str]:
    return {rec.get("id") for rec in _records(value) if isinstance(rec.get("id"), str)}  # type: ignore[misc]
