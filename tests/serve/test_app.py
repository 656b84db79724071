"""Every endpoint of the web app through the ASGI test client, including hostile use."""

from __future__ import annotations

import threading
import time

import pytest
from starlette.testclient import TestClient

from tongket.serve.app import create_app
from tongket.training.labels import load_labels

ARTICLE = ("Sáng 3/12, Sở Tư pháp tổ chức hội nghị tổng kết công tác năm 2024.\n\n"
           "Năm qua, Sở đã thẩm định 120 văn bản. Tỷ lệ văn bản đúng hạn đạt 98%.\n\n"
           "Tuy nhiên, một số văn bản còn chậm gửi thẩm định.\n\n"
           "Thời gian tới, Sở tiếp tục nâng cao chất lượng thẩm định văn bản.")


@pytest.fixture
def client(settings):
    with TestClient(create_app(settings)) as client:
        yield client


def _digest(client, text=ARTICLE):
    response = client.post("/api/digest", data={"text": text})
    assert response.status_code == 200, response.text
    return response.json()["articles"][0]


def test_pages_load_with_a_strict_content_policy(client):
    for path in ("/", "/queue", "/report", "/agreement"):
        response = client.get(path)
        assert response.status_code == 200
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert "http://" not in response.text.replace("http://testserver", "") and "cdn" not in response.text.lower()
    assert client.get("/static/digest.js").status_code == 200
    assert [label["name"] for label in client.get("/api/labels").json()["labels"]][:3] == ["achievement", "limitation", "task"]


def test_digest_labels_every_sentence_and_traces_points(client):
    item = _digest(client)
    paragraphs = item["article"]["paragraphs"]
    assert len(paragraphs) == 4 and all(s["label"] and s["scores"] is not None for p in paragraphs for s in p["sentences"])
    digest = item["digest"]
    point = (digest["achievements"] + digest["limitations"] + digest["tasks"])[0]
    sentence = paragraphs[point["paragraph"]]["sentences"][point["sentence"]]
    assert sentence["text"] in point["text"] or point["text"] in sentence["text"]


def test_uploaded_files_are_read_by_their_kind(client, tmp_path):
    html = f"<html><body><article><h1>Tổng kết tư pháp</h1>{''.join(f'<p>{p}</p>' for p in ARTICLE.split(chr(10) * 2))}</article></body></html>"
    response = client.post("/api/digest", files=[("files", ("bai.html", html.encode(), "text/html")),
                                                 ("files", ("bai.txt", ARTICLE.encode("utf-16"), "text/plain"))])
    assert response.status_code == 200
    articles = response.json()["articles"]
    assert len(articles) == 2 and all(len(a["article"]["paragraphs"]) >= 4 for a in articles)


def test_a_correction_becomes_a_label_line_that_training_reads(client, world, label_lines):
    item = _digest(client)
    response = client.post("/api/correct", json={"key": item["key"], "paragraph": 1, "sentence": 1, "label": "limitation",
                                                 "annotator": "lan"})
    assert response.status_code == 200
    lines = label_lines(world["labels"] / "app" / "lan-written.jsonl")
    assert lines[-1]["sentences"][1] == {"text": "Tỷ lệ văn bản đúng hạn đạt 98%.", "label": "limitation"}
    articles = load_labels([world["labels"]])
    assert articles[0].sentence_labels[0][1][1] == "limitation"
    whole = client.post("/api/correct", json={"key": item["key"], "paragraph": 2, "sentence": None, "label": "task", "annotator": "lan"})
    assert whole.json()["saved"]["label"] == "task"
    assert len(load_labels([world["labels"]])[0].texts) == 2


def test_the_queue_proposes_uncertain_varied_units_and_labels_them(client, world, label_lines):
    client.app.state.tongket.retrainer.status.every = 100  # no retraining here: the queue keeps its order
    seen = []
    for _ in range(4):
        unit = client.get("/api/queue/next", params={"annotator": "lan"}).json()["unit"]
        seen.append(unit)
        saved = client.post("/api/queue/label", json={"article": unit["article"], "index": unit["index"], "label": "context",
                                                      "annotator": "lan"})
        assert saved.status_code == 200
    assert len({(u["article"], u["index"]) for u in seen}) == 4
    assert max(sum(u["article"] == a for u in seen) for a in {u["article"] for u in seen}) <= 2
    lines = label_lines(world["labels"] / "app" / "lan.jsonl")
    assert [line["index"] for line in lines] == [u["index"] for u in seen] and all(line["partial"] for line in lines)
    assert client.post("/api/queue/undo", json={"annotator": "lan"}).json()["removed"]["index"] == seen[-1]["index"]
    assert len(label_lines(world["labels"] / "app" / "lan.jsonl")) == 3
    next_unit = client.get("/api/queue/next", params={"annotator": "lan"}).json()["unit"]
    assert (next_unit["article"], next_unit["index"]) == (seen[-1]["article"], seen[-1]["index"])  # undone → asked again
    skipped = client.post("/api/queue/skip", json={"article": next_unit["article"], "index": next_unit["index"], "annotator": "lan"})
    assert skipped.status_code == 200
    after_skip = client.get("/api/queue/next", params={"annotator": "lan"}).json()["unit"]
    assert (after_skip["article"], after_skip["index"]) != (next_unit["article"], next_unit["index"])


def test_retraining_runs_in_the_background_and_reports_f1(client, world, small_label_files):
    import shutil

    for path in small_label_files:
        shutil.copy(path, world["labels"] / path.name)
    for _ in range(3):
        unit = client.get("/api/queue/next", params={"annotator": "lan"}).json()["unit"]
        client.post("/api/queue/label", json={"article": unit["article"], "index": unit["index"], "label": "limitation",
                                              "annotator": "lan"})
    retrainer = client.app.state.tongket.retrainer
    retrainer.wait(300)
    status = client.get("/api/status").json()
    assert status["state"] == "idle" and status["rounds"] == 1, status
    assert 0 <= status["before"] <= 1 and 0 <= status["after"] <= 1


def test_agreement_between_two_annotators(client):
    units = []
    for _ in range(3):
        unit = client.get("/api/queue/next", params={"annotator": "lan"}).json()["unit"]
        units.append(unit)
        client.post("/api/queue/label", json={"article": unit["article"], "index": unit["index"], "label": "context", "annotator": "lan"})
    for unit, label in zip(units, ["context", "context", "task"]):
        client.post("/api/queue/label", json={"article": unit["article"], "index": unit["index"], "label": label, "annotator": "minh"})
    report = client.get("/api/agreement").json()
    pair = report["pairs"][0]
    assert (pair["first"], pair["second"], pair["units"]) == ("lan", "minh", 3)
    assert pair["agreement"] == pytest.approx(2 / 3) and len(pair["disagreements"]) == 1


def test_report_runs_from_the_browser_and_serves_its_files(client, world):
    job = client.post("/api/report", json={"folder": str(world["reports"]), "title": "Thử"}).json()["job"]
    deadline = time.time() + 300
    while (status := client.get(f"/api/report/{job}").json())["state"] == "running" and time.time() < deadline:
        time.sleep(0.3)
    assert status["state"] == "done", status
    assert {"bao-cao.html", "bao-cao.docx", "bao-cao.xlsx"} <= set(status["files"])
    page = client.get(f"/files/{job}/bao-cao.html")
    assert page.status_code == 200 and "sandbox" in page.headers["content-security-policy"]
    assert client.get(f"/files/{job}/bao-cao.docx").headers["content-disposition"].startswith("attachment")


# Hostile use


def test_article_text_is_never_markup(client):
    item = _digest(client, ARTICLE + "\n\n<script>alert('x')</script><img src=x onerror=alert(1)>")
    texts = [s["text"] for p in item["article"]["paragraphs"] for s in p["sentences"]]
    assert any("<script>" in t for t in texts)  # kept as text, which the page inserts as text nodes only
    page = client.get("/static/digest.js").text
    assert "innerHTML" not in page and "insertAdjacentHTML" not in page


def test_uploads_are_limited_in_size(client):
    big = "Hội nghị tổng kết. " * 20_000
    assert client.post("/api/digest", data={"text": big}).status_code == 413
    response = client.post("/api/digest", files=[("files", ("to.txt", big.encode(), "text/plain"))])
    assert response.status_code == 413 and "error" in response.json()
    assert client.post("/api/digest", files=[("files", ("x.exe", b"MZ", "application/octet-stream"))]).status_code == 415


@pytest.mark.parametrize("folder", ["../../etc", "/etc", "bai-viet/../../labels"])
def test_report_paths_cannot_escape_the_given_folders(client, folder):
    response = client.post("/api/report", json={"folder": folder})
    assert response.status_code in (403, 404)
    assert response.status_code == 403 or "does not exist" in response.json()["error"]


def test_report_files_are_only_those_the_job_wrote(client):
    assert client.get("/files/none/..%2F..%2Fetc%2Fpasswd").status_code == 404
    assert client.get("/files/none/bao-cao.html").status_code == 404


def test_label_writes_need_json_from_this_origin_and_valid_fields(client):
    item = _digest(client)
    good = {"key": item["key"], "paragraph": 0, "sentence": 0, "label": "context", "annotator": "lan"}
    assert client.post("/api/correct", data={"x": "1"}).status_code == 415
    assert client.post("/api/correct", json=good, headers={"Origin": "http://evil.example"}).status_code == 403
    assert client.post("/api/correct", json={**good, "annotator": "../../etc/passwd"}).status_code == 400
    assert client.post("/api/correct", json={**good, "label": "bogus"}).status_code == 400
    assert client.post("/api/correct", json={**good, "paragraph": 99}).status_code == 400
    assert client.post("/api/correct", json={**good, "key": "nothing"}).status_code == 404
    assert client.post("/api/queue/label", json={"article": "x", "index": 0, "label": "task", "annotator": "lan"}).status_code == 404


def test_two_tabs_labelling_at_once_lose_nothing(client, world, label_lines):
    item = _digest(client)
    errors = []

    def label(annotator_tab: int) -> None:
        for n in range(15):
            response = client.post("/api/correct", json={"key": item["key"], "paragraph": n % 4, "sentence": None,
                                                          "label": "context", "annotator": "lan"})
            if response.status_code != 200:
                errors.append(response.text)

    tabs = [threading.Thread(target=label, args=(t,)) for t in range(2)]
    for tab in tabs:
        tab.start()
    for tab in tabs:
        tab.join()
    assert not errors
    assert len(label_lines(world["labels"] / "app" / "lan-written.jsonl")) == 30


def test_a_crash_mid_write_leaves_the_old_file_whole(world, monkeypatch):
    import os

    from tongket.serve.labelstore import LabelStore

    store = LabelStore(world["labels"])
    store.append("lan", {"article": "a", "index": 0, "text": "Một câu.", "label": "context"}, written=True)
    before = store.path("lan", written=True).read_bytes()

    def crash(*args, **kwargs):
        raise OSError("disk gone")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        store.append("lan", {"article": "a", "index": 1, "text": "Câu hai.", "label": "task"}, written=True)
    assert store.path("lan", written=True).read_bytes() == before
    assert not list(store.folder.glob("*.tmp"))


def test_margins_rank_ties_first_and_survive_a_one_label_model():
    import numpy as np

    from tongket.serve.queue import margins

    probs = np.array([[0.5, 0.45, 0.05], [0.9, 0.05, 0.05]])
    assert margins(probs)[0] > margins(probs)[1]
    assert margins(probs, ["task", "context", "caption"])[0] == pytest.approx(1 - (0.5 - 0.45) / 0.95)
    assert margins(np.ones((3, 1))).tolist() == [1.0, 1.0, 1.0]


def test_the_queue_asks_first_about_units_torn_between_content_labels():
    import numpy as np

    from tongket.serve.queue import content_uncertainty

    classes = ["achievement", "limitation", "task", "context", "caption"]
    probs = np.array([
        [0.46, 0.44, 0.02, 0.06, 0.02],  # achievement or limitation? a label settles it
        [0.03, 0.02, 0.02, 0.48, 0.45],  # context or caption: cheap to tell, no content at stake
        [0.02, 0.01, 0.01, 0.95, 0.01],  # surely context
        [0.40, 0.02, 0.02, 0.55, 0.01],  # content or context
    ])
    order = np.argsort(-content_uncertainty(probs, classes)).tolist()
    assert order[0] == 0 and order[-1] == 2 and order.index(3) < order.index(1)
    assert content_uncertainty(probs[:, 3:], classes[3:]).shape == (4,)  # no content labels: the body-label margin
