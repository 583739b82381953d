"""Load articles: .txt (optional header), .md (front matter), .html, .json; a file, many, or a folder.

Every file either becomes one or more Articles or a Skipped record with a reason a user can act
on (empty, binary, too large, undecodable, malformed header, date in the future ...); one bad
file never stops the others. Text in legacy encodings (cp1251 is common for Cyrillic) is
detected with charset-normalizer and the choice is recorded, never silently mangled.

Where the publisher and date come from, strongest first: the file's own header, front matter or
HTML meta; what the user supplies (CLI flags, upload form); a ``manifest.toml`` beside the files;
then the text itself: a dateline "KYIV, Ukraine (May 14, 2024) –", a line "date 2023-11-14", a
credit line "© Deutsche Presse-Agentur GmbH" or "Name, with AFP". An outlet the text only cites
("reported by AFP") is a channel of a claim, not the publisher. No date found: unknown.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml
from charset_normalizer import from_bytes

from events.dates import parse_date_text
from events.errors import ArticleError
from events.records import Article, DatePrecision, PublishedDate
from events.rules import Rules

__all__ = ["Skipped", "LoadOptions", "load_paths", "list_files", "load_bytes", "article_id", "SUFFIXES", "DEFAULT_MAX_BYTES"]

DEFAULT_MAX_BYTES = 5_000_000
SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json"}
MANIFEST = "manifest.toml"
HEADER_KEYS = {"source", "url", "published", "title", "date", "outlet", "link"}
_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z][\w -]{0,30}?)\s*:\s*(?P<value>.*)$")
_DATELINE = re.compile(r"^[ \t]*[A-ZА-ЯІЇЄҐ][A-ZА-ЯІЇЄҐ .'’-]{1,40},?[^\n(]{0,40}\((?P<date>[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})\)\s*[-–—]",
                       re.MULTILINE)
_DATE_LINE = re.compile(r"(?:^|\n)\s*(?:date|dated|published)\s*:?\s*(?P<date>\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"(?m)^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+)|(?<!\w)[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?!\w)")


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file (or JSON item) that was not ingested, and why."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class LoadOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    source: str = ""  # supplied by the user for every file without its own
    published: PublishedDate | None = None
    today: dt.date | None = None  # for tests; default: the real today


def article_id(text: str) -> str:
    """Hash of the normalised text: re-ingesting the same text, under any name, changes nothing."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


# -- decoding -------------------------------------------------------------------------------
def _decode(raw: bytes) -> tuple[str, str, tuple[str, ...]]:
    """(text, encoding, notes); raises ValueError with the reason when it is not text."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), "utf-8-sig", ()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16", ()
    head = raw[:8192]
    if b"\x00" in head:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        return raw.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw, cp_isolation=["cp1251", "koi8_r", "cp1252", "iso8859_5", "cp1250", "latin_1"]).best()
    if best is None:
        raise ValueError("not text in UTF-8 or any legacy encoding it could detect; save it as UTF-8")
    text = str(best)
    if _mostly_control(text):
        raise ValueError("binary file (mostly control characters), not text")
    return text, best.encoding, (f"decoded as {best.encoding} (not UTF-8); check the Cyrillic if it looks wrong",)


def _mostly_control(text: str) -> bool:
    sample = text[:4096]
    control = sum(1 for c in sample if unicodedata.category(c) in ("Cc", "Co", "Cn") and c not in "\r\n\t")
    return control > 0.1 * max(1, len(sample))


# -- formats ----------------------------------------------------------------------------------
def _parse_header_block(lines: list[str], where: str) -> dict[str, str]:
    meta: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        m = _HEADER_LINE.match(line.strip())
        if not m:
            raise ArticleError(where, f"malformed header: line {number} {line.strip()[:60]!r} is not 'key: value' "
                                      "(end the header with a line '---', or remove it)")
        meta[m.group("key").strip().lower()] = m.group("value").strip().strip("\"'")
    return meta


def _split_txt(text: str, where: str) -> tuple[dict[str, str], str]:
    lines = text.split("\n")
    try:
        end = next(i for i, line in enumerate(lines[:40]) if line.strip() == "---")
    except StopIteration:
        return {}, text
    block = lines[:end]
    keyed = [_HEADER_LINE.match(line.strip()) for line in block if line.strip()]
    # A header announces itself with a known key; otherwise '---' is just a rule in the text.
    if not keyed or not any(m and m.group("key").strip().lower() in HEADER_KEYS for m in keyed):
        return {}, text
    return _parse_header_block(block, where), "\n".join(lines[end + 1:])


def _split_md(text: str, where: str) -> tuple[dict[str, str], str]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, _plain_markdown(text)
    try:
        end = next(i for i in range(1, min(len(lines), 200)) if lines[i].strip() in ("---", "..."))
    except StopIteration as exc:
        raise ArticleError(where, "malformed front matter: no closing '---' line") from exc
    block = lines[1:end]
    try:
        data, problem = yaml.safe_load("\n".join(block)), ""
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        data = None
        problem = (f"malformed front matter (YAML){f' at line {mark.line + 2}' if mark is not None else ''}: "
                   f"{getattr(exc, 'problem', None) or exc}")
    if data is not None and not isinstance(data, dict):
        problem, data = f"malformed front matter: expected 'key: value' lines, found a {type(data).__name__}", None
    # A plain "title: Ukraine: troops leave Avdiivka" or "Russia's #1 target" is not valid YAML,
    # or loses its end to a YAML comment: one-line values are read as written; YAML gives the
    # rest (folded or quoted titles, lists the loader ignores, dates).
    raw = {m.group("key").strip().lower(): m.group("value").strip()
           for m in (_HEADER_LINE.match(line) for line in block if line[:1].strip()) if m}
    meta: dict[str, str] = {}
    for key in HEADER_KEYS:
        line_value = raw.get(key, "")
        structured = line_value[:1] in ("[", "{", ">", "|") or line_value == ""
        if not structured:
            quoted = len(line_value) > 1 and line_value[0] == line_value[-1] and line_value[0] in "\"'"
            meta[key] = line_value[1:-1] if quoted else line_value
            continue
        if key not in (data or {}):
            if key in raw and data is None:
                raise ArticleError(where, problem)
            continue
        value = data[key]  # type: ignore[index]
        if isinstance(value, (list, dict)):
            raise ArticleError(where, f"front matter '{key}' must be a single value, not a {type(value).__name__}")
        if value is not None:
            meta[key] = value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value).strip()
    if data is None and any(line[:1].strip() and not _HEADER_LINE.match(line) for line in block):
        raise ArticleError(where, problem)  # neither YAML nor "key: value" lines
    return meta, _plain_markdown("\n".join(lines[end + 1:]))


def _plain_markdown(text: str) -> str:
    return _MD_MARKS.sub("", _MD_LINK.sub(r"\1", text))


class _HTMLText(HTMLParser):
    SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "iframe", "button",
            "template", "select", "menu"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote",
             "pre", "figcaption", "dd", "dt", "hr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.meta: dict[str, str] = {}
        self.title = ""
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag in self.SKIP:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "meta":
            key = (a.get("property") or a.get("name") or "").lower()
            if key and a.get("content"):
                self.meta[key] = a["content"].strip()
        elif tag == "link" and a.get("rel", "").lower() == "canonical" and a.get("href"):
            self.meta["canonical"] = a["href"]
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            return  # <iframe/>, <svg/>: nothing to skip
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        elif tag == "title":
            self._in_title = False
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(data)


def _split_html(text: str) -> tuple[dict[str, str], str]:
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    body = re.sub(r"[ \t\r\f\v]+", " ", "".join(parser.parts))
    body = re.sub(r" ?\n[ \n]*", "\n", body).strip()
    meta: dict[str, str] = {}
    title = parser.meta.get("og:title") or parser.title.strip()
    if title:
        meta["title"] = " ".join(title.split())
    for key in ("article:published_time", "og:article:published_time", "datepublished", "date", "pubdate", "dc.date"):
        if parser.meta.get(key):
            meta["published"] = parser.meta[key]
            break
    if parser.meta.get("og:site_name"):
        meta["source"] = parser.meta["og:site_name"]
    if parser.meta.get("og:url") or parser.meta.get("canonical"):
        meta["url"] = parser.meta.get("og:url") or parser.meta["canonical"]
    return meta, body


# -- metadata ---------------------------------------------------------------------------------
_UNKNOWN_DATE = re.compile(r"unknown|n/?a|none|-+|\?+|not (?:known|given|stated)", re.IGNORECASE)


def _published(value: str, where: str, basis: str, today: dt.date) -> PublishedDate | None:
    value = value.strip()
    if not value or _UNKNOWN_DATE.fullmatch(value):
        return None  # said to be unknown: the article is read, its relative dates stay unknown
    if re.fullmatch(r"\d{4}-\d{2}", value):
        published = PublishedDate(dt.date(int(value[:4]), int(value[5:7]), 1), DatePrecision.MONTH, basis)
    elif re.fullmatch(r"\d{4}", value):
        published = PublishedDate(dt.date(int(value), 1, 1), DatePrecision.YEAR, basis)
    else:
        try:
            day = dt.date.fromisoformat(value[:10])
        except ValueError:
            day = parse_date_text(value)
        if day is None:
            raise ArticleError(where, f"published date {value[:40]!r} is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)")
        published = PublishedDate(day, DatePrecision.DAY, basis)
    if published.date > today:
        raise ArticleError(where, f"published date {published} is in the future (today is {today}); fix the date")
    return published


def _outlet_name(name: str, rules: Rules) -> str:
    name = name.strip()
    for outlet in rules.outlets:
        if outlet.regex.fullmatch(name) or outlet.regex.search(name):
            return outlet.name
    return name[:80]


def find_publisher(text: str, rules: Rules) -> str:
    """The outlet a credit line at the start or end of the text names, or ""."""
    lines = [line for line in text.split("\n") if line.strip()]
    for line in lines[-3:] + lines[:2]:
        for pattern in rules.credit_lines:
            m = pattern.search(line)
            if m:
                return _outlet_name(m.group("outlet"), rules)
    return ""


def find_published(text: str) -> tuple[dt.date, str] | None:
    """A dateline or a "date 2023-11-14" line near the top of the text, with its kind."""
    head = text[:1500]
    m = _DATELINE.search(head)
    if m:
        day = parse_date_text(m.group("date"))
        if day:
            return day, "dateline"
    m = _DATE_LINE.search(head)
    if m:
        try:
            return dt.date.fromisoformat(m.group("date")), "date line"
        except ValueError:
            return None
    return None


def _manifest(folder: Path) -> dict[str, dict[str, Any]]:
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ArticleError(path, f"manifest cannot be read: {exc}") from exc
    files = data.get("files", {})
    return files if isinstance(files, dict) else {}


def _article(where: str, text: str, meta: dict[str, str], encoding: str, notes: tuple[str, ...], rules: Rules,
             options: LoadOptions, manifest: dict[str, Any] | None) -> Article:
    if not text.strip():
        raise ArticleError(where, "no article text (the file is empty or holds only a header)")
    today = options.today or dt.date.today()
    published = None
    source, source_basis = "", ""
    for value, basis in ((meta.get("published") or meta.get("date"), "header"),
                         (None, "user"), ((manifest or {}).get("published"), "manifest")):
        if basis == "user" and options.published is not None:
            published = replace(options.published, basis="user")
            break
        if value:
            published = _published(str(value), where, basis, today)
            break
    if published is None:
        found = find_published(text)
        if found:
            published = _published(found[0].isoformat(), where, found[1], today)
    for value, basis in ((meta.get("source") or meta.get("outlet"), "header"), (options.source, "user"),
                         ((manifest or {}).get("source"), "manifest")):
        if value:
            source, source_basis = _outlet_name(str(value), rules), basis
            break
    if not source:
        source = find_publisher(text, rules)
        source_basis = "credit line" if source else ""
    title = meta.get("title") or _title_line(text)
    return Article(id=article_id(text), path=where, text=text, title=title, source=source, source_basis=source_basis,
                   url=meta.get("url") or meta.get("link") or str((manifest or {}).get("url", "")),
                   published=published, encoding=encoding, notes=notes)


def _title_line(text: str) -> str:
    """The first line when it reads as a headline (short, no closing full stop, not a date line),
    else "": a paragraph or "date 2023-10-02" is no title."""
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if len(first.split()) > 20 or first.endswith(".") or find_published(first):
        return ""
    return first[:200]


def load_bytes(raw: bytes, name: str, rules: Rules, options: LoadOptions = LoadOptions(),
               manifest: dict[str, Any] | None = None) -> list[Article | Skipped]:
    """Articles from one file's bytes (an upload, or a file read by load_paths)."""
    kind = SUFFIXES.get(Path(name).suffix.lower())
    if kind is None:
        return [Skipped(name, f"unsupported file type {Path(name).suffix or '(none)'}; use "
                              f"{', '.join(sorted(SUFFIXES))}")]
    if len(raw) > options.max_bytes:
        return [Skipped(name, f"too large ({len(raw) / 1e6:.1f} MB; the limit is {options.max_bytes / 1e6:.1f} MB)")]
    if not raw.strip():
        return [Skipped(name, "empty file")]
    try:
        text, encoding, notes = _decode(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        return [Skipped(name, str(exc))]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        if kind == "json":
            return _load_json(text, name, encoding, notes, rules, options, manifest)
        if kind == "txt":
            meta, body = _split_txt(text, name)
        elif kind == "md":
            meta, body = _split_md(text, name)
        else:
            meta, body = _split_html(text)
        return [_article(name, body, meta, encoding, notes, rules, options, manifest)]
    except ArticleError as exc:
        return [Skipped(name, exc.reason)]


def _load_json(text: str, name: str, encoding: str, notes: tuple[str, ...], rules: Rules, options: LoadOptions,
               manifest: dict[str, Any] | None) -> list[Article | Skipped]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return [Skipped(name, f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})")]
    items = data if isinstance(data, list) else [data]
    out: list[Article | Skipped] = []
    for i, item in enumerate(items):
        where = f"{name}#{i}" if isinstance(data, list) else name
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            out.append(Skipped(where, "a JSON article must be an object with a string 'text' "
                                      "(and optionally title, source, url, published)"))
            continue
        meta = {k: str(item[k]) for k in ("title", "source", "url", "published") if item.get(k)}
        try:
            out.append(_article(where, item["text"].replace("\r\n", "\n"), meta, encoding, notes, rules, options, manifest))
        except ArticleError as exc:
            out.append(Skipped(where, exc.reason))
    return out or [Skipped(name, "an empty JSON list: no articles")]


def list_files(paths: Iterable[Path | str]) -> list[Path]:
    """The files load_paths will read, in order (for a progress bar)."""
    return [path for path, _ in _files(paths)]


def _files(paths: Iterable[Path | str]) -> Iterator[tuple[Path, str]]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                if file.is_file() and not file.name.startswith(".") and file.name != MANIFEST:
                    yield file, str(file)
        else:
            yield path, str(path)


def load_paths(paths: Iterable[Path | str], rules: Rules, options: LoadOptions = LoadOptions()
               ) -> Iterator[Article | Skipped]:
    """Articles from files and folders (recursively), one at a time, in a stable order."""
    manifests: dict[Path, dict[str, dict[str, Any]]] = {}
    for path, name in _files(paths):
        try:
            size = path.stat().st_size
            if size > options.max_bytes:
                yield Skipped(name, f"too large ({size / 1e6:.1f} MB; the limit is {options.max_bytes / 1e6:.1f} MB)")
                continue
            raw = path.read_bytes()
        except FileNotFoundError:
            yield Skipped(name, "no such file")
            continue
        except OSError as exc:
            yield Skipped(name, f"cannot be read: {exc.strerror or exc}")
            continue
        folder = path.parent
        if folder not in manifests:
            try:
                manifests[folder] = _manifest(folder)
            except ArticleError as exc:
                yield Skipped(str(folder / MANIFEST), exc.reason)
                manifests[folder] = {}
        yield from load_bytes(raw, name, rules, options, manifests[folder].get(path.name))

