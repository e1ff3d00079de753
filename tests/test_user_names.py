"""A new size is written with the user's own name for it (``Dense(len(chars))``, ``RepeatVector(timesteps)``)
only when that name is safe and plainly a size; else the literal stays (repair/user_names.py)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import report_of

from shapedoctor.repair.user_names import size_expression


def _spell(tmp_path, source: str, value: int, line: int, sizes: dict) -> str | None:
    script = tmp_path / "script.py"
    script.write_text(textwrap.dedent(source))
    return size_expression(value, str(script), line, sizes)


BASE = """\
    import numpy as np
    chars = sorted(set("some text here"))
    num_classes = 9
    EPOCHS = 9
    y = np.zeros((4, len(chars)))
    model = build(num_classes)
    model.fit(y, y, epochs=EPOCHS)
    """


def test_a_size_the_program_reads_is_spelled_with_its_name(tmp_path):
    sizes = {"len(chars)": 10, "num_classes": 9, "EPOCHS": 9}
    assert _spell(tmp_path, BASE, 10, 6, sizes) == "len(chars)"


def test_a_training_setting_with_the_same_value_is_never_a_size(tmp_path):
    # EPOCHS also holds 9 but is given as `epochs=`: num_classes is the one size name.
    assert _spell(tmp_path, BASE, 9, 6, {"num_classes": 9, "EPOCHS": 9}) == "num_classes"
    assert _spell(tmp_path, BASE, 9, 6, {"EPOCHS": 9}) is None


def test_a_rate_with_the_same_value_is_never_a_size(tmp_path):
    # sampling_rate = 6 beside six weather columns (r707): Dense(sampling_rate) would run and mean nothing
    source = BASE.replace("EPOCHS = 9", "EPOCHS = 9\n    sampling_rate = 6\n    n_cols = 6\n    print(sampling_rate, n_cols)")
    assert _spell(tmp_path, source, 6, 10, {"sampling_rate": 6, "n_cols": 6}) == "n_cols"
    assert _spell(tmp_path, source, 6, 10, {"sampling_rate": 6}) is None


def test_two_size_names_with_one_value_leave_the_literal(tmp_path):
    source = BASE + "maxlen = 9\nprint(maxlen)\n"
    assert _spell(tmp_path, source, 9, 9, {"num_classes": 9, "maxlen": 9}) is None


def test_a_name_bound_after_the_line_or_shadowed_or_rebound_is_not_used(tmp_path):
    source = """\
        units = 8
        def head(units):
            return units
        later = 5
        counter = 3
        counter += 1
        for step in range(4):
            print(step, later, counter)
        """
    assert _spell(tmp_path, source, 8, 3, {"units": 8}) is None  # a parameter shadows it inside head()
    assert _spell(tmp_path, source, 5, 3, {"later": 5}) == "later"  # inside a def (runs later): a module name is fine
    assert _spell(tmp_path, source, 5, 1, {"later": 5}) is None  # module code above its binding
    assert _spell(tmp_path, source, 4, 8, {"counter": 4}) is None  # bound twice (+=)
    assert _spell(tmp_path, source, 3, 8, {"step": 3}) is None  # a loop variable
    assert _spell(tmp_path, source, 5, 8, {"later": 5}) == "later"


def test_a_fix_is_written_with_the_users_name_and_runs(cli, tmp_path):
    script = tmp_path / "chars.py"
    script.write_text(textwrap.dedent("""\
        import numpy as np
        import keras
        from keras import layers

        text = "the quick brown fox jumps over the lazy dog and keeps running far away"
        chars = sorted(set(text))
        maxlen = 12
        x = np.zeros((64, maxlen, len(chars)), dtype="float32")
        y = np.zeros((64, len(chars)), dtype="float32")
        y[:, 0] = 1.0

        model = keras.Sequential([
            keras.Input(shape=(maxlen, len(chars))),
            layers.LSTM(32),
            layers.Dense(maxlen, activation="softmax"),
        ])
        model.compile(optimizer="adam", loss="categorical_crossentropy")
        model.fit(x, y, epochs=1, verbose=0)
        """))
    report = report_of(cli("run", "--json", script.name, cwd=tmp_path))
    first = report["findings"][0]["fixes"][0]
    assert first["verified"] and first["code"] == 'layers.Dense(len(chars), activation="softmax"),'
    wrote = cli("run", "--no-traceback", "--write", script.name, cwd=tmp_path)
    assert wrote.returncode == 0, wrote.stdout + wrote.stderr
    assert 'layers.Dense(len(chars), activation="softmax"),' in script.read_text().splitlines()[14]
    again = subprocess.run([sys.executable, script.name], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr


def test_a_repeatvector_repeats_the_encoded_sequence_length_by_its_name(cli, tmp_path):
    script = tmp_path / "autoencoder.py"
    script.write_text(textwrap.dedent("""\
        import numpy as np
        import keras
        from keras import layers

        timesteps = 7
        features = 3
        x = np.random.rand(32, timesteps, features).astype("float32")

        inputs = keras.Input(shape=(timesteps, features))
        encoded = layers.LSTM(16)(inputs)
        decoded = layers.LSTM(features, return_sequences=True)(encoded)
        model = keras.Model(inputs, decoded)
        model.compile(optimizer="adam", loss="mse")
        model.fit(x, x, epochs=1, verbose=0)
        """))
    report = report_of(cli("run", "--json", script.name, cwd=tmp_path))
    codes = [f["code"] for f in report["findings"][0]["fixes"] if f["verified"]]
    # Repeated once per encoded step (7, as the input), not once per unit of the next LSTM (3).
    assert "encoded = layers.RepeatVector(timesteps)(encoded)" in codes  # inserted on a line of its own


def test_units_feeding_a_reshape_are_spelled_as_the_reshape_spells_its_target(cli, tmp_path):
    script = tmp_path / "tnet.py"
    script.write_text(textwrap.dedent("""\
        import numpy as np
        import keras
        from keras import layers

        num_points = 32
        num_features = 8

        inputs = keras.Input(shape=(num_points, num_features))
        h = layers.Conv1D(16, 1, activation="relu")(inputs)
        h = layers.GlobalMaxPooling1D()(h)
        h = layers.Dense(num_features, kernel_initializer="zeros")(h)
        transform = layers.Reshape((num_features, num_features))(h)
        out = layers.Dot(axes=(2, 1))([inputs, transform])
        model = keras.Model(inputs, out)
        """))
    report = report_of(cli("run", "--json", script.name, cwd=tmp_path))
    first = report["findings"][0]["fixes"][0]
    assert first["verified"]
    assert first["code"] == 'h = layers.Dense(num_features * num_features, kernel_initializer="zeros")(h)'


def test_a_reshape_target_keeps_the_items_the_fix_does_not_change_as_written(cli, tmp_path):
    """keras-io's CSWin without its Resizing (r1027): 8x8 patches reshaped to (image_size // 4) ** 2 tokens; the
    fix changes the token count only, so ``embedding_dim`` stays as written beside ``-1``."""
    script = tmp_path / "tokens.py"
    script.write_text(textwrap.dedent("""\
        import keras
        from keras import layers

        image_size = 48
        embedding_dim = 12

        inputs = keras.Input(shape=(24, 24, 3))
        x = layers.Conv2D(embedding_dim, 5, 4, padding="same")(inputs)
        x = layers.Reshape(((image_size // 4) * (image_size // 4), embedding_dim))(x)
        x = layers.GlobalAveragePooling1D()(x)
        model = keras.Model(inputs, layers.Dense(3)(x))
        """))
    report = report_of(cli("run", "--json", script.name, cwd=tmp_path))
    first = report["findings"][0]["fixes"][0]
    assert first["verified"]
    assert first["code"] == "x = layers.Reshape((-1, embedding_dim))(x)"


def test_an_input_shape_written_with_names_gets_the_new_shape_in_names(cli, tmp_path):
    script = tmp_path / "lstm.py"
    script.write_text(textwrap.dedent("""\
        import numpy as np
        import keras
        from keras import layers

        n_steps = 10
        n_features = 3
        X = np.random.rand(50, n_steps, n_features).astype("float32")

        model = keras.Sequential()
        model.add(layers.LSTM(16, input_shape=(n_features,)))
        model.add(layers.Dense(1))
        """))
    report = report_of(cli("run", "--json", script.name, cwd=tmp_path))
    first = report["findings"][0]["fixes"][0]
    assert first["verified"] and first["code"] == "model.add(layers.LSTM(16, input_shape=(n_steps, n_features)))"


def test_a_script_wrapped_in_a_function_uses_that_functions_own_names(cli, tmp_path):
    script = tmp_path / "wrapped.py"
    script.write_text(textwrap.dedent("""\
        import numpy as np
        import keras
        from keras import layers


        def main():
            num_classes = 4
            x = np.random.rand(40, 8).astype("float32")
            y = keras.utils.to_categorical(np.random.randint(0, num_classes, 40), num_classes)
            model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(6, activation="softmax")])
            model.compile(optimizer="adam", loss="categorical_crossentropy")
            model.fit(x, y, epochs=1, verbose=0)


        if __name__ == "__main__":
            main()
        """))
    report = report_of(cli("run", "--json", script.name, cwd=tmp_path))
    first = report["findings"][0]["fixes"][0]
    assert first["verified"] and 'layers.Dense(num_classes, activation="softmax")' in first["code"]


def test_a_local_of_another_function_is_never_used(tmp_path):
    source = """\
        def build():
            return Dense(10)
        def main():
            num_classes = 4
            print(num_classes)
        """
    sizes = {"@3@script.py|num_classes": 4}
    assert _spell(tmp_path, source, 4, 2, sizes) is None  # inside build(): main's local is out of reach
    assert _spell(tmp_path, source, 4, 5, sizes) == "num_classes"
    assert _spell(tmp_path, source, 4, 4, sizes) is None  # on its own binding line: not bound yet



BLOCK = """\
    import numpy as np
    import keras
    from keras import layers


    def residual_block(filters):
        def apply(x):
            y = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
            y = layers.Conv2D(filters, 3, padding="same")(y)
            {rebind}
            shortcut = layers.Conv2D({width}, 1)(x)
            return layers.Add()([y, shortcut])

        return apply


    inputs = keras.Input(shape=(16, 16, 3))
    x = layers.Conv2D(8, 3, padding="same")(inputs)
    x = residual_block(32)(x)
    x = residual_block(32)(x)
    outputs = layers.Dense(10, activation="softmax")(layers.GlobalAveragePooling2D()(x))
    model = keras.Model(inputs, outputs)
    """


def test_a_size_inside_a_block_function_is_spelled_as_the_layers_beside_it_spell_it(cli, tmp_path):
    # repair/neighbour_names.py: the block's parameter is in no snapshot (a closure's name), but the
    # convolutions of the same function show the user's spelling of 32.
    script = tmp_path / "block.py"
    script.write_text(textwrap.dedent(BLOCK).format(rebind="pass", width="16"))
    first = report_of(cli("run", "--json", script.name, cwd=tmp_path))["findings"][0]
    assert first["culprit"]["line"] == 11
    assert first["fixes"][0]["verified"] and first["fixes"][0]["code"] == "shortcut = layers.Conv2D(filters, 1)(x)"


def test_a_name_the_block_rebinds_is_not_borrowed_from_its_neighbours(cli, tmp_path):
    # `filters` is 32 on the convolutions' lines and 16 on the shortcut's: writing it there would be 16.
    script = tmp_path / "block.py"
    script.write_text(textwrap.dedent(BLOCK).replace("def apply(x):", "def apply(x, filters=filters):")
                      .format(rebind="filters = filters // 2", width="filters"))
    first = report_of(cli("run", "--json", script.name, cwd=tmp_path))["findings"][0]
    assert first["culprit"]["line"] == 11
    assert first["fixes"][0]["verified"] and first["fixes"][0]["code"] == "shortcut = layers.Conv2D(32, 1)(x)"


INIT_BLOCK = """\
    class Block:
        def __init__(self, embed_dim, heads, ff_dim, rate=0.1):
            self.ffn = [Dense(ff_dim), Dense(ff_dim)]

    embed_dim, heads, ff_dim = 32, 2, 64
    block = Block(embed_dim, heads, ff_dim=ff_dim)
    """


def test_inside_init_the_parameter_every_construction_gives_the_size_spells_it(tmp_path):
    # r1096: the feed-forward projection goes back to 32 values, which every Block(...) passes as embed_dim.
    sizes = {"embed_dim": 32, "heads": 2, "ff_dim": 64}
    assert _spell(tmp_path, INIT_BLOCK, 32, 3, sizes) == "embed_dim"
    assert _spell(tmp_path, INIT_BLOCK, 64, 3, sizes) == "ff_dim"
    # another construction passes 16 for embed_dim: no parameter holds 32 in every one of them
    other = tmp_path / "other"
    other.mkdir()
    assert _spell(other, INIT_BLOCK + "    other = Block(16, 2, 64)\n", 32, 3, sizes) is None


def test_a_name_bound_to_a_length_is_preferred_to_the_length_it_names(tmp_path):
    # r1129: vocab_size = len(vocabulary) holds 50 under two spellings; the fix writes the name.
    source = """\
        vocabulary = list("abcdefghij")
        vocab_size = len(vocabulary)
        model = build(vocab_size)
        print(len(vocabulary))
        """
    assert _spell(tmp_path, source, 10, 3, {"vocab_size": 10, "len(vocabulary)": 10}) == "vocab_size"


def test_a_one_hot_width_is_written_with_the_users_name_for_it(cli, tmp_path):
    # r1129: to_categorical(labels) of labels that never reach the last word; num_classes is the vocabulary's size,
    # written as the script names it (vocab_size = len(vocabulary)), not as 12.
    script = tmp_path / "words.py"
    script.write_text(textwrap.dedent("""\
        import numpy as np
        import keras
        from keras import layers

        vocabulary = [f"w{i}" for i in range(12)]
        vocab_size = len(vocabulary)
        labels = np.arange(40) % 9
        ys = keras.utils.to_categorical(labels)
        model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(vocab_size, activation="softmax")])
        model.compile(optimizer="adam", loss="categorical_crossentropy")
        model.fit(np.random.rand(40, 4), ys, epochs=1, verbose=0)
        """))
    first = report_of(cli("run", "--json", script.name, cwd=tmp_path))["findings"][0]["fixes"][0]
    assert first["verified"] and first["code"] == "ys = keras.utils.to_categorical(labels, num_classes=vocab_size)"


NESTED_INIT = """\
    class FeedForward:
        def __init__(self, d_model, dff):
            self.seq = [Dense(dff), Dense(dff)]

    class EncoderLayer:
        def __init__(self, d_model, heads, dff):
            self.ffn = FeedForward(d_model, dff)

    class Transformer:
        def __init__(self, d_model, heads, dff):
            self.encoder = EncoderLayer(d_model, heads, dff)

    model = Transformer(d_model=32, heads=2, dff=64)
    """


def test_a_parameter_passed_down_from_an_outer_init_is_followed_to_its_construction(tmp_path):
    # r814: FeedForward(d_model, dff) is written inside EncoderLayer.__init__, itself made inside Transformer's,
    # which the script builds with d_model=32: inside FeedForward, 32 is d_model and 64 is dff.
    assert _spell(tmp_path, NESTED_INIT, 32, 3, {}) == "d_model"
    assert _spell(tmp_path, NESTED_INIT, 64, 3, {}) == "dff"
    # a second Transformer built with another width: d_model holds no single value any more
    other = tmp_path / "other"
    other.mkdir()
    assert _spell(other, NESTED_INIT + "    small = Transformer(d_model=16, heads=2, dff=64)\n", 32, 3, {}) is None
