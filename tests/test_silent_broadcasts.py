"""Silent broadcasts Keras never sees as a layer call (real Keras, `shapedoctor run --json`).

* SD204 for hand-written losses: (n,) against the model's (n, 1) broadcasts to (n, n) in a
  GradientTape loop or a train_step, named at the line that brought the two tensors together;
* SD205 for a residual sum `x + y` written with the operator, one channel added to many;
* and none of it on valid custom training code or on valid gating idioms (squeeze-excite,
  spatial attention masks, attention pooling, a hand-written layer norm, pairwise differences).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import report_of


def _run(cli, tmp_path, code: str) -> tuple[dict, str]:
    script = tmp_path / "script.py"
    script.write_text(textwrap.dedent(code))
    proc = cli("run", "--json", "script.py", cwd=tmp_path)
    return report_of(proc), script.read_text()


def _line(source: str, text: str) -> int:
    return next(i for i, line in enumerate(source.splitlines(), 1) if text in line)


def test_an_eager_gradient_tape_loss_on_numpy_targets_is_named_at_its_line(cli, tmp_path):
    report, source = _run(cli, tmp_path, """\
        import numpy as np
        import tensorflow as tf
        import keras
        from keras import layers

        x = np.random.rand(40, 5).astype("float32")
        y = np.random.rand(40).astype("float32")
        model = keras.Sequential([keras.Input((5,)), layers.Dense(8, activation="relu"), layers.Dense(1)])
        opt = keras.optimizers.Adam()
        for start in range(0, 40, 10):
            xb, yb = x[start:start + 10], y[start:start + 10]
            with tf.GradientTape() as tape:
                pred = model(xb, training=True)
                loss = tf.reduce_mean((yb - pred) ** 2)
            grads = tape.gradient(loss, model.trainable_variables)
            opt.apply_gradients(zip(grads, model.trainable_variables))
        """)
    assert report["status"] == "warning", report
    finding = report["findings"][0]
    line = _line(source, "loss = tf.reduce_mean")
    assert finding["id"] == "SD204"
    assert finding["culprit"]["line"] == line and finding["consumer"]["line"] == line
    assert "(10,) - (10, 1)" in finding["message"]
    fixes = [(f["code"], f["verified"]) for f in finding["fixes"]]
    # the model's side first; the targets' column is as safe here: the result is reduced to one number
    assert fixes == [("loss = tf.reduce_mean((yb - pred[:, 0]) ** 2)", True),
                     ("loss = tf.reduce_mean((yb[:, None] - pred) ** 2)", True)]


def test_a_bellman_target_scaled_from_the_target_critic_is_flagged_where_it_is_built(cli, tmp_path):
    # The (n, 1) side is not the model's output itself but computed from it (gamma * q_next).
    report, source = _run(cli, tmp_path, """\
        import numpy as np
        import tensorflow as tf
        import keras
        from keras import layers

        obs = np.random.rand(32, 4).astype("float32")
        rewards = np.random.rand(32).astype("float32")
        critic = keras.Sequential([keras.Input((4,)), layers.Dense(16, activation="relu"), layers.Dense(1)])
        target_critic = keras.models.clone_model(critic)


        class Critic(keras.Model):
            def __init__(self):
                super().__init__()
                self.net = critic

            def call(self, x):
                return self.net(x)

            def train_step(self, data):
                states, r = data
                q_next = target_critic(states)
                target = r + 0.99 * q_next
                with tf.GradientTape() as tape:
                    q = self(states, training=True)
                    loss = tf.reduce_mean(tf.square(target - q))
                grads = tape.gradient(loss, self.trainable_variables)
                self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
                return {"loss": loss}


        model = Critic()
        model.compile(optimizer="adam")
        model.fit(obs, rewards, epochs=1, batch_size=8, verbose=0)
        """)
    assert report["status"] == "warning", report
    finding = next(f for f in report["findings"] if f["id"] == "SD204")
    assert finding["culprit"]["line"] == _line(source, "target = r + 0.99")
    assert finding["consumer"]["line"] == _line(source, "model.fit(")
    assert finding["fixes"][0]["verified"] and finding["fixes"][0]["code"] == "target = r + (0.99 * q_next)[:, 0]"


def test_a_residual_sum_written_with_plus_over_one_channel_is_flagged_at_the_conv(cli, tmp_path):
    report, source = _run(cli, tmp_path, """\
        import numpy as np
        import keras
        from keras import layers

        x = np.random.rand(16, 12, 12, 3).astype("float32")
        y = np.random.randint(0, 4, size=(16,))
        inputs = keras.Input((12, 12, 3))
        h = layers.Conv2D(8, 3, padding="same", activation="relu")(inputs)
        branch = layers.Conv2D(8, 3, padding="same", activation="relu")(h)
        branch = layers.Conv2D(1, 1)(branch)
        h = h + branch
        h = layers.GlobalAveragePooling2D()(h)
        model = keras.Model(inputs, layers.Dense(4, activation="softmax")(h))
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        model.fit(x, y, epochs=1, batch_size=8, verbose=0)
        """)
    assert report["status"] == "warning", report
    finding = report["findings"][0]
    assert finding["id"] == "SD205"
    assert finding["culprit"]["line"] == _line(source, "layers.Conv2D(1, 1)")
    assert finding["consumer"]["line"] == _line(source, "h = h + branch")
    assert any(f["verified"] and "Conv2D(8, 1)" in f["code"] for f in finding["fixes"])


def test_valid_custom_training_code_is_not_flagged(cli, tmp_path):
    # A VAE-style KL term, an actor-critic that squeezes its value head, a GAN-style (n, 1) label
    # column, a pairwise ranking difference and an eager loop with (n, 1) targets.
    report, _ = _run(cli, tmp_path, """\
        import numpy as np
        import tensorflow as tf
        import keras
        from keras import layers, ops

        n_actions = 3
        states = np.random.rand(32, 6).astype("float32")
        actions = np.random.randint(0, n_actions, size=(32,))
        returns = np.random.rand(32).astype("float32")


        class ActorCritic(keras.Model):
            def train_step(self, data):
                obs, (taken, rets) = data
                with tf.GradientTape() as tape:
                    logits, values = self(obs, training=True)
                    values = tf.squeeze(values, axis=-1)
                    advantage = rets - values
                    log_probs = tf.reduce_sum(tf.nn.log_softmax(logits) * tf.one_hot(taken, n_actions), axis=-1)
                    loss = -tf.reduce_mean(log_probs * tf.stop_gradient(advantage)) + tf.reduce_mean(advantage ** 2)
                grads = tape.gradient(loss, self.trainable_variables)
                self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
                return {"loss": loss}


        inputs = keras.Input((6,))
        h = layers.Dense(16, activation="relu")(inputs)
        model = ActorCritic(inputs, [layers.Dense(n_actions)(h), layers.Dense(1)(h)])
        model.compile(optimizer="adam")
        model.fit(states, (actions, returns), epochs=1, batch_size=8, verbose=0)

        encoder = keras.Sequential([keras.Input((6,)), layers.Dense(4)])
        scorer = keras.Sequential([keras.Input((6,)), layers.Dense(1)])
        disc = keras.Sequential([keras.Input((6,)), layers.Dense(1, activation="sigmoid")])
        opt = keras.optimizers.Adam()
        for start in range(0, 32, 8):
            xb = states[start:start + 8]
            with tf.GradientTape() as tape:
                z = encoder(xb)
                z_mean, z_log_var = z[:, :2], z[:, 2:]
                kl = -0.5 * tf.reduce_mean(1 + z_log_var - tf.square(z_mean) - tf.exp(z_log_var))
                scores = tf.squeeze(scorer(xb), axis=-1)
                pairwise = scores[:, None] - scores
                rank_loss = tf.reduce_mean(tf.nn.softplus(-pairwise))
                labels = tf.concat([tf.ones((4, 1)), tf.zeros((4, 1))], axis=0)
                labels += 0.05 * tf.random.uniform(tf.shape(labels))
                gan_loss = tf.reduce_mean(keras.losses.binary_crossentropy(labels, disc(xb)))
                column = returns[start:start + 8].reshape(-1, 1)
                mse = tf.reduce_mean(tf.square(column - scorer(xb)))
                loss = kl + rank_loss + gan_loss + mse
            weights = encoder.trainable_variables + scorer.trainable_variables + disc.trainable_variables
            opt.apply_gradients(zip(tape.gradient(loss, weights), weights))
        """)
    assert report["status"] == "ok", report["findings"]


def test_valid_gating_idioms_and_residuals_are_not_flagged(cli, tmp_path):
    # Squeeze-excite (None, 1, 1, C) and a spatial mask (None, H, W, 1) multiply features; attention
    # pooling weights (None, T, 1) multiply a sequence; a hand-written layer norm subtracts a
    # keepdims mean; a residual `x + y` adds equal shapes; a learned position table broadcasts over
    # the batch.
    report, _ = _run(cli, tmp_path, """\
        import numpy as np
        import keras
        from keras import layers, ops

        images = np.random.rand(16, 10, 10, 3).astype("float32")
        seqs = np.random.rand(16, 7, 5).astype("float32")
        y = np.random.randint(0, 2, size=(16,))

        img = keras.Input((10, 10, 3))
        f = layers.Conv2D(8, 3, padding="same", activation="relu")(img)
        se = layers.GlobalAveragePooling2D()(f)
        se = layers.Dense(2, activation="relu")(se)
        se = layers.Dense(8, activation="sigmoid")(se)
        f = layers.Multiply()([f, layers.Reshape((1, 1, 8))(se)])
        mask = layers.Conv2D(1, 7, padding="same", activation="sigmoid")(f)
        f = layers.Multiply()([f, mask])
        f = f * mask
        r = layers.Conv2D(8, 3, padding="same")(f)
        f = f + r
        a = layers.GlobalAveragePooling2D()(f)

        seq = keras.Input((7, 5))
        s = layers.Dense(6)(seq)
        s = s + layers.Embedding(7, 6)(ops.arange(7))
        s = (s - ops.mean(s, axis=-1, keepdims=True)) / (ops.std(s, axis=-1, keepdims=True) + 1e-6)
        w = ops.softmax(layers.Dense(1)(s), axis=1)
        pooled = ops.sum(layers.Multiply()([s, w]), axis=1)

        out = layers.Dense(1, activation="sigmoid")(layers.Concatenate()([a, pooled]))
        model = keras.Model([img, seq], out)
        model.compile(optimizer="adam", loss="binary_crossentropy")
        model.fit([images, seqs], y, epochs=1, batch_size=8, verbose=0)
        """)
    assert report["status"] == "ok", report["findings"]


def test_the_operator_watch_leaves_a_failing_operation_traceback_as_python_shows_it(cli, tmp_path):
    code = """\
        import numpy as np
        import tensorflow as tf
        import keras

        model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
        out = model(np.ones((4, 3), "float32"))
        bad = out - tf.ones((5, 2))
        """
    script = tmp_path / "script.py"
    script.write_text(textwrap.dedent(code))
    plain = subprocess.run([sys.executable, "script.py"], cwd=tmp_path, capture_output=True, text=True)
    proc = cli("run", "script.py", cwd=tmp_path)
    assert plain.returncode != 0 and proc.returncode != 0
    assert "tensor_ops.py" not in proc.stderr + proc.stdout
    last = [ln for ln in plain.stderr.strip().splitlines() if ln.strip()][-1]
    assert last in proc.stderr + proc.stdout


def test_the_operator_watch_never_keeps_a_model_made_tensor_alive():
    """Remembering which tensors a model made must not hold their memory: a weak reference only."""
    import gc
    import weakref

    import tensorflow as tf

    from shapedoctor.trace.tensor_ops import OpWatch

    watch = OpWatch()
    tensor = tf.ones((64, 64))
    watch.mark_model_made([tensor])
    assert watch.is_model_made(tensor)
    assert not watch.is_model_made(tf.ones((64, 64)))  # another tensor is not the model's
    alive = weakref.ref(tensor)
    del tensor
    gc.collect()
    assert alive() is None  # the watch did not keep it
