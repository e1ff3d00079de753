"""The HTML report in a real browser: Playwright driving Debian's Chromium (/usr/bin/chromium).

Each report is made by ``shapedoctor run --html`` on real Keras, opened from disk (offline:
every request other than the file itself is refused and counted), and checked as a reader
sees it: which boxes are red and amber, what the arrows say, what a click on a fix redraws.
Screenshots are kept under ``build/screenshots/`` (CI artefacts).
"""

from __future__ import annotations

import os
import shutil

import pytest

from conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = ROOT / "build" / "screenshots"

if not os.path.exists(CHROMIUM) and not os.environ.get("CI"):
    pytest.skip("Debian's chromium is not installed (CI installs it: apt-get install chromium)",
                allow_module_level=True)
playwright = pytest.importorskip("playwright.sync_api") if not os.environ.get("CI") else __import__(
    "playwright.sync_api", fromlist=["sync_playwright"])


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


@pytest.fixture
def open_report(browser, html_report):
    pages = []

    def go(script: str, scheme: str = "light"):
        report, path, _ = html_report(script)
        context = browser.new_context(color_scheme=scheme, viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.outside = []
        page.on("request", lambda r: page.outside.append(r.url) if not r.url.startswith("file://") else None)
        page.goto(path.as_uri())
        pages.append(context)
        return report, page

    yield go
    for c in pages:
        c.close()


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def _visible(page):
    return page.locator(".sd-state:not([hidden])").first


def _role_layers(state, role: str) -> list[str]:
    return state.locator(f'.sd-node[data-role="{role}"]').evaluate_all("els => els.map(e => e.dataset.layer)")


def _stroke(state, role: str) -> str:
    return state.locator(f'.sd-node[data-role="{role}"] rect').first.get_attribute("stroke")


def test_seed3_red_lstm_amber_dense_and_the_shapes_on_the_arrows(open_report):
    _, page = open_report("examples/seed_example3_lstm.py")
    state = _visible(page)
    assert _role_layers(state, "consumer") == ["lstm"] and _stroke(state, "consumer") == "#cf222e"
    assert _role_layers(state, "culprit") == ["dense"] and _stroke(state, "culprit") == "#bf8700"
    labels = state.locator(".sd-edge .sd-shape").all_text_contents()
    assert labels == ["(None, 10)", "(None, 1)"]
    assert state.locator('.sd-edge[data-hot="1"]').count() == 1  # dense -> lstm emphasised
    # Words as well as colours: the badges are visible text.
    consumer_badge = state.locator('.sd-node[data-role="consumer"] .sd-badge')
    culprit_badge = state.locator('.sd-node[data-role="culprit"] .sd-badge')
    assert consumer_badge.text_content() == "✗ failed here" and consumer_badge.is_visible()
    assert culprit_badge.text_content() == "root cause" and culprit_badge.is_visible()
    _shot(page, "seed3")
    page.locator('.toolbar [data-sd-show="fix-1"]').click()
    after = _visible(page)
    assert after.get_attribute("data-state") == "fix-1"
    assert _role_layers(after, "inserted") == ["repeat_vector"]
    assert after.locator(".sd-edge .sd-shape").all_text_contents() == ["(None, 10)", "(None, 1)", "(None, 64, 1)"]
    assert after.locator('.sd-node[data-layer="lstm"]').get_attribute("data-shape") == "(None, 64)"
    assert page.locator('.toolbar [data-sd-show="fix-1"]').get_attribute("aria-pressed") == "true"
    _shot(page, "seed3_fix1")
    assert page.outside == []


def test_seed2_reshape_is_the_culprit_and_a_fix_button_in_the_panel_redraws(open_report):
    report, page = open_report("examples/seed_example2_reshape.py")
    state = _visible(page)
    assert _role_layers(state, "consumer") == ["reshape"]
    fixes = report["findings"][0]["fixes"]
    page.locator('.fix[data-fix="1"] button.show').click()
    after = _visible(page)
    assert after.get_attribute("data-state") == "fix-1"
    assert after.locator('.sd-node[data-layer="reshape"]').get_attribute("data-shape") == fixes[0]["result_shape"]
    _shot(page, "seed2_fix1")


def test_seed1_clean_run_draws_the_whole_model(open_report):
    _, page = open_report("examples/seed_example1_dense_units.py")
    state = _visible(page)
    assert state.locator(".sd-node").count() >= 3
    assert state.locator('.sd-node[data-role="consumer"]').count() == 0
    assert "(None, 1)" in state.locator(".sd-edge .sd-shape").all_text_contents()
    _shot(page, "seed1")


def test_fifty_layer_functional_merge_marks_the_pooled_branch(open_report):
    report, page = open_report("tests/fixtures/report/functional50_merge.py")
    finding = report["findings"][0]
    state = _visible(page)
    assert _role_layers(state, "consumer") == ["concatenate"]
    assert state.locator(".sd-node").count() == 44  # every layer up to the merge (the 6 after it never ran)
    culprit = finding["culprit"]["layer"]
    assert _role_layers(state, "culprit") == [culprit]
    # The failing layer was scrolled into view on load.
    box = state.locator('.sd-node[data-role="consumer"]').bounding_box()
    view = state.bounding_box()
    assert view["y"] <= box["y"] <= view["y"] + view["height"]
    shapes = state.locator('.sd-edge[data-to="concatenate"]').evaluate_all("els => els.map(e => e.dataset.shape)")
    assert sorted(shapes) == ["(None, 16, 16, 16)", "(None, 32, 32, 16)"]
    _shot(page, "functional50_merge")


def test_training_call_error_shows_labels_output_and_loss(open_report):
    _, page = open_report("tests/fixtures/report/training_labels.py", scheme="dark")
    state = _visible(page)
    assert _role_layers(state, "consumer") == ["categorical_crossentropy"]
    assert _role_layers(state, "culprit") == ["dense_1"]
    assert state.locator('.sd-node[data-class="labels"]').get_attribute("data-shape") == "(64, 10)"
    into_loss = state.locator('.sd-edge[data-to="__loss0"]').evaluate_all("els => els.map(e => e.dataset.shape)")
    assert sorted(into_loss) == ["(64, 10)", "(None, 5)"]
    # Dark theme: light text on a dark page, and the SVG text follows it (currentColor).
    colors = page.evaluate("""() => [getComputedStyle(document.body).backgroundColor,
        getComputedStyle(document.querySelector('.sd-node text')).fill]""")
    assert colors[0] == "rgb(13, 17, 23)" and colors[1] != "rgb(31, 35, 40)"
    _shot(page, "training_labels_dark")


def test_nested_model_is_one_box_that_opens_on_a_click(open_report):
    report, page = open_report("tests/fixtures/report/nested_model.py")
    state = _visible(page)
    assert _role_layers(state, "culprit") == ["encoder"] and _role_layers(state, "consumer") == ["lstm"]
    assert state.locator('.sd-node[data-layer="encoder"]').get_attribute("data-class") == "Sequential"
    nested = page.locator('details.nested[data-nested="encoder"]')
    inner = nested.locator(".sd-inner .sd-node")
    assert not inner.first.is_visible()  # collapsed
    nested.locator("summary").click()
    assert inner.first.is_visible()
    assert inner.evaluate_all("els => els.map(e => e.dataset.class)") == ["InputLayer", "Dense", "Dense"]
    assert nested.locator(".sd-inner .sd-shape").all_text_contents() == ["(None, 16)", "(None, 8)"]
    _shot(page, "nested_open")
