import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(0)
good = ["great", "wonderful", "moving", "brilliant", "fun"]
bad = ["boring", "awful", "dull", "weak", "silly"]
filler = ["the", "movie", "was", "a", "plot", "and", "acting", "really", "quite"]
texts, labels = [], []
for i in range(320):
    label = i % 2
    words = list(rng.choice(filler, size=8)) + list(rng.choice(good if label else bad, size=3))
    rng.shuffle(words)
    texts.append(" ".join(words))
    labels.append(label)
train_ds = tf.data.Dataset.from_tensor_slices((texts, np.array(labels, "int32"))).batch(32)

vocab_size = 100
sequence_length = 20
vectorize_layer = layers.TextVectorization(
    max_tokens=vocab_size, output_mode="int", output_sequence_length=sequence_length
)
vectorize_layer.adapt(train_ds.map(lambda text, label: text))

embedding_dim = 16
model = keras.Sequential(
    [
        vectorize_layer,
        layers.Embedding(vocab_size, embedding_dim, name="embedding"),
        layers.Dense(16, activation="relu"),
        layers.Dense(1),
    ]
)
model.compile(
    optimizer="adam",
    loss=keras.losses.BinaryCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
model.fit(train_ds, epochs=3)
print(model.predict(tf.constant(["a wonderful brilliant movie"])).shape)
