import tensorflow as tf
import keras
from keras import layers

corpus = tf.constant(
    [
        "Hope is the thing with feathers",
        "That perches in the soul",
        "And sings the tune without the words",
        "And never stops at all",
    ]
)
bigram_encoder = layers.TextVectorization(output_mode="multi_hot", ngrams=2)
bigram_encoder.adapt(corpus)
n_features = bigram_encoder.vocabulary_size()
print("features:", n_features)

bag_input = keras.Input(shape=(n_features,))
score = layers.Dense(1)(bag_input)
scorer = keras.Model(bag_input, score)

pairs = tf.data.Dataset.from_tensor_slices(
    (
        [
            "Hope is the thing that sings",
            "the soul never stops",
            "feathers in the gale",
            "And sweetest in the gale is heard",
        ],
        [1.0, 0.0, 1.0, 0.0],
    )
)
pairs = pairs.batch(2).map(lambda text, target: (bigram_encoder(text), target))

scorer.compile(optimizer="rmsprop", loss="mse")
scorer.fit(pairs, epochs=2, verbose=0)

raw_text = keras.Input(shape=(), dtype="string")
text_scorer = keras.Model(raw_text, scorer(bigram_encoder(raw_text)))
print(text_scorer(tf.constant(["That perches in the soul"])))
