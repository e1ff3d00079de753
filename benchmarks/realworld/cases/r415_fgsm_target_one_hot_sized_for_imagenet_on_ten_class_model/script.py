# Fast gradient sign method against our own 10-class MobileNetV2 (trained elsewhere; random weights here).
import numpy as np
import tensorflow as tf

model = tf.keras.applications.MobileNetV2(input_shape=(96, 96, 3), alpha=0.35, include_top=True,
                                          weights=None, classes=10)
model.trainable = False


def preprocess(image):
    image = tf.cast(image, tf.float32)
    image = tf.image.resize(image, (96, 96))
    image = tf.keras.applications.mobilenet_v2.preprocess_input(image)
    return image[None, ...]


raw = np.random.default_rng(0).integers(0, 256, size=(120, 120, 3), dtype=np.uint8)
image = preprocess(raw)
image_probs = model.predict(image, verbose=0)

loss_object = tf.keras.losses.CategoricalCrossentropy()


def create_adversarial_pattern(input_image, input_label):
    with tf.GradientTape() as tape:
        tape.watch(input_image)
        prediction = model(input_image)
        loss = loss_object(input_label, prediction)
    gradient = tape.gradient(loss, input_image)
    return tf.sign(gradient)


target_class_index = 3
label = tf.one_hot(target_class_index, 1000)
label = tf.reshape(label, (1, 1000))

perturbations = create_adversarial_pattern(image, label)
for eps in [0, 0.01, 0.1, 0.15]:
    adv_x = tf.clip_by_value(image + eps * perturbations, -1, 1)
    print(eps, int(np.argmax(model.predict(adv_x, verbose=0))))
