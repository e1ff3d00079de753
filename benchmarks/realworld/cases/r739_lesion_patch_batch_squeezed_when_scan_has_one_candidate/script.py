# Voxel-wise MS lesion segmentation with a small 3D CNN on 11x11x11 patches of two MRI
# modalities (FLAIR and T1). At test time every candidate voxel of a scan (FLAIR above
# a threshold) gets a patch; the patches are batched and classified lesion / not lesion.
import numpy as np
import keras
from keras import layers

PATCH = (11, 11, 11)
HALF = PATCH[0] // 2
rng = np.random.default_rng(16)


def get_patch(volumes, center):
    x, y, z = (c + HALF for c in center)
    padded = [np.pad(v, HALF) for v in volumes]
    return np.stack([p[x - HALF:x + HALF + 1, y - HALF:y + HALF + 1, z - HALF:z + HALF + 1]
                     for p in padded], axis=-1)[np.newaxis]


def test_scan(net, flair, t1, threshold=0.5):
    candidates = list(zip(*np.nonzero(flair > threshold)))
    batch = np.array([get_patch([flair, t1], c) for c in candidates])
    probs = net.predict(np.squeeze(batch), verbose=0)
    segmentation = np.zeros_like(flair)
    for (x, y, z), p in zip(candidates, probs[:, 1]):
        segmentation[x, y, z] = p
    return segmentation


train_patches = rng.random((64,) + PATCH + (2,)).astype("float32")
train_labels = keras.utils.to_categorical(rng.integers(0, 2, size=64), 2)

net = keras.Sequential([
    keras.Input(shape=PATCH + (2,)),
    layers.Conv3D(8, 3, activation="relu"),
    layers.Conv3D(8, 3, activation="relu"),
    layers.MaxPooling3D(2),
    layers.Flatten(),
    layers.Dense(32, activation="relu"),
    layers.Dense(2, activation="softmax"),
])
net.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
net.fit(train_patches, train_labels, batch_size=16, epochs=1, verbose=0)

flair = rng.random((20, 20, 12)).astype("float32") * 0.4
flair[9, 10, 6] = 0.9
t1 = rng.random((20, 20, 12)).astype("float32")
seg = test_scan(net, flair, t1)
print("lesion voxels:", int((seg > 0.5).sum()))
