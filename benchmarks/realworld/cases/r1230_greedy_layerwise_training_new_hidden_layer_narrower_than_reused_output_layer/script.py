import numpy as np
import keras
from keras import layers

# greedy layer-wise training: train, freeze, insert one more hidden layer before the trained softmax layer, repeat
img_width, img_height, no_classes = 16, 16, 10
batch_size, no_epochs, validation_split = 50, 1, 0.2
num_layers_to_add = 3

rng = np.random.default_rng(10)
input_train = rng.uniform(0, 1, size=(300, img_width, img_height, 3)).astype("float32")
input_test = rng.uniform(0, 1, size=(60, img_width, img_height, 3)).astype("float32")
target_train = keras.utils.to_categorical(rng.integers(0, no_classes, 300), no_classes)
target_test = keras.utils.to_categorical(rng.integers(0, no_classes, 60), no_classes)
data = (input_train, input_test, target_train, target_test)

def create_base_model():
    model = keras.Sequential()
    model.add(layers.Flatten())
    model.add(layers.Dense(256, activation="relu"))
    model.add(layers.Dense(no_classes, activation="softmax"))
    return model

def add_extra_layer(model):
    layer_to_add = layers.Dense(128, activation="relu")
    output_layer = model.layers[-1]
    for layer in model.layers:
        layer.trainable = False
    model.pop()
    model.add(layer_to_add)
    model.add(output_layer)
    return model

def train_model(model, data):
    x_train, x_test, y_train, y_test = data
    model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    model.fit(x_train, y_train, batch_size=batch_size, epochs=no_epochs, verbose=0, validation_split=validation_split)
    score = model.evaluate(x_test, y_test, verbose=0)
    print(f"hidden layers: {len(model.layers) - 2} / test loss: {score[0]:.3f} / test accuracy: {score[1]:.3f}")
    return model

model = create_base_model()
for i in range(num_layers_to_add):
    model = train_model(model, data)
    model = add_extra_layer(model)
