"""A category of the user's own, end to end: declared, labelled, trained, then seen in classify, digest and report."""

import json
import shutil
import subprocess
import sys

import pytest

from tongket.text.errors import LabelsFormatError
from tongket.training.labels import load_labels
from tongket.training.labelset import load_label_set

LESSONS = [
    "Bài học kinh nghiệm rút ra là phải phát huy vai trò người đứng đầu trong chỉ đạo thực hiện.",
    "Qua thực tiễn triển khai, bài học rút ra là cần bám sát cơ sở, lắng nghe ý kiến của nhân dân.",
    "Kinh nghiệm cho thấy, ở đâu cấp ủy quan tâm sâu sát thì ở đó phong trào phát triển bền vững.",
    "Bài học quý được rút ra là phải kết hợp chặt chẽ giữa tuyên truyền và tổ chức thực hiện.",
    "Từ kết quả trên, có thể rút ra bài học kinh nghiệm về phát huy sức mạnh của cả hệ thống chính trị.",
    "Một bài học lớn là phải lấy sự hài lòng của người dân làm thước đo hiệu quả công việc.",
    "Kinh nghiệm rút ra là công tác kiểm tra, giám sát phải được tiến hành thường xuyên, liên tục.",
    "Bài học kinh nghiệm là phải phân công rõ người, rõ việc, rõ trách nhiệm và rõ thời gian hoàn thành.",
]
PLACES = ["Hòa Bình", "Sơn La", "Yên Bái", "Phú Thọ", "Tuyên Quang", "Bắc Kạn", "Cao Bằng", "Hà Giang"]


def _article(number: int) -> list[tuple[str, str]]:
    place = PLACES[number]
    return [
        (f"{place} tổng kết 5 năm thực hiện phong trào dân vận khéo", "title"),
        (f"Ngày {10 + number}/11, Ban Dân vận Tỉnh ủy {place} tổ chức hội nghị tổng kết 5 năm phong trào thi đua dân vận khéo.", "context"),
        (f"Qua 5 năm, toàn tỉnh {place} đã xây dựng {120 + number} mô hình dân vận khéo, nhiều mô hình được nhân rộng.", "achievement"),
        ("Tuy nhiên, một số mô hình còn hình thức, chưa được duy trì thường xuyên.", "limitation"),
        (LESSONS[number], "lesson"),
        ("Thời gian tới, các cấp ủy cần tiếp tục đổi mới nội dung, phương thức công tác dân vận.", "task"),
    ]


@pytest.fixture(scope="module")
def lesson_labels(tmp_path_factory, small_label_files):
    folder = tmp_path_factory.mktemp("labels")
    for path in small_label_files:
        shutil.copy(path, folder / path.name)
    (folder / "categories.json").write_text(
        json.dumps({"categories": [{"name": "lesson", "title": "Bài học kinh nghiệm"}]}, ensure_ascii=False), encoding="utf-8"
    )
    lines = [json.dumps({"article": f"dan-van-{n}", "index": i, "text": text, "label": label}, ensure_ascii=False)
             for n in range(len(PLACES)) for i, (text, label) in enumerate(_article(n))]
    (folder / "dan_van.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_an_undeclared_label_is_refused_with_a_hint(lesson_labels, tmp_path):
    shutil.copy(lesson_labels / "dan_van.jsonl", tmp_path / "dan_van.jsonl")
    with pytest.raises(LabelsFormatError, match=r"dan_van.jsonl:5: unknown label 'lesson'.*categories.json"):
        load_labels([tmp_path])


def test_a_declared_category_is_loaded(lesson_labels):
    assert load_label_set([lesson_labels]).title("lesson") == "Bài học kinh nghiệm"
    articles = load_labels([lesson_labels])
    assert sum(a.labels.count("lesson") for a in articles) == len(PLACES)


def test_a_category_of_ones_own_reaches_classify_digest_and_report(lesson_labels, tmp_path):
    from tongket.training.train import TrainOptions, train_model

    model = train_model([lesson_labels], tmp_path / "model", TrainOptions(cv=0, baselines=False, use_context=False)).directory
    article = tmp_path / "bai.txt"
    article.write_text(
        "Lào Cai tổng kết phong trào dân vận khéo\n\n"
        "Ngày 20/11, Ban Dân vận Tỉnh ủy Lào Cai tổ chức hội nghị tổng kết phong trào thi đua dân vận khéo.\n\n"
        "Toàn tỉnh đã xây dựng 140 mô hình dân vận khéo trên các lĩnh vực.\n\n"
        "Bài học kinh nghiệm rút ra là phải phát huy vai trò người đứng đầu, bám sát cơ sở và lắng nghe nhân dân.\n\n"
        "Thời gian tới, các cấp ủy cần tiếp tục đổi mới nội dung, phương thức công tác dân vận.\n",
        encoding="utf-8",
    )
    cli = [sys.executable, "-c", "from tongket.cli.app import main; main()"]
    classified = subprocess.run([*cli, "classify", str(article), "--model", str(model), "--format", "jsonl"],
                                capture_output=True, text=True, check=True)
    labels = [json.loads(line)["label"] for line in classified.stdout.splitlines()]
    assert labels[3] == "lesson"
    digested = subprocess.run([*cli, "digest", str(article), "--model", str(model)], capture_output=True, text=True, check=True)
    digest = json.loads(digested.stdout)
    assert digest["categories"][0]["title"] == "Bài học kinh nghiệm"
    assert "Bài học kinh nghiệm rút ra" in digest["categories"][0]["points"][0]["text"]
    second = tmp_path / "bai2.txt"
    second.write_text(article.read_text(encoding="utf-8").replace("Lào Cai", "Lai Châu").replace("140", "95"), encoding="utf-8")
    report = tmp_path / "r.md"
    done = subprocess.run([*cli, "report", str(article), str(second), "-o", str(report), "--model", str(model),
                           "--cache", str(tmp_path / "cache"), "--all-articles", "--no-progress"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    text = report.read_text(encoding="utf-8")
    section = text.split("### Bài học kinh nghiệm", 1)[1].split("##", 1)[0]
    assert "Bài học kinh nghiệm rút ra" in section and "2 bài" in section
