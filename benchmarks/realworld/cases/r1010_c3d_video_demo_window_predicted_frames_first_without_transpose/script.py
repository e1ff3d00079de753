import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(11)
FRAMES, SIZE, N_CLASSES = 8, 32, 5
MEAN, STD = np.array([99.9, 92.1, 82.6]), np.array([65.8, 62.3, 60.3])


def c3d_model():
    inputs = keras.Input((SIZE, SIZE, FRAMES, 3))
    x = layers.Conv3D(16, 3, padding="same", activation="relu")(inputs)
    x = layers.MaxPool3D((2, 2, 1), padding="same")(x)
    x = layers.Conv3D(32, 3, padding="same", activation="relu")(x)
    x = layers.MaxPool3D((2, 2, 2), padding="same")(x)
    x = layers.Flatten()(x)
    x = layers.Dense(64, activation="relu")(x)
    x = layers.Dropout(0.5)(x)
    outputs = layers.Dense(N_CLASSES, activation="softmax")(x)
    return keras.Model(inputs, outputs)


def normalize(clips):
    return ((clips - MEAN) / STD).astype("float32")


# training clips come as (batch, frames, height, width, channels)
train_clips = normalize(rng.uniform(0, 255, size=(40, FRAMES, SIZE, SIZE, 3)))
train_clips = np.transpose(train_clips, (0, 2, 3, 1, 4))
train_labels = keras.utils.to_categorical(rng.integers(0, N_CLASSES, 40), N_CLASSES)

model = c3d_model()
model.compile(loss="categorical_crossentropy",
              optimizer=keras.optimizers.SGD(learning_rate=0.005, momentum=0.9, nesterov=True),
              metrics=["accuracy"])
model.fit(train_clips, train_labels, batch_size=8, epochs=1, verbose=0)

# demo: slide a 8-frame window over a "video" and label each window
video = rng.uniform(0, 255, size=(20, SIZE, SIZE, 3))
clip = []
for frame in video:
    clip.append(frame)
    if len(clip) == FRAMES:
        inputs = np.expand_dims(np.array(clip), axis=0)
        inputs = normalize(inputs)
        pred = model.predict(inputs, verbose=0)
        print("window label:", int(np.argmax(pred[0])), "prob: %.3f" % pred[0].max())
        clip.pop(0)
