# Two-class linear classifier on 2-D point clouds, trained by a hand-written gradient step.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

n_per_class = 400
rng = np.random.default_rng(14)
cov = [[1, 0.5], [0.5, 1]]
class_a = rng.multivariate_normal(mean=[0, 3], cov=cov, size=n_per_class)
class_b = rng.multivariate_normal(mean=[3, 0], cov=cov, size=n_per_class)
points = np.vstack((class_a, class_b)).astype(np.float32)
targets = np.vstack((np.zeros((n_per_class, 1), dtype="float32"),
                     np.ones((n_per_class, 1), dtype="float32")))

classifier = keras.Sequential([keras.Input(shape=(2,)), layers.Dense(1)])
learning_rate = 0.1


def square_loss(y_true, y_pred):
    return tf.reduce_mean(tf.square(y_true - y_pred))


def training_step(x, y):
    with tf.GradientTape() as tape:
        loss = square_loss(y, classifier(x))
    grads = tape.gradient(loss, classifier.trainable_weights)
    for weight, grad in zip(classifier.trainable_weights, grads):
        weight.assign_sub(grad * learning_rate)
    return loss


for step in range(40):
    loss = training_step(points, targets)
print(f"final loss: {float(loss):.4f}")
scores = classifier(points).numpy()
print(f"accuracy: {np.mean((scores > 0.5) == targets):.3f}")
