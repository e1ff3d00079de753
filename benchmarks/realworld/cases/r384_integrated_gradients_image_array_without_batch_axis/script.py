# Integrated Gradients for an Xception image classifier, after the keras-io
# example "Model interpretability with Integrated Gradients" (untrained
# weights and a random image stand in for the ImageNet model and photo).
import numpy as np
import tensorflow as tf
import keras
from keras.applications import xception

img_size = (299, 299, 3)
model = xception.Xception(weights=None)


def get_img_array(seed, size=(299, 299)):
    # stand-in for load_img(img_path, target_size=size) + img_to_array(img)
    rng = np.random.default_rng(seed)
    array = rng.integers(0, 256, size=size + (3,)).astype("float32")
    return array


def get_gradients(img_input, top_pred_idx):
    images = tf.cast(img_input, tf.float32)
    with tf.GradientTape() as tape:
        tape.watch(images)
        preds = model(images)
        top_class = preds[:, top_pred_idx]
    grads = tape.gradient(top_class, images)
    return grads


# 1. Convert the image to numpy array
img = get_img_array(12)

# 2. Preprocess the image
img_processed = tf.cast(xception.preprocess_input(img), dtype=tf.float32)

# 3. Get model predictions
preds = model.predict(img_processed)
top_pred_idx = tf.argmax(preds[0])
print("Predicted:", int(top_pred_idx))

# 4. Get the gradients of the last layer for the predicted label
grads = get_gradients(img_processed, top_pred_idx=top_pred_idx)
print(grads.shape)
