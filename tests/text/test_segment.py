import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tongket.text.segment import paragraph_spans, sentence_spans, split_paragraphs, split_sentences


def _letters(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ông Nguyễn Văn A, PGS.TS. Trần Văn B dự họp. Hội nghị kết thúc.", 2),
        ("Tại TP. Hồ Chí Minh, có 1.200 đại biểu dự ngày 10/11/2016. Sau đó là thảo luận.", 2),
        ("Các nội dung gồm tuyên truyền, báo chí, v.v. Thời gian tới cần đổi mới.", 2),
        ("Đồng chí nhấn mạnh: “Phải làm ngay. Không chờ đợi.” Hội nghị thống nhất.", 2),
        ("Còn nhiều khó khăn... Tuy vậy, kết quả vẫn khả quan.", 2),
        ("Tăng 12,5% so với cùng kỳ. Đạt 95% kế hoạch!", 2),
        ("Ông Nguyễn V. An phát biểu.", 1),
    ],
)
def test_vietnamese_sentences(text, expected):
    assert len(split_sentences(text)) == expected


@pytest.mark.parametrize(
    "paragraph, body",
    [
        ("Đoàn công tác thăm trường. Ảnh: N. HỮU Năm 2023, trường tuyển 600 học sinh lớp 10.",
         "Năm 2023, trường tuyển 600 học sinh lớp 10."),
        ("Lãnh đạo tỉnh tặng hoa Ảnh: T.LINH Năm qua, 70% xã thực hiện tốt quy chế dân chủ.",
         "Năm qua, 70% xã thực hiện tốt quy chế dân chủ."),
        ("Quang cảnh hội nghị. Ảnh: TTXVNPhát biểu khai mạc, đồng chí Bí thư nêu rõ ba nhiệm vụ.",
         "Phát biểu khai mạc, đồng chí Bí thư nêu rõ ba nhiệm vụ."),
        ("Quang cảnh buổi tiếp dân. Ảnh: K.Chi Từ năm 2019, trung tâm đã giải quyết 400 đơn thư.",
         "Từ năm 2019, trung tâm đã giải quyết 400 đơn thư."),
    ],
)
def test_a_photo_credit_glued_to_the_body_ends_the_caption(paragraph, body):
    assert split_sentences(paragraph)[-1] == body


def test_a_credit_in_ordinary_words_or_a_lower_case_photo_word_is_not_cut():
    assert split_sentences("Đại biểu dự họp. Ảnh: Minh Anh") == ["Đại biểu dự họp.", "Ảnh: Minh Anh"]
    assert split_sentences("Ảnh hưởng của bão lớn: mùa màng thiệt hại nặng.") == ["Ảnh hưởng của bão lớn: mùa màng thiệt hại nặng."]


def test_blank_line_and_single_line_layouts_give_the_same_paragraphs():
    units = ["Tiêu đề bài viết", "Đoạn một kết thúc ở đây.", "Đoạn hai cũng vậy."]
    assert split_paragraphs("\n\n".join(units)) == units
    assert split_paragraphs("\n".join(units)) == units


def test_hard_wrapped_lines_are_joined():
    text = "Năm 2023, toàn ngành đã hoàn thành vượt mức các chỉ tiêu\nđược giao, tạo nền tảng cho năm sau.\n\nĐoạn khác."
    assert split_paragraphs(text) == [
        "Năm 2023, toàn ngành đã hoàn thành vượt mức các chỉ tiêu\nđược giao, tạo nền tảng cho năm sau.",
        "Đoạn khác.",
    ]


def test_list_lines_are_not_joined():
    text = "Các nhiệm vụ trọng tâm trong năm tới của toàn ngành gồm có\n- tăng cường kiểm tra\n- đẩy mạnh tuyên truyền"
    assert len(split_paragraphs(text)) == 3


def test_a_headline_glued_to_its_dated_lead_is_two_paragraphs():
    text = ("Cần tăng tốc giải ngân vốn đầu tư công Sáng nay 8-6, UBND tỉnh tổ chức hội nghị sơ kết.\n\n"
            "Hội nghị nêu nhiều giải pháp. Chiều nay 9-6 đoàn đi kiểm tra dự án.")
    assert split_paragraphs(text) == [
        "Cần tăng tốc giải ngân vốn đầu tư công", "Sáng nay 8-6, UBND tỉnh tổ chức hội nghị sơ kết.",
        "Hội nghị nêu nhiều giải pháp. Chiều nay 9-6 đoàn đi kiểm tra dự án.",
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=600))
def test_paragraph_segmentation_loses_no_text(text):
    spans = paragraph_spans(text)
    assert _letters("".join(text[s:e] for s, e in spans)) == _letters(text)
    assert all(s < e for s, e in spans)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Hội nghị", "TP.", "v.v.", "PGS.TS.", "1.200", "10/11/2016", "“Phải", "làm.”", "...", "Đạt", "95%.", "!", "?", "chưa", "Ảnh:", "N.", "HỮU", "TTXVNPhát", " ", "\n"]),
        max_size=60,
    ).map(" ".join)
)
def test_sentence_segmentation_loses_no_text(paragraph):
    spans = sentence_spans(paragraph)
    assert _letters("".join(paragraph[s:e] for s, e in spans)) == _letters(paragraph)
    assert all(paragraph[s:e] == paragraph[s:e].strip() for s, e in spans)
