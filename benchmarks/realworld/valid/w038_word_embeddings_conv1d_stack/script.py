import numpy as np
import keras
from keras import layers

num_tokens = 1000
embedding_dim = 16
embedding_matrix = np.random.rand(num_tokens, embedding_dim).astype("float32")
x_train = np.random.randint(0, num_tokens, size=(64, 200))
y_train = np.random.randint(0, 20, size=(64,))

embedding_layer = layers.Embedding(num_tokens, embedding_dim, trainable=False)
embedding_layer.build((1,))
embedding_layer.set_weights([embedding_matrix])

int_sequences_input = keras.Input(shape=(None,), dtype="int32")
embedded_sequences = embedding_layer(int_sequences_input)
x = layers.Conv1D(16, 5, activation="relu")(embedded_sequences)
x = layers.MaxPooling1D(5)(x)
x = layers.Conv1D(16, 5, activation="relu")(x)
x = layers.MaxPooling1D(5)(x)
x = layers.Conv1D(16, 5, activation="relu")(x)
x = layers.GlobalMaxPooling1D()(x)
x = layers.Dense(16, activation="relu")(x)
x = layers.Dropout(0.5)(x)
preds = layers.Dense(20, activation="softmax")(x)
model = keras.Model(int_sequences_input, preds)
model.compile(loss="sparse_categorical_crossentropy", optimizer="rmsprop", metrics=["acc"])
model.fit(x_train, y_train, batch_size=16, epochs=1, verbose=0)
