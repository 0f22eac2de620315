"""Find who says what: direct quotations and attributed sentences, their speaker, relay chain and kind.

Shapes recognised (all verbatim spans of the source):

- a direct quotation with its speaker after or before it (“...,” X said / X stressed that “...” /
  According to X, “...”), split into one claim per quoted sentence, and attribution nested inside
  the quotation ("According to the Institute ..., the number ...") as a further claim relayed by the quoter;
- a sentence with a speech verb whose subject is an actor, a pronoun or a descriptive body
  ("the official authorities in Lima assure ..."), "according to X", "in his opinion", "X, citing Y,
  reported", and passive "... was provided by X" (which, for "such data", points back at the figures
  before it);
- reported speech running on: after "X said that ..." or "according to X, ...", the next sentences of
  the paragraph are taken as still X's, until another attribution appears. Every claim is a guess that
  the author confirms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model.records import Paragraph
from . import gazetteer as gz
from .actors import ActorBook
from .sentences import Span, paragraph_sentences, speech_quotations, split_sentences, trim, word_count

KINDS = {
    "assertion": "said says say stated noted added adds told explained declared declares announced announces "
                 "spoke speaks stressed stresses emphasized emphasised emphasizes emphasises insisted insists "
                 "argued argues wrote writes claimed claims confirmed confirms acknowledged admitted "
                 "stated states notes",
    "assurance": "assure assures assured assuring",
    "opinion": "believes believe believed thinks think considers considered",
    "warning": "warned warns",
    "denial": "denied denies deny rejected rejects dismissed dismisses",
    "report": "reported reports",
    "promise": "promised promises pledged pledges vowed vows",
    "doubt": "questioned doubted doubts",
    "estimate": "estimated estimates",
    "forecast": "predicted predicts forecast forecasts",
    "recommendation": "urged urges recommended recommends suggested suggests proposed proposes",
}
VERB_KIND = {verb: kind for kind, verbs in KINDS.items() for verb in verbs.split()}
# Forms that are as often nouns ("EU states", "UN reports"): only speech when "that", ":" or a quote follows.
AMBIGUOUS = {"states", "notes", "claims", "reports", "doubts", "estimates", "forecast", "forecasts", "proposes"}
VERB = re.compile(r"(?<![\w-])(" + "|".join(sorted(VERB_KIND, key=len, reverse=True)) + r")(?![\w-])")
PASSIVE = re.compile(r"\b(?:is|was|were|are|been|being)\s+(?:\w+\s+)?(?P<verb>provided|stated|voiced|raised|reported|"
                     r"announced|expressed|given|cited|made|claimed|denied|confirmed)\s+by\s+")
BACKWARD = re.compile(r"^(?:Such|These|This|That|The|Those)\s+(?:data|information|figures?|numbers?|estimates?|"
                      r"assessments?|statistics)\b")
ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<np>[^,“”\"]+?)\s*,")
OPINION = re.compile(r"\b[Ii]n\s+(?P<np>his|her|[A-Z][\w’'-]+(?:’s|'s))\s+(?:opinion|view|words)\s*,")
CITING = re.compile(r"(?P<outer>[^,“”\"]+?),\s+citing\s+(?P<inner>[^,“”\"]+?),\s+(?P<verb>\w+)")
PRONOUN = re.compile(r"^(?:he|she|him|her|his)$", re.IGNORECASE)
EPITHET = re.compile(r"^(?:the\s+)?(?:\w+\s+)?(?:expert|analyst|researcher|scholar|professor|official|minister|diplomat|"
                     r"spokesman|spokeswoman|general|president|politician|author|economist|commander|envoy|"
                     r"ambassador|scientist|lawyer)$", re.IGNORECASE)
BODY = re.compile(r"^(?:[Tt]he\s+)?(?P<phrase>(?:official\s+)?(?:[A-Z][\w’'-]*\s+)*(?:[a-z-]+\s+){0,3}?"
                  r"(?:government|authorities|administration|leadership|department|ministry|cabinet|command|"
                  r"officials)(?:\s+(?:of|in)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*(?:\s+movement)?)?)$")
SPEAKER_PREFIX = re.compile(r"^(?:the\s+)?(?:(?:representatives?|officials?|members?|sources?|spokes(?:man|woman|"
                            r"person)|a\s+spokes(?:man|woman|person))\s+(?:of|in|from|for)\s+)?(?:the\s+)?", re.IGNORECASE)
ASIDES = re.compile(r"(?:^|,)\s*(?:in particular|however|for example|for instance|in turn|in addition|meanwhile|"
                    r"therefore|moreover|also|earlier|later|at the same time|for his part|for her part|"
                    r"in a statement|in an interview)\s*(?:,|$)", re.IGNORECASE)
FILLER = re.compile(r"\s+(?:has|have|had|is|was|were|are|been|being|will|would|shall|should|could|can|may|might|"
                    r"must|did|does|do|also|repeatedly|reportedly|earlier|again|further|then|once|already|recently|"
                    r"publicly|officially|previously|today|yesterday|now|still|later|not|never|firmly|strongly|"
                    r"in a statement|in an interview|in a press release|on \w+day|last week|this week)\s*$")
GENERIC = re.compile(r"\s+(?:report|reports|statement|statements|officials?|spokes(?:man|woman|person)|"
                     r"representatives?|sources?|press service|data)\s*$")
PARENTHESIS = re.compile(r"\([^()]*\)")


@dataclass
class ClaimDraft:
    """A proposed claim: the quote is ``text[start:end]``."""

    start: int
    end: int
    paragraph: int
    actor: str
    kind: str
    via: tuple[str, ...]
    about: list[str] = field(default_factory=list)


@dataclass
class _Context:
    """Reported speech that runs on into the next sentences of a paragraph."""

    actor: str
    kind: str
    relays: tuple[str, ...]


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` with every match of ``pattern`` replaced by spaces, so offsets still line up."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


class Attributor:
    """Proposes the claims of one article, given its proposed actors."""

    def __init__(self, text: str, paragraphs: tuple[Paragraph, ...], book: ActorBook) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.book = book
        self.claims: list[ClaimDraft] = []
        self.relays: dict[str, tuple[str, ...]] = {}  # speaker -> outlets that relayed it, in this paragraph

    # -- speakers -----------------------------------------------------------------------

    def speaker_before(self, start: int, end: int, paragraph: Paragraph) -> str | None:
        """Who the noun phrase ending at ``end`` names (the subject of a verb that follows)."""
        window = _blank(_blank(self.text[start:end], PARENTHESIS), ASIDES)
        cut = max(window.rfind(mark) for mark in ",;:“”\"(")
        np_start = start + cut + 1
        np = window[cut + 1 :]
        while True:
            shorter = FILLER.sub("", np)
            if shorter == np:
                break
            np = shorter
        np = np.strip()
        if not np:
            return None
        np_start += window[cut + 1 :].find(np)
        return self._resolve(np, np_start, paragraph, rightmost=True)

    def speaker_after(self, np: str, np_start: int, paragraph: Paragraph, prefer_person: bool = False) -> str | None:
        """Who the noun phrase ``np`` at ``np_start`` names ("according to NP", "by NP")."""
        prefix = SPEAKER_PREFIX.match(np)
        if prefix and prefix.end() < len(np):
            np_start += prefix.end()
            np = np[prefix.end() :]
        np = np.strip()
        return self._resolve(np, np_start, paragraph, rightmost=False, prefer_person=prefer_person)

    def _resolve(self, np: str, np_start: int, paragraph: Paragraph, rightmost: bool,
                 prefer_person: bool = False) -> str | None:
        np_end = np_start + len(np)
        if PRONOUN.match(np):
            return self.book.last_person_before(np_start)
        if EPITHET.match(np):
            return self.book.salient_person(paragraph.start, np_start)
        subject = SPEAKER_PREFIX.sub("", np, count=1) if rightmost else np
        body = BODY.match(subject)
        if body and not self._proper(body["phrase"]):
            phrase = body["phrase"]
            at = np_start + np.find(phrase)
            return self.book.add_body(phrase, at, at + len(phrase))
        trimmed = GENERIC.sub("", np)
        mentions = self.book.mentions_between(np_start, np_start + len(trimmed))
        if rightmost:
            ending = [m for m in mentions if m.end == np_start + len(trimmed)]
            if ending:
                return min(ending, key=lambda m: m.start).actor
        elif mentions:
            people = [m for m in mentions if self.book.actors[m.actor].kind == "person"]
            return (people or mentions)[0].actor
        return self._capital(trimmed if rightmost else np, np_end)

    def _proper(self, phrase: str) -> bool:
        """True when the phrase is already an actor's name ("Kenyan Foreign Ministry"): no body to add."""
        return phrase in self.book.forms

    def _capital(self, np: str, _end: int) -> str | None:
        """ "Washington declared": a capital speaks for its state."""
        words = np.split()
        for size in (3, 2, 1):
            tail = " ".join(words[-size:])
            hit = gz.state_lookup().get(tail)
            if hit and len(words) >= size:
                return self.book.state(hit[0])
        return None

    # -- claims -------------------------------------------------------------------------

    def _add(self, start: int, end: int, paragraph: int, actor: str, kind: str, relays: tuple[str, ...] = ()) -> None:
        start, end = trim(self.text, start, end)
        if word_count(self.text[start:end]) < 3:
            return
        via = [self.book.publication]
        for hop in (*relays, actor):
            if via[-1] != hop:
                via.append(hop)
        about = []
        for mention in self.book.mentions_between(start, end):
            if mention.actor not in via and mention.actor not in about:
                about.append(mention.actor)
        self.claims.append(ClaimDraft(start, end, paragraph, actor, kind, tuple(via), about))

    def run(self) -> list[ClaimDraft]:
        """Propose every claim, in the order of the text."""
        for paragraph in self.paragraphs:
            self.relays = {}
            self._paragraph(paragraph)
        self.claims.sort(key=lambda c: (c.start, c.end))
        return self.claims

    def _paragraph(self, paragraph: Paragraph) -> None:
        quotes = speech_quotations(self.text, paragraph.start, paragraph.end)
        done: set[tuple[int, int]] = set()
        attributed: list[tuple[int, int]] = []
        context: _Context | None = None
        previous_end = paragraph.start
        sentences = paragraph_sentences(self.text, paragraph)
        for index, sentence in enumerate(sentences):
            # quotations are taken in text order, so a relay named before one ("citing UN statements") applies
            for quote in quotes:
                if quote not in done and quote[0] < sentence.end and sentence.start <= quote[1]:
                    done.add(quote)
                    if self._quotation(quote, previous_end, paragraph):
                        attributed.append(quote)
                    previous_end = quote[1] + 1
            if any(a < sentence.end and sentence.start <= b for a, b in attributed):
                context = None  # a quotation names its own speaker, and quoted speech does not run on
                continue
            found = self._sentence(sentence, paragraph, sentences[:index])
            if found is not None:
                context = found if isinstance(found, _Context) else None
            elif context is not None:
                self._add(sentence.start, sentence.end, paragraph.number, context.actor, context.kind, context.relays)

    def _quotation(self, quote: tuple[int, int], previous_end: int, paragraph: Paragraph) -> bool:
        """Claims from one direct quotation; False when no speaker was found for it."""
        open_at, close_at = quote
        found = self._quote_speaker(open_at, close_at, previous_end, paragraph)
        if found is None:
            return False
        actor, kind = found
        relays = self.relays.get(actor, ())
        for piece in split_sentences(self.text, open_at + 1, close_at, paragraph.number):
            self._add(piece.start, piece.end, paragraph.number, actor, kind, relays)
            self._sentence(piece, paragraph, [], inside=(actor, relays))  # attribution nested in the quote
        return True

    def _quote_speaker(self, open_at: int, close_at: int, previous_end: int,
                       paragraph: Paragraph) -> tuple[str, str] | None:
        after = self.text[close_at + 1 : paragraph.end]
        # “... .” closes a sentence: its speaker stands before it, and what follows is a new sentence
        closed = self.text[open_at + 1 : close_at].rstrip().endswith(".")
        match = None if closed else re.match(r"[\s,]*(?P<np>[^“”\"\n.!?]{1,120}?)\s+(?P<verb>" + VERB.pattern + ")", after)
        if match:
            np_start = close_at + 1 + match.start("np")
            actor = self.speaker_before(np_start, np_start + len(match["np"]), paragraph)
            if actor:
                return actor, VERB_KIND.get(match["verb"], "assertion")
        match = None if closed else re.match(r"[\s,]*(?P<verb>said|says|added|stressed|noted|wrote|told|insisted|warned)\s+"
                         r"(?P<np>[^,.;“”\"]{1,80})", after)
        if match:
            actor = self.speaker_after(match["np"], close_at + 1 + match.start("np"), paragraph)
            if actor:
                return actor, VERB_KIND[match["verb"]]
        before = self.text[previous_end:open_at]
        match = re.search(r"(?P<verb>" + VERB.pattern + r")(?:\s+that)?\s*[:,]?\s*$", before)
        if match:
            actor = self.speaker_before(previous_end, previous_end + match.start("verb"), paragraph)
            if actor:
                return actor, VERB_KIND.get(match["verb"], "assertion")
        match = re.search(r"\b[Aa]ccording to\s+(?P<np>[^,“”\"]+?)\s*,\s*$", before)
        if match:
            actor = self.speaker_after(match["np"], previous_end + match.start("np"), paragraph)
            if actor:
                return actor, "assertion"
        return None

    def _sentence(self, sentence: Span, paragraph: Paragraph, earlier: list[Span],
                  inside: tuple[str, tuple[str, ...]] | None = None) -> _Context | bool | None:
        """Claims of one sentence: a context when reported speech may run on, True when attributed, else None."""
        text, at = sentence.text, sentence.start
        quoter, quoter_relays = inside if inside else (None, ())

        def record(actor: str, kind: str, relays: tuple[str, ...] = ()) -> None:
            if quoter is not None:
                if actor != quoter:
                    self._add(sentence.start, sentence.end, paragraph.number, actor, kind,
                              (*quoter_relays, quoter, *relays))
            else:
                self._add(sentence.start, sentence.end, paragraph.number, actor, kind, relays)

        citing = CITING.search(text)
        if citing and citing["verb"] in VERB_KIND:
            outer = self.speaker_before(at, at + citing.end("outer"), paragraph)
            inner = self.speaker_after(citing["inner"], at + citing.start("inner"), paragraph)
            if inner:
                relays = (outer,) if outer and outer != inner else ()
                self.relays[inner] = relays
                record(inner, VERB_KIND[citing["verb"]], relays)
                return True
            if outer:  # unnamed sources ("citing police sources"): the outlet is the speaker we can name
                record(outer, VERB_KIND[citing["verb"]])
                return True
        for pattern, kind in ((ACCORDING, "assertion"), (OPINION, "opinion")):
            match = pattern.search(text)
            if match:
                actor = self.speaker_after(match["np"], at + match.start("np"), paragraph)
                if actor:
                    record(actor, kind, self.relays.get(actor, ()))
                    return _Context(actor, kind, self.relays.get(actor, ()))
        passive = PASSIVE.search(text)
        if passive:
            tail = re.match(r"[^,;]+(?:,\s*[^,;]+)?", text[passive.end() :])
            np = tail.group(0) if tail else text[passive.end() :]
            actor = self.speaker_after(np, at + passive.end(), paragraph, prefer_person=True)
            if actor:
                kind = VERB_KIND.get(passive["verb"], "assertion")
                if BACKWARD.match(text) and earlier and quoter is None:
                    figures = [s for s in earlier if re.search(r"\d", s.text)]
                    for target in figures or earlier[-1:]:
                        self._add(target.start, target.end, paragraph.number, actor, "estimate" if figures else kind)
                else:
                    record(actor, kind)
                return True
        for verb in VERB.finditer(text):
            following = text[verb.end() :].lstrip()
            speech = following.startswith(("that", ":", "“", '"'))
            if verb.group(0) in AMBIGUOUS and not speech:
                continue
            participle = verb.group(0).endswith("ed") or verb.group(0) in ("said", "told", "thought", "forecast")
            if participle and re.search(r"\b(?:is|was|were|are|be|been|being)\s+(?:\w+ly\s+)?$", text[: verb.start()]):
                continue  # passive ("is estimated at"): the subject is not the speaker; "have been assuring" is not passive
            actor = self.speaker_before(at, at + verb.start(), paragraph)
            if actor:
                kind = VERB_KIND[verb.group(0)]
                record(actor, kind, self.relays.get(actor, ()))
                return _Context(actor, kind, self.relays.get(actor, ())) if speech else True
        return None


def propose_claims(text: str, paragraphs: tuple[Paragraph, ...], book: ActorBook) -> list[ClaimDraft]:
    """Every claim the article attributes, as drafts over ``text``."""
    return Attributor(text, paragraphs, book).run()
