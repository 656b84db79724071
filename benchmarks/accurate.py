"""What the accurate model costs: digest throughput of the default and the accurate model, side by side on one core.

    python benchmarks/accurate.py [--articles 100] [--write]

The same corpus articles (half VietNews, half VNTC) are digested by each model in this one process with
one thread (NumPy and torch both), so the ratio compares like with like. Every embedding is computed
afresh: the in-process memory of embeddings is cleared before the accurate run.
"""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from common import corpus_records, peak_memory_mb, publish, timed  # noqa: E402

from tongket.models.store import accurate_model_dir, default_model_dir, load_classifier  # noqa: E402
from tongket.pipeline import digest_batch  # noqa: E402
from tongket.text.read import article_from_record  # noqa: E402


def records(count: int) -> list[dict]:
    half = count // 2
    vietnews = corpus_records(half, ("vietnews",))
    vntc = corpus_records(count - half, ("vntc",))
    return vietnews + vntc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    import torch

    import tongket.models.embeddings as embeddings

    torch.set_num_threads(1)
    chosen = records(args.articles)
    paragraphs = sum(r["text"].count("\n\n") + 1 for r in chosen)
    rows = ["| model | seconds | articles/s | paragraphs/s |", "|---|---:|---:|---:|"]
    rates = {}
    for name, directory in (("default", default_model_dir()), ("accurate", accurate_model_dir())):
        classifier = load_classifier(directory)
        embeddings._memory.clear()
        seconds, _ = timed(lambda: digest_batch([article_from_record(r, r["id"]) for r in chosen], classifier))
        rates[name] = len(chosen) / seconds
        rows.append(f"| {name} | {seconds:.1f} | {rates[name]:.2f} | {paragraphs / seconds:.1f} |")
        print(rows[-1], flush=True)
    table = "\n".join(rows) + (
        f"\n\n{len(chosen)} corpus articles ({paragraphs} paragraphs), one thread; the accurate model is"
        f" {rates['default'] / rates['accurate']:.0f}× slower. Peak memory {peak_memory_mb():.0f} MB."
    )
    publish("The accurate model's cost: digest throughput on one core", table, args.write)


if __name__ == "__main__":
    main()
