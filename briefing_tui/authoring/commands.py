"""CLI wiring for the authoring commands: ``draft`` and ``anchor`` (``validate --watch`` calls :mod:`watch`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .watch import run_validate_watch

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2
COMMANDS = ("draft", "anchor")

__all__ = ["COMMANDS", "cmd_anchor", "cmd_draft", "register", "run_validate_watch"]


def cmd_draft(args: argparse.Namespace) -> int:
    """Draft a briefing from a plain-text article and check that it validates."""
    from ..model import load_briefing
    from .draft import draft_briefing

    article = Path(args.article)
    output = Path(args.output) if args.output else Path("content") / f"{article.stem}.yaml"
    try:
        result = draft_briefing(article, output, force=args.force)
    except FileExistsError as error:
        print(error, file=sys.stderr)
        return EXIT_UNUSABLE
    except (OSError, UnicodeDecodeError, ValueError) as error:
        print(f"{article}: cannot draft: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    print(f"wrote {output}: {result.actors} actors, {result.sections} sections, {result.claims} claims, "
          "all marked 'review: proposed'")
    problems = load_briefing(output).problems
    for problem in problems:
        print(problem, file=sys.stderr)
    return EXIT_PROBLEMS if problems else EXIT_OK


def cmd_anchor(args: argparse.Namespace) -> int:
    """Find quotes again after the source text changed; exit 1 when some are gone."""
    from ..model.problems import ContentRefused
    from .anchor import anchor_briefing

    try:
        report = anchor_briefing(Path(args.path), old_source=args.old, write=not args.dry_run)
    except (OSError, KeyError, TypeError, ContentRefused) as error:
        print(f"{args.path}: cannot anchor: {getattr(error, 'message', error)}", file=sys.stderr)
        return EXIT_UNUSABLE
    for line in report.lines():
        print(line)
    return report.exit_code


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``draft`` and ``anchor`` to the ``briefing-tui`` command parser."""
    draft = subparsers.add_parser("draft", help="draft a briefing from a plain-text article (everything proposed)")
    draft.add_argument("article", help="the article: UTF-8 text, title on the first line, optional 'source: NAME' last")
    draft.add_argument("-o", "--output", help="the briefing to write (default: content/ARTICLE.yaml)")
    draft.add_argument("--force", action="store_true", help="overwrite the output if it exists")
    draft.set_defaults(run=cmd_draft)
    anchor = subparsers.add_parser("anchor", help="re-anchor quotes after the source text changed")
    anchor.add_argument("path", help="a briefing YAML file")
    anchor.add_argument("--old", help="the source text before the change, to find quotes by their surroundings")
    anchor.add_argument("--dry-run", action="store_true", help="report only; do not write the file")
    anchor.set_defaults(run=cmd_anchor)
