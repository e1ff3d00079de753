import random
import numpy as np
import tensorflow as tf
import keras

random.seed(906)
words = ["señora", "mía", "don", "quijote", "sancho", "caballero", "está", "allí",
         "corazón", "según", "niño", "el", "la", "de", "que", "por", "aquí", "mañana"]
text = " ".join(random.choice(words) for _ in range(1500))

byte_tokenized_text = np.frombuffer(text.encode("utf-8"), dtype=np.uint8).astype("int32")
byte_vocab_size = 256
seq_length = 40
BATCH_SIZE = 32
BUFFER_SIZE = 1000

byte_encoded_dataset = tf.data.Dataset.from_tensor_slices(byte_tokenized_text)
byte_encoded_sequences = byte_encoded_dataset.batch(seq_length + 1, drop_remainder=True)


def split_input_target(sequence):
    input_text = sequence[:-1]
    target_text = sequence[-1]
    return input_text, target_text


byte_encoded_dataset = (
    byte_encoded_sequences.map(split_input_target)
    .shuffle(BUFFER_SIZE)
    .batch(BATCH_SIZE, drop_remainder=True)
    .prefetch(tf.data.AUTOTUNE)
)

byte_input = keras.Input(shape=(None,))
byte_output = keras.layers.Embedding(input_dim=128, output_dim=32)(byte_input)
byte_output = keras.layers.LSTM(64)(byte_output)
byte_output = keras.layers.Dense(byte_vocab_size, activation="softmax")(byte_output)
byte_model = keras.Model(byte_input, byte_output)

byte_model.compile(loss="sparse_categorical_crossentropy", optimizer=keras.optimizers.RMSprop(learning_rate=0.01))
byte_model.fit(byte_encoded_dataset, epochs=1, verbose=0)

prompt = np.frombuffer("el caballero está ".encode("utf-8"), dtype=np.uint8).astype("int32")[None, :]
for _ in range(20):
    next_id = int(np.argmax(byte_model.predict(prompt, verbose=0)[-1]))
    prompt = np.concatenate([prompt, [[next_id]]], axis=1)
print(bytes(prompt[0].astype("uint8").tolist()).decode("utf-8", errors="replace"))
