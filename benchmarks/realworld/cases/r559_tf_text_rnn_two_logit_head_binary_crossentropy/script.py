# Review sentiment classifier: TextVectorization -> Embedding(mask_zero) -> Bidirectional LSTM.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(8)
words = np.array(["good", "bad", "plot", "actor", "boring", "great", "awful", "fun", "slow", "story"])
texts = [" ".join(rng.choice(words, size=rng.integers(4, 12))) for _ in range(320)]
labels = rng.integers(0, 2, size=320).astype("int64")

train_dataset = tf.data.Dataset.from_tensor_slices((texts[:256], labels[:256])).shuffle(256).batch(32)
test_dataset = tf.data.Dataset.from_tensor_slices((texts[256:], labels[256:])).batch(32)

VOCAB_SIZE = 1000
encoder = tf.keras.layers.TextVectorization(max_tokens=VOCAB_SIZE)
encoder.adapt(train_dataset.map(lambda text, label: text))

model = tf.keras.Sequential([
    encoder,
    tf.keras.layers.Embedding(input_dim=len(encoder.get_vocabulary()), output_dim=64, mask_zero=True),
    tf.keras.layers.Bidirectional(tf.keras.layers.LSTM(64)),
    tf.keras.layers.Dense(64, activation="relu"),
    tf.keras.layers.Dense(2),
])
model.compile(loss=tf.keras.losses.BinaryCrossentropy(from_logits=True),
              optimizer=tf.keras.optimizers.Adam(1e-4),
              metrics=["accuracy"])
history = model.fit(train_dataset, epochs=2, validation_data=test_dataset, verbose=0)
test_loss, test_acc = model.evaluate(test_dataset, verbose=0)
print("test accuracy:", test_acc)
print("logits shape:", model.predict(tf.constant(["great fun story"]), verbose=0).shape)
