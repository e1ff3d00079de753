import numpy as np
import keras
from keras import layers, ops

IMAGE_SIZE = 96
GRID = 6
BATCH_SIZE = 8
LABELS = ["raccoon", "fox"]
CLASS = len(LABELS)
# anchors from gen_anchors.py on our own boxes
ANCHORS = [0.9, 1.1, 1.8, 2.3, 3.0, 2.6, 4.2, 4.5]
NB_BOX = len(ANCHORS) // 2

image_in = keras.Input(shape=(IMAGE_SIZE, IMAGE_SIZE, 3))
x = image_in
for filters in (16, 32, 32, 64):
    x = layers.Conv2D(filters, 3, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    x = layers.LeakyReLU(negative_slope=0.1)(x)
    x = layers.MaxPooling2D(2)(x) if filters != 64 else x
x = layers.MaxPooling2D(2)(x)
x = layers.Conv2D(NB_BOX * (4 + 1 + CLASS), 1, padding="same")(x)
output = layers.Reshape((GRID, GRID, NB_BOX, 4 + 1 + CLASS))(x)
detector = keras.Model(image_in, output)

cell_x = ops.reshape(ops.tile(ops.arange(GRID, dtype="float32"), [GRID]), (1, GRID, GRID, 1, 1))
cell_y = ops.transpose(cell_x, (0, 2, 1, 3, 4))
cell_grid = ops.tile(ops.concatenate([cell_x, cell_y], -1), [BATCH_SIZE, 1, 1, 5, 1])
anchor_wh = np.reshape(ANCHORS, [1, 1, 1, NB_BOX, 2]).astype("float32")


def custom_loss(y_true, y_pred):
    pred_box_xy = ops.sigmoid(y_pred[..., :2]) + cell_grid
    pred_box_wh = ops.exp(y_pred[..., 2:4]) * anchor_wh
    pred_conf = ops.sigmoid(y_pred[..., 4])
    pred_class = y_pred[..., 5:]
    true_xy, true_wh = y_true[..., :2], y_true[..., 2:4]
    true_conf = y_true[..., 4]
    coord_mask = ops.expand_dims(true_conf, -1)
    loss_xy = ops.sum(ops.square(true_xy - pred_box_xy) * coord_mask, axis=[1, 2, 3, 4])
    loss_wh = ops.sum(ops.square(ops.sqrt(true_wh) - ops.sqrt(pred_box_wh)) * coord_mask, axis=[1, 2, 3, 4])
    loss_conf = ops.sum(ops.square(true_conf - pred_conf), axis=[1, 2, 3])
    loss_class = ops.sum(
        keras.losses.categorical_crossentropy(y_true[..., 5:], pred_class, from_logits=True) * true_conf,
        axis=[1, 2, 3])
    return loss_xy + loss_wh + loss_conf + loss_class


rng = np.random.default_rng(960)
n_images = 32
images = rng.random((n_images, IMAGE_SIZE, IMAGE_SIZE, 3)).astype("float32")
targets = np.zeros((n_images, GRID, GRID, NB_BOX, 4 + 1 + CLASS), dtype="float32")
for i in range(n_images):
    gy, gx, b = rng.integers(0, GRID), rng.integers(0, GRID), rng.integers(0, NB_BOX)
    targets[i, gy, gx, b, :2] = [gx + rng.random(), gy + rng.random()]
    targets[i, gy, gx, b, 2:4] = rng.uniform(0.5, 4.0, size=2)
    targets[i, gy, gx, b, 4] = 1.0
    targets[i, gy, gx, b, 5 + rng.integers(0, CLASS)] = 1.0

detector.compile(optimizer=keras.optimizers.Adam(1e-4), loss=custom_loss)
detector.fit(images, targets, batch_size=BATCH_SIZE, epochs=1, verbose=0)
print(detector.predict(images[:2], verbose=0).shape)
