# MR motion-artifact detection on image patches (CNNArt-style): each slice is cut into
# rigid 40x40 patches, a small CNN labels every patch as artifact / no artifact, and new
# scans are classified patch by patch.
import numpy as np
import keras
from keras import layers

PATCH = (40, 40)
rng = np.random.default_rng(876)


def fRigidPatching(volume, patch_size):
    patches = []
    for z in range(volume.shape[2]):
        for i in range(0, volume.shape[0] - patch_size[0] + 1, patch_size[0]):
            for j in range(0, volume.shape[1] - patch_size[1] + 1, patch_size[1]):
                patches.append(volume[i:i + patch_size[0], j:j + patch_size[1], z])
    return np.stack(patches, axis=-1)


def fPreprocessData(volume, patch_size):
    volume = (volume - volume.min()) / (volume.max() - volume.min())
    return fRigidPatching(volume, patch_size).astype("float32")


def fSplitDataset(all_patches, all_labels, split_ratio=0.2):
    all_patches = np.transpose(all_patches, (2, 0, 1))[..., np.newaxis]
    n_test = int(len(all_labels) * split_ratio)
    return all_patches[n_test:], all_labels[n_test:], all_patches[:n_test], all_labels[:n_test]


train_volume = rng.random((160, 120, 4))
patches = fPreprocessData(train_volume, PATCH)
labels = keras.utils.to_categorical(rng.integers(0, 2, (160 // 40) * (120 // 40) * 4), 2)
X_train, y_train, X_test, y_test = fSplitDataset(patches, labels)

cnn = keras.Sequential([
    keras.Input(shape=PATCH + (1,)),
    layers.Conv2D(16, (5, 5), activation="relu"),
    layers.MaxPooling2D((2, 2)),
    layers.Conv2D(32, (3, 3), activation="relu"),
    layers.Flatten(),
    layers.Dense(2, activation="softmax"),
])
cnn.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
cnn.fit(X_train, y_train, validation_data=(X_test, y_test), batch_size=16, epochs=2, verbose=0)

new_scan = rng.random((160, 120, 1))
scan_patches = fPreprocessData(new_scan, PATCH)
prob = cnn.predict(scan_patches, verbose=0)
print("artifact patches:", int((prob.argmax(-1) == 1).sum()), "of", len(prob))
