"""How the extractor reads batches of short texts written for the purpose (never taken from the
dev set or any article), each with the claims the annotation rules of ../shared/devset give.

    python bench/bench_texts.py [--show] [--strict] [BATCH ...]

The batches are in bench/data/texts/*.json (id, text, `must`: claims that must come out,
`optional`: claims that may; `published`: the article's date, YYYY-MM-DD, when not the
default below). A text is right when every `must` claim comes out and nothing
else but `optional` ones; a claim matches on its place (as written or by its gazetteer name,
either containing the other, or a spelling the gazetteer gives the same place), kind, gaining
side and claimant side ("*" for any). Dates, precision, history and hedge
flags are checked where a case gives them and counted apart. Articles are published Wednesday
15 May 2024 unless the case says otherwise. The `heldout_*` batches were run once before any
rule was written from them (A 87 of 100, B 80 of 102, C 41 of 65, D 16 of 50, E 19 of 50, F 25
of 60, G 24 of 60, H 17 of 50, I 20 of 50, J 19 of 50, K 13 of 50, L 11 of 50, M 10 of 50); see docs/extraction.md. Figures only; nothing is
asserted (tests/events/test_text_batches.py holds each batch to the figure docs/extraction.md
records).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from events import Article, PublishedDate, extract_claims, load_rules  # noqa: E402
from events.articles import article_id  # noqa: E402
from events.records import Claim  # noqa: E402
from geodata import Gazetteer  # noqa: E402

BATCHES = ROOT / "bench" / "data" / "texts"
PUBLISHED = PublishedDate(dt.date(2024, 5, 15))


def matches(claim: Claim, expected: dict, gazetteer: Gazetteer | None = None) -> bool:
    place = expected["place"].lower()
    names = [n.lower() for n in (claim.settlement, claim.place_name) if n]
    # a place is the same under another spelling the gazetteer knows ("Selidovo" for Selydove)
    same_place = any(place in name or name in place for name in names) or gazetteer is not None and \
        _same_in_gazetteer(claim, expected["place"], gazetteer)
    return same_place and str(claim.event_type) in expected["types"] \
        and expected["gain"] in ("*", str(claim.gaining_side)) \
        and expected.get("cside", "*") in ("*", str(claim.claimant_side))


def _same_in_gazetteer(claim: Claim, place: str, gazetteer: Gazetteer) -> bool:
    """The claim's place is the expected one under another spelling: its resolved place is one the
    expected name may be, or (a name with namesakes the claim could not choose between: "Ocheretino")
    the name as written may be one of the same places, as the dev set's scorer matches a written name
    to its canonical one."""
    expected = {c.place.geonameid for c in gazetteer.exact(place)}
    if claim.geonameid is not None:
        return claim.geonameid in expected
    return bool(expected & {c.place.geonameid for c in gazetteer.exact(claim.settlement)})


def secondary(claim: Claim, expected: dict) -> list[str]:
    checks = [("date", str(claim.event_date)), ("prec", str(claim.date_precision)), ("bg", claim.background),
              ("hedged", claim.hedged)]
    return [f"{key} {got} != {expected[key]}" for key, got in checks if key in expected and got != expected[key]]


def _claims(case: dict, gazetteer: Gazetteer, rules) -> list[Claim]:
    text = case["text"]
    published = PublishedDate(dt.date.fromisoformat(case["published"])) if case.get("published") else PUBLISHED
    article = Article(id=article_id(text), path="text", text=text, source="example", published=published)
    return list(extract_claims(article, gazetteer, rules).claims)


def run_case(case: dict, gazetteer: Gazetteer, rules, claims: list[Claim] | None = None) -> tuple[bool, list[str], list[str]]:
    claims = _claims(case, gazetteer, rules) if claims is None else claims
    used: set[int] = set()
    problems, seconds = [], []
    for expected in case["must"]:
        hit = next((i for i, c in enumerate(claims) if i not in used and matches(c, expected, gazetteer)), None)
        if hit is None:
            problems.append(f"missing {expected['place']} {'|'.join(expected['types'])} {expected['gain']}")
            continue
        used.add(hit)
        seconds += secondary(claims[hit], expected)
    for i, claim in enumerate(claims):
        if i not in used and not any(matches(claim, o, gazetteer) for o in case["optional"]):
            problems.append(f"extra {claim.settlement} {claim.event_type} {claim.gaining_side} ({claim.claimant})")
    return not problems, problems, seconds


_GAIN_KINDS = {"capture": "gain", "recapture": "gain"}  # merged, as the dev set's score.py merges them


def strict_counts(case: dict, claims: list[Claim], gazetteer: Gazetteer) -> tuple[int, int, int]:
    """(matched, predicted, gold) as ../shared/devset/score.py counts its strict figure: a claim
    matches a `must` claim on place, kind (capture and recapture one kind) and gaining side (any
    side for contested), one claim per gold claim; the claimant is not scored. Claims that match
    an `optional` claim count neither way."""
    def kind(t: str) -> str:
        return _GAIN_KINDS.get(t, t)

    def same(claim: Claim, expected: dict) -> bool:
        if not matches(claim, dict(expected, types=[str(claim.event_type)], gain="*", cside="*"), gazetteer):
            return False
        return kind(str(claim.event_type)) in {kind(t) for t in expected["types"]} and (
            expected["gain"] in ("*", str(claim.gaining_side)) or "contested" in expected["types"])

    pool = list(claims)
    matched = 0
    for expected in case["must"]:
        hit = next((c for c in pool if same(c, expected)), None)
        if hit is not None:
            pool.remove(hit)
            matched += 1
    optional = sum(1 for c in pool if any(same(c, o) for o in case["optional"]))
    return matched, len(claims) - optional, len(case["must"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("batches", nargs="*", help="batch names (default: all)")
    parser.add_argument("--show", action="store_true", help="print every text that is not right, and why")
    parser.add_argument("--strict", action="store_true",
                        help="also print the dev set scorer's strict figure (place, kind, side) on the `must` claims")
    args = parser.parse_args()
    gazetteer, rules = Gazetteer.load(), load_rules()
    paths = [BATCHES / f"{b}.json" for b in args.batches] if args.batches else sorted(BATCHES.glob("*.json"))
    for path in paths:
        cases = json.loads(path.read_text(encoding="utf-8"))
        right = with_secondary = 0
        strict = [0, 0, 0]
        for case in cases:
            claims = _claims(case, gazetteer, rules)
            ok, problems, seconds = run_case(case, gazetteer, rules, claims)
            if args.strict:
                strict = [a + b for a, b in zip(strict, strict_counts(case, claims, gazetteer))]
            right += ok
            with_secondary += bool(seconds)
            if args.show and (problems or seconds):
                print(f"  [{case['id']}] {case['text'][:160]}")
                for p in problems + seconds:
                    print(f"      {p}")
        print(f"{path.stem}: {right} right of {len(cases)} ({right / len(cases):.0%}); "
              f"{with_secondary} with a wrong date, history or hedge flag")
        if args.strict:
            matched, predicted, gold = strict
            precision, recall = matched / predicted if predicted else 0.0, matched / gold if gold else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            print(f"  strict precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f} "
                  f"({matched} of {gold} claims, {predicted} predicted)")


if __name__ == "__main__":
    main()
