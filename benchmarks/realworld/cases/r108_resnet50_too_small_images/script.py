import numpy as np
import tensorflow as tf

x_train = np.random.rand(24, 28, 28, 3).astype("float32")
y_train = tf.keras.utils.to_categorical(np.random.randint(0, 5, size=(24,)), 5)

resnet = tf.keras.applications.ResNet50(include_top=False, weights=None, input_shape=(28, 28, 3), pooling="avg")
model = tf.keras.Sequential()
model.add(resnet)
model.add(tf.keras.layers.Dense(5, activation="softmax"))
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(x_train, y_train, epochs=1, batch_size=8, verbose=0)
