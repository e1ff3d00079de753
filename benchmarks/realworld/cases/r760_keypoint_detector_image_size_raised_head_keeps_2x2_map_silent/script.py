# Dog-pose keypoint regressor (keras-io "Keypoint Detection with Transfer Learning"
# style): a frozen MobileNetV2 backbone, then two valid SeparableConv2D layers that
# shrink the backbone's feature map to one cell holding the 24 (x, y) keypoints,
# scaled to [0, 1] by a sigmoid and regressed with MSE against (1, 1, 48) targets.
import numpy as np
import keras
from keras import layers

IMG_SIZE = 256
N_KEYPOINTS = 24 * 2
rng = np.random.default_rng(11)

n_dogs = 4
dog_images = rng.integers(0, 256, size=(n_dogs, IMG_SIZE, IMG_SIZE, 3)).astype("float32")
keypoints = rng.random((n_dogs, N_KEYPOINTS)).astype("float32")
keypoint_targets = keypoints.reshape(n_dogs, 1, 1, N_KEYPOINTS)


def make_keypoint_model():
    backbone = keras.applications.MobileNetV2(
        weights=None, include_top=False, input_shape=(IMG_SIZE, IMG_SIZE, 3))
    backbone.trainable = False
    img_in = layers.Input((IMG_SIZE, IMG_SIZE, 3))
    h = keras.applications.mobilenet_v2.preprocess_input(img_in)
    h = backbone(h)
    h = layers.Dropout(0.3)(h)
    h = layers.SeparableConv2D(N_KEYPOINTS, kernel_size=5, strides=1, activation="relu")(h)
    coords = layers.SeparableConv2D(N_KEYPOINTS, kernel_size=3, strides=1, activation="sigmoid")(h)
    return keras.Model(img_in, coords, name="keypoint_detector")


detector = make_keypoint_model()
detector.compile(loss="mse", optimizer=keras.optimizers.Adam(1e-4))
history = detector.fit(dog_images, keypoint_targets, batch_size=4, epochs=2, verbose=0)
print(history.history["loss"])
print(detector.predict(dog_images[:1], verbose=0).shape)
