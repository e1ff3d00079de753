"""Intent classifier on pre-embedded utterances: parallel Conv1D branches with
different kernel sizes, their feature maps joined, then a BiLSTM."""
import numpy as np
import keras
from keras import layers

text_size, embedding_size, n_classes = 24, 50, 5
kernel_sizes_cnn, filters_cnn, units_lstm = [1, 2, 3], 32, 16
rng = np.random.default_rng(21)

x = rng.normal(size=(200, text_size, embedding_size)).astype("float32")
y = keras.utils.to_categorical(rng.integers(0, n_classes, 200), n_classes)


def cnn_bilstm_model():
    inp = keras.Input(shape=(text_size, embedding_size))
    outputs = []
    for kernel_size in kernel_sizes_cnn:
        output_i = layers.Conv1D(filters_cnn, kernel_size=kernel_size, padding="same")(inp)
        output_i = layers.BatchNormalization()(output_i)
        output_i = layers.Activation("relu")(output_i)
        output_i = layers.MaxPooling1D()(output_i)      # (None, 12, 32)
        outputs.append(output_i)
    output = layers.concatenate(outputs, axis=1)
    output = layers.Bidirectional(layers.LSTM(units_lstm, return_sequences=True))(output)
    output = layers.GlobalMaxPooling1D()(output)
    output = layers.Dense(32, activation="relu")(output)
    act_output = layers.Dense(n_classes, activation="softmax")(output)
    return keras.Model(inp, act_output)


model = cnn_bilstm_model()
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x, y, batch_size=32, epochs=2, verbose=0)
print("trained; LSTM input:", model.layers[-4].input.shape)
