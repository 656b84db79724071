"""Unicode clean-up so that the same Vietnamese word always compares equal."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_text", "fold_tones", "fold_key", "UPPER", "LOWER"]

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\x0b\x0c]")

# New-style tone placement ("hoà", "thuỷ") and old style ("hòa", "thủy") are the same word.
_TONE_FOLD = {
    f"{base}{toned}": f"{moved}{rest}"
    for base, rest, pairs in (
        ("o", "a", "àòáóảỏãõạọ"),
        ("o", "e", "èòéóẻỏẽõẹọ"),
        ("u", "y", "ỳùýúỷủỹũỵụ"),
    )
    for toned, moved in zip(pairs[0::2], pairs[1::2])
}
_TONE_FOLD_RE = re.compile(r"(" + "|".join(_TONE_FOLD) + r")(?![^\W\d_])")


_ETH = str.maketrans({"\u00d0": "Đ", "\u00f0": "đ"})


def normalize_text(text: str) -> str:
    """NFC, LF line ends, plain spaces, no zero-width marks: what every later step assumes.

    Pages converted from the old Vietnamese code pages write "Đ" as the Icelandic eth "Ð", which looks the
    same and matches nothing: "Ðảng", "Ðà Nẵng" and "Ðại hội" would escape every pattern and be new words to
    the classifier.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_ETH)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return unicodedata.normalize("NFC", text)


def fold_tones(text: str) -> str:
    """Move word-final tone marks to one placement: "thuỷ" → "thủy", "hoà" → "hòa"."""
    return _TONE_FOLD_RE.sub(lambda m: _TONE_FOLD[m.group(1)], text)


def fold_key(text: str) -> str:
    """Lower-cased, tone-folded form used to compare words and points."""
    return fold_tones(unicodedata.normalize("NFC", text).lower())


def _letters(predicate) -> str:
    """Latin letters only (Basic Latin to Latin Extended-B, and Latin Extended Additional, which holds ạ…ỹ):
    Greek, Cyrillic and the other scripts in between would double every class and its compile time."""
    latin = [*range(0x41, 0x250), *range(0x1E00, 0x1EFA)]
    return "".join(ch for ch in map(chr, latin) if ch.isalpha() and predicate(ch))


UPPER = _letters(str.isupper)
"""Every upper-case Latin letter Vietnamese uses, for regex character classes."""
LOWER = _letters(str.islower)
