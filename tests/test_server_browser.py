"""The web page in a real browser: headless Chromium (Debian's, driven by Playwright) asks 哪些城市推进殡葬改革 of a
`policyqa serve` process over the real seeds index, sees the places, opens a citation and finds the cited
sentence highlighted in the document, with the heading path as a breadcrumb."""

import os
import shutil
from pathlib import Path

import httpx
import pytest

from policyqa.server.background import serve_process

pytestmark = pytest.mark.slow

CHROMIUM = os.environ.get("POLICYQA_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
QUESTION = "哪些城市推进殡葬改革"


def save_small(png: Path, target: Path) -> None:
    """A copy for the README, reduced to 64 colours when Pillow is there (text stays sharp)."""
    try:
        from PIL import Image
    except ImportError:
        shutil.copy(png, target)
        return
    Image.open(png).convert("RGB").quantize(colors=64).save(target, optimize=True)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: install it with `apt-get install chromium` (.ci/run does)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is a dev dependency: pip install -e .[dev]")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


def test_ask_open_citation_and_see_it_highlighted(browser, real_index, tmp_path):
    log = open(tmp_path / "server.log", "wb")
    with serve_process(real_index.directory, log=log) as (url, _):
        expected = httpx.post(f"{url}/api/ask", json={"question": QUESTION}, timeout=60).json()
        page = browser.new_page(viewport={"width": 1400, "height": 900}, locale="zh-CN")
        problems = []
        page.on("pageerror", lambda exc: problems.append(str(exc)))
        page.on("requestfailed", lambda req: problems.append(f"failed {req.url}"))
        page.on("request", lambda req: None if req.url.startswith(url) or req.url.startswith("data:")
                else problems.append(f"left the server: {req.url}"))
        page.goto(url)
        assert page.locator("html").get_attribute("lang") == "zh-CN"
        page.wait_for_function("document.getElementById('status').textContent.includes('份文件')")

        # Keyboard only: the question box has focus on load; type, Enter.
        assert page.evaluate("document.activeElement.id") == "q"
        page.keyboard.type(QUESTION)
        page.keyboard.press("Enter")
        page.wait_for_selector("#places li")
        answer = page.inner_text("#answer")
        assert answer.replace("\n", "") == expected["answer"].replace("\n", "")
        places = page.locator("#places li").all_inner_texts()
        for city in ("金华市", "厦门市", "舟山市"):
            assert any(p.startswith(city) for p in places), places
        assert page.evaluate("document.activeElement.id") == "result-h"  # focus moves to the answer

        # Every citation shows title, place and heading path.
        first = expected["citations"][0]
        item = page.locator("#cite-1")
        assert first["title"] in item.inner_text() and first["place"] in item.inner_text()
        assert first["headings"][-1] in item.locator(".path").inner_text()

        # [1] in the answer focuses its citation; its button opens the document at the cited span.
        page.locator("#answer a.ref", has_text="[1]").first.click()
        assert page.evaluate("document.activeElement.id") == "cite-1"
        item.locator("button.open-doc").click()
        mark = page.locator("#doc-text mark")
        mark.wait_for(state="visible")
        a, b = first["highlight"]
        assert mark.inner_text() == first["text"][a:b]
        assert page.locator("#doc-text .cited").inner_text() == first["text"]
        assert page.locator("#breadcrumb li").all_inner_texts() == [first["title"], *first["headings"]]
        assert page.inner_text("#doc-title") == first["title"]
        # The highlighted sentence is scrolled into the visible part of the text panel.
        assert page.evaluate("""() => {
            const m = document.getElementById('doc-mark').getBoundingClientRect();
            const p = document.getElementById('doc-text').getBoundingClientRect();
            return m.top >= p.top && m.bottom <= p.bottom; }""")
        # The text before the cited span is the document's own text up to the span's start offset.
        assert page.evaluate("document.getElementById('doc-text').firstChild.textContent.length") == first["start"]

        page.evaluate("window.scrollTo(0, 0)")  # the question, the answer and the open document in one view
        shot = tmp_path / "answer.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000
        if os.environ.get("POLICYQA_SCREENSHOT"):  # how docs/screenshot.png is made
            save_small(shot, Path(os.environ["POLICYQA_SCREENSHOT"]))

        # Escape closes the document and gives focus back to the button that opened it.
        page.keyboard.press("Escape")
        assert page.locator("#doc-view").is_hidden()
        assert page.evaluate("document.activeElement.classList.contains('open-doc')")

        # Errors are shown in the page, in Chinese: an empty question.
        page.fill("#q", "")
        page.keyboard.press("Enter")
        page.locator("#error").wait_for(state="visible")
        assert "请输入问题" in page.inner_text("#error")
        assert not problems, problems
        page.close()
