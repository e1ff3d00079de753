# Rain-cell nowcasting: each sample is a stack of 6 radar frames (8 x 8 cells, one
# channel); a ConvLSTM2D summarises the stack and a small head predicts whether heavy
# rain follows.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(10235)
radar_stacks = rng.random((60, 6, 8, 8, 1)).astype("float32")
heavy_rain = (radar_stacks[:, -1].mean(axis=(1, 2, 3)) > 0.5).astype("float32")

nowcaster = keras.Sequential([
    layers.ConvLSTM2D(8, kernel_size=(3, 3), padding="same", input_shape=radar_stacks.shape),
    layers.GlobalAveragePooling2D(),
    layers.Dense(1, activation="sigmoid"),
])
nowcaster.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
nowcaster.fit(radar_stacks, heavy_rain, batch_size=12, epochs=2, verbose=0)
print(nowcaster.predict(radar_stacks[:3], verbose=0).shape)
