import numpy as np
import keras
from keras import layers, ops

rng = np.random.default_rng(982)

bert_config = {"vocab_size": 400, "hidden_size": 32, "num_attention_heads": 2,
               "intermediate_size": 64, "max_position_embeddings": 512}


class PositionEmbedding(layers.Layer):
    def __init__(self, input_dim, output_dim, **kwargs):
        super().__init__(**kwargs)
        self.input_dim, self.output_dim = input_dim, output_dim

    def build(self, input_shape):
        self.embeddings = self.add_weight(shape=(self.input_dim, self.output_dim), initializer="uniform", name="embeddings")

    def call(self, x):
        seq_len = ops.shape(x)[1]
        return x + ops.expand_dims(self.embeddings[:seq_len], 0)


def load_trained_model_from_checkpoint(config, seq_len=None):
    if seq_len is None:
        seq_len = config["max_position_embeddings"]
    else:
        seq_len = min(seq_len, config["max_position_embeddings"])
    token_in = keras.Input(shape=(seq_len,), name="Input-Token")
    segment_in = keras.Input(shape=(seq_len,), name="Input-Segment")
    x = layers.Add()([layers.Embedding(config["vocab_size"], config["hidden_size"])(token_in),
                      layers.Embedding(2, config["hidden_size"])(segment_in)])
    x = PositionEmbedding(config["max_position_embeddings"], config["hidden_size"], name="Embedding-Position")(x)
    att = layers.MultiHeadAttention(config["num_attention_heads"], config["hidden_size"] // config["num_attention_heads"])(x, x)
    x = layers.LayerNormalization()(layers.Add()([x, att]))
    ffn = layers.Dense(config["hidden_size"])(layers.Dense(config["intermediate_size"], activation="gelu")(x))
    x = layers.LayerNormalization()(layers.Add()([x, ffn]))
    return keras.Model([token_in, segment_in], x)


# short texts: every example is padded to 20 tokens
max_len = 20
tokens = rng.integers(1, bert_config["vocab_size"], size=(160, max_len))
tokens[:, 0] = 101
segments = np.zeros_like(tokens)
labels = rng.integers(0, 2, size=160)

bert_model = load_trained_model_from_checkpoint(bert_config)
cls = layers.Lambda(lambda seq: seq[:, 0])(bert_model.output)
out = layers.Dense(1, activation="sigmoid")(cls)
model = keras.Model(bert_model.inputs, out)
model.compile(optimizer=keras.optimizers.Adam(1e-4), loss="binary_crossentropy", metrics=["accuracy"])
model.fit([tokens, segments], labels, batch_size=16, epochs=1, verbose=0)
print("scores:", model.predict([tokens[:3], segments[:3]], verbose=0).ravel())
