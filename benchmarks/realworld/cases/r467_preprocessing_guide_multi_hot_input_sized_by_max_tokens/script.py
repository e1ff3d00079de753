# Bigram multi-hot text features fed to a linear model.
import tensorflow as tf
import keras
from keras import layers

max_tokens = 500
adapt_data = tf.constant([
    "The Brain is wider than the Sky",
    "For put them side by side",
    "The one the other will contain",
    "With ease and You beside",
])
text_vectorizer = layers.TextVectorization(max_tokens=max_tokens, output_mode="multi_hot", ngrams=2)
text_vectorizer.adapt(adapt_data)

inputs = keras.Input(shape=(max_tokens,))
outputs = layers.Dense(1)(inputs)
model = keras.Model(inputs, outputs)

train_dataset = tf.data.Dataset.from_tensor_slices(
    (["The Brain is deeper than the sea", "for if they are held Blue to Blue",
      "The one the other", "side by side with ease"], [1, 0, 1, 0])
)
train_dataset = train_dataset.batch(2).map(lambda x, y: (text_vectorizer(x), y))

model.compile(optimizer="rmsprop", loss="mse")
model.fit(train_dataset, epochs=2)
