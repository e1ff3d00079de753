"""Residual sums whose branch width is wrong (real Keras, `shapedoctor run --json`).

* a residual written with the operator (``x + y``) on functional tensors that fails to broadcast is
  diagnosed as the merge it stands for: the branch layer whose width differs is named, and the
  script's own exception is what the user still sees (trace/failed_sum.py);
* a nested ``Sequential`` branch gets its last width layer edited in place (``units`` inside it);
* a shortcut that only went through activation/normalisation layers of the helper's input is the
  identity shortcut: its assignment is named, the one that ran (diagnosis/culprit.py);
* and valid residuals written with the operator, with equal widths, report nothing.
"""

from __future__ import annotations


from conftest import line_of, run_json






def test_an_operator_residual_over_a_nested_mlp_names_its_last_layer_and_edits_its_width(cli, tmp_path):
    report, source, proc = run_json(cli, tmp_path, """\
        import numpy as np
        import keras
        from keras import layers

        WIDTH = 24
        HIDDEN = 48
        inputs = keras.Input((10, WIDTH))
        h = layers.Dense(WIDTH)(inputs)
        mlp = keras.Sequential([
            layers.Dense(HIDDEN, activation="gelu"),
            layers.Dropout(0.1),
            layers.Dense(HIDDEN),
        ])
        out = layers.LayerNormalization()(h + mlp(h))
        model = keras.Model(inputs, layers.GlobalAveragePooling1D()(out))
        model.predict(np.zeros((2, 10, WIDTH)), verbose=0)
        """)
    assert report["status"] == "mismatch", report
    finding = report["findings"][0]
    assert finding["id"] == "SD104"
    assert finding["consumer"]["line"] == line_of(source, "h + mlp(h)")
    assert finding["culprit"]["line"] == line_of(source, "layers.Dense(HIDDEN),")
    assert finding["culprit"]["class"] == "Dense"
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "layers.Dense(WIDTH),", first
    assert first["line"] == line_of(source, "layers.Dense(HIDDEN),")
    assert "Cannot broadcast shape" in finding["keras_message"]  # the error the program raised


def test_a_stride_one_bottleneck_whose_shortcut_is_only_normalised_names_the_shortcut(cli, tmp_path):
    report, source, _proc = run_json(cli, tmp_path, """\
        import numpy as np
        import keras
        from keras import layers


        def block(inputs, width, stride=1):
            y = layers.LayerNormalization()(inputs)
            skip = layers.Activation("gelu")(y)
            y = layers.Conv1D(width, 3, padding="same")(skip)
            if stride > 1:
                y = layers.Conv1D(width * 2, 1, strides=stride)(y)
                skip = layers.Conv1D(width * 2, 1, strides=stride)(skip)
            else:
                y = layers.Conv1D(width * 2, 1)(y)
            return y - skip


        inputs = keras.Input((40, 6))
        x = block(inputs, 6)
        model = keras.Model(inputs, layers.GlobalAveragePooling1D()(x))
        model.predict(np.zeros((2, 40, 6)), verbose=0)
        """)
    assert report["status"] == "mismatch", report
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(source, 'skip = layers.Activation("gelu")(y)')
    assert finding["consumer"]["line"] == line_of(source, "return y - skip")
    assert finding["fixes"][0]["verified"], finding["fixes"]


def test_valid_operator_residuals_report_nothing(cli, tmp_path):
    report, _source, proc = run_json(cli, tmp_path, """\
        import numpy as np
        import keras
        from keras import layers


        def block(inputs, width):
            skip = layers.Activation("relu")(layers.BatchNormalization()(inputs))
            y = layers.Conv2D(width, 3, padding="same")(skip)
            if inputs.shape[-1] != width:
                skip = layers.Conv2D(width, 1)(skip)
            return y + skip


        inputs = keras.Input((8, 8, 3))
        x = block(inputs, 8)
        x = block(x, 8)
        ffn = keras.Sequential([layers.Dense(32, activation="relu"), layers.Dense(8)])
        x = x + ffn(x)
        model = keras.Model(inputs, layers.GlobalAveragePooling2D()(x))
        print(model.predict(np.zeros((2, 8, 8, 3)), verbose=0).shape)
        """)
    assert proc.returncode == 0, proc.stderr
    assert report["status"] == "ok", report
    assert "(2, 8)" in proc.stdout or report.get("findings") == []


def test_an_operator_sum_the_user_catches_behaves_as_under_python(cli, tmp_path):
    """The merge replayed for the diagnosis never changes what the program sees (names included)."""
    import subprocess
    import sys

    report, _source, proc = run_json(cli, tmp_path, """\
        import keras
        from keras import layers

        inputs = keras.Input((5, 4))
        a = layers.Dense(4)(inputs)
        b = layers.Dense(6)(inputs)
        try:
            a + b
        except ValueError as exc:
            print("caught:", str(exc).splitlines()[0][:40])
        c = layers.Dense(4)(inputs)
        d = layers.Add()([a, c])
        print("names:", c.name, d.name, (a + c).shape)
        """)
    plain = subprocess.run([sys.executable, "script.py"], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 0 == plain.returncode, proc.stderr
    seen = (proc.stdout + proc.stderr).splitlines()
    wanted = [ln for ln in plain.stdout.splitlines() if ln.startswith(("caught", "names"))]
    assert wanted[0].startswith("caught: Cannot broadcast shape"), plain.stdout
    assert [ln for ln in seen if ln.startswith(("caught", "names"))] == wanted
