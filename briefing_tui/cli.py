"""Command line: ``briefing-tui [PATH]`` reads, ``validate``, ``list`` and ``export`` script the content.

Textual is imported only when the reader is launched, so the scripting commands start fast and
work where no terminal UI could.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .model import LoadResult, load_paths

if TYPE_CHECKING:
    import argparse

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2
COMMANDS = ("validate", "list", "export", "draft", "anchor")


def bundled_content() -> Path:
    """The briefings that ship with the project (``content/`` beside the package)."""
    return Path(__file__).resolve().parent.parent / "content"


def _paths(raw: Sequence[str]) -> list[Path]:
    return [Path(p) for p in raw] if raw else [bundled_content()]


def _cache(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The parse cache, unless --no-cache."""
    if getattr(args, "no_cache", False):
        return None
    from .model.cache import ParseCache

    return ParseCache.default()


def _print_problems(results: list[LoadResult]) -> None:
    for result in results:
        for problem in result.problems:
            print(problem, file=sys.stderr)


def _exit_code(results: list[LoadResult]) -> int:
    if any(r.unusable for r in results):
        return EXIT_UNUSABLE
    if any(r.problems for r in results):
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    if args.watch:
        from .authoring.watch import run_validate_watch

        return run_validate_watch(_paths(args.paths), interval=args.interval)
    results = load_paths(_paths(args.paths), cache=_cache(args))
    _print_problems(results)
    for result in results:
        if result.ok and not args.quiet:
            b = result.briefing
            assert b is not None
            print(f"{result.path}: ok ({len(b.sections)} sections, {len(b.actors)} actors, "
                  f"{len(b.claims)} claims, {len(b.disputes)} disputes)")
    return _exit_code(results)


def cmd_list(args: argparse.Namespace) -> int:
    results = load_paths(_paths(args.paths), cache=_cache(args))
    for result in results:
        b = result.briefing
        status = "ok" if result.ok else f"{len(result.problems)} problem(s)"
        if b is None:
            print(f"{result.path}\t-\t{status}")
        else:
            print(f"{result.path}\t{b.id}\t{b.date}\t{b.title}\t{len(b.claims)} claims\t{status}")
    return _exit_code(results)


def cmd_export(args: argparse.Namespace) -> int:
    from .export.json_export import to_json
    from .export.markdown import dispute_markdown, to_markdown
    from .query.language import parse

    results = load_paths([Path(args.path)], cache=_cache(args))
    _print_problems(results)
    usable = [r for r in results if r.briefing is not None]
    if not usable:
        return EXIT_UNUSABLE
    if len(usable) > 1:
        print(f"{args.path}: holds {len(usable)} briefings; export one file at a time", file=sys.stderr)
        return EXIT_UNUSABLE
    briefing = usable[0].briefing
    assert briefing is not None
    if args.notes:
        from .export.notes_markdown import notes_to_markdown
        from .state import StateStore

        store = StateStore.open(briefing.id)
        for warning in store.warnings:
            print(warning, file=sys.stderr)
        return _write(notes_to_markdown(briefing, store), args.output)
    if args.dispute:
        dispute = briefing.dispute_by_id.get(args.dispute)
        if dispute is None or args.format != "markdown":
            known = ", ".join(briefing.dispute_by_id) or "none"
            print(f"{args.path}: no dispute '{args.dispute}' (known: {known})" if dispute is None
                  else "--dispute exports Markdown only", file=sys.stderr)
            return EXIT_UNUSABLE
        return _write(dispute_markdown(briefing, dispute), args.output)
    # --actor and --topic go through the reader's query language: names, aliases and prefixes
    # work, and a miss comes back with "did you mean"
    wanted = [f'involves:"{a}"' for a in args.actor] + [f'topic:"{t}"' for t in args.topic]
    parsed = parse(" ".join(wanted), briefing)
    if parsed.errors:
        for error in parsed.errors:
            print(f"{args.path}: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    claim_filter = parsed.filter
    claims = None if claim_filter.is_empty else claim_filter.apply(briefing)
    description = " · ".join(f"{t.field}: {t.value}" for t in claim_filter.terms)
    text = to_json(briefing, claims) if args.format == "json" else to_markdown(briefing, claims, description)
    return _write(text, args.output)


def _write(text: str, output: str | None) -> int:
    if output:
        Path(output).write_text(text, encoding="utf-8")
        print(f"wrote {output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_read(args: argparse.Namespace) -> int:
    return read(args.path, use_cache=not args.no_cache)


def read(path: str | None = None, use_cache: bool = True) -> int:
    """Open the reader on ``path`` (a file or a folder; None: the bundled content)."""
    from .tui.launch import launch  # Textual is only needed here

    cache = None
    if use_cache:
        from .model.cache import ParseCache

        cache = ParseCache.default()
    return launch(_paths([path] if path else []), cache=cache)


def _command_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(prog="briefing-tui", description="Scripting commands for briefings.")
    parser.add_argument("--version", action="version", version=f"briefing-tui {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="check briefings against their format and source text")
    validate.add_argument("paths", nargs="*", help="YAML files or folders (default: the bundled content)")
    validate.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    validate.add_argument("--watch", action="store_true", help="re-validate on every save; print only what changed")
    validate.add_argument("--interval", type=float, default=1.0, help="seconds between checks with --watch")
    validate.add_argument("--no-cache", action="store_true", help="parse and validate every file afresh")
    validate.set_defaults(run=cmd_validate)
    listing = sub.add_parser("list", help="list briefings, one per line, tab-separated")
    listing.add_argument("paths", nargs="*", help="YAML files or folders (default: the bundled content)")
    listing.add_argument("--no-cache", action="store_true", help="parse every file afresh")
    listing.set_defaults(run=cmd_list)
    export = sub.add_parser("export", help="write a briefing (or part of it) as JSON or Markdown")
    export.add_argument("--format", choices=("json", "markdown"), default="markdown")
    export.add_argument("--actor", action="append", default=[], help="only claims by or about this actor id")
    export.add_argument("--topic", action="append", default=[], help="only claims with this topic id")
    export.add_argument("--dispute", help="export one dispute (Markdown)")
    export.add_argument("--notes", action="store_true",
                        help="export your notes and bookmarks on this briefing, beside the claims they annotate (Markdown)")
    export.add_argument("-o", "--output", help="write to this file instead of standard output")
    export.add_argument("path", help="a briefing YAML file")
    export.add_argument("--no-cache", action="store_true", help="parse the file afresh")
    export.set_defaults(run=cmd_export)
    from .authoring.commands import register as register_authoring

    register_authoring(sub)
    return parser


def _reader_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="briefing-tui",
        description="Read a briefing in the terminal. Other commands: " + ", ".join(COMMANDS) + " (see COMMAND --help).",
    )
    parser.add_argument("--version", action="version", version=f"briefing-tui {__version__}")
    parser.add_argument("path", nargs="?", help="a briefing YAML file or a folder of them (default: the bundled content)")
    parser.add_argument("--no-cache", action="store_true",
                        help="parse and validate every briefing afresh instead of using the parse cache")
    parser.set_defaults(run=cmd_read)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv:
        parser = _command_parser() if argv[0] in COMMANDS else _reader_parser()
        args = parser.parse_args(argv)
        run = lambda: int(args.run(args))  # noqa: E731
    else:
        # The everyday start, the bare command, has nothing to parse: building a parser (and
        # importing argparse and gettext) would be ~2 ms of the wait for the first frame.
        run = read
    try:
        return run()
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `briefing-tui export ... | head` is normal use
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
