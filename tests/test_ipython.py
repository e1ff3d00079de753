"""The IPython/Jupyter extension, on real kernels and a real terminal IPython.

The notebooks in tests/notebooks/ are executed with nbclient on a real ipykernel (both at
once, to share the cost of starting kernels and importing TensorFlow); the terminal test
drives a real `ipython` through a pseudo-terminal with pexpect. Keras is never mocked.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from shapedoctor.render.html import MIMETYPE
from shapedoctor.report.model import Diagnosis, Finding, FixReport, PathStep, Place

NOTEBOOKS = Path(__file__).parent / "notebooks"
MIME = MIMETYPE
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
KERNEL_ENV = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONWARNINGS="ignore")


def _execute(*names: str) -> list:
    """Execute the named notebooks concurrently, each on its own fresh kernel."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    books = [nbformat.read(NOTEBOOKS / name, as_version=4) for name in names]

    async def run_all():
        clients = [nbclient.NotebookClient(nb, timeout=180, kernel_name="python3", allow_errors=True,
                                           resources={"metadata": {"path": str(NOTEBOOKS)}}) for nb in books]
        await asyncio.gather(*(c.async_execute(env=KERNEL_ENV) for c in clients))

    asyncio.run(run_all())
    return books


@pytest.fixture(scope="module")
def notebooks():
    shape, before = _execute("shape_error.ipynb", "before_load_and_chain.ipynb")
    return {"shape": shape, "before": before}


def outputs(nb, n: int) -> list:
    """Outputs of cell *n* (1-based, as In [n] in a notebook run top to bottom)."""
    return nb.cells[n - 1].get("outputs", [])


def kinds(nb, n: int) -> list[str]:
    return [o.output_type for o in outputs(nb, n) if not (o.output_type == "stream" and o.name == "stderr"
                                                          and "absl" in o.text)]


def report(nb, n: int) -> dict:
    shown = [o for o in outputs(nb, n) if o.output_type == "display_data" and MIME in o.data]
    assert len(shown) == 1, f"cell {n}: expected one diagnosis, got outputs {kinds(nb, n)}"
    return shown[0].data[MIME]


# -- the main notebook: a model built in cell 3 fails in cell 4 ---------------------------------
def test_failing_cell_shows_traceback_then_diagnosis(notebooks):
    nb = notebooks["shape"]
    assert kinds(nb, 4) == ["error", "display_data"]  # the traceback first, the diagnosis under it
    error, shown = outputs(nb, 4)
    assert error.ename == "ValueError"
    assert "expected ndim=3, found ndim=2" in error.evalue
    assert any("LSTM(64)" in ANSI.sub("", line) for line in error.traceback)  # IPython's own traceback
    assert "shapedoctor" not in "".join(error.traceback)  # our wrappers are hidden frames
    assert set(shown.data) >= {"text/html", "text/plain", MIME}


def test_diagnosis_points_at_cells_and_lines(notebooks):
    finding = report(notebooks["shape"], 4)["findings"][0]
    assert finding["id"] == "SD101"
    assert finding["culprit"] == {"kind": "layer", "layer": "dense_1", "class": "Dense", "file": "cell [3]", "line": 3}
    assert finding["consumer"]["file"] == "cell [4]" and finding["consumer"]["line"] == 1
    assert [(s["layer"], s["file"], s["line"], s["role"]) for s in finding["path"]] == [
        ("input_layer", "cell [3]", 1, ""),
        ("dense", "cell [3]", 2, ""),
        ("dense_1", "cell [3]", 3, "culprit"),
        ("lstm", "cell [4]", 1, "consumer"),
    ]
    first = finding["fixes"][0]
    assert first["verified"] is True
    assert first["code"] == "x = layers.RepeatVector(64)(x)"  # in the cell's own functional style
    assert (first["file"], first["line"]) == ("cell [4]", 1)


def test_html_shows_culprit_cell_and_verified_fix(notebooks):
    nb = notebooks["shape"]
    html = next(o for o in outputs(nb, 4) if o.output_type == "display_data").data["text/html"]
    assert "root cause:" in html and "dense_1 at cell [3], line 3" in html
    assert re.search(r'<tr data-role="culprit"[^>]*>.*?dense_1.*?cell \[3\], line 3', html, re.S)
    assert re.search(r'<tr data-role="consumer"[^>]*>.*?lstm.*?cell \[4\], line 1', html, re.S)
    assert "fixes (verified with Keras)" in html and "&#10003; verified" in html
    assert "<pre" in html and "x = layers.RepeatVector(64)(x)" in html
    text = next(o for o in outputs(nb, 4) if o.output_type == "display_data").data["text/plain"]
    assert "root cause: dense_1 at cell [3], line 3" in text and "\x1b[" not in text


def test_non_shape_error_gets_the_plain_traceback_only(notebooks):
    nb = notebooks["shape"]
    assert kinds(nb, 5) == ["error"]
    assert outputs(nb, 5)[0].ename == "KeyError"


def test_magic_pauses_and_resumes(notebooks):
    nb = notebooks["shape"]
    assert "shapedoctor is off" in outputs(nb, 6)[0].text
    assert kinds(nb, 7) == ["error"]  # a shape error while off: the traceback only
    assert outputs(nb, 7)[0].ename == "ValueError"
    assert "shapedoctor is on" in outputs(nb, 8)[0].text


# -- the second notebook: an earlier handler, layers made before loading, a broken engine ----
def test_layers_created_before_load_ext_are_reported_without_lines(notebooks):
    nb = notebooks["before"]
    assert kinds(nb, 4) == ["error", "display_data"]
    data = report(nb, 4)
    finding = data["findings"][0]
    assert finding["id"] == "SD101"
    assert finding["culprit"]["layer"] == "dense" and finding["culprit"]["file"] is None  # made in cell 2, unrecorded
    assert (finding["consumer"]["file"], finding["consumer"]["line"]) == ("cell [4]", 1)
    assert [s["layer"] for s in finding["path"]] == ["input_layer", "dense", "lstm"]
    assert any(f["verified"] for f in finding["fixes"])
    assert any("before `%load_ext shapedoctor`" in note for note in data["notes"])


def test_earlier_custom_handler_is_chained(notebooks):
    nb = notebooks["before"]
    out = outputs(nb, 5)
    assert [o.output_type for o in out] == ["stream"]
    assert out[0].text == "earlier handler saw KeyError\n"


def test_failure_inside_shapedoctor_never_hides_the_error(notebooks):
    nb = notebooks["before"]
    out = outputs(nb, 7)
    assert [o.output_type for o in out] == ["error", "stream"]
    assert out[0].ename == "ValueError" and out[0].traceback
    assert out[1].name == "stderr"
    assert out[1].text.strip() == ("shapedoctor: could not diagnose this error (RuntimeError: boom); "
                                   "the traceback above is unchanged.")


def test_unload_restores_the_earlier_handler(notebooks):
    nb = notebooks["before"]
    assert outputs(nb, 9)[0].data["text/plain"] == "(KeyError,)"


# -- terminal IPython ----------------------------------------------------------------------------
def test_terminal_ipython_prints_rich_text_diagnosis():
    pexpect = pytest.importorskip("pexpect")
    ipython = Path(sys.executable).with_name("ipython")
    env = dict(KERNEL_ENV, COLUMNS="140", LINES="50", TERM="xterm-256color")
    child = pexpect.spawn(str(ipython), ["--simple-prompt", "--no-banner", "--HistoryManager.enabled=False",
                                         "--colors=nocolor"], env=env, encoding="utf-8", timeout=180,
                          dimensions=(50, 140))
    try:
        child.expect(r"In \[1\]: ")
        for line in ["%load_ext shapedoctor",
                     "import keras; from keras import layers",
                     "model = keras.Sequential([keras.Input(shape=(10,)), layers.Dense(1)])",
                     "model.add(layers.LSTM(64))"]:
            child.sendline(line)
            child.expect(r"In \[\d+\]: ")
        screen = child.before
        child.sendline("exit")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert "\x1b[" in screen  # rich colours on a terminal
    text = ANSI.sub("", screen).replace("\r\n", "\n")
    traceback_at = text.index("ValueError: Input 0 with name")
    diagnosis_at = text.index("error[SD101] wrong-rank")
    assert traceback_at < diagnosis_at  # the normal traceback first
    assert "  --> cell [4], line 1" in text
    assert "root cause: dense at cell [3], line 1" in text
    assert "fixes (verified with Keras):" in text
    assert "model.add(layers.RepeatVector(64))" in text


# -- the HTML renderer and the package surface (no Keras) ---------------------------------------
def _diagnosis() -> Diagnosis:
    finding = Finding(
        id="SD101", family="wrong-rank", severity="error",
        message="LSTM `lstm` refused its input: expected (None, steps, features), received (None, 1)",
        consumer=Place("layer", "lstm", "LSTM", "cell [4]", 1),
        culprit=Place("layer", "dense", "Dense", "cell [3]", 3, "x = layers.Dense(1)(x)  # <b>not bold</b>"),
        expected="(None, steps, features)", received="(None, 1)",
        path=[PathStep("input_layer", "InputLayer", "(None, 10)", "cell [3]", 1),
              PathStep("dense", "Dense", "(None, 1)", "cell [3]", 3, "culprit"),
              PathStep("lstm", "LSTM", "✗ refused", "model.py", 7, "consumer")],
        explanation="`lstm` needs 3 axes & got 2 <script>alert(1)</script>",
        fixes=[FixReport("insert RepeatVector(64) before lstm", "x = layers.RepeatVector(64)(x)", "cell [4]", 1,
                         True, "(None, 64)", "pick the number of steps you need")],
        keras_message="Input 0 of layer 'lstm' is incompatible with the layer: expected ndim=3, found ndim=2.",
    )
    return Diagnosis(findings=[finding], source="api")


def test_html_is_self_contained_and_escaped():
    html = _diagnosis()._repr_html_()
    lowered = html.lower()
    for banned in ("<script", "<link", "<style", "<img", "<iframe", "src=", "href=", "http://", "https://", "@import",
                   "url("):
        assert banned not in lowered, banned
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b&gt;not bold&lt;/b&gt;" in html
    assert html.count("<div") == html.count("</div>") and html.count("<tr") == html.count("</tr>")
    assert "cell [4], line 1" in html and "model.py:7" in html  # cells as "cell [N], line M", files as file:line
    assert '<code style="' in html  # `backticks` become inline code


def test_html_draws_ok_paths_training_calls_and_notes():
    d = Diagnosis(source="api", ok_paths=[[PathStep("input", "data", "(32, 10)", "cell [2]", 5),
                                           PathStep("dense", "Dense", "(32, 1)", "cell [1]", 3)]],
                  notes=["a <note>"])
    d.training_calls = [{"method": "fit", "file": "cell [2]", "line": 5, "x": "(32, 10)", "y": "(32, 1)",
                         "loss": "mse", "output": ["(None, 1)"], "quick": None}]
    html = d._repr_html_()
    assert "no shape problem found" in html and "shape path" in html
    assert "shapes seen at training/inference calls" in html and "cell [2], line 5" in html
    assert "note: a &lt;note&gt;" in html


def test_mimebundle_has_html_text_and_json():
    d = _diagnosis()
    bundle = d._repr_mimebundle_()
    assert set(bundle) == {"text/html", "text/plain", MIME}
    assert bundle[MIME] == json.loads(json.dumps(d.to_json()))
    assert "\x1b[" not in bundle["text/plain"] and "root cause: dense at cell [3], line 3" in bundle["text/plain"]
    assert set(d._repr_mimebundle_(include=["text/html"])) == {"text/html"}
    assert set(d._repr_mimebundle_(exclude=[MIME])) == {"text/html", "text/plain"}


def test_import_is_light_and_exports_the_entry_points():
    code = ("import sys, shapedoctor; "
            "print(sorted(m for m in ('keras', 'tensorflow', 'rich', 'IPython', 'pytest') if m in sys.modules)); "
            "print(callable(shapedoctor.load_ipython_extension), callable(shapedoctor.unload_ipython_extension), "
            "callable(shapedoctor.watch))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True).stdout
    assert out.split("\n")[:2] == ["[]", "True True True"]
