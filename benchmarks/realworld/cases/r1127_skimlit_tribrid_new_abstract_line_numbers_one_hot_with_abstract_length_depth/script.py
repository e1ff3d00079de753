# SkimLit-style tribrid sentence classifier (course milestone project): each sentence of
# an abstract is labelled from its tokens, its characters and its position (one-hot line
# number and one-hot total lines), then a new abstract is split into lines and labelled.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(9)
classes = ["BACKGROUND", "OBJECTIVE", "METHODS", "RESULTS", "CONCLUSIONS"]
vocab = ["patients", "trial", "dose", "we", "aimed", "randomized", "improved", "pain", "score", "study"]
n = 240
sentences = [" ".join(rng.choice(vocab, size=rng.integers(4, 12))) for _ in range(n)]
chars = [" ".join(list(s)) for s in sentences]
total_lines = rng.integers(5, 18, size=n)
line_numbers = np.array([rng.integers(0, t + 1) for t in total_lines])
labels_one_hot = tf.one_hot(rng.integers(0, 5, size=n), depth=5)
line_numbers_one_hot = tf.one_hot(line_numbers, depth=15)
total_lines_one_hot = tf.one_hot(total_lines, depth=20)

text_vectorizer = layers.TextVectorization(max_tokens=50, output_sequence_length=12)
text_vectorizer.adapt(sentences)
char_vectorizer = layers.TextVectorization(output_sequence_length=60, standardize=None)
char_vectorizer.adapt(chars)

token_inputs = layers.Input(shape=[], dtype="string", name="token_inputs")
token_embeddings = layers.GlobalAveragePooling1D()(layers.Embedding(50, 16)(text_vectorizer(token_inputs)))
token_outputs = layers.Dense(32, activation="relu")(token_embeddings)
char_inputs = layers.Input(shape=(1,), dtype="string", name="char_inputs")
char_embeddings = layers.Embedding(char_vectorizer.vocabulary_size(), 8)(char_vectorizer(char_inputs))
char_bi_lstm = layers.Bidirectional(layers.LSTM(8))(char_embeddings)
line_number_inputs = layers.Input(shape=(15,), dtype="int32", name="line_number_input")
x = layers.Dense(16, activation="relu")(line_number_inputs)
total_lines_inputs = layers.Input(shape=(20,), dtype="int32", name="total_lines_input")
y = layers.Dense(16, activation="relu")(total_lines_inputs)
z = layers.Dense(64, activation="relu")(layers.Concatenate()([token_outputs, char_bi_lstm]))
z = layers.Concatenate()([x, y, layers.Dropout(0.5)(z)])
output_layer = layers.Dense(5, activation="softmax")(z)
model = keras.Model(inputs=[line_number_inputs, total_lines_inputs, token_inputs, char_inputs], outputs=output_layer)
model.compile(loss=keras.losses.CategoricalCrossentropy(label_smoothing=0.2), optimizer="adam", metrics=["accuracy"])

train_data = tf.data.Dataset.from_tensor_slices((line_numbers_one_hot, total_lines_one_hot, sentences, chars))
train_dataset = tf.data.Dataset.zip((train_data, tf.data.Dataset.from_tensor_slices(labels_one_hot)))
model.fit(train_dataset.batch(32), epochs=1, verbose=0)

abstract_lines = ["we aimed to study pain", "patients were randomized", "dose improved the score",
                  "pain score improved in the trial", "we study the dose", "the trial improved pain"]
total_lines_in_sample = len(abstract_lines)
abstract_line_numbers = list(range(total_lines_in_sample))
abstract_total_lines = [total_lines_in_sample - 1] * total_lines_in_sample
abstract_line_numbers_one_hot = tf.one_hot(abstract_line_numbers, depth=total_lines_in_sample)
abstract_total_lines_one_hot = tf.one_hot(abstract_total_lines, depth=20)
abstract_chars = [" ".join(list(s)) for s in abstract_lines]
pred_probs = model.predict(x=(abstract_line_numbers_one_hot, abstract_total_lines_one_hot,
                              tf.constant(abstract_lines), tf.constant(abstract_chars)), verbose=0)
for line, pred in zip(abstract_lines, pred_probs.argmax(axis=1)):
    print(classes[pred], "|", line)
