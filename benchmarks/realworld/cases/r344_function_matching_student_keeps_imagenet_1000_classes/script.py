"""Knowledge distillation with function matching: a small Keras Applications student mimics a Flowers102 teacher."""
import numpy as np
import tensorflow as tf
import keras

keras.utils.set_random_seed(42)

BIGGER = 40
RESIZE = 32
BATCH_SIZE = 8
INIT_LR = 0.003
WEIGHT_DECAY = 0.001
CLIP_THRESHOLD = 1.0
TEMPERATURE = 10
NUM_TEACHER_CLASSES = 102
AUTO = tf.data.AUTOTUNE

rng = np.random.default_rng(0)
train_images = rng.integers(0, 256, size=(16, 48, 48, 3)).astype("uint8")
train_labels = rng.integers(0, NUM_TEACHER_CLASSES, size=16)
val_images = rng.integers(0, 256, size=(8, 48, 48, 3)).astype("uint8")
val_labels = rng.integers(0, NUM_TEACHER_CLASSES, size=8)


def mixup(images, labels):
    alpha = tf.random.uniform([], 0, 1)
    mixedup_images = alpha * images + (1 - alpha) * tf.reverse(images, axis=[0])
    # The labels do not matter here since they are NOT used during training.
    return mixedup_images, labels


def preprocess_image(image, label, train=True):
    image = tf.cast(image, tf.float32) / 255.0
    if train:
        image = tf.image.resize(image, (BIGGER, BIGGER))
        image = tf.image.random_crop(image, (RESIZE, RESIZE, 3))
        image = tf.image.random_flip_left_right(image)
    else:
        image = tf.image.central_crop(image, central_fraction=0.875)
        image = tf.image.resize(image, (RESIZE, RESIZE))
    return image, label


def prepare_dataset(dataset, train=True, batch_size=BATCH_SIZE):
    if train:
        dataset = dataset.map(preprocess_image, num_parallel_calls=AUTO)
        dataset = dataset.shuffle(BATCH_SIZE * 10)
    else:
        dataset = dataset.map(lambda x, y: (preprocess_image(x, y, train)), num_parallel_calls=AUTO)
    dataset = dataset.batch(batch_size)
    if train:
        dataset = dataset.map(mixup, num_parallel_calls=AUTO)
    return dataset.prefetch(AUTO)


train_ds = prepare_dataset(tf.data.Dataset.from_tensor_slices((train_images, train_labels)), True)
validation_ds = prepare_dataset(tf.data.Dataset.from_tensor_slices((val_images, val_labels)), False)

# A small frozen convnet with 102 logits stands in for the example's BiT ResNet101x3
# teacher (a SavedModel trained on Flowers102).
teacher_model = keras.Sequential(
    [
        keras.Input((RESIZE, RESIZE, 3)),
        keras.layers.Conv2D(16, 3, strides=2, activation="relu"),
        keras.layers.GlobalAveragePooling2D(),
        keras.layers.Dense(NUM_TEACHER_CLASSES),
    ],
    name="teacher",
)
teacher_model.trainable = False


def get_student():
    student = keras.applications.MobileNet(
        alpha=0.25,
        weights=None,
        input_shape=(RESIZE, RESIZE, 3),
        classifier_activation="linear",
    )
    return student


class Distiller(keras.Model):
    def __init__(self, student, teacher):
        super().__init__()
        self.student = student
        self.teacher = teacher
        self.loss_tracker = keras.metrics.Mean(name="distillation_loss")

    @property
    def metrics(self):
        return [self.loss_tracker]

    def compile(self, optimizer, distillation_loss_fn, temperature=TEMPERATURE):
        super().compile(optimizer=optimizer)
        self.distillation_loss_fn = distillation_loss_fn
        self.temperature = temperature

    def train_step(self, data):
        x, _ = data
        teacher_predictions = self.teacher(x, training=False)
        with tf.GradientTape() as tape:
            student_predictions = self.student(x, training=True)
            distillation_loss = self.distillation_loss_fn(
                tf.nn.softmax(teacher_predictions / self.temperature, axis=1),
                tf.nn.softmax(student_predictions / self.temperature, axis=1),
            )
        trainable_vars = self.student.trainable_variables
        gradients = tape.gradient(distillation_loss, trainable_vars)
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))
        self.loss_tracker.update_state(distillation_loss)
        return {"distillation_loss": self.loss_tracker.result()}

    def test_step(self, data):
        x, y = data
        teacher_predictions = self.teacher(x, training=False)
        student_predictions = self.student(x, training=False)
        distillation_loss = self.distillation_loss_fn(
            tf.nn.softmax(teacher_predictions / self.temperature, axis=1),
            tf.nn.softmax(student_predictions / self.temperature, axis=1),
        )
        self.loss_tracker.update_state(distillation_loss)
        return {"distillation_loss": self.loss_tracker.result()}


optimizer = keras.optimizers.AdamW(weight_decay=WEIGHT_DECAY, learning_rate=INIT_LR, clipnorm=CLIP_THRESHOLD)
student_model = get_student()

distiller = Distiller(student=student_model, teacher=teacher_model)
distiller.compile(optimizer, distillation_loss_fn=keras.losses.KLDivergence(), temperature=TEMPERATURE)
history = distiller.fit(train_ds, validation_data=validation_ds, epochs=1, verbose=2)
print(history.history)
