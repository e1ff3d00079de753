# Frame-wise action recogniser on OpenPose skeletons: 18 keypoints (x, y) per frame are
# classified by a small Dense/BatchNormalization network. The action enum was extended
# from the original four actions (stand, walk, operate, fall down) to fourteen.
import numpy as np
import keras
from keras import layers

ACTIONS = ["stand", "walk", "operate", "fall_down", "run", "sit", "squat", "wave",
           "jump", "kick", "punch", "bend", "lie_down", "climb"]

rng = np.random.default_rng(826)
keypoints = rng.random((420, 36))
action_names = rng.choice(ACTIONS, size=420)
X = keypoints.astype(float)
Y = action_names

# encode the action names as integers, then one-hot
class_names, encoder_Y = np.unique(Y, return_inverse=True)
dummy_Y = keras.utils.to_categorical(encoder_Y)

# train test split (90 / 10)
order = rng.permutation(len(X))
split = int(0.9 * len(X))
X_train, X_test = X[order[:split]], X[order[split:]]
Y_train, Y_test = dummy_Y[order[:split]], dummy_Y[order[split:]]

model = keras.Sequential([
    keras.Input(shape=(36,)),
    layers.Dense(units=128, activation="relu"),
    layers.BatchNormalization(),
    layers.Dense(units=64, activation="relu"),
    layers.BatchNormalization(),
    layers.Dense(units=16, activation="relu"),
    layers.BatchNormalization(),
    layers.Dense(units=4, activation="softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.Adam(0.0001), metrics=["accuracy"])
model.fit(X_train, Y_train, batch_size=32, epochs=2, verbose=0, validation_data=(X_test, Y_test))

test_np = np.array(X[133]).reshape(-1, 36)
pred = np.argmax(model.predict(test_np, verbose=0))
print(class_names[pred])
