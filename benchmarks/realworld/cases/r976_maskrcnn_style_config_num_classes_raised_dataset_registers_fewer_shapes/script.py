import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(976)


class Config:
    NAME = "shapes"
    IMAGES_PER_GPU = 8
    NUM_CLASSES = 1 + 6  # background + 6 shapes
    IMAGE_SHAPE = (64, 64, 3)

    def __init__(self):
        self.IMAGE_META_SIZE = 1 + 3 + 3 + 4 + 1 + self.NUM_CLASSES


class ShapesDataset:
    def __init__(self):
        self.class_info = [{"id": 0, "name": "BG"}]
        self.image_info = []

    def add_class(self, class_id, name):
        self.class_info.append({"id": class_id, "name": name})

    @property
    def num_classes(self):
        return len(self.class_info)

    def load_shapes(self, count, shape_names):
        for i, name in enumerate(shape_names):
            self.add_class(i + 1, name)
        for image_id in range(count):
            self.image_info.append({"id": image_id, "shape": int(rng.integers(1, len(shape_names) + 1))})

    def load_image(self, image_id):
        img = rng.uniform(0, 0.2, size=Config.IMAGE_SHAPE).astype("float32")
        s = self.image_info[image_id]["shape"]
        img[8 * s:8 * s + 16, 10:40, s % 3] = 1.0
        return img


def compose_image_meta(image_id, original_shape, image_shape, window, scale, active_class_ids):
    return np.array([image_id] + list(original_shape) + list(image_shape) + list(window) + [scale]
                    + list(active_class_ids), dtype="float32")


def load_batch(dataset, config):
    images, metas, class_ids = [], [], []
    for info in dataset.image_info:
        image = dataset.load_image(info["id"])
        active_class_ids = np.ones(dataset.num_classes, dtype=np.int32)
        metas.append(compose_image_meta(info["id"], image.shape, image.shape, (0, 0, 64, 64), 1.0, active_class_ids))
        images.append(image)
        class_ids.append(info["shape"])
    return np.stack(images), np.stack(metas), np.array(class_ids)


def build_model(config):
    input_image = keras.Input(shape=config.IMAGE_SHAPE, name="input_image")
    input_image_meta = keras.Input(shape=(config.IMAGE_META_SIZE,), name="input_image_meta")
    x = layers.Conv2D(16, 3, strides=2, activation="relu", padding="same")(input_image)
    x = layers.Conv2D(32, 3, strides=2, activation="relu", padding="same")(x)
    x = layers.GlobalAveragePooling2D()(x)
    active = layers.Lambda(lambda m: m[:, 12:], name="active_class_ids")(input_image_meta)
    x = layers.Concatenate()([x, layers.Dense(8, activation="relu")(active)])
    logits = layers.Dense(config.NUM_CLASSES, activation="softmax", name="mrcnn_class")(x)
    return keras.Model([input_image, input_image_meta], logits)


config = Config()
dataset_train = ShapesDataset()
dataset_train.load_shapes(96, ["square", "circle", "triangle"])
images, metas, class_ids = load_batch(dataset_train, config)

model = build_model(config)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit([images, metas], class_ids, batch_size=config.IMAGES_PER_GPU, epochs=1, verbose=0)
print("meta size", metas.shape[1], "classes", dataset_train.num_classes)
