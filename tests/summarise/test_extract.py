import pytest

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
    assert {"Nghị quyết số 18-NQ/TW", "Kế hoạch số 45/KH-UBND", "Quyết định 1234/QĐ-TTg"} <= set(event.documents)
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


def _event(*units, title=None):
    texts = ([title] if title else []) + list(units)
    article = Article(id="x", text="\n\n".join(texts), title=title)
    return extract_event(assign_roles(segment_article(article)))


def test_year_is_inferred_from_the_period_reviewed_and_said_so():
    event = _event(
        "Ngày 11/1, Cục Thuế tỉnh tổ chức hội nghị tổng kết công tác thuế năm 2023, triển khai nhiệm vụ năm 2024.",
        "Năm 2023, toàn ngành thu ngân sách đạt 12.400 tỷ đồng, vượt 6% dự toán.",
    )
    assert event.date == "2024-01-11" and event.date_inferred
    assert _event("Sáng 28/12, Chính phủ họp với các địa phương bàn dự toán ngân sách năm 2025.").date == "2024-12-28"
    assert _event("Sáng 12/7, Sở Nội vụ sơ kết 6 tháng đầu năm 2024.").date == "2024-07-12"
    assert _event("Chiều 9/4, hội nghị tổng kết giai đoạn 2019 - 2023 của chương trình diễn ra tại Hà Nội.").date == "2024-04-09"


def test_a_period_still_running_or_an_earlier_plan_does_not_set_the_year():
    event = _event(
        "Sáng 20/4, Đại hội đại biểu Hội Nông dân tỉnh khai mạc tại hội trường tỉnh.",
        "Đại hội đánh giá kết quả thực hiện nhiệm vụ 5 năm 2018-2022, chiến lược phát triển nông nghiệp 10 năm 2018-2027 "
        "và đề ra phương hướng, mục tiêu 5 năm 2023-2027.",
    )
    assert event.date == "2023-04-20" and event.date_inferred


def test_written_year_is_not_inferred_and_unknown_year_stays_partial():
    event = _event("Ngày 5/3/2024, Bộ Tư pháp tổ chức hội nghị trực tuyến toàn quốc.")
    assert event.date == "2024-03-05" and not event.date_inferred
    assert _event("Sáng 9/5, Ủy ban Thường vụ Quốc hội cho ý kiến về báo cáo giám sát.").date == "--05-09"


def test_document_dates_and_announced_dates_are_not_the_event_date():
    event = _event(
        "Thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017, Kỳ họp dự kiến khai mạc ngày 21/10.",
        "Sáng 16/7, Ủy ban Thường vụ Quốc hội tổng kết kỳ họp thứ bảy.",
    )
    assert event.date == "2017-07-16"


def test_two_day_events_take_their_first_day():
    assert _event("Trong hai ngày 28-29/12, Chính phủ tổ chức hội nghị trực tuyến với các địa phương.").date == "--12-28"
    assert _event("Trong hai ngày 24 và 25/1, Ủy ban Kiểm tra Trung ương họp kỳ thứ hai.").date == "--01-24"


def test_the_home_country_alone_is_no_place():
    assert _event("Sáng 2/10, diễn đàn doanh nghiệp tại VN bàn về hạ tầng.").location is None
    assert _event("Sáng 2/10, hội nghị tổng kết tại Việt Nam và các nước ASEAN.").location is None
    assert _event("Sáng 2/10, hội nghị tổng kết tại Hà Nội.").location == "Hà Nội"


def test_places_keep_every_word_of_their_name():
    assert _event("Sáng 2/10, tại Trụ sở Chính phủ, Thủ tướng chủ trì hội nghị tổng kết.").location == "Trụ sở Chính phủ"
    assert _event("Sáng 2/10, tại Ngân hàng Nhà nước, hội nghị tổng kết ngành ngân hàng diễn ra.").location == "Ngân hàng Nhà nước"
    assert _event("Chiều 14/10, tại Hà Nội. Ông Trần Văn Nam cho biết hội nghị đã thành công.").location == "Hà Nội"


def test_a_place_ends_before_the_adverb_or_connective_that_follows_it():
    assert _event("Hội nghị cho biết mức tiêu hao năng lượng tại Hà Tĩnh hiện quá cao so với cả nước.").location == "Hà Tĩnh"
    assert _event("Sáng 3/4, hội nghị tổng kết tại Nhà hát Lớn và sau đó đoàn đi thăm khu công nghiệp.").location == "Nhà hát Lớn"
    assert _event("Ngày 2/5, hội nghị tổng kết tại Nhà văn hóa huyện Đông Anh đã thu hút 300 đại biểu.").location == (
        "Nhà văn hóa huyện Đông Anh")
    assert _event("Giáo dục năm qua: ba cái được, sáu tồn tại Càng ngày càng rõ điều đó.").location is None
    assert _event("Ngày 2/5, hội nghị diễn ra tại Trung tâm Hội nghị quốc gia với 500 đại biểu.").location == (
        "Trung tâm Hội nghị quốc gia")
    assert _event("Sáng 3/4, hội nghị tổng kết diễn ra tại Cảng hàng không Nội Bài.").location == "Cảng hàng không Nội Bài"
    assert _event("Sáng 3/4, hội nghị tổng kết tại Trung tâm hội nghị quốc gia.").location == "Trung tâm hội nghị quốc gia"
    assert _event("Sáng 3/4, hội nghị tổng kết tại Trung tâm đào tạo cán bộ.").location == "Trung tâm đào tạo"


def test_an_organiser_ends_before_the_verb_that_follows_it():
    assert _event("Sở TN - MT chuẩn bị tổ chức hội nghị tổng kết công tác năm.").organizer == "Sở TN - MT"
    assert _event("Sở Tài nguyên và Môi trường chuẩn bị tổ chức hội nghị tổng kết.").organizer == "Sở Tài nguyên và Môi trường"
    assert _event("Sáng 3/4, Ủy ban Thường vụ Quốc hội khi họp đã cho ý kiến.").organizer == "Ủy ban Thường vụ Quốc hội"
    assert _event("Sáng 3/4, Cục Hàng không Việt Nam tổ chức hội nghị tổng kết.").organizer == "Cục Hàng không Việt Nam"
    assert _event("Sở Y tế Quảng Bình đưa ra nhiều giải pháp tại hội nghị tổng kết.").organizer == "Sở Y tế Quảng Bình"
    assert _event("Sáng 3/4, Đảng bộ tỉnh Bình Dương lần thứ IX tổ chức đại hội.").organizer == "Đảng bộ tỉnh Bình Dương"
    assert _event("Bà Đoàn Thị Trung cho biết hội nghị tổng kết đã thành công.").organizer is None  # Đoàn: a surname here
    # the "Bộ" of "Nam Trung Bộ" is no ministry
    assert _event("Hội nghị tổng kết vùng Nam Trung Bộ và Tây Nguyên diễn ra tại Đà Nẵng.").organizer is None
    # a person named right after the body's place: "Bí thư Thành ủy Hà Nội Lê Văn An"
    led = _event("Sáng 3/4, Thành ủy Hà Nội Lê Văn An chủ trì hội nghị tổng kết năm.")
    assert led.organizer == "Thành ủy Hà Nội"
    # a city is not named after a person, a ward may be: "UBND TP Trần Văn Bình" is the city's committee and its head
    assert "Bình" not in (_event("Sáng 3/4, UBND TP Trần Văn Bình chủ trì hội nghị sơ kết.").organizer or "")
    assert _event("Sáng 3/4, UBND phường Trần Hưng Đạo tổ chức hội nghị sơ kết.").organizer == "UBND phường Trần Hưng Đạo"


def test_organizer_from_the_event_sentence_the_event_name_and_the_chair():
    assert _event("Sáng 9/5, Ủy ban Thường vụ Quốc hội cho ý kiến về báo cáo giám sát.").organizer == "Ủy ban Thường vụ Quốc hội"
    assert _event("Sáng 17/5, chính phủ đã tổ chức hội nghị tổng kết công tác khắc phục sự cố môi trường.").organizer == "Chính phủ"
    assert (_event("Sáng nay, UBND tỉnh Hà Tĩnh đã phối hợp với các ngành chức năng, tổ chức hội nghị thông tin kết quả.")
            .organizer == "UBND tỉnh Hà Tĩnh")
    assert _event("Phát biểu tại phiên họp của Ủy ban Thường vụ Quốc hội sáng 16-7, ông An cho biết…").organizer == (
        "Ủy ban Thường vụ Quốc hội")
    assert (_event("Phát biểu tại hội nghị tổng kết ngày 20/1, Bộ trưởng Y tế Nguyễn Thị Lan cho rằng cần giảm quá tải.")
            .organizer == "Bộ Y tế")
    assert _event("Ngày 14/1, Sở Giáo dục và Đào tạo Hà Nội tổ chức hội nghị sơ kết học kỳ I.").organizer == (
        "Sở Giáo dục và Đào tạo Hà Nội")


def test_organizer_without_an_organising_sentence():
    # a sector's own review is held by its ministry or Party commission
    assert _event("Chiều 15/1, hội nghị tổng kết ngành y tế năm 2024 diễn ra tại Hà Nội.").organizer == "Bộ Y tế"
    assert (_event("Sáng 20/6, hội nghị toàn quốc về công tác phòng, chống tham nhũng khai mạc.").organizer
            == "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng")
    # the Prime Minister chairing or concluding speaks for the Government; a deputy does not
    assert _event("Sáng 3/7, Thủ tướng Lê Văn Minh chủ trì hội nghị trực tuyến với các địa phương.").organizer == "Chính phủ"
    assert _event("Kết luận hội nghị chiều 4/7, Thủ tướng nhấn mạnh ba nhóm giải pháp.").organizer == "Chính phủ"
    chaired = _event("Sáng 21/11, Thủ tướng Lê Văn Minh chủ trì hội nghị đổi mới doanh nghiệp nhà nước.",
                     "Tham dự có Phó Thủ tướng Trần Văn Bình, Trưởng Ban chỉ đạo đổi mới và phát triển doanh nghiệp.")
    assert chaired.organizer == "Chính phủ"
    assert _event("Sáng 3/7, Phó Thủ tướng Lê Văn Minh chủ trì cuộc họp về giá điện.").organizer != "Chính phủ"
    # a steering committee's head, its name in lower case
    assert (_event("Phát biểu ngày 9/3, ông Minh, Trưởng ban chỉ đạo quốc gia về hội nhập quốc tế, nêu ba kết quả.").organizer
            == "Ban Chỉ đạo quốc gia về hội nhập quốc tế")
    # a steering committee named by its field in lower case, not the chair's Party committee
    event = _event("Sáng 19/12, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh tổ chức hội nghị. Đồng chí Lê Văn An, "
                   "Phó Bí thư Tỉnh ủy chủ trì.")
    assert event.organizer == "Ban Chỉ đạo công tác thông tin đối ngoại tỉnh"
    # a name joined by a dash, and its abbreviation in brackets before the verb
    assert (_event("Sáng 8-1, Bộ Tài nguyên - môi trường (TN - MT) tổ chức hội nghị triển khai nhiệm vụ năm 2019.").organizer
            == "Bộ Tài nguyên - môi trường")
    # a minister named without the ministry: the headline may name it
    event = _event("Bộ trưởng Lê Văn Minh vừa có buổi làm việc với các trường đại học.", title="Bộ trưởng Giáo dục: đại học phải tự chủ")
    assert event.organizer == "Bộ Giáo dục"
    assert _event("Ngày 7-1, Quân ủy Trung ương đã tổ chức hội nghị ra nghị quyết.").organizer == "Quân ủy Trung ương"
    # else the body the title and lead name most, never one read out of "trụ sở …"
    event = _event(
        "Sáng 12/10, tại trụ sở Trung ương Đảng, các đại biểu nghe báo cáo.",
        "Theo Bảo hiểm xã hội Việt Nam, số người tham gia tăng 8%.",
        title="Bảo hiểm xã hội Việt Nam đánh giá 9 tháng",
    )
    assert event.organizer == "Bảo hiểm xã hội Việt Nam"


def test_document_symbols_are_kept_and_spaced_symbols_normalised():
    event = _event(
        "Hội nghị tổng kết 5 năm thực hiện Chỉ thị 05 - CT / TW và Kế hoạch số 123 / KH - UBND diễn ra sáng 3/4.",
        "Báo cáo nêu rõ Chỉ thị 05 đã đi vào cuộc sống; tỉnh cũng triển khai Nghị định 100/2019/NĐ-CP.",
    )
    assert event.documents[:3] == ["Chỉ thị 05-CT/TW", "Kế hoạch số 123/KH-UBND", "Nghị định 100/2019/NĐ-CP"]


def test_dotted_symbols_are_whole_and_footnote_numbers_are_no_part_of_a_name():
    from tongket.summarise.documents import documents

    found = documents("Tổng kết 10 năm thực hiện Chỉ thị 40-CT/T.Ư, các đại biểu nhắc đến Luật Nhà ở3, Luật Đất đai4 và Luật Đầu tư.")
    assert found[0] == "Chỉ thị 40-CT/T.Ư"
    assert "Luật Nhà ở" in found and "Luật Đất đai" in found


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("Hội nghị sơ kết 5 năm thực hiện Nghị quyết Trung ương 3 khoá IX về Chiến lược phát triển thủy sản đến năm 2030.",
         ["Nghị quyết Trung ương 3 khoá IX"]),
        ("Tỉnh quán triệt Nghị quyết số 12-NQ/TU về Đề án phát triển du lịch giai đoạn 2021-2025 và Luật Du lịch.",
         ["Nghị quyết số 12-NQ/TU", "Luật Du lịch"]),
        ("Tỉnh xây dựng Đề án phát triển du lịch giai đoạn 2021-2025 để thực hiện nghị quyết.",
         ["Đề án phát triển du lịch giai đoạn 2021-2025"]),
    ],
)
def test_what_a_document_is_about_is_no_document_of_its_own(text, cited):
    from tongket.summarise.documents import documents

    assert documents(text) == cited


def test_a_law_cited_by_its_initials_and_by_its_name_is_one_document_under_its_name():
    from tongket.summarise.documents import documents

    found = documents("Sở triển khai Luật NSNN và Luật BHXH; đại biểu đề nghị sửa Luật Ngân sách nhà nước và Luật Bảo hiểm xã hội.")
    assert found == ["Luật Ngân sách nhà nước", "Luật Bảo hiểm xã hội"]
    assert documents("Sở triển khai Luật KH&CN cùng Luật Đất đai.")[-1] == "Luật Đất đai"


def test_named_laws_and_programmes_are_documents():
    event = _event(
        "Sáng 3/4, hội nghị tổng kết 3 năm thi hành Luật Tiếp công dân diễn ra tại tỉnh.",
        "Tỉnh đã hoàn thành Chương trình mục tiêu quốc gia xây dựng nông thôn mới trước hạn hai năm.",
    )
    assert {"Luật Tiếp công dân", "Chương trình mục tiêu quốc gia xây dựng nông thôn mới"} <= set(event.documents)



def test_an_agreement_between_two_countries_keeps_both_names():
    event = _event("Sáng 6/6, hội thảo đánh giá 5 năm thực hiện Hiệp định thương mại Việt - Lào diễn ra tại tỉnh.")
    assert "Hiệp định thương mại Việt - Lào" in event.documents
    named = _event("Năm qua tỉnh tận dụng Hiệp định Thương mại tự do và Hiệp định Đối tác toàn diện và tiến bộ xuyên "
                   "Thái Bình Dương (CPTPP) để mở rộng xuất khẩu.")
    assert named.documents == ["Hiệp định Thương mại tự do",
                               "Hiệp định Đối tác toàn diện và tiến bộ xuyên Thái Bình Dương (CPTPP)"]
    housing = _event("Sáng 8/8, hội nghị góp ý Luật Nhà ở, ban hành Quy chế làm việc của Hội đồng; Chương trình nghị sự có 5 nội dung.")
    assert housing.documents == ["Luật Nhà ở", "Quy chế làm việc"]
    not_laws = _event("Sinh viên Trường ĐH Luật Hà Nội so sánh luật Mỹ với Luật Hàng không dân dụng; cần luật hoá quy định này.")
    assert not_laws.documents == ["Luật Hàng không dân dụng"]
    laws = _event("Sáng 9/9, tỉnh tổng kết thi hành Luật Phòng, chống tham nhũng và Luật Phòng, chống HIV/AIDS.")
    assert laws.documents == ["Luật Phòng, chống tham nhũng", "Luật Phòng, chống HIV/AIDS"]


def test_named_resolutions_schemes_and_lower_case_laws_are_documents():
    event = _event(
        "Sáng 5/3, hội nghị quán triệt Nghị quyết Hội nghị Trung ương 5 (khoá XII) và triển khai Đề án tái cơ cấu "
        "doanh nghiệp nhà nước giai đoạn 2016-2020 diễn ra tại tỉnh.",
        "Tỉnh sẽ sửa đổi quy chế theo luật khiếu nại và thực hiện Kế hoạch phát triển kinh tế - xã hội 5 năm 2016 - 2020.",
    )
    assert {"Nghị quyết Hội nghị Trung ương 5 (khoá XII)", "Đề án tái cơ cấu doanh nghiệp nhà nước giai đoạn 2016-2020",
            "luật khiếu nại", "Kế hoạch phát triển kinh tế - xã hội 5 năm 2016 - 2020"} <= set(event.documents)


def test_resolutions_rules_and_reports_named_by_their_subject_are_documents():
    event = _event(
        "Sáng 2/11, các đại biểu thảo luận Báo cáo chính trị và văn kiện Đại hội XIII của Đảng bộ.",
        "Tỉnh thực hiện nghị quyết của Quốc hội về giám sát chuyên đề và các đảng viên thực hiện Quy định về trách "
        "nhiệm nêu gương của cán bộ.",
    )
    assert {"Báo cáo chính trị", "văn kiện Đại hội XIII", "nghị quyết của Quốc hội về giám sát chuyên đề",
            "Quy định về trách nhiệm nêu gương"} <= set(event.documents)


def test_numbers_after_document_words_that_are_not_document_numbers():
    event = _event(
        "Ngày 6/1, Bộ Kế hoạch và Đầu tư tổng kết Kế hoạch 5 năm; tăng trưởng 6,1%, thấp hơn kế hoạch 16% đề ra.",
        "Ủy ban kiểm tra đã kết luận 1.500 tổ chức đảng có vi phạm và xử lý kỷ luật 98 cán bộ.",
    )
    assert event.documents == []
    # but a number followed by the date of issue is one
    dated = _event("Ngày 6/1, tỉnh sơ kết Chỉ thị số 08 ngày 24/5/2013 và thực hiện điều lệ Đảng.")
    assert {"Chỉ thị số 08", "điều lệ Đảng"} <= set(dated.documents)


def test_a_department_named_after_planning_or_strategy_is_no_document():
    event = _event(
        "Ông Lê Văn Minh, Vụ trưởng Vụ Chiến lược phát triển ngân hàng, cho biết tín dụng tăng 12%.",
        "Bà Trần Thị Mai, Trưởng phòng Kế hoạch - Tài chính Sở Y tế tỉnh, trình bày dự toán.",
        "Ban Kế hoạch Đầu tư của tổng công ty thực hiện Đề án tái cơ cấu doanh nghiệp nhà nước.",
    )
    assert event.documents == ["Đề án tái cơ cấu doanh nghiệp nhà nước"]


def test_a_name_goes_on_past_a_comma_that_joins_a_pair_and_stops_before_the_next_document():
    event = _event(
        "Sáng 6/1, Bộ Quốc phòng sơ kết Đề án tìm kiếm, quy tập hài cốt liệt sĩ giai đoạn 2016-2020 và Đề án phát triển "
        "ngân hàng gen liệt sĩ.",
        "Theo Đề án tái cơ cấu, ngành đã giảm 12 đơn vị.",
    )
    assert set(event.documents) == {
        "Đề án tìm kiếm, quy tập hài cốt liệt sĩ giai đoạn 2016-2020", "Đề án phát triển ngân hàng gen liệt sĩ", "Đề án tái cơ cấu",
    }


def test_numbers_listed_after_one_document_word_are_each_a_document():
    event = _event(
        "Sáng 4/3, Bộ trưởng báo cáo kết quả thực hiện các nghị quyết số 35 và 19 của Chính phủ.",
        "Theo Thông tư 12/2021/TT-BTC và 45/2022/TT-BTC, thuế được giảm.",
        "Sau Nghị định 100 và 15 doanh nghiệp bị xử phạt.",
    )
    assert set(event.documents) == {
        "Nghị quyết số 35", "Nghị quyết số 19", "Thông tư 12/2021/TT-BTC", "Thông tư 45/2022/TT-BTC", "Nghị định 100",
    }


def test_a_position_stops_at_a_verb_of_questioning_or_judging():
    event = _event(
        "Chiều 6/6, Chủ nhiệm Ủy ban Kinh tế Trần Văn Hải chất vấn Bộ trưởng Bộ Công Thương Lê Minh Tâm về giá điện.",
        "Ông Phạm Quốc Việt, Chủ tịch Hiệp hội Thủy sản nhìn nhận: xuất khẩu còn khó khăn.",
    )
    positions = {p.name: p.position for p in event.people}
    assert positions["Lê Minh Tâm"] == "Bộ trưởng Bộ Công Thương"
    assert positions["Phạm Quốc Việt"] == "Chủ tịch Hiệp hội Thủy sản"


def test_a_lower_case_title_after_a_name_is_neither_glued_to_it_nor_lost():
    dashed = _event('"Năm nay nước sạch đủ dùng", ông Trịnh Văn Lộc - Tổng giám đốc Công ty Cấp nước tỉnh nói.')
    assert [(p.name, p.position) for p in dashed.people] == [("Trịnh Văn Lộc", "Tổng giám đốc Công ty Cấp nước tỉnh")]
    glued = _event("Ông Đỗ Hữu Khang Tổng giám đốc tổng công ty cho biết sản lượng tăng 9%.")
    assert [p.name for p in glued.people] == ["Đỗ Hữu Khang"]


def test_the_date_a_law_was_passed_is_not_part_of_its_name():
    assert _event("Sáng 2/2, tỉnh triển khai Luật Thủy sản sửa đổi ngày 21-11 của Quốc hội.").documents == ["Luật Thủy sản sửa đổi"]


def test_a_named_document_keeps_its_year_and_a_later_fuller_mention_wins():
    event = _event(
        "Sáng 4/4, cử tri góp ý sửa Luật Việc làm. Theo cử tri, Luật Việc làm năm 2013 đã đi vào cuộc sống.",
        "Tỉnh thực hiện Cương lĩnh bổ sung (năm 2011) và Chiến lược phát triển thủy sản đến năm 2030.",
    )
    assert set(event.documents) == {
        "Luật Việc làm năm 2013", "Cương lĩnh bổ sung (năm 2011)", "Chiến lược phát triển thủy sản đến năm 2030",
    }


def test_a_year_only_planned_for_is_not_the_period_reviewed():
    planned = _event("Sáng 28/12, Sở Xây dựng triển khai nhiệm vụ năm 2025; năm qua ngành cấp 900 giấy phép.")
    assert planned.period == "năm 2024"
    later = _event("Sáng 8/1/2025, Bộ Công an giao nhiệm vụ trong năm 2025 cho các đơn vị.",
                   title="Công an phải giữ vững an ninh trong năm 2025")
    assert later.period == "năm 2024"
    reviewed = _event("Sáng 20/12/2024, Sở Y tế tổng kết công tác năm 2024, triển khai nhiệm vụ năm 2025.")
    assert reviewed.period == "năm 2024"


def test_the_event_sentence_names_the_year_before_the_rest_of_the_article():
    event = _event(
        "Sáng 20/6, hội nghị tổng kết công tác phòng chống thiên tai năm 2018 diễn ra tại Hà Nội.",
        "Trong năm 2017, thiên tai làm 300 người chết.",
    )
    assert event.date == "2019-06-20" and event.date_inferred


def test_a_weekday_between_the_cue_and_the_date_and_the_year_it_pins():
    assert _event("Sáng nay, thứ ba 2/10, hội nghị lần thứ tám khai mạc tại Hà Nội.").date == "--10-02"
    # the review of 2017 would put the event in 2017; 2/10 was a Tuesday in 2018
    event = _event("Sáng thứ ba 2/10, hội nghị tổng kết công tác năm 2017 của Hội khai mạc.")
    assert event.date == "2018-10-02" and event.date_inferred


def test_a_congress_opens_its_term_and_a_review_closes_it():
    assert _event("Sáng 26/4, Đại hội Hội Luật gia tỉnh nhiệm kỳ 2019 – 2024 khai mạc.").date == "2019-04-26"
    assert _event("Sáng 26/4, hội nghị tổng kết nhiệm kỳ 2014 – 2019 của Hội diễn ra.").date == "2019-04-26"


def test_people_lose_honorifics_and_glued_places_and_keep_their_role():
    event = _event(
        "Sáng 21/1, Ông Lương Văn Khuê, Giám đốc Sở Y tế chủ trì hội nghị.",
        "Chủ tịch UBND Hà Nội Nguyễn Đức Chung phát biểu chỉ đạo.",
        "Thứ trưởng Bộ Nội vụ Thang Văn Phúc cho biết năm nay sẽ giảm họp.",
        "Ông Trần Văn Nam, nguyên Giám đốc Sở, từng đề xuất việc này.",
    )
    people = {p.name: p for p in event.people}
    assert set(people) == {"Lương Văn Khuê", "Nguyễn Đức Chung", "Thang Văn Phúc", "Trần Văn Nam"}
    assert people["Lương Văn Khuê"].role == "chair"
    assert people["Nguyễn Đức Chung"].role == "speaker"
    assert people["Trần Văn Nam"].role == "mentioned"
    opening = _event("Phát biểu tại hội nghị trực tuyến tổng kết công tác khuyến nông toàn tỉnh năm 2023 và triển khai "
                     "nhiệm vụ năm 2024 sáng 12/1, Giám đốc Sở Nông nghiệp Trần Văn Bình cảm ơn nông dân, còn ông Lê Văn An "
                     "được khen thưởng.")
    assert {p.name: p.role for p in opening.people} == {"Trần Văn Bình": "speaker", "Lê Văn An": "mentioned"}
    dashed = _event("Ông Lê Văn Hòa, Phó giám đốc Sở Công Thương - cho biết năm nay tỉnh sẽ mở thêm hai chợ.")
    assert [p.position for p in dashed.people] == ["Phó giám đốc Sở Công Thương"]


def test_a_person_takes_the_title_nearest_the_name_and_continents_are_not_people():
    event = _event(
        "Sáng 5/8, Thủ tướng nói và giao Bộ trưởng Lê Văn Minh chuẩn bị đề án.",
        "Ông Minh cho biết nhiều nước Châu Á đã hỗ trợ.",
        "Phó Thủ tướng, Bộ trưởng Ngoại giao Trần Văn Bình trình bày báo cáo.",
    )
    people = {p.name: p for p in event.people}
    assert set(people) == {"Lê Văn Minh", "Trần Văn Bình"}
    assert people["Lê Văn Minh"].position == "Bộ trưởng"
    assert people["Trần Văn Bình"].position == "Bộ trưởng Ngoại giao"
    # a school named after a historical figure names no person
    school = _event("Ông Phan Văn Tâm, Hiệu trưởng Trường CĐ Kỹ thuật Lý Tự Trọng, cho biết máy móc còn thiếu.")
    assert {p.name for p in school.people} == {"Phan Văn Tâm"}
    countries = _event("Bộ trưởng Hợp tác Mekong - Hàn Quốc và Bộ trưởng Lê Văn Minh cùng chủ trì hội nghị.")
    assert {p.name for p in countries.people} == {"Lê Văn Minh"}
    taiwan = _event("Đài Loan cho biết sẽ tăng chi tiêu quốc phòng trong năm tới.", title="Đài Loan tăng chi tiêu quốc phòng")
    assert taiwan.organizer is None
    romanised = _event("Chủ tịch Triều Tiên Kim Jong-un tiếp Bộ trưởng Lê Văn Minh và Thủ tướng Thái Lan Prayut Chan-o-cha.")
    assert {p.name for p in romanised.people} == {"Kim Jong-un", "Lê Văn Minh"}
    reported = _event(
        "Chánh văn phòng Bộ Nội vụ Trần Văn Lưu đã ký văn bản truyền đạt kết luận của ông Lê Văn Minh.",
        "Ban Bí thư quyết định thi hành kỷ luật nguyên bộ trưởng Bộ Tư pháp đối với ông Hoàng Văn Tú.",
    )
    positions = {p.name: p.position for p in reported.people}
    assert positions["Lê Văn Minh"] == "" and positions["Hoàng Văn Tú"] == "bộ trưởng Bộ Tư pháp"
    headline = _event("Các trường được tự chủ tài chính.", title="Bộ trưởng Phan Văn Hùng: Trường phải tự chủ")
    assert [(p.name, p.position) for p in headline.people] == [("Phan Văn Hùng", "Bộ trưởng")]
    union = _event("Ông Lê Văn Minh, Bí thư Đoàn TNCS Hồ Chí Minh tỉnh, phát biểu.")
    assert {p.name for p in union.people} == {"Lê Văn Minh"}


def test_a_position_ends_where_the_sentence_goes_on():
    event = _event(
        "Ông Trần Văn Bình, Giám đốc Sở Nội vụ nhận xét, công tác cải cách còn chậm.",
        "Bà Lê Thị Hoa, Hiệu trưởng Trường THPT Hòa Bình, quận 3, trăn trở: học sinh còn thiếu sân chơi.",
        "Theo ông Phạm Văn Nam, Phó Giám đốc Sở Y tế, năm nay toàn tỉnh có 12 ca bệnh mới.",
        "Ông Ngô Văn Tâm, Phó Chủ tịch Hội Nông dân tỉnh khoá IV tổng kết hoạt động của nhiệm kỳ.",
        "Ông Đỗ Văn Hải, Thứ trưởng Bộ Xây dựng, Chủ tịch Hội Kiến trúc sư tỉnh, phát biểu bế mạc.",
        "Ông Vũ Văn Lâm, Hiệu trưởng Trường THCS Hòa An và ông Hồ Văn Tư cùng trao giải.",
    )
    positions = {p.name: p.position for p in event.people}
    assert positions["Trần Văn Bình"] == "Giám đốc Sở Nội vụ"
    assert positions["Lê Thị Hoa"] == "Hiệu trưởng Trường THPT Hòa Bình, quận 3"
    assert positions["Phạm Văn Nam"] == "Phó Giám đốc Sở Y tế"
    assert positions["Ngô Văn Tâm"] == "Phó Chủ tịch Hội Nông dân tỉnh khoá IV"
    assert positions["Đỗ Văn Hải"] == "Thứ trưởng Bộ Xây dựng, Chủ tịch Hội Kiến trúc sư tỉnh"
    assert positions["Vũ Văn Lâm"] == "Hiệu trưởng Trường THCS Hòa An"


def test_a_title_with_a_verb_between_it_and_the_name_belongs_to_someone_else():
    event = _event(
        "Chủ tịch tỉnh nhiệt liệt biểu dương những đóng góp của đồng chí Trần Văn Thanh.",
        "Đại biểu HĐND nêu câu hỏi với Giám đốc Sở Giáo dục và Đào tạo Nguyễn Công Minh.",
        "Ông Lê Văn Khải, Giám đốc Công ty Điện lực tỉnh bắt đầu báo cáo bằng số liệu năm qua.",
    )
    positions = {p.name: p.position for p in event.people}
    assert positions["Trần Văn Thanh"] == ""
    assert positions["Nguyễn Công Minh"] == "Giám đốc Sở Giáo dục và Đào tạo"
    assert positions["Lê Văn Khải"] == "Giám đốc Công ty Điện lực tỉnh"


def test_attendance_is_a_count_of_people_attending_not_any_count_of_people():
    assert _event("Năm 2024, thanh tra phát hiện 93 vụ, 108 người có hành vi tham nhũng.").participants is None
    assert _event("Sáng 9/1, hội nghị có sự tham dự của hơn 300 người đại diện các sở, ngành.").participants.startswith("hơn 300 người")


def test_a_plenum_named_in_a_resolution_or_still_to_come_does_not_organise_the_event():
    cited = _event("Sáng 4/4, Bộ Xây dựng sơ kết 5 năm thực hiện Nghị quyết số 18, Hội nghị Trung ương 6 khóa XII.")
    assert cited.organizer == "Bộ Xây dựng"
    coming = _event("Chiều 2/5, Ban Kinh tế Trung ương họp báo; Hội nghị Trung ương 9 sắp tới sẽ bàn về quy hoạch.")
    assert coming.organizer != "Ban Chấp hành Trung ương Đảng"
    held = _event("Sáng 5/10, Hội nghị Trung ương 8 khóa XII sẽ thảo luận về chiến lược biển.")
    assert held.organizer == "Ban Chấp hành Trung ương Đảng"


def test_a_name_that_reads_like_a_school_is_not_an_organiser():
    event = _event("Đại biểu Thái Trường Giang cho rằng cần giảm áp lực thi cử.", title="ĐBQH Thái Trường Giang: giảm áp lực thi")
    assert event.organizer is None


def test_implausible_years_are_not_event_dates():
    from tongket.summarise.dates import event_date

    assert event_date(["Ngày 16/9/1968, quân và dân ta mở chiến dịch."], "", "2019-09-16") is None
    assert event_date(["Sáng 3/5/2031, hội nghị khai mạc."], "", "2019-05-03") is None
    assert event_date(["Sáng 3/5/2019, hội nghị khai mạc."], "", "2019-05-03").iso == "2019-05-03"


def test_the_period_reviewed_is_read_with_or_without_its_year():
    assert _event("Sáng 12/7, Sở Nội vụ sơ kết công tác 6 tháng đầu năm, triển khai nhiệm vụ thời gian tới.").period == (
        "6 tháng đầu năm")
    assert _event("Sáng 3/10, tỉnh giao ban kinh tế 9 tháng đầu năm 2024.").period == "9 tháng đầu năm 2024"
    assert _event("Chiều 5/4, ngành thuế đánh giá kết quả thu ngân sách quí 1-2024.").period == "quí 1–2024"


def test_a_period_named_by_the_resolution_it_carries_out():
    assert _event("Sáng 9/3, Tỉnh ủy sơ kết 5 năm thực hiện Nghị quyết Trung ương 7 khóa XII về cán bộ.").period == (
        "5 năm thực hiện Nghị quyết Trung ương 7 khóa XII")
    assert _event("Sáng 9/3, Huyện ủy đánh giá hơn 2 năm thực hiện Nghị quyết Đại hội XIII của Đảng.").period == (
        "hơn 2 năm thực hiện Nghị quyết Đại hội XIII của Đảng")
    assert _event("Chiều 2/6, Đảng ủy khối kiểm điểm nửa nhiệm kỳ thực hiện Nghị quyết Đại hội XIII.").period == (
        "nửa nhiệm kỳ thực hiện Nghị quyết Đại hội XIII")
    assert _event("Từ đầu nhiệm kỳ đến nay, Ủy ban kiểm tra đã kiểm tra 120 tổ chức đảng.").period == "Từ đầu nhiệm kỳ đến nay"


def test_a_span_of_carrying_something_out_is_the_period_even_after_sau():
    assert _event("Sáng 4/5, Sở Tư pháp tổng kết 5 năm thực hiện Luật Hòa giải ở cơ sở trên địa bàn tỉnh.").period == (
        "5 năm thực hiện Luật Hòa giải ở cơ sở")
    assert _event("Chiều 8/9, sau hơn 3 năm thực hiện Nghị quyết Đại hội XIII của Đảng, huyện đạt nhiều kết quả.").period == (
        "hơn 3 năm thực hiện Nghị quyết Đại hội XIII của Đảng")
    assert _event("Sáng 2/3, hội nghị đánh giá 4 năm triển khai chuyển đổi số, cải cách thủ tục.").period == (
        "4 năm triển khai chuyển đổi số")
    celebrated = _event("Sáng 2/9, tỉnh kỷ niệm 60 năm thành lập và 20 năm thực hiện Di chúc của Bác, hội nghị khai mạc.")
    assert celebrated.period is None


def test_a_span_up_to_now_is_the_period():
    assert _event("Sáng 7/6, Ủy ban kiểm tra cho biết từ năm 2020 đến nay đã kỷ luật 40 đảng viên.").period == (
        "từ năm 2020 đến nay")
    assert _event("Chiều 3/8, huyện báo cáo kết quả từ tháng 2-2022 đến tháng 7-2023 về giảm nghèo.").period == (
        "từ tháng 2–2022 đến tháng 7–2023")
    assert _event("Sáng 5/4, Thành ủy đánh giá từ sau Đại hội XIII đến nay công tác cán bộ có chuyển biến.").period == (
        "từ sau Đại hội XIII đến nay")


def test_a_parliament_session_is_the_period_only_when_reviewed():
    reviewed = _event("Sáng 14/7, Ủy ban Thường vụ Quốc hội tổng kết kỳ họp thứ 9, Quốc hội khóa XV.")
    assert reviewed.period == "kỳ họp thứ 9, Quốc hội khóa XV"
    assert _event("Chiều 20/6, cử tri góp ý về kỳ họp thứ 5 vừa qua của Quốc hội.").period == "kỳ họp thứ 5"
    assert _event("Sáng 2/10, Ủy ban chuẩn bị kỳ họp thứ 8 của Quốc hội.").period is None


def test_with_nothing_more_exact_the_years_looked_back_on_are_the_period():
    assert _event("Sáng 9/11, hội nghị nhìn lại những kết quả 5 năm qua của phong trào thi đua.").period == "5 năm qua"


def test_unnumbered_decrees_and_directives_are_named_by_their_subject():
    event = _event("Sáng 3/3, Sở Lao động cho biết Bộ sắp ban hành thông tư về an toàn lao động trong hầm mỏ và "
                   "chỉ thị về phòng cháy rừng mùa khô.",
                   "Tỉnh thực hiện Kế hoạch của Sở Y tế về “chăm sóc sức khỏe người cao tuổi”.")
    assert {"thông tư về an toàn lao động", "chỉ thị về phòng cháy rừng mùa khô",
            "Kế hoạch của Sở Y tế về “chăm sóc sức khỏe người cao tuổi”"} <= set(event.documents)
    # "quy định về" alone is any rule on the matter, and a resolution still to be written is no document yet
    loose = _event("Sáng 3/3, hội nghị góp ý các quy định về đất đai và đề xuất nghị quyết mới về kinh tế biển.")
    assert loose.documents == []


def test_a_law_name_stops_before_another_law_in_lower_case():
    event = _event("Sáng 6/6, đại biểu chỉ ra mâu thuẫn giữa luật Đầu tư công và luật Ngân sách nhà nước.")
    assert {"luật Đầu tư công", "luật Ngân sách nhà nước"} <= set(event.documents)


def test_listed_plenums_are_each_a_resolution_and_a_congress_names_its_organisation():
    plenums = _event("Sáng 1/4, Đảng ủy quán triệt Nghị quyết Trung ương 3, Trung ương 5 và Trung ương 8 khóa XIII.")
    assert plenums.documents == [
        "Nghị quyết Trung ương 3 khóa XIII", "Nghị quyết Trung ương 5 khóa XIII", "Nghị quyết Trung ương 8 khóa XIII"]
    congress = _event("Sáng 1/4, Hội triển khai Nghị quyết Đại hội Hội Nông dân tỉnh lần thứ 9 đã đề ra.")
    assert congress.documents == ["Nghị quyết Đại hội Hội Nông dân tỉnh lần thứ 9"]


def test_organizer_of_a_meeting_named_by_its_subject_then_whose_it_is():
    event = _event("Tại hội nghị sản xuất kinh doanh năm 2025 của Tổng công ty Lương thực miền Nam sáng 6/1, "
                   "Thứ trưởng Bộ Công Thương Lê Văn Hai ghi nhận nhiều nỗ lực.")
    assert event.organizer == "Tổng công ty Lương thực miền Nam"
    plenum = _event("Sáng 2/10, ông Lê Văn Hai phát biểu khai mạc hội nghị lần thứ 12 Ban chấp hành đảng bộ tỉnh Nam Định.")
    assert plenum.organizer == "Ban chấp hành đảng bộ tỉnh Nam Định"


def test_a_body_named_inside_a_document_name_is_the_documents_not_the_organizers():
    report = _event("Theo báo cáo kết quả thực hiện Nghị quyết số 12 của Quốc hội, hòa giải thành đạt 80%.",
                    title="Sở Tư pháp: đẩy mạnh hòa giải ở cơ sở")
    assert report.organizer == "Sở Tư pháp"
    congress = _event("Sáng 5/5, Sở Nội vụ cho biết tỉnh đạt các chỉ tiêu theo Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX.")
    assert congress.organizer == "Sở Nội vụ"


def test_the_sector_named_first_after_the_meeting_is_the_one_reviewed():
    event = _event("Sáng 9/1, hội nghị tổng kết công tác thanh tra năm 2024 nêu kết quả về tiếp dân, phòng, chống tham nhũng.")
    assert event.organizer == "Thanh tra Chính phủ"


def test_a_surname_typed_with_the_look_alike_eth_is_still_a_surname():
    event = _event("Sáng 4/4, Chủ tịch Ủy ban Dân tộc Ðặng Văn Hai phát biểu tại hội nghị.")
    assert "Ðặng Văn Hai" in [p.name for p in event.people]
    assert event.organizer == "Ủy ban Dân tộc"


def test_tasks_under_review_are_no_plan():
    event = _event("Chiều 5/7, hội nghị đánh giá nhiệm vụ 6 tháng đầu năm và bàn giải pháp cho thời gian còn lại.")
    assert event.period == "6 tháng đầu năm"
    bare = _event("Sáng 30/12/2024, Sở Công Thương tổng kết nhiệm vụ 2024 và triển khai nhiệm vụ 2025.")
    assert bare.period == "năm 2024"


def test_a_year_planned_for_without_the_word_nam_gives_the_year_before():
    event = _event("Sáng 5/1/2025, hội nghị triển khai nhiệm vụ 2025 của ngành xây dựng diễn ra tại Hà Nội.")
    assert event.period == "năm 2024"


def test_a_year_end_review_with_no_year_named_closes_the_obvious_year():
    assert _event("Sáng 16/1/2025, hội nghị tổng kết công tác dân vận diễn ra tại Hà Nội.").period == "năm 2024"
    assert _event("Sáng 20/12/2024, hội nghị tổng kết công tác dân vận diễn ra tại Hà Nội.").period == "năm 2024"
    assert _event("Sáng 20/6/2024, hội nghị tổng kết công tác dân vận diễn ra tại Hà Nội.").period is None


def test_a_lower_case_plan_carrying_its_span_is_a_document():
    event = _event("Sáng 3/3, tỉnh rà soát kế hoạch đầu tư công trung hạn giai đoạn 2026-2030 và "
                   "chương trình khuyến nông đến năm 2030.")
    assert {"kế hoạch đầu tư công trung hạn giai đoạn 2026-2030",
            "chương trình khuyến nông đến năm 2030"} <= set(event.documents)
    assert _event("Sáng 3/3, tỉnh bàn kế hoạch thu ngân sách cho năm tới.").documents == []


def test_an_organiser_stops_before_what_it_plans_or_must_do():
    event = _event("Sáng 12/3, Bộ Giáo dục và Đào tạo dự kiến tổ chức hội nghị sơ kết công tác tuyển sinh tại Hà Nội.")
    assert event.organizer == "Bộ Giáo dục và Đào tạo"


def test_document_names_stop_at_the_paragraph_and_drop_new_and_durations():
    from tongket.summarise.documents import documents

    assert documents("Kiến nghị ban hành Nghị định về quản lý chợ. Tuy nhiên, nhiều nơi còn chậm.") == [
        "Nghị định về quản lý chợ"
    ]
    assert documents("Tỉnh đang thực hiện Luật Quy hoạch mới, xử lý theo Bộ luật hình sự đối với vi phạm.") == [
        "Luật Quy hoạch", "Bộ luật hình sự"
    ]
    assert documents("Báo cáo tổng kết 10 năm thực hiện đề án cho thấy nhiều kết quả.") == []
    assert documents("Tỉnh xây dựng Kế hoạch phát triển kinh tế - xã hội 5 năm 2021 - 2025 của tỉnh.") == [
        "Kế hoạch phát triển kinh tế - xã hội 5 năm 2021 - 2025"
    ]


def test_a_document_cited_in_two_forms_is_listed_once():
    from tongket.summarise.documents import documents

    text = ("Huyện quán triệt Nghị quyết Trung ương 5 (khoá XII) và NQ Đại hội lần thứ XII của Đảng; "
            "sau đó bàn việc thực hiện Nghị quyết Trung ương 5 khoá XII và Nghị quyết Đại hội XII.")
    assert len(documents(text)) == 2


def test_a_minister_of_planning_names_no_plan():
    from tongket.summarise.documents import documents

    assert documents("Bộ trưởng Kế hoạch đầu tư hứa sẽ bố trí vốn cho cảng cá.") == []


def test_paragraphs_end_document_names():
    article = Article(id="p", text="Đề nghị sớm ban hành Nghị định về tự chủ đại học\n\nTuy nhiên, nhiều trường còn lúng túng.")
    event = extract_event(assign_roles(segment_article(article)))
    assert "Nghị định về tự chủ đại học" in event.documents
    assert not any("Tuy nhiên" in d for d in event.documents)


def test_an_organiser_stops_before_what_it_achieved():
    event = _event(
        "Họp trực tuyến tổng kết công tác với các địa phương ngày 8/1, Thứ trưởng Lê Văn Nam đã báo cáo kết quả mà "
        "Bộ Xây dựng đạt được trong năm 2023 và nhiệm vụ năm 2024."
    )
    assert event.organizer == "Bộ Xây dựng"


@pytest.mark.parametrize(
    ("sentence", "organiser"),
    [
        ("Sáng 12/3, Hội Cựu chiến binh quận Nam Từ Liêm tổ chức hội nghị tổng kết công tác năm 2024.",
         "Hội Cựu chiến binh quận Nam Từ Liêm"),
        ("Tại cuộc họp giao ban của Sở Tư pháp đầu tuần trước, lãnh đạo sở đánh giá công tác quý I.", "Sở Tư pháp"),
        ("Sáng 12/3, Bộ Y tế Nguyễn Văn An chủ trì hội nghị sơ kết công tác phòng dịch.", "Bộ Y tế"),
        ("Sáng 12/3, UBND huyện Gia Lâm Lê Văn Bình chủ trì hội nghị sơ kết công tác phòng dịch.", "UBND huyện Gia Lâm"),
    ],
)
def test_an_organiser_keeps_a_three_syllable_district_and_stops_before_a_time(sentence, organiser):
    assert _event(sentence).organizer == organiser


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Hội nghị tổng kết diễn ra tại Cần Thơ hồi đầu năm, do Sở Y tế tổ chức.", "Cần Thơ"),
        ("Hội nghị sơ kết được tổ chức tại Quy Nhơn trung tuần tháng 5.", "Quy Nhơn"),
    ],
)
def test_a_place_stops_before_a_time(sentence, place):
    assert _event(sentence).location == place


def test_a_competition_is_no_place():
    assert _event("Năm 2024, đội tuyển của tỉnh giành hạng ba tại V-League 2024 và được tỉnh khen thưởng.").location is None
    sentence = "Sáng 2/3, Sở Văn hóa tổng kết thành tích thi đấu tại SEA Games 32 tại Nhà văn hóa Lao động tỉnh Bình Định."
    assert _event(sentence).location == "Nhà văn hóa Lao động tỉnh Bình Định"


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Hội thảo về an toàn thực phẩm do Cục An toàn thực phẩm tổ chức ngày 12-3 ở Đà Nẵng.", "Đà Nẵng"),
        ("Chiều 5/6, đoàn công tác của Bộ Xây dựng có buổi làm việc với UBND tỉnh Quảng Trị về quy hoạch.", "tỉnh Quảng Trị"),
        ("Phát biểu tại buổi làm việc với huyện Đông Anh sáng 9/9, Bí thư Thành ủy đề nghị huyện đẩy nhanh tiến độ.",
         "huyện Đông Anh"),
        ("Sáng 2/2, Thành ủy tổ chức hội nghị tổng kết; nhiều vụ việc ở nhiều địa phương được nêu.", None),
    ],
)
def test_a_place_given_by_o_or_by_a_working_visit(sentence, place):
    assert _event(sentence).location == place


def test_the_body_whose_sitting_it_is_organises_it():
    event = _event('"Chúng tôi hứa hoàn thành tuyến đường trong tháng 11 nhưng chưa làm được, tôi xin lỗi cử tri", ông Lê Văn Tâm '
                   "nói khi giải trình về tiến độ các công trình, vào buổi họp HĐND chiều nay.")
    assert event.organizer == "HĐND"


def test_a_party_organisation_written_in_lower_case_is_whole_and_capitalised():
    assert _event("Tại phiên khai mạc Đại hội đảng bộ Hà Nội sáng 1/11, ông Trần Văn Dực nêu nhiều ý kiến.").organizer == (
        "Đảng bộ Hà Nội")


def test_two_people_with_titles_joined_by_va_each_keep_their_own_title():
    event = _event("Ngày 5/4, Phó Thủ tướng Lê Văn Hải và Phó Thủ tướng Trần Minh Khoa đồng chủ trì cuộc họp với các bộ.")
    assert {p.name: p.position for p in event.people} == {"Lê Văn Hải": "Phó Thủ tướng", "Trần Minh Khoa": "Phó Thủ tướng"}
    ministry = _event("Giám đốc Sở Kế hoạch và Đầu tư Lê Văn Hùng phát biểu tại hội nghị.")
    assert [p.position for p in ministry.people] == ["Giám đốc Sở Kế hoạch và Đầu tư"]


def test_a_review_word_earlier_in_the_sentence_makes_the_year_reviewed():
    event = _event("Chiều 9/3, tại hội nghị tổng kết công tác cải cách hành chính, kiểm soát thủ tục năm 2023 do Tỉnh ủy tổ chức, "
                   "ông Lê Văn Nam cho rằng cần làm quyết liệt hơn.")
    assert event.date == "2024-03-09" and event.date_inferred
    planned = _event("Chiều 11/12, Ủy ban Thường vụ Quốc hội tổng kết kỳ họp thứ 6 và cho ý kiến về việc chuẩn bị kỳ họp thứ 7 "
                     "(giữa năm 2024).")
    assert planned.date != "2024-12-11"


def test_a_span_that_ran_to_the_end_of_a_year_dates_the_event_after_it():
    event = _event("Ngày 16/7, đoàn giám sát làm việc với tỉnh về việc thực hiện chính sách đất đai từ khi Luật Đất đai có hiệu "
                   "lực đến hết năm 2023.")
    assert event.date == "2024-07-16" and event.date_inferred
    target = _event("Ngày 16/7, tỉnh đặt mục tiêu đến hết năm 2025 có 80% xã đạt chuẩn nông thôn mới.")
    assert target.date == "--07-16"
