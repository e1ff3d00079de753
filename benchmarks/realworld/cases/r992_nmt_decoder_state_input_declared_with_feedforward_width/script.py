# English-to-Spanish style translation Transformer (after the keras-io KerasHub NMT
# example): the encoder and decoder are separate models, the decoder reads the
# encoded source sequence through cross-attention, and both are chained for training.
import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

BATCH_SIZE = 16
EMBED_DIM = 32
INTERMEDIATE_DIM = 64
NUM_HEADS = 4
MAX_SEQUENCE_LENGTH = 12
ENG_VOCAB_SIZE = 200
SPA_VOCAB_SIZE = 220

rng = np.random.default_rng(992)
eng_words = [f"e{i}" for i in range(60)]
spa_words = [f"s{i}" for i in range(60)]
pairs = []
for _ in range(160):
    n = rng.integers(3, 9)
    idx = rng.integers(0, 60, size=n)
    pairs.append((" ".join(eng_words[i] for i in idx), " ".join(spa_words[i] for i in idx[::-1])))
train_pairs, val_pairs = pairs[:128], pairs[128:]

eng_tokenizer = layers.TextVectorization(ENG_VOCAB_SIZE, output_sequence_length=MAX_SEQUENCE_LENGTH)
spa_tokenizer = layers.TextVectorization(SPA_VOCAB_SIZE, output_sequence_length=MAX_SEQUENCE_LENGTH + 1,
                                         standardize=None)
eng_tokenizer.adapt([p[0] for p in train_pairs])
spa_tokenizer.adapt(["[START] " + p[1] + " [END]" for p in train_pairs])


def preprocess_batch(eng, spa):
    eng = eng_tokenizer(eng)
    spa = spa_tokenizer(tf.strings.join(["[START] ", spa, " [END]"]))
    return {"encoder_inputs": eng, "decoder_inputs": spa[:, :-1]}, spa[:, 1:]


def make_dataset(pairs):
    eng_texts, spa_texts = map(list, zip(*pairs))
    dataset = tf.data.Dataset.from_tensor_slices((eng_texts, spa_texts)).batch(BATCH_SIZE)
    dataset = dataset.map(preprocess_batch, num_parallel_calls=tf.data.AUTOTUNE)
    return dataset.shuffle(256).prefetch(16).cache()


train_ds, val_ds = make_dataset(train_pairs), make_dataset(val_pairs)


class TokenAndPositionEmbedding(layers.Layer):
    def __init__(self, vocabulary_size, sequence_length, embedding_dim, **kwargs):
        super().__init__(**kwargs)
        self.tokens = layers.Embedding(vocabulary_size, embedding_dim)
        self.positions = layers.Embedding(sequence_length, embedding_dim)

    def call(self, x):
        return self.tokens(x) + self.positions(ops.arange(ops.shape(x)[-1]))


def transformer_block(x, context=None, causal=False):
    attn = layers.MultiHeadAttention(NUM_HEADS, EMBED_DIM // NUM_HEADS)(x, x, use_causal_mask=causal)
    x = layers.LayerNormalization()(x + attn)
    if context is not None:
        cross = layers.MultiHeadAttention(NUM_HEADS, EMBED_DIM // NUM_HEADS)(x, context)
        x = layers.LayerNormalization()(x + cross)
    ffn = layers.Dense(EMBED_DIM)(layers.Dense(INTERMEDIATE_DIM, activation="relu")(x))
    return layers.LayerNormalization()(x + ffn)


# Encoder
encoder_inputs = keras.Input(shape=(None,), name="encoder_inputs")
x = TokenAndPositionEmbedding(ENG_VOCAB_SIZE, MAX_SEQUENCE_LENGTH, EMBED_DIM)(encoder_inputs)
encoder_outputs = transformer_block(x)
encoder = keras.Model(encoder_inputs, encoder_outputs)

# Decoder
decoder_inputs = keras.Input(shape=(None,), name="decoder_inputs")
encoded_seq_inputs = keras.Input(shape=(None, INTERMEDIATE_DIM), name="decoder_state_inputs")
x = TokenAndPositionEmbedding(SPA_VOCAB_SIZE, MAX_SEQUENCE_LENGTH, EMBED_DIM)(decoder_inputs)
x = transformer_block(x, context=encoded_seq_inputs, causal=True)
x = layers.Dropout(0.5)(x)
decoder_outputs = layers.Dense(SPA_VOCAB_SIZE, activation="softmax")(x)
decoder = keras.Model([decoder_inputs, encoded_seq_inputs], decoder_outputs)
decoder_outputs = decoder([decoder_inputs, encoder_outputs])

transformer = keras.Model([encoder_inputs, decoder_inputs], decoder_outputs, name="transformer")
transformer.compile("rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
transformer.fit(train_ds, epochs=1, validation_data=val_ds, verbose=0)
print("val accuracy:", round(transformer.evaluate(val_ds, verbose=0)[1], 3))
