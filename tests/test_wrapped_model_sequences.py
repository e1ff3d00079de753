"""A model applied per step by TimeDistributed that ends in a recurrent layer keeping its steps (real Keras; r1183).

A hierarchical encoder runs a whole model on every step: ``TimeDistributed(sentence_encoder)``. When that model's
last layer is an RNN (or a Bidirectional RNN) with ``return_sequences=True``, each step becomes a sequence instead of
one vector, and the next recurrent layer gets 4 axes. The root cause is that layer inside the wrapped model, at the
line that creates it, and the fix is ``return_sequences=False`` there, verified by replaying the edited model config.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

FUNCTIONAL = '''import numpy as np
import keras
from keras import layers

WORDS, SENTENCES, VOCAB = 15, 4, 300
docs = np.random.randint(1, VOCAB, size=(40, SENTENCES, WORDS))
labels = keras.utils.to_categorical(np.random.randint(0, 3, size=40), 3)

words_in = keras.Input(shape=(WORDS,), dtype="int32")
vectors = layers.Embedding(VOCAB, 16)(words_in)
sentence = layers.Bidirectional(layers.GRU(12, return_sequences=True))(vectors)
sentence_encoder = keras.Model(words_in, sentence)

doc_in = keras.Input(shape=(SENTENCES, WORDS), dtype="int32")
per_sentence = layers.TimeDistributed(sentence_encoder)(doc_in)
document = layers.GRU(12)(per_sentence)
model = keras.Model(doc_in, layers.Dense(3, activation="softmax")(document))
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(docs, labels, epochs=1, verbose=0)
'''

SEQUENTIAL = '''import numpy as np
import keras
from keras import layers

FRAMES, STEPS, FEATS = 5, 12, 3
x = np.random.rand(64, FRAMES, STEPS, FEATS).astype("float32")
y = np.random.randint(0, 2, size=(64, 1))

clip_encoder = keras.Sequential([
    keras.Input(shape=(STEPS, FEATS)),
    layers.Conv1D(16, 3, padding="same", activation="relu"),
    layers.GRU(24, return_sequences=True),
])
clips = keras.Input(shape=(FRAMES, STEPS, FEATS))
encoded = layers.TimeDistributed(clip_encoder)(clips)
summary = layers.LSTM(16)(encoded)
out = layers.Dense(1, activation="sigmoid")(summary)
model = keras.Model(clips, out)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x, y, epochs=1, verbose=0)
'''


def test_a_functional_encoder_ending_in_a_bidirectional_rnn(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, FUNCTIONAL)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(FUNCTIONAL, "sentence = layers.Bidirectional(")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["verified"] and first["line"] == line
    assert first["code"] == "sentence = layers.Bidirectional(layers.GRU(12, return_sequences=False))(vectors)"
    assert first["result_shape"] == "(None, 12)"  # the refusing GRU's output


def test_the_encoder_layer_is_named_when_the_refusing_layer_is_a_bidirectional(tmp_path):
    source = FUNCTIONAL.replace("document = layers.GRU(12)(per_sentence)",
                                "document = layers.Bidirectional(layers.GRU(12))(per_sentence)")
    report, _, proc = run_json(run_cli, tmp_path, source)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    culprit = finding["culprit"]
    assert (culprit["line"], culprit["class"]) == (line_of(source, "sentence = layers.Bidirectional("), "Bidirectional")
    assert "applies a whole model to every step" in finding["explanation"]
    assert finding["fixes"][0]["code"].endswith("layers.GRU(12, return_sequences=False))(vectors)")


def test_a_sequential_encoder_ending_in_an_rnn(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SEQUENTIAL)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SEQUENTIAL, "layers.GRU(24, return_sequences=True)")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["verified"] and first["line"] == line and first["code"] == "layers.GRU(24, return_sequences=False),"
