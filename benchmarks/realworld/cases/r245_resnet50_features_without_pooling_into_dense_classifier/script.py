import numpy as np
import keras
from keras import layers

# Extract ResNet50 features once, then train a small classifier on them
images = np.random.rand(16, 64, 64, 3).astype("float32") * 255.0
labels = np.random.randint(0, 5, size=(16,))

base = keras.applications.ResNet50(weights=None, include_top=False, input_shape=(64, 64, 3))
features = base.predict(keras.applications.resnet50.preprocess_input(images), verbose=0)
print("features", features.shape)

classifier = keras.Sequential([
    keras.Input(shape=(2048,)),
    layers.Dense(256, activation="relu"),
    layers.Dense(5, activation="softmax"),
])
classifier.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
classifier.fit(features, labels, batch_size=8, epochs=1, verbose=0)
