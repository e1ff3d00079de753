# Clothing classifier trained from a tf.data pipeline (shuffle + batch), then asked for
# predictions on a dataset of images only.
import numpy as np
import tensorflow as tf

gen = np.random.default_rng(5)
pictures = gen.random((256, 28, 28)).astype("float32")
garment_ids = gen.integers(0, 10, size=256).astype(np.int32)

train_pipe = tf.data.Dataset.from_tensor_slices((pictures, garment_ids))
train_pipe = train_pipe.shuffle(256).batch(32)

clf = tf.keras.Sequential([
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(10),
])
clf.compile(optimizer="adam",
            loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
            metrics=["accuracy"])
clf.fit(train_pipe.repeat(), epochs=2, steps_per_epoch=4, verbose=0)
loss, accuracy = clf.evaluate(train_pipe, verbose=0)

new_pictures = tf.data.Dataset.from_tensor_slices(pictures[:64])
scores = clf.predict(new_pictures, steps=2, verbose=0)
print(scores.shape)
