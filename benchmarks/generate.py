"""Synthetic briefing libraries for benchmarks and property tests.

Every briefing is valid: an article ``.txt`` written from sentence templates, and a YAML whose
quotes are whole sentences of that article, whose sections cover every paragraph once and whose
``sha256`` is the article's. Actors come from one shared pool, drawn with a skew so that
briefings overlap the way real coverage does (a few actors everywhere, most in a handful); some
briefings name a pooled actor under a different id, so only its name and aliases link it across
the library.

    python -m benchmarks.generate OUT_DIR [COUNT]
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

CLAIM_KINDS = ("assertion", "assurance", "estimate", "denial", "doubt", "forecast", "recommendation", "report",
               "promise", "warning", "opinion")
TOPICS = [("threats", "Threats"), ("diplomacy", "Diplomacy"), ("borders", "Border security"),
          ("economy", "Economy"), ("militancy", "Militancy"), ("drugs", "Drug trafficking"),
          ("refugees", "Refugees"), ("energy", "Energy"), ("alliances", "Alliances"), ("water", "Water"),
          ("elections", "Elections"), ("intelligence", "Intelligence")]
FIRST = ["Anatoly", "Zabiullah", "Emomali", "Sergei", "Farida", "Amir", "Olga", "Rustam", "Dilnoza", "Timur",
         "Nadia", "Karim", "Ivan", "Leila", "Bakhtiyor", "Sabina", "Omar", "Yulia", "Daniyar", "Hamid"]
LAST = ["Sidorov", "Mujahid", "Rahmon", "Lavrov", "Nazarova", "Karimov", "Petrova", "Umarov", "Tashkentova",
        "Bekov", "Haidari", "Saidov", "Volkov", "Rashidova", "Yusupov", "Aliyeva", "Khan", "Smirnova", "Ahmadi"]
STATES = ["Tajikistan", "Uzbekistan", "Kyrgyzstan", "Turkmenistan", "Kazakhstan", "Russia", "China", "Iran",
          "Pakistan", "India", "Turkey", "Afghanistan"]
ORGS = [("CSTO", "Collective Security Treaty Organization"), ("SCO", "Shanghai Cooperation Organisation"),
        ("UN", "United Nations"), ("IS-K", "Islamic State Khorasan Province"), ("TTP", "Tehrik-i-Taliban Pakistan"),
        ("EU", "European Union"), ("OSCE", "Organization for Security and Co-operation in Europe"),
        ("NATO", "North Atlantic Treaty Organization"), ("UNHCR", "UN Refugee Agency"), ("IMU", "Islamic Movement of Uzbekistan")]
OUTLETS = ["Nezavisimaya Gazeta", "Asia Monitor", "Central Wire", "Steppe Herald", "Frontier Post"]
PLACES = ["the Pyanj river", "Badakhshan", "the Fergana valley", "Kunduz", "Termez", "the Wakhan corridor",
          "Mazar-i-Sharif", "Khorog", "the Amu Darya", "Herat", "Osh", "Dushanbe", "Kabul", "Tashkent"]
THINGS = ["militants", "fighters", "refugees", "drug shipments", "border posts", "training camps", "convoys",
          "weapons caches", "patrols", "checkpoints", "smuggling routes", "recruiters"]
VERBS = ["said", "stated", "warned", "insisted", "claimed", "told reporters", "noted", "argued", "estimated"]
TEMPLATES = [
    "{a} {verb} that about {n} {thing} were gathering near {place}",
    "According to {a}, the number of {thing} near {place} has doubled since {month}",
    "{a} {verb} that there is no threat to {state} from {place}",
    "{a} denied that {thing} had crossed into {state} near {place}",
    "In the view of {a}, {state} should strengthen its {thing} along {place}",
    "{a} {verb} that talks with {state} on {thing} would resume in {month}",
    "{a} promised to send {n} more {thing} to {place} before {month}",
    "Experts doubt the figure of {n} {thing} given by {a} for {place}",
    "{a} {verb} that {state} had asked for help with {thing} in {place}",
    "{a} reported {n} incidents involving {thing} around {place} in {month}",
    "The situation around {place} is calm, {a} {verb}, despite reports of {thing}",
    "{a} recommended that {state} open a dialogue about {thing} in {place}",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
FILLER = [
    "Residents of {place} describe a tense but quiet winter.",
    "Trade across {place} has slowed for several months.",
    "Officials in {state} declined to comment on the matter.",
    "The region has seen sporadic clashes for years.",
]


@dataclass(frozen=True)
class PoolActor:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    role: str = ""


def actor_pool(seed: int = 7) -> list[PoolActor]:
    """The shared cast every synthetic briefing draws from (deterministic)."""
    rng = random.Random(seed)
    pool: list[PoolActor] = []
    for state in STATES:
        pool.append(PoolActor(_slug(state), state, "state", ()))
        pool.append(PoolActor(_slug(f"{state} government"), f"Government of {state}", "government",
                              (f"{state}'s government", f"the {state} authorities")))
    for short, long in ORGS:
        pool.append(PoolActor(_slug(short), long, "organization" if short not in ("IS-K", "TTP", "IMU") else "armed-group", (short,)))
    seen = set()
    while len(seen) < 120:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        if (first, last) in seen:
            continue
        seen.add((first, last))
        title = rng.choice(["General", "Minister", "Ambassador", "Professor", "Spokesman", "Commander"])
        pool.append(PoolActor(_slug(f"{first}-{last}"), f"{first} {last}", "person", (f"{title} {last}",), title))
    rng.shuffle(pool)  # the skewed draw favours the front of the pool: mix kinds there
    return pool


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-").replace("--", "-")


def _q(text: str) -> str:
    # JSON strings are valid YAML double-quoted scalars, so every value is written unambiguously
    return json.dumps(text, ensure_ascii=False)


def _skewed(rng: random.Random, pool: list[PoolActor], count: int) -> list[PoolActor]:
    # Zipf-like: low indices (shuffled once per pool) appear in most briefings, the tail in few
    chosen: dict[str, PoolActor] = {}
    while len(chosen) < count:
        index = min(int(rng.paretovariate(1.1)) - 1, len(pool) - 1)
        actor = pool[index]
        chosen.setdefault(actor.id, actor)
    return list(chosen.values())


def make_briefing(rng: random.Random, pool: list[PoolActor], number: int, claims: int = 50) -> tuple[str, str]:
    """One synthetic (YAML text, article text) pair with ``claims`` claims."""
    outlet = rng.choice(OUTLETS)
    cast = _skewed(rng, pool, rng.randint(8, 14))
    ids = {a.id: a.id for a in cast}
    people = [a for a in cast if a.kind == "person"]
    if people and rng.random() < 0.15:  # this briefing files a pooled person under a private id
        ids[people[0].id] = f"{people[0].id}-x"
    topics = rng.sample(TOPICS, rng.randint(3, 6))
    sentences: list[tuple[str, PoolActor | None]] = []
    while sum(1 for _, a in sentences if a) < claims:
        actor = rng.choice(cast)
        fill = dict(a=actor.aliases[0] if actor.aliases and rng.random() < 0.3 else actor.name, verb=rng.choice(VERBS),
                    n=f"{rng.randint(2, 60) * 50:,}", thing=rng.choice(THINGS), place=rng.choice(PLACES),
                    state=rng.choice(STATES), month=rng.choice(MONTHS))
        text = rng.choice(TEMPLATES).format(**fill)
        sentences.append((text[0].upper() + text[1:], actor))
        if rng.random() < 0.2:
            sentences.append((rng.choice(FILLER).format(**fill), None))
    paragraphs: list[list[tuple[str, PoolActor | None]]] = []
    while sentences:
        take = rng.randint(3, 6)
        paragraphs.append(sentences[:take])
        sentences = sentences[take:]
    article = "\n\n".join(" ".join(f"{s}." for s, _ in p) for p in paragraphs) + f"\n\nsource: {outlet}\n"
    # sections: consecutive runs of 1-4 paragraphs
    sections: list[tuple[str, list[int]]] = []
    n = 1
    while n <= len(paragraphs):
        run = list(range(n, min(n + rng.randint(1, 4), len(paragraphs) + 1)))
        sections.append((f"s-{len(sections) + 1}", run))
        n = run[-1] + 1
    section_of = {p: sid for sid, run in sections for p in run}
    outlet_id = _slug(outlet)
    lines = [
        "format: 1", "briefing:", f"  id: syn-{number:05d}", f"  title: {_q(f'Synthetic briefing {number}: {topics[0][1]}')}",
        f"  publication: {_q(outlet)}", f"  date: \"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\"",
        "  date_precision: day", "  language: en",
        f"  source: {{path: syn-{number:05d}.txt, sha256: {hashlib.sha256(article.encode()).hexdigest()}}}",
        f"  bluf: {_q(f'{cast[0].name} and others disagree about {topics[0][1].lower()}.')}",
        "  key_judgments:", "    - {id: kj-1, text: \"The picture is contested.\", claims: [c-1, c-2], confidence: moderate}",
        "topics:", *(f"  - {{id: {tid}, name: {_q(name)}}}" for tid, name in topics),
        "actors:", f"  - {{id: {outlet_id}, name: {_q(outlet)}, kind: media}}",
    ]
    for a in cast:
        if a.id == outlet_id:
            continue
        aliases = f", aliases: [{', '.join(_q(x) for x in a.aliases)}]" if a.aliases else ""
        role = f", role: {_q(a.role)}" if a.role else ""
        lines.append(f"  - {{id: {ids[a.id]}, name: {_q(a.name)}, kind: {a.kind}{role}{aliases}}}")
    lines.append("sections:")
    for sid, run in sections:
        lines.append(f"  - {{id: {sid}, title: {_q(f'Part {sid[2:]}')}, topics: [{rng.choice(topics)[0]}], "
                     f"paragraphs: [{', '.join(map(str, run))}]}}")
    lines.append("claims:")
    count = 0
    for pnum, paragraph in enumerate(paragraphs, 1):
        for sentence, actor in paragraph:
            if actor is None or count == claims:
                continue
            count += 1
            speaker = ids[actor.id]
            about = rng.sample([ids[a.id] for a in cast if a is not actor], k=rng.randint(0, 2))
            claim_topics = [t for t, _ in rng.sample(topics, rng.randint(1, 2))]
            lines += [
                f"  - id: c-{count}", f"    section: {section_of[pnum]}", f"    actor: {speaker}",
                f"    about: [{', '.join(about)}]", f"    topics: [{', '.join(claim_topics)}]",
                f"    quote: {_q(sentence)}", f"    summary: {_q(f'{actor.name} on {claim_topics[0]}: ' + sentence[-60:].strip())}",
                f"    kind: {rng.choice(CLAIM_KINDS)}",
                f"    via: [{outlet_id + ', ' if speaker != outlet_id else ''}{speaker}]",
            ]
            if rng.random() < 0.3:
                lines.append(f"    grading: {{reliability: {rng.choice('ABCDEF')}, credibility: {rng.randint(1, 6)}}}")
    lines += ["disputes:", "  - id: d-1", "    question: \"Is the threat real?\"", "    positions:",
              "      - {label: \"Yes\", claims: [c-1, c-3]}", "      - {label: \"No\", claims: [c-2]}"]
    return "\n".join(lines) + "\n", article


def generate_library(folder: Path, count: int, claims: int = 50, seed: int = 1) -> list[Path]:
    """Write ``count`` briefings (YAML + article) into ``folder``; return the YAML paths."""
    folder.mkdir(parents=True, exist_ok=True)
    rng, pool = random.Random(seed), actor_pool()
    paths = []
    for number in range(1, count + 1):
        yaml_text, article = make_briefing(rng, pool, number, claims)
        (folder / f"syn-{number:05d}.txt").write_text(article, encoding="utf-8")
        path = folder / f"syn-{number:05d}.yaml"
        path.write_text(yaml_text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    out = Path(sys.argv[1])
    made = generate_library(out, int(sys.argv[2]) if len(sys.argv) > 2 else 100)
    print(f"wrote {len(made)} briefings to {out}")
