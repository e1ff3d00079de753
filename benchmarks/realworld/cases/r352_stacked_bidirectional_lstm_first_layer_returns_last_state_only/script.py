"""Text classification with stacked bidirectional LSTMs on movie reviews."""
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(0)
words = ["good", "bad", "movie", "plot", "actors", "great", "boring", "the", "was", "really",
         "fun", "awful", "animation", "music", "story", "not", "i", "would", "recommend", "this"]
reviews = [" ".join(rng.choice(words, size=rng.integers(5, 20))) for _ in range(128)]
labels = rng.integers(0, 2, size=128)

BUFFER_SIZE = 1000
BATCH_SIZE = 16
train_dataset = tf.data.Dataset.from_tensor_slices((reviews, labels))
train_dataset = train_dataset.shuffle(BUFFER_SIZE).batch(BATCH_SIZE).prefetch(tf.data.AUTOTUNE)

VOCAB_SIZE = 1000
encoder = tf.keras.layers.TextVectorization(max_tokens=VOCAB_SIZE)
encoder.adapt(train_dataset.map(lambda text, label: text))

# Stack two or more LSTM layers
model = tf.keras.Sequential([
    encoder,
    tf.keras.layers.Embedding(len(encoder.get_vocabulary()), 64, mask_zero=True),
    tf.keras.layers.Bidirectional(tf.keras.layers.LSTM(64)),
    tf.keras.layers.Bidirectional(tf.keras.layers.LSTM(32)),
    tf.keras.layers.Dense(64, activation="relu"),
    tf.keras.layers.Dropout(0.5),
    tf.keras.layers.Dense(1),
])

model.compile(loss=tf.keras.losses.BinaryCrossentropy(from_logits=True),
              optimizer=tf.keras.optimizers.Adam(1e-4),
              metrics=["accuracy"])

# predict on a sample text without padding.
sample_text = ("The movie was not good. The animation and the graphics "
               "were terrible. I would not recommend this movie.")
predictions = model.predict(tf.constant([sample_text]))
print(predictions)

history = model.fit(train_dataset, epochs=2, verbose=2)
