# Serving a small MobileNet classifier with the preprocessing and postprocessing baked
# into a tf.function serving signature (after the keras-io TF Serving recipe).
import numpy as np
import tensorflow as tf
import keras

labels = ["banana", "apple", "orange", "lemon", "pear"]
tf_labels = tf.constant(labels, dtype=tf.string)

model = keras.applications.MobileNet(input_shape=(128, 128, 3), alpha=0.25, weights=None, classes=len(labels))

rng = np.random.default_rng(993)
train_images = rng.uniform(-1, 1, size=(32, 128, 128, 3)).astype("float32")
train_labels = rng.integers(0, len(labels), size=32)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(train_images, train_labels, batch_size=16, epochs=1, verbose=0)


def preprocess(image, mean=0.5, std=0.5, shape=(224, 224)):
    """Scale, normalize and resizes images."""
    image = image / 255.0
    image = (image - mean) / std
    image = tf.image.resize(image, shape)
    return image


def postprocess(prediction, labels=tf_labels):
    """Convert from probs to labels."""
    indices = tf.argmax(prediction, axis=-1)
    return tf.gather(params=labels, indices=indices)


sample_img = rng.integers(0, 256, size=(300, 400, 3)).astype("float32")
preprocess_img = preprocess(sample_img)
batched_img = tf.expand_dims(preprocess_img, axis=0)
batched_img = tf.cast(batched_img, tf.float32)
print(f"Batched image shape: {batched_img.shape}")

model_outputs = model(batched_img)
print(f"Model output shape: {model_outputs.shape}")
print(f"Predicted class: {postprocess(model_outputs)}")


def export_model(model, labels):
    @tf.function(input_signature=[tf.TensorSpec([None, None, None, 3], tf.float32)])
    def serving_fn(image):
        processed_img = preprocess(image)
        probs = model(processed_img)
        return {"label": postprocess(probs)}

    return serving_fn


serving_fn = export_model(model, labels)
print(serving_fn(tf.expand_dims(sample_img, axis=0))["label"])
