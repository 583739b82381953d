"""Score extracted claims against hand-coded gold claims, and say what went wrong where.

The matching is the dev set's reference scorer's (``../shared/devset/score.py``), so the figures
agree with it on the same export: claims are matched per article on the settlement (as written or
its official name, normalised); each gold row matches at most one claim. On the matches we count
type, gaining side and day-exact date; **strict** counts a claim only with the right place, the
right kind of change (capture and recapture are one "gain"; a row's ``alt label`` is accepted)
and the right gaining side (any side for a contested row).

Beyond the figures, ``report`` lists every missed gold claim, every claim that matches none and
every wrong type, side, date or claimant side, article by article, with the sentence and what was
expected: what an engineer needs to fix a rule, or an analyst to check a coder's sheet.

Gold CSV columns: article, settlement, canonical_name, event_type, gaining_side, claimant,
event_date, date_precision, evidence, notes (oblast optional). Negatives: article, settlement,
why_negative, canonical_name. Claims: the columns of ``python -m events export --format csv``.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from events.errors import EventsError

__all__ = ["GOLD_COLUMNS", "CLAIM_COLUMNS", "EvaluationError", "Evaluation", "Mismatch", "evaluate", "read_rows", "report", "claimant_side_of", "article_key", "name_key"]

#: gold type names -> the product's
_GOLD_TYPE = {"claim_denied": "denial", "partial_capture": "partial"}
_GAIN = {"capture": "gain", "recapture": "gain"}
_ALT_LABEL = re.compile(r"alt label:?\s*([a-z_]+)")
#: the columns a gold file and a claims file must have at least
GOLD_COLUMNS = ("article", "settlement", "event_type", "gaining_side")
CLAIM_COLUMNS = ("article", "settlement", "event_type", "gaining_side")


class EvaluationError(EventsError, ValueError):
    """A gold, negatives or claims file cannot be scored; the message says which and why."""


def name_key(name: str | None) -> str:
    """A settlement name as the scorer compares it: ASCII letters and spaces, lower case, no
    apostrophes ("Avdiivka’s" = "avdiivkas"), no lone trailing "s"."""
    ascii_name = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    ascii_name = re.sub(r"['’ʼ`]", "", ascii_name)
    ascii_name = re.sub(r"[^a-z]+", " ", ascii_name).strip()
    return re.sub(r"\bs\b$", "", ascii_name).strip()


def article_key(value: str | None) -> str:
    """An article's key from its id or file path: ".../articles/d007.txt" -> "d007"."""
    base = (value or "").rsplit("/", 1)[-1]
    m = re.match(r"([a-z]*)(\d+)", base)
    return m.group(1) + m.group(2).zfill(3) if m else base


def _gold_type(value: str) -> str:
    return _GOLD_TYPE.get(value, value)


def _kinds(gold: Mapping[str, str]) -> set[str]:
    """The kinds of change a gold row accepts (strict scoring)."""
    kinds = {_GAIN.get(_gold_type(gold["event_type"]), _gold_type(gold["event_type"]))}
    alt = _ALT_LABEL.search(gold.get("notes") or "")
    if alt:
        kinds.add(_GAIN.get(_gold_type(alt.group(1)), _gold_type(alt.group(1))))
    return kinds


def _names(row: Mapping[str, str], gold: bool) -> set[str]:
    other = row.get("canonical_name") if gold else row.get("place_name")
    return {k for k in (name_key(row.get("settlement")), name_key(other)) if k}


def _strict_hit(gold: Mapping[str, str], claim: Mapping[str, str]) -> bool:
    kind = _GAIN.get(claim.get("event_type", ""), claim.get("event_type", ""))
    return kind in _kinds(gold) and (claim.get("gaining_side") == gold["gaining_side"]
                                     or gold["event_type"] == "contested")


_SIDE_WORDS = (
    ("UA", re.compile(r"\b(?:Ukrain\w*|Kyiv|Kiev|DeepState|Deep State|Zelensk\w*|Syrsk\w*|General Staff of the Armed "
                      r"Forces of Ukraine|Khortytsia|Tavri[ai]\w*|SBU|HUR)\b", re.I)),
    ("RU", re.compile(r"\b(?:Russia\w*|Moscow|Kremlin|TASS|RIA|Sputnik|RT|Wagner|Prigozhin|Shoigu|Gerasimov|Putin|"
                      r"Pushilin|Saldo|DPR|LPR|pro-Kremlin|Kadyrov|Belousov|Konashenkov)\b", re.I)),
)


_RUSSIAN_STATE_OUTLET = re.compile(r"\b(?:TASS|RIA(?: Novosti)?|Sputnik|RT|Russia Today|Izvestia|Zvezda|Rossiya \d+|Channel One)\b")


def claimant_side_of(claimant: str) -> str:
    """The side a gold coder's claimant text names ("Hanna Maliar (Ukrainian Deputy Defence
    Minister)" -> UA), "none" for the outlet's own voice and neutral parties, "" when unclear."""
    text = claimant or ""
    if text.lower().startswith(("journalist", "outlet")):
        # (the own voice of a Russian state outlet is Moscow's: "journalist (TASS)", "outlet voice, RT-style copy")
        return "RU" if _RUSSIAN_STATE_OUTLET.search(text) else "none"
    if re.search(r"\b(?:ISW|Institute for the Study of War|NATO)\b", text):
        return "none"
    found = {side for side, pattern in _SIDE_WORDS if pattern.search(text)}
    return found.pop() if len(found) == 1 else ""


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One thing to look at: a missed gold claim, a spurious claim, or a matched claim with a
    wrong field."""

    kind: str  # missed | spurious | type | side | date | claimant side
    article: str
    settlement: str
    expected: str  # what the gold row says ("" for a spurious claim)
    found: str  # what the extractor said ("" for a missed claim)
    sentence: str  # the claim's evidence, or the gold evidence for a missed claim
    note: str = ""  # the gold notes, or why a spurious claim is on a known negative
    gold_sentence: str = ""  # for a wrong field: the gold evidence, when it is another sentence


@dataclass
class Evaluation:
    gold: int
    predicted: int
    matched: int
    unmatched: int
    on_negatives: int
    type_accuracy: float
    side_accuracy: float
    date_accuracy: float
    dated: int  # matched gold rows dated to the day: the date accuracy's base
    claimant_side_accuracy: float
    claimant_sided: int  # strictly matched rows whose gold claimant names a side (or none): its base
    precision: float
    recall: float
    f1: float
    strict_precision: float
    strict_recall: float
    strict_f1: float
    strict: int
    mismatches: list[Mismatch] = field(default_factory=list)

    def figures(self) -> list[str]:
        """The headline figures, in the reference scorer's words and order."""
        return [
            f"gold {self.gold}, predicted {self.predicted}, matched {self.matched}, unmatched predictions "
            f"{self.unmatched} (on gold negatives {self.on_negatives})",
            f"type acc {self.type_accuracy:.2f}, side acc {self.side_accuracy:.2f}, day-exact date acc "
            f"{self.date_accuracy:.2f} (n={self.dated})",
            f"precision {self.precision:.2f} recall {self.recall:.2f}",
            f"strict (place+type+side) precision {self.strict_precision:.2f} recall {self.strict_recall:.2f} "
            f"F1 {self.strict_f1:.3f}",
            f"F1 {self.f1:.3f}",
            f"claimant side acc {self.claimant_side_accuracy:.2f} (n={self.claimant_sided})",
        ]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _describe(row: Mapping[str, str], gold: bool) -> str:
    kind = _gold_type(row.get("event_type", "")) if gold else row.get("event_type", "")
    date = row.get("event_date") or "?"
    return (f"{kind} gain {row.get('gaining_side', '?')} by {row.get('claimant') or '?'}, "
            f"{date[:10]} ({row.get('date_precision') or '?'})")


def evaluate(gold: list[dict[str, str]], negatives: list[dict[str, str]], claims: list[dict[str, str]]) -> Evaluation:
    """Score ``claims`` against ``gold`` (rows as read by read_rows)."""
    pool: dict[str, list[dict[str, str]]] = defaultdict(list)
    for claim in claims:
        pool[article_key(claim.get("article"))].append(claim)
    matched: list[tuple[dict[str, str], dict[str, str]]] = []
    missed: list[dict[str, str]] = []
    for g in gold:
        names = _names(g, True)
        candidates = [c for c in pool[article_key(g["article"])] if _names(c, False) & names]
        if not candidates:
            missed.append(g)
            continue
        expected_type = _gold_type(g["event_type"])
        best = max(candidates, key=lambda c: (c.get("event_type") == expected_type,
                                              c.get("gaining_side") == g["gaining_side"]))
        pool[article_key(g["article"])].remove(best)
        matched.append((g, best))

    negative_names: dict[str, dict[str, str]] = defaultdict(dict)
    for n in negatives:
        for key in _names({"settlement": n.get("settlement", ""), "canonical_name": n.get("canonical_name", "")}, True):
            negative_names[article_key(n["article"])][key] = n.get("why_negative", "")
    leftovers = [c for rows in pool.values() for c in rows]
    on_negatives = [c for c in leftovers if _names(c, False) & negative_names[article_key(c.get("article"))].keys()]

    n_gold, n_pred, n_match = len(gold), len(claims), len(matched)

    def share(pairs: list[tuple[dict[str, str], dict[str, str]]], ok) -> float:  # noqa: ANN001
        return sum(1 for g, c in pairs if ok(g, c)) / len(pairs) if pairs else 0.0

    dated = [(g, c) for g, c in matched if g.get("date_precision") == "day"]
    sided = _claimant_pairs(gold, claims)

    # strict: a second pass over all claims, first hit per gold row, as the reference does
    strict_pool: dict[str, list[dict[str, str]]] = defaultdict(list)
    for claim in claims:
        strict_pool[article_key(claim.get("article"))].append(claim)
    strict = 0
    for g in gold:
        names = _names(g, True)
        rows = strict_pool[article_key(g["article"])]
        hit = next((c for c in rows if _names(c, False) & names and _strict_hit(g, c)), None)
        if hit is not None:
            rows.remove(hit)
            strict += 1

    precision, recall = (n_match / n_pred if n_pred else 0.0), (n_match / n_gold if n_gold else 0.0)
    s_precision, s_recall = (strict / n_pred if n_pred else 0.0), (strict / n_gold if n_gold else 0.0)
    result = Evaluation(
        gold=n_gold, predicted=n_pred, matched=n_match, unmatched=len(leftovers), on_negatives=len(on_negatives),
        type_accuracy=share(matched, lambda g, c: c.get("event_type") == _gold_type(g["event_type"])),
        side_accuracy=share(matched, lambda g, c: c.get("gaining_side") == g["gaining_side"]),
        date_accuracy=share(dated, lambda g, c: (c.get("event_date") or "")[:10] == g.get("event_date")),
        dated=len(dated),
        claimant_side_accuracy=share(sided, lambda g, c: c.get("claimant_side") == claimant_side_of(g["claimant"])),
        claimant_sided=len(sided),
        precision=precision, recall=recall, f1=_f1(precision, recall),
        strict_precision=s_precision, strict_recall=s_recall, strict_f1=_f1(s_precision, s_recall), strict=strict)
    result.mismatches = _mismatches(missed, matched, leftovers, negative_names, sided)
    return result


def _claimant_pairs(gold: list[dict[str, str]], claims: list[dict[str, str]]) -> list[tuple[dict[str, str], dict[str, str]]]:
    """Gold rows whose claimant names a side, each paired with a claim of the same place, kind
    and side (strict), one claim per row, preferring a claim of the same claimant side: when an
    article holds several claims of one place, the claimant decides which pairs with which."""
    pool: dict[str, list[dict[str, str]]] = defaultdict(list)
    for claim in claims:
        pool[article_key(claim.get("article"))].append(claim)
    pairs = []
    for g in gold:
        side = claimant_side_of(g.get("claimant", ""))
        if not side:
            continue
        rows = pool[article_key(g["article"])]
        hits = [c for c in rows if _names(c, False) & _names(g, True) and _strict_hit(g, c)]
        if hits:
            best = max(hits, key=lambda c: c.get("claimant_side") == side)
            rows.remove(best)
            pairs.append((g, best))
    return pairs


def _mismatches(missed: list[dict[str, str]], matched: list[tuple[dict[str, str], dict[str, str]]],
                leftovers: list[dict[str, str]], negative_names: dict[str, dict[str, str]],
                sided: list[tuple[dict[str, str], dict[str, str]]]) -> list[Mismatch]:
    out = [Mismatch("missed", article_key(g["article"]), g["settlement"], _describe(g, True), "",
                    g.get("evidence", ""), g.get("notes", "")) for g in missed]
    for c in leftovers:
        why = next((negative_names[article_key(c.get("article"))][k] for k in _names(c, False)
                    if k in negative_names[article_key(c.get("article"))]), "")
        out.append(Mismatch("spurious", article_key(c.get("article")), c.get("settlement", ""), "",
                            _describe(c, False), c.get("evidence", ""),
                            f"a known negative: {why}" if why else ""))
    for g, c in matched:
        checks = [
            ("type", _gold_type(g["event_type"]), c.get("event_type", ""), True),
            ("side", g["gaining_side"], c.get("gaining_side", ""), True),
            ("date", g.get("event_date", ""), (c.get("event_date") or "")[:10], g.get("date_precision") == "day"),
        ]
        for kind, expected, found, applies in checks:
            if applies and expected != found:
                out.append(Mismatch(kind, article_key(g["article"]), g["settlement"], expected, found or "?",
                                    c.get("evidence", ""), g.get("notes", ""), g.get("evidence", "")))
    for g, c in sided:
        expected = claimant_side_of(g.get("claimant", ""))
        if c.get("claimant_side") != expected:
            out.append(Mismatch("claimant side", article_key(g["article"]), g["settlement"], expected,
                                f"{c.get('claimant_side') or '?'} ({c.get('claimant', '?')})", c.get("evidence", ""),
                                f"gold claimant: {g.get('claimant', '')}", g.get("evidence", "")))
    order = {"missed": 0, "spurious": 1, "type": 2, "side": 3, "date": 4, "claimant side": 5}
    return sorted(out, key=lambda m: (m.article, order[m.kind], m.settlement))


def report(evaluation: Evaluation, *, kinds: Iterable[str] | None = None, width: int = 100) -> list[str]:
    """The figures, a count of each kind of error, then every error article by article."""
    wanted = set(kinds) if kinds else None
    lines = evaluation.figures()
    counts: dict[str, int] = defaultdict(int)
    for m in evaluation.mismatches:
        counts[m.kind] += 1
    lines.append("errors: " + ", ".join(f"{k} {counts[k]}" for k in ("missed", "spurious", "type", "side", "date",
                                                                     "claimant side")))
    article = None
    for m in evaluation.mismatches:
        if wanted and m.kind not in wanted:
            continue
        if m.article != article:
            article = m.article
            lines += ["", f"== {article}"]
        head = f"{m.kind.upper():<14}{m.settlement}: "
        if m.kind == "missed":
            head += f"expected {m.expected}"
        elif m.kind == "spurious":
            head += f"found {m.found}"
        else:
            head += f"expected {m.expected}, found {m.found}"
        lines.append(head)
        sentence = " ".join(m.sentence.split())
        gold_sentence = " ".join(m.gold_sentence.split())
        if gold_sentence and gold_sentence != sentence:
            lines.append(f"{'':14}gold:  “{gold_sentence[:width * 3]}”")
            lines.append(f"{'':14}claim: “{sentence[:width * 3]}”")
        else:
            lines.append(f"{'':14}“{sentence[:width * 3]}”")
        if m.note:
            lines.append(f"{'':14}note: {m.note[:width * 2]}")
    return lines


def read_rows(path: Path | str, required: Iterable[str], what: str) -> list[dict[str, str]]:
    """A UTF-8 CSV file as dictionaries; EvaluationError when it cannot be read or lacks a column."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            rows = [dict(r) for r in reader]
            columns = set(reader.fieldnames or ())
    except FileNotFoundError as exc:
        raise EvaluationError(f"{what} file {path} does not exist") from exc
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise EvaluationError(f"{what} file {path} cannot be read as a UTF-8 CSV: {exc}") from exc
    missing = [c for c in required if c not in columns]
    if missing:
        raise EvaluationError(f"{what} file {path} lacks the column(s) {', '.join(missing)}; it has "
                              f"{', '.join(sorted(columns)) or 'none'}")
    return [{k: (v or "") for k, v in r.items() if k is not None} for r in rows]

