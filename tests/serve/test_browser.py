"""The web app in a real browser: Debian's Chromium driven by Selenium through Debian's chromedriver.

Screenshots of every page are written into the test's folder, and into $TONGKET_SCREENSHOTS when set
(that is how the README's pictures are made).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

webdriver = pytest.importorskip("selenium.webdriver")
uvicorn = pytest.importorskip("uvicorn")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="Debian chromium and chromium-driver are not installed")

ARTICLE = """Hà Tĩnh tổng kết công tác dân vận năm 2024

Chiều 18/12, Ban Dân vận Tỉnh ủy Hà Tĩnh tổ chức hội nghị tổng kết công tác dân vận năm 2024, triển khai nhiệm vụ năm 2025.

Năm 2024, toàn tỉnh xây dựng 312 mô hình dân vận khéo. Nhiều mô hình được nhân rộng, góp phần giảm tỷ lệ hộ nghèo còn 2,1%.

Tuy nhiên, công tác nắm tình hình nhân dân ở một số nơi còn chậm; việc giải quyết kiến nghị của cử tri có lúc chưa kịp thời.

Năm 2025, Ban Dân vận đề nghị các cấp ủy tiếp tục đổi mới phương thức công tác dân vận, tăng cường đối thoại với nhân dân."""


@pytest.fixture
def server(settings):
    from tongket.serve.app import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(settings)
    instance = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not instance.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(10)


@pytest.fixture
def browser(tmp_path):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                 f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def _screenshot(driver, tmp_path: Path, name: str) -> None:
    driver.save_screenshot(str(tmp_path / f"{name}.png"))
    folder = os.environ.get("TONGKET_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(folder) / f"{name}.png"))


def _wait(driver, seconds: float = 60):
    return WebDriverWait(driver, seconds)


def test_digest_page_colours_labels_and_saves_a_correction(server, browser, world, tmp_path, label_lines):
    browser.get(server + "/")
    browser.find_element(By.ID, "text").send_keys(ARTICLE)
    browser.find_element(By.ID, "analyse").click()
    _wait(browser).until(ec.presence_of_element_located((By.CSS_SELECTOR, ".sent")))
    sentences = browser.find_elements(By.CSS_SELECTOR, ".sent")
    assert len(sentences) >= 6
    classes = {c for s in sentences for c in s.get_attribute("class").split() if c.startswith("lab-")}
    assert len(classes) >= 3  # several labels, each with its colour
    assert "—" in sentences[2].get_attribute("title")  # scores on hover
    first_point = browser.find_element(By.CSS_SELECTOR, ".points li")
    first_point.click()
    _wait(browser, 5).until(ec.presence_of_element_located((By.CSS_SELECTOR, ".flash")))
    target = next(s for s in sentences if s.text.startswith("Nhiều mô hình được nhân rộng"))
    target.click()
    _wait(browser, 5).until(ec.visibility_of_element_located((By.ID, "label-menu")))
    _screenshot(browser, tmp_path, "digest")
    limitation_key = next(b.get_attribute("data-label") for b in browser.find_elements(By.CSS_SELECTOR, "#label-menu button")
                          if b.get_attribute("data-label") == "limitation")
    browser.find_element(By.TAG_NAME, "body").send_keys("2")
    _wait(browser, 10).until(ec.text_to_be_present_in_element((By.ID, "message"), "Đã lưu"))
    assert "lab-limitation" in target.get_attribute("class")
    lines = label_lines(world["labels"] / "app" / "nguoi-1-written.jsonl")
    assert [s["label"] for s in lines[-1]["sentences"] if s["text"].startswith("Nhiều mô hình")] == [limitation_key]


def test_queue_labels_five_units_by_keyboard_and_undoes_one(server, browser, world, tmp_path, label_lines):
    browser.get(server + "/queue")
    unit = browser.find_element(By.ID, "unit-text")
    _wait(browser).until(lambda d: unit.text.strip())
    _screenshot(browser, tmp_path, "queue")
    body = browser.find_element(By.TAG_NAME, "body")
    seen = []
    for _ in range(5):
        before = (unit.get_attribute("data-article"), unit.get_attribute("data-index"))
        seen.append(before)
        body.send_keys("4")  # context
        _wait(browser, 20).until(lambda d: (unit.get_attribute("data-article"), unit.get_attribute("data-index")) != before)
    assert len(label_lines(world["labels"] / "app" / "nguoi-1.jsonl")) == 5
    body.send_keys("u")
    _wait(browser, 10).until(ec.text_to_be_present_in_element((By.ID, "message"), "hoàn tác"))
    lines = label_lines(world["labels"] / "app" / "nguoi-1.jsonl")
    assert [(line["article"], str(line["index"])) for line in lines] == seen[:4]
    assert all(line["label"] == "context" and line["partial"] for line in lines)


def test_report_page_runs_a_report_and_opens_it(server, browser, world, tmp_path):
    browser.get(server + "/report")
    folder = browser.find_element(By.ID, "folder")
    folder.send_keys(str(world["reports"]))
    folder.send_keys(Keys.ENTER)
    link = _wait(browser, 240).until(ec.presence_of_element_located((By.PARTIAL_LINK_TEXT, "Mở báo cáo")))
    assert "3 bài" in browser.find_element(By.ID, "message").text or "đọc 3" in browser.find_element(By.ID, "message").text
    assert {a.text for a in browser.find_elements(By.CSS_SELECTOR, "#files a")} >= {"Tải về bao-cao.docx", "Tải về bao-cao.xlsx"}
    _screenshot(browser, tmp_path, "report")
    browser.get(link.get_attribute("href"))
    assert "Các vấn đề lặp lại" in browser.page_source
    _screenshot(browser, tmp_path, "report-opened")
