"""Authoring tools: draft a briefing from an article, re-anchor quotes, watch validation, confirm guesses.

Modules, one purpose each: :mod:`draft` (article -> briefing YAML, built from :mod:`actors`,
:mod:`attribution`, :mod:`figures`, :mod:`article`), :mod:`anchor` (find quotes again after the source
changed), :mod:`watch` (re-validate on save), :mod:`review` (confirm a proposed item), :mod:`commands`
(the CLI wiring). Nothing here imports Textual; submodules are imported on use, so loading the package
costs nothing.
"""
