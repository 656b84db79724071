"""Bytes → text for Vietnamese files in whatever encoding they arrive in."""

from __future__ import annotations

import codecs
import re

from tongket.text.errors import InputError
from tongket.text.normalize import normalize_text

__all__ = ["decode_bytes", "legacy_vietnamese_font", "looks_vietnamese", "MAX_ARTICLE_BYTES"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_VIETNAMESE_LETTERS = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323àáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]")
# Fingerprints, in the Latin-1 view of the bytes, of the legacy 8-bit font encodings of old office
# files: TCVN3 (ABC) puts most accented lower-case letters in 0xA8–0xBF ("c¸c", "n¨m", "®−îc");
# VNI writes a base vowel followed by a mark byte ("Hoäi nghò", "ñöôïc").
_TCVN3_MARKS = re.compile("[\xa8-\xbf]")
_VNI_MARKS = re.compile("[aeiouyAEIOUY][\xf8\xf9\xfb\xf5\xef\xe4\xe2\xe5\xe3\xf6\xf4]|[\xf6\xf1\xd1]")
MAX_ARTICLE_BYTES = 8_000_000


def decode_bytes(data: bytes, name: str) -> str:
    """Decode, normalise to NFC and refuse what is not text, naming the file in the error."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError(
            f"{name}: {len(data) / 1e6:.0f} MB is too large for one article (limit {MAX_ARTICLE_BYTES / 1e6:.0f} MB); "
            "split it, or give many articles as a .jsonl corpus"
        )
    text = _decode(data, name)
    text = normalize_text(text)
    if not text.strip():
        raise InputError(f"{name}: the file holds only whitespace")
    return text


def _decode(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, name)
    if _looks_utf16(data):
        return _strict(data, "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be", name)
    if _looks_binary(data):
        raise InputError(f"{name}: binary file, not text (found control bytes); give a .txt, .html, .docx or .jsonl article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_8bit(data, name)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(f"{name}: cannot decode as {encoding} at byte {error.start}") from None


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4000]
    if len(sample) < 4:
        return False
    zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) / 2
    return max(zeros_even, zeros_odd) > 0.3 * half and min(zeros_even, zeros_odd) < 0.05 * half


def _looks_binary(data: bytes) -> bool:
    sample = data[:8000]
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return b"\x00" in sample or controls > 0.01 * len(sample)


def _decode_8bit(data: bytes, name: str) -> str:
    """Windows-1258 is the usual non-UTF-8 Vietnamese encoding; charset-normalizer decides the rest."""
    legacy = legacy_vietnamese_font(data.decode("latin-1"))
    if legacy:
        raise InputError(
            f"{name}: text is in the legacy {legacy} Vietnamese font encoding, not Unicode; convert it to Unicode "
            "(for example with UniKey's converter) and try again"
        )
    candidates = ["cp1258"]
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding not in candidates:
        candidates.append(best.encoding)
    decoded = [(text, enc) for enc in candidates if (text := _try(data, enc)) is not None]
    if not decoded:
        raise InputError(f"{name}: cannot detect the text encoding (not UTF-8, UTF-16 or Windows-1258)")
    text, _ = max(decoded, key=lambda pair: len(_VIETNAMESE_LETTERS.findall(pair[0])))
    return text


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def legacy_vietnamese_font(latin: str) -> str:
    """Name the legacy font encoding (TCVN3 or VNI) that bytes read as Latin-1 betray, or return ''."""
    words = max(1, len(latin.split()))
    if len(_TCVN3_MARKS.findall(latin)) > 0.3 * words:
        return "TCVN3 (ABC)"
    if len(_VNI_MARKS.findall(latin)) > 0.3 * words:
        return "VNI"
    return ""


def looks_vietnamese(text: str) -> bool:
    """True when at least one word in ten carries a Vietnamese letter or tone mark."""
    sample = text[:20000]
    words = max(1, len(sample.split()))
    return len(_VIETNAMESE_LETTERS.findall(sample.lower())) >= 0.1 * words
