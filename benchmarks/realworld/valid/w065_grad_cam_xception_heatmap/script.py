import numpy as np
import tensorflow as tf
import keras

model_builder = keras.applications.xception.Xception
img_size = (299, 299)
preprocess_input = keras.applications.xception.preprocess_input
last_conv_layer_name = "block14_sepconv2_act"


def get_img_array(raw_photo, size):
    # stands in for keras.utils.load_img(img_path, target_size=size) + img_to_array
    array = tf.image.resize(raw_photo, size).numpy()
    # We add a dimension to transform our array into a "batch" of size 1
    array = np.expand_dims(array, axis=0)
    return array


def make_gradcam_heatmap(img_array, model, last_conv_layer_name, pred_index=None):
    grad_model = keras.models.Model(model.inputs, [model.get_layer(last_conv_layer_name).output, model.output])
    with tf.GradientTape() as tape:
        last_conv_layer_output, preds = grad_model(img_array)
        if pred_index is None:
            pred_index = tf.argmax(preds[0])
        class_channel = preds[:, pred_index]
    grads = tape.gradient(class_channel, last_conv_layer_output)
    pooled_grads = tf.reduce_mean(grads, axis=(0, 1, 2))
    last_conv_layer_output = last_conv_layer_output[0]
    heatmap = last_conv_layer_output @ pooled_grads[..., tf.newaxis]
    heatmap = tf.squeeze(heatmap)
    heatmap = tf.maximum(heatmap, 0) / tf.math.reduce_max(heatmap)
    return heatmap.numpy()


raw_photo = np.random.randint(0, 256, size=(480, 640, 3)).astype("float32")  # an elephant photo
img_array = preprocess_input(get_img_array(raw_photo, size=img_size))

model = model_builder(weights=None)
model.layers[-1].activation = None
preds = model.predict(img_array, verbose=0)
print("Predicted class:", int(np.argmax(preds[0])))
heatmap = make_gradcam_heatmap(img_array, model, last_conv_layer_name)
print(heatmap.shape)
