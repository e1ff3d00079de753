# Fashion-MNIST convolutional classifier (course lab): two Conv2D/MaxPooling2D blocks
# before the dense head, then an activation model built from the conv and pooling
# layer outputs shows what one filter responds to in three test images.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(3)
training_images = rng.integers(0, 256, size=(240, 28, 28)) / 255.0
training_labels = rng.integers(0, 10, size=240)
test_images = rng.integers(0, 256, size=(40, 28, 28)) / 255.0

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(32, (3, 3), activation="relu"),
    layers.MaxPooling2D(2, 2),
    layers.Conv2D(32, (3, 3), activation="relu"),
    layers.MaxPooling2D(2, 2),
    layers.Flatten(),
    layers.Dense(64, activation="relu"),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(training_images, training_labels, epochs=1, verbose=0)

FIRST_IMAGE, SECOND_IMAGE, THIRD_IMAGE = 0, 23, 28
CONVOLUTION_NUMBER = 1
layers_to_visualize = [layers.Conv2D, layers.MaxPooling2D]
layer_outputs = [layer.output for layer in model.layers if type(layer) in layers_to_visualize]
activation_model = keras.Model(inputs=model.inputs, outputs=layer_outputs)
for x in range(len(layer_outputs)):
    for image_index in (FIRST_IMAGE, SECOND_IMAGE, THIRD_IMAGE):
        f = activation_model.predict(test_images[image_index].reshape(28, 28, 1), verbose=False)[x]
        print(x, image_index, f.shape, float(f[0, :, :, CONVOLUTION_NUMBER].mean()))
