import numpy as np
import tensorflow as tf
from tensorflow.keras import layers
from tensorflow.keras import Sequential

# one reading every 5 minutes, about two and a half days
rng = np.random.default_rng(0)
t = np.arange(720)
training_value = np.sin(2 * np.pi * t / 288) + 0.05 * rng.standard_normal(720)
training_mean = training_value.mean()
training_std = training_value.std()
training_value = (training_value - training_mean) / training_std

TIME_STEPS = 150


def create_sequences(values, time_steps=TIME_STEPS):
    output = []
    for i in range(len(values) - time_steps):
        output.append(values[i : (i + time_steps)])
    return np.expand_dims(output, axis=2).astype("float32")


x_train = create_sequences(training_value)
print("Training input shape: ", x_train.shape)

model = Sequential(
    [
        layers.Input(shape=(x_train.shape[1], x_train.shape[2])),
        layers.Conv1D(filters=16, kernel_size=7, padding="same", strides=2),
        layers.Dropout(rate=0.2),
        layers.Conv1D(filters=8, kernel_size=7, padding="same", strides=2),
        layers.Conv1DTranspose(filters=8, kernel_size=7, padding="same", strides=2),
        layers.Dropout(rate=0.2),
        layers.Conv1DTranspose(filters=16, kernel_size=7, padding="same", strides=2),
        layers.Conv1DTranspose(filters=1, kernel_size=7, padding="same"),
    ]
)
model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=0.001), loss="mse")

history = model.fit(x_train, x_train, epochs=2, batch_size=64, validation_split=0.1, verbose=0)

x_train_pred = model.predict(x_train, verbose=0)
train_mae_loss = np.mean(np.abs(x_train_pred - x_train), axis=1)
threshold = np.max(train_mae_loss)
print("Reconstruction error threshold: ", threshold)
