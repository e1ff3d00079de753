import numpy as np
import tensorflow as tf
import keras

SEEDS = 42
tf.random.set_seed(SEEDS)
rng = np.random.default_rng(SEEDS)

RESIZE_TO = 48
CROP_TO = 40
BATCH_SIZE = 8
STEPS_PER_EPOCH = 4
NUM_CLASSES = 5  # 5 types of flowers
AUTO = tf.data.AUTOTUNE

images = rng.integers(0, 256, size=(48, 60, 60, 3)).astype("float32")
labels = rng.integers(0, NUM_CLASSES, size=(48,))
train_ds = tf.data.Dataset.from_tensor_slices((images[:32], labels[:32]))
validation_ds = tf.data.Dataset.from_tensor_slices((images[32:], labels[32:]))


@tf.function
def preprocess_train(image, label):
    image = tf.image.random_flip_left_right(image)
    image = tf.image.resize(image, (RESIZE_TO, RESIZE_TO))
    image = tf.image.random_crop(image, (CROP_TO, CROP_TO, 3))
    image = image / 255.0
    return (image, label)


@tf.function
def preprocess_test(image, label):
    image = tf.image.resize(image, (RESIZE_TO, RESIZE_TO))
    image = image / 255.0
    return (image, label)


pipeline_train = (
    train_ds.shuffle(100)
    .repeat(2)
    .map(preprocess_train, num_parallel_calls=AUTO)
    .batch(BATCH_SIZE)
    .prefetch(AUTO)
)
pipeline_validation = (
    validation_ds.map(preprocess_test, num_parallel_calls=AUTO)
    .batch(BATCH_SIZE)
    .prefetch(AUTO)
)

# No TF-Hub access on this machine: a small ResNet-style feature extractor
# stands in for hub.KerasLayer("https://tfhub.dev/google/bit/m-r50x1/1").
bit_module = keras.Sequential(
    [
        keras.layers.Conv2D(16, 3, strides=2, padding="same", activation="relu"),
        keras.layers.Conv2D(32, 3, strides=2, padding="same", activation="relu"),
        keras.layers.Conv2D(64, 3, strides=2, padding="same", activation="relu"),
    ],
    name="bit_stand_in",
)


class MyBiTModel(keras.Model):
    def __init__(self, num_classes, module, **kwargs):
        super().__init__(**kwargs)
        self.num_classes = num_classes
        self.head = keras.layers.Dense(num_classes, kernel_initializer="zeros")
        self.bit_model = module

    def call(self, images):
        bit_embedding = self.bit_model(images)
        return self.head(bit_embedding)


model = MyBiTModel(num_classes=NUM_CLASSES, module=bit_module)

learning_rate = 0.003 * BATCH_SIZE / 512
optimizer = keras.optimizers.SGD(learning_rate=learning_rate, momentum=0.9)
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
model.compile(optimizer=optimizer, loss=loss_fn, metrics=["accuracy"])

history = model.fit(
    pipeline_train,
    epochs=2,
    steps_per_epoch=STEPS_PER_EPOCH,
    validation_data=pipeline_validation,
    verbose=0,
)
accuracy = model.evaluate(pipeline_validation, verbose=0)[1] * 100
print("Accuracy: {:.2f}%".format(accuracy))
