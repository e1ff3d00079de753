# Small Transformer sentiment classifier (keras-io float8 recipe style): reviews are
# tokenized to fixed-length id sequences, embedded with token + position embeddings,
# passed through one attention block, averaged over time and classified.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

BATCH_SIZE = 32
VOCABULARY_SIZE = 400
MAX_SEQUENCE_LENGTH = 40
MODEL_KWARGS = dict(vocabulary_size=VOCABULARY_SIZE, max_sequence_length=MAX_SEQUENCE_LENGTH,
                    hidden_dim=32, num_heads=2, intermediate_dim=32, dropout=0.1)

rng = np.random.default_rng(986)
words = np.array(["good", "bad", "plot", "actor", "boring", "great", "film", "scene", "awful", "fun"])
labels = rng.integers(0, 2, size=256)
reviews = [" ".join(rng.choice(words, size=rng.integers(8, 30))) for _ in range(256)]

train_ds = tf.data.Dataset.from_tensor_slices((reviews[:192], labels[:192])).batch(BATCH_SIZE)
val_ds = tf.data.Dataset.from_tensor_slices((reviews[192:], labels[192:])).batch(BATCH_SIZE)
train_ds = train_ds.map(lambda x, y: (tf.strings.lower(x), y))
val_ds = val_ds.map(lambda x, y: (tf.strings.lower(x), y))

tokenizer = layers.TextVectorization(max_tokens=VOCABULARY_SIZE, output_sequence_length=MAX_SEQUENCE_LENGTH)
tokenizer.adapt(train_ds.map(lambda x, y: x))


def format_dataset(sentence, label):
    return {"input_ids": tokenizer(sentence)}, label


def make_dataset(dataset):
    dataset = dataset.map(format_dataset, num_parallel_calls=tf.data.AUTOTUNE)
    return dataset.batch(BATCH_SIZE).shuffle(512).prefetch(tf.data.AUTOTUNE).cache()


train_ds = make_dataset(train_ds)
val_ds = make_dataset(val_ds)


class TokenAndPositionEmbedding(layers.Layer):
    def __init__(self, vocabulary_size, sequence_length, embedding_dim, **kwargs):
        super().__init__(**kwargs)
        self.token_emb = layers.Embedding(vocabulary_size, embedding_dim)
        self.pos_emb = layers.Embedding(sequence_length, embedding_dim)

    def call(self, x):
        positions = keras.ops.arange(0, keras.ops.shape(x)[-1])
        return self.token_emb(x) + self.pos_emb(positions)


def build_model(vocabulary_size=20000, max_sequence_length=200, hidden_dim=32, num_heads=2,
                intermediate_dim=32, dropout=0.1):
    token_id_input = keras.Input(shape=(None,), dtype="int32", name="input_ids")
    x = TokenAndPositionEmbedding(vocabulary_size, max_sequence_length, hidden_dim)(token_id_input)
    x = layers.Dropout(dropout)(x)
    attn = layers.MultiHeadAttention(num_heads, hidden_dim // num_heads)(x, x, use_causal_mask=True)
    x = layers.LayerNormalization()(x + attn)
    ffn = layers.Dense(hidden_dim)(layers.Dense(intermediate_dim, activation="relu")(x))
    x = layers.LayerNormalization()(x + ffn)
    x = layers.GlobalAveragePooling1D()(x)
    x = layers.Dropout(dropout)(x)
    x = layers.Dense(intermediate_dim, activation="relu")(x)
    x = layers.Dropout(dropout)(x)
    outputs = layers.Dense(1, activation="sigmoid")(x)
    return keras.Model(inputs=token_id_input, outputs=outputs)


model = build_model(**MODEL_KWARGS)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
history = model.fit(train_ds, epochs=2, validation_data=val_ds, verbose=0)
print(f"val accuracy: {history.history['val_accuracy'][-1]:.2%}")
