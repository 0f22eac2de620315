"""Filters, facets and the query language: pure functions over the model. Imports no Textual."""

from .facets import Facets, disputes_involving, facet_counts
from .filters import Annotations, ClaimFilter, Term
from .language import ParsedQuery, describe, parse, to_query

__all__ = [
    "Annotations", "ClaimFilter", "Facets", "ParsedQuery", "Term", "describe", "disputes_involving",
    "facet_counts", "parse", "to_query",
]
