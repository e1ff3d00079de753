# Atrial-fibrillation screening from single-lead ECG (PhysioNet/CinC 2017 style): each
# recording is cut to 9000 samples, folded into a 20 x 450 "image" and classified by a
# small VGG-like Conv2D network into Normal / AF / Other / Noisy.
import numpy as np
import keras
from keras import layers

number_of_classes = 4
rng = np.random.default_rng(823)

n_records = 40
X = rng.standard_normal((n_records, 9000)).astype("float32")
rhythm = rng.choice(["N", "A", "O", "~"], size=n_records)

# Transformation from literals (Normal, AF, Other, Noisy) to class indices
target_train = np.zeros((n_records, 1))
for i in range(n_records):
    if rhythm[i] == "N":
        target_train[i] = 0
    elif rhythm[i] == "A":
        target_train[i] = 1
    elif rhythm[i] == "O":
        target_train[i] = 2
    else:
        target_train[i] = 3
Label_set = np.eye(number_of_classes)[target_train.astype(int)]

train_len = 0.8
split = int(train_len * n_records)
X_train, Y_train = X[:split], Label_set[:split]
X_val, Y_val = X[split:], Label_set[split:]

n, m, c = 20, 450, 1
X_train = np.reshape(X_train, (X_train.shape[0], n, m, c))
X_val = np.reshape(X_val, (X_val.shape[0], n, m, c))

model = keras.Sequential([
    keras.Input(shape=(n, m, c)),
    layers.Conv2D(8, (3, 3), activation="relu", padding="same"),
    layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2)),
    layers.Conv2D(16, (3, 3), activation="relu", padding="same"),
    layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2)),
    layers.Flatten(),
    layers.Dense(64, activation="relu"),
    layers.Dropout(0.5),
    layers.Dense(number_of_classes, activation="softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, Y_train, epochs=2, batch_size=8, verbose=0, validation_data=(X_val, Y_val))
predictions = np.argmax(model.predict(X_val, verbose=0), axis=1)
print("validation accuracy:", np.mean(predictions == np.argmax(Y_val, axis=1)))
