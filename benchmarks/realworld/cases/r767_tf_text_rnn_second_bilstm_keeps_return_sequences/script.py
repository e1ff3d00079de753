# Review sentiment classifier (TensorFlow "Text classification with an RNN" tutorial
# style): a TextVectorization encoder, a masked Embedding, two stacked bidirectional
# LSTMs, a Dense head and one logit per review trained with BinaryCrossentropy.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(12)
words = ["good", "bad", "movie", "plot", "great", "boring", "acting", "loved", "hated", "fine",
         "the", "a", "was", "really", "not", "story", "ending", "cast", "film", "slow"]
texts = [" ".join(rng.choice(words, size=rng.integers(5, 25))) for _ in range(96)]
labels = rng.integers(0, 2, size=(96,)).astype("float32")

BUFFER_SIZE = 100
BATCH_SIZE = 16
train_dataset = tf.data.Dataset.from_tensor_slices((texts[:80], labels[:80]))
test_dataset = tf.data.Dataset.from_tensor_slices((texts[80:], labels[80:]))
train_dataset = train_dataset.shuffle(BUFFER_SIZE).batch(BATCH_SIZE).prefetch(tf.data.AUTOTUNE)
test_dataset = test_dataset.batch(BATCH_SIZE).prefetch(tf.data.AUTOTUNE)

VOCAB_SIZE = 1000
encoder = tf.keras.layers.TextVectorization(max_tokens=VOCAB_SIZE)
encoder.adapt(train_dataset.map(lambda text, label: text))

model = tf.keras.Sequential([
    encoder,
    tf.keras.layers.Embedding(len(encoder.get_vocabulary()), 32, mask_zero=True),
    tf.keras.layers.Bidirectional(tf.keras.layers.LSTM(32, return_sequences=True)),
    tf.keras.layers.Bidirectional(tf.keras.layers.LSTM(16, return_sequences=True)),
    tf.keras.layers.Dense(32, activation="relu"),
    tf.keras.layers.Dropout(0.5),
    tf.keras.layers.Dense(1),
])
model.compile(loss=tf.keras.losses.BinaryCrossentropy(from_logits=True),
              optimizer=tf.keras.optimizers.Adam(1e-4),
              metrics=["accuracy"])
history = model.fit(train_dataset, epochs=2, validation_data=test_dataset, validation_steps=1, verbose=0)
test_loss, test_acc = model.evaluate(test_dataset, verbose=0)
print("test loss", test_loss, "test acc", test_acc)
print(model.predict(tf.constant(["the movie was really great"]), verbose=0).shape)
