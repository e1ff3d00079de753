"""`shapedoctor explain`: real error texts in, the right family and facts out, never a crash.

The fixtures in tests/fixtures/errors are real texts: produced by running real Keras 3 on
TensorFlow, JAX and PyTorch, tf_keras 2.x, raw TensorFlow ops and NumPy (see _collect.py),
or quoted from public issue threads; expected.toml says where each came from and which
facts must be read from it. Nothing here imports Keras or a backend.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

from shapedoctor.explain.from_text import diagnose_text
from shapedoctor.families import all_families
from shapedoctor.messages import parse
from shapedoctor.report.model import Finding, FixReport

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "errors"
EXPECTED = tomllib.loads((FIXTURES / "expected.toml").read_text(encoding="utf-8"))
FILES = sorted(p.stem for p in FIXTURES.glob("*.txt"))
FACT_KEYS = ("layer", "expected", "received", "loss", "dialect", "backend")
HEAVY = ("keras", "tensorflow", "tf_keras", "jax", "jaxlib", "torch")


def read(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_bytes().decode("utf-8", errors="replace")


def run_explain(*args: str, stdin: str | None = None, module: str = "shapedoctor.explain") -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONWARNINGS="ignore", COLUMNS="100", NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


# --- the fixture set -----------------------------------------------------------------------


def test_fixture_set_is_complete_and_labelled():
    assert len(FILES) >= 45
    assert set(FILES) == set(EXPECTED), "every fixture needs an expected.toml entry and vice versa"
    for name, entry in EXPECTED.items():
        assert entry.get("source"), f"{name}: say where the text came from"
        assert entry.get("family"), name
    # Several origins, each represented.
    prefixes = {"k3tf_", "k3jax_", "k3torch_", "tfkeras_", "tf_", "thread_", "paste_"}
    for prefix in prefixes:
        assert any(n.startswith(prefix) for n in FILES), prefix
    # The paste variants the brief asks for.
    texts = {n: read(n) for n in FILES}
    assert sum("Traceback (most recent call last)" in t for t in texts.values()) >= 5
    assert any("\x1b[" in t for t in texts.values()), "an ANSI-coloured paste"
    assert any("\r\n" in t for t in texts.values()), "a CRLF paste"
    assert any(">>> " in t for t in texts.values()) and any("In [" in t for t in texts.values()), "prompts"
    assert any(t.count("Traceback (most recent call last)") >= 2 for t in texts.values()), "two errors"


@pytest.mark.parametrize("name", FILES)
def test_fixture_is_recognised_with_its_facts(name):
    want = EXPECTED[name]
    facts = parse(read(name))
    assert facts is not None, f"{name} not recognised"
    assert facts.family == want["family"], f"{name}: {facts}"
    for key in FACT_KEYS:
        if key in want:
            expected = want[key] or None
            assert getattr(facts, key) == expected, f"{name}: {key} {getattr(facts, key)!r} != {expected!r}"
    if "data" in want:
        assert bool(facts.details.get("data")) is want["data"], f"{name}: data"
    assert facts.key_line and "\n" not in facts.key_line


@pytest.mark.parametrize("name", FILES)
def test_fixture_diagnosis_has_what_where_why_fix(name):
    diagnosis = diagnose_text(read(name))
    assert diagnosis.source == "text"
    assert len(diagnosis.findings) == 1
    finding = diagnosis.findings[0]
    family = {f.id: f for f in all_families()}[EXPECTED[name]["family"]]
    assert (finding.id, finding.family, finding.severity) == (family.id, family.slug, family.severity)
    assert finding.message and "\n" not in finding.message
    assert family.why in finding.explanation
    assert finding.fixes, "at least one suggested fix"
    assert all(isinstance(fx, FixReport) and fx.verified is False for fx in finding.fixes)
    assert finding.keras_message
    assert any("shapedoctor run" in note for note in diagnosis.notes)
    if EXPECTED[name].get("layer"):
        assert finding.consumer is not None and finding.consumer.layer == EXPECTED[name]["layer"]


def test_recognition_rate_is_total():
    recognised = [n for n in FILES if parse(read(n)) is not None]
    assert len(recognised) == len(FILES)


# --- specific advice -----------------------------------------------------------------------


def test_lstm_rank_advice_is_specific():
    finding = diagnose_text(read("k3tf_lstm_after_dense")).findings[0]
    c = finding.consumer
    assert (c.kind, c.layer, c.cls) == ("layer", "lstm", "LSTM")
    # Where it surfaced: the user's own frame of the traceback, not a library frame.
    assert c.file.endswith("lstm_after_dense.py") and c.line == 5 and c.code == "model = keras.Sequential(["
    assert (finding.expected, finding.received) == ("ndim=3", "(None, 1)")
    assert "LSTM needs 3 axes (batch, steps, features); it received (None, 1), 2 axes" in finding.explanation
    codes = " ".join(fx.code for fx in finding.fixes)
    assert "RepeatVector(n)" in codes and "Reshape((1, 1))" in codes and "return_sequences=True" in codes


def test_integer_labels_with_categorical_loss_advice():
    finding = diagnose_text(read("k3torch_cce_int_labels")).findings[0]
    codes = [fx.code for fx in finding.fixes]
    assert any('loss="sparse_categorical_crossentropy"' in c for c in codes)
    assert any("keras.utils.to_categorical(y, 64)" in c for c in codes)
    assert finding.culprit.kind == "labels"
    assert (finding.culprit.line, finding.culprit.code) == (13, "model.fit(x, y, epochs=2, batch_size=32)")


def test_one_hot_labels_with_sparse_loss_advice():
    for name in ("k3jax_scce_onehot", "tfkeras_scce_onehot", "thread_tf1_squeeze"):
        codes = " ".join(fx.code for fx in diagnose_text(read(name)).findings[0].fixes)
        assert "categorical_crossentropy" in codes and "np.argmax(y, axis=-1)" in codes, name


def test_sequence_labels_suggest_return_sequences():
    finding = diagnose_text(read("thread_tf2_graph_execution_sparse")).findings[0]
    assert any("return_sequences=True" in fx.code and fx.result_shape == "(None, 30, 271573)" for fx in finding.fixes)


def test_reshape_advice_solves_the_axis():
    finding = diagnose_text(read("numpy_reshape")).findings[0]
    assert any("(100, 28, 28, 1)" in fx.code for fx in finding.fixes)
    finding = diagnose_text(read("k3torch_ops_reshape")).findings[0]
    assert any("(32, 10)" in fx.code for fx in finding.fixes)


def test_concatenate_advice_names_the_axis():
    finding = diagnose_text(read("k3tf_concat_mismatch")).findings[0]
    assert any("Concatenate(axis=1)" in fx.code and fx.result_shape == "(None, 9, 8)" for fx in finding.fixes)


def test_where_from_ipython_and_chained_tracebacks():
    c = diagnose_text(read("paste_k3torch_ipython_ansi")).findings[0].consumer
    assert (c.file, c.line) == ("In[3]", 1) and c.code.startswith("model = keras.Sequential(")
    c = diagnose_text(read("thread_tf1_negative_dim_maxpool")).findings[0].consumer
    assert (c.file, c.line) == ("HumanActionRecognition.py", 75)
    assert diagnose_text(read("paste_lastline_k3jax_lstm")).findings[0].consumer.file is None


def test_data_vs_layer_is_told_apart():
    """The data given to fit/predict is SD201 (as `shapedoctor run` says), a layer output SD101/SD102."""
    facts = parse(read("k3tf_predict_wrong_width"))  # model.predict on (8, 1)
    assert (facts.family, facts.details["data"]) == ("SD201", True)
    finding = diagnose_text(read("k3tf_predict_wrong_width")).findings[0]
    assert finding.culprit.kind == "data" and finding.culprit.code == "model.predict(np.zeros((8, 1)))"
    assert any("keras.Input(shape=(1,))" in fx.code for fx in finding.fixes)
    for name in ("k3tf_eager_dense_call", "k3tf_reused_layer"):  # a layer called directly / twice
        facts = parse(read(name))
        assert (facts.family, facts.details["data"]) == ("SD102", False), name
    facts = parse(read("k3torch_predict_no_batch"))  # model.predict(np.zeros((64,)))
    assert (facts.family, facts.details["data"]) == ("SD201", True)


def test_two_errors_use_the_last():
    text = read("paste_k3jax_python_prompt_two_errors")
    assert "target.shape=(32,)" in text  # the first error is a labels error...
    assert parse(text).family == "SD203"  # ...but the last one is explained


def test_exception_str_is_enough():
    """`shapedoctor run` classifies caught exceptions with parse(str(exc))."""
    exc = ValueError(
        "Input 0 with name 'None' of layer 'lstm' is incompatible with the layer: "
        "expected ndim=3, found ndim=2. Full shape received: (None, 1)"
    )
    facts = parse(str(exc))
    assert (facts.family, facts.layer, facts.received) == ("SD101", "lstm", "(None, 1)")
    assert parse("") is None and parse("   \n") is None


@pytest.mark.parametrize(
    "text",
    [
        "Traceback (most recent call last):\n  File \"x.py\", line 1, in <module>\nZeroDivisionError: division by zero",
        "ModuleNotFoundError: No module named 'tensorflow'",
        "hello world",
        "ValueError: could not convert string to float: 'abc'",
        "KeyError: 'dense'",
        "RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB",
    ],
)
def test_other_errors_are_not_claimed(text):
    assert parse(text) is None
    assert diagnose_text(text).findings == []


# --- the command ---------------------------------------------------------------------------


def test_command_explains_a_file():
    proc = run_explain(str(FIXTURES / "k3tf_lstm_after_dense.txt"))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "SD101" in out and "wrong-rank" in out and "lstm" in out
    assert "RepeatVector" in out and "not verified" in out and "shapedoctor run" in out


def test_command_reads_stdin_and_unknown_text_exits_1():
    proc = run_explain(stdin=read("k3jax_cardinality"))
    assert proc.returncode == 0 and "SD203" in proc.stdout
    proc = run_explain("-", stdin="TypeError: unsupported operand type(s) for +: 'int' and 'str'\n")
    assert proc.returncode == 1
    assert "not a shape error I know" in proc.stdout
    assert len(proc.stdout.splitlines()) <= 3


def test_command_usage_errors_exit_2():
    assert run_explain("no/such/file.txt").returncode == 2
    assert run_explain(str(FIXTURES)).returncode == 2  # a directory
    assert run_explain(stdin="").returncode == 2  # nothing to explain
    assert run_explain("--bogus").returncode == 2


def test_command_reads_utf16_files(tmp_path):
    path = tmp_path / "err.txt"
    path.write_bytes(read("k3tf_cce_int_labels").encode("utf-16"))  # PowerShell `>`
    assert run_explain(str(path), "--json").returncode == 0


def _explain_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "shapedoctor.explain", *args]


def test_endless_device_is_read_bounded():
    """Issue #10 item 10: /dev/zero was read without bound (3.8 GB, then MemoryError)."""
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    proc = run_explain("/dev/zero")
    assert proc.returncode == 1 and "not a shape error I know" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_a_pipe_given_as_a_path_is_read(tmp_path):
    """/dev/stdin and <(...) are pipes: they cannot seek, and used to fail with "not seekable"."""
    if not os.path.exists("/dev/stdin"):
        pytest.skip("no /dev/stdin")
    text = read("k3tf_lstm_after_dense")
    proc = subprocess.run(_explain_cmd("--json", "/dev/stdin"), input=text, capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["findings"][0]["id"] == "SD101"
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(_explain_cmd("--json", str(fifo)), stdout=subprocess.PIPE, cwd=ROOT)
    with open(fifo, "w") as fh:
        fh.write(text)
    out, _ = reader.communicate(timeout=60)
    assert reader.returncode == 0 and json.loads(out)["findings"][0]["id"] == "SD101"


def test_huge_stream_keeps_only_its_tail():
    """40 MB on stdin, the error at the end: found, while only a bounded tail is kept in memory."""
    script = (
        "import sys\n"
        "out = sys.stdout.buffer\n"
        "for _ in range(40):\n"
        "    out.write(b'noise line\\n' * 95325)\n"
        f"out.write({read('k3tf_lstm_after_dense').encode()!r})\n"
    )
    feeder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    proc = subprocess.run(_explain_cmd("--json"), stdin=feeder.stdout, capture_output=True, cwd=ROOT, timeout=120)
    feeder.wait(timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["findings"][0]["id"] == "SD101"


def test_read_tail_is_bounded():
    import io

    from shapedoctor.explain.read_input import read_tail

    data = bytes(range(256)) * 40_000
    assert read_tail(io.BytesIO(data), keep=1000) == data[-1000:]
    assert read_tail(io.BytesIO(data), keep=1000, limit=5000) == data[4000:5000]


@pytest.mark.parametrize("as_json", [True, False])
def test_closed_pipe_exits_quietly(as_json):
    """`explain --json ... | head -0` ended in BrokenPipeError."""
    args = ["--json"] if as_json else []
    proc = subprocess.Popen(_explain_cmd(*args, str(FIXTURES / "k3tf_lstm_after_dense.txt")),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    proc.stdout.close()  # the reader is gone before anything is written
    err = proc.stderr.read()
    proc.wait(timeout=60)
    assert err == b""
    assert proc.returncode == 0


def test_json_schema():
    proc = run_explain("--json", str(FIXTURES / "k3torch_cce_int_labels.txt"))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["version"] == 1
    assert data["status"] == "mismatch"
    assert data["source"] == "text"
    assert len(data["findings"]) == 1
    finding = data["findings"][0]
    assert set(finding) == set(Finding(id="x", family="x", severity="error", message="x").to_json())
    assert finding["id"] == "SD202" and finding["family"] == "labels-vs-loss"
    assert finding["expected"] == "(32, 64)" and finding["received"] == "(32, 1)"
    assert finding["culprit"]["kind"] == "labels"
    assert all(fx["verified"] is False for fx in finding["fixes"])
    assert set(finding["fixes"][0]) >= {"title", "code", "file", "line", "verified", "result_shape"}
    assert data["notes"] and "shapedoctor run" in data["notes"][0]


def test_json_for_unknown_text():
    proc = run_explain("--json", stdin="just some words\n")
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert data["version"] == 1 and data["source"] == "text" and data["findings"] == []


def test_main_cli_wires_explain():
    """`python -m shapedoctor explain` (the CLI) reaches the same command."""
    proc = run_explain("explain", "--json", str(FIXTURES / "tf_matmul.txt"), module="shapedoctor")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["findings"][0]["id"] == "SD102"


def test_explain_never_imports_keras_or_a_backend():
    script = (
        "import io, sys, contextlib\n"
        "from shapedoctor.cli import main\n"
        "for args in (['explain', sys.argv[1]], ['explain', '--json', sys.argv[1]]):\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        "        assert main(args) == 0\n"
        f"heavy = sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})\n"
        "print(heavy)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, str(FIXTURES / "paste_k3torch_ipython_ansi.txt")],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


# --- robustness ----------------------------------------------------------------------------

ROBUST = settings(
    max_examples=200,
    deadline=5000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SAMPLE = [read(n) for n in FILES[:: max(1, len(FILES) // 25)]]
PIECES = [
    "Input 0", " of layer ", "'dense'", '"lstm"', "expected ndim=", "found ndim=", "(None, ", "[?,", ")", "]",
    "Incompatible shapes: [", "] vs. [", "Matrix size-incompatible: In[0]: [", "target.shape=", "output.shape=",
    "torch.Size([", "ValueError: ", "Traceback (most recent call last):\n", "\x1b[1m", "\x1b[0m", "\r\n", ">>> ",
    "In [3]: ", "Exception encountered when calling ", ".call().", "• inputs=", "sizes: ", "Data cardinality is ambiguous",
    "{{node ", "with input shapes: ", "Negative dimension size caused by subtracting ", "cannot reshape array of size ",
    "      ", "\n", "1", "64", ",", "(", "[", "'", '"', "`",
]


_SHAPE_IN_TEXT = re.compile(r"\([0-9None, ?]{0,60}\)|\[[0-9?, ]{0,60}\]")
_DIMS = ["None", "0", "1", "2", "3", "28", "64", "784", "-1", "?", "99999999999"]


def _random_shape(rnd: random.Random) -> str:
    dims = [rnd.choice(_DIMS) for _ in range(rnd.choice([0, 0, 1, 1, 2, 3, 4, 5, 6]))]
    if rnd.random() < 0.5:
        return "(" + ", ".join(dims) + ("," if len(dims) == 1 else "") + ")"
    return "[" + ",".join(dims) + "]"


def _mutate(text: str, rnd: random.Random, n: int) -> str:
    """Edit a real text: replace its shapes by random ones (scalars too), insert, delete, copy."""
    if rnd.random() < 0.6:
        for _ in range(rnd.randint(1, 3)):
            found = list(_SHAPE_IN_TEXT.finditer(text))
            if not found:
                break
            m = rnd.choice(found)
            text = text[: m.start()] + _random_shape(rnd) + text[m.end() :]
        if rnd.random() < 0.5:
            return text
    chars = list(text)
    for _ in range(n):
        op = rnd.randrange(4)
        pos = rnd.randrange(len(chars) + 1)
        if op == 0 and chars:
            del chars[min(pos, len(chars) - 1)]
        elif op == 1:
            chars[pos:pos] = list(rnd.choice(PIECES))
        elif op == 2 and chars:
            chars[min(pos, len(chars) - 1)] = chr(rnd.randrange(32, 0x2600))
        else:
            start = rnd.randrange(len(chars) + 1)
            chars[pos:pos] = chars[start : start + rnd.randrange(200)]
    return "".join(chars)


def _check(text: str, limit: float = 2.0) -> None:
    start = time.perf_counter()
    facts = parse(text)
    diagnosis = diagnose_text(text)
    json.dumps(diagnosis.to_json())
    took = time.perf_counter() - start
    assert took < limit, f"{took:.2f}s on {len(text)} chars"
    if facts is not None:
        assert facts.family in {f.id for f in all_families()}


@ROBUST
@given(st.text(max_size=3000))
def test_random_text_never_crashes(text):
    _check(text)


@ROBUST
@given(st.lists(st.sampled_from(PIECES), max_size=400).map("".join))
def test_shape_error_vocabulary_never_crashes(text):
    _check(text)


@ROBUST
@given(st.sampled_from(SAMPLE), st.integers(0, 2**32 - 1), st.integers(1, 40))
def test_mutated_fixtures_never_crash(text, seed, n):
    _check(_mutate(text, random.Random(seed), n))


LONG = bool(os.environ.get("SHAPEDOCTOR_LONG"))
FUZZ_EXAMPLES = 20_000 if LONG else 2_000
ALL_TEXTS = [read(n) for n in FILES]


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.sampled_from(ALL_TEXTS), st.integers(0, 2**32 - 1), st.integers(1, 40))
def test_fuzz_mutated_real_texts(text, seed, n):
    """Every fixture text, its shapes replaced (scalars, zeros, huge, unknown) and its bytes edited:
    never a crash. 2,000 inputs in CI, 20,000 with SHAPEDOCTOR_LONG=1."""
    json.dumps(diagnose_text(_mutate(text, random.Random(seed), n)).to_json())


@pytest.mark.parametrize("text", [
    "ValueError: Shapes () and (None, 64) are incompatible",
    "ValueError: Arguments `target` and `output` must have the same shape. Received: target.shape=(), output.shape=(32, 10)",
    "ValueError: Input 0 with name 'None' of layer 'dense' is incompatible with the layer: "
    "expected axis -1 of input shape to have value 64, but received input with shape ()",
    "ValueError: Error when checking input: expected dense_1_input to have shape [] but got array with shape ()",
    "InvalidArgumentError: Matrix size-incompatible: In[0]: [], In[1]: [64,10]",
    "ValueError: Dimensions must be equal, but are 3 and 64 for '{{node MatMul}} = MatMul[T=DT_FLOAT]' "
    "with input shapes: [], [64,10].",
])
def test_scalar_shapes_are_explained_without_crash(text, monkeypatch):
    """Issue #10 item 9: a scalar shape `()` crashed the advice with IndexError."""
    monkeypatch.setenv("SHAPEDOCTOR_DEBUG", "1")  # recognisers and advisors raise instead of hiding
    diagnosis = diagnose_text(text)
    json.dumps(diagnosis.to_json())


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.sampled_from(PIECES + ["a", "(1, ", "[1,", " ", "\x1b[", "Error: "]), st.sampled_from(SAMPLE))
def test_one_megabyte_inputs(piece, tail):
    """1 MB of repeated vocabulary (worst case for regexes), then a real error: still found."""
    filler = piece * (1_000_000 // len(piece) + 1)
    _check(filler, limit=3.0)
    text = filler[:1_000_000] + "\n" + tail
    _check(text, limit=3.0)
    assert parse(text) is not None


def test_one_megabyte_single_line():
    line = "x" * 1_000_000 + " ValueError: Shapes (None, 1) and (None, 64) are incompatible"
    start = time.perf_counter()
    parse(line)
    assert time.perf_counter() - start < 3.0
