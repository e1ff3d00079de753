# Tiny Transformer classifier for product reviews: the text datasets come batched from
# the loader, the tokenizer maps each batch of strings to fixed-length id matrices, and
# the pipeline only shuffles, prefetches and caches after that.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

REVIEWS_PER_BATCH = 24
VOCAB_LIMIT = 300
SEQ_LEN = 32
HYPER = dict(vocab_limit=VOCAB_LIMIT, seq_len=SEQ_LEN, width=24, heads=3, ffn_width=48, drop=0.1)

gen = np.random.default_rng(191)
lexicon = np.array(["cheap", "broken", "sturdy", "love", "hate", "returned", "works", "battery", "fast", "slow"])
stars = gen.integers(0, 2, size=216)
texts = [" ".join(gen.choice(lexicon, size=gen.integers(6, 28))) for _ in range(216)]

fit_split = tf.data.Dataset.from_tensor_slices((texts[:168], stars[:168])).batch(REVIEWS_PER_BATCH)
check_split = tf.data.Dataset.from_tensor_slices((texts[168:], stars[168:])).batch(REVIEWS_PER_BATCH)
fit_split = fit_split.map(lambda t, s: (tf.strings.lower(t), s))
check_split = check_split.map(lambda t, s: (tf.strings.lower(t), s))

word_ids = layers.TextVectorization(max_tokens=VOCAB_LIMIT, output_sequence_length=SEQ_LEN)
word_ids.adapt(fit_split.map(lambda t, s: t))


def to_features(batch_text, batch_stars):
    return {"token_ids": word_ids(batch_text)}, batch_stars


def prepare(split):
    split = split.map(to_features, num_parallel_calls=tf.data.AUTOTUNE)
    return split.shuffle(256).prefetch(tf.data.AUTOTUNE).cache()


fit_split = prepare(fit_split)
check_split = prepare(check_split)


class WordAndSlotEmbedding(layers.Layer):
    def __init__(self, vocab_limit, seq_len, width, **kwargs):
        super().__init__(**kwargs)
        self.words = layers.Embedding(vocab_limit, width)
        self.slots = layers.Embedding(seq_len, width)

    def call(self, ids):
        return self.words(ids) + self.slots(keras.ops.arange(0, keras.ops.shape(ids)[-1]))


def review_classifier(vocab_limit, seq_len, width, heads, ffn_width, drop):
    ids = keras.Input(shape=(None,), dtype="int32", name="token_ids")
    h = layers.Dropout(drop)(WordAndSlotEmbedding(vocab_limit, seq_len, width)(ids))
    att = layers.MultiHeadAttention(heads, width // heads)(h, h)
    h = layers.LayerNormalization()(h + att)
    h = layers.LayerNormalization()(h + layers.Dense(width)(layers.Dense(ffn_width, activation="relu")(h)))
    h = layers.GlobalAveragePooling1D()(h)
    h = layers.Dense(ffn_width, activation="relu")(layers.Dropout(drop)(h))
    return keras.Model(ids, layers.Dense(1, activation="sigmoid")(layers.Dropout(drop)(h)))


clf = review_classifier(**HYPER)
clf.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
log = clf.fit(fit_split, epochs=2, validation_data=check_split, verbose=0)
print(f"held-out accuracy: {log.history['val_accuracy'][-1]:.2%}")
