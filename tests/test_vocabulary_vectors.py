"""A model declared for one vector over the vocabulary, fed a vectorizer's token ids (real Keras).

keras-io's bigram recipe (r1024): ``Input(shape=(vectorizer.vocabulary_size(),))`` and a Dense model want one
multi-hot vector per text; ``TextVectorization(output_mode="int")`` gives padded ids. The vectorizer's line
is the culprit, ``output_mode="multi_hot"`` the only fix (asking for vocabulary-many ids would train on ids
read as amounts), proven by running the patched script; the default mode (no ``output_mode``) alike.
"""

from __future__ import annotations

import pytest
from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

texts = np.array(["the cat sat", "a dog ran far", "the dog sat down", "a cat ran"])
vectorizer = layers.TextVectorization(output_mode="int")
vectorizer.adapt(texts)
inputs = keras.Input(shape=(vectorizer.vocabulary_size(),))
model = keras.Model(inputs, layers.Dense(1, activation="sigmoid")(inputs))
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(vectorizer(texts), np.array([1.0, 0.0, 1.0, 0.0]), epochs=1, verbose=0)
'''


@pytest.mark.parametrize("written", ['output_mode="int"', ""], ids=["int written", "int by default"])
def test_the_vectorizer_gives_one_vector_over_the_vocabulary(tmp_path, written):
    script = SCRIPT.replace('layers.TextVectorization(output_mode="int")', f"layers.TextVectorization({written})")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(script, "vectorizer = layers.TextVectorization(")
    assert [f["code"] for f in finding["fixes"]] == ['vectorizer = layers.TextVectorization(output_mode="multi_hot")']
    assert finding["fixes"][0]["verified"] and finding["fixes"][0]["proof"] == "passed"
