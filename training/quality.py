"""The quality gate's measurement: the shipped recipe, trained without a fixed set of real articles, scored on them.

The held-out articles are the test half of the reference digests (`benchmarks/reference/digests.jsonl`):
real corpus articles, labelled unit by unit and with reference digests, on which nothing was ever tuned.
One model is trained on every other labelled article (written and real) with the options of the shipped
model, then scored on the held-out articles' units (classifier macro-F1, paragraph and sentence level,
and the article-type decision) and on their reference digests (key points and event metadata).
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["held_out_scores"]


def held_out_scores(
    labels: Path, reference: Path, corpus: Path, split: str = "test", model: Path | None = None
) -> dict[str, float]:
    """Scores of a model folder's recipe (the shipped default's unless `model` is given) on the reference digests'
    `split` articles, trained without them."""
    from tongket.models.store import default_model_dir
    from tongket.pipeline import digest_batch
    from tongket.text.read import article_from_record
    from tongket.training.digest_eval import DigestScores, load_reference_digests, score_event, score_points
    from tongket.training.evaluate import ReviewReport, evaluate_classifier
    from tongket.training.labels import load_labels
    from tongket.training.run_evaluation import options_from_model
    from tongket.training.train import fit_linear

    references = [r for r in load_reference_digests(reference, corpus) if r.split == split]
    held_out = {r.article for r in references}
    articles = load_labels([labels], corpus=corpus)
    train = [a for a in articles if a.id not in held_out]
    test = [a for a in articles if a.id in held_out]
    classifier = fit_linear(train, options_from_model(model or default_model_dir())).runtime_
    review = ReviewReport()
    levels = evaluate_classifier(classifier, test, review)
    digests = DigestScores()
    records = [article_from_record(r.record, r.article) for r in references]
    for ref, digest in zip(references, digest_batch(records, classifier)):
        as_dict = digest.to_dict()
        score_points(digests, as_dict, ref)
        score_event(digests, as_dict, ref)
    points = digests.summary()
    return {
        "articles": float(len(test)),
        "paragraph_macro_f1": levels["paragraph"].summary()["macro_f1_content"],
        "sentence_macro_f1": levels["sentence"].summary()["macro_f1_content"],
        "review_precision": review.summary()["precision"],
        "review_recall": review.summary()["recall"],
        "points_recall": points["recall"],
        "points_precision": points["precision"],
        "metadata_mean": points["metadata_mean"],
    }
