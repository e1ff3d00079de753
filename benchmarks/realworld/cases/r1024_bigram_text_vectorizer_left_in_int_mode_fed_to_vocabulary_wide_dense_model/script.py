import numpy as np
import tensorflow as tf
import keras
from keras import layers

adapt_data = tf.constant(
    [
        "The Brain is wider than the Sky",
        "For put them side by side",
        "The one the other will contain",
        "With ease and You beside",
    ]
)
# index all unigrams and bigrams
text_vectorizer = layers.TextVectorization(output_mode="int", ngrams=2)
text_vectorizer.adapt(adapt_data)
print("vocabulary size:", text_vectorizer.vocabulary_size())

inputs = keras.Input(shape=(text_vectorizer.vocabulary_size(),))
outputs = layers.Dense(1)(inputs)
model = keras.Model(inputs, outputs)

train_dataset = tf.data.Dataset.from_tensor_slices(
    (
        [
            "The Brain is deeper than the sea",
            "for if they are held Blue to Blue",
            "The one the other will absorb",
            "As sponges buckets do",
        ],
        [1.0, 0.0, 1.0, 0.0],
    )
)
train_dataset = train_dataset.batch(2).map(lambda x, y: (text_vectorizer(x), y))

model.compile(optimizer="rmsprop", loss="mse")
model.fit(train_dataset, epochs=2, verbose=0)

string_inputs = keras.Input(shape=(), dtype="string")
end_to_end_model = keras.Model(string_inputs, model(text_vectorizer(string_inputs)))
print(end_to_end_model(tf.constant(["With ease and You beside"])))
