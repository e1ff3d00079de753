# Linear classifier on two 2-D point clouds, trained with a hand-written training step.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

num_samples_per_class = 500
rng = np.random.default_rng(10)
negative_samples = rng.multivariate_normal(
    mean=[0, 3], cov=[[1, 0.5], [0.5, 1]], size=num_samples_per_class)
positive_samples = rng.multivariate_normal(
    mean=[3, 0], cov=[[1, 0.5], [0.5, 1]], size=num_samples_per_class)
inputs = np.vstack((negative_samples, positive_samples)).astype(np.float32)
targets = np.concatenate((np.zeros(num_samples_per_class, dtype="float32"),
                          np.ones(num_samples_per_class, dtype="float32")))

model = keras.Sequential([keras.Input(shape=(2,)), layers.Dense(1)])


def square_loss(targets, predictions):
    per_sample_losses = tf.square(targets - predictions)
    return tf.reduce_mean(per_sample_losses)


learning_rate = 0.1


def training_step(inputs, targets):
    with tf.GradientTape() as tape:
        predictions = model(inputs)
        loss = square_loss(targets, predictions)
    grads = tape.gradient(loss, model.trainable_weights)
    for weight, grad in zip(model.trainable_weights, grads):
        weight.assign_sub(grad * learning_rate)
    return loss


for step in range(40):
    loss = training_step(inputs, targets)
print(f"Loss at step 40: {float(loss):.4f}")

predictions = model(inputs).numpy()
print(f"Mean score on the positive cloud: {predictions[num_samples_per_class:].mean():.3f}")
