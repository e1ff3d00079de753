import numpy as np
import tensorflow as tf
import keras
from keras import layers

# MNIST-like digits scaled to [0, 1]
x_train = np.random.rand(256, 28, 28).astype("float32")
y_train = np.random.randint(0, 10, size=(256,))
x_test = np.random.rand(64, 28, 28).astype("float32")
y_test = np.random.randint(0, 10, size=(64,))
y_train = keras.utils.to_categorical(y_train, 10)
y_test = keras.utils.to_categorical(y_test, 10)


class MyTrainer(keras.Model):
    def __init__(self, model):
        super().__init__()
        self.model = model
        self.loss_tracker = keras.metrics.Mean(name="loss")

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self.model(x, training=True)
            loss = self.compute_loss(y=y, y_pred=y_pred)
        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        self.loss_tracker.update_state(loss)
        return {"loss": self.loss_tracker.result()}

    def call(self, x):
        return self.model(x)


model_a = keras.Sequential(
    [
        keras.Input(shape=(28, 28)),
        layers.Flatten(),
        layers.Dense(256, activation="relu"),
        layers.Dropout(0.2),
        layers.Dense(10, activation="softmax"),
    ]
)

trainer_1 = MyTrainer(model_a)
trainer_1.compile(keras.optimizers.SGD(), loss="sparse_categorical_crossentropy")
trainer_1.fit(x_train, y_train, epochs=1, batch_size=64, validation_data=(x_test, y_test), verbose=0)
