"""A small world for the web app: our own corpus of short review articles, an empty labels folder, a small model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("multipart")

PROVINCES = ["Lạng Sơn", "Cà Mau", "Điện Biên", "Quảng Trị", "Kon Tum", "Bến Tre", "Hà Nam", "Ninh Thuận"]

ARTICLE = """Sáng {day}/12, Sở Nội vụ tỉnh {province} tổ chức hội nghị tổng kết công tác cải cách hành chính năm 2024.

Năm qua, toàn tỉnh đã cắt giảm {count} thủ tục hành chính, tỷ lệ hồ sơ giải quyết đúng hạn đạt 9{day}%.

Tuy nhiên, việc số hóa hồ sơ ở cấp xã còn chậm, một số cán bộ chưa thành thạo phần mềm một cửa.

Nguyên nhân là kinh phí đầu tư cho hạ tầng số của {province} còn hạn chế.

Thời gian tới, Sở đề nghị các địa phương đẩy mạnh chuyển đổi số, tăng cường kiểm tra công vụ."""


def own_articles() -> list[dict]:
    return [{"id": f"vietnews-test-app{i:03d}", "title": f"{province} tổng kết cải cách hành chính năm 2024",
             "text": ARTICLE.format(day=i + 1, province=province, count=40 + 7 * i)}
            for i, province in enumerate(PROVINCES)]


@pytest.fixture
def world(tmp_path, small_model_dir) -> dict:
    corpus = tmp_path / "corpus" / "vietnews"
    corpus.mkdir(parents=True)
    (corpus / "articles.jsonl").write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in own_articles()) + "\n", encoding="utf-8")
    reports = tmp_path / "bai-viet"
    reports.mkdir()
    for article in own_articles()[:3]:
        (reports / f"{article['id']}.txt").write_text(f"{article['title']}\n\n{article['text']}", encoding="utf-8")
    return {"labels": tmp_path / "labels", "corpus": tmp_path / "corpus", "data": [reports], "state": tmp_path / "state",
            "model": small_model_dir, "reports": reports}


@pytest.fixture
def settings(world):
    from tongket.serve.app import ServeSettings

    return ServeSettings(labels=world["labels"], model=world["model"], corpus=world["corpus"], data=world["data"],
                         state=world["state"], retrain_every=3, max_upload=200_000)


def _label_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def label_lines():
    """Reads a label file's lines as records."""
    return _label_lines
