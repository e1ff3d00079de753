# Salient-object segmentation in the BASNet style: a small encoder-decoder predict
# module gives coarse sigmoid maps, a residual refinement module (RRM) adds a
# learned residual to the coarse map, and a hybrid BCE + IoU loss trains all outputs.
import numpy as np
import keras
from keras import layers, ops

SIDE = 32
OUT_CLASSES = 1
WIDTH = 16

gen = np.random.default_rng(795)
pictures = gen.random((16, SIDE, SIDE, 3)).astype("float32")
saliency = (gen.random((16, SIDE, SIDE, 1)) > 0.6).astype("float32")


def conv_bn_relu(t, width):
    t = layers.Conv2D(width, 3, padding="same")(t)
    t = layers.BatchNormalization()(t)
    return layers.Activation("relu")(t)


def side_head(t, out_classes, final_size):
    t = layers.Conv2D(out_classes, kernel_size=3, padding="same")(t)
    if final_size is not None:
        t = layers.Resizing(final_size[0], final_size[1])(t)
    return t


def predict_module(input_shape, out_classes):
    picture = layers.Input(input_shape)
    t = layers.Conv2D(WIDTH, 3, padding="same")(picture)
    skips = []
    for _ in range(3):
        t = conv_bn_relu(t, WIDTH)
        skips.append(t)
        t = layers.MaxPool2D(2)(t)
    t = conv_bn_relu(t, WIDTH)
    stages = []
    for i in reversed(range(3)):
        t = layers.Resizing(t.shape[1] * 2, t.shape[2] * 2)(t)
        t = layers.concatenate([skips[i], t], axis=-1)
        t = conv_bn_relu(t, WIDTH)
        stages.append(t)
    stages.reverse()
    heads = [side_head(s, out_classes, input_shape[:2]) for s in stages]
    return keras.Model(picture, heads)


def refinement_module(base, out_classes):
    coarse = base.output[0]
    t = layers.Conv2D(WIDTH, 3, padding="same")(coarse)
    skips = []
    for _ in range(2):
        t = conv_bn_relu(t, WIDTH)
        skips.append(t)
        t = layers.MaxPool2D(2)(t)
    t = conv_bn_relu(t, WIDTH)
    for i in reversed(range(2)):
        t = layers.Resizing(t.shape[1] * 2, t.shape[2] * 2)(t)
        t = layers.concatenate([skips[i], t], axis=-1)
        t = conv_bn_relu(t, WIDTH)
    residual = side_head(t, WIDTH, None)
    refined = layers.Add()([coarse, residual])
    return keras.Model(base.input, refined)


class SaliencyNet(keras.Model):
    def __init__(self, input_shape, out_classes):
        base = predict_module(input_shape, out_classes)
        refine = refinement_module(base, out_classes)
        maps = [refine.output] + list(base.outputs)
        maps = [layers.Activation("sigmoid")(m) for m in maps]
        super().__init__(inputs=base.input, outputs=maps)
        self.bce = keras.losses.BinaryCrossentropy()
        self.eps = 1e-9

    def iou(self, y_true, y_pred):
        inter = ops.sum(ops.abs(y_true * y_pred), axis=[1, 2, 3])
        union = ops.sum(y_true, [1, 2, 3]) + ops.sum(y_pred, [1, 2, 3]) - inter
        return ops.mean((inter + self.eps) / (union + self.eps), axis=0)

    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
        total = 0.0
        for m in y_pred:
            total += self.bce(y, m) + (1.0 - self.iou(y, m))
        return total


net = SaliencyNet([SIDE, SIDE, 3], OUT_CLASSES)
net.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-4, epsilon=1e-8))
history = net.fit(pictures, saliency, batch_size=4, epochs=1, verbose=0)
print("loss", history.history["loss"][-1])
print([p.shape for p in net.predict(pictures[:2], verbose=0)])
