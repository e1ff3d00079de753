import numpy as np
import keras

# 28x28 RGB thumbnails, 5 classes.
images = np.random.rand(16, 28, 28, 3).astype("float32")
labels = np.random.randint(0, 5, size=(16,))

base = keras.applications.ResNet50(weights=None, include_top=False, input_shape=(28, 28, 3), pooling="avg")
head = keras.layers.Dense(5, activation="softmax")(base.output)
model = keras.Model(base.input, head)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(images, labels, epochs=1, batch_size=8, verbose=0)
