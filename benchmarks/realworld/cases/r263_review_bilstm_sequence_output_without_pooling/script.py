import numpy as np
import keras
from keras import layers

# IMDB-like reviews already vectorized to 150 token ids, binary sentiment
vocab_size = 3000
x_train = np.random.randint(1, vocab_size, size=(128, 150))
y_train = np.random.randint(0, 2, size=(128,)).astype("float32")
x_val = np.random.randint(1, vocab_size, size=(32, 150))
y_val = np.random.randint(0, 2, size=(32,)).astype("float32")


def create_model():
    model = keras.models.Sequential(
        [
            layers.Input(shape=(150,)),
            layers.Embedding(input_dim=vocab_size, output_dim=128),
            layers.Bidirectional(layers.LSTM(32, return_sequences=True)),
            layers.Dense(20, activation="relu"),
            layers.Dropout(0.5),
            layers.Dense(1, activation="sigmoid"),
        ]
    )
    return model


model = create_model()
model.compile(loss="binary_crossentropy", optimizer="rmsprop",
              metrics=["binary_accuracy", keras.metrics.FalseNegatives(), keras.metrics.FalsePositives()])
model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=1, batch_size=32, verbose=0)
