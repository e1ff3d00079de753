# RetinaNet-style one-stage detector on 96x96 pictures: a small conv backbone gives C3-C5, a feature
# pyramid gives P3-P7, and shared box / class heads predict 9 anchors per location;
# the per-level predictions are flattened to (batch, anchors, ...) and joined.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

IMG = 96
NUM_CLASSES = 3
ANCHORS_PER_CELL = 9


def make_backbone():
    img = keras.Input(shape=[None, None, 3])
    t = img
    feats = []
    for width in [16, 24, 32, 48, 64]:
        t = layers.Conv2D(width, 3, strides=2, padding="same", activation="relu")(t)
        feats.append(t)
    return keras.Model(img, [feats[2], feats[3], feats[4]])


class Pyramid(keras.layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.backbone = make_backbone()
        self.lat3 = layers.Conv2D(32, 1, padding="same")
        self.lat4 = layers.Conv2D(32, 1, padding="same")
        self.lat5 = layers.Conv2D(32, 1, padding="same")
        self.out3 = layers.Conv2D(32, 3, padding="same")
        self.out4 = layers.Conv2D(32, 3, padding="same")
        self.out5 = layers.Conv2D(32, 3, padding="same")
        self.out6 = layers.Conv2D(32, 3, strides=2, padding="same")
        self.out7 = layers.Conv2D(32, 3, strides=2, padding="same")
        self.up = layers.UpSampling2D(2)

    def call(self, images, training=False):
        c3, c4, c5 = self.backbone(images, training=training)
        p3, p4, p5 = self.lat3(c3), self.lat4(c4), self.lat5(c5)
        p4 = p4 + self.up(p5)
        p3 = p3 + self.up(p4)
        p3, p4, p5 = self.out3(p3), self.out4(p4), self.out5(p5)
        p6 = self.out6(c5)
        p7 = self.out7(tf.nn.relu(p6))
        return p3, p4, p5, p6, p7


def make_head(out_filters, bias_init):
    head = keras.Sequential([keras.Input(shape=[None, None, 32])])
    init = keras.initializers.RandomNormal(0.0, 0.01)
    for _ in range(2):
        head.add(layers.Conv2D(32, 3, padding="same", kernel_initializer=init))
        head.add(layers.ReLU())
    head.add(layers.Conv2D(out_filters, 3, 1, padding="same", kernel_initializer=init,
                           bias_initializer=bias_init))
    return head


class RetinaDetector(keras.Model):
    def __init__(self, num_classes, **kwargs):
        super().__init__(**kwargs)
        self.pyramid = Pyramid()
        self.num_classes = num_classes
        prior = keras.initializers.Constant(-np.log((1 - 0.01) / 0.01))
        self.cls_head = make_head(ANCHORS_PER_CELL * num_classes, prior)
        self.box_head = make_head(ANCHORS_PER_CELL * 4, "zeros")

    def call(self, images, training=False):
        levels = self.pyramid(images, training=training)
        n = tf.shape(images)[0]
        boxes, classes = [], []
        for level in levels:
            boxes.append(tf.reshape(self.box_head(level), [n, -1, 4]))
            classes.append(tf.reshape(self.cls_head(level), [n, -1, self.num_classes]))
        boxes = tf.concat(boxes, axis=1)
        classes = tf.concat(classes, axis=1)
        return tf.concat([boxes, classes], axis=-1)


def detection_loss(y_true, y_pred):
    box_true, cls_true = y_true[..., :4], tf.cast(y_true[..., 4], "int32")
    box_pred, cls_pred = y_pred[..., :4], y_pred[..., 4:]
    positive = tf.cast(cls_true >= 0, "float32")  # negative ids are background anchors
    onehot = tf.one_hot(tf.maximum(cls_true, 0), NUM_CLASSES) * positive[..., None]
    box_l = tf.reduce_sum(keras.losses.huber(box_true, box_pred) * positive, axis=-1)
    cls_l = tf.reduce_sum(tf.nn.sigmoid_cross_entropy_with_logits(onehot, cls_pred), axis=[1, 2])
    return (box_l + cls_l) / tf.maximum(tf.reduce_sum(positive, axis=-1), 1.0)


cells = sum(int(np.ceil(IMG / s)) ** 2 for s in [8, 16, 32, 64, 128])
total_anchors = ANCHORS_PER_CELL * cells
gen = np.random.default_rng(158)
pictures = gen.random((6, IMG, IMG, 3)).astype("float32")
box_targets = gen.normal(size=(6, total_anchors, 4)).astype("float32")
anchor_labels = gen.choice([-1, -1, -1, -2, 0, 1, 2], size=(6, total_anchors, 1)).astype("float32")
targets = np.concatenate([box_targets, anchor_labels], axis=-1)

retina = RetinaDetector(NUM_CLASSES)
retina.compile(loss=detection_loss, optimizer=keras.optimizers.SGD(learning_rate=1e-3, momentum=0.9))
history = retina.fit(pictures, targets, batch_size=3, epochs=1, verbose=0)
print("loss", history.history["loss"][-1])
print(retina.predict(pictures[:1], verbose=0).shape)
