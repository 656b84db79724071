from tongket.text.items import item_spans


def _texts(paragraph):
    return [paragraph[i.start : i.end] for i in item_spans(paragraph)]


def test_ordinal_paragraph_is_one_item_even_with_semicolons():
    paragraph = "Hai là, tiếp tục đổi mới nội dung tuyên truyền; nâng cao chất lượng các ấn phẩm. Chú trọng nghiên cứu dư luận."
    assert _texts(paragraph) == [paragraph]


def test_semicolon_list_after_colon_is_split_without_its_lead_in():
    paragraph = (
        "Vẫn còn một số hạn chế: công tác phối hợp giữa các cơ quan có lúc chưa chặt chẽ; "
        "nội dung thông tin bằng tiếng nước ngoài còn ít; đội ngũ cán bộ còn thiếu kỹ năng."
    )
    assert _texts(paragraph) == [
        "công tác phối hợp giữa các cơ quan có lúc chưa chặt chẽ;",
        "nội dung thông tin bằng tiếng nước ngoài còn ít;",
        "đội ngũ cán bộ còn thiếu kỹ năng.",
    ]


def test_noun_phrase_list_is_not_split_away_from_its_predicate():
    paragraph = "Chưa tận dụng hiệu quả các kênh: các cơ quan báo chí quốc tế; các tổ chức nước ngoài; người Việt Nam ở nước ngoài."
    assert _texts(paragraph) == [paragraph]


def test_inline_ordinals_split():
    paragraph = "Hội nghị đề ra hai nhiệm vụ. Một là, đẩy mạnh chuyển đổi số; hai là, kiện toàn đội ngũ cán bộ làm công tác tuyên truyền."
    texts = _texts(paragraph)
    assert texts == [
        "Hội nghị đề ra hai nhiệm vụ.",
        "Một là, đẩy mạnh chuyển đổi số;",
        "hai là, kiện toàn đội ngũ cán bộ làm công tác tuyên truyền.",
    ]


def test_a_list_of_document_titles_stays_one_idea():
    paragraph = (
        "Tại kỳ họp, Hội đồng nhân dân tỉnh đã thông qua 4 nghị quyết gồm: Nghị quyết về giá đất năm tới; "
        "nghị quyết về Quy chế làm việc của Thường trực Hội đồng; Quy định về mức thu học phí; "
        "Nghị quyết về chương trình giám sát, Quy chế xây dựng văn bản."
    )
    assert _texts(paragraph) == [paragraph]


def test_titles_that_say_something_are_still_items():
    paragraph = (
        "Các văn bản đã ban hành: Nghị quyết về giá đất đã đi vào cuộc sống; "
        "Quy chế làm việc được các sở thực hiện nghiêm; Quy định về học phí còn chậm triển khai."
    )
    assert len(_texts(paragraph)) == 3
