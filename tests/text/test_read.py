import codecs
import io
import json
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tongket.text.errors import InputError
from tongket.text.read import read_articles, read_path

VIETNAMESE = "Hội nghị tổng kết công tác thông tin đối ngoại năm 2023 đã đánh giá những kết quả đạt được.\n\nThời gian tới cần tăng cường phối hợp."


def _to_cp1258(text: str) -> bytes:
    """Windows-1258 keeps â, ơ, ư… precomposed and writes tone marks as separate combining bytes."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (base + "".join(c for c in parts if c in tones)).encode("cp1258")
    return out


def test_txt_utf8_is_read_in_nfc(tmp_path):
    path = tmp_path / "bai.txt"
    path.write_text(unicodedata.normalize("NFD", VIETNAMESE), encoding="utf-8")
    article = read_path(path)
    assert article.text == VIETNAMESE
    assert article.id == "bai"


def test_an_eth_written_for_d_reads_as_d_and_digests_the_same(tmp_path):
    import tongket

    article = (
        "Hội nghị tổng kết công tác năm 2024\n\n"
        "Sáng 5/1/2025, tại Đà Nẵng, Ban Tuyên giáo Thành ủy Đà Nẵng tổ chức hội nghị tổng kết công tác năm 2024. "
        "Đồng chí Trần Văn Bình, Trưởng Ban, chủ trì hội nghị.\n\n"
        "Năm 2024, Ban đã tham mưu ban hành 12 văn bản, tổ chức quán triệt Nghị quyết Đại hội XIII của Đảng."
    )
    (tmp_path / "d.txt").write_text(article, encoding="utf-8")
    (tmp_path / "eth.txt").write_text(article.replace("Đ", "\u00d0").replace("đ", "\u00f0"), encoding="utf-8")
    assert read_path(tmp_path / "eth.txt").text == read_path(tmp_path / "d.txt").text
    with_d, with_eth = (next(tongket.digest(tmp_path / name)).to_dict() for name in ("d.txt", "eth.txt"))
    assert with_eth["event"] == with_d["event"] and with_eth["people"] == with_d["people"]
    assert with_eth["event"]["location"] == "Đà Nẵng" and with_eth["event"]["organizer"] == "Ban Tuyên giáo Thành ủy Đà Nẵng"


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),
        lambda t: t.encode("utf-16-le"),
        lambda t: t.encode("utf-16-be"),
        lambda t: _to_cp1258(t),
    ],
    ids=["utf8-bom", "utf16-bom", "utf16le-nobom", "utf16be-nobom", "windows-1258"],
)
def test_encodings_decode_to_the_same_text(tmp_path, encode):
    path = tmp_path / "bai.txt"
    path.write_bytes(encode(VIETNAMESE))
    assert read_path(path).text == VIETNAMESE


def test_mixed_nfc_nfd_words_compare_equal(tmp_path):
    word = "nhiệm vụ"
    path = tmp_path / "mixed.txt"
    path.write_text(word + " " + unicodedata.normalize("NFD", word), encoding="utf-8")
    first, second = read_path(path).text.split(" ", 2)[:2], read_path(path).text.split(" ")[2:]
    assert " ".join(first) == " ".join(second)


@pytest.mark.parametrize(
    "content, message",
    [(b"", "empty"), (b"   \n\n  ", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary")],
)
def test_bad_files_name_the_file(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as error:
        read_path(path)
    assert str(path) in str(error.value) and message in str(error.value)


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "khong-co.txt")


def test_jsonl_keeps_good_lines_and_reports_the_broken_one(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": f"a{i}", "title": "Tiêu đề", "text": VIETNAMESE}, ensure_ascii=False) for i in range(40)]
    lines[36] = '{"id": "a36", "text": "mất ngoặc'
    path.write_text("\n".join(lines), encoding="utf-8")
    errors = []
    articles = list(read_articles(path, on_error=errors.append))
    assert [a.id for a in articles] == [f"a{i}" for i in range(40) if i != 36]
    assert len(errors) == 1 and f"{path}:37" in str(errors[0])
    assert articles[0].title == "Tiêu đề" and articles[0].text.startswith("Tiêu đề\n\n")


def test_docx_paragraphs_are_read(tmp_path):
    import docx

    document = docx.Document()
    for paragraph in VIETNAMESE.split("\n\n"):
        document.add_paragraph(paragraph)
    path = tmp_path / "bai.docx"
    document.save(path)
    assert read_path(path).text == VIETNAMESE


def test_truncated_docx_is_refused_by_name(tmp_path):
    import docx

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph(VIETNAMESE)
    document.save(buffer)
    path = tmp_path / "cut.docx"
    path.write_bytes(buffer.getvalue()[:1500])
    with pytest.raises(InputError, match="cut.docx"):
        read_path(path)


def test_html_keeps_article_and_drops_chrome(tmp_path):
    html = (
        "<html><head><title>T</title></head><body><nav>Trang chủ | Tin tức</nav>"
        "<div class='sidebar'><p>Tin khác: Khai mạc hội chợ</p></div>"
        "<div class='article-content'><h1>Hội nghị giao ban quý I</h1>"
        "<p>Sáng 5/4, Sở Y tế tổ chức hội nghị giao ban quý I năm 2024 với nhiều nội dung quan trọng.</p>"
        "<p>Thời gian tới, ngành cần tập trung phòng, chống dịch bệnh mùa hè.</p></div>"
        "<footer>Bản quyền thuộc Sở Y tế</footer><script>var a = 1;</script></body></html>"
    )
    path = tmp_path / "trang.html"
    path.write_text(html, encoding="utf-8")
    text = read_path(path).text
    assert "Sáng 5/4, Sở Y tế" in text and "Thời gian tới" in text
    assert "Bản quyền" not in text and "var a" not in text and "Tin khác" not in text


def test_html_without_body_text_is_refused(tmp_path):
    path = tmp_path / "rong.html"
    path.write_text("<html><head><script>var x = 1;</script></head><body><script>y()</script></body></html>")
    with pytest.raises(InputError, match="rong.html"):
        read_path(path)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1))
def test_reader_never_crashes_on_arbitrary_unicode(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("h") / "x.txt"
    path.write_text(text, encoding="utf-8")
    try:
        article = read_path(path)
    except InputError:
        return
    assert article.text == unicodedata.normalize("NFC", article.text)


LEAD = "Sáng 12/3, Sở Nội vụ tỉnh tổ chức hội nghị tổng kết công tác cải cách hành chính năm 2024 với sự tham dự của 150 đại biểu."
BODY = [
    "Năm qua, toàn tỉnh đã cắt giảm 126 thủ tục hành chính, tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,7%.",
    "Tuy nhiên, việc số hóa hồ sơ ở cấp xã còn chậm, một số cán bộ chưa thành thạo phần mềm một cửa điện tử.",
    "Thời gian tới, Sở đề nghị các địa phương đẩy mạnh chuyển đổi số, tăng cường kiểm tra công vụ.",
]


def test_html_lead_outside_the_content_block_is_kept(tmp_path):
    page = (
        "<html><head><title>Tổng kết cải cách hành chính</title></head><body>"
        f"<h1>Tổng kết cải cách hành chính</h1><h2 class='sapo'>{LEAD}</h2>"
        "<div class='article-content'>" + "".join(f"<p>{p}</p>" for p in BODY) + "</div>"
        "<div class='related'><a href='#'>Tin khác</a></div></body></html>"
    )
    path = tmp_path / "bai.html"
    path.write_text(page, encoding="utf-8")
    paragraphs = read_path(path).text.split("\n\n")
    assert paragraphs[:2] == ["Tổng kết cải cách hành chính", LEAD]
    assert paragraphs[2:] == BODY


def test_html_and_txt_of_one_article_get_the_same_event(tmp_path):
    import tongket

    text = "\n\n".join(["Tổng kết cải cách hành chính năm 2024", LEAD, *BODY])
    (tmp_path / "bai.txt").write_text(text, encoding="utf-8")
    page = (
        "<html><head><title>Tổng kết cải cách hành chính năm 2024 | Cổng thông tin tỉnh</title>"
        "<meta property='og:title' content='Tổng kết cải cách hành chính năm 2024'></head><body>"
        "<nav><a href='/'>Trang chủ</a> | <a href='/tin'>Tin tức</a></nav>"
        "<div class='article-detail'><h1>Tổng kết cải cách hành chính năm 2024</h1>"
        f"<p class='sapo'>{LEAD}</p>" + "".join(f"<p>{p}</p>" for p in BODY) + "</div></body></html>"
    )
    (tmp_path / "bai.html").write_text(page, encoding="utf-8")
    from_txt, from_html = tongket.digest([tmp_path / "bai.txt", tmp_path / "bai.html"])
    assert from_txt.event.type == from_html.event.type == "tổng kết"
    assert from_txt.event.date == from_html.event.date == "2025-03-12"
    assert [p.text for p in from_txt.points] == [p.text for p in from_html.points]


def _docx(path, paragraphs, table=None, bullets=()):
    import docx

    document = docx.Document()
    for index, text in enumerate(paragraphs):
        document.add_paragraph(text, style="List Bullet" if index in bullets else None)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    document.save(path)
    return path


def test_docx_table_rows_read_as_facts_not_chrome(tmp_path):
    from tongket.pipeline import analyse_batch

    table = [["Chỉ tiêu", "Kế hoạch", "Thực hiện"], ["Thu ngân sách", "5.000 tỷ đồng", "5.240 tỷ đồng, đạt 104,8%"]]
    article = read_path(_docx(tmp_path / "bang.docx", [LEAD, *BODY], table=table))
    assert article.text.split("\n\n")[-1] == "- Thu ngân sách: kế hoạch 5.000 tỷ đồng, thực hiện 5.240 tỷ đồng, đạt 104,8%"
    labelled = analyse_batch([article], tongket_model())[0]
    assert labelled.paragraphs[-1].label != "boilerplate"


def test_docx_bullets_read_like_the_same_list_typed_as_text(tmp_path):
    import tongket

    items = ["Đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính.", "Tăng cường kiểm tra, giám sát công vụ.",
             "Nâng cao chất lượng đội ngũ cán bộ một cửa."]
    lead = "Thời gian tới, Sở đề ra ba nhiệm vụ trọng tâm:"
    path = _docx(tmp_path / "ds.docx", [LEAD, lead, *items], bullets=(2, 3, 4))
    (tmp_path / "ds.txt").write_text("\n\n".join([LEAD, lead, *(f"- {i}" for i in items)]), encoding="utf-8")
    from_docx, from_txt = (list(tongket.classify([p], model=tongket_model())) for p in (path, tmp_path / "ds.txt"))
    assert [r["text"] for r in from_docx] == [r["text"] for r in from_txt]
    assert [r["label"] for r in from_docx] == [r["label"] for r in from_txt]


def tongket_model():
    import tongket

    return tongket.load_model()
