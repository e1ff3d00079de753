# FixRes: train a ResNet50V2 on 128x128 images, then fine-tune only its last batch norm
# and the classifier on 224x224 images (train/test resolution discrepancy).
import numpy as np
import tensorflow as tf
import keras
from keras import layers

batch_size = 4
auto = tf.data.AUTOTUNE
smaller_size = 128
bigger_size = 224
size_for_resizing = int((bigger_size / smaller_size) * bigger_size)
central_crop_layer = layers.CenterCrop(bigger_size, bigger_size)

rng = np.random.default_rng(16)
images = rng.uniform(0, 255, size=(8, 180, 180, 3)).astype("float32")
labels = rng.integers(0, 5, size=(8,))
train_dataset = tf.data.Dataset.from_tensor_slices((images[:6], labels[:6]))
val_dataset = tf.data.Dataset.from_tensor_slices((images[6:], labels[6:]))


def make_dataset(dataset, train, image_size=smaller_size):
    def preprocess_initial(image, label):
        # Lower resolution: resize (and flip for training).
        image = tf.image.resize(image, [image_size, image_size])
        if train:
            image = tf.image.random_flip_left_right(image)
        image = (image - 127.5) / 127.5
        return image, label

    def preprocess_finetune(image, label):
        # Higher resolution: resize keeping the ratio, then centre crop.
        image = tf.image.resize(image, [size_for_resizing, size_for_resizing])
        if train:
            image = tf.image.random_flip_left_right(image)
        image = central_crop_layer(image[None, ...])[0]
        image = (image - 127.5) / 127.5
        return image, label

    preprocess_func = preprocess_initial if image_size == smaller_size else preprocess_finetune
    return dataset.map(preprocess_func, auto).batch(batch_size).prefetch(auto)


initial_train_dataset = make_dataset(train_dataset, train=True, image_size=smaller_size)
initial_val_dataset = make_dataset(val_dataset, train=False, image_size=smaller_size)
finetune_train_dataset = make_dataset(train_dataset, train=True, image_size=bigger_size)
finetune_val_dataset = make_dataset(val_dataset, train=False, image_size=bigger_size)


def get_training_model(num_classes=5):
    inputs = layers.Input((smaller_size, smaller_size, 3))
    resnet_base = keras.applications.ResNet50V2(include_top=False, weights=None, pooling="avg")
    resnet_base.trainable = True
    x = resnet_base(inputs)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs)


def train_and_evaluate(model, datasets, epochs, lr=None):
    optimizer = keras.optimizers.Adam(learning_rate=lr) if lr else "adam"
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    training_dataset, validation_dataset = datasets
    model.fit(training_dataset, validation_data=validation_dataset, epochs=epochs, verbose=0)
    _, accuracy = model.evaluate(validation_dataset, verbose=0)
    print(f"Top-1 accuracy on the validation set: {accuracy * 100:.2f}%.")
    return model


# Experiment 1: train on 128x128, then fine-tune on 224x224.
smaller_res_model = get_training_model()
smaller_res_model = train_and_evaluate(smaller_res_model, (initial_train_dataset, initial_val_dataset), 1)

# Freeze everything except the final batch norm layer (and the classifier).
for layer in smaller_res_model.layers[1].layers:
    layer.trainable = False
smaller_res_model.layers[1].get_layer("post_bn").trainable = True

bigger_res_model = train_and_evaluate(
    smaller_res_model, (finetune_train_dataset, finetune_val_dataset), 1, lr=1e-4
)
