"""The docs say what the code does: commands, examples, columns, layering."""

import doctest
import re
import shlex
import subprocess
import sys

import pytest

from geodata.cli import CSV_COLUMNS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def code_blocks(language):
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def test_ci_runs_the_readme_test_command_verbatim():
    setup, test = code_blocks("bash")[:2]
    assert "streamlit run app.py" in setup
    assert test.strip().endswith("-m pytest")
    assert test.strip() in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("block", code_blocks("console"), ids=lambda b: b.splitlines()[0][:60])
def test_readme_console_examples_are_real_output(block):
    command, *expected = block.rstrip("\n").split("\n")
    assert command.startswith("$ python -m ")
    args = shlex.split(command[2:])
    out = subprocess.run([sys.executable, *args[1:]], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.stdout.rstrip("\n").split("\n") == expected


def test_readme_python_examples_run():
    result = doctest.testfile(str(ROOT / "README.md"), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted >= 4


def test_every_output_column_is_documented():
    for column in CSV_COLUMNS:
        assert f"`{column}" in README or f" {column}," in README or f"{column}`" in README, column


@pytest.mark.parametrize("package", ["geodata", "events"])
def test_nothing_below_the_ui_imports_streamlit(package):
    for path in (ROOT / package).rglob("*.py"):
        assert not re.search(r"^\s*(import|from)\s+streamlit", path.read_text(encoding="utf-8"), flags=re.M), path


def test_events_cli_flags_and_columns_are_documented():
    from events.cli import build_parser
    from events.export import ACLED_COLUMNS
    from events.query import CLAIM_COLUMNS

    for column in (*CLAIM_COLUMNS, *ACLED_COLUMNS):
        assert column in README, column
    for action in build_parser()._subparsers._group_actions[0].choices.values():  # noqa: SLF001 (argparse API)
        for option in action._actions:  # noqa: SLF001
            for flag in option.option_strings:
                assert flag in README or flag in ("-h", "--help"), flag


def test_sample_claims_page_is_current():
    sys.path.insert(0, str(ROOT / "docs"))
    try:
        from make_sample_claims import OUT, render
    finally:
        sys.path.pop(0)
    assert OUT.read_text(encoding="utf-8") == render(), "run python docs/make_sample_claims.py"
