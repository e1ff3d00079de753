import numpy as np
import keras
from keras import layers

# Moving-digit style clips: 40 sequences of 20 frames, 16x16 grayscale.
rng = np.random.default_rng(1)
dataset = (rng.random((40, 20, 16, 16)) > 0.8).astype("float32")
dataset = np.expand_dims(dataset, axis=-1)

train_dataset = dataset[:32]
val_dataset = dataset[32:]


def create_shifted_frames(data):
    x = data[:, 0 : data.shape[1] - 1, :, :]
    y = data[:, 1 : data.shape[1], :, :]
    return x, y


x_train, y_train = create_shifted_frames(train_dataset)
x_val, y_val = create_shifted_frames(val_dataset)

inp = layers.Input(shape=(None, *x_train.shape[2:]))
x = layers.ConvLSTM2D(8, kernel_size=(3, 3), padding="same", return_sequences=True, activation="relu")(inp)
x = layers.BatchNormalization()(x)
x = layers.ConvLSTM2D(8, kernel_size=(1, 1), padding="same", return_sequences=True, activation="relu")(x)
x = layers.Conv3D(filters=1, kernel_size=(3, 3, 3), activation="sigmoid", padding="same")(x)

model = keras.Model(inp, x)
model.compile(loss=keras.losses.binary_crossentropy, optimizer=keras.optimizers.Adam())
model.fit(x_train, y_train, batch_size=8, epochs=1, validation_data=(x_val, y_val), verbose=0)

# Take one validation clip, feed its first ten frames and roll the model forward.
example = val_dataset[3]
frames = example[:10, ...]
original_frames = example[10:, ...]

for _ in range(10):
    new_prediction = model.predict(frames, verbose=0)
    new_prediction = np.squeeze(new_prediction, axis=0)
    predicted_frame = np.expand_dims(new_prediction[-1, ...], axis=0)
    frames = np.concatenate((frames, predicted_frame), axis=0)

print("predicted frames:", frames[10:].shape, "vs", original_frames.shape)
