# Small SSD7-style detector ported to Keras 3: two predictor levels, each with a class
# conv, a box conv and an AnchorBoxes layer that lays out the default boxes of its
# feature map; the three tensors are reshaped to (batch, n_boxes_total, k) and joined.
import numpy as np
import keras
from keras import layers, ops

IMG_H, IMG_W = 48, 64
N_CLASSES = 3            # background + 2 object classes
ASPECT_RATIOS = [0.5, 1.0, 2.0, 3.0]
N_BOXES = len(ASPECT_RATIOS)


class AnchorBoxes(layers.Layer):
    def __init__(self, img_height, img_width, this_scale, aspect_ratios, **kwargs):
        super().__init__(**kwargs)
        self.img_height, self.img_width = img_height, img_width
        self.this_scale, self.aspect_ratios = this_scale, aspect_ratios

    def call(self, x):
        # ported from K.image_dim_ordering() == 'tf'
        if keras.config.image_data_format() == "tf":
            batch_size, fmap_height, fmap_width, fmap_channels = x.shape
        else:
            batch_size, fmap_channels, fmap_height, fmap_width = x.shape
        size = self.this_scale * min(self.img_height, self.img_width)
        wh = np.array([[size * np.sqrt(ar), size / np.sqrt(ar)] for ar in self.aspect_ratios])
        cy = (np.arange(fmap_height) + 0.5) * self.img_height / fmap_height
        cx = (np.arange(fmap_width) + 0.5) * self.img_width / fmap_width
        cx_grid, cy_grid = np.meshgrid(cx, cy)
        boxes = np.zeros((fmap_height, fmap_width, len(self.aspect_ratios), 8), dtype="float32")
        boxes[..., 0] = cx_grid[..., None] / self.img_width
        boxes[..., 1] = cy_grid[..., None] / self.img_height
        boxes[..., 2] = wh[:, 0] / self.img_width
        boxes[..., 3] = wh[:, 1] / self.img_height
        boxes[..., 4:] = [0.1, 0.1, 0.2, 0.2]
        anchors = ops.convert_to_tensor(boxes[None])
        return ops.tile(anchors, (ops.shape(x)[0], 1, 1, 1, 1))


image_in = keras.Input(shape=(IMG_H, IMG_W, 3))
x = layers.Conv2D(16, 3, padding="same", activation="relu")(image_in)
x = layers.MaxPooling2D(2)(x)
x = layers.Conv2D(32, 3, padding="same", activation="relu")(x)
fmap4 = layers.MaxPooling2D(2)(x)                                   # 12 x 16
fmap5 = layers.MaxPooling2D(2)(layers.Conv2D(32, 3, padding="same", activation="relu")(fmap4))  # 6 x 8

class_heads, box_heads, anchor_heads = [], [], []
for fmap, scale in [(fmap4, 0.2), (fmap5, 0.45)]:
    classes = layers.Conv2D(N_BOXES * N_CLASSES, 3, padding="same")(fmap)
    boxes = layers.Conv2D(N_BOXES * 4, 3, padding="same")(fmap)
    anchors = AnchorBoxes(IMG_H, IMG_W, scale, ASPECT_RATIOS)(boxes)
    class_heads.append(layers.Reshape((-1, N_CLASSES))(classes))
    box_heads.append(layers.Reshape((-1, 4))(boxes))
    anchor_heads.append(layers.Reshape((-1, 8))(anchors))

classes_softmax = layers.Activation("softmax")(layers.Concatenate(axis=1)(class_heads))
boxes_concat = layers.Concatenate(axis=1)(box_heads)
anchors_concat = layers.Concatenate(axis=1)(anchor_heads)
predictions = layers.Concatenate(axis=2)([classes_softmax, boxes_concat, anchors_concat])
ssd7 = keras.Model(image_in, predictions)


def ssd_loss(y_true, y_pred):
    cls = keras.losses.categorical_crossentropy(y_true[..., :N_CLASSES], y_pred[..., :N_CLASSES])
    positive = 1.0 - y_true[..., 0]
    loc = keras.losses.huber(y_true[..., N_CLASSES:N_CLASSES + 4], y_pred[..., N_CLASSES:N_CLASSES + 4])
    return ops.mean(cls + positive * loc, axis=-1)


rng = np.random.default_rng(820)
images = rng.random((16, IMG_H, IMG_W, 3)).astype("float32")
n_total = ssd7.output_shape[1]
labels = np.zeros((16, n_total, N_CLASSES + 12), dtype="float32")
labels[..., :N_CLASSES] = keras.utils.to_categorical(rng.choice(N_CLASSES, size=(16, n_total), p=[0.9, 0.05, 0.05]), N_CLASSES)
labels[..., N_CLASSES:N_CLASSES + 4] = rng.normal(0, 0.5, (16, n_total, 4))
ssd7.compile(optimizer=keras.optimizers.Adam(1e-3), loss=ssd_loss)
ssd7.fit(images, labels, batch_size=4, epochs=1, verbose=0)
print(ssd7.predict(images[:2], verbose=0).shape)
