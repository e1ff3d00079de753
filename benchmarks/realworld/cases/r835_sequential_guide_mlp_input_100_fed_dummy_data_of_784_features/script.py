import numpy as np
import keras
from keras import layers

# For a single-input model with 10 classes (categorical classification):
model = keras.Sequential()
model.add(keras.Input(shape=(100,)))
model.add(layers.Dense(32, activation="relu"))
model.add(layers.Dense(10, activation="softmax"))
model.compile(optimizer="rmsprop",
              loss="categorical_crossentropy",
              metrics=["accuracy"])

# Generate dummy data
data = np.random.random((1000, 784))
labels = np.random.randint(10, size=(1000, 1))

# Convert labels to categorical one-hot encoding
one_hot_labels = keras.utils.to_categorical(labels, num_classes=10)

# Train the model, iterating on the data in batches of 32 samples
model.fit(data, one_hot_labels, epochs=2, batch_size=32, verbose=0)
print("trained on", data.shape)
