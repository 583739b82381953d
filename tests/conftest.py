"""Shared fixtures. No test touches the internet; servers a test needs run on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest

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
