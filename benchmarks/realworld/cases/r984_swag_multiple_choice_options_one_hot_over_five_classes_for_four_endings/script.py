# Multiple-choice scorer in the style of the keras-io SWAG example: each (context + ending)
# pair is scored by one shared classifier with a single logit, and the per-option logits
# are joined and passed through a softmax over the options.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

NUM_OPTIONS = 4
SEQ_LEN = 20
VOCAB = 500
BATCH_SIZE = 8

rng = np.random.default_rng(984)
n_rows = 96
token_ids = rng.integers(1, VOCAB, size=(n_rows, NUM_OPTIONS, SEQ_LEN)).astype("int32")
padding_mask = np.ones_like(token_ids)
padding_mask[..., 15:] = 0
token_ids[..., 15:] = 0
answers = rng.integers(0, NUM_OPTIONS, size=n_rows)


def build_dataset(tokens, mask, labels, batch_size):
    slices = ({"token_ids": tokens, "padding_mask": mask},
              keras.utils.to_categorical(labels, num_classes=5))
    ds = tf.data.Dataset.from_tensor_slices(slices)
    ds = ds.shuffle(128, seed=42)
    return ds.batch(batch_size, drop_remainder=True).prefetch(tf.data.AUTOTUNE)


class SelectOption(layers.Layer):
    def __init__(self, index, **kwargs):
        super().__init__(**kwargs)
        self.index = index

    def call(self, inputs):
        return inputs[:, self.index, :]


def pair_classifier():
    ids = keras.Input(shape=(SEQ_LEN,), dtype="int32", name="token_ids")
    mask = keras.Input(shape=(SEQ_LEN,), dtype="int32", name="padding_mask")
    h = layers.Embedding(VOCAB, 32)(ids)
    h = layers.Conv1D(32, 3, padding="same", activation="gelu")(h)
    h = layers.GlobalAveragePooling1D()(h, mask=keras.ops.cast(mask, "bool"))
    logit = layers.Dense(1)(h)
    return keras.Model({"token_ids": ids, "padding_mask": mask}, logit)


def build_model():
    inputs = {
        "token_ids": keras.Input(shape=(NUM_OPTIONS, SEQ_LEN), dtype="int32", name="token_ids"),
        "padding_mask": keras.Input(shape=(NUM_OPTIONS, SEQ_LEN), dtype="int32", name="padding_mask"),
    }
    classifier = pair_classifier()
    logits = []
    for option_idx in range(NUM_OPTIONS):
        option = {k: SelectOption(option_idx, name=f"{k}_{option_idx}")(v) for k, v in inputs.items()}
        logits.append(classifier(option))
    logits = layers.Concatenate(axis=-1)(logits)
    outputs = layers.Softmax(axis=-1)(logits)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.AdamW(1e-3), loss=keras.losses.CategoricalCrossentropy(),
                  metrics=["accuracy"])
    return model


train_ds = build_dataset(token_ids[:80], padding_mask[:80], answers[:80], BATCH_SIZE)
valid_ds = build_dataset(token_ids[80:], padding_mask[80:], answers[80:], BATCH_SIZE)
model = build_model()
history = model.fit(train_ds, validation_data=valid_ds, epochs=2, verbose=0)
print("val accuracy:", round(history.history["val_accuracy"][-1], 3))
