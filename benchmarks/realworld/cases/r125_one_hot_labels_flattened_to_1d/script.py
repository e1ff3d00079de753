import numpy as np
import tensorflow as tf

num_classes = 10
x_train = np.random.rand(250, 784).astype("float32")
y_train = tf.keras.utils.to_categorical(np.random.randint(0, num_classes, size=(250,)), num_classes)
y_train = y_train.reshape(-1)

model = tf.keras.Sequential([
    tf.keras.Input(shape=(784,)),
    tf.keras.layers.Dense(64, activation="relu"),
    tf.keras.layers.Dense(num_classes),
])
model.compile(optimizer="sgd", loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(x_train, y_train, epochs=1, batch_size=250, verbose=0)
