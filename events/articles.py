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
import os
import re
import stat
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml
from charset_normalizer import from_bytes

from events.anchors import opens_at_line_start
from events.dates import parse_date_text
from events.errors import ArticleError
from events.records import Article, DatePrecision, PublishedDate
from events.rules import Rules
from events.textsafe import clean_line, clean_text, printable

__all__ = ["Skipped", "LoadOptions", "load_paths", "list_files", "load_bytes", "article_id", "SUFFIXES", "DEFAULT_MAX_BYTES",
           "EARLIEST_PUBLISHED"]

DEFAULT_MAX_BYTES = 5_000_000
#: No article this tool reads was published before Ukraine's independence: an earlier date is a typo.
EARLIEST_PUBLISHED = dt.date(1991, 1, 1)
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
        text = raw.decode("utf-16")
        if "\x00" in text:
            raise ValueError("binary file (contains NUL bytes), not text")
        return text, "utf-16", ()
    if b"\x00" in raw:  # anywhere, not just at the start: a NUL must never reach the database
        text = _utf16_without_bom(raw)
        if text is None:
            raise ValueError("binary file (contains NUL bytes), not text")
        return text, "utf-16", ("decoded as UTF-16 without a byte-order mark; check the text if it looks wrong",)
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


def _utf16_without_bom(raw: bytes) -> str | None:
    """Text saved as UTF-16 without a byte-order mark (Windows' "Unicode"), or None. Its spaces,
    digits and Latin letters leave a NUL in every other byte, on one side only; binary data has
    NULs on both sides, or does not decode."""
    if len(raw) % 2:
        return None
    sample = raw[:8192]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if min(even, odd) * 20 >= max(even, odd):
        return None
    try:
        text = raw.decode("utf-16-le" if odd > even else "utf-16-be")
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text or _mostly_control(text) else text


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
    except RecursionError as exc:  # "[[[[...": PyYAML builds nested values recursively
        raise ArticleError(where, "malformed front matter: nested too deeply to be a header") from exc
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
    return _in_range(published, where, today)


def _in_range(published: PublishedDate, where: str, today: dt.date) -> PublishedDate:
    """``published`` if it lies between 1991 and today; else the reason, for the user to fix."""
    if published.date > today:
        raise ArticleError(where, f"published date {published} is in the future (today is {today}); fix the date")
    if published.date < EARLIEST_PUBLISHED:
        raise ArticleError(where, f"published date {published} is before {EARLIEST_PUBLISHED.year}; fix the date")
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
            # (a pattern that opens on "^" finds a match in a line, which holds no "\n", only at its
            # start: tried there alone, not at every character of a paragraph)
            m = pattern.match(line) if opens_at_line_start(pattern) else pattern.search(line)
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
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as exc:
        raise ArticleError(path, f"manifest cannot be read: {exc}") from exc
    files = data.get("files", {})
    return files if isinstance(files, dict) else {}


def _article(where: str, text: str, meta: dict[str, str], encoding: str, notes: tuple[str, ...], rules: Rules,
             options: LoadOptions, manifest: dict[str, Any] | None) -> Article:
    # no control or bidi characters in what is stored and shown (events.textsafe)
    text = clean_text(text)
    meta = {key: clean_line(str(value)) for key, value in meta.items()}
    if not text.strip():
        raise ArticleError(where, "no article text (the file is empty or holds only a header)")
    today = options.today or dt.date.today()
    published = None
    source, source_basis = "", ""
    for value, basis in ((meta.get("published") or meta.get("date"), "header"),
                         (None, "user"), ((manifest or {}).get("published"), "manifest")):
        if basis == "user" and options.published is not None:
            published = _in_range(replace(options.published, basis="user"), where, today)
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
            source, source_basis = _outlet_name(clean_line(str(value)), rules), basis
            break
    if not source:
        source = find_publisher(text, rules)
        source_basis = "credit line" if source else ""
    title = meta.get("title") or _title_line(text)
    return Article(id=article_id(text), path=where, text=text, title=title, source=source, source_basis=source_basis,
                   url=meta.get("url") or meta.get("link") or clean_line(str((manifest or {}).get("url", ""))),
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
    """Articles from one file's bytes (an upload, or a file read by load_paths). Never raises:
    whatever goes wrong with the file is a Skipped with the reason."""
    name = printable(name)  # undecodable bytes and control characters in a name print as escapes
    try:
        return _load_bytes(raw, name, rules, options, manifest)
    except Exception as exc:  # noqa: BLE001 - the last guard: one file's surprise never stops the others
        return [Skipped(name, f"not read: unexpected {type(exc).__name__} ({str(exc)[:160]}); "
                              "the file may be malformed")]


def _load_bytes(raw: bytes, name: str, rules: Rules, options: LoadOptions,
                manifest: dict[str, Any] | None) -> list[Article | Skipped]:
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
    except RecursionError:  # "[[[[...": Python's JSON parser is recursive
        return [Skipped(name, "not an article: JSON nested too deeply (an article is an object with a string 'text')")]
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
    """The files load_paths will read or report, in order (for a progress bar)."""
    return [path for path, _, _ in _files(paths)]


def _files(paths: Iterable[Path | str]) -> Iterator[tuple[Path, str, str]]:
    """(path, name to show, why it is not read or "") for each file named or in a named folder."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():  # a link given by name is followed: the user chose it
            yield from _folder(path)
        else:
            yield path, printable(str(path)), ""


def _folder(root: Path) -> Iterator[tuple[Path, str, str]]:
    """The files under ``root``, in a stable order, leaving out hidden files and folders and the
    manifest. A link is followed only to a regular file inside ``root`` (a "*.txt" link to
    /etc/passwd is not); links out, to folders or to nothing, and pipes, sockets and devices
    are listed with the reason."""
    base = root.resolve()
    found: list[tuple[Path, str, str]] = []
    for folder, dirs, files in os.walk(root):  # os.walk follows no link to a folder
        here = Path(folder)
        for name in dirs:
            if not name.startswith(".") and (here / name).is_symlink():
                found.append((here / name, printable(str(here / name)), "a link to a folder: not followed"))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith(".") or name == MANIFEST:
                continue
            path = here / name
            found.append((path, printable(str(path)), _not_readable(path, base)))
    yield from sorted(found, key=lambda entry: entry[0])


def _not_readable(path: Path, base: Path) -> str:
    """Why a file found in a folder is not read, or ""."""
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return "a broken link (what it points to does not exist)"
        if not target.is_relative_to(base):
            return "a link to a file outside the folder: not followed"
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    return "" if stat.S_ISREG(mode) else f"not a regular file ({_kind(mode)}): not read"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a folder" if stat.S_ISDIR(mode) else "not a file"


def _read_file(path: Path, name: str, max_bytes: int) -> bytes:
    """At most ``max_bytes`` of a regular file, else ArticleError. Opened without blocking (a
    named pipe would wait for a writer for ever) and checked before reading (/dev/zero never
    ends); reads at most one byte past the limit, whatever the file claims its size is."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError as exc:
        raise ArticleError(name, "no such file") from exc
    except OSError as exc:
        raise ArticleError(name, f"cannot be read: {exc.strerror or exc}") from exc
    with open(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ArticleError(name, f"not a regular file ({_kind(info.st_mode)}): not read")
        try:
            raw = b"" if info.st_size > max_bytes else file.read(max_bytes + 1)
        except OSError as exc:
            raise ArticleError(name, f"cannot be read: {exc.strerror or exc}") from exc
    if info.st_size > max_bytes or len(raw) > max_bytes:
        size = max(info.st_size, len(raw))
        raise ArticleError(name, f"too large ({'over ' if size == len(raw) else ''}{size / 1e6:.1f} MB; "
                                 f"the limit is {max_bytes / 1e6:.1f} MB)")
    return raw


def load_paths(paths: Iterable[Path | str], rules: Rules, options: LoadOptions = LoadOptions()
               ) -> Iterator[Article | Skipped]:
    """Articles from files and folders (recursively), one at a time, in a stable order."""
    manifests: dict[Path, dict[str, dict[str, Any]]] = {}
    for path, name, problem in _files(paths):
        if problem:
            yield Skipped(name, problem)
            continue
        try:
            raw = _read_file(path, name, options.max_bytes)
        except ArticleError as exc:
            yield Skipped(name, exc.reason)
            continue
        folder = path.parent
        if folder not in manifests:
            try:
                manifests[folder] = _manifest(folder)
            except ArticleError as exc:
                yield Skipped(str(folder / MANIFEST), exc.reason)
                manifests[folder] = {}
        entry = manifests[folder].get(path.name)
        yield from load_bytes(raw, name, rules, options, entry if isinstance(entry, dict) else None)

