# SkimLit-style hybrid sentence classifier (course milestone project): a token branch
# (vectorized words -> embedding -> pooled -> Dense) and a character branch (vectorized
# characters -> embedding -> bidirectional LSTM) are concatenated into one embedding.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(12)
words = ["patients", "were", "randomly", "assigned", "to", "placebo", "or", "drug", "pain", "reduced"]
train_sentences = [" ".join(rng.choice(words, size=rng.integers(4, 14))) for _ in range(200)]
train_chars = [" ".join(list(sentence)) for sentence in train_sentences]
train_labels_one_hot = tf.one_hot(rng.integers(0, 5, size=200), depth=5)
num_classes = 5

text_vectorizer = layers.TextVectorization(max_tokens=40, output_sequence_length=14)
text_vectorizer.adapt(train_sentences)
char_vectorizer = layers.TextVectorization(output_sequence_length=80, standardize=None)
char_vectorizer.adapt(train_chars)

token_inputs = layers.Input(shape=[], dtype="string", name="token_input")
token_embeddings = layers.GlobalAveragePooling1D()(layers.Embedding(40, 32)(text_vectorizer(token_inputs)))
token_output = layers.Dense(64, activation="relu")(token_embeddings)
char_inputs = layers.Input(shape=(1,), dtype="string", name="char_input")
char_embeddings = layers.Embedding(char_vectorizer.vocabulary_size(), 16)(char_vectorizer(char_inputs))
char_bi_lstm = layers.Bidirectional(layers.LSTM(16, return_sequences=True))(char_embeddings)
token_char_concat = layers.Concatenate(name="token_char_hybrid")([token_output, char_bi_lstm])
combined_dense = layers.Dense(64, activation="relu")(layers.Dropout(0.5)(token_char_concat))
output_layer = layers.Dense(num_classes, activation="softmax")(layers.Dropout(0.5)(combined_dense))
model_4 = keras.Model(inputs=[token_inputs, char_inputs], outputs=output_layer)
model_4.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.Adam(), metrics=["accuracy"])

train_data = tf.data.Dataset.from_tensor_slices((train_sentences, train_chars))
train_dataset = tf.data.Dataset.zip((train_data, tf.data.Dataset.from_tensor_slices(train_labels_one_hot)))
model_4.fit(train_dataset.batch(32).prefetch(tf.data.AUTOTUNE), epochs=1, verbose=0)
