import numpy as np
import tensorflow as tf
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Conv2D, MaxPooling2D, Flatten, Dense

# The user's own classifier, trained on 150x150 RGB images.
x_train = np.random.rand(16, 150, 150, 3).astype("float32")
y_train = np.random.randint(0, 2, size=(16, 1))
model = Sequential()
model.add(Conv2D(8, (3, 3), activation="relu", input_shape=(150, 150, 3)))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Conv2D(16, (3, 3), activation="relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x_train, y_train, batch_size=8, epochs=1, verbose=0)


def model_predict(img, model):
    # The web app's preprocessing, written for the ImageNet models it ships with.
    img = tf.image.resize(img, (224, 224)).numpy()
    x = np.expand_dims(img, axis=0) / 255.0
    return model.predict(x, verbose=0)


uploaded = np.random.randint(0, 256, size=(480, 640, 3)).astype("float32")
preds = model_predict(uploaded, model)
print(preds)
