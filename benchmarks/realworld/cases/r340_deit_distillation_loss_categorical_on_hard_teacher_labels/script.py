"""DeiT: distilling a CNN teacher into a vision transformer with a distillation token."""
import numpy as np
import tensorflow as tf
import keras
from keras import layers

keras.utils.set_random_seed(42)

# Model
RESOLUTION = 32
PATCH_SIZE = 8
NUM_PATCHES = (RESOLUTION // PATCH_SIZE) ** 2
LAYER_NORM_EPS = 1e-6
PROJECTION_DIM = 32
NUM_HEADS = 2
NUM_LAYERS = 2
MLP_UNITS = [PROJECTION_DIM * 4, PROJECTION_DIM]
DROPOUT_RATE = 0.0

# Training / data
BASE_LR = 0.0005
BATCH_SIZE = 16
NUM_CLASSES = 5

rng = np.random.default_rng(0)
images = rng.uniform(0, 255, size=(64, 40, 40, 3)).astype("float32")
labels = rng.integers(0, NUM_CLASSES, size=64)


def preprocess(image, label):
    image = tf.image.resize(image, (RESOLUTION + 4, RESOLUTION + 4))
    image = tf.image.random_crop(image, (RESOLUTION, RESOLUTION, 3))
    label = tf.one_hot(label, depth=NUM_CLASSES)
    return image, label


train_dataset = (
    tf.data.Dataset.from_tensor_slices((images, labels)).map(preprocess).batch(BATCH_SIZE)
)


def mlp(x, dropout_rate, hidden_units):
    for idx, units in enumerate(hidden_units):
        x = layers.Dense(units, activation="gelu" if idx == 0 else None)(x)
        x = layers.Dropout(dropout_rate)(x)
    return x


def transformer(name):
    encoded_patches = layers.Input((NUM_PATCHES + 2, PROJECTION_DIM))
    x1 = layers.LayerNormalization(epsilon=LAYER_NORM_EPS)(encoded_patches)
    attention_output = layers.MultiHeadAttention(
        num_heads=NUM_HEADS, key_dim=PROJECTION_DIM, dropout=DROPOUT_RATE
    )(x1, x1)
    x2 = layers.Add()([attention_output, encoded_patches])
    x3 = layers.LayerNormalization(epsilon=LAYER_NORM_EPS)(x2)
    x4 = mlp(x3, hidden_units=MLP_UNITS, dropout_rate=DROPOUT_RATE)
    outputs = layers.Add()([x2, x4])
    return keras.Model(encoded_patches, outputs, name=name)


class ViTDistilled(keras.Model):
    def __init__(self, regular_training=False, **kwargs):
        super().__init__(**kwargs)
        self.num_tokens = 2
        self.regular_training = regular_training
        self.projection = keras.Sequential(
            [
                layers.Conv2D(PROJECTION_DIM, kernel_size=PATCH_SIZE, strides=PATCH_SIZE),
                layers.Reshape((NUM_PATCHES, PROJECTION_DIM)),
            ],
            name="projection",
        )
        self.cls_token = self.add_weight(shape=(1, 1, PROJECTION_DIM), initializer="zeros", name="cls")
        self.dist_token = self.add_weight(shape=(1, 1, PROJECTION_DIM), initializer="zeros", name="dist_token")
        self.positional_embedding = self.add_weight(
            shape=(1, NUM_PATCHES + self.num_tokens, PROJECTION_DIM), initializer="zeros", name="pos_embedding"
        )
        self.transformer_blocks = [transformer(f"transformer_block_{i}") for i in range(NUM_LAYERS)]
        self.dropout = layers.Dropout(DROPOUT_RATE)
        self.layer_norm = layers.LayerNormalization(epsilon=LAYER_NORM_EPS)
        self.head = layers.Dense(NUM_CLASSES, name="classification_head")
        self.head_dist = layers.Dense(NUM_CLASSES, name="distillation_head")

    def call(self, inputs, training=False):
        n = tf.shape(inputs)[0]
        projected_patches = self.projection(inputs)
        cls_token = tf.tile(self.cls_token, (n, 1, 1))
        dist_token = tf.tile(self.dist_token, (n, 1, 1))
        projected_patches = tf.concat([cls_token, dist_token, projected_patches], axis=1)
        encoded_patches = self.positional_embedding + projected_patches
        encoded_patches = self.dropout(encoded_patches, training=training)
        for transformer_module in self.transformer_blocks:
            encoded_patches = transformer_module(encoded_patches)
        representation = self.layer_norm(encoded_patches)
        x, x_dist = self.head(representation[:, 0]), self.head_dist(representation[:, 1])
        if not training or self.regular_training:
            return (x + x_dist) / 2
        return x, x_dist


class DeiT(keras.Model):
    def __init__(self, student, teacher, **kwargs):
        super().__init__(**kwargs)
        self.student = student
        self.teacher = teacher
        self.student_loss_tracker = keras.metrics.Mean(name="student_loss")
        self.dist_loss_tracker = keras.metrics.Mean(name="distillation_loss")
        self.accuracy_tracker = keras.metrics.CategoricalAccuracy(name="accuracy")

    @property
    def metrics(self):
        return [self.student_loss_tracker, self.dist_loss_tracker, self.accuracy_tracker]

    def compile(self, optimizer, student_loss_fn, distillation_loss_fn):
        super().compile(optimizer=optimizer)
        self.student_loss_fn = student_loss_fn
        self.distillation_loss_fn = distillation_loss_fn

    def train_step(self, data):
        x, y = data
        teacher_predictions = tf.nn.softmax(self.teacher(x, training=False), -1)
        teacher_predictions = tf.argmax(teacher_predictions, -1)
        with tf.GradientTape() as tape:
            cls_predictions, dist_predictions = self.student(x / 255.0, training=True)
            student_loss = self.student_loss_fn(y, cls_predictions)
            distillation_loss = self.distillation_loss_fn(teacher_predictions, dist_predictions)
            loss = (student_loss + distillation_loss) / 2
        trainable_vars = self.student.trainable_variables
        gradients = tape.gradient(loss, trainable_vars)
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))
        self.accuracy_tracker.update_state(y, (cls_predictions + dist_predictions) / 2)
        self.dist_loss_tracker.update_state(distillation_loss)
        self.student_loss_tracker.update_state(student_loss)
        return {m.name: m.result() for m in self.metrics}

    def call(self, inputs):
        return self.student(inputs / 255.0, training=False)


# A small convnet stands in for the example's BiT teacher fine-tuned on tf_flowers.
teacher = keras.Sequential(
    [
        keras.Input((RESOLUTION, RESOLUTION, 3)),
        layers.Rescaling(1.0 / 255),
        layers.Conv2D(16, 3, strides=2, activation="relu"),
        layers.GlobalAveragePooling2D(),
        layers.Dense(NUM_CLASSES),
    ],
    name="teacher",
)

deit_tiny = ViTDistilled()
print(deit_tiny(tf.ones((2, RESOLUTION, RESOLUTION, 3)), training=False).shape)

deit_distiller = DeiT(student=deit_tiny, teacher=teacher)
lr_scaled = (BASE_LR / 512) * BATCH_SIZE
deit_distiller.compile(
    optimizer=keras.optimizers.AdamW(weight_decay=0.0001, learning_rate=lr_scaled),
    student_loss_fn=keras.losses.CategoricalCrossentropy(from_logits=True, label_smoothing=0.1),
    distillation_loss_fn=keras.losses.CategoricalCrossentropy(from_logits=True),
)
deit_distiller.fit(train_dataset, epochs=1, verbose=2)
