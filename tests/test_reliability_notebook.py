"""Notebooks under ``run`` and ``--write`` (issue 10, items 8 and 11): cell magics, nbformat 3,
notebooks not written by nbformat, and malformed notebooks fuzzed with hypothesis (300 examples
here, 3,000 with ``SHAPEDOCTOR_LONG=1``): a clean error or a correct write, never a crash.
"""

from __future__ import annotations

import copy
import difflib
import json
import os
from pathlib import Path

import nbformat
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shapedoctor.patch.write import WriteRefused, digest
from shapedoctor.trace.notebook import NotebookError, load, write_cells

LONG = os.environ.get("SHAPEDOCTOR_LONG") == "1"

MODEL = "import keras\nfrom keras import layers\nmodel = keras.Sequential([keras.Input(shape=(10,)), layers.Dense(1)])"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # --write works inside the working directory


def _notebook(cells: list[dict], nbformat_version: int = 4) -> dict:
    return {"nbformat": nbformat_version, "nbformat_minor": 2, "metadata": {}, "cells": cells}


def _code(source) -> dict:
    return {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": source}


def _edit(path: Path, old: str, new: str):
    """Load *path*, change one program line, write it back; returns (text before, text after)."""
    before = path.read_text()
    program = load(str(path))
    write_cells(program, program.source.replace(old, new, 1), digest(before))
    return before, path.read_text()


def _changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_python_cell_magics_run_their_body_and_other_cell_magics_are_skipped(tmp_path):
    path = tmp_path / "magic.ipynb"
    path.write_text(json.dumps(_notebook([
        _code("%%time\nx = 1"), _code("%%capture out\ny = x + 1"), _code("%%bash\necho hi"),
        _code("%time z = y * 2\n%timeit -n 1 z + 1\n!ls\nprint(z)"), _code("%%writefile f.txt\ndata")])))
    program = load(str(path))
    assert program.source == "\nx = 1\n\ny = x + 1\n\n\nz = y * 2\n\n\nprint(z)\n\n\n"
    assert program.locate(2) == (1, 2) and program.locate(7) == (4, 1)


def test_a_notebook_with_a_time_cell_runs_under_shapedoctor(cli, tmp_path):
    path = tmp_path / "timed.ipynb"
    path.write_text(json.dumps(_notebook([_code("%%time\n" + MODEL), _code("print(model.output_shape)")])))
    proc = cli("run", path.name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "(None, 1)" in proc.stdout and "NameError" not in proc.stderr


def test_a_foreign_notebook_keeps_its_layout_and_string_sources(tmp_path):
    path = tmp_path / "foreign.ipynb"
    cells = [_code("import keras\nx = 1\ny = 2"), _code(["z = x\n", "print(z)"]),
             {"cell_type": "markdown", "metadata": {}, "source": "caf\u00e9"}]
    path.write_text(json.dumps(_notebook(cells), indent=3, ensure_ascii=True))
    before, after = _edit(path, "x = 1", "x = 10")
    assert _changed_lines(before, after) == [
        '-         "source": "import keras\\nx = 1\\ny = 2"', '+         "source": "import keras\\nx = 10\\ny = 2"']
    assert "caf\\u00e9" in after  # the escapes of the untouched cells are untouched


def test_a_list_source_stays_a_list_in_its_own_indentation(tmp_path):
    path = tmp_path / "lists.ipynb"
    path.write_text(json.dumps(_notebook([_code(["a = 1\n", "b = 2\n"])]), indent=4))
    before, after = _edit(path, "b = 2", "b = 3\nc = 4")
    assert _changed_lines(before, after) == ['-                "b = 2\\n"', '+                "b = 3\\n",',
                                             '+                "c = 4\\n"']


def test_an_nbformat_notebook_is_written_as_nbformat_would(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("a = 1\nb = 'é'")])
    path = tmp_path / "nbf.ipynb"
    nbformat.write(nb, path)
    _, after = _edit(path, "a = 1", "a = 2")
    nb.cells[0].source = "a = 2\nb = 'é'"
    assert after == nbformat.writes(nb) + "\n"


def test_an_nbformat_3_notebook_is_run_and_written_in_its_own_format(tmp_path):
    v3 = {"nbformat": 3, "nbformat_minor": 0, "metadata": {"name": ""}, "worksheets": [{"metadata": {}, "cells": [
        {"cell_type": "heading", "level": 1, "metadata": {}, "source": "Title"},
        {"cell_type": "code", "collapsed": False, "input": "a = 1\nb = 2", "language": "python", "metadata": {},
         "outputs": []}]}]}
    path = tmp_path / "old.ipynb"
    path.write_text(json.dumps(v3, indent=1))
    before, after = _edit(path, "b = 2", "b = 3")
    assert json.loads(after)["worksheets"][0]["cells"][1]["input"] == "a = 1\nb = 3"
    assert len(_changed_lines(before, after)) == 2


def test_write_on_an_nbformat_3_notebook_through_the_cli(cli, tmp_path):
    v3 = {"nbformat": 3, "nbformat_minor": 0, "metadata": {"name": ""}, "worksheets": [{"metadata": {}, "cells": [
        {"cell_type": "code", "collapsed": False, "language": "python", "metadata": {}, "outputs": [],
         "input": ["import keras\n", "from keras import layers\n",
                   "keras.Sequential([keras.Input(shape=(10,)), layers.Dense(1), layers.LSTM(4)])"]}]}]}
    path = tmp_path / "v3.ipynb"
    path.write_text(json.dumps(v3, indent=1))
    proc = cli("run", "--no-traceback", "--write", path.name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    written = json.loads(path.read_text())
    assert written["nbformat"] == 3 and "RepeatVector" in "".join(written["worksheets"][0]["cells"][0]["input"])


# -- fuzz ------------------------------------------------------------------------------------

GOOD = _notebook([_code("import os\nx = 1"), {"cell_type": "markdown", "metadata": {}, "source": "t"},
                  _code(["y = x\n", "print(y)"])])
json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                                        max_size=3), max_leaves=6)
PATHS = [("nbformat",), ("nbformat_minor",), ("metadata",), ("cells",), ("cells", 0), ("cells", 0, "source"),
         ("cells", 0, "cell_type"), ("cells", 1), ("cells", 2, "source"), ("cells", 2, "source", 0),
         ("cells", 0, "outputs"), ("cells", 0, "metadata")]


@st.composite
def malformed(draw) -> bytes:
    document = copy.deepcopy(GOOD)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PATHS))
        parent = document
        try:
            for key in path[:-1]:
                parent = parent[key]
            if draw(st.booleans()):
                parent[path[-1]] = draw(json_values | st.sampled_from([3, 5, "4", "x\0y", ["a\0"], "%%time", []]))
            else:
                del parent[path[-1]]
        except (KeyError, IndexError, TypeError):
            pass
    text = json.dumps(document, indent=draw(st.sampled_from([None, 1, 2])))
    cut = draw(st.integers(0, len(text)))
    if draw(st.integers(0, 4)) == 0:
        text = text[:cut]  # truncated
    data = text.encode()
    if draw(st.integers(0, 9)) == 0:
        data = draw(st.binary(max_size=40))
    return data


@settings(max_examples=3_000 if LONG else 300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=malformed())
def test_malformed_notebooks_give_a_clean_error_or_a_correct_write(tmp_path, data):
    path = tmp_path / "fuzz.ipynb"
    path.write_bytes(data)
    try:
        program = load(str(path))
    except NotebookError as exc:
        assert str(path) in str(exc)
        return
    try:
        compile(program.source, program.filename, "exec")
    except SyntaxError:
        return
    lines = program.source.splitlines()
    target = next((i for i, line in enumerate(lines) if line.strip()), None)
    if target is None:
        return
    lines[target] += "  # edited"
    try:
        written = write_cells(program, "\n".join(lines) + "\n", digest(data.decode("utf-8-sig")))
    except WriteRefused:
        assert path.read_bytes() == data
        return
    assert "  # edited" in path.read_text() and Path(written.backup).read_bytes() == data
    assert load(str(path)).source.splitlines()[target].endswith("  # edited")

