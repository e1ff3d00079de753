# cats vs dogs with little data: bottleneck features of a VGG16 conv base + small top model
import numpy as np
import keras
from keras import layers, applications

img_width, img_height = 48, 48
nb_train_samples = 200
nb_validation_samples = 80
epochs = 2
batch_size = 16

rng = np.random.default_rng(1006)
train_images = rng.random((nb_train_samples, img_height, img_width, 3)).astype("float32")
validation_images = rng.random((nb_validation_samples, img_height, img_width, 3)).astype("float32")


def flow_from_memory(images, batch_size):
    # stands in for flow_from_directory(..., class_mode=None, shuffle=False): cats first, then dogs
    while True:
        for start in range(0, len(images), batch_size):
            yield (images[start:start + batch_size],)


def save_bottleneck_features():
    model = applications.VGG16(include_top=False, weights=None, input_shape=(img_height, img_width, 3))
    generator = flow_from_memory(train_images, batch_size)
    bottleneck_features_train = model.predict(generator, steps=nb_train_samples // batch_size, verbose=0)
    generator = flow_from_memory(validation_images, batch_size)
    bottleneck_features_validation = model.predict(generator, steps=nb_validation_samples // batch_size, verbose=0)
    return bottleneck_features_train, bottleneck_features_validation


def train_top_model(train_data, validation_data):
    train_labels = np.array([0] * (nb_train_samples // 2) + [1] * (nb_train_samples // 2))
    validation_labels = np.array([0] * (nb_validation_samples // 2) + [1] * (nb_validation_samples // 2))
    model = keras.Sequential([
        keras.Input(shape=train_data.shape[1:]),
        layers.Flatten(),
        layers.Dense(256, activation="relu"),
        layers.Dropout(0.5),
        layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    model.fit(train_data, train_labels, epochs=epochs, batch_size=batch_size,
              validation_data=(validation_data, validation_labels), verbose=0)
    return model


train_data, validation_data = save_bottleneck_features()
print("bottleneck features:", train_data.shape, validation_data.shape)
top_model = train_top_model(train_data, validation_data)
print("top model trained")
