"""How the shipped recipe grows with real labels: cross-validation over a fixed set of real articles.

    python benchmarks/label_curve.py [--share 0.33 0.66 1] [--later] [--write]

The scored articles are always the 440 of the first labelling round (`reference/first_round_ids.txt`), in the
same 5 folds grouped by article, so every row is comparable. `--share` trains each fold on that share of its
real training articles (written articles always in); `--later` adds every real article labelled after the first
round to every training fold. Each row costs one 5-fold cross-validation (about 6 minutes on 2 cores alone,
20 with --later).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from common import CORPUS, publish

from tongket.models.store import default_model_dir
from tongket.training.evaluate import cross_validate
from tongket.training.labels import load_labels
from tongket.training.run_evaluation import options_from_model
from tongket.training.train import _fitter

ROOT = Path(__file__).resolve().parents[1]
FIRST_ROUND = Path(__file__).resolve().parent / "reference" / "first_round_ids.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--share", type=float, nargs="*", default=[1.0], help="Shares of each fold's real training articles.")
    parser.add_argument("--later", action="store_true", help="Also a row with the later real articles in every fold.")
    parser.add_argument("--write", action="store_true", help="Also log the table in benchmarks/RESULTS.md.")
    args = parser.parse_args()

    first = set(FIRST_ROUND.read_text(encoding="utf-8").split())
    articles = load_labels([ROOT / "labels"], corpus=CORPUS)
    later = [a for a in articles if a.source != "written" and a.id not in first]
    scored = [a for a in articles if a.source == "written" or a.id in first]
    fit = _fitter(options_from_model(default_model_dir()))

    rows = []
    for share in args.share:
        rows.append((f"{share:.0%} of the first round's training articles", _score(scored, _sample(fit, share), [])))
    if args.later:
        rows.append((f"all of them + {len(later)} labelled later", _score(scored, fit, later)))
    lines = ["| real articles learnt from | paragraphs | sentences | article type P / R |", "|---|---:|---:|---:|"]
    lines += [f"| {name} | {p:.3f} | {s:.3f} | {rp:.3f} / {rr:.3f} |" for name, (p, s, rp, rr) in rows]
    publish("Real labels: the learning curve", "\n".join(lines), args.write)


def _sample(fit, share: float):
    """A fitter that keeps `share` of the real training articles (a fixed draw per fold) and every written one."""
    def fit_share(train):
        real = [a for a in train if a.source != "written"]
        kept = {id(a) for a in random.Random(0).sample(real, int(len(real) * share))}
        return fit([a for a in train if a.source == "written" or id(a) in kept])
    return fit_share


def _score(scored, fit, extra) -> tuple[float, float, float, float]:
    evaluation = cross_validate(scored, lambda train: fit(list(train) + extra), k=5, on="real")
    review = evaluation.review.summary()
    return (evaluation.levels["paragraph"].summary()["macro_f1_content"], evaluation.levels["sentence"].summary()["macro_f1_content"],
            review["precision"], review["recall"])


if __name__ == "__main__":
    main()
