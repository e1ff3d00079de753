import numpy as np
import keras
from keras import layers

VOCAB_SIZE = 200
MAX_LEN = 24
EMBED_DIM = 32
NUM_HEAD = 4
FF_DIM = 64


def encoder_block(query, i):
    attention_output = layers.MultiHeadAttention(
        num_heads=NUM_HEAD, key_dim=EMBED_DIM // NUM_HEAD, name=f"encoder_{i}_mha"
    )(query, query, query)
    attention_output = layers.Dropout(0.1)(attention_output)
    attention_output = layers.LayerNormalization(epsilon=1e-6)(query + attention_output)
    ffn = keras.Sequential(
        [
            layers.Dense(FF_DIM, activation="relu"),
            layers.Dense(FF_DIM),
        ],
        name=f"encoder_{i}_ffn",
    )
    ffn_output = ffn(attention_output)
    ffn_output = layers.Dropout(0.1)(ffn_output)
    return layers.LayerNormalization(epsilon=1e-6)(attention_output + ffn_output)


inputs = keras.Input((MAX_LEN,), dtype="int32")
word_embeddings = layers.Embedding(VOCAB_SIZE, EMBED_DIM)(inputs)
encoder_output = encoder_block(word_embeddings, 0)
mlm_output = layers.Dense(VOCAB_SIZE, activation="softmax")(encoder_output)
mlm_model = keras.Model(inputs, mlm_output)
mlm_model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
tokens = np.random.randint(1, VOCAB_SIZE, size=(16, MAX_LEN))
mlm_model.fit(tokens, tokens, batch_size=8, epochs=1, verbose=0)
