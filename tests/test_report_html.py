"""The picture of the shape flow: graph data in the JSON, the SVG drawing, folding, the report file.

These tests read real diagnoses (shapedoctor run on real Keras in a subprocess) and check
the drawing without a browser; tests/test_report_browser.py opens the same reports in
Chromium.
"""

from __future__ import annotations

import os
import re
from conftest import ROOT, report_of

from shapedoctor.render.layout import fold, place
from shapedoctor.render.report_page import render
from shapedoctor.render.svg import svg
from shapedoctor.report.graphview import GraphView, ViewEdge, ViewNode
from shapedoctor.report.model import Diagnosis

FIXTURES = ROOT / "tests" / "fixtures" / "report"


def _roles(graph: dict) -> dict[str, str]:
    return {n["label"]: n["role"] for n in graph["nodes"] if n["role"]}


def _edge_shapes(graph: dict) -> dict[tuple[str, str], str]:
    ids = {n["id"]: n["label"] for n in graph["nodes"]}
    return {(ids[e["from"]], ids[e["to"]]): e["shape"] for e in graph["edges"]}


def test_seed3_graph_marks_culprit_and_consumer_with_shapes(html_report):
    finding = html_report("examples/seed_example3_lstm.py")[0]["findings"][0]
    graph = finding["graph"]
    assert _roles(graph) == {"dense": "culprit", "lstm": "consumer"}
    assert _edge_shapes(graph) == {("input_layer", "dense"): "(None, 10)", ("dense", "lstm"): "(None, 1)"}
    assert [n["line"] for n in graph["nodes"]] == [11, 12, 13]
    after = finding["fixes"][0]["graph"]  # RepeatVector(64) inserted: the LSTM now gets 3 axes
    assert _roles(after) == {"repeat_vector": "inserted"}
    shapes = _edge_shapes(after)
    assert shapes[("dense", "repeat_vector")] == "(None, 1)"
    assert shapes[("repeat_vector", "lstm")] == "(None, 64, 1)"
    assert next(n for n in after["nodes"] if n["label"] == "lstm")["shape"] == "(None, 64)"


def test_sequential_layers_after_the_failure_are_not_reached(cli, tmp_path):
    script = tmp_path / "after.py"
    script.write_text(
        "import keras\nfrom keras import layers\n"
        "model = keras.Sequential([\n"
        "    keras.Input(shape=(8,)),\n"
        "    layers.Dense(4),\n"
        "    layers.LSTM(3),\n"
        "    layers.Dense(2),\n"
        "])\n"
    )
    graph = report_of(cli("run", "--json", str(script)))["findings"][0]["graph"]
    roles = _roles(graph)
    assert roles["dense"] == "culprit" and roles["lstm"] == "consumer" and roles["dense_1"] == "unreached"
    assert next(n for n in graph["nodes"] if n["label"] == "dense_1")["shape"] == "not reached"


def test_training_call_graph_draws_data_labels_and_loss(html_report):
    finding = html_report("tests/fixtures/report/training_labels.py")[0]["findings"][0]
    graph = finding["graph"]
    by_cls = {n["class"]: n for n in graph["nodes"]}
    assert by_cls["data"]["shape"] == "(64, 20)" and by_cls["labels"]["shape"] == "(64, 10)"
    assert by_cls["loss"]["label"] == "categorical_crossentropy"
    roles = _roles(graph)
    assert roles["dense_1"] == "culprit"  # the 5-unit head, not the labels
    assert roles["categorical_crossentropy"] == "consumer"
    shapes = _edge_shapes(graph)
    assert shapes[("dense_1", "categorical_crossentropy")] == "(None, 5)"
    assert shapes[("y", "categorical_crossentropy")] == "(64, 10)"


def _chain(n: int, period: tuple[str, ...] = ("Conv2D", "BatchNormalization", "ReLU")) -> GraphView:
    view = GraphView("deep")
    for i in range(n):
        view.nodes.append(ViewNode(f"n{i}", f"layer_{i}", period[i % len(period)], shape="(None, 8)"))
        if i:
            view.edges.append(ViewEdge(f"n{i - 1}", f"n{i}", "(None, 8)"))
    return view


def test_folding_keeps_one_repetition_and_counts_the_rest():
    view = _chain(300)
    folded, hidden = fold(view)
    assert hidden > 250
    fold_nodes = [n for n in folded.nodes if n.cls == "folded"]
    assert len(fold_nodes) == 1 and "Conv2D ×" in fold_nodes[0].detail
    assert len(folded.nodes) + hidden - len(fold_nodes) == 300


def test_folding_never_hides_the_culprit_or_the_failing_layer():
    view = _chain(300)
    view.nodes[150].role = "culprit"
    view.nodes[151].role = "consumer"
    folded, hidden = fold(view)
    assert hidden > 0
    kept = {n.id for n in folded.nodes}
    assert {"n150", "n151"} <= kept


def test_small_models_are_never_folded():
    view = _chain(30)
    assert fold(view) == (view, 0)


def test_svg_draws_every_box_and_shape_as_text():
    view = _chain(5)
    view.nodes[2].role = "culprit"
    view.nodes[3].role = "consumer"
    drawing = svg(place(view))
    assert drawing.count('class="sd-node"') == 5 and drawing.count('class="sd-edge"') == 4
    assert drawing.count(">(None, 8)</text>") == 4  # edge labels are real text
    assert "root cause" in drawing and "✗ failed here" in drawing  # words, not only colours
    assert "<script" not in drawing and "<style" not in drawing and "http://" not in drawing.replace(
        'xmlns="http://www.w3.org/2000/svg"', "")


def test_side_branches_are_laid_out_side_by_side_not_stacked():
    view = GraphView("branches")
    for nid in ("in", "a", "b", "merge"):
        view.nodes.append(ViewNode(nid, nid, "X"))
    view.edges += [ViewEdge("in", "a"), ViewEdge("in", "b"), ViewEdge("a", "merge"), ViewEdge("b", "merge")]
    placed = place(view)
    (ax, ay), (bx, by) = placed.centres["a"], placed.centres["b"]
    assert ay == by and ax != bx
    assert placed.centres["in"][1] < ay < placed.centres["merge"][1]


def test_report_page_is_self_contained():
    view = _chain(4)
    view.nodes[1].role = "consumer"
    from shapedoctor.report.model import Finding

    page = render(Diagnosis(findings=[Finding("SD101", "wrong-rank", "error", "x refused", graph=view)],
                            script="s.py"))
    assert page.startswith("<!doctype html>")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing fetched at view time
    assert "@import" not in page and "url(http" not in page


def test_run_html_writes_the_report_and_says_where(html_report):
    _, out, proc = html_report("examples/seed_example2_reshape.py")
    assert proc.returncode == 1
    assert f"HTML report written to {out}" in proc.stderr
    page = out.read_text(encoding="utf-8")
    assert 'data-role="consumer"' in page and 'data-role="culprit"' in page
    assert 'data-layer="reshape"' in page
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask  # permissions like any new file, not mkstemp's 0600
    assert not list(out.parent.glob(".shapedoctor-report-*"))  # no temporary file left behind


def test_run_html_into_a_missing_directory_is_a_clean_error(cli, tmp_path):
    proc = cli("run", "--no-traceback", "--html", str(tmp_path / "no" / "such" / "r.html"),
               "examples/seed_example1_dense_units.py")
    assert proc.returncode == 0  # the diagnosis stands; only the report could not be written
    assert "cannot write the HTML report" in proc.stderr and "Traceback" not in proc.stderr


def test_clean_run_report_draws_the_model(html_report):
    report, out, proc = html_report("examples/seed_example1_dense_units.py")
    assert proc.returncode == 0 and report["graphs"][0]["title"]
    page = out.read_text(encoding="utf-8")
    assert "shapes as it ran" in page and ">(None, 1)</text>" in page


def test_jupyter_html_has_the_picture_collapsed_under_the_text(html_report):
    from shapedoctor.render.html import render as render_fragment

    report = html_report("examples/seed_example3_lstm.py")[0]
    finding = report["findings"][0]
    view = GraphView(finding["graph"]["title"],
                     [ViewNode(n["id"], n["label"], n["class"], n["detail"], n["shape"], role=n["role"])
                      for n in finding["graph"]["nodes"]],
                     [ViewEdge(e["from"], e["to"], e["shape"]) for e in finding["graph"]["edges"]])
    from shapedoctor.report.model import Finding

    html = render_fragment(Diagnosis(findings=[Finding("SD101", "wrong-rank", "error", "m", graph=view)]))
    details = html.index('<details class="sd-picture"')
    assert html.index("wrong-rank") < details  # text first, picture below it
    assert "<svg" in html[details:] and "<details" in html and " open" not in html[details:details + 40]

