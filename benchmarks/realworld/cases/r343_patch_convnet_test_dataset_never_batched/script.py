"""PatchConvNet: a convnet trunk with attention-based pooling (a trainable class token)."""
import numpy as np
import tensorflow as tf
import keras
from keras import layers

keras.utils.set_random_seed(42)

# DATA
BATCH_SIZE = 16
BUFFER_SIZE = BATCH_SIZE * 2
AUTO = tf.data.AUTOTUNE
INPUT_SHAPE = (32, 32, 3)
NUM_CLASSES = 10
IMAGE_SIZE = 48

# ARCHITECTURE
DIMENSIONS = 32
SE_RATIO = 8
TRUNK_DEPTH = 1

rng = np.random.default_rng(0)
x_train = rng.integers(0, 256, size=(64,) + INPUT_SHAPE).astype("uint8")
y_train = rng.integers(0, NUM_CLASSES, size=(64, 1))
x_val, y_val = x_train[:32], y_train[:32]
x_test = rng.integers(0, 256, size=(32,) + INPUT_SHAPE).astype("uint8")
y_test = rng.integers(0, NUM_CLASSES, size=(32, 1))

train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train))
train_ds = train_ds.shuffle(BUFFER_SIZE).batch(BATCH_SIZE).prefetch(AUTO)

val_ds = tf.data.Dataset.from_tensor_slices((x_val, y_val))
val_ds = val_ds.batch(BATCH_SIZE).prefetch(AUTO)

test_ds = tf.data.Dataset.from_tensor_slices((x_test, y_test))
test_ds = test_ds.prefetch(AUTO)


def get_preprocessing():
    return keras.Sequential(
        [layers.Rescaling(1 / 255.0), layers.Resizing(IMAGE_SIZE, IMAGE_SIZE)],
        name="preprocessing",
    )


def get_train_augmentation_model():
    return keras.Sequential(
        [
            layers.Rescaling(1 / 255.0),
            layers.Resizing(INPUT_SHAPE[0] + 20, INPUT_SHAPE[0] + 20),
            layers.RandomCrop(IMAGE_SIZE, IMAGE_SIZE),
            layers.RandomFlip("horizontal"),
        ],
        name="train_data_augmentation",
    )


def build_convolutional_stem(dimensions):
    config = {"kernel_size": (3, 3), "strides": (2, 2), "activation": "gelu", "padding": "same"}
    return keras.Sequential(
        [layers.Conv2D(filters=dimensions // 2, **config), layers.Conv2D(filters=dimensions, **config)],
        name="convolutional_stem",
    )


class SqueezeExcite(layers.Layer):
    def __init__(self, ratio, **kwargs):
        super().__init__(**kwargs)
        self.ratio = ratio

    def build(self, input_shape):
        filters = input_shape[-1]
        self.squeeze = layers.GlobalAveragePooling2D(keepdims=True)
        self.reduction = layers.Dense(units=filters // self.ratio, activation="relu", use_bias=False)
        self.excite = layers.Dense(units=filters, activation="sigmoid", use_bias=False)
        self.multiply = layers.Multiply()

    def call(self, x):
        shortcut = x
        x = self.squeeze(x)
        x = self.reduction(x)
        x = self.excite(x)
        return self.multiply([shortcut, x])


class Trunk(layers.Layer):
    def __init__(self, depth, dimensions, ratio, **kwargs):
        super().__init__(**kwargs)
        self.ratio = ratio
        self.dimensions = dimensions
        self.depth = depth

    def build(self, input_shape):
        config = {"filters": self.dimensions, "activation": "gelu", "padding": "same"}
        self.trunk_blocks = [
            keras.Sequential(
                [
                    layers.LayerNormalization(epsilon=1e-6),
                    layers.Conv2D(kernel_size=(1, 1), **config),
                    layers.Conv2D(kernel_size=(3, 3), **config),
                    SqueezeExcite(ratio=self.ratio),
                    layers.Conv2D(kernel_size=(1, 1), filters=self.dimensions, padding="same"),
                ]
            )
            for _ in range(self.depth)
        ]
        self.add = layers.Add()
        self.flatten_spatial = layers.Reshape((-1, self.dimensions))

    def call(self, x):
        shortcut = x
        for trunk_block in self.trunk_blocks:
            output = trunk_block(x)
            shortcut = self.add([output, shortcut])
            x = shortcut
        return self.flatten_spatial(x)


class AttentionPooling(layers.Layer):
    def __init__(self, dimensions, num_classes, **kwargs):
        super().__init__(**kwargs)
        self.dimensions = dimensions
        self.num_classes = num_classes

    def build(self, input_shape):
        self.cls = self.add_weight(shape=(1, 1, self.dimensions), initializer="zeros", name="cls")
        self.attention = layers.MultiHeadAttention(num_heads=1, key_dim=self.dimensions, dropout=0.2)
        self.layer_norm1 = layers.LayerNormalization(epsilon=1e-6)
        self.layer_norm2 = layers.LayerNormalization(epsilon=1e-6)
        self.layer_norm3 = layers.LayerNormalization(epsilon=1e-6)
        self.mlp = keras.Sequential(
            [
                layers.Dense(units=self.dimensions, activation="gelu"),
                layers.Dropout(0.2),
                layers.Dense(units=self.dimensions, activation="gelu"),
            ]
        )
        self.dense = layers.Dense(units=self.num_classes)
        self.flatten = layers.Flatten()

    def call(self, x):
        batch_size = tf.shape(x)[0]
        class_token = tf.repeat(self.cls, repeats=batch_size, axis=0)
        x = tf.concat([class_token, x], axis=1)
        x = self.layer_norm1(x)
        x, viz_weights = self.attention(query=x[:, 0:1], key=x, value=x, return_attention_scores=True)
        class_token = class_token + x
        class_token = self.layer_norm2(class_token)
        class_token = self.flatten(class_token)
        class_token = self.layer_norm3(class_token)
        class_token = class_token + self.mlp(class_token)
        logits = self.dense(class_token)
        return logits, tf.squeeze(viz_weights)[..., 1:]


class PatchConvNet(keras.Model):
    def __init__(self, stem, trunk, attention_pooling, preprocessing_model, train_augmentation_model, **kwargs):
        super().__init__(**kwargs)
        self.stem = stem
        self.trunk = trunk
        self.attention_pooling = attention_pooling
        self.train_augmentation_model = train_augmentation_model
        self.preprocessing_model = preprocessing_model

    def _calculate_loss(self, inputs, test=False):
        images, labels = inputs
        if test:
            augmented_images = self.preprocessing_model(images)
        else:
            augmented_images = self.train_augmentation_model(images)
        x = self.stem(augmented_images)
        x = self.trunk(x)
        logits, _ = self.attention_pooling(x)
        total_loss = self.compute_loss(y=labels, y_pred=logits)
        return total_loss, logits

    def train_step(self, inputs):
        with tf.GradientTape() as tape:
            total_loss, logits = self._calculate_loss(inputs)
        train_vars = (
            self.stem.trainable_variables
            + self.trunk.trainable_variables
            + self.attention_pooling.trainable_variables
        )
        grads = tape.gradient(total_loss, train_vars)
        self.optimizer.apply_gradients(zip(grads, train_vars))
        return self.report(inputs, total_loss, logits)

    def test_step(self, inputs):
        total_loss, logits = self._calculate_loss(inputs, test=True)
        return self.report(inputs, total_loss, logits)

    def report(self, inputs, total_loss, logits):
        _, labels = inputs
        for metric in self.metrics:
            if metric.name == "loss":
                metric.update_state(total_loss)
            else:
                metric.update_state(labels, logits)
        return {m.name: m.result() for m in self.metrics}

    def call(self, images):
        augmented_images = self.preprocessing_model(images)
        x = self.stem(augmented_images)
        x = self.trunk(x)
        return self.attention_pooling(x)


patch_conv_net = PatchConvNet(
    stem=build_convolutional_stem(dimensions=DIMENSIONS),
    trunk=Trunk(depth=TRUNK_DEPTH, dimensions=DIMENSIONS, ratio=SE_RATIO),
    attention_pooling=AttentionPooling(dimensions=DIMENSIONS, num_classes=NUM_CLASSES),
    train_augmentation_model=get_train_augmentation_model(),
    preprocessing_model=get_preprocessing(),
)
patch_conv_net.compile(
    optimizer=keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=1e-4),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=[
        keras.metrics.SparseCategoricalAccuracy(name="accuracy"),
        keras.metrics.SparseTopKCategoricalAccuracy(5, name="top-5-accuracy"),
    ],
)
history = patch_conv_net.fit(train_ds, epochs=1, validation_data=val_ds, verbose=2)

# Evaluate the model with the test dataset.
loss, acc_top1, acc_top5 = patch_conv_net.evaluate(test_ds, verbose=0)
print(f"Loss: {loss:0.2f}")
print(f"Top 1 test accuracy: {acc_top1*100:0.2f}%")
print(f"Top 5 test accuracy: {acc_top5*100:0.2f}%")
