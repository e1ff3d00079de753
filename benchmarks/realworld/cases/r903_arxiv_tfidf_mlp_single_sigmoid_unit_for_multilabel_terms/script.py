import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(903)
words = ["graph", "neural", "vision", "language", "learning", "robot", "policy",
         "image", "token", "kernel", "bayes", "sparse", "attention", "reward"]
subject_areas = ["cs.LG", "cs.CV", "cs.CL", "stat.ML", "cs.RO"]

abstracts = [" ".join(rng.choice(words, size=rng.integers(10, 30))) for _ in range(96)]
terms = [list(rng.choice(subject_areas, size=rng.integers(1, 3), replace=False)) for _ in range(96)]
label_binarized = np.array([[float(a in t) for a in subject_areas] for t in terms], dtype="float32")

batch_size = 16


def make_dataset(texts, labels):
    ds = tf.data.Dataset.from_tensor_slices((texts, labels))
    ds = ds.map(lambda text, label: (tf.expand_dims(text, -1), label))
    return ds.batch(batch_size).prefetch(tf.data.AUTOTUNE)


train_dataset = make_dataset(abstracts[:80], label_binarized[:80])
validation_dataset = make_dataset(abstracts[80:], label_binarized[80:])

text_vectorizer = layers.TextVectorization(max_tokens=200, ngrams=2, output_mode="tf_idf")
text_vectorizer.adapt(train_dataset.map(lambda text, label: text))

shallow_mlp_model = keras.Sequential(
    [
        text_vectorizer,
        layers.Dense(64, activation="relu"),
        layers.Dense(32, activation="relu"),
        layers.Dense(1, activation="sigmoid"),
    ]
)
shallow_mlp_model.compile(
    loss="binary_crossentropy", optimizer="adam", metrics=["categorical_accuracy"]
)
history = shallow_mlp_model.fit(train_dataset, validation_data=validation_dataset, epochs=2, verbose=0)
print("final loss:", history.history["loss"][-1])
