# Pose classifier on MoveNet-style keypoints: each sample is 17 keypoints (x, y, score)
# flattened to 51 numbers. The keypoints are centred on the hips and scaled by the torso
# size inside the model, then a small MLP predicts the pose class. The training CSV of
# this studio has seven pose classes (the original yoga sample had five).
import numpy as np
import keras
from keras import layers, ops

N_KEYPOINTS = 17
class_names = ["chair", "cobra", "dog", "tree", "warrior", "plank", "bridge"]


class PoseEmbedding(layers.Layer):
    def call(self, keypoints):
        xy = keypoints[:, :, :2]
        hips = (xy[:, 11:12, :] + xy[:, 12:13, :]) * 0.5
        shoulders = (xy[:, 5:6, :] + xy[:, 6:7, :]) * 0.5
        torso = ops.sqrt(ops.sum(ops.square(shoulders - hips), axis=-1, keepdims=True)) + 1e-6
        return ops.reshape((xy - hips) / torso, (-1, N_KEYPOINTS * 2))


rng = np.random.default_rng(53436)
landmarks = rng.random((140, N_KEYPOINTS * 3)).astype("float32")
class_no = rng.integers(0, len(class_names), size=140)
y_onehot = keras.utils.to_categorical(class_no, num_classes=len(class_names))

inputs = keras.Input(shape=(N_KEYPOINTS * 3,))
h = layers.Reshape((N_KEYPOINTS, 3))(inputs)
h = PoseEmbedding()(h)
h = layers.Dense(128, activation="relu6")(h)
h = layers.Dropout(0.5)(h)
h = layers.Dense(64, activation="relu6")(h)
h = layers.Dropout(0.5)(h)
outputs = layers.Dense(5, activation="softmax")(h)
classifier = keras.Model(inputs, outputs)
classifier.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
classifier.fit(landmarks, y_onehot, batch_size=16, epochs=2, validation_split=0.15, verbose=0)
print(classifier.predict(landmarks[:3], verbose=0).argmax(axis=1))
