# Patch-based 3-D tissue segmentation of infant brain MRI (background, CSF, grey matter,
# white matter): 15^3 input patches go through three valid 3x3x3 convolutions to the
# central 9^3 block, whose voxels are laid out as rows, (729, classes), for a per-voxel
# softmax. The training set pairs every input patch with the labels of its central block.
import numpy as np
import keras
from keras import layers

NUM_CLASSES = 4
IN_PATCH, OUT_PATCH = 15, 9

rng = np.random.default_rng(2)
n_patches = 48
t1_patches = rng.normal(size=(n_patches, IN_PATCH, IN_PATCH, IN_PATCH, 1)).astype("float32")
label_patches = rng.integers(0, NUM_CLASSES, size=(n_patches, OUT_PATCH, OUT_PATCH, OUT_PATCH))
label_patches = keras.utils.to_categorical(label_patches, NUM_CLASSES)

patch_in = keras.Input(shape=(IN_PATCH, IN_PATCH, IN_PATCH, 1))
h = layers.Conv3D(16, 3, activation="relu")(patch_in)
h = layers.Conv3D(16, 3, activation="relu")(h)
h = layers.Conv3D(16, 3, activation="relu")(h)
h = layers.Conv3D(NUM_CLASSES, 1)(h)
h = layers.Reshape((OUT_PATCH ** 3, NUM_CLASSES))(h)
voxel_probs = layers.Activation("softmax")(h)
segmenter = keras.Model(patch_in, voxel_probs)
segmenter.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])

segmenter.fit(t1_patches, label_patches, batch_size=8, epochs=2, verbose=0)
print(segmenter.predict(t1_patches[:2], verbose=0).shape)
