# AdaMatch unsupervised domain adaptation from MNIST-like digits (grayscale, labeled)
# to SVHN-like digits (colour, unlabeled): source digits are padded to 32x32 and tiled
# to three channels so one 32x32x3 network serves both domains; after training the
# network is evaluated on the target test set and on the source test set.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

AUTO = tf.data.AUTOTUNE
RESIZE_TO = 32
SOURCE_BATCH_SIZE, TARGET_BATCH_SIZE = 8, 16
TAU = 0.9
TOTAL_STEPS = 8

rng = np.random.default_rng(757)
mnist_x_train = rng.integers(0, 256, size=(64, 28, 28, 1)).astype("uint8")
mnist_y_train = rng.integers(0, 10, size=(64,))
mnist_x_test = rng.integers(0, 256, size=(24, 28, 28, 1)).astype("uint8")
mnist_y_test = rng.integers(0, 10, size=(24,))
svhn_x_train = rng.integers(0, 256, size=(128, 32, 32, 3)).astype("uint8")
svhn_x_test = rng.integers(0, 256, size=(24, 32, 32, 3)).astype("uint8")
svhn_y_test = rng.integers(0, 10, size=(24,))


def weak_augment(image):
    return tf.image.random_flip_left_right(image)


def strong_augment(image):
    image = tf.image.random_brightness(weak_augment(image), 40.0)
    return tf.clip_by_value(image, 0.0, 255.0)


def process_source(image, label):
    image = tf.image.resize_with_pad(tf.cast(image, tf.float32), RESIZE_TO, RESIZE_TO)
    image = tf.tile(image, [1, 1, 3])
    return (weak_augment(image), label), (strong_augment(image), label)


def process_target(image):
    image = tf.cast(image, tf.float32)
    return (weak_augment(image), 0), (strong_augment(image), 0)


final_source_ds = (tf.data.Dataset.from_tensor_slices((mnist_x_train, mnist_y_train))
                   .shuffle(64).map(process_source, num_parallel_calls=AUTO).batch(SOURCE_BATCH_SIZE))
final_target_ds = (tf.data.Dataset.from_tensor_slices(svhn_x_train)
                   .shuffle(128).map(process_target, num_parallel_calls=AUTO).batch(TARGET_BATCH_SIZE))


def compute_loss_source(source_labels, logits_source_w, logits_source_s):
    ce = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    return ce(source_labels, logits_source_w) + ce(source_labels, logits_source_s)


def compute_loss_target(target_pseudo_labels_w, logits_target_s, mask):
    ce = keras.losses.CategoricalCrossentropy(from_logits=True, reduction=None)
    target_pseudo_labels_w = tf.stop_gradient(target_pseudo_labels_w)
    return tf.reduce_mean(ce(target_pseudo_labels_w, logits_target_s) * tf.cast(mask, tf.float32))


class AdaMatch(keras.Model):
    def __init__(self, model, tau=TAU):
        super().__init__()
        self.model, self.tau = model, tau
        self.loss_tracker = keras.metrics.Mean(name="loss")
        self.current_step = tf.Variable(0, dtype="int64")

    @property
    def metrics(self):
        return [self.loss_tracker]

    def compute_mu(self):
        step = tf.cast(self.current_step, "float32")
        return 0.5 - tf.cos(tf.math.minimum(np.pi, (2 * np.pi * step) / TOTAL_STEPS)) / 2

    def train_step(self, data):
        source_ds, target_ds = data
        (source_w, source_labels), (source_s, _) = source_ds
        (target_w, _), (target_s, _) = target_ds
        combined_images = tf.concat([source_w, source_s, target_w, target_s], 0)
        combined_source = tf.concat([source_w, source_s], 0)
        total_source = tf.shape(combined_source)[0]
        n_sw, n_tw = tf.shape(source_w)[0], tf.shape(target_w)[0]
        with tf.GradientTape() as tape:
            combined_logits = self.model(combined_images, training=True)
            z_d_prime_source = self.model(combined_source, training=False)
            z_prime_source = combined_logits[:total_source]
            lambd = tf.random.uniform((total_source, 10), 0, 1)
            final_source_logits = lambd * z_prime_source + (1 - lambd) * z_d_prime_source
            y_hat_source_w = tf.nn.softmax(final_source_logits[:n_sw])
            logits_target = combined_logits[total_source:]
            y_hat_target_w = tf.nn.softmax(logits_target[:n_tw])
            expectation_ratio = tf.reduce_mean(y_hat_source_w) / tf.reduce_mean(y_hat_target_w)
            y_tilde_target_w = tf.math.l2_normalize(y_hat_target_w * expectation_ratio, 1)
            c_tau = self.tau * tf.reduce_mean(tf.reduce_max(y_hat_source_w, axis=-1), 0)
            mask = tf.reduce_max(y_tilde_target_w, axis=-1) >= c_tau
            source_loss = compute_loss_source(source_labels, final_source_logits[:n_sw],
                                              final_source_logits[n_sw:])
            target_loss = compute_loss_target(y_tilde_target_w, logits_target[n_tw:], mask)
            total_loss = source_loss + self.compute_mu() * target_loss
            self.current_step.assign_add(1)
        grads = tape.gradient(total_loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.model.trainable_variables))
        self.loss_tracker.update_state(total_loss)
        return {"loss": self.loss_tracker.result()}


def get_network(image_size=32, num_classes=10):
    inputs = layers.Input(shape=(image_size, image_size, 3))
    x = layers.Rescaling(scale=1.0 / 255)(inputs)
    x = layers.Conv2D(16, 3, padding="same", use_bias=False)(x)
    for width, stride in [(32, 1), (64, 2)]:
        shortcut = layers.Conv2D(width, 1, strides=stride, padding="same", use_bias=False)(x)
        h = layers.Activation("relu")(layers.BatchNormalization()(x))
        h = layers.Conv2D(width, 3, strides=stride, padding="same", use_bias=False)(h)
        h = layers.Activation("relu")(layers.BatchNormalization()(h))
        h = layers.Conv2D(width, 3, padding="same", use_bias=False)(h)
        x = layers.Add()([h, shortcut])
    x = layers.GlobalAveragePooling2D()(layers.Activation("relu")(layers.BatchNormalization()(x)))
    return keras.Model(inputs, layers.Dense(num_classes)(x))


adamatch_trainer = AdaMatch(get_network())
adamatch_trainer.compile(optimizer=keras.optimizers.Adam(keras.optimizers.schedules.CosineDecay(0.03, TOTAL_STEPS, 0.25)))
adamatch_trainer.fit(tf.data.Dataset.zip((final_source_ds, final_target_ds)), epochs=1, verbose=0)

adamatch_trained_model = adamatch_trainer.model
adamatch_trained_model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                               metrics=[keras.metrics.SparseCategoricalAccuracy()])
svhn_test = tf.data.Dataset.from_tensor_slices((svhn_x_test.astype("float32"), svhn_y_test)).batch(TARGET_BATCH_SIZE)
_, accuracy = adamatch_trained_model.evaluate(svhn_test, verbose=0)
print(f"Accuracy on target test set: {accuracy * 100:.2f}%")


def prepare_test_ds_source(image, label):
    image = tf.image.resize_with_pad(tf.cast(image, tf.float32), RESIZE_TO, RESIZE_TO)
    return image, label


source_test_ds = (tf.data.Dataset.from_tensor_slices((mnist_x_test, mnist_y_test))
                  .map(prepare_test_ds_source, num_parallel_calls=AUTO).batch(TARGET_BATCH_SIZE).prefetch(AUTO))
_, accuracy = adamatch_trained_model.evaluate(source_test_ds, verbose=0)
print(f"Accuracy on source test set: {accuracy * 100:.2f}%")
