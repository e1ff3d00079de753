# Stack Overflow question tagging (4 languages): TextVectorization in int mode + Embedding + Conv1D model.
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers, losses
from tensorflow.keras.layers import TextVectorization

rng = np.random.default_rng(0)
words = {0: "csharp linq async", 1: "java spring jvm", 2: "javascript node dom", 3: "python pandas numpy"}
filler = "how do i sort list when blank loop error string file value".split()


def make_questions(n):
    labels = rng.integers(0, 4, size=n)
    texts = [" ".join(rng.choice(filler, 12).tolist() + words[int(k)].split()) for k in labels]
    return tf.data.Dataset.from_tensor_slices((texts, labels)).batch(32)


raw_train_ds = make_questions(256).cache().prefetch(tf.data.AUTOTUNE)
raw_val_ds = make_questions(64).cache().prefetch(tf.data.AUTOTUNE)

VOCAB_SIZE = 1000
MAX_SEQUENCE_LENGTH = 40
int_vectorize_layer = TextVectorization(max_tokens=VOCAB_SIZE, output_mode="int",
                                        output_sequence_length=MAX_SEQUENCE_LENGTH)
int_vectorize_layer.adapt(raw_train_ds.map(lambda text, labels: text))


def create_model(vocab_size, num_labels, vectorizer=None):
    my_layers = []
    if vectorizer is not None:
        my_layers = [vectorizer]
    my_layers.extend([
        layers.Embedding(vocab_size, 64, mask_zero=True),
        layers.Dropout(0.5),
        layers.Conv1D(64, 5, padding="valid", activation="relu", strides=2),
        layers.Dense(num_labels),
    ])
    return tf.keras.Sequential(my_layers)


int_model = create_model(vocab_size=VOCAB_SIZE + 1, num_labels=4, vectorizer=int_vectorize_layer)
int_model.compile(loss=losses.SparseCategoricalCrossentropy(from_logits=True),
                  optimizer="adam", metrics=["accuracy"])
int_history = int_model.fit(raw_train_ds, validation_data=raw_val_ds, epochs=2, verbose=0)
print("val accuracy:", int_history.history["val_accuracy"][-1])
