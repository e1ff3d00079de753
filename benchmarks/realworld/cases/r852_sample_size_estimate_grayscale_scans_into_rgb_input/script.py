import numpy as np
import tensorflow as tf
import keras
from keras import layers

seed = 42
tf.random.set_seed(seed)
np.random.seed(seed)

batch_size = 16
image_size = (64, 64)
num_classes = 3

# Small medical-imaging style set: single-channel scans of varying size
# with integer class ids (stand-in for files read from disk).
raw_scans = [np.random.randint(0, 255, size=(np.random.randint(70, 90), 80, 1)).astype("uint8")
             for _ in range(90)]
raw_labels = np.random.randint(0, num_classes, size=90)


def dataset_to_array(scans, class_ids, image_size, num_classes):
    images, labels = [], []
    for img, lab in zip(scans, class_ids):
        images.append(tf.image.resize(img, image_size).numpy())
        labels.append(tf.one_hot(lab, num_classes))
    return np.array(images), np.array(labels)


img_train, label_train = dataset_to_array(raw_scans[:70], raw_labels[:70], image_size, num_classes)
img_test, label_test = dataset_to_array(raw_scans[70:], raw_labels[70:], image_size, num_classes)
num_train_samples = len(img_train)


def build_model(num_classes, img_size=image_size[0], top_dropout=0.3):
    inputs = layers.Input(shape=(img_size, img_size, 3))
    x = layers.Rescaling(scale=1.0 / 127.5, offset=-1)(inputs)
    # light convolutional base standing in for the frozen MobileNetV2
    base = keras.Sequential(
        [
            layers.Conv2D(16, 3, strides=2, activation="relu"),
            layers.Conv2D(32, 3, strides=2, activation="relu"),
        ],
        name="base",
    )
    x = layers.GlobalAveragePooling2D(name="avg_pool")(base(x))
    x = layers.Dropout(top_dropout)(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs)


def train_model(training_data, training_labels):
    model = build_model(num_classes)
    model.compile(loss="categorical_crossentropy", optimizer="adam",
                  metrics=[keras.metrics.AUC(name="auc"), "acc"])
    model.fit(training_data, training_labels, batch_size=batch_size, epochs=2,
              validation_split=0.1, verbose=0)
    y_pred = model.predict(img_test, verbose=0)
    acc = np.mean(np.argmax(y_pred, axis=1) == np.argmax(label_test, axis=1))
    return np.round(acc, 4)


for fraction in [0.5, 1.0]:
    num_samples = int(num_train_samples * fraction)
    rand_idx = np.random.randint(num_train_samples, size=num_samples)
    accuracy = train_model(img_train[rand_idx, :], label_train[rand_idx, :])
    print(f"{num_samples} samples -> accuracy {accuracy}")
