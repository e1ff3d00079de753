"""Every verified fix can be written and proven: imports, the user's own names, no conflicting arguments.

Each script below is written with ``shapedoctor run --write`` (which proves the patch first) and
then run with plain ``python``; together they cover the import styles users write:
``import keras``, ``from keras import layers``, ``from keras.layers import X, Y``,
``from tensorflow.keras import layers``, ``from tensorflow.keras.layers import *`` and
``import tensorflow as tf`` + ``tf.keras.layers.X``. Fixes that cannot be written must say
which line and which construct prevent it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import libcst as cst
import pytest

from conftest import report_of, run_cli
from shapedoctor.patch.imports import import_edits
from shapedoctor.patch.textedit import apply_edits
from shapedoctor.repair.codegen import _with_shape

# name -> (script, texts the written file must contain, texts it must not contain, python's stdout)
WRITTEN = {
    # from keras.layers import X, Y: the new layer's name joins the file's own import list
    "names": ("""\
        import numpy as np
        from keras.models import Sequential
        from keras.layers import Dense, LSTM

        model = Sequential([
            Dense(1, input_shape=(10,)),
            LSTM(8),
        ])
        print(model.predict(np.zeros((2, 10)), verbose=0).shape)
        """, ["from keras.layers import Dense, LSTM, RepeatVector\n", "    RepeatVector(8),\n"],
        ["import keras\n", "keras.src"], "(2, 8)"),
    # from tensorflow.keras.layers import (...): same module spelling, same one-per-line layout
    "tfnames": ("""\
        import numpy as np
        from tensorflow.keras import Input, Model
        from tensorflow.keras.layers import (
            Dense,
            LSTM,
        )

        inp = Input(shape=(10,))
        x = Dense(1)(inp)
        out = LSTM(8)(x)
        model = Model(inp, out)
        print(model.predict(np.zeros((2, 10)), verbose=0).shape)
        """, ["    LSTM,\n    RepeatVector,\n)\n", "RepeatVector(8)("], ["from keras"], "(2, 8)"),
    # from tensorflow.keras.layers import *: the star import already binds it, nothing is added
    "star": ("""\
        from tensorflow.keras.models import Sequential
        from tensorflow.keras.layers import *

        model = Sequential()
        model.add(Input(shape=(10,)))
        model.add(Dense(1))
        model.add(LSTM(8))
        print(model.output_shape)
        """, ["model.add(RepeatVector(8))\n"], ["import RepeatVector", "import layers"], "(None, 8)"),
    # import keras only: keras.layers.X, and no `layers` import the file never had
    "kerasonly": ("""\
        import keras

        model = keras.Sequential([keras.Input(shape=(10,)), keras.layers.Dense(1), keras.layers.LSTM(8)])
        print(model.output_shape)
        """, ["keras.layers.RepeatVector(8), keras.layers.LSTM(8)"], ["import layers"], "(None, 8)"),
    # import tensorflow as tf: input_dim= is the argument that carries the shape, so it changes
    "tfdim": ("""\
        import numpy as np
        import tensorflow as tf

        model = tf.keras.Sequential()
        model.add(tf.keras.layers.Dense(16, input_dim=20, activation="relu"))
        model.add(tf.keras.layers.Dense(1))
        model.compile(optimizer="adam", loss="mse")
        x = np.random.rand(32, 30).astype("float32")
        y = np.random.rand(32, 1).astype("float32")
        model.fit(x, y, epochs=1, verbose=0)
        print("trained")
        """, ['tf.keras.layers.Dense(16, input_dim=30, activation="relu")'], ["input_shape", "import keras"],
        "trained"),
    # from tensorflow.keras import layers: Input(batch_shape=...) keeps batch_shape, never adds shape=
    "batchshape": ("""\
        import numpy as np
        from tensorflow.keras import layers, Model, Input

        inp = Input(batch_shape=(None, 20))
        out = layers.Dense(1)(layers.Dense(8)(inp))
        model = Model(inp, out)
        model.compile(optimizer="adam", loss="mse")
        x = np.random.rand(16, 12).astype("float32")
        model.fit(x, np.random.rand(16, 1), epochs=1, verbose=0)
        print("trained")
        """, ["Input(batch_shape=(None, 12))"], ["shape=(12,)"], "trained"),
    # from keras import layers: the data fix uses the script's own name
    "point": ("""\
        import numpy as np
        import keras
        from keras import layers

        model = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(4), layers.Dense(1)])
        point = np.array([1.0, 2.0, 3.0])
        print(model.predict(point, verbose=0).shape)
        """, ["point = np.expand_dims(point, 0)\nprint(model.predict(point, verbose=0).shape)"], ["x = "],
        "(1, 1)"),
    # import keras (numpy not as np): data passed as an expression is wrapped where it is passed
    "slice": ("""\
        import numpy
        import keras

        model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3), keras.layers.Dense(1)])
        arrTest1 = numpy.random.rand(10, 4)
        print(model.predict(arrTest1[0], verbose=0).shape)
        """, ["model.predict(np.expand_dims(arrTest1[0], 0), verbose=0)", "import numpy as np\n"], ["x = "],
        "(1, 1)"),
    # a layer inserted before a Sequential's first layer takes over its input_shape=
    "firstlayer": ("""\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        x = np.random.rand(32, 28, 28).astype("float32")
        y = np.random.randint(0, 10, size=(32,))
        model = keras.Sequential([
            layers.Dense(128, activation="relu", input_shape=(28, 28)),
            layers.Dense(10, activation="softmax"),
        ])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        model.fit(x, y, epochs=1, verbose=0)
        print(model.output_shape)
        """, ['    layers.Flatten(input_shape=(28, 28)),\n    layers.Dense(128, activation="relu"),\n'],
        ["Dense(128, activation=\"relu\", input_shape"], "(None, 10)"),
    # the same through model.add, the shape argument written first
    "firstadd": ("""\
        import numpy as np
        from keras.models import Sequential
        from keras.layers import Dense

        model = Sequential()
        model.add(Dense(16, input_shape=(8, 8), activation="relu"))
        model.add(Dense(1, activation="sigmoid"))
        model.compile(optimizer="adam", loss="binary_crossentropy")
        model.fit(np.random.rand(32, 8, 8), np.random.randint(0, 2, size=(32, 1)), epochs=1, verbose=0)
        print(model.output_shape)
        """, ['model.add(Flatten(input_shape=(8, 8)))\nmodel.add(Dense(16, activation="relu"))\n'],
        ["input_shape=(8, 8), activation"], "(None, 1)"),
    # Embedding rows counted from the user's own expression: n_users + 1, not today's literal 51
    "embedding": ("""\
        import numpy as np
        import keras
        from keras import layers

        user_ids = np.tile(np.arange(1, 51), 4)  # ids start at 1
        n_users = len(np.unique(user_ids))
        inp = keras.Input(shape=(1,))
        emb = layers.Embedding(n_users, 8)(inp)
        model = keras.Model(inp, layers.Dense(1)(layers.Flatten()(emb)))
        model.compile(optimizer="adam", loss="mse")
        model.fit(user_ids, np.ones((200, 1)), epochs=1, verbose=0)
        print(model.output_shape)
        """, ["emb = layers.Embedding(n_users + 1, 8)(inp)\n"], ["Embedding(51"], "(None, 1)"),
    # a multi-hot head one column short (the lookup's out-of-vocabulary slot): units on top of the
    # user's own count, not today's literal 5
    "headslot": ("""\
        import numpy as np
        import keras
        from keras import layers

        tags = ["red", "green", "blue", "cyan"]
        n_tags = len(tags)
        labels = np.zeros((40, n_tags + 1), "float32")
        labels[np.arange(40), np.arange(40) % (n_tags + 1)] = 1.0
        model = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(16, activation="relu"),
                                  layers.Dense(n_tags, activation="sigmoid")])
        model.compile(optimizer="adam", loss="binary_crossentropy")
        model.fit(np.random.rand(40, 6), labels, epochs=1, verbose=0)
        print(model.output_shape)
        """, ["layers.Dense(n_tags + 1, activation=\"sigmoid\")"], ["Dense(5"], "(None, 5)"),
    # a model that fails while it is built: the data loaded above it gives the input shape
    "scopedata": ("""\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(40, 10, 4).astype("float32")
        y = np.random.rand(40, 1).astype("float32")
        model = keras.Sequential()
        model.add(layers.LSTM(8, input_shape=(4,)))
        model.add(layers.Dense(1))
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, epochs=1, verbose=0)
        print(model.output_shape)
        """, ["model.add(layers.LSTM(8, input_shape=(10, 4)))\n"], ["(4, 1)"], "(None, 1)"),
    # input_shape=X.shape (sample axis included) becomes X.shape[1:], in the user's own terms
    "wholeshape": ("""\
        import numpy as np
        import keras

        X_train = np.random.rand(40, 10, 4).astype("float32")
        inp = keras.Input(shape=X_train.shape)
        out = keras.layers.Dense(1)(keras.layers.GRU(8)(inp))
        model = keras.Model(inp, out)
        print(model.predict(X_train, verbose=0).shape)
        """, ["inp = keras.Input(shape=X_train.shape[1:])\n"], [], "(40, 1)"),
}


def _env() -> dict:
    return dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONWARNINGS="ignore")


def _write_and_run(tmp: Path, name: str) -> tuple[subprocess.CompletedProcess, str, subprocess.CompletedProcess]:
    script = tmp / f"{name}.py"
    script.write_text(textwrap.dedent(WRITTEN[name][0]))
    wrote = run_cli("run", "--no-traceback", "--timeout", "600", "--write", script.name, cwd=tmp, timeout=900)
    after = subprocess.run([sys.executable, script.name], cwd=tmp, capture_output=True, text=True, env=_env(),
                           timeout=600)
    return wrote, script.read_text(), after


@pytest.fixture(scope="module")
def written(request, tmp_path_factory):
    """The selected scripts written with --write and run with python, two at a time (each run
    imports TensorFlow)."""
    tmp = tmp_path_factory.mktemp("written")
    names = [item.callspec.params["name"] for item in request.session.items
             if getattr(item, "originalname", "") == "test_written_fix_is_proven_and_the_script_runs_under_python"]
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(names, pool.map(lambda n: _write_and_run(tmp, n), names)))


@pytest.mark.parametrize("name", list(WRITTEN))
def test_written_fix_is_proven_and_the_script_runs_under_python(written, name):
    wrote, text, after = written[name]
    _, must, must_not, stdout = WRITTEN[name]
    assert wrote.returncode == 0, wrote.stderr[-2000:]
    for piece in must:
        assert piece in text, f"{piece!r} not in the written file:\n{text}"
    for piece in must_not:
        assert piece not in text, f"{piece!r} in the written file:\n{text}"
    assert after.returncode == 0, after.stderr[-2000:]
    assert after.stdout.strip().splitlines()[-1] == stdout


# -- fixes that cannot be written say which line and which construct ------------------------
LOOP = """\
    import keras
    from keras import layers

    model = keras.Sequential([keras.Input(shape=(10, 3))])
    for units in (16, 8):
        model.add(layers.LSTM(units))
    model.add(layers.Dense(1))
    """

HELPER = """\
    import keras
    from keras import layers


    def head(x):
        return layers.LSTM(8)(x)


    inp = keras.Input(shape=(10,))
    a = head(layers.Reshape((10, 1))(inp))
    b = head(layers.Dense(4)(inp))
    model = keras.Model(inp, [a, b])
    """


def test_layers_built_in_a_loop_name_the_loop_and_are_not_written(tmp_path):
    (tmp_path / "loop.py").write_text(textwrap.dedent(LOOP))
    report = report_of(run_cli("run", "--json", "loop.py", cwd=tmp_path))
    fixes = report["findings"][0]["fixes"]
    assert fixes and all(f["verified"] and f["patch"] is None for f in fixes)
    # return_sequences=True at line 6 would change both LSTMs (the last one too), so it is refused
    assert fixes[0]["code"] == "model.add(layers.LSTM(units, return_sequences=True))"
    assert fixes[0]["proof"] == (
        "cannot be written automatically: line 6 builds 2 LSTM layers through the loop `for units in (16, 8):` "
        "(line 5); writing the change there changes all 2, and then the model output becomes (None, 10, 8): "
        "apply it to `lstm` by hand")
    assert fixes[1]["proof"] == (
        "cannot be written automatically: line 6 builds 2 LSTM layers through the loop `for units in (16, 8):` "
        "(line 5); an edit there would change every one of them, not only `lstm_1`: apply it by hand")


def test_helper_called_twice_names_its_callers_in_the_report(tmp_path):
    (tmp_path / "helper.py").write_text(textwrap.dedent(HELPER))
    proc = run_cli("run", "--no-traceback", "helper.py", cwd=tmp_path)
    assert proc.returncode == 1
    text = " ".join(proc.stdout.split())
    assert "verified, cannot be written)" in text
    assert ("cannot be written: line 6 is in the function `head` (line 5), called at lines 10, 11; an edit there "
            "would change every call, not only the one that builds `lstm_1`: apply it by hand, or at the call that "
            "needs it") in text
    assert "can be written" not in text


# -- the import and argument rules themselves (no Keras run) --------------------------------
def _imports(before: str, after: str) -> str:
    before, after = textwrap.dedent(before), textwrap.dedent(after)
    return apply_edits(after, import_edits("f.py", before, after))


def test_bare_layer_name_extends_the_existing_from_import():
    assert _imports("from keras.layers import Dense\nDense(1)\n",
                    "from keras.layers import Dense\nReshape((1,))\nDense(1)\n").splitlines()[0] == \
        "from keras.layers import Dense, Reshape"
    assert _imports("from tensorflow.keras.layers import Dense as D\nD(1)\n",
                    "from tensorflow.keras.layers import Dense as D\nGlobalAveragePooling2D()\n").splitlines()[0] == \
        "from tensorflow.keras.layers import Dense as D, GlobalAveragePooling2D"


def test_keras_src_import_is_never_extended():
    out = _imports("from keras.src.layers import Dense\nDense(1)\n",
                   "from keras.src.layers import Dense\nReshape((1,))\n")
    assert out.splitlines()[:2] == ["from keras.src.layers import Dense", "from keras.layers import Reshape"]


def test_layers_module_is_imported_in_the_files_spelling():
    out = _imports("from tensorflow.keras import models\nm = models.Sequential()\n",
                   "from tensorflow.keras import models\nm = models.Sequential([layers.Reshape((1,))])\n")
    assert out.splitlines()[0] == "from tensorflow.keras import models, layers"


def test_tf_keras_spelling_adds_no_import():
    src = "import tensorflow as tf\nm = tf.keras.Sequential([])\n"
    assert _imports(src, src.replace("[]", "[tf.keras.layers.Reshape((1,))]")) == \
        src.replace("[]", "[tf.keras.layers.Reshape((1,))]")


@pytest.mark.parametrize("call, shape, expected", [
    ("layers.Dense(32, input_dim=20)", (30,), "layers.Dense(32, input_dim=30)"),
    ("Dense(32, input_dim=20, activation='relu')", (5, 30), "Dense(32, input_shape=(5, 30), activation='relu')"),
    ("LSTM(8, batch_input_shape=(None, 5, 2))", (5, 3), "LSTM(8, input_shape=(5, 3))"),
    ("Dense(8, input_shape=(20,))", (30,), "Dense(8, input_shape=(30,))"),
    ("Dense(8)", (30,), "Dense(8, input_shape=(30,))"),
    ("keras.Input(batch_shape=(32, 20))", (12,), "keras.Input(batch_shape=(32, 12))"),
    ("Input(shape=(20,), batch_size=32)", (12,), "Input(shape=(12,), batch_size=32)"),
])
def test_the_argument_that_carries_the_shape_is_replaced_not_doubled(call, shape, expected):
    cls = "Input" if "Input" in call else "Dense"
    new = _with_shape(cst.parse_expression(call), cls, shape)
    assert cst.Module([]).code_for_node(new) == expected


# -- data fixes at the call site (no Keras run) ----------------------------------------------
def _data_fix(tmp_path, source: str, line: int, transform: str = "np.expand_dims({v}, 0)", **kw) -> str:
    from shapedoctor.repair.codegen import argument_edit
    from shapedoctor.trace.sites import Site

    path = tmp_path / f"data{len(list(tmp_path.iterdir()))}.py"  # a new name: linecache keeps old texts
    path.write_text(textwrap.dedent(source))
    code = argument_edit(Site(str(path), line), 0, "x", transform, **kw)
    return apply_edits(path.read_text(), code.edits)


def test_a_name_is_rebound_before_the_statement_that_passes_it(tmp_path):
    out = _data_fix(tmp_path, """\
        if True:
            print(
                model.predict(point))
        """, 3)
    assert out == "if True:\n    point = np.expand_dims(point, 0)\n    print(\n        model.predict(point))\n"


def test_an_expression_or_a_comprehension_variable_is_wrapped_where_it_is_passed(tmp_path):
    assert _data_fix(tmp_path, "model.predict([1.0, 2.0, 3.0])\n", 1) == \
        "model.predict(np.expand_dims([1.0, 2.0, 3.0], 0))\n"
    assert _data_fix(tmp_path, "out = [model(p) for p in points]\n", 1) == \
        "out = [model(np.expand_dims(p, 0)) for p in points]\n"
    assert _data_fix(tmp_path, "model.fit(a + b, y)\n", 1, "{v}.reshape((-1, 3))") == \
        "model.fit((a + b).reshape((-1, 3)), y)\n"


def test_one_input_of_a_list_is_changed_alone(tmp_path):
    assert _data_fix(tmp_path, "model.fit([meta, images[:10]], y)\n", 1, item=1) == \
        "model.fit([meta, np.expand_dims(images[:10], 0)], y)\n"


def test_data_in_scope_of_another_shape_is_no_evidence_for_the_input(tmp_path):
    """An array that shares no axis size with the declaration does not set the input shape."""
    script = tmp_path / "unrelated.py"
    script.write_text(textwrap.dedent("""\
        import numpy as np
        import keras
        from keras import layers

        X = np.random.rand(40, 7, 3).astype("float32")
        model = keras.Sequential([layers.LSTM(8, input_shape=(4,)), layers.Dense(1)])
        """))
    fixes = report_of(run_cli("run", "--json", script.name, cwd=tmp_path))["findings"][0]["fixes"]
    assert fixes and not any("one sample of" in f["title"] for f in fixes)
    assert fixes[0]["code"] == "model = keras.Sequential([layers.LSTM(8, input_shape=(4, 1)), layers.Dense(1)])"
