import numpy as np
from keras.applications import InceptionV3
from keras.layers import Flatten, Dense
from keras.models import Model
from keras.ops import image as kimage


def build_classifier():
    pretrained_model = InceptionV3(include_top=False, input_shape=(299, 299, 3), weights=None)
    x = pretrained_model.output
    x = Flatten()(x)
    predictions = Dense(29, activation="softmax")(x)
    return Model(inputs=pretrained_model.input, outputs=predictions)


def classify_asl(model, roi):
    roi = np.array(kimage.resize(roi, (229, 229)))
    roi = np.expand_dims(roi, axis=0)
    return model.predict(roi, verbose=0)


classifier = build_classifier()
# one region of interest cut from a webcam frame
frame_roi = np.random.randint(0, 256, size=(240, 260, 3)).astype("float32")
result = classify_asl(classifier, frame_roi)
print(np.argmax(result))
