"""Whatever text it is given, the loader answers with a LoadResult and never raises.

Inputs come from four generators: arbitrary Unicode; YAML dumped from random nested data;
line-level mutations of the mini fixture; and the mini fixture's own structure with one value
swapped for random data (which gets past the YAML parser into the field checks and the builder).
"""

from __future__ import annotations

import copy
import traceback
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefing_tui.model import LoadResult, load_text
from briefing_tui.model.sanitize import is_safe

MINI = Path(__file__).resolve().parents[1] / "data" / "mini" / "briefing.yaml"
MINI_TEXT = MINI.read_text(encoding="utf-8")
MINI_LINES = MINI_TEXT.splitlines(keepends=True)
MINI_DATA = yaml.safe_load(MINI_TEXT)

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(text: str) -> LoadResult:
    """Load ``text`` as if it were the mini fixture; fail with the input and traceback if it raises."""
    try:
        result = load_text(text, MINI)
    except Exception:  # noqa: BLE001 - the property is precisely that nothing escapes
        pytest.fail(f"load_text raised on input {text[:2000]!r}\n{traceback.format_exc()}")
    assert isinstance(result, LoadResult)
    assert result.briefing is not None or result.problems, "no briefing and no problem saying why"
    assert all(p.mark.line >= 1 and p.mark.col >= 1 and p.message for p in result.problems)
    return result


def test_the_unmutated_fixture_is_clean() -> None:
    """The mutations below start from a valid briefing, so a problem found is the mutation's doing."""
    assert check(MINI_TEXT).ok


# -- 1. arbitrary text -------------------------------------------------------------------


@SETTINGS
@given(st.text())
@example("")
@example("\x00")
@example("\ufeff")
@example("- a\n- b")
@example("a: !!python/object:os.system ls")
@example("format: 1\nbriefing: {id: [x]}")
def test_arbitrary_text(text: str) -> None:
    check(text)


# -- 2. YAML from random data ------------------------------------------------------------

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
    st.sampled_from(["1", "2023-01", "no", "~", "0x1f", "1e999", ".nan", "c-count", "s-count", "smith"]),
)
keys = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["format", "briefing", "topics", "actors", "sections", "claims", "disputes", "id", "title",
                     "source", "path", "sha256", "quote", "section", "actor", "paragraphs", "positions", "claims",
                     "figures", "grading", "value", "credibility", "key_judgments", "date", "via", "about"]),
)
nested = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)),
    max_leaves=25,
)


@SETTINGS
@given(nested)
def test_yaml_dumped_from_random_data(data: object) -> None:
    check(yaml.safe_dump(data, allow_unicode=True))


# -- 3. line mutations of the mini fixture ------------------------------------------------


@st.composite
def mutated_mini(draw: st.DrawFn) -> str:
    lines = list(MINI_LINES)
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "replace-char"]))
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            line = lines[i]
            at = draw(st.integers(0, len(line)))
            chars = draw(st.text(min_size=1, max_size=3) | st.sampled_from([":", "- ", "[", "{", "\t", '"', "&a ", "*a", "!t "]))
            end = at + (1 if action == "replace-char" else 0)
            lines[i] = line[:at] + chars + line[end:]
    return "".join(lines)


@SETTINGS
@given(mutated_mini())
def test_mutations_of_the_mini_fixture(text: str) -> None:
    check(text)


# -- 4. the mini structure with one value replaced ---------------------------------------


def _paths(value: object, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


MINI_PATHS = _paths(MINI_DATA)[1:]


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(MINI_PATHS), nested), min_size=1, max_size=3))
def test_mini_with_values_replaced(replacements: list[tuple[tuple, object]]) -> None:
    data = copy.deepcopy(MINI_DATA)
    for path, value in replacements:
        target = data
        try:
            for step in path[:-1]:
                target = target[step]
            target[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier replacement removed this path
    check(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


# -- crashes found by the generators above, kept as regressions ---------------------------


def test_a_very_long_integer_is_a_problem_not_a_crash() -> None:
    result = load_text(MINI_TEXT.replace("paragraphs: [1]", "paragraphs: [" + "1" * 5000 + "]"), MINI)
    assert result.problems


def test_problem_messages_are_safe_to_print() -> None:
    result = load_text('a: 1\n"\\e]0;pwned\\a": 2\n"\\e]0;pwned\\a": 3\n', MINI)
    assert result.problems and all(is_safe(p.message) for p in result.problems)
