# InceptionTime-style 1D convnet classifying activity recordings (length 50, 3 channels)
# into string classes; labels are one-hot encoded by a small encoder helper, and a
# held-out validation split is passed to fit.
import numpy as np
import keras
from keras import layers

def one_hot_encode(y, classes=None):
    """Return (one-hot matrix, classes); fits the class list when none is given."""
    if classes is None:
        classes = np.unique(y)
    return np.eye(len(classes))[np.searchsorted(classes, y)], classes

rng = np.random.default_rng(5864)
X_train = rng.normal(size=(120, 50, 3)).astype("float32")
y_train = rng.choice(["idle", "run", "sit", "walk"], size=120)
X_val = rng.normal(size=(30, 50, 3)).astype("float32")
y_val = rng.choice(["idle", "run", "walk"], size=30)        # no "sit" in this split

y_train_onehot, classes_ = one_hot_encode(y_train)
y_val_onehot, _ = one_hot_encode(y_val)

inputs = keras.Input(shape=X_train.shape[1:])
x = inputs
for _ in range(3):
    branches = [layers.Conv1D(8, k, padding="same", use_bias=False)(x) for k in (9, 19, 39)]
    branches.append(layers.Conv1D(8, 1, padding="same")(layers.MaxPooling1D(3, strides=1, padding="same")(x)))
    x = layers.Activation("relu")(layers.BatchNormalization()(layers.Concatenate()(branches)))
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(len(classes_), activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.Adam(), metrics=["accuracy"])

model.fit(X_train, y_train_onehot, batch_size=16, epochs=2, verbose=0,
          validation_data=(X_val, y_val_onehot))
print("trained on", list(classes_))
