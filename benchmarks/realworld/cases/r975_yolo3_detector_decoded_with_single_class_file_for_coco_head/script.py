import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(975)

class_files = {
    "model_data/coco_classes.txt": [f"coco_{i}" for i in range(80)],
    "model_data/airplane_classes.txt": ["airplane"],
}
anchors = np.array([[10, 14], [23, 27], [37, 58]], dtype="float32")
input_shape = (96, 96)


def get_classes(classes_path):
    return class_files[classes_path]


def conv_bn_leaky(x, filters, strides=1):
    x = layers.Conv2D(filters, 3, strides=strides, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    return layers.LeakyReLU(negative_slope=0.1)(x)


def tiny_yolo_body(inputs, num_anchors, num_classes):
    x = inputs
    for filters in (16, 32, 64):
        x = conv_bn_leaky(x, filters)
        x = layers.MaxPooling2D(2)(x)
    x = conv_bn_leaky(x, 128)
    out = layers.Conv2D(num_anchors * (num_classes + 5), 1)(x)
    return keras.Model(inputs, out)


def yolo_head(feats, anchors, num_classes):
    grid_h, grid_w = feats.shape[1], feats.shape[2]
    feats = layers.Reshape((grid_h, grid_w, len(anchors), num_classes + 5))(feats)
    box_xy = layers.Lambda(lambda f: keras.ops.sigmoid(f[..., :2]))(feats)
    box_wh = layers.Lambda(lambda f: keras.ops.exp(f[..., 2:4]) * anchors / np.array(input_shape[::-1], "float32"))(feats)
    confidence = layers.Lambda(lambda f: keras.ops.sigmoid(f[..., 4:5]) * keras.ops.sigmoid(f[..., 5:]))(feats)
    return layers.Concatenate()([box_xy, box_wh, confidence])


class YOLO:
    def __init__(self, classes_path, anchors):
        self.class_names = get_classes(classes_path)
        self.anchors = anchors
        image_input = keras.Input(shape=input_shape + (3,))
        # body restored from the COCO-trained checkpoint
        self.yolo_model = tiny_yolo_body(image_input, len(anchors), 80)
        decoded = yolo_head(self.yolo_model.output, self.anchors, len(self.class_names))
        self.infer_model = keras.Model(image_input, decoded)

    def detect_image(self, image, score_threshold=0.3):
        out = self.infer_model.predict(image[None], verbose=0)[0]
        scores = out[..., 4:]
        return np.argwhere(scores > score_threshold), out.shape


yolo = YOLO("model_data/airplane_classes.txt", anchors)
image = rng.uniform(0, 1, size=input_shape + (3,)).astype("float32")
hits, out_shape = yolo.detect_image(image)
print("decoded output", out_shape, "detections:", len(hits))
