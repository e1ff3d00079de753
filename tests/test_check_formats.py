"""``shapedoctor check --format sarif|github``: SARIF validated against the official 2.1.0 schema
(tests/fixtures/sarif, see SOURCE.md there), GitHub workflow commands checked line by line."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corpus_runner import CORPUS
from test_check import ENV, _notebook

SCHEMA = Path(__file__).parent / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("project")
    shutil.copy(CORPUS / "c001_lstm_after_dense" / "script.py", root / "model.py")
    shutil.copy(CORPUS / "t001_int_labels_categorical_crossentropy" / "script.py", root / "train.py")
    _notebook(root / "explore.ipynb", [
        "import keras\nfrom keras import layers",
        "model = keras.Sequential([\n    keras.Input((10,)),\n    layers.Dense(1),\n    layers.LSTM(64),\n])",
    ])
    return root


def _check(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "shapedoctor", "check", *args], cwd=root, capture_output=True,
                          text=True, env=ENV, timeout=600)


def test_sarif_is_valid_sarif_2_1_0_with_rules_locations_and_fixes(project):
    import jsonschema

    proc = _check(project, "--format", "sarif", "-j", "2", ".")
    assert proc.returncode == 1, proc.stderr[-2000:]
    log = json.loads(proc.stdout)
    schema = json.loads(SCHEMA.read_text())
    jsonschema.validate(log, schema, cls=jsonschema.Draft4Validator)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules][:3] == ["SD101", "SD102", "SD103"]
    sd101 = rules[0]
    assert sd101["name"] == "wrong-rank" and "Use instead" in sd101["help"]["text"]
    by_file = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r for r in run["results"]}
    assert set(by_file) == {"model.py", "train.py", "explore.ipynb"}
    lstm = by_file["model.py"]
    assert lstm["ruleId"] == "SD101" and rules[lstm["ruleIndex"]]["id"] == "SD101"
    assert lstm["locations"][0]["physicalLocation"]["region"] == {"startLine": 9}  # the Dense(10): root cause
    related = {r["message"]["text"].split(":")[0]: r["physicalLocation"]["region"]["startLine"]
               for r in lstm["relatedLocations"]}
    assert related == {"root cause": 9, "refused here": 10}
    change = lstm["fixes"][0]["artifactChanges"][0]
    assert change["artifactLocation"]["uri"] == "model.py"
    replacement = change["replacements"][0]
    assert replacement["deletedRegion"]["startLine"] == 10
    assert "RepeatVector(32)" in replacement["insertedContent"]["text"]
    labels = by_file["train.py"]
    assert labels["ruleId"] == "SD202" and labels["level"] == "error"
    notebook = by_file["explore.ipynb"]
    assert "region" not in notebook["locations"][0]["physicalLocation"]  # cells are not lines of the JSON
    assert "cell 2" in notebook["relatedLocations"][0]["message"]["text"]


def test_applying_the_sarif_fix_gives_the_proven_patch(project, tmp_path):
    proc = _check(project, "--format", "sarif", "model.py")
    change = json.loads(proc.stdout)["runs"][0]["results"][0]["fixes"][0]["artifactChanges"][0]
    lines = (project / "model.py").read_text().splitlines(keepends=True)
    for rep in sorted(change["replacements"], key=lambda r: r["deletedRegion"]["startLine"], reverse=True):
        region = rep["deletedRegion"]
        start = sum(len(ln) for ln in lines[:region["startLine"] - 1]) + region["startColumn"] - 1
        end = sum(len(ln) for ln in lines[:region["endLine"] - 1]) + region["endColumn"] - 1
        text = "".join(lines)
        lines = (text[:start] + rep["insertedContent"]["text"] + text[end:]).splitlines(keepends=True)
    patched = tmp_path / "model.py"
    patched.write_text("".join(lines))
    assert "model.add(layers.RepeatVector(32))\nmodel.add(layers.LSTM(32))" in patched.read_text()
    result = subprocess.run([sys.executable, str(patched)], capture_output=True, text=True, env=ENV, timeout=600)
    assert result.returncode == 0, result.stderr[-1000:]


def test_github_annotations_point_at_the_root_cause(project):
    proc = _check(project, "--format", "github", "model.py")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("::error file=model.py,line=9,title=SD101 wrong-rank::")
    assert "(noticed at model.py:10)" in lines[0] and "%0Afix: repeat the vector as a sequence" in lines[0]


def test_github_annotations_of_a_notebook_name_the_cell():
    from shapedoctor.render.github import render

    finding = {"id": "SD101", "family": "wrong-rank", "severity": "error", "message": "LSTM `lstm` refused its input",
               "culprit": {"file": "explore.ipynb", "line": 3, "cell": 2},
               "consumer": {"file": "explore.ipynb", "line": 4, "cell": 2}, "fixes": []}
    text = render([{"script": "explore.ipynb", "outcome": "checked", "findings": [finding]}])
    assert text == ("::error file=explore.ipynb,title=SD101 wrong-rank::cell 2, line 3: LSTM `lstm` refused its input"
                    " (noticed at explore.ipynb:cell 2:4)\n")
