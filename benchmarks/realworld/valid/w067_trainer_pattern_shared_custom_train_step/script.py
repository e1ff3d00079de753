import numpy as np
import tensorflow as tf
import keras
from keras import layers

# MNIST-like digits scaled to [0, 1]
x_train = np.random.rand(256, 28, 28).astype("float32")
y_train = np.random.randint(0, 10, size=(256,))
x_test = np.random.rand(64, 28, 28).astype("float32")
y_test = np.random.randint(0, 10, size=(64,))


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

# A model defined using the Functional API
func_input = keras.Input(shape=(28, 28, 1))
x = layers.Flatten()(func_input)
x = layers.Dense(512, activation="relu")(x)
x = layers.Dropout(0.4)(x)
func_output = layers.Dense(10, activation="softmax")(x)
model_b = keras.Model(func_input, func_output)

trainer_1 = MyTrainer(model_a)
trainer_2 = MyTrainer(model_b)

trainer_1.compile(keras.optimizers.SGD(), loss="sparse_categorical_crossentropy")
trainer_1.fit(x_train, y_train, epochs=1, batch_size=64, validation_data=(x_test, y_test), verbose=0)

trainer_2.compile(keras.optimizers.Adam(), loss="sparse_categorical_crossentropy")
trainer_2.fit(x_train[..., None], y_train, epochs=1, batch_size=64, validation_data=(x_test[..., None], y_test), verbose=0)
print(trainer_1.predict(x_test[:2], verbose=0).shape, trainer_2.predict(x_test[:2, ..., None], verbose=0).shape)
