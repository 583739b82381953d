"""Offline geocoding of settlement names in Ukraine and the Russian border oblasts.

>>> from geodata import Gazetteer, resolve
>>> gazetteer = Gazetteer.load()
>>> resolve("Pechenegi", gazetteer).place.name
'Pechenihy'
"""

from geodata.errors import GazetteerCorrupt, GazetteerMissing, GeodataError, OnlineLookupFailed
from geodata.gazetteer import Candidate, Gazetteer
from geodata.normalize import normalize_name
from geodata.records import Mention, Place, PlaceKind, Resolution, Status
from geodata.resolve import parse_hint, resolve, resolve_mentions
from geodata.scan import find_places
from geodata.translit import transliterate

__all__ = [
    "Candidate", "Gazetteer", "GazetteerCorrupt", "GazetteerMissing", "GeodataError", "Mention",
    "OnlineLookupFailed", "Place", "PlaceKind", "Resolution", "Status", "find_places", "normalize_name",
    "parse_hint", "resolve", "resolve_mentions", "transliterate",
]
