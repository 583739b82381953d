"""Loading articles: formats, encodings, metadata, and every kind of bad input (written here)."""

import datetime as dt
import json

import pytest

from events import Article, LoadOptions, Skipped, load_bytes, load_paths
from events.articles import article_id

TODAY = dt.date(2026, 11, 22)
OPTIONS = LoadOptions(today=TODAY)
BODY = "Ukrainian troops withdrew from Vovchansk on Tuesday, the General Staff of Ukraine said.\n"


def one(raw: bytes, name: str, rules, options=OPTIONS):
    (item,) = load_bytes(raw, name, rules, options)
    return item


def test_txt_header_gives_source_url_date_and_title(rules):
    raw = (f"source: Kyiv Independent\nurl: https://example.org/a\npublished: 2024-05-15\ntitle: Retreat\n---\n{BODY}").encode()
    a = one(raw, "a.txt", rules)
    assert (a.source, a.source_basis, a.url, str(a.published), a.published.basis, a.title) == (
        "Kyiv Independent", "header", "https://example.org/a", "2024-05-15", "header", "Retreat")
    assert a.text.startswith("Ukrainian troops")


def test_markdown_front_matter(rules):
    raw = f"---\ntitle: \"A *retreat*\"\nsource: AFP\npublished: 2024-05-15\n---\n# Headline\n\n**{BODY}**".encode()
    a = one(raw, "a.md", rules)
    assert (a.source, str(a.published)) == ("AFP", "2024-05-15")
    assert "**" not in a.text and "Headline" in a.text


def test_markdown_front_matter_is_yaml(rules):
    raw = (f"---\ntitle: >-\n  Troops leave\n  Vovchansk\ntags:\n  - war\n  - Kharkiv\nsource: 'dpa'\n"
           f"published: 2024-05-15\n---\n{BODY}").encode()
    a = one(raw, "a.md", rules)
    assert (a.title, a.source, str(a.published)) == ("Troops leave Vovchansk", "dpa", "2024-05-15")


@pytest.mark.parametrize("line, title", [
    ("title: Ukraine: troops withdraw from Avdiivka", "Ukraine: troops withdraw from Avdiivka"),  # not valid YAML
    ('title: "Avdiivka" has fallen, says Kyiv', '"Avdiivka" has fallen, says Kyiv'),
    ("title: Russia's #1 target is Pokrovsk", "Russia's #1 target is Pokrovsk"),  # YAML would cut at #
])
def test_plain_front_matter_lines_are_read_as_written(rules, line, title):
    a = one(f"---\n{line}\nsource: AFP\n---\n{BODY}".encode(), "a.md", rules)
    assert (a.title, a.source) == (title, "AFP")


def test_a_missing_title_is_not_invented_from_the_text(rules):
    assert one(BODY.encode(), "a.txt", rules).title == ""
    assert one(b"date 2023-11-14\n" + BODY.encode(), "b.txt", rules).title == ""
    assert one(b"Troops leave Vovchansk\n\n" + BODY.encode(), "c.txt", rules).title == "Troops leave Vovchansk"


def test_html_keeps_the_article_and_drops_scripts_and_navigation(rules):
    raw = ("<html><head><title>Retreat</title><meta property='article:published_time' content='2024-05-15T08:00:00Z'>"
           "<meta property='og:site_name' content='Reuters'><script>var x = 'Robotyne captured';</script></head>"
           f"<body><nav>Home | Kharkiv captured</nav><p>{BODY}</p><footer>© footer</footer></body></html>").encode()
    a = one(raw, "a.html", rules)
    assert (a.title, a.source, str(a.published)) == ("Retreat", "Reuters", "2024-05-15")
    assert "Vovchansk" in a.text and "Robotyne" not in a.text and "Kharkiv captured" not in a.text


def test_json_object_and_list_with_one_bad_item(rules):
    items = [{"text": BODY, "source": "dpa", "published": "2024-05-15"}, {"title": "no text"}, {"text": BODY + " More."}]
    out = load_bytes(json.dumps(items).encode(), "batch.json", rules, OPTIONS)
    assert [type(x).__name__ for x in out] == ["Article", "Skipped", "Article"]
    assert out[0].path == "batch.json#0" and out[0].source == "dpa"
    assert "'text'" in out[1].reason


def test_utf8_bom_and_cp1251_cyrillic_are_read_correctly(rules):
    text = "Бої тривають у Вовчанську, повідомив Генштаб ЗСУ. Українські війська відійшли з Лук’янців."
    bom = one(b"\xef\xbb\xbf" + text.encode(), "bom.txt", rules)
    assert bom.text == text and bom.encoding == "utf-8-sig"
    legacy = one(text.replace("’", "'").encode("cp1251"), "legacy.txt", rules)
    assert "Вовчанську" in legacy.text and "cp1251" in legacy.encoding
    assert any("cp1251" in note for note in legacy.notes)  # said, not silent


@pytest.mark.parametrize("raw, name, reason", [
    (b"", "empty.txt", "empty"),
    (b"   \n\n  ", "blank.txt", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "image.txt", "binary"),
    (b"x" * 2_000_001, "huge.txt", "too large"),
    (b"source: AFP\nthis is not a header line\n---\n" + BODY.encode(), "bad_header.txt", "malformed header"),
    (b"published: 2031-01-01\n---\n" + BODY.encode(), "future.txt", "in the future"),
    (b"published: yesterday-ish\n---\n" + BODY.encode(), "baddate.txt", "not a date"),
    (b"source: AFP\n---\n", "header_only.txt", "no article text"),
    (b"{\"text\": \"unterminated", "broken.json", "not valid JSON"),
    (b"%PDF-1.7 ...", "report.pdf", "unsupported file type"),
    (b"---\ntitle: x\nno closing line\n" + BODY.encode(), "open.md", "front matter"),
    (b"---\ntitle: [unclosed\n---\n" + BODY.encode(), "yaml.md", "malformed front matter (YAML)"),
    (b"---\nsource: [AFP, dpa]\n---\n" + BODY.encode(), "list.md", "'source' must be a single value"),
])
def test_bad_input_is_skipped_with_a_reason(rules, raw, name, reason):
    item = one(raw, name, rules, LoadOptions(max_bytes=2_000_000, today=TODAY))
    assert isinstance(item, Skipped), item
    assert reason in item.reason and item.path == name


def test_one_bad_file_never_stops_a_folder(rules, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "sub" / "c.txt").write_text("published: 2024-05-14\n---\n" + BODY.replace("Tuesday", "Monday"), encoding="utf-8")
    out = list(load_paths([tmp_path, tmp_path / "missing.txt"], rules, OPTIONS))
    assert [(type(x).__name__, x.path.split("/")[-1]) for x in out] == [
        ("Article", "a.txt"), ("Skipped", "b.txt"), ("Article", "c.txt"), ("Skipped", "missing.txt")]


def test_text_dateline_credit_line_and_cited_outlets(rules):
    dateline = one(("Headline\nKYIV, Ukraine (May 14, 2024) – " + BODY + "The claim was reported by AFP.\n").encode(),
                   "d.txt", rules)
    assert (str(dateline.published), dateline.published.basis, dateline.source) == ("2024-05-14", "dateline", "")
    credited = one((BODY + "\nJane Doe, with AFP\n").encode(), "c.txt", rules)
    assert (credited.source, credited.source_basis) == ("AFP", "credit line")
    dpa = one((BODY + "\n© Deutsche Presse-Agentur GmbH\n").encode(), "dpa.txt", rules)
    assert dpa.source == "dpa"
    agency = one(("Headline\nMOSCOW, May 14. /TASS/. " + BODY).encode(), "tass.txt", rules)
    assert (agency.source, agency.source_basis) == ("TASS", "credit line")  # the agency's dateline credits it
    cited = one((BODY + " A source said so, as cited by RIA Novosti.\n").encode(), "ria.txt", rules)
    assert cited.source == "" and cited.published is None  # a cited outlet is not the publisher; no date invented


@pytest.mark.parametrize("credit, outlet", [
    ("Ukrinform", "Ukrinform"), ("/TASS/", "TASS"), ("By The Associated Press", "AP"), ("Suspilne Kherson", "Suspilne"),
    ("Ukrinform / Culture", "Ukrinform"), ("By Kyiv Independent news desk", "Kyiv Independent"),
    ("KYIV (Ukrinform) - " + BODY, "Ukrinform"), ("MOSCOW, 20 March — RIA Novosti. " + BODY, "RIA Novosti"),
    ("KYIV, 4 July (UNIAN). " + BODY, "UNIAN"),
    ("Reuters Reports Record Profit", ""),  # (a headline that opens on an outlet's name credits nobody)
])
def test_an_agency_credited_under_the_headline_is_the_source(rules, credit, outlet):
    article = one(("Aid reaches the front\n\n" + credit + "\n\n" + BODY).encode(), "credit.txt", rules)
    assert article.source == outlet


def test_user_supplied_source_and_date_fill_only_what_the_file_lacks(rules):
    options = LoadOptions(source="Ukrinform", published=None, today=TODAY)
    with_header = one(("source: AFP\n---\n" + BODY).encode(), "h.txt", rules, options)
    without = one(BODY.encode(), "n.txt", rules, options)
    assert (with_header.source, without.source, without.source_basis) == ("AFP", "Ukrinform", "user")


def test_same_text_is_the_same_article_whatever_its_name_or_whitespace():
    assert article_id(BODY) == article_id("  " + BODY.replace(" ", "  ") + "\n\n")
    assert article_id(BODY) != article_id(BODY + "!")


def test_samples_load_with_their_manifest(sample_articles):
    assert {k: (a.source, str(a.published)) for k, a in sample_articles.items()} == {
        "000": ("", "2024-05-14"), "001": ("AFP", "2024-05-15"), "002": ("dpa", "2024-05-15"),
        "003": ("", "2023-11-14"), "004": ("", "2025-11")}
    assert all(isinstance(a, Article) for a in sample_articles.values())
