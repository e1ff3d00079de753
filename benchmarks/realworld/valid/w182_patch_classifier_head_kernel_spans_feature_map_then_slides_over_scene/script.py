# Turn a patch classifier into a dense detector: the head's kernel spans the whole
# feature map of a training patch, so on a larger scene the same weights slide over it.
import numpy as np
import keras
from keras import layers

PATCH, SCENE, N_KINDS = 48, 96, 4
gen = np.random.default_rng(182)
patches = gen.random((40, PATCH, PATCH, 3)).astype("float32")
kinds = gen.integers(0, N_KINDS, size=(40, 1))


def feature_extractor(side):
    return keras.Sequential([
        keras.Input(shape=(side, side, 3)),
        layers.Conv2D(12, 3, strides=2, padding="same", activation="relu"),
        layers.Conv2D(24, 3, strides=2, padding="same", activation="relu"),
        layers.Conv2D(24, 3, strides=2, padding="same", activation="relu"),
    ], name="features")


map_side = PATCH // 8   # three stride-2 convs
patch_classifier = keras.Sequential([
    feature_extractor(PATCH),
    layers.BatchNormalization(),
    layers.Conv2D(N_KINDS, kernel_size=map_side, activation="softmax"),
    layers.Reshape((1, N_KINDS)),
])
patch_classifier.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01),
                         loss="sparse_categorical_crossentropy", metrics=["accuracy"])
patch_classifier.fit(patches, kinds, batch_size=8, epochs=2, verbose=0)

scene_detector = keras.Sequential([
    feature_extractor(SCENE),
    layers.BatchNormalization(),
    layers.Conv2D(N_KINDS, kernel_size=map_side, activation="softmax"),
])
scene_detector.set_weights(patch_classifier.get_weights())
heat = scene_detector.predict(gen.random((2, SCENE, SCENE, 3)).astype("float32"), verbose=0)
window_kind = np.where(heat.max(axis=-1) > 0.5, heat.argmax(axis=-1), -1)
print(heat.shape, window_kind.shape)
