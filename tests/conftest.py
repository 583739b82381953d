"""Shared fixtures. No test touches the internet; servers a test needs run on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest

from events import Article, extract_claims, load_paths, load_rules
from events.rules import Rules
from geodata import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "events" / "samples"


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="session")
def sample_texts() -> dict[str, str]:
    """The five seed articles, by their three-digit number."""
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))}


@pytest.fixture(scope="session")
def rules() -> Rules:
    return load_rules()


@pytest.fixture(scope="session")
def sample_articles(rules) -> dict[str, Article]:
    """The five sample articles as loaded (with their manifest), by three-digit number."""
    return {Path(a.path).name[:3]: a for a in load_paths([SAMPLES], rules)}


@pytest.fixture(scope="session")
def sample_claims(sample_articles, gazetteer, rules) -> dict[str, list]:
    return {key: list(extract_claims(a, gazetteer, rules).claims) for key, a in sample_articles.items()}
