# Road-scene segmentation in the FCN-16S style: the class scores of the coarsest
# feature map are upsampled 2x before they are added to the scores of the previous
# pooling level, then the fused map is upsampled 16x to the input size.
import numpy as np
import keras

H, W = 96, 128
N_CLASSES = 5

gen = np.random.default_rng(131)
scenes = gen.random((12, H, W, 3)).astype("float32")
labels = gen.integers(0, N_CLASSES, size=(12, H, W))

scene_in = keras.Input(shape=(H, W, 3))
feat = scene_in
stages = []
for width in [8, 16, 16, 32, 32]:
    feat = keras.layers.Conv2D(width, 3, padding="same", activation="relu")(feat)
    feat = keras.layers.MaxPooling2D(2)(feat)
    stages.append(feat)
stage4, stage5 = stages[3], stages[4]

coarse_scores = keras.layers.Conv2D(N_CLASSES, 1, padding="same", activation="relu")(stage5)
stage4_scores = keras.layers.Conv2D(N_CLASSES, 1, padding="same", kernel_initializer="zeros")(stage4)
coarse_up = keras.layers.UpSampling2D(size=(2, 2), interpolation="bilinear")(coarse_scores)
fused = keras.layers.Add()([stage4_scores, coarse_up])
probs = keras.layers.Conv2D(N_CLASSES, 1, activation="softmax", padding="same")(fused)
probs = keras.layers.UpSampling2D(size=(16, 16), interpolation="bilinear")(probs)

segmenter = keras.Model(scene_in, probs)
segmenter.compile(optimizer=keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=1e-4),
                  loss="sparse_categorical_crossentropy",
                  metrics=[keras.metrics.MeanIoU(num_classes=N_CLASSES, sparse_y_pred=False)])
segmenter.fit(scenes, labels, batch_size=3, epochs=1, verbose=0)
print(segmenter.predict(scenes[:1], verbose=0).shape)
