"""`shapedoctor run notebook.ipynb`: code cells as one program, lines as cell N / line M,
and --write editing the right cell with nbformat (outputs and metadata kept)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from conftest import report_of
from corpus_runner import CORPUS

CASES = ["c001_lstm_after_dense", "c004_stacked_lstm_no_return_sequences", "c022_unet_skip_valid_padding",
         "t001_int_labels_categorical_crossentropy", "t006_embedding_dense_without_pooling"]


def as_notebook(script: Path, target: Path) -> Path:
    """The script split into two code cells, with a markdown cell, a magic and an output."""
    lines = script.read_text().splitlines()
    half = len(lines) // 2
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    first = nbformat.v4.new_code_cell("%load_ext autoreload\n" + "\n".join(lines[:half]))
    first.outputs = [nbformat.v4.new_output("stream", name="stdout", text="kept output\n")]
    first.metadata["tags"] = ["keep-me"]
    nb.cells = [nbformat.v4.new_markdown_cell("# A notebook"), first, nbformat.v4.new_code_cell("\n".join(lines[half:]))]
    nbformat.write(nb, target)
    return target


def run_cells(path: Path) -> subprocess.CompletedProcess:
    nb = nbformat.read(path, as_version=4)
    code = "\n".join("\n".join("" if ln.lstrip().startswith(("%", "!")) else ln for ln in c.source.splitlines())
                     for c in nb.cells if c.cell_type == "code")
    program = path.with_suffix(".py")
    program.write_text(code + "\n")
    return subprocess.run([sys.executable, program.name], cwd=path.parent, capture_output=True, text=True,
                          env={**__import__("os").environ, "TF_CPP_MIN_LOG_LEVEL": "3"}, timeout=600)


def test_lines_are_reported_as_cell_and_line(cli, tmp_path):
    nb = as_notebook(CORPUS / "c001_lstm_after_dense" / "script.py", tmp_path / "c001.ipynb")
    report = report_of(cli("run", "--json", nb.name, cwd=tmp_path))
    finding = report["findings"][0]
    # The script's 17 lines are split 8 / 9: script line 9 (the Dense(10)) is line 1 of the second
    # code cell, which is notebook cell 3 (after the markdown cell).
    assert finding["culprit"]["file"] == "c001.ipynb"
    assert (finding["culprit"]["cell"], finding["culprit"]["line"]) == (3, 1)
    assert (finding["consumer"]["cell"], finding["consumer"]["line"]) == (3, 2)


@pytest.mark.parametrize("case", CASES)
def test_write_fixes_the_right_cell_and_keeps_the_rest(cli, tmp_path, case):
    nb_path = as_notebook(CORPUS / case / "script.py", tmp_path / f"{case}.ipynb")
    before = nbformat.read(nb_path, as_version=4)
    proc = cli("run", "--no-traceback", "--write", nb_path.name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    after = nbformat.read(nb_path, as_version=4)
    assert (tmp_path / f"{case}.ipynb.orig").read_bytes() != nb_path.read_bytes()
    assert json.loads((tmp_path / f"{case}.ipynb.orig").read_text()) == json.loads(nbformat.writes(before))
    assert after.cells[0] == before.cells[0]  # markdown untouched
    assert after.cells[1].outputs == before.cells[1].outputs and after.cells[1].metadata == before.cells[1].metadata
    assert after.cells[1].source.startswith("%load_ext autoreload\n")  # the magic is kept
    assert sum(a.source != b.source for a, b in zip(after.cells, before.cells)) == 1  # one cell changed
    ran = run_cells(nb_path)
    assert ran.returncode == 0, ran.stderr[-1500:]
