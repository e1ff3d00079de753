# Video classifier: a frozen image CNN is applied to every frame with TimeDistributed,
# a Dense layer scores 10 classes per position, and pooling reduces to one score vector.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(12)
frames = rng.random((16, 6, 64, 64, 3)).astype("float32")  # 16 clips of 6 frames
labels = rng.integers(0, 10, size=16)
train_ds = tf.data.Dataset.from_tensor_slices((frames, labels)).batch(4)

net = tf.keras.Sequential(
    [
        tf.keras.Input(shape=(64, 64, 3)),
        tf.keras.layers.Conv2D(16, 3, strides=2, activation="relu"),
        tf.keras.layers.Conv2D(32, 3, strides=2, activation="relu"),
    ],
    name="frame_features",
)
net.trainable = False

model = tf.keras.Sequential([
    tf.keras.layers.Rescaling(scale=255),
    tf.keras.layers.TimeDistributed(net),
    tf.keras.layers.Dense(10),
    tf.keras.layers.GlobalAveragePooling2D(),
])

model.compile(
    optimizer="adam",
    loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
model.fit(train_ds, epochs=2, verbose=0)
print(model.predict(frames[:2], verbose=0).shape)
