import numpy as np
import keras
from keras import layers

NUM_CLASSES = 3
SIZE = 96
rng = np.random.default_rng(21)
scenes = rng.uniform(size=(10, SIZE, SIZE, 3)).astype("float32")
seg_maps = rng.integers(0, NUM_CLASSES, size=(10, SIZE, SIZE))


def conv_stage(x, filters, n_convs, tag):
    for k in range(n_convs):
        x = layers.Conv2D(filters, 3, padding="same", activation="relu", name=f"{tag}_c{k}")(x)
    return layers.MaxPooling2D(2, name=f"{tag}_pool")(x)


image_input = keras.Input(shape=(SIZE, SIZE, 3))
pool1 = conv_stage(image_input, 8, 1, "s1")   # 48
pool2 = conv_stage(pool1, 12, 1, "s2")        # 24
pool3 = conv_stage(pool2, 16, 2, "s3")        # 12
pool4 = conv_stage(pool3, 16, 2, "s4")        # 6
pool5 = conv_stage(pool4, 16, 2, "s5")        # 3
fc6 = layers.Conv2D(48, 7, padding="same", activation="relu")(pool5)
fc7 = layers.Conv2D(48, 1, padding="same", activation="relu")(fc6)

# 3 -> 8 -> crop -> 6, fused with the pool4 scores
up = layers.Conv2DTranspose(NUM_CLASSES, 4, strides=2, use_bias=False)(fc7)
up = layers.Cropping2D(cropping=(1, 1))(up)
score4 = layers.Conv2D(NUM_CLASSES, 1, padding="same", activation="relu")(pool4)
fused = layers.Add()([up, score4])
# 6 -> 14 -> crop -> 12, fused with the pool3 scores
up = layers.Conv2DTranspose(NUM_CLASSES, 4, strides=2, use_bias=False)(fused)
up = layers.Cropping2D(cropping=(1, 1))(up)
score3 = layers.Conv2D(NUM_CLASSES, 1, padding="same", activation="relu")(pool3)
fused = layers.Add()([up, score3])
# 12 -> 96
logits = layers.Conv2DTranspose(NUM_CLASSES, 8, strides=8, use_bias=False)(fused)
probs = layers.Activation("softmax")(logits)

segmenter = keras.Model(image_input, probs)
segmenter.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
segmenter.fit(scenes[:8], seg_maps[:8], batch_size=4, epochs=1, verbose=0)
pred_maps = np.argmax(segmenter.predict(scenes[8:], verbose=0), axis=-1)
print("predicted maps:", pred_maps.shape)
