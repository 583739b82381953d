"""From news articles to dated, attributed, geocoded control-change claims.

>>> from events import load_rules, load_paths, extract_claims
>>> from geodata import Gazetteer
"""

from events.articles import LoadOptions, Skipped, load_bytes, load_paths
from events.errors import ArticleError, EventsError, RulesError, StoreError
from events.extract import Extraction, extract_claims
from events.records import Article, Claim, DatePrecision, Event, EventStatus, EventType, PublishedDate, Side
from events.rules import Rules, load_rules
from events.status import group_events
from events.store import Store

__all__ = [
    "Article", "ArticleError", "Claim", "DatePrecision", "Event", "EventStatus", "EventType", "EventsError",
    "Extraction", "LoadOptions", "PublishedDate", "Rules", "RulesError", "Side", "Skipped", "Store", "StoreError",
    "extract_claims", "group_events", "load_bytes", "load_paths", "load_rules",
]
