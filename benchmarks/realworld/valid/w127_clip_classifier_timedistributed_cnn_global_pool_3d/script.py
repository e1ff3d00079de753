# Gesture-clip classifier: a frozen per-frame CNN applied with TimeDistributed, per-position
# class scores from Dense, and GlobalAveragePooling3D over frames, height and width.
import numpy as np
import tensorflow as tf

gen = np.random.default_rng(40)
clips = gen.random((12, 5, 48, 48, 3)).astype("float32")
gesture = gen.integers(0, 4, size=12)
clip_ds = tf.data.Dataset.from_tensor_slices((clips, gesture)).shuffle(12).batch(3)

frame_cnn = tf.keras.Sequential(
    [tf.keras.Input(shape=(48, 48, 3)), tf.keras.layers.Conv2D(8, 3, strides=2, activation="relu"),
     tf.keras.layers.Conv2D(16, 3, strides=2, activation="relu")],
    name="frame_cnn",
)
frame_cnn.trainable = False

clip_model = tf.keras.Sequential([
    tf.keras.layers.Rescaling(scale=1.0 / 255),
    tf.keras.layers.TimeDistributed(frame_cnn),
    tf.keras.layers.Dense(4),
    tf.keras.layers.GlobalAveragePooling3D(),
])
clip_model.compile(optimizer="adam", loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                   metrics=["accuracy"])
clip_model.fit(clip_ds, epochs=2, verbose=0)
print(clip_model.predict(clips[:3], verbose=0).shape)
