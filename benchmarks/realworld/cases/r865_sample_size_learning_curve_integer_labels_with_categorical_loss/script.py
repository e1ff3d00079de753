import numpy as np
import tensorflow as tf
import keras
from keras import layers

image_size = (32, 32)
num_classes = 5
batch_size = 16

# stand-in for tf_flowers: (image, label) pairs
rng = np.random.default_rng(865)
train_data = [(rng.integers(0, 255, size=(40, 40, 3)).astype("uint8"), int(rng.integers(0, num_classes)))
              for _ in range(160)]
test_data = [(rng.integers(0, 255, size=(40, 40, 3)).astype("uint8"), int(rng.integers(0, num_classes)))
             for _ in range(40)]


def dataset_to_array(dataset, image_size, num_classes):
    images, labels = [], []
    for img, lab in dataset:
        images.append(tf.image.resize(img, image_size).numpy())
        labels.append(lab)
    return np.array(images), np.array(labels)


img_train, label_train = dataset_to_array(train_data, image_size, num_classes)
img_test, label_test = dataset_to_array(test_data, image_size, num_classes)
num_train_samples = len(img_train)


def build_model(num_classes, img_size=image_size[0], top_dropout=0.3):
    inputs = layers.Input(shape=(img_size, img_size, 3))
    x = layers.Rescaling(scale=1.0 / 127.5, offset=-1)(inputs)
    x = layers.Conv2D(16, 3, activation="relu")(x)
    x = layers.Conv2D(32, 3, strides=2, activation="relu")(x)
    x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
    x = layers.Dropout(top_dropout)(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs)


def compile_and_train(model, training_data, training_labels, optimizer, patience=3, epochs=2):
    stopper = keras.callbacks.EarlyStopping(monitor="val_auc", mode="max", patience=patience,
                                            restore_best_weights=True)
    model.compile(loss="categorical_crossentropy", optimizer=optimizer,
                  metrics=[keras.metrics.AUC(name="auc"), "acc"])
    return model.fit(x=training_data, y=training_labels, batch_size=batch_size, epochs=epochs,
                     validation_split=0.1, callbacks=[stopper], verbose=0)


def train_model(training_data, training_labels):
    model = build_model(num_classes)
    compile_and_train(model, training_data, training_labels, keras.optimizers.Adam())
    _, _, acc = model.evaluate(img_test, label_test, verbose=0)
    return np.round(acc, 4)


def train_iteratively(sample_splits=(0.25, 0.5), iter_per_split=2):
    train_acc, sample_sizes = [], []
    for fraction in sample_splits:
        num_samples = int(num_train_samples * fraction)
        sample_accuracy = []
        for i in range(iter_per_split):
            rand_idx = np.random.randint(num_train_samples, size=num_samples)
            accuracy = train_model(img_train[rand_idx], label_train[rand_idx])
            sample_accuracy.append(accuracy)
        train_acc.append(sample_accuracy)
        sample_sizes.append(num_samples)
    return train_acc, sample_sizes


train_acc, sample_sizes = train_iteratively()
print("sample sizes:", sample_sizes, "mean accuracies:", [float(np.mean(a)) for a in train_acc])
