import numpy as np
import keras
from keras import layers

IMG_SIZE = 56
BATCH_SIZE = 16
NUM_KEYPOINTS = 12 * 2

rng = np.random.default_rng(15)
samples = []
for _ in range(80):
    image = rng.integers(0, 256, size=(IMG_SIZE, IMG_SIZE, 3)).astype("float32")
    keypoints = rng.uniform(0, IMG_SIZE, size=(12, 2))
    samples.append((image, keypoints))


class KeyPointsDataset(keras.utils.PyDataset):
    def __init__(self, samples, batch_size=BATCH_SIZE, **kwargs):
        super().__init__(**kwargs)
        self.samples = samples
        self.batch_size = batch_size

    def __len__(self):
        return len(self.samples) // self.batch_size

    def __getitem__(self, index):
        chunk = self.samples[index * self.batch_size : (index + 1) * self.batch_size]
        batch_images = np.empty((self.batch_size, IMG_SIZE, IMG_SIZE, 3), dtype="float32")
        batch_keypoints = np.empty((self.batch_size, NUM_KEYPOINTS), dtype="float32")
        for i, (image, keypoints) in enumerate(chunk):
            batch_images[i] = image
            kp_temp = np.array(keypoints).reshape(-1) / IMG_SIZE
            batch_keypoints[i] = kp_temp
        return batch_images, batch_keypoints


train_dataset = KeyPointsDataset(samples[:64])
validation_dataset = KeyPointsDataset(samples[64:])


def get_model():
    backbone = keras.Sequential(
        [
            layers.Conv2D(32, 3, strides=2, padding="same", activation="relu"),
            layers.Conv2D(64, 3, strides=2, padding="same", activation="relu"),
            layers.Conv2D(96, 3, strides=2, padding="same", activation="relu"),
        ],
        name="backbone",
    )
    inputs = layers.Input((IMG_SIZE, IMG_SIZE, 3))
    x = layers.Rescaling(1.0 / 127.5, offset=-1)(inputs)
    x = backbone(x)
    x = layers.Dropout(0.3)(x)
    x = layers.SeparableConv2D(NUM_KEYPOINTS, kernel_size=5, strides=1, activation="relu")(x)
    outputs = layers.SeparableConv2D(NUM_KEYPOINTS, kernel_size=3, strides=1, activation="sigmoid")(x)
    return keras.Model(inputs, outputs, name="keypoint_detector")


model = get_model()
model.compile(loss="mse", optimizer=keras.optimizers.Adam(1e-4))
model.fit(train_dataset, validation_data=validation_dataset, epochs=2)
sample_images, _ = validation_dataset[0]
predictions = model.predict(sample_images, verbose=0).reshape(-1, 12, 2) * IMG_SIZE
print("predicted keypoints:", predictions.shape)
