import numpy as np
from numpy.linalg import norm
import keras

rng = np.random.default_rng(54)
img_size = 64
catalog = (rng.random((24, img_size, img_size, 3)) * 255).astype("float32")


def model_picker(name):
    if name == "vgg16":
        model = keras.applications.VGG16(weights=None,
                                         include_top=False,
                                         input_shape=(img_size, img_size, 3),
                                         pooling="max")
    elif name == "resnet":
        model = keras.applications.ResNet50(weights=None,
                                            include_top=False,
                                            input_shape=(img_size, img_size, 3))
    else:
        raise ValueError("unknown model")
    return model


def extract_features(batch, model):
    preprocessed = keras.applications.resnet50.preprocess_input(batch.copy())
    features = model.predict(preprocessed, verbose=0)
    flattened = features.reshape(len(batch), -1)
    return flattened / norm(flattened, axis=1, keepdims=True)


model = model_picker("resnet")
feature_list = extract_features(catalog, model)
print("feature length:", feature_list.shape[1])

query = feature_list[3]
distances = norm(feature_list - query, axis=1)
print("nearest images:", np.argsort(distances)[:4])
