"""Regenerate the README's screenshots (docs/screenshots/*.png) with the browser tests that take
them, on the sample articles:

    python docs/make_screenshots.py

The test suite itself writes its screenshots to a temporary folder, so that running the tests
leaves the working tree as it was.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "docs" / "screenshots"


def main() -> int:
    SHOTS.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "FRONTLINE_SCREENSHOTS": str(SHOTS), "FRONTLINE_REQUIRE_BROWSER": "1"}
    tests = ["tests/browser/test_browser.py::test_map_draws_every_settlement_offline_with_a_legend",
             "tests/browser/test_browser.py::test_briefing_view_for_a_slide"]
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", *tests], cwd=ROOT, env=env)
    if done.returncode == 0:
        print(f"screenshots written to {SHOTS.relative_to(ROOT)}: "
              + ", ".join(sorted(p.name for p in SHOTS.glob("*.png"))))
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
