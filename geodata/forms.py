"""Whether a settlement is written as Moscow writes it: in its Russian form (Pechenegi for
Pechenihy, Avdeyevka for Avdiivka) or by a name Ukraine dropped in 2016 (Artemovsk for Bakhmut).
A text that keeps to those forms tells the war in Moscow's words (events.drafts reads it so)."""

from __future__ import annotations

from functools import lru_cache

from geodata.gazetteer import Gazetteer
from geodata.normalize import normalize_name
from geodata.records import Place
from geodata.translit import transliterate_variants


#: Endings of Russian forms of a name whose Ukrainian form ends otherwise (-ske, -ivka, -e, -yne)
RUSSIAN_ENDINGS = ("skoye", "skoe", "ovka", "evka", "oye", "aya", "ovo", "evo", "ino")


@lru_cache(maxsize=8192)
def _forms(name: str, name_uk: str, name_ru: str) -> tuple[frozenset[str], frozenset[str]]:
    """(the keys of the place's Russian romanisations, the keys of its official and Ukrainian ones)."""
    russian = frozenset(normalize_name(v) for v in transliterate_variants(name_ru, "ru")) if name_ru else frozenset()
    official = {normalize_name(name)} | (
        {normalize_name(v) for v in transliterate_variants(name_uk, "uk")} if name_uk else set())
    return russian, frozenset(official)


def moscow_form(written: str, place: Place, gazetteer: Gazetteer) -> bool:
    """True when ``written`` names ``place`` by its Russian form only, or by a former name."""
    key = normalize_name(written.removesuffix("'s").removesuffix("’s"))
    if place.geonameid in gazetteer.former_names().get(key, frozenset()):
        return True
    if key == normalize_name(place.name):
        return False  # (most names: the official one, asked first, as romanising is dear)
    if not place.name_ru:
        # no Russian name on record: a Russian ending where the official name has none ("Umanskoye"
        # for Umanske, "Yasnobrodovka" for Yasnobrodivka)
        official_key = normalize_name(place.name)
        return any(key.endswith(end) and not official_key.endswith(end) for end in RUSSIAN_ENDINGS)
    russian, official = _forms(place.name, place.name_uk, place.name_ru)
    return key in russian and key not in official


def kyiv_form(written: str, place: Place) -> bool:
    """True when ``written`` names ``place`` by its official or Ukrainian form where the Russian one
    differs ("Avdiivka", not "Avdeyevka"; "Donetsk" is both): a text that writes so does not keep to
    Moscow's words."""
    if not place.name_ru:
        return False
    key = normalize_name(written.removesuffix("'s").removesuffix("’s"))
    russian, official = _forms(place.name, place.name_uk, place.name_ru)
    return key in official and key not in russian
