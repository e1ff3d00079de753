# Filter visualization by gradient ascent: a feature extractor cut at a middle block
# of ResNet50V2, and an input image pushed step by step towards a larger mean
# activation of one filter (border pixels left out of the objective).
import numpy as np
import tensorflow as tf
import keras

pic_w = 128
pic_h = 128
target_block = "conv3_block4_out"

backbone = keras.applications.ResNet50V2(weights=None, include_top=False,
                                         input_shape=(pic_w, pic_h, 3))
block = backbone.get_layer(name=target_block)
probe = keras.Model(inputs=backbone.inputs, outputs=block.output)


def filter_objective(picture, unit):
    acts = probe(picture)
    inner = acts[:, 2:-2, 2:-2, unit]
    return tf.reduce_mean(inner)


@tf.function
def ascent_step(picture, unit, step_size):
    with tf.GradientTape() as tape:
        tape.watch(picture)
        objective = filter_objective(picture, unit)
    grads = tape.gradient(objective, picture)
    grads = tf.math.l2_normalize(grads)
    picture += step_size * grads
    return objective, picture


def start_picture():
    noise = tf.random.uniform((pic_w, pic_h, 3))
    return (noise - 0.5) * 0.25


def to_displayable(arr):
    arr = arr - arr.mean()
    arr /= arr.std() + 1e-5
    arr *= 0.15
    arr = arr[16:-16, 16:-16, :] + 0.5
    return (np.clip(arr, 0, 1) * 255).astype("uint8")


def show_filter(unit, steps=4, step_size=10.0):
    picture = start_picture()
    for _ in range(steps):
        objective, picture = ascent_step(picture, unit, step_size)
    return objective, to_displayable(picture[0].numpy())


for unit in range(2):
    objective, tile = show_filter(unit)
    print(unit, float(objective), tile.shape)
