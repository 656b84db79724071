"""Does the labelling queue pick better units than chance? A simulated labeller answers from the real labels.

    python benchmarks/active_learning.py [--budget 200] [--rounds 4] [--seeds 8] [--strategies uncertainty margin random] [--write]

Start: the written labels plus `--start` real articles. Pool: every unit of the other real labelled
articles, except the held-out ones (the test half of the reference digests, never tuned on). Each round,
the queue's model (`tongket.serve.trainer.fast_fit`) scores the pool and the queue's rule
(`tongket.serve.queue.content_uncertainty` and `select`: uncertainty about the content labels, with
diversity) picks budget/rounds units, or random picks the same number ("margin": the earlier rule, the
margin over all body labels; "hybrid": half the queue's picks, half random); the simulated labeller
gives their gold labels, as partial articles, and the model is retrained. Reported: paragraph macro-F1 over achievement/limitation/task on the held-out articles after
each round, mean over seeds.
"""

from __future__ import annotations

import argparse
import random
import statistics
from pathlib import Path

import numpy as np
from common import CORPUS, publish

from tongket.models.units import paragraph_units
from tongket.serve.queue import content_uncertainty, margins, select
from tongket.serve.trainer import fast_fit
from tongket.text.clean import assign_roles
from tongket.training.corpus import UNLABELLED
from tongket.training.digest_eval import load_reference_digests
from tongket.training.evaluate import evaluate_classifier
from tongket.training.labels import LabelledArticle, load_labels

ROOT = Path(__file__).resolve().parent.parent


def partial(article: LabelledArticle, chosen: set[int]) -> LabelledArticle:
    """The article with only the chosen units' labels known."""
    return LabelledArticle(
        article.id, article.sector, article.type, list(article.texts),
        [label if i in chosen else UNLABELLED for i, label in enumerate(article.labels)],
        [s if i in chosen else None for i, s in enumerate(article.sentence_labels)], article.source, article.title,
    )


def score(model, test: list[LabelledArticle]) -> float:
    return evaluate_classifier(model, test)["paragraph"].summary()["macro_f1_content"]


def pool_units(pool: list[LabelledArticle]) -> list[tuple[int, int, str]]:
    return [(a, i, text) for a, article in enumerate(pool) for i, text in enumerate(article.texts)]


def pick(strategy: str, model, pool: list[LabelledArticle], known: dict[int, set[int]], k: int, rng: random.Random) -> list[tuple[int, int]]:
    articles = {a: assign_roles(article.to_article()) for a, article in enumerate(pool)}
    candidates = [(a, i, t) for a, i, t in pool_units(pool) if i not in known.get(a, set())
                  and not (articles[a].paragraphs[i].role_is_certain and articles[a].paragraphs[i].role != "body")]
    if strategy == "random":
        return [(a, i) for a, i, _ in rng.sample(candidates, k)]
    order = sorted(articles)
    units = [u for a in order for u in paragraph_units(articles[a])]
    offsets, start = {}, 0
    for a in order:
        offsets[a] = start
        start += len(articles[a].paragraphs)
    probs = model.predict_proba(units)
    rows = [offsets[a] + i for a, i, _ in candidates]
    if strategy == "margin":  # the queue's earlier rule: the margin over all body labels
        uncertainty = margins(probs[rows], model.classes)
    else:
        uncertainty = content_uncertainty(probs[rows], model.classes)
    if strategy == "hybrid":
        chosen = select([t for _, _, t in candidates], [str(a) for a, _, _ in candidates], uncertainty, k - k // 2)
        rest = [c for c in range(len(candidates)) if c not in set(chosen)]
        chosen += rng.sample(rest, k // 2)
    else:
        chosen = select([t for _, _, t in candidates], [str(a) for a, _, _ in candidates], uncertainty, k)
    return [(candidates[c][0], candidates[c][1]) for c in chosen]


def run(strategy: str, seed: int, written, real_pool, start: int, test, budget: int, rounds: int) -> list[float]:
    rng = random.Random(seed)
    order = list(range(len(real_pool)))
    rng.shuffle(order)
    seeded = [real_pool[i] for i in order[:start]]
    pool = [real_pool[i] for i in order[start:]]
    known: dict[int, set[int]] = {}
    model = fast_fit(written + seeded)
    curve = [score(model, test)]
    for _ in range(rounds):
        for a, i in pick(strategy, model, pool, known, budget // rounds, rng):
            known.setdefault(a, set()).add(i)
        model = fast_fit(written + seeded + [partial(pool[a], units) for a, units in known.items()])
        curve.append(score(model, test))
    return curve


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--budget", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--seeds", type=int, default=8)
    parser.add_argument("--start", type=int, default=10, help="real articles labelled before the queue starts")
    parser.add_argument("--strategies", nargs="+", default=["uncertainty", "margin", "random"],
                        choices=["uncertainty", "margin", "hybrid", "random"])
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    held_out = {r.article for r in load_reference_digests(ROOT / "benchmarks" / "reference" / "digests.jsonl", CORPUS)
                if r.split == "test"}
    articles = load_labels([ROOT / "labels"], corpus=CORPUS)
    written = [a for a in articles if a.source == "written"]
    test = [a for a in articles if a.id in held_out]
    real_pool = [a for a in articles if a.source != "written" and a.id not in held_out]
    curves = {s: [run(s, seed, written, real_pool, args.start, test, args.budget, args.rounds) for seed in range(args.seeds)]
              for s in args.strategies}
    step = args.budget // args.rounds
    rows = ["| labels added | " + " | ".join(f"{s} (mean ± sd of {args.seeds})" for s in curves) + " |",
            "|---:|" + "---:|" * len(curves)]
    for r in range(args.rounds + 1):
        cells = []
        for s, runs in curves.items():
            values = [c[r] for c in runs]
            cells.append(f"{statistics.mean(values):.3f} ± {statistics.pstdev(values):.3f}")
        rows.append(f"| {r * step} | " + " | ".join(cells) + " |")
    for strategy in [s for s in curves if s != "random" and "random" in curves]:
        gains = [u[-1] - r[-1] for u, r in zip(curves[strategy], curves["random"])]
        error = statistics.stdev(gains) / len(gains) ** 0.5 if len(gains) > 1 else float("nan")
        rows += ["", f"{strategy} minus random after {args.budget} labels, per seed (same start and pool): "
                 + ", ".join(f"{g:+.3f}" for g in gains)
                 + f"; mean {np.mean(gains):+.3f} ± {error:.3f} (standard error), better on {sum(g > 0 for g in gains)} of {len(gains)}."]
    rows.append(f"Held out: {len(test)} real articles; pool: {len(real_pool) - args.start} real articles; "
                f"start: {len(written)} written + {args.start} real articles.")
    publish("Labelling queue: uncertainty with diversity against random picks", "\n".join(rows), args.write)


if __name__ == "__main__":
    main()
