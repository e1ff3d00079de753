import numpy as np
import keras
from keras import layers, ops

# one clip = 5 consecutive grayscale frames, fed to the network as one batch
frames_per_clip, height, width = 5, 32, 32
n_gestures = 3

frames = keras.Input(batch_shape=(frames_per_clip, height, width, 1))
# stack the frames of the batch into one sequence for the recurrent part
clip = layers.Reshape((1,) + tuple(frames.shape))(frames)
x = layers.TimeDistributed(layers.Conv2D(8, 3, activation="relu"))(clip)
x = layers.TimeDistributed(layers.GlobalAveragePooling2D())(x)
x = layers.LSTM(16)(x)
gesture = layers.Dense(n_gestures, activation="softmax")(x)
clip_model = keras.Model(frames, gesture)

rng = np.random.default_rng(6448)
video = rng.random((frames_per_clip, height, width, 1)).astype("float32")
probs = clip_model(video)
print("gesture probabilities:", ops.convert_to_numpy(probs).round(3), probs.shape)
