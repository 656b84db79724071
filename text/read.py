"""Read articles from .txt, .html, .docx, .jsonl files or stdin into `Article` objects."""

from __future__ import annotations

import hashlib
import re
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from tongket.text.decode import decode_bytes
from tongket.text.document import Article
from tongket.text.errors import InputError, parse_json_line
from tongket.text.html import html_to_article
from tongket.text.normalize import normalize_text

__all__ = ["read_articles", "read_path", "read_bytes", "read_paragraph_records", "SUFFIXES", "article_from_record", "GROUP_FIELDS"]

SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".docx", ".jsonl")
OnError = Callable[[InputError], None]


def read_path(path: str | Path) -> Article:
    """Read one single-article file; a corpus (.jsonl) must go through `read_articles`."""
    articles = list(read_articles(path, on_error=_raise))
    if len(articles) != 1:
        raise InputError(f"{path}: holds {len(articles)} articles; use read_articles for corpora")
    return articles[0]


def read_articles(path: str | Path, on_error: OnError | None = None) -> Iterator[Article]:
    """Yield every article in `path`; bad records go to `on_error` so a corpus keeps going."""
    on_error = on_error or _raise
    name = str(path)
    try:
        if name == "-":
            yield _from_bytes(sys.stdin.buffer.read(), "<stdin>")
            return
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            yield from _read_jsonl(path, on_error)
            return
        data = _read_bytes(path)
        if suffix in (".html", ".htm"):
            yield html_to_article(decode_bytes(data, name), name)
        elif suffix == ".docx":
            yield _read_docx(data, name)
        else:
            yield _from_bytes(data, name)
    except InputError as error:
        on_error(error)


def read_bytes(data: bytes, name: str) -> Article:
    """One article from the bytes of an upload named `name` (.txt, .html or .docx, told by the name's suffix)."""
    suffix = Path(name).suffix.lower()
    if suffix in (".html", ".htm"):
        return html_to_article(decode_bytes(data, name), name)
    if suffix == ".docx":
        return _read_docx(data, name)
    return _from_bytes(data, name)


def _raise(error: InputError) -> None:
    raise error


def _read_bytes(path: Path) -> bytes:
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give article files (tongket report reads folders)")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None


def _from_bytes(data: bytes, name: str) -> Article:
    text = decode_bytes(data, name)
    if text.lstrip().lower().startswith(("<!doctype html", "<html")):
        return html_to_article(text, name)
    return Article(id=_stem_id(name, text), text=text, source=name)


def _stem_id(name: str, text: str) -> str:
    if name.startswith("<"):
        return "stdin-" + hashlib.sha1(text.encode()).hexdigest()[:10]
    return Path(name).stem


def _read_docx(data: bytes, name: str) -> Article:
    import io

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as error:
        raise InputError(f"{name}: not a readable .docx file ({type(error).__name__}: {error})") from None
    paragraphs = [_docx_paragraph(p) for p in document.paragraphs if p.text.strip()]
    for table in document.tables:
        rows = [_cells(row) for row in table.rows]
        header = rows[0] if len(rows) > 1 and _is_header(rows[0]) else None
        paragraphs += [line for line in (_docx_row(row, header) for row in rows[1 if header else 0 :]) if line]
    text = normalize_text("\n\n".join(paragraphs))
    if not text.strip():
        raise InputError(f"{name}: the document has no text")
    title = normalize_text(document.core_properties.title or "").strip() or None
    return Article(id=Path(name).stem, text=text, source=name, title=title if title and text.startswith(title) else None)


def _docx_paragraph(paragraph) -> str:
    """A paragraph's text; a bulleted or numbered list item keeps a "- " marker, as the same list typed as text would."""
    text = paragraph.text.strip()
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    if (style.startswith("List") or numbered) and not re.match(r"^[-–•*+]|\d{1,2}[.)]", text):
        return "- " + text
    return text


def _cells(row) -> list[str]:
    """The texts of a row's cells, merged cells (which python-docx repeats) once."""
    cells: list[str] = []
    for cell in row.cells:
        text = " ".join(cell.text.split())
        if not cells or cells[-1] != text:
            cells.append(text)
    return cells


def _is_header(cells: list[str]) -> bool:
    """A first row of short names without figures ("Chỉ tiêu | Kế hoạch | Thực hiện") names the columns."""
    return len(cells) >= 2 and all(cell and len(cell.split()) <= 6 and not re.search(r"\d", cell) for cell in cells)


def _docx_row(cells: list[str], header: list[str] | None = None) -> str:
    """A table row as one list item, its cells named by the column headers: "- Thu ngân sách: kế hoạch 5.000 tỷ
    đồng, thực hiện 5.240 tỷ đồng", so a table reads as a list of facts, as its list items do, rather than as
    scattered cells that look like page chrome."""
    cells = [cell for cell in cells if cell] if header is None else cells
    if not any(cells):
        return ""
    if len(cells) < 2:
        return cells[0]
    values = []
    for position, cell in enumerate(cells[1:], start=1):
        name = header[position] if header and position < len(header) else ""
        if cell:
            values.append(f"{name[:1].lower()}{name[1:]} {cell}" if name else cell)
    return f"- {cells[0]}: {', '.join(values)}" if values else cells[0]


def _read_jsonl(path: Path, on_error: OnError) -> Iterator[Article]:
    try:
        handle = path.open("rb")
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    with handle:
        seen = 0
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            seen += 1
            try:
                yield article_from_record(_parse_line(raw, path, number), f"{path}:{number}")
            except InputError as error:
                on_error(error)
    if not seen:
        raise InputError(f"{path}: the file is empty")


def _parse_line(raw: bytes, path: Path, number: int) -> dict:
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}:{number}: line is not UTF-8") from None
    record = parse_json_line(line, f"{path}:{number}", InputError)
    if not isinstance(record, dict):
        raise InputError(f"{path}:{number}: expected a JSON object with 'id' and 'text'")
    return record


def article_from_record(record: dict, where: str) -> Article:
    """Build an article from a corpus record: `text` required; `id`, `title`, `url`, `date`, `source` optional."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: record has no 'text' string")
    title = record.get("title") if isinstance(record.get("title"), str) else None
    lead = record.get("summary") if isinstance(record.get("summary"), str) else ""
    parts = [part for part in (title, lead, text) if part and part.strip()]
    identifier = str(record.get("id") or where)
    return Article(
        id=identifier,
        text=normalize_text("\n\n".join(parts)),
        source=str(record.get("source") or where),
        title=normalize_text(title).strip() if title else None,
        url=record.get("url") if isinstance(record.get("url"), str) else None,
        date=str(record["date"]) if record.get("date") else None,
    )


GROUP_FIELDS = ("doc", "article", "article_id", "doc_id", "document")


def read_paragraph_records(path: str | Path) -> Iterator[tuple[Article, list[dict]]]:
    """Pre-split paragraphs (one JSON object with a `text` per line, or `-` for stdin) as articles.

    Consecutive lines that share a `doc` (or `article`, `article_id`, `doc_id`, `document`) field
    form one article, so each paragraph is classified with its neighbours; each article comes with
    its input records so that callers can keep every input field.
    """
    records = _paragraph_records(path)
    group: list[dict] = []
    for record in [*records, None]:
        if group and (record is None or _group_key(record) != _group_key(group[-1])):
            texts = [normalize_text(r["text"]).strip() or r["text"] for r in group]
            yield Article.from_units(_group_key(group[0]) or "paragraphs", texts, source=str(path)), group
            group = []
        if record is not None:
            group.append(record)


def _paragraph_records(path: str | Path) -> list[dict]:
    name = str(path)
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(path).read_bytes()
        lines = data.decode("utf-8-sig").splitlines()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a folder; --paragraphs takes one JSON Lines file") from None
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8 JSON Lines") from None
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        record = parse_json_line(line, f"{name}:{number}", InputError)
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(f"{name}:{number}: each line must be an object with a 'text' string")
        records.append(record)
    if not records:
        raise InputError(f"{name}: no paragraphs")
    return records


def _group_key(record: dict) -> str:
    for name in GROUP_FIELDS:
        if name in record:
            return str(record[name])
    return ""
