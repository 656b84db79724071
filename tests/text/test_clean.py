from tongket.text.clean import assign_roles, guess_role
from tongket.text.document import Article
from tongket.text.segment import segment_article


def _roles(text: str) -> list[str]:
    article = assign_roles(segment_article(Article(id="x", text=text)))
    return [p.role for p in article.paragraphs]


def test_page_layout_roles():
    text = "\n\n".join(
        [
            "Tin tức",
            "Hội nghị tổng kết công tác dân vận năm 2024",
            "Thứ Hai, 06/01/2025 - 09:30",
            "Sáng 5/1, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận năm 2024 với sự tham dự của 150 đại biểu.",
            "Toàn cảnh hội nghị",
            "Năm 2024, công tác dân vận tiếp tục có nhiều chuyển biến tích cực, phong trào thi đua dân vận khéo được lan tỏa rộng khắp.",
            "Thời gian tới, các cấp ủy cần tăng cường lãnh đạo, chỉ đạo công tác dân vận trong tình hình mới, đổi mới nội dung và phương thức.",
            "Nguồn: Ban Dân vận Tỉnh ủy",
            "Tin liên quan",
            "Lượt xem: 1.245",
        ]
    )
    assert _roles(text) == ["boilerplate", "title", "meta", "body", "caption", "body", "body", "meta", "boilerplate", "boilerplate"]


def test_single_lines():
    assert guess_role("11:38 | 21/12/2017") == ("meta", True)
    assert guess_role("Tác giả: Thu Hà")[0] == "meta"
    assert guess_role("Bản quyền thuộc Báo Điện tử tỉnh")[0] == "boilerplate"
    assert guess_role("Quang cảnh hội nghị")[0] == "caption"
    assert guess_role("Năm qua, toàn tỉnh đã giải quyết việc làm cho 18.500 lao động, vượt 5% kế hoạch.")[0] == "body"


def test_seed_tail_after_source_line_is_boilerplate(seeds):
    from tongket.text.read import read_path

    article = assign_roles(segment_article(read_path(seeds / "001_81296b53b6013a0e.txt")))
    source = next(p.index for p in article.paragraphs if p.text.startswith("Nguồn tin"))
    assert all(p.role == "boilerplate" and p.role_is_certain for p in article.paragraphs[source + 1 :])
