"""One sample given to a model called directly, without its batch axis (real Keras).

A model trained on batches is called by hand on one sample: a window sliced from a series for a Conv1D
model, a prompt of token ids for a subclassed Embedding + LSTM model, a noise image drawn inside a helper
and passed through a function. Keras reads the sample's first axis as the batch and the first layer
that needs a fixed rank refuses it. The root cause is the line that made the sample; the only fix adds
the batch axis right after it, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

WINDOW = '''import numpy as np
import keras
from keras import layers

series = np.random.rand(200, 3).astype("float32")
x = np.stack([series[i:i + 20] for i in range(100)])
y = series[20:120, 0]
model = keras.Sequential([keras.Input(shape=(20, 3)), layers.Conv1D(8, 3, activation="relu"),
                          layers.GlobalAveragePooling1D(), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=1, verbose=0)
window = series[-20:]
print(model(window).shape)
'''

PROMPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers


class Tagger(keras.Model):
    def __init__(self):
        super().__init__()
        self.embed = layers.Embedding(30, 8)
        self.rnn = layers.LSTM(16)
        self.out = layers.Dense(30)

    def call(self, ids):
        return self.out(self.rnn(self.embed(ids)))


model = Tagger()
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(np.random.randint(0, 30, size=(64, 12)), np.random.randint(0, 30, size=(64,)), epochs=1, verbose=0)
prompt = tf.constant([3, 7, 9, 2])
for step in range(3):
    logits = model(prompt)
    prompt = tf.concat([prompt, tf.argmax(logits, -1, output_type=prompt.dtype)[:, None]], axis=-1)
print(prompt.shape)
'''

HELPER = '''import tensorflow as tf
import keras
from keras import layers

inputs = keras.Input(shape=(32, 32, 3))
features = keras.Model(inputs, layers.Conv2D(4, 3)(inputs))


def score(image):
    return tf.reduce_mean(features(image))


def noise_image():
    return tf.random.uniform((32, 32, 3))


def climb(steps):
    image = noise_image()
    for _ in range(steps):
        with tf.GradientTape() as tape:
            tape.watch(image)
            value = score(image)
        image += 0.1 * tf.math.l2_normalize(tape.gradient(value, image))
    return image


print(climb(2).shape)
'''


def test_a_window_sliced_from_the_series(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, WINDOW)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(WINDOW, "window = series[-20:]")
    assert [f["code"] for f in finding["fixes"]] == ["window = np.expand_dims(window, 0)"]
    assert finding["fixes"][0]["proven"]


def test_a_prompt_called_in_a_loop_is_batched_where_it_is_made(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, PROMPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(PROMPT, "prompt = tf.constant([3, 7, 9, 2])")
    assert finding["fixes"][0]["code"] == "prompt = tf.expand_dims(prompt, 0)" and finding["fixes"][0]["proven"]


def test_a_parameter_is_followed_to_the_caller_that_made_it(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, HELPER)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(HELPER, "image = noise_image()")
    assert finding["fixes"][0]["code"] == "image = tf.expand_dims(image, 0)" and finding["fixes"][0]["proven"]


def test_a_batched_sample_is_fine(tmp_path):
    fine = WINDOW.replace("window = series[-20:]", "window = series[None, -20:]")
    report, _, proc = run_json(run_cli, tmp_path, fine)
    assert proc.returncode == 0, proc.stderr
    assert report["findings"] == []


PREDICT = '''import numpy as np
import keras
from keras import layers

tokens = np.random.randint(0, 50, size=(64, 10))
model = keras.Sequential([keras.Input(shape=(10,)), layers.Embedding(50, 8), layers.GlobalAveragePooling1D(),
                          layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(tokens, np.random.randint(0, 3, size=(64,)), epochs=1, verbose=0)


def classify(words):
    ids = np.array(words[:10])
    return model.predict(ids, verbose=0).argmax()


print(classify(list(range(12))))
'''


def test_one_sample_given_to_predict_inside_a_function(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, PREDICT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(PREDICT, "ids = np.array(words[:10])")
    assert finding["fixes"][0]["code"] == "ids = np.expand_dims(ids, 0)" and finding["fixes"][0]["proven"]


TENSOR = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

policy = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(16, activation="relu"), layers.Dense(3)])
observations = np.random.rand(5, 6).astype("float32")
for observation in observations:
    obs = tf.convert_to_tensor(observation)
    scores = policy(obs)
    print(int(tf.argmax(scores[0])))
'''


def test_a_tensor_is_batched_with_tensorflows_own_expand_dims(tmp_path):
    # the sample is a tf tensor: an expert keeps it one (tf.expand_dims), not a NumPy round trip
    report, _, proc = run_json(run_cli, tmp_path, TENSOR)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["fixes"][0]["code"] == "obs = tf.expand_dims(obs, 0)" and finding["fixes"][0]["proven"]
    assert finding["culprit"]["line"] == line_of(TENSOR, "scores = policy(obs)")


PASSED_IN = '''import numpy as np
import keras
from keras import layers

sentences = np.random.rand(20, 6, 9).astype("float32")
encoder = keras.Sequential([keras.Input(shape=(None, 9)), layers.LSTM(8)])


def encode(seq):
    return encoder.predict(seq, verbose=0)


for index in range(2):
    seq = sentences[index]
    print(encode(seq).shape)
'''


def test_a_sample_made_at_the_top_level_and_passed_to_a_helper_that_predicts(tmp_path):
    # the predict runs inside encode(): the top-level line that sliced one sentence is the cause
    report, _, proc = run_json(run_cli, tmp_path, PASSED_IN)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(PASSED_IN, "seq = sentences[index]")
    assert [f["code"] for f in finding["fixes"]] == ["seq = np.expand_dims(seq, 0)"] and finding["fixes"][0]["proven"]


BLOCK = '''import tensorflow as tf
import keras
from keras import layers

WINDOW = 7


class Block(layers.Layer):
    def __init__(self, width, **kwargs):
        super().__init__(**kwargs)
        self.width = width
        self.hidden = layers.Dense(16, activation="relu")
        self.theta = layers.Dense(width + 1)

    def call(self, inputs):
        theta = self.theta(self.hidden(inputs))
        return theta[:, :self.width], theta[:, -1:]


block = Block(WINDOW)
window = tf.range(WINDOW, dtype="float32") + 1
backcast, forecast = block(window)
print(backcast.shape, forecast.shape)
'''


def test_a_tensor_made_by_arithmetic_keeps_tensorflows_spelling_and_one_sample_comes_first(tmp_path):
    # tf.range(n) + 1 is a tensor: tf.expand_dims / tf.reshape, never NumPy's (a tensor has no .reshape); a
    # vector given to a layer nothing built yet is one sample before it is n samples of one value
    report, _, proc = run_json(run_cli, tmp_path, BLOCK)
    assert proc.returncode == 1, proc.stderr
    fixes = report["findings"][0]["fixes"]
    assert fixes[0]["code"] == "window = tf.expand_dims(window, 0)" and fixes[0]["proven"]
    assert [f["code"] for f in fixes[1:2]] == ["window = tf.reshape(window, (-1, 1))"]
