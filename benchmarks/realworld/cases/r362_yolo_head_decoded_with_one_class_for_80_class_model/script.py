"""Tiny YOLO-style detector: the body's last 1x1 convolution predicts
num_anchors * (num_classes + 5) values per grid cell; the inference model
reshapes them to (grid, grid, anchors, 5 + classes) to decode the boxes."""
import numpy as np
import keras
from keras import layers

anchors = np.array([[10, 13], [16, 30], [33, 23]], dtype="float32")
num_anchors = len(anchors)
class_names = ["person"]                              # read from model_data/my_classes.txt
num_classes = 80                                     # the body is the COCO model
grid = 13


def yolo_body(inputs, num_anchors, num_classes):
    x = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(inputs)
    x = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(x)
    x = layers.MaxPooling2D(pool_size=8)(x)          # 416 -> 13 cells
    return layers.Conv2D(num_anchors * (num_classes + 5), 1)(x)


image = keras.Input(shape=(416, 416, 3))
body = keras.Model(image, yolo_body(image, num_anchors, num_classes))

features = body.output
head = layers.Reshape((grid, grid, num_anchors, len(class_names) + 5))(features)
box_xy = layers.Activation("sigmoid")(head[..., :2])
box_confidence = layers.Activation("sigmoid")(head[..., 4:5])
class_probs = layers.Activation("sigmoid")(head[..., 5:])
detector = keras.Model(image, [box_xy, box_confidence, class_probs])

batch = np.random.default_rng(0).random((2, 416, 416, 3)).astype("float32")
xy, conf, probs = detector.predict(batch, verbose=0)
print(xy.shape, conf.shape, probs.shape)
