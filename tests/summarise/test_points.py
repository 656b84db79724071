"""Key points are whole ideas: lists split into items, never into fragments, and announcements are not points."""

from tongket.summarise.points import announces_list, key_points
from tongket.text.document import Article


def _labelled(texts, labels):
    article = Article.from_units("a", texts)
    for paragraph, label in zip(article.paragraphs, labels):
        paragraph.label = label
        paragraph.scores = {"achievement": 0.0, "limitation": 0.0, "task": 0.0, label: 0.9}
        for sentence in paragraph.sentences:
            sentence.label, sentence.scores = label, dict(paragraph.scores)
    return article


def test_a_list_inside_parentheses_stays_with_its_point():
    text = "Tai nạn giao thông giảm cả ba tiêu chí (giảm 120 vụ, tương đương 8%; giảm 45 người chết; giảm 98 người bị thương)."
    points = key_points(_labelled([text], ["achievement"]))
    assert [p.text for p in points] == [text]


def test_a_bare_count_left_by_a_split_is_not_a_point():
    text = "Kết quả xử lý đơn thư trong năm như sau: đã giải quyết dứt điểm 315 đơn; 12 vụ (4%)."
    points = key_points(_labelled([text], ["achievement"]))
    assert points and all(len(p.text.split()) >= 4 for p in points)
    assert not any(p.text.startswith("12 vụ") for p in points)


def test_lead_in_that_only_announces_a_list_is_not_a_point_but_its_items_are():
    texts = [
        "Báo cáo cũng chỉ ra một số tồn tại, hạn chế.",
        "Việc số hóa hồ sơ ở cấp xã còn chậm so với kế hoạch.",
        "Hội nghị thống nhất đề ra 3 nhóm giải pháp sau:",
        "Đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính.",
    ]
    points = key_points(_labelled(texts, ["limitation", "limitation", "task", "task"]))
    assert [p.text for p in points] == [texts[1], texts[3]]


def test_items_of_a_list_after_a_colon_carry_the_shared_subject():
    text = ("Năm qua, toàn tỉnh đã: xây mới 12 trường học đạt chuẩn quốc gia; sửa chữa 45 trạm y tế xã; "
            "đưa vào sử dụng 3 bệnh viện tuyến huyện.")
    points = key_points(_labelled([text], ["achievement"]))
    assert [p.text for p in points] == [
        "Toàn tỉnh đã xây mới 12 trường học đạt chuẩn quốc gia.",
        "Toàn tỉnh đã sửa chữa 45 trạm y tế xã.",
        "Toàn tỉnh đã đưa vào sử dụng 3 bệnh viện tuyến huyện.",
    ]


def test_announcements_are_told_from_statements():
    assert announces_list("Tuy nhiên, vẫn còn một số hạn chế cần khắc phục.")
    assert announces_list("Hạn chế vẫn còn nhiều.") and announces_list("Kết quả đạt được là đáng kể.")
    assert not announces_list("Hạn chế lớn nhất vẫn là thiếu vốn.")
    assert announces_list("Hội nghị đã đạt được những kết quả sau:")
    assert not announces_list("Tuy nhiên, sự phối hợp giữa các sở còn chậm, một số hạn chế chưa được khắc phục.")
    assert not announces_list("Năm qua, ngành đạt nhiều kết quả quan trọng.")


_SAME_EVERY_RUN = """
import json
from tongket.summarise.points import key_points
from tongket.text.document import Article
texts = [
    "Xây mới trường học vùng cao.", "Nâng cấp cầu dân sinh.", "Mở rộng đường giao thông.", "Kéo điện về thôn bản.",
    "Cấp nước sạch tập trung.", "Sửa chợ phiên miền núi.", "Lắp trạm bơm tưới tiêu.", "Trồng rừng phòng hộ đầu nguồn.",
    "Đào tạo nghề lao động nông thôn.", "Xây mới trường học vùng cao cầu đường điện nước chợ trạm.",
]
article = Article.from_units("a", texts)
for paragraph in article.paragraphs:
    paragraph.label, paragraph.scores = "achievement", {"achievement": 0.9}
    for sentence in paragraph.sentences:
        sentence.label, sentence.scores = "achievement", {"achievement": 0.9}
print(json.dumps([p.text for p in key_points(article)]))
"""


def test_the_same_article_gives_the_same_points_in_every_process():
    # Python salts string hashes per process; which earlier points a new one is compared with must not depend on it
    import os
    import subprocess
    import sys

    outputs = {
        subprocess.run([sys.executable, "-c", _SAME_EVERY_RUN], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout
        for seed in range(8)
    }
    assert len(outputs) == 1


def test_a_list_opened_by_nhu_gives_its_items_no_false_subject():
    text = ("Báo cáo cũng phản ánh lo lắng của cử tri về một số vấn đề, như: giá vật tư nông nghiệp tăng cao; "
            "nhiều tuyến đường xuống cấp chưa được sửa chữa.")
    points = key_points(_labelled([text], ["limitation"]))
    assert [p.text for p in points] == ["Giá vật tư nông nghiệp tăng cao.", "Nhiều tuyến đường xuống cấp chưa được sửa chữa."]


def test_a_question_is_not_a_point():
    texts = ["Làm thế nào để thu hút học sinh vào trường nghề?", "Tỉnh cần tăng đầu tư thiết bị cho các trường nghề."]
    points = key_points(_labelled(texts, ["task", "task"]))
    assert [p.text for p in points] == ["Tỉnh cần tăng đầu tư thiết bị cho các trường nghề."]


def test_a_remark_with_no_matter_of_its_own_is_not_a_point():
    texts = ["Điều này là không đúng.", "Hiện chúng tôi chưa làm được.", "Số xã chưa có trạm y tế vẫn còn 12 xã."]
    points = key_points(_labelled(texts, ["limitation", "limitation", "limitation"]))
    assert [p.text for p in points] == ["Số xã chưa có trạm y tế vẫn còn 12 xã."]


def test_a_point_cut_from_a_longer_quotation_loses_its_lone_quotation_mark():
    texts = [
        'Bộ trưởng nhấn mạnh: "Ngành sẽ rà soát toàn bộ các dự án chậm tiến độ. Các đơn vị phải báo cáo trước tháng 6".',
    ]
    points = key_points(_labelled(texts, ["task"]))
    assert [p.text for p in points][-1] == "Các đơn vị phải báo cáo trước tháng 6."


def test_thanks_and_greetings_are_not_points_but_praise_of_results_is():
    texts = [
        "Thay mặt Ban Thường vụ, tôi xin chân thành cảm ơn các sở, ngành đã phối hợp chặt chẽ trong năm qua.",
        "Đồng chí Bí thư gửi tới toàn thể cán bộ, đảng viên của Đảng bộ lời chúc sức khỏe, hạnh phúc.",
        "Đồng chí biểu dương và chúc mừng những kết quả mà ngành Y tế tỉnh đạt được trong năm 2024.",
    ]
    points = key_points(_labelled(texts, ["achievement", "task", "achievement"]))
    assert [p.text for p in points] == [texts[2]]


def test_a_note_in_brackets_is_not_a_point_but_a_point_with_a_bracket_is():
    texts = [
        "Công tác cải cách thủ tục hành chính ở nhiều sở, ngành vẫn còn chậm, chưa đồng bộ. "
        "(Trích báo cáo của Ban Chỉ đạo cải cách hành chính tỉnh năm 2023).",
        "Tỷ lệ hồ sơ trễ hạn còn cao (12% tổng số hồ sơ).",
    ]
    points = key_points(_labelled(texts, ["limitation", "limitation"]))
    assert [p.text for p in points] == [
        "Công tác cải cách thủ tục hành chính ở nhiều sở, ngành vẫn còn chậm, chưa đồng bộ.",
        "Tỷ lệ hồ sơ trễ hạn còn cao (12% tổng số hồ sơ).",
    ]
