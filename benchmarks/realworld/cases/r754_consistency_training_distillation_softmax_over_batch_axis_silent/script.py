# Consistency training with supervision (Noisy-Student style): a teacher is trained on
# clean crops; a student then sees noisy crops of the same images and is trained on the
# labels plus a temperature-softened KL term that pulls its class distribution towards
# the teacher's distribution on the clean crops.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

AUTO = tf.data.AUTOTUNE
BATCH_SIZE = 16
RESIZE_TO, CROP_TO = 40, 32
NUM_CLASSES = 10

rng = np.random.default_rng(754)
x_train = rng.integers(0, 256, size=(96, 32, 32, 3)).astype("float32")
y_train = rng.integers(0, NUM_CLASSES, size=(96,))
x_val = rng.integers(0, 256, size=(32, 32, 32, 3)).astype("float32")
y_val = rng.integers(0, NUM_CLASSES, size=(32,))


def preprocess_train(image, label, noisy=True):
    image = tf.image.random_flip_left_right(image)
    image = tf.image.resize(image, [RESIZE_TO, RESIZE_TO])
    image = tf.image.random_crop(image, [CROP_TO, CROP_TO, 3])
    if noisy:
        image = tf.clip_by_value(image + tf.random.normal(tf.shape(image), stddev=20.0), 0.0, 255.0)
    return image, label


def preprocess_test(image, label):
    return tf.image.resize(image, [CROP_TO, CROP_TO]), label


train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train))
train_clean_ds = (train_ds.shuffle(BATCH_SIZE * 10, seed=42)
                  .map(lambda x, y: preprocess_train(x, y, noisy=False), num_parallel_calls=AUTO)
                  .batch(BATCH_SIZE).prefetch(AUTO))
train_noisy_ds = (train_ds.shuffle(BATCH_SIZE * 10, seed=42)
                  .map(preprocess_train, num_parallel_calls=AUTO).batch(BATCH_SIZE).prefetch(AUTO))
validation_ds = (tf.data.Dataset.from_tensor_slices((x_val, y_val))
                 .map(preprocess_test, num_parallel_calls=AUTO).batch(BATCH_SIZE).prefetch(AUTO))
consistency_training_ds = tf.data.Dataset.zip((train_clean_ds, train_noisy_ds))


def get_training_model(num_classes=NUM_CLASSES):
    return keras.Sequential([
        layers.Input((CROP_TO, CROP_TO, 3)),
        layers.Rescaling(scale=1.0 / 127.5, offset=-1),
        layers.Conv2D(16, 3, strides=2, activation="relu"),
        layers.Conv2D(32, 3, strides=2, activation="relu"),
        layers.GlobalAveragePooling2D(),
        layers.Dense(num_classes),
    ])


teacher_model = get_training_model()
teacher_model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                      metrics=["accuracy"])
teacher_model.fit(train_clean_ds, epochs=1, validation_data=validation_ds, verbose=0)


class SelfTrainer(keras.Model):
    def __init__(self, student, teacher):
        super().__init__()
        self.student, self.teacher = student, teacher
        self.acc = keras.metrics.SparseCategoricalAccuracy(name="accuracy")

    def compile(self, optimizer, student_loss_fn, distillation_loss_fn, temperature=3):
        super().compile(optimizer=optimizer)
        self.student_loss_fn = student_loss_fn
        self.distillation_loss_fn = distillation_loss_fn
        self.temperature = temperature

    @property
    def metrics(self):
        return [self.acc]

    def train_step(self, data):
        (clean_images, _), (noisy_images, y) = data
        teacher_predictions = self.teacher(clean_images, training=False)
        with tf.GradientTape() as tape:
            student_predictions = self.student(noisy_images, training=True)
            student_loss = self.student_loss_fn(y, student_predictions)
            distillation_loss = self.distillation_loss_fn(
                tf.nn.softmax(teacher_predictions / self.temperature, axis=0),
                tf.nn.softmax(student_predictions / self.temperature, axis=0),
            )
            total_loss = (student_loss + distillation_loss) / 2
        grads = tape.gradient(total_loss, self.student.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.student.trainable_variables))
        self.acc.update_state(y, tf.nn.softmax(student_predictions, axis=1))
        return {"accuracy": self.acc.result(), "total_loss": total_loss}

    def test_step(self, data):
        x, y = data
        self.acc.update_state(y, tf.nn.softmax(self.student(x, training=False), axis=1))
        return {"accuracy": self.acc.result()}


self_trainer = SelfTrainer(student=get_training_model(), teacher=teacher_model)
self_trainer.compile(optimizer="adam",
                     student_loss_fn=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                     distillation_loss_fn=keras.losses.KLDivergence(), temperature=10)
history = self_trainer.fit(consistency_training_ds, epochs=2, validation_data=validation_ds, verbose=0)
print("student val accuracy", history.history["val_accuracy"][-1])
