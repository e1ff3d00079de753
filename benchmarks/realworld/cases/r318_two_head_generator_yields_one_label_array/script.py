# One image, two softmax heads (e.g. garment type and colour), trained from a
# batch generator.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(14)
images = rng.uniform(0.0, 1.0, size=(64, 32, 32, 3)).astype("float32")
type_ids = rng.integers(0, 4, size=(64,))
colour_ids = rng.integers(0, 4, size=(64,))


class TwoTaskBatches(keras.utils.PyDataset):
    def __init__(self, batch_size=16, **kwargs):
        super().__init__(**kwargs)
        self.batch_size = batch_size

    def __len__(self):
        return len(images) // self.batch_size

    def __getitem__(self, idx):
        sl = slice(idx * self.batch_size, (idx + 1) * self.batch_size)
        batch_x = images[sl]
        batch_y = np.stack([type_ids[sl], colour_ids[sl]], axis=1)  # (batch, 2)
        return batch_x, batch_y


inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(16, 3, activation="relu")(inputs)
x = layers.MaxPooling2D()(x)
x = layers.Conv2D(32, 3, activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)
x_1 = layers.Dense(64, activation="relu")(x)
predictions_1 = layers.Dense(4, activation="softmax", name="garment_type")(x_1)
x_2 = layers.Dense(64, activation="relu")(x)
predictions_2 = layers.Dense(4, activation="softmax", name="colour")(x_2)
my_model = keras.Model(inputs=inputs, outputs=[predictions_1, predictions_2])

my_model.compile(optimizer="adam",
                 loss=["sparse_categorical_crossentropy", "sparse_categorical_crossentropy"])
my_model.fit(TwoTaskBatches(), epochs=2, verbose=0)
print("trained")
