# Sentiment analysis of short reviews: TextVectorization -> Embedding(mask_zero=True) -> GRU -> sigmoid.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(16)
good = ["great", "wonderful", "moving", "brilliant", "fun"]
bad = ["boring", "awful", "dull", "weak", "silly"]
filler = ["the", "movie", "plot", "actors", "was", "and", "really", "a", "story"]


def make_reviews(n):
    labels = rng.integers(0, 2, size=n)
    reviews = [" ".join(rng.choice(filler + (good if y else bad), size=rng.integers(5, 25)))
               for y in labels]
    return reviews, labels


train_reviews, train_labels = make_reviews(400)
valid_reviews, valid_labels = make_reviews(100)
train_set = tf.data.Dataset.from_tensor_slices((train_reviews, train_labels)).shuffle(400).batch(32).prefetch(1)
valid_set = tf.data.Dataset.from_tensor_slices((valid_reviews, valid_labels)).batch(32).prefetch(1)

vocab_size = 1000
text_vec_layer = tf.keras.layers.TextVectorization(max_tokens=vocab_size)
text_vec_layer.adapt(train_set.map(lambda reviews, labels: reviews))

embed_size = 128
tf.random.set_seed(42)
model = tf.keras.Sequential([
    text_vec_layer,
    tf.keras.layers.Embedding(vocab_size, embed_size, mask_zero=True),
    tf.keras.layers.GRU(128, return_sequences=True),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(loss="binary_crossentropy", optimizer="nadam", metrics=["accuracy"])
history = model.fit(train_set, validation_data=valid_set, epochs=2, verbose=0)
print(history.history["val_accuracy"][-1])
