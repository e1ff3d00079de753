# BBC-news style topic classifier (course assignment): texts are vectorized, the
# five category names are encoded with a StringLookup, and an Embedding +
# GlobalAveragePooling1D model with a 5-way softmax is trained on the batches.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(2)
topics = ["sport", "business", "politics", "tech", "entertainment"]
words = {t: [f"{t[:3]}{i}" for i in range(12)] for t in topics}
labels = rng.choice(topics, size=250)
texts = [" ".join(rng.choice(words[t], size=rng.integers(8, 30))) for t in labels]
dataset = tf.data.Dataset.from_tensor_slices((texts, labels))
train_dataset, validation_dataset = dataset.take(200), dataset.skip(200)

vectorizer = layers.TextVectorization(max_tokens=100, output_sequence_length=40)
vectorizer.adapt(train_dataset.map(lambda text, label: text))

label_encoder = layers.StringLookup()
label_encoder.adapt(train_dataset.map(lambda text, label: label).concatenate(
    validation_dataset.map(lambda text, label: label)))


def preprocess_dataset(dataset, text_vectorizer, label_encoder):
    dataset = dataset.map(lambda text, label: (text_vectorizer(text), label_encoder(label)))
    return dataset.batch(32)


train_proc_dataset = preprocess_dataset(train_dataset, vectorizer, label_encoder)
validation_proc_dataset = preprocess_dataset(validation_dataset, vectorizer, label_encoder)

model = keras.Sequential([
    keras.Input(shape=(40,)),
    layers.Embedding(100, 16),
    layers.GlobalAveragePooling1D(),
    layers.Dense(16, activation="relu"),
    layers.Dense(5, activation="softmax"),
])
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(train_proc_dataset, epochs=2, validation_data=validation_proc_dataset, verbose=0)
print("labels:", label_encoder.get_vocabulary())
