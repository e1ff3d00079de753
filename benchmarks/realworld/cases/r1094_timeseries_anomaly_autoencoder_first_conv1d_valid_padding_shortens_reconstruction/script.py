import numpy as np
import keras
from keras import layers

TIME_STEPS = 288

rng = np.random.default_rng(2)
t = np.arange(4000)
series = 20.0 + 3.0 * np.sin(2 * np.pi * t / 288) + rng.normal(0, 0.3, size=t.shape)
training_mean = series.mean()
training_std = series.std()
df_training_value = ((series - training_mean) / training_std).reshape(-1, 1)
print("Number of training samples:", len(df_training_value))


def create_sequences(values, time_steps=TIME_STEPS):
    output = []
    for i in range(0, len(values) - time_steps + 1, 12):
        output.append(values[i : (i + time_steps)])
    return np.stack(output)


x_train = create_sequences(df_training_value)
print("Training input shape: ", x_train.shape)

model = keras.Sequential(
    [
        layers.Input(shape=(x_train.shape[1], x_train.shape[2])),
        layers.Conv1D(filters=32, kernel_size=7, padding="valid", strides=2, activation="relu"),
        layers.Dropout(rate=0.2),
        layers.Conv1D(filters=16, kernel_size=7, padding="same", strides=2, activation="relu"),
        layers.Conv1DTranspose(filters=16, kernel_size=7, padding="same", strides=2, activation="relu"),
        layers.Dropout(rate=0.2),
        layers.Conv1DTranspose(filters=32, kernel_size=7, padding="same", strides=2, activation="relu"),
        layers.Conv1DTranspose(filters=1, kernel_size=7, padding="same"),
    ]
)
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss="mse")
model.summary()

history = model.fit(
    x_train,
    x_train,
    epochs=1,
    batch_size=32,
    validation_split=0.1,
)

x_train_pred = model.predict(x_train, verbose=0)
train_mae_loss = np.mean(np.abs(x_train_pred - x_train), axis=1)
threshold = np.max(train_mae_loss)
print("Reconstruction error threshold: ", threshold)
