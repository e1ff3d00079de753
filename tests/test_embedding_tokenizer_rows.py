"""An Embedding with fewer rows than the ids its tokenizer gives (real Keras).

The ids come from an adapted ``TextVectorization``: the Embedding needs a row for every id that
vocabulary can give (its ``max_tokens``), not only for the largest id today's data holds, so the first
fix sizes the Embedding to the tokenizer, written with the user's own name for that size.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

VOCAB = 400
rng = np.random.default_rng(0)
words = np.array([f"w{i}" for i in range(350)])
texts = [" ".join(rng.choice(words, size=30)) for _ in range(120)]
vectorize = layers.TextVectorization(max_tokens=VOCAB, output_sequence_length=30)
vectorize.adapt(texts)
x = vectorize(texts).numpy()
y = rng.integers(0, 2, size=120)
model = keras.Sequential([keras.Input(shape=(30,)), layers.Embedding(100, 16),
                          layers.GlobalAveragePooling1D(), layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x, y, epochs=1, verbose=0)
print("trained")
'''


def test_the_embedding_gets_a_row_for_every_id_of_the_tokenizer(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "layers.Embedding(100, 16)")
    first, second = finding["fixes"][:2]
    assert "Embedding(VOCAB, 16)" in first["code"] and first["verified"], first
    assert "vectorize" in finding["explanation"]
    # the data-only size (largest id + 1) stays as the second choice
    assert "Embedding(" in second["code"] and "VOCAB" not in second["code"]


def test_without_a_tokenizer_the_largest_id_sizes_it(tmp_path):
    plain = SCRIPT.replace("vectorize.adapt(texts)\n", "").replace(
        "vectorize = layers.TextVectorization(max_tokens=VOCAB, output_sequence_length=30)\n", "").replace(
        "x = vectorize(texts).numpy()", "x = np.random.randint(0, 352, size=(120, 30))")
    assert "vectorize" not in plain
    report, _, proc = run_json(run_cli, tmp_path, plain)
    assert proc.returncode == 1, proc.stderr
    fix = report["findings"][0]["fixes"][0]
    assert "Embedding(352, 16)" in fix["code"] and fix["verified"], fix
