"""Token ids embedded twice (real Keras): a layer that embeds its ids itself, given an Embedding's vectors.

Transformer4keras #4 (r1046): the Transformer layer holds its own Embedding; the user puts a Keras Embedding
in front of it, so the layer embeds vectors again and its position table no longer adds. The author's fix
passes the ids straight in: the extra Embedding's line goes and its one reader takes the ids, proven by
running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops


class Encoder(layers.Layer):
    def __init__(self, vocab, dim, length, **kwargs):
        super().__init__(**kwargs)
        self.embed = layers.Embedding(vocab, dim)
        self.where = layers.Embedding(length, dim)
        self.length = length

    def call(self, ids):
        return self.embed(ids) + self.where(ops.arange(self.length))


ids = keras.Input(shape=(6,), dtype="int32")
vectors = layers.Embedding(20, 8)(ids)
encoded = Encoder(20, 8, 6)(vectors)
model = keras.Model(ids, layers.Dense(1)(layers.GlobalAveragePooling1D()(encoded)))
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.randint(0, 20, size=(16, 6)), np.random.rand(16, 1), epochs=1, verbose=0)
'''


def test_the_extra_embedding_goes_and_the_layer_gets_the_ids(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "vectors = layers.Embedding(20, 8)(ids)")
    first = finding["fixes"][0]
    assert first["verified"]
    assert first["code"] == ("# delete this line: vectors = layers.Embedding(20, 8)(ids)\n"
                             "encoded = Encoder(20, 8, 6)(ids)")
