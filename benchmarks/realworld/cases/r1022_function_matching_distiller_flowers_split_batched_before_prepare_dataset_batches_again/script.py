import numpy as np
import tensorflow as tf
import keras
from keras import layers

AUTO = tf.data.AUTOTUNE
TEMPERATURE = 10
BATCH_SIZE = 16
RESIZE = 32
NUM_CLASSES = 12

rng = np.random.default_rng(7)
images = rng.integers(0, 256, size=(96, RESIZE, RESIZE, 3)).astype("uint8")
labels = rng.integers(0, NUM_CLASSES, size=96)
train_ds = tf.data.Dataset.from_tensor_slices((images, labels)).batch(BATCH_SIZE)


def mixup(images, labels):
    alpha = tf.random.uniform([], 0, 1)
    mixedup_images = alpha * images + (1 - alpha) * tf.reverse(images, axis=[0])
    return mixedup_images, labels


def preprocess_image(image, label):
    image = tf.cast(image, tf.float32) / 255.0
    image = tf.image.random_flip_left_right(image)
    return image, label


def prepare_dataset(dataset, batch_size=BATCH_SIZE):
    dataset = dataset.map(preprocess_image, num_parallel_calls=AUTO)
    dataset = dataset.shuffle(batch_size * 10)
    dataset = dataset.batch(batch_size)
    dataset = dataset.map(mixup, num_parallel_calls=AUTO)
    return dataset.prefetch(AUTO)


def small_convnet(width, name):
    return keras.Sequential(
        [
            keras.Input(shape=(RESIZE, RESIZE, 3)),
            layers.Conv2D(width, 3, activation="relu"),
            layers.MaxPooling2D(),
            layers.Conv2D(width * 2, 3, activation="relu"),
            layers.GlobalAveragePooling2D(),
            layers.Dense(NUM_CLASSES),
        ],
        name=name,
    )


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


teacher_model = small_convnet(16, "teacher")
teacher_model.trainable = False
student_model = small_convnet(8, "student")

train_ds = prepare_dataset(train_ds)
distiller = Distiller(student=student_model, teacher=teacher_model)
distiller.compile(
    optimizer=keras.optimizers.Adam(1e-3),
    distillation_loss_fn=keras.losses.KLDivergence(),
)
distiller.fit(train_ds, epochs=2, verbose=0)
print("distilled")
