import numpy as np
import tensorflow as tf
from tensorflow import keras

SAMPLING_RATE = 2048  # samples per one-second clip (16000 in the example)
NUM_SPEAKERS = 5


def audio_to_fft(audio):
    # The magnitude of the first half of the FFT: (batch, SAMPLING_RATE // 2, 1).
    audio = tf.squeeze(audio, axis=-1)
    fft = tf.signal.fft(tf.cast(tf.complex(real=audio, imag=tf.zeros_like(audio)), tf.complex64))
    fft = tf.expand_dims(fft, axis=-1)
    return tf.math.abs(fft[:, : (audio.shape[1] // 2), :])


def residual_block(x, filters, conv_num=3, activation="relu"):
    s = keras.layers.Conv1D(filters, 1, padding="same")(x)  # shortcut
    for i in range(conv_num - 1):
        x = keras.layers.Conv1D(filters, 3, padding="same")(x)
        x = keras.layers.Activation(activation)(x)
    x = keras.layers.Conv1D(filters, 3, padding="same")(x)
    x = keras.layers.Add()([x, s])
    x = keras.layers.Activation(activation)(x)
    return keras.layers.MaxPool1D(pool_size=2, strides=2)(x)


def build_model(input_shape, num_classes):
    inputs = keras.layers.Input(shape=input_shape, name="input")
    x = residual_block(inputs, 8, 2)
    x = residual_block(x, 16, 2)
    x = residual_block(x, 32, 3)
    x = residual_block(x, 32, 3)
    x = keras.layers.AveragePooling1D(pool_size=3, strides=3)(x)
    x = keras.layers.Flatten()(x)
    x = keras.layers.Dense(64, activation="relu")(x)
    x = keras.layers.Dense(32, activation="relu")(x)
    outputs = keras.layers.Dense(num_classes, activation="softmax", name="output")(x)
    return keras.models.Model(inputs=inputs, outputs=outputs)


audio = np.random.uniform(-1, 1, size=(40, SAMPLING_RATE, 1)).astype("float32")
labels = np.random.randint(0, NUM_SPEAKERS, size=(40,))
train_ds = tf.data.Dataset.from_tensor_slices((audio, labels)).batch(8)
train_ds = train_ds.map(lambda x, y: (audio_to_fft(x), y))

model = build_model((SAMPLING_RATE // 2, 1), NUM_SPEAKERS)
model.compile(optimizer="Adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_ds, epochs=1, verbose=0)
ffts = audio_to_fft(tf.constant(audio[:3]))
y_pred = np.argmax(model.predict(ffts, verbose=0), axis=-1)
print(y_pred.shape)
