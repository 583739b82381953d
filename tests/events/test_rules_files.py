"""Every rules file loads, every entry's example reads as it says, and a broken file is named."""

import datetime as dt
import shutil
import tomllib

import pytest

from events import Article, PublishedDate, RulesError, extract_claims, load_rules
from events.articles import article_id
from events.rules import RULES_DIR

TRIGGERS = tomllib.loads((RULES_DIR / "triggers.toml").read_text(encoding="utf-8"))["trigger"]
CLAIMANTS = tomllib.loads((RULES_DIR / "claimants.toml").read_text(encoding="utf-8"))


def claims_of(text, gazetteer, rules):
    article = Article(id=article_id(text), path="example", text=text, source="example",
                      published=PublishedDate(dt.date(2024, 5, 15)))
    return extract_claims(article, gazetteer, rules).claims


@pytest.mark.parametrize("entry", TRIGGERS, ids=[f"{t['type']}:{t['example'][:40]}" for t in TRIGGERS])
def test_each_trigger_example_extracts_what_it_says(gazetteer, rules, entry):
    claims = claims_of(entry["example"], gazetteer, rules)
    if (entry.get("needs_claim") or entry["type"] == "denial") and any(c.event_type.name.lower() == entry["type"] for c in claims):
        # (a denial that answers a claim has the claim in its example too: only the denial is the trigger's)
        claims = [c for c in claims if c.event_type.name.lower() == entry["type"]]
    assert [(c.settlement, c.gaining_side) for c in claims] == [(entry["expect"]["place"], entry["expect"]["gains"])]


@pytest.mark.parametrize("entry", CLAIMANTS["claimant"], ids=[c["name"] for c in CLAIMANTS["claimant"]])
def test_each_claimant_example_is_attributed_to_it(gazetteer, rules, entry):
    claims = claims_of(entry["example"], gazetteer, rules)
    # a claimant of the context's side is named after the side its sentence names, if one
    names = {entry["name"].replace("{side} ", "")} | {entry["name"].replace("{side}", s) for s in ("Ukrainian", "Russian")} \
        | set(entry.get("names", {}).values())  # (or the name its table gives that side: "the MoD" is Moscow's)
    assert claims and len({c.claimant for c in claims}) == 1 and claims[0].claimant in names


@pytest.mark.parametrize("entry", CLAIMANTS["person"], ids=lambda e: e["example"][:40])
def test_named_people_examples(gazetteer, rules, entry):
    claims = claims_of(entry["example"], gazetteer, rules)
    assert [(c.claimant, c.claimant_side) for c in claims] == [tuple(entry["expect"])]


@pytest.mark.parametrize("entry", CLAIMANTS["local"], ids=lambda e: e["example"][:40])
def test_local_authorities_examples(gazetteer, rules, entry):
    claims = claims_of(entry["example"], gazetteer, rules)
    assert [(c.claimant, c.claimant_side) for c in claims] == [("Pechenihy authorities", "UA")]


def test_post_holders_only_count_while_in_post(gazetteer, rules):
    # Syrskyi became commander-in-chief in February 2024; an older article's "Syrsky said" is not him
    # in that post, yet still Ukraine's voice
    text = "General Syrsky said Russian troops had entered Bakhmut."
    old = Article(id=article_id(text), path="x", text=text, published=PublishedDate(dt.date(2023, 3, 1)))
    claims = extract_claims(old, gazetteer, rules).claims
    assert [(c.claimant, c.claimant_side) for c in claims] == [("Oleksandr Syrskyi", "UA")]


@pytest.mark.parametrize("file, damage, message", [
    ("triggers.toml", lambda s: s.replace('type = "partial"', 'type = "annexation"', 1), "type must be one of"),
    ("triggers.toml", lambda s: s.replace("(?:fall|loss|surrender) of", "(?:fall|loss|surrender of", 1),
     "bad regular expression"),
    ("claimants.toml", lambda s: s.replace('side = "RU"', 'side = "Russia"', 1), "side must be one of"),
    ("hedges.toml", lambda s: "in_sentence = [", "cannot be read"),
    ("dates.toml", lambda s: s.replace('precision = "week"', 'precision = "fortnight"', 1), "precision"),
    ("dates.toml", lambda s: s.replace("\nweek_end = true\n", '\nweek_end = "yes"\n', 1), "week_end must be true or false"),
])
def test_a_broken_rules_file_is_named_with_what_is_wrong(tmp_path, file, damage, message):
    rules_dir = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules_dir)
    path = rules_dir / file
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(RulesError, match=message) as info:
        load_rules(rules_dir)
    assert file in str(info.value)


def test_extractor_version_follows_the_rules(tmp_path, rules):
    same, edited = tmp_path / "same", tmp_path / "edited"
    shutil.copytree(RULES_DIR, same)
    shutil.copytree(RULES_DIR, edited)
    assert load_rules(same).version == rules.version
    rules_dir = edited
    path = rules_dir / "hedges.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('"reportedly"', '"reportedly", "supposedly"'), encoding="utf-8")
    assert load_rules(rules_dir).version != rules.version


def test_the_anchor_indexes_never_skip_a_pattern_that_matches(rules, sample_articles):
    # triggers and claimants only run on sentences holding one of their literal anchors; a wrong
    # anchor would silently disable a rule, so check every match in every example and sample sentence
    from events.sentences import split_sentences

    sentences = [t["example"] for t in TRIGGERS] + [c["example"] for c in CLAIMANTS["claimant"]] + [
        s.text for a in sample_articles.values() for s in split_sentences(a.text, rules)]
    for sentence in sentences:
        triggers = set(rules.trigger_index.candidates(sentence))
        claimants = set(rules.claimant_index.candidates(sentence))
        for i, trigger in enumerate(rules.triggers):
            assert i in triggers or not trigger.regex.search(sentence), (trigger.regex.pattern[:60], sentence)
        for i, claimant in enumerate(rules.claimants):
            assert i in claimants or not claimant.regex.search(sentence), (claimant.name, sentence)
        assert rules.irrealis_index.holds(sentence) == (rules.irrealis.search(sentence) is not None), sentence
