# Transfer learning for cats vs dogs: a frozen Xception base (include_top=False) under a
# new binary head trained on logits with BinaryCrossentropy(from_logits=True).
import numpy as np
import keras

rng = np.random.default_rng(4)
images = rng.uniform(0, 255, size=(32, 96, 96, 3)).astype("float32")
labels = rng.integers(0, 2, size=32)

base_model = keras.applications.Xception(
    weights=None,
    input_shape=(96, 96, 3),
    include_top=False,
)
base_model.trainable = False

inputs = keras.Input(shape=(96, 96, 3))
scale_layer = keras.layers.Rescaling(scale=1 / 127.5, offset=-1)
x = scale_layer(inputs)
x = base_model(x, training=False)
x = keras.layers.Dropout(0.2)(x)
outputs = keras.layers.Dense(1)(x)
model = keras.Model(inputs, outputs)

model.compile(
    optimizer=keras.optimizers.Adam(),
    loss=keras.losses.BinaryCrossentropy(from_logits=True),
    metrics=[keras.metrics.BinaryAccuracy()],
)
model.fit(images, labels, batch_size=16, epochs=1, verbose=0)
print(model.predict(images[:2], verbose=0).shape)
