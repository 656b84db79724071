"""Background retraining: after every N new labels, learn again and say whether the labels helped.

The queue's model is retrained with a fast recipe (paragraph units, no second pass over neighbours), so a
round takes tens of seconds rather than the quarter hour of `tongket train`. Each round reports the
cross-validated macro-F1 (grouped by article, scored on corpus articles when there are any) of the labels
without the app's labels of this round and with them, so a labeller sees what their work changed.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

__all__ = ["Retrainer", "RetrainStatus", "fast_fit", "FAST_FOLDS"]

logger = logging.getLogger(__name__)
FAST_FOLDS = 3


@dataclass
class RetrainStatus:
    """What the queue page shows about retraining."""

    state: str = "idle"  # idle, training, failed
    new_labels: int = 0
    every: int = 20
    rounds: int = 0
    before: float | None = None
    after: float | None = None
    seconds: float | None = None
    error: str | None = None
    history: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        return asdict(self)


def fast_fit(articles):
    """The queue's model: the linear classifier on paragraphs, without the neighbour pass."""
    from tongket.training.train import TrainOptions, fit_linear

    return fit_linear(articles, TrainOptions(use_context=False, levels=("paragraph",), body_only_copies=False)).runtime_


class Retrainer:
    """Counts new labels; every `every` of them, retrains in a thread and hands the new model to `on_model`."""

    def __init__(self, labels_dir: Path, corpus: Path | None, on_model: Callable[[object], None], every: int = 20) -> None:
        self.labels_dir = Path(labels_dir)
        self.corpus = corpus
        self.on_model = on_model
        self.status = RetrainStatus(every=every)
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def note_label(self, change: int = 1) -> None:
        with self._lock:
            self.status.new_labels = max(0, self.status.new_labels + change)
            due = self.status.new_labels >= self.status.every and self.status.state != "training"
        if due:
            self.start()

    def start(self) -> bool:
        """Begin a round now, unless one is running; returns whether it began."""
        with self._lock:
            if self.status.state == "training":
                return False
            self.status.state, self.status.error, self.status.new_labels = "training", None, 0
        self._thread = threading.Thread(target=self._round, name="tongket-retrain", daemon=True)
        self._thread.start()
        return True

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _round(self) -> None:
        started = time.perf_counter()
        try:
            before, after, model = self._train()
        except Exception as error:  # the app must stay up; the page shows why the round failed
            logger.exception("retraining failed")
            with self._lock:
                self.status.state, self.status.error = "failed", f"{type(error).__name__}: {error}"
            return
        self.on_model(model)
        with self._lock:
            status = self.status
            status.state, status.rounds = "idle", status.rounds + 1
            status.before, status.after, status.seconds = before, after, round(time.perf_counter() - started, 1)
            status.history.append({"round": status.rounds, "before": before, "after": after})

    def _train(self) -> tuple[float | None, float | None, object]:
        from tongket.serve.labelstore import APP_FOLDER
        from tongket.training.labels import label_files, load_labels

        files = label_files([self.labels_dir])
        without_app = [f for f in files if APP_FOLDER not in f.relative_to(self.labels_dir).parts[:-1]]
        articles = load_labels(files, corpus=self.corpus)
        before = _cv_f1(load_labels(without_app, corpus=self.corpus)) if without_app and without_app != files else None
        after = _cv_f1(articles)
        return before, after, fast_fit(articles)


def _cv_f1(articles) -> float | None:
    """Cross-validated paragraph macro-F1 over the content labels, on corpus articles when there are enough."""
    from tongket.training.evaluate import cross_validate, in_subset

    on = "real" if sum(in_subset(a, "real") for a in articles) >= FAST_FOLDS else "all"
    if sum(in_subset(a, on) for a in articles) < FAST_FOLDS:
        return None
    evaluation = cross_validate(articles, fast_fit, FAST_FOLDS, on=on)
    return round(evaluation.levels["paragraph"].summary()["macro_f1_content"], 4)
