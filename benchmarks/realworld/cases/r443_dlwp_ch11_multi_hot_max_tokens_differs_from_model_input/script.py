import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(0)
positive = ["great", "loved", "superb", "touching"]
negative = ["awful", "hated", "boring", "mess"]
common = [f"word{i}" for i in range(600)]  # a vocabulary larger than max_tokens
texts, labels = [], []
for i in range(400):
    label = i % 2
    words = list(rng.choice(common, size=12)) + list(rng.choice(positive if label else negative, size=2))
    texts.append(" ".join(words))
    labels.append(label)
train_ds = tf.data.Dataset.from_tensor_slices((texts[:320], labels[:320])).batch(32)
val_ds = tf.data.Dataset.from_tensor_slices((texts[320:], labels[320:])).batch(32)
text_only_train_ds = train_ds.map(lambda x, y: x)

text_vectorization = layers.TextVectorization(max_tokens=150, output_mode="multi_hot")
text_vectorization.adapt(text_only_train_ds)

binary_1gram_train_ds = train_ds.map(lambda x, y: (text_vectorization(x), y))
binary_1gram_val_ds = val_ds.map(lambda x, y: (text_vectorization(x), y))


def get_model(max_tokens=300, hidden_dim=16):
    inputs = keras.Input(shape=(max_tokens,))
    x = layers.Dense(hidden_dim, activation="relu")(inputs)
    x = layers.Dropout(0.5)(x)
    outputs = layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model


model = get_model()
model.fit(binary_1gram_train_ds, validation_data=binary_1gram_val_ds, epochs=2)
print(f"Val acc: {model.evaluate(binary_1gram_val_ds)[1]:.3f}")
