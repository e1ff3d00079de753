# Two-input model (a small grayscale photo and a sensor sequence) with two heads:
# a regression "rating" and a 4-way "category"; one loss per output, given as lists.
import numpy as np
import keras
from keras import layers

photo_in = keras.Input(shape=(24, 24, 1), name="photo")
sensor_in = keras.Input(shape=(None, 6), name="sensor")

p = layers.Conv2D(8, 3, activation="relu")(photo_in)
p = layers.GlobalAveragePooling2D()(p)
s = layers.Conv1D(8, 3, activation="relu")(sensor_in)
s = layers.GlobalAveragePooling1D()(s)
merged = layers.concatenate([p, s])

rating = layers.Dense(1, name="rating")(merged)
category = layers.Dense(4, activation="softmax", name="category")(merged)
net = keras.Model(inputs=[photo_in, sensor_in], outputs=[rating, category])

net.compile(
    optimizer=keras.optimizers.Adam(1e-3),
    loss=[keras.losses.MeanSquaredError(), keras.losses.CategoricalCrossentropy()],
    metrics=[[keras.metrics.MeanAbsoluteError()], [keras.metrics.CategoricalAccuracy()]],
)

gen = np.random.default_rng(123)
photos = gen.random(size=(80, 24, 24, 1))
sensors = gen.random(size=(80, 15, 6))
ratings = gen.random(size=(80, 1)) * 5
categories = np.eye(4)[gen.integers(0, 4, size=80)]

net.fit([photos, sensors], [ratings, categories], batch_size=16, epochs=2, verbose=0)
pred_rating, pred_category = net.predict([photos[:3], sensors[:3]], verbose=0)
print(pred_rating.shape, pred_category.shape)
