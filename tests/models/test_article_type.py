"""The review-or-news decision: its threshold is chosen for precision on held-out articles, and 0.5 stays the
decision point of `review_score` for every reader."""

import hashlib
import json

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tongket.models.article_type import decision_threshold
from tongket.models.classifier import UnitClassifier
from tongket.models.store import load_runtime, save_model
from tongket.models.units import Unit
from tongket.text.errors import OptionError


def test_threshold_is_the_lowest_score_that_reaches_the_precision():
    scores = np.array([0.95, 0.9, 0.8, 0.7, 0.6, 0.4])
    gold = np.array([True, True, False, True, False, True])
    assert decision_threshold(scores, gold, 0.75) == 0.7  # top four: three reviews of four
    assert decision_threshold(scores, gold, 1.0) == 0.9


def test_threshold_falls_back_to_one_half_when_no_score_reaches_the_precision():
    assert decision_threshold(np.array([0.9, 0.8]), np.array([False, False]), 0.9) == 0.5


@given(st.lists(st.floats(0, 1), min_size=1, max_size=40, unique=True), st.data(), st.floats(0.05, 1.0))
def test_articles_at_or_above_the_threshold_reach_the_precision(values, data, precision):
    scores = np.array(values)
    gold = np.array(data.draw(st.lists(st.booleans(), min_size=len(values), max_size=len(values))))
    ranked = gold[np.argsort(-scores)]
    reachable = [k for k in range(1, len(ranked) + 1) if ranked[:k].mean() >= precision]
    threshold = decision_threshold(scores, gold, precision)
    if reachable:
        chosen = scores >= threshold
        assert chosen.sum() == max(reachable) and gold[chosen].mean() >= precision
    else:
        assert threshold == 0.5


REVIEW = [
    "Hội nghị tổng kết công tác năm của sở đã đánh giá kết quả đạt được.",
    "Năm qua, toàn ngành hoàn thành vượt mức các chỉ tiêu, thu ngân sách tăng 12%.",
    "Tuy nhiên, việc giải ngân vốn đầu tư công còn chậm.",
    "Thời gian tới, các đơn vị cần đẩy mạnh cải cách hành chính.",
]
NEWS = [
    "Một vụ cháy xảy ra tại kho hàng ven đô vào rạng sáng nay.",
    "Lực lượng cứu hỏa đã có mặt sau mười phút, không có thương vong.",
    "Nguyên nhân vụ cháy đang được cơ quan chức năng điều tra.",
    "Người dân quanh khu vực cho biết khói bốc cao nhiều giờ liền.",
]


def _articles(n: int) -> tuple[list[Unit], list[str], dict[str, bool]]:
    """`n` review reports and `n` news stories, each a few paragraphs, some of them borrowing a sentence from the other kind
    so that the decision is not trivially clean."""
    units, labels, reviews = [], [], {}
    for i in range(2 * n):
        review = i % 2 == 0
        body = list(REVIEW if review else NEWS)
        if i % 3 == 0:
            body[-1] = (NEWS if review else REVIEW)[i % 4]
        article = f"a{i}"
        reviews[article] = review
        for position, text in enumerate(body):
            label = ("context", "achievement", "limitation", "task")[position] if text in REVIEW else "context"
            units.append(Unit(text, article, position, len(body)))
            labels.append(label)
    return units, labels, reviews


def test_a_stricter_precision_never_judges_more_articles_to_be_reviews():
    units, labels, reviews = _articles(12)
    judged = []
    for precision in (0.5, 0.8, 1.0):
        model = UnitClassifier(use_context=False, review_precision=precision).fit(units, labels, article_reviews=reviews)
        probs = model.predict_proba(units)
        scores = model.runtime_.review_scores(units, probs)
        judged.append(sum(score >= 0.5 for score in scores.values()))
    assert judged == sorted(judged, reverse=True) and judged[0] > judged[-1] >= 1


def test_the_decision_reads_the_body_and_a_model_saved_without_the_setting_reads_the_lead(tmp_path):
    units, labels, reviews = _articles(6)
    model = UnitClassifier(use_context=False).fit(units, labels, article_reviews=reviews)
    folder = save_model(model, tmp_path / "m")
    assert load_runtime(folder).review_reads == "body"
    meta = json.loads((folder / "runtime.json").read_text(encoding="utf-8"))
    del meta["review_reads"]
    (folder / "runtime.json").write_text(json.dumps(meta), encoding="utf-8")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"]["runtime.json"] = hashlib.sha256((folder / "runtime.json").read_bytes()).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert load_runtime(folder).review_reads == "lead"


def test_an_unknown_reading_is_refused_by_name():
    units, labels, reviews = _articles(2)
    with pytest.raises(OptionError, match="review_reads must be one of body, lead"):
        UnitClassifier(use_context=False, review_reads="headline").fit(units, labels, article_reviews=reviews)
