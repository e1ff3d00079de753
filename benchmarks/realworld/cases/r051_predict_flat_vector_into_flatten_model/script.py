import numpy as np
import tensorflow as tf

x_train = np.random.rand(200, 28, 28).astype("float32")
y_train = np.random.randint(0, 10, size=(200,))
model = tf.keras.models.Sequential([
    tf.keras.layers.Flatten(input_shape=(28, 28)),
    tf.keras.layers.Dense(100, activation=tf.nn.relu),
    tf.keras.layers.Dropout(0.10),
    tf.keras.layers.Dense(10, activation=tf.nn.softmax),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, verbose=0)

# A drawing exported as one flat row of 784 grey levels.
test_image = np.random.rand(1, 784).astype("float32")
result = model.predict(test_image, verbose=0)
print(np.argmax(result[0]))
