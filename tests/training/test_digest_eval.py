"""The reference-digest scorer: what counts as the same point, name and document."""

from tongket.training.digest_eval import DigestScores, ReferenceDigest, score_event, token_f1


def test_syllable_f1_ignores_case():
    assert round(token_f1("Tăng cường kiểm tra", "tăng cường công tác kiểm tra"), 3) == 0.8


def test_a_reference_typed_with_an_eth_matches_the_digest_that_reads_it_as_d():
    """References point into raw corpus text, where some pages write "Đ" as "Ð"; the digest reads it as "Đ"."""
    reference = ReferenceDigest(
        article="a", source="written", split="dev", record={}, points=[],
        event={"people": [{"name": "Ðỗ Văn Ðức"}], "organizer": "Sở Giáo dục và Ðào tạo", "documents": []},
    )
    digest = {"event": {"organizer": "Sở Giáo dục và Đào tạo"}, "people": [{"name": "Đỗ Văn Đức"}], "documents": []}
    scores = DigestScores()
    score_event(scores, digest, reference)
    summary = scores.summary()
    assert summary["people_f1"] == 1.0 and summary["organizer"] == 1.0


def test_a_year_in_a_documents_name_is_no_number_but_its_number_is():
    reference = ReferenceDigest(
        article="a", source="written", split="dev", record={}, points=[],
        event={"documents": ["Luật Đất đai năm 2013", "Đề án hỗ trợ khởi nghiệp giai đoạn 2021-2025", "Chỉ thị số 05-CT/TW"]},
    )
    digest = {"event": {}, "people": [], "documents": ["Luật Đất đai", "Đề án hỗ trợ khởi nghiệp", "Chỉ thị 06-CT/TW"]}
    scores = DigestScores()
    score_event(scores, digest, reference)
    assert scores.documents == [2, 3, 3]
