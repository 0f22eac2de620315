"""Figures from numbers with units: "2.5 thousand people", "more than $100 million", "about 200 people"."""

from __future__ import annotations

import re
from dataclasses import dataclass

_APPROX = {
    "more than": "more-than", "over": "more-than", "at least": "more-than", "upwards of": "more-than",
    "less than": "less-than", "fewer than": "less-than", "under": "less-than", "up to": "less-than",
    "at most": "less-than", "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "nearly": "about", "almost": "about", "an estimated": "about", "estimated": "about",
}
_SCALE = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
          "bn": 1_000_000_000, "mn": 1_000_000, "m": 1_000_000, "k": 1_000}
_CURRENCY = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB"}
_CURRENCY_WORDS = {"dollars": "USD", "euros": "EUR", "pounds": "GBP", "rubles": "RUB", "roubles": "RUB",
                   "yuan": "CNY", "rupees": "INR"}
# Nouns that follow a number without being what it counts.
_NOT_UNITS = {"of", "and", "or", "to", "in", "on", "at", "the", "a", "an", "from", "for", "per", "–", "-",
              "years", "year", "days", "day", "months", "month", "hours", "am", "pm", "which", "that", "who"}

_FIGURE = re.compile(
    r"(?<![\w/.,])(?:(?P<approx>" + "|".join(sorted(map(re.escape, _APPROX), key=len, reverse=True)) + r")\s+)?"
    r"(?P<currency>US\$|[$€£¥₽])?\s?(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|mn|m|k)\b)?"
    r"(?:\s+(?P<unit>[A-Za-z][a-z-]+))?",
    re.IGNORECASE,
)
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


@dataclass(frozen=True)
class FigureDraft:
    value: int | float
    unit: str
    counts: str
    approx: str = "exact"


def _value(number: str, scale: str | None) -> int | float:
    value = float(number.replace(",", "")) * _SCALE.get((scale or "").lower(), 1)
    return int(value) if value.is_integer() else round(value, 6)


def extract_figures(text: str) -> list[FigureDraft]:
    """Every number in ``text`` that has a unit, with its value scaled and its approximation word read.

    Numbers with no unit (a year, "4 thousand" on its own, a date) are left out: a figure
    without a unit tells the reader nothing.
    """
    figures = []
    for match in _FIGURE.finditer(text):
        number, scale, unit = match["number"], match["scale"], match["unit"]
        if match.end("number") < len(text) and text[match.end("number")] in "/:":
            continue  # a date or a time, not a count
        currency = _CURRENCY.get(match["currency"] or "")
        if unit and unit.lower() in _CURRENCY_WORDS:
            currency = _CURRENCY_WORDS[unit.lower()]
        if currency:
            unit_name = currency
        elif unit and unit.lower() not in _NOT_UNITS and not (scale is None and _YEAR.match(number)):
            unit_name = unit.lower()
        else:
            continue
        approx = _APPROX.get((match["approx"] or "").lower(), "exact")
        # a symbol currency ends at the number or its scale; the next word is what the money is for
        last = "unit" if unit and (not match["currency"] or unit.lower() in _CURRENCY_WORDS) else None
        end = match.end(last) if last else max(match.end("number"), match.end("scale"))
        counts = text[match.start():end].strip()
        figures.append(FigureDraft(_value(number, scale), unit_name, counts, approx))
    return figures
