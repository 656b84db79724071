from tongket.text.clean import assign_roles
from tongket.text.document import Article
from tongket.summarise.extract import extract_event
from tongket.text.segment import segment_article

ARTICLE = "\n\n".join(
    [
        "Sơ kết 6 tháng thực hiện Nghị quyết số 18-NQ/TW",
        "Thứ Ba, 11/07/2023 - 10:20",
        "Sáng 10/7, tại thành phố Huế, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị sơ kết 6 tháng đầu năm 2023 thực hiện "
        "Nghị quyết số 18-NQ/TW. Đồng chí Phạm Quang Vinh, Phó Bí thư Thường trực Tỉnh ủy chủ trì hội nghị. "
        "Tham dự hội nghị có gần 300 đại biểu.",
        "Báo cáo tại hội nghị, Giám đốc Sở Nội vụ Nguyễn Thị Lan cho biết toàn tỉnh đã giảm 12 đơn vị sự nghiệp công lập "
        "theo Kế hoạch số 45/KH-UBND và Quyết định 1234/QĐ-TTg.",
    ]
)


def test_event_fields():
    event = extract_event(assign_roles(segment_article(Article(id="a", text=ARTICLE))))
    assert event.title == "Sơ kết 6 tháng thực hiện Nghị quyết số 18-NQ/TW"
    assert event.published == "2023-07-11"
    assert event.date == "2023-07-10"
    assert event.type == "sơ kết"
    assert event.location == "thành phố Huế"
    assert event.organizer == "Ban Thường vụ Tỉnh ủy"
    assert event.participants == "gần 300 đại biểu"
    assert event.period == "6 tháng đầu năm 2023"
    assert {"Nghị quyết số 18-NQ/TW", "Kế hoạch số 45/KH-UBND", "Quyết định số 1234/QĐ-TTg"} <= set(event.documents)
    people = {p.name: p for p in event.people}
    assert people["Phạm Quang Vinh"].role == "chair"
    assert people["Phạm Quang Vinh"].position == "Phó Bí thư Thường trực Tỉnh ủy"
    assert people["Nguyễn Thị Lan"].position == "Giám đốc Sở Nội vụ"


def test_seed_documents_and_people(seeds):
    from tongket.text.read import read_path

    article = assign_roles(segment_article(read_path(seeds / "002_c461eb9b0f85b986.txt")))
    event = extract_event(article)
    assert "Kết luận số 57-KL/TW" in event.documents and "Hướng dẫn số 111-HD/BTGTW" in event.documents
    assert {"Nguyễn Thanh Lâm", "Lê Thị Thu Hằng"} <= {p.name for p in event.people}
