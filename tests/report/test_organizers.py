"""One row per organising body in the report: abbreviations and short names spelt out, clause tails cut."""

from tongket.report.organizers import normalize_organizer, organizer_key


def test_abbreviations_and_clause_tails_give_the_full_name():
    assert normalize_organizer("UBND TP.HCM đã") == "Ủy ban nhân dân Thành phố Hồ Chí Minh"
    assert normalize_organizer("Bộ GD-ĐT") == "Bộ Giáo dục và Đào tạo"
    assert normalize_organizer("Sở TN - MT") == "Sở Tài nguyên và Môi trường"
    assert normalize_organizer("bộ GD & ĐT dự kiến") == "Bộ Giáo dục và Đào tạo"
    assert normalize_organizer("Sở Y tế cần tiếp tục") == "Sở Y tế"
    assert normalize_organizer("Bộ Xây dựng đạt được") == "Bộ Xây dựng"
    assert normalize_organizer("Sở Tư pháp đầu tuần trước") == "Sở Tư pháp"


def test_a_ministry_called_by_the_first_part_of_its_name_is_the_same_ministry():
    assert normalize_organizer("Bộ Lao động") == normalize_organizer("Bộ LĐ-TB&XH") == "Bộ Lao động - Thương binh và Xã hội"
    assert normalize_organizer("Bộ Lao động Mỹ") == "Bộ Lao động Mỹ"
    assert normalize_organizer("Thường vụ Quốc hội") == normalize_organizer("UBTVQH") == "Ủy ban Thường vụ Quốc hội"


def test_spellings_of_one_body_share_a_key():
    assert organizer_key(normalize_organizer("Ủy ban thường vụ QH")) == organizer_key("Ủy ban Thường vụ Quốc hội")
    assert normalize_organizer("hội trường") is None


def test_the_country_and_a_session_verb_are_no_part_of_the_body():
    assert normalize_organizer("Chính phủ VN") == normalize_organizer("Chính phủ") == "Chính phủ"
    assert normalize_organizer("Quốc hội Việt Nam") == "Quốc hội"
    assert normalize_organizer("HĐND TP.HCM chất vấn") == "Hội đồng nhân dân Thành phố Hồ Chí Minh"
    assert normalize_organizer("Ủy ban Thường vụ Quốc hội họp") == "Ủy ban Thường vụ Quốc hội"
    assert normalize_organizer("Liên đoàn Bóng đá VN") == "Liên đoàn Bóng đá VN"
