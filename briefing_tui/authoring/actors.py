"""Propose actors from an article's text and find every place each one is named.

The finder works on capitalised runs ("Major-General Jane Doe", "Royal Institute of
International Affairs"), acronyms ("NATO", "United Arab Emirates (UAE)"), the gazetteer of states, and a few
phrase shapes ("anti-government movement"). It merges what names one actor: a surname after a full name,
an acronym in parentheses, a state's other names, "the Foreign Ministry of this country". Speakers
named only by a descriptive phrase ("the official authorities in the capital") are added later, on demand,
by :mod:`attribution`, through :meth:`ActorBook.add_body`.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from . import gazetteer as gz
from .ids import IdMaker, slugify

_TOKEN = r"(?:[a-z]{1,3}-)?[A-Z][\w’'.-]*[\w]|[A-Z]"
_CONNECTOR = r"\s+(?:of|for|on)(?:\s+the)?\s+"
# Lowercase particles inside personal names ("Margot van der Velden", "Osama bin Laden").
PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "di", "du", "del", "la", "le", "bin", "ibn"})
_PARTICLE = r"\s+(?:(?:van|von|de|da|di|du|del|la|le|bin|ibn)\s+(?:(?:der|den|la)\s+)?)"
RUN = re.compile(rf"(?<![\w’'-])(?:{_TOKEN})(?:(?:{_CONNECTOR}|{_PARTICLE}|[ \t]+)(?:{_TOKEN}))*")
ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]{1,5}(?![\w-])")
PARENTHESIZED_ACRONYM = re.compile(r"\s*[”\"’]?\s*\((?P<acr>[A-Z][A-Z0-9]{1,5})\)")
MOVEMENT = re.compile(r"(?<![\w-])(?:anti|pro)-[A-Z][\w-]*\s+(?:movements?|forces|groups?|rebels|opposition|coalition|militias?)\b")
SPEAKS = re.compile(r"\s*(?:,\s*citing\b|\s(?:said|says|reported|reports|told|stated|warned|announced|claimed|denied)\b)")
THIS_COUNTRY = re.compile(r"\s+of\s+(?:this|that|the)\s+country\b")
POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")

# Words that head an organisation's name, mapped to the kind of actor they make.
ORG_HEADS = {
    "ministry": "government", "department": "government", "government": "government", "office": "government",
    "emirate": "government", "administration": "government", "cabinet": "government", "kremlin": "government",
    "parliament": "government", "assembly": "government", "council": "organization", "committee": "organization",
    "commission": "organization", "staff": "organization", "command": "organization", "institute": "organization",
    "institution": "organization", "center": "organization", "centre": "organization", "university": "organization",
    "academy": "organization", "organization": "organization", "organisation": "organization",
    "agency": "organization", "bank": "organization", "fund": "organization", "union": "organization",
    "alliance": "organization", "association": "organization", "foundation": "organization",
    "corporation": "organization", "company": "organization", "group": "organization", "court": "organization",
    "service": "organization", "services": "organization", "network": "organization", "observatory": "organization",
    "party": "organization", "movement": "movement", "front": "armed-group", "army": "armed-group",
    "forces": "armed-group", "brigade": "armed-group", "brigades": "armed-group", "militia": "armed-group",
    "state": "armed-group", "guard": "armed-group", "news": "media", "times": "media", "post": "media",
    "herald": "media", "gazette": "media", "gazeta": "media", "press": "media", "journal": "media",
    "tribune": "media", "radio": "media", "television": "media", "tv": "media",
}
# Nouns before a single name that say it is an outlet ("the Kenyan outlet Nation").
MEDIA_CUES = ("resource", "newspaper", "agency", "outlet", "channel", "broadcaster", "website", "portal", "daily",
              "magazine", "wire", "news", "tv", "reported", "citing")
# Capitalised words that begin sentences without naming anyone.
COMMON = frozenset("""
the a an in at on of for to from by with as and or but if when while after before since until during despite
according earlier later meanwhile however moreover nevertheless furthermore also so then thus this that these
those there here it its he she they we i you his her their our my your some most many much such other others
another all both each every no not nor one two three four five six seven eight nine ten today yesterday
tomorrow now last next first second third what which who whom whose where why how mr mrs ms dr let
""".split())
ROMAN = frozenset({"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XX"})


@dataclass
class ActorDraft:
    """One proposed actor; ``forms`` are the spellings the text uses for it."""

    id: str
    name: str
    kind: str
    role: str = ""
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)

    def add_alias(self, alias: str) -> None:
        alias = alias.strip()
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actor: str
    in_quote: bool = False


def _strip_possessive(text: str) -> str:
    return POSSESSIVE.sub("", text)


def _tokens(run: str) -> list[str]:
    return run.split()


def _is_name_token(token: str) -> bool:
    if token in PARTICLES:
        return True  # the regex lets a particle into a run only between capitalised words
    core = _strip_possessive(token)
    return (len(core) >= 2 and core[0].isupper() and not core.isupper() and core.lower() not in COMMON
            and core.lower() not in gz.TITLES and core.lower() not in ORG_HEADS
            and core not in gz.state_lookup() and core not in gz.REGIONS and core not in gz.MONTHS
            and core not in gz.WEEKDAYS and re.fullmatch(r"[\w’'-]+", core) is not None)


def _is_place_compound(token: str) -> bool:
    """"Tajik-Afghan", "Russia-Central": hyphenated places and adjectives, never an actor."""
    parts = token.split("-")
    return len(parts) > 1 and all(p in gz.state_lookup() or p in gz.REGIONS or p == "Central" for p in parts)


class ActorBook:
    """The proposed actors of one article, and where the text names each of them."""

    def __init__(self, text: str, publication: str, quote_spans: list[tuple[int, int]]) -> None:
        self.text = text
        self.quote_spans = sorted(quote_spans)
        self.actors: dict[str, ActorDraft] = {}
        self.ids = IdMaker()
        self.forms: dict[str, str] = {}  # spelling -> actor id, for finding mentions anywhere
        self.placed: list[Mention] = []  # mentions only valid where they stand ("this country")
        self.state_ids: dict[str, str] = {}  # gazetteer state name -> actor id
        self.keyed: dict[tuple[str, str], str] = {}  # (state actor id, "Foreign Ministry") -> actor id
        self._mentions: list[Mention] | None = None
        self.publication = self._add_publication(publication)

    # -- building -----------------------------------------------------------------------

    def _new(self, base: str, name: str, kind: str, **extra: object) -> ActorDraft:
        actor = ActorDraft(self.ids.make(base), name, kind, **extra)  # type: ignore[arg-type]
        self.actors[actor.id] = actor
        self.forms.setdefault(name, actor.id)
        self._mentions = None
        return actor

    def _form(self, actor: ActorDraft, spelling: str, alias: bool = True) -> None:
        spelling = spelling.strip()
        if not spelling:
            return
        self.forms.setdefault(spelling, actor.id)
        if alias:
            actor.add_alias(spelling)
        self._mentions = None

    def _add_publication(self, publication: str) -> str:
        known = publication != "unknown"
        name = publication if known else "unknown publication"
        actor = self._new(slugify(name, 3) if known else "publication", name, "media")
        if known and len(publication) <= 6 and " " not in publication:
            self._form(actor, publication.upper())  # a trailer "ng" is printed "NG" in the text
        return actor.id

    def state(self, state: gz.State) -> str:
        """The actor id for ``state``, proposing it on first use."""
        if state.name not in self.state_ids:
            actor = self._new(slugify(state.name, 4), state.name, "state")
            self.state_ids[state.name] = actor.id
            for spelling in (*state.other_names, *state.capitals):
                if re.search(rf"(?<![\w-]){re.escape(spelling)}(?![\w-])", self.text):
                    self._form(actor, spelling)
        return self.state_ids[state.name]

    def add_body(self, phrase: str, start: int, end: int) -> str:
        """Propose an actor named by a descriptive phrase ("official authorities in Lima") standing at ``start``."""
        phrase = phrase.strip()
        actor_id = self.forms.get(phrase)
        if actor_id is None:
            actor_id = self._new(slugify(phrase, 4), phrase, "government").id
        self.placed.append(Mention(start, end, actor_id, self.in_quote(start)))
        self._mentions = None
        return actor_id

    def propose(self) -> None:
        """Find every actor the text names."""
        self._states()
        self._parenthesized_acronyms()
        self._movements()
        self._acronyms()
        runs = [(m.start(), m.group(0)) for m in RUN.finditer(self.text)]
        singles: list[tuple[int, str]] = []
        for start, run in runs:
            start, run = self._drop_sentence_openers(start, run)
            if run:
                singles.extend(self._classify(start, run))
        self._singles(singles)

    def _states(self) -> None:
        for state in gz.states():
            for name in state.names:
                if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", self.text):
                    self.state(state)
                    break

    def _parenthesized_acronyms(self) -> None:
        """ "South Africa (SA)", "“Islamic Jihad” (IJ)": the acronym names what stands before it."""
        for match in RUN.finditer(self.text):
            after = PARENTHESIZED_ACRONYM.match(self.text, match.end())
            if not after:
                continue
            start, run = self._drop_sentence_openers(match.start(), match.group(0))
            if not run:
                continue
            hit = gz.state_lookup().get(run)
            if hit and hit[1] == "name":
                actor = self.actors[self.state(hit[0])]
            else:
                actor = self.actors.get(self.forms.get(run, "")) or self._new_org(run)
            self._form(actor, after["acr"])

    def _new_org(self, name: str) -> ActorDraft:
        # the head of the first segment says what it is: "Moscow State Institute of ... Ministry" is an institute
        tokens = [t.lower() for t in _tokens(name.split(" of ")[0])]
        kind = next((ORG_HEADS[t] for t in reversed(tokens) if t in ORG_HEADS), "organization")
        return self._new(slugify(name, 4), name, kind)

    def _movements(self) -> None:
        for match in MOVEMENT.finditer(self.text):
            words = match.group(0).split()
            singular = " ".join(words[:-1] + [words[-1].rstrip("s") if words[-1].endswith("ments") else words[-1]])
            actor_id = self.forms.get(singular) or self._new(slugify(singular, 4), singular, "movement").id
            self._form(self.actors[actor_id], match.group(0))

    def _acronyms(self) -> None:
        for match in ACRONYM.finditer(self.text):
            acr = match.group(0)
            line_start = self.text.rfind("\n", 0, match.start()) + 1
            line_end = self.text.find("\n", match.end())
            line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
            if acr in self.forms or acr in ROMAN or line.upper() == line:
                continue  # known, a numeral, or a line in capitals (a heading or dateline)
            hit = gz.state_lookup().get(acr) or gz.state_lookup().get(acr.title())
            if hit:
                if hit[1] == "name":
                    self.state(hit[0])
                continue
            self._new(acr.lower(), acr, "organization")

    def _drop_sentence_openers(self, start: int, run: str) -> tuple[int, str]:
        """Cut leading words that are capitalised only because a sentence starts there.

        A sentence-initial word is kept when it is known (a state, an actor found so far) or when the
        text also capitalises it mid-sentence; a word seen lowercase elsewhere ("Diplomats") is dropped.
        """
        while run:
            first = _tokens(run)[0]
            bare = _strip_possessive(first)
            if bare.lower() in COMMON:
                drop = True
            elif not self._sentence_initial(start) or bare in self.forms or bare in gz.state_lookup():
                drop = False
            elif re.search(rf"(?<![\w-]){re.escape(bare.lower())}(?![\w-])", self.text):
                drop = True
            else:
                speaks = SPEAKS.match(self.text, start + len(first)) is not None  # "Reuters, citing ..." names a source
                drop = len(_tokens(run)) == 1 and not speaks and not self._capitalised_mid_sentence(bare)
            if not drop:
                break
            rest = RUN.search(run, len(first))
            if rest is None:
                return start, ""
            start, run = start + rest.start(), rest.group(0)
        return start, run

    def _capitalised_mid_sentence(self, word: str) -> bool:
        return any(not self._sentence_initial(m.start())
                   for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", self.text))

    def _sentence_initial(self, at: int) -> bool:
        before = self.text[max(0, at - 6) : at].rstrip(" \t“”\"«»'‘’")
        return not before or before[-1] in ".!?\n:;"

    def _classify(self, start: int, run: str) -> list[tuple[int, str]]:
        """Turn one capitalised run into actors; return the single words left to judge at the end."""
        if run in gz.REGIONS or run in gz.MONTHS or run in gz.WEEKDAYS:
            return []
        hit = gz.state_lookup().get(run)
        if hit:
            if hit[1] == "name":
                self.state(hit[0])
            return []
        tokens = _tokens(run)
        if any(_is_place_compound(t) for t in tokens):
            return []
        if any(_strip_possessive(t).lower() in ORG_HEADS for t in tokens):
            return self._organization(start, run, tokens)  # "Foreign Ministry" is a body, not a title
        # A leading role: titles, and the adjectives or names of states that go with them.
        role: list[str] = []
        while tokens and (tokens[0].lower() in gz.TITLES or tokens[0] in gz.state_lookup()):
            role.append(tokens.pop(0))
        has_title = any(t.lower() in gz.TITLES for t in role)
        if not has_title:
            tokens, role = role + tokens, []
        if not tokens or tokens[0] in ("of", "for", "on", "the"):
            return []  # only a title ("Leading Researcher", "Doctor of Historical Sciences")
        names = [t for t in tokens if _is_name_token(t)]
        if len(names) == len(tokens) and (len(tokens) >= 2 or has_title):
            self._person(tokens, " ".join(role), run)
            return []
        if len(tokens) == 1 and _is_name_token(tokens[0]):
            return [(start + run.rfind(tokens[0]), _strip_possessive(tokens[0]))]
        return []

    def _organization(self, start: int, run: str, tokens: list[str]) -> list[tuple[int, str]]:
        # A person's name after the organisation: "...of the Republic of Chile Ana Silva".
        last_head = max(i for i, t in enumerate(tokens) if _strip_possessive(t).lower() in ORG_HEADS
                        or t in gz.state_lookup() or " ".join(tokens[max(0, i - 1) : i + 1]) in gz.state_lookup())
        tail = tokens[last_head + 1 :]
        if len(tail) >= 2 and all(_is_name_token(t) for t in tail):
            self._person(tail, "", " ".join(tail))
            tokens = tokens[: last_head + 1]
        name = _strip_possessive(" ".join(tokens))
        name_start = start + run.find(tokens[0])
        country = THIS_COUNTRY.match(self.text, start + run.find(tokens[-1]) + len(tokens[-1]))
        if country and _governs(name):
            self._state_organ(name, None, None, name_start, country.end())
            return []
        if all(t.lower() in ORG_HEADS or t.lower() in gz.TITLES for t in _tokens(name)):
            return []  # a bare "Ministry" or "Staff"
        owner, organ, display = self._owner(name)
        if owner:
            self._state_organ(organ, owner, display, None, None, spelling=name)
        elif name not in self.forms:
            actor = self._new_org(name)
            self._affiliate(actor, name)
        self._nested(name)
        return []

    def _owner(self, name: str) -> tuple[str | None, str, str | None]:
        """The state a government organ belongs to, when its name says so.

        Returns (state actor id, the organ's name without the state, the name to show or None to
        make one): "SA Foreign Ministry" -> (saudi-arabia, "Foreign Ministry", None);
        "Ministry of Foreign Affairs of the Russian Federation" -> (russia, "Ministry of Foreign Affairs", itself).
        """
        if not _governs(name):
            return None, name, None
        for spelling, actor_id in sorted(self.forms.items(), key=lambda kv: -len(kv[0])):
            if self.actors[actor_id].kind != "state":
                continue
            if name.startswith(spelling + " "):
                return actor_id, name[len(spelling) + 1 :], None
            for tail in (f" of the {spelling}", f" of {spelling}"):
                if name.endswith(tail):
                    return actor_id, name[: -len(tail)], name
        for adjective, (state, how) in gz.state_lookup().items():
            if how == "adjective" and name.startswith(adjective + " ") and state.name in self.state_ids:
                return self.state_ids[state.name], name[len(adjective) + 1 :], None
        return None, name, None

    def _state_organ(self, organ: str, owner: str | None, display: str | None, start: int | None,
                     end: int | None, spelling: str | None = None) -> None:
        """One organ of a state, however it is spelled ("Foreign Ministry of this country", "SA Foreign Ministry")."""
        if owner is None:
            assert start is not None
            owner = self._last_state_before(start)
            if owner is None:
                return
        key = (owner, organ.lower())
        if key not in self.keyed:
            state_name = self.actors[owner].name
            name = display or f"{organ} of {state_name}"
            actor = self._new(slugify(f"{state_name} {organ}", 5), name, "government", affiliation=owner)
            self.keyed[key] = actor.id
        actor = self.actors[self.keyed[key]]
        if spelling:
            self._form(actor, spelling)
        if start is not None and end is not None:
            self.placed.append(Mention(start, end, actor.id, self.in_quote(start)))

    def _last_state_before(self, offset: int) -> str | None:
        """The state named last before ``offset``; a capital is a place there ("embassy in Lima"), not the state."""
        best: tuple[int, str] | None = None
        for state in gz.states():
            actor_id = self.state_ids.get(state.name)
            if actor_id is None:
                continue
            spellings = [state.name, *(a for a in self.actors[actor_id].aliases if a not in state.capitals)]
            pattern = r"(?<![\w-])(?:" + "|".join(map(re.escape, spellings)) + r")(?![\w-])"
            for match in re.finditer(pattern, self.text[:offset]):
                if best is None or match.start() > best[0]:
                    best = (match.start(), actor_id)
        return best[1] if best else None

    def _nested(self, name: str) -> None:
        """ "Institute of X of the Ministry of Y": the ministry is an actor too, and the institute belongs to it."""
        outer = self.actors.get(self.forms.get(name, ""))
        for match in re.finditer(r"\s+of(?:\s+the)?\s+(?=([A-Z]\w+))", name):
            inner_name = name[match.end():]
            if _tokens(inner_name)[0].lower() not in ORG_HEADS:
                continue
            owner, organ, display = self._owner(inner_name)
            if owner:
                self._state_organ(organ, owner, display, None, None, spelling=inner_name)
                inner_id = self.keyed[(owner, organ.lower())]
            else:
                inner_id = self.forms.get(inner_name) or self._new_org(inner_name).id
            if outer is not None and inner_id != outer.id:  # more telling than a leading place name
                outer.affiliation = inner_id
            return

    def _affiliate(self, actor: ActorDraft, name: str) -> None:
        """ "NATO Military Committee" belongs to NATO when NATO is already known."""
        first = _tokens(name)[0]
        owner = self.forms.get(first)
        if owner and owner != actor.id:
            actor.affiliation = owner

    def _person(self, tokens: list[str], role: str, spelling: str) -> None:
        tokens = [_strip_possessive(t) for t in tokens]
        name = " ".join(tokens)
        surname = tokens[-1]
        actor_id = self.forms.get(name)
        if actor_id is None:
            for other in self.actors.values():
                if other.kind == "person" and other.name.split()[-1] == surname:
                    actor_id = other.id
                    if len(tokens) > len(other.name.split()):  # a fuller name than the one we had
                        other.add_alias(other.name)
                        other.name = name
                        other.aliases = [a for a in other.aliases if a != name]
                    break
        if actor_id is None:
            actor_id = self._new(slugify(surname, 3), name, "person", role=role).id
        actor = self.actors[actor_id]
        if role and not actor.role:
            actor.role = role
        for form in (name, spelling, surname if len(tokens) > 1 else ""):
            if form and form != actor.name:
                self._form(actor, form)
        self.forms[actor.name] = actor.id

    def _singles(self, singles: list[tuple[int, str]]) -> None:
        """Single capitalised words: a known surname, or a name of its own (an outlet, a group, a person)."""
        surnames = {a.name.split()[-1]: a for a in self.actors.values() if a.kind == "person"}
        seen: Counter[str] = Counter(word for _start, word in singles)
        for start, word in singles:
            if word in self.forms:
                continue
            if word in surnames:
                self._form(surnames[word], word)
                continue
            before = self.text[max(0, start - 40) : start].lower()
            after = self.text[start + len(word) : start + len(word) + 40].lower()
            article = sum(1 for m in re.finditer(rf"\bthe\s+{re.escape(word)}\b", self.text))
            if any(cue in before.split()[-3:] for cue in MEDIA_CUES) or re.match(r"^,?\s*(reported|citing)", after):
                kind = "media"
            elif article * 2 >= seen[word]:
                kind = "organization"
            else:
                kind = "other"
            self._new(slugify(word, 3), word, kind)

    # -- finding ------------------------------------------------------------------------

    def in_quote(self, offset: int) -> bool:
        at = bisect.bisect_right(self.quote_spans, (offset, float("inf"))) - 1
        return at >= 0 and self.quote_spans[at][0] < offset < self.quote_spans[at][1]

    def mentions(self) -> list[Mention]:
        """Every place an actor is named, longest spelling first, in text order."""
        if self._mentions is None:
            found: list[Mention] = list(self.placed)
            taken = [(m.start, m.end) for m in found]
            spellings = sorted(self.forms, key=len, reverse=True)
            pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, spellings)) + r")(?![\w-])") if spellings else None
            if pattern:
                for match in pattern.finditer(self.text):
                    if any(s < match.end() and match.start() < e for s, e in taken):
                        continue
                    found.append(Mention(match.start(), match.end(), self.forms[match.group(0)],
                                         self.in_quote(match.start())))
            self._mentions = sorted(found, key=lambda m: (m.start, -m.end))
        return self._mentions

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions() if start <= m.start and m.end <= end]

    def last_person_before(self, offset: int) -> str | None:
        """The person most recently named before ``offset`` outside quotations: what "he" or "she" refers to."""
        for mention in reversed(self.mentions()):
            if mention.end <= offset and not mention.in_quote and self.actors[mention.actor].kind == "person":
                return mention.actor
        return None

    def salient_person(self, start: int, offset: int) -> str | None:
        """The person named most often in ``start:offset`` ("the expert" refers to the article's main voice there)."""
        counts: Counter[str] = Counter()
        last: dict[str, int] = {}
        for mention in self.mentions():
            if start <= mention.start and mention.end <= offset and self.actors[mention.actor].kind == "person":
                counts[mention.actor] += 1
                last[mention.actor] = mention.start
        if not counts:
            return self.last_person_before(offset)
        return max(counts, key=lambda a: (counts[a], last[a]))


def _governs(name: str) -> bool:
    """True when the organisation is an organ of government (its first head noun says so)."""
    for token in _tokens(name):
        kind = ORG_HEADS.get(_strip_possessive(token).lower())
        if kind:
            return kind == "government"
    return False


def propose_actors(text: str, publication: str, quote_spans: list[tuple[int, int]]) -> ActorBook:
    """The actors ``text`` names, with ``publication`` proposed as the media actor that relays them."""
    book = ActorBook(text, publication, quote_spans)
    book.propose()
    return book
