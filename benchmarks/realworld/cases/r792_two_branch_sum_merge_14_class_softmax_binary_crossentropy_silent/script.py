# Two-view activity classifier: a left-camera and a right-camera feature vector are
# each projected by a Dense branch, the branches are summed, and a softmax picks one
# of 14 activities. Labels are one-hot.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(14)
n_clips, n_feat, n_classes = 400, 40, 14
left_feats = rng.normal(size=(n_clips, n_feat)).astype("float32")
right_feats = rng.normal(size=(n_clips, n_feat)).astype("float32")
activity = rng.integers(0, n_classes, size=(n_clips,))
y_train = keras.utils.to_categorical(activity, n_classes)       # (400, 14)

left_in = keras.Input(shape=(n_feat,), name="left")
right_in = keras.Input(shape=(n_feat,), name="right")
left = layers.Dense(64, activation="relu")(left_in)
right = layers.Dense(64, activation="relu")(right_in)
merged = layers.Add()([left, right])
probs = layers.Dense(n_classes, activation="softmax")(merged)

model = keras.Model([left_in, right_in], probs)
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit([left_feats, right_feats], y_train, epochs=3, batch_size=32, verbose=0)
loss, acc = model.evaluate([left_feats, right_feats], y_train, verbose=0)
pred_classes = model.predict([left_feats, right_feats], verbose=0).argmax(axis=-1)
print("reported accuracy:", round(acc, 3), "class accuracy:", round(float((pred_classes == activity).mean()), 3))
