"""``shapedoctor.watch()`` in-process, on real Keras (the lazy install in a fresh interpreter)."""

from __future__ import annotations

import gc
import json
import os
import re
import subprocess
import sys
import textwrap
import weakref

import pytest

keras = pytest.importorskip("keras")
layers = keras.layers

import shapedoctor  # noqa: E402
from shapedoctor.integrations import _core  # noqa: E402
from shapedoctor.integrations.watch import NOTE_HEADER  # noqa: E402


def build_broken():
    return keras.Sequential([
        keras.Input(shape=(10,)),
        layers.Dense(1),  # BROKEN_LINE: an LSTM needs (batch, steps, features)
        layers.LSTM(16),
    ])


BROKEN_LINE = next(i for i, line in enumerate(open(__file__, encoding="utf-8"), 1) if "# BROKEN_LINE" in line)


def patched() -> bool:
    return hasattr(keras.layers.Layer.__call__, "__shapedoctor_original__")


@pytest.fixture(autouse=True)
def no_leftover_recorder():
    assert not patched() and _core.current() is None
    yield
    assert not patched() and _core.current() is None, "a watch left Keras instrumented"


def test_shape_error_is_reraised_unchanged_with_the_diagnosis_as_a_note():
    caught = {}
    with pytest.raises(ValueError, match="expected ndim=3, found ndim=2") as info:
        with shapedoctor.watch():
            try:
                build_broken()
            except ValueError as exc:
                caught["exc"], caught["tb"] = exc, exc.__traceback__
                raise
    exc = info.value
    assert exc is caught["exc"] and type(exc) is ValueError  # the same object, the same type
    assert exc.__traceback__ is caught["tb"] or _tb_frames(caught["tb"]) <= _tb_frames(exc.__traceback__)
    assert info.traceback[-1].path.name == "input_spec.py"  # still ends where Keras raised
    notes = exc.__notes__
    assert len(notes) == 1 and notes[0].startswith(NOTE_HEADER)
    text = notes[0]
    assert "\x1b[" not in text  # plain text, no ANSI
    assert "error[SD101] wrong-rank" in text
    assert re.search(rf"root cause: dense(_\d+)? at {re.escape(__file__)}:{BROKEN_LINE}\b", text)
    assert "fixes (verified with Keras):" in text and "layers.RepeatVector(16)," in text
    diagnosis = exc.__shapedoctor__
    assert diagnosis.findings[0].culprit.line == BROKEN_LINE


def _tb_frames(tb) -> set:
    frames = set()
    while tb is not None:
        frames.add((tb.tb_frame.f_code.co_filename, tb.tb_lineno))
        tb = tb.tb_next
    return frames


def test_decorator_forms_and_methods():
    @shapedoctor.watch
    def bare():
        return build_broken()

    @shapedoctor.watch()
    def called(n):
        return n + 1

    class Trainer:
        @shapedoctor.watch
        def fit(self):
            return build_broken()

    assert called(1) == 2 and called.__name__ == "called"
    assert bare.__name__ == "bare"
    for fn in (bare, Trainer().fit):
        with pytest.raises(ValueError) as info:
            fn()
        assert [n.startswith(NOTE_HEADER) for n in info.value.__notes__] == [True]


def test_nested_watches_share_one_recorder_and_note_once():
    with pytest.raises(ValueError) as info:
        with shapedoctor.watch():
            outer = _core.current()
            assert patched()
            with shapedoctor.watch():
                assert _core.current() is outer  # the inner one did not install another
                with shapedoctor.watch():
                    assert _core.current() is outer
                assert patched()  # an inner exit did not uninstall
                build_broken()
    assert len(info.value.__notes__) == 1


def test_other_errors_and_success_pass_through_untouched():
    with pytest.raises(KeyError) as info:
        with shapedoctor.watch():
            layers.Dense(3)(keras.Input(shape=(4,)))
            {}["missing"]
    assert not hasattr(info.value, "__notes__")
    with shapedoctor.watch() as w:
        model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(2)])
    assert model.output_shape == (None, 2) and isinstance(w, type(shapedoctor.watch()))


def test_fit_time_shape_error_is_diagnosed():
    import numpy as np

    model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(2)])
    model.compile(loss="mse")
    with pytest.raises(Exception) as info:
        with shapedoctor.watch():
            model.fit(np.zeros((8, 7), "float32"), np.zeros((8, 2), "float32"), epochs=1, verbose=0)
    notes = getattr(info.value, "__notes__", [])
    assert len(notes) == 1 and notes[0].startswith(NOTE_HEADER), notes
    assert re.search(r"error\[SD\d+\]", notes[0]) and "verified" in notes[0]


def test_long_lived_recorder_does_not_keep_dead_models_alive():
    """What the notebook extension and the pytest plugin do between cells/tests."""
    _core.acquire()
    try:
        recorder = _core.current()
        model = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(3), layers.Dense(2)])
        inputs = keras.Input(shape=(5,))
        functional = keras.Model(inputs, layers.Dense(4)(inputs))
        kept = keras.Model(inputs, layers.Dense(7)(inputs))
        dense = kept.layers[-1]
        refs = [weakref.ref(model), weakref.ref(functional), weakref.ref(model.layers[0])]
        _core.start_unit(recorder)
        del model, functional
        gc.collect()
        assert [r() for r in refs] == [None, None, None]
        # What is still alive keeps its creation site and the call site of its outputs.
        assert recorder.creation_site(dense) is not None
        rec = recorder.producer_of(kept.outputs[0])
        assert rec is not None and rec.site is not None and rec.layer is dense
        # A shape error on a model built before compaction is still fully diagnosed.
        with pytest.raises(ValueError) as info:
            layers.LSTM(3)(kept.outputs[0])
        diagnosis = _core.diagnose(recorder, info.value)
        assert diagnosis is not None
        assert diagnosis.findings[0].culprit.layer == dense.name
        assert diagnosis.findings[0].culprit.line == recorder.creation_site(dense).line
    finally:
        _core.release()


def test_watch_inside_shapedoctor_run_leaves_the_report_to_run(tmp_path, cli):
    """`shapedoctor run` already records and reports: watch() shares its recorder and adds no note."""
    script = tmp_path / "train.py"
    script.write_text(textwrap.dedent("""\
        import keras
        from keras import layers
        import shapedoctor

        with shapedoctor.watch():
            model = keras.Sequential([keras.Input(shape=(10,)), layers.Dense(1), layers.LSTM(64)])
        """))
    proc = cli("run", "--json", str(script))
    assert proc.returncode == 1, proc.stderr
    assert NOTE_HEADER not in proc.stderr and "internal error" not in proc.stderr
    report = json.loads(proc.stdout)
    assert [(f["id"], f["culprit"]["line"]) for f in report["findings"]] == [("SD101", 6)]


@pytest.mark.serial  # timing-sensitive: runs after the parallel part (see the Makefile)
def test_watch_before_keras_is_imported_installs_at_import(tmp_path):
    """In a fresh interpreter: watch() does not import Keras; `import keras` inside starts recording."""
    script = tmp_path / "train.py"
    script.write_text(textwrap.dedent("""\
        import sys
        import shapedoctor

        with shapedoctor.watch():
            assert "keras" not in sys.modules
            import keras
            from keras import layers
            model = keras.Sequential([
                keras.Input(shape=(10,)),
                layers.Dense(1),
                layers.LSTM(64),
            ])
        """))
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONWARNINGS="ignore")
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 1
    err = proc.stderr
    assert err.index("ValueError: Input 0") < err.index(NOTE_HEADER)  # Python prints the note under the error
    assert f"root cause: dense at {script}:10" in err
    assert "fixes (verified with Keras):" in err
