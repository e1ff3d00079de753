import numpy as np
import tensorflow as tf
import keras
from keras import layers

sub_heads = 2
main_classes = 4
image_h, image_w = 32, 32
batch_size = 8

rng = np.random.default_rng(4)
colors = rng.uniform(0, 255, size=(4, 1, 1, 3))
images = (colors[rng.integers(0, 4, 48)] + rng.normal(0, 20, (48, image_h, image_w, 3))).astype("float32")
train_ds = tf.data.Dataset.from_tensor_slices(images).shuffle(48).batch(batch_size)

source_augment = keras.Sequential([layers.Rescaling(1.0 / 255)])
target_augment = keras.Sequential([layers.RandomFlip("horizontal"), layers.Rescaling(1.0 / 255)])

inputs = keras.Input((image_h, image_w, 3))
x = layers.Conv2D(16, 3, strides=2, activation="relu")(inputs)
x = layers.Conv2D(32, 3, strides=2, activation="relu")(x)
gpool = layers.GlobalAveragePooling2D()(x)
heads = [layers.Dense(main_classes, activation="softmax")(gpool) for _ in range(sub_heads)]
backbone = keras.Model(inputs, heads, name="iic_backbone")


def iic_loss(x, x_, epsilon=1e-6):
    c = tf.shape(x)[-1]
    i = tf.reshape(x, (-1, 1, c))
    j = tf.reshape(x_, (-1, c, 1))
    j_prob = tf.reduce_sum(tf.matmul(i, j), axis=0)  # joint distribution P(z, z')
    j_prob = (j_prob + tf.transpose(j_prob)) / 2
    j_prob = tf.clip_by_value(j_prob, epsilon, 1e9)
    j_prob /= tf.reduce_sum(j_prob)
    pi_ = tf.broadcast_to(tf.reshape(tf.reduce_sum(j_prob, axis=0), (-1, 1)), (c, c))
    pj_ = tf.broadcast_to(tf.reshape(tf.reduce_sum(j_prob, axis=1), (1, -1)), (c, c))
    return -tf.reduce_sum(j_prob * (tf.math.log(j_prob) - tf.math.log(pi_) - tf.math.log(pj_)))


class ClusterIIC(keras.Model):
    def __init__(self, backbone):
        super().__init__()
        self.backbone = backbone

    def train_step(self, x):
        xin, xin_ = source_augment(x), target_augment(x)
        with tf.GradientTape() as tape:
            m1 = self.backbone(xin)
            m2 = self.backbone(xin_)
            loss = tf.reduce_mean([iic_loss(a, b) for a, b in zip(m1, m2)])
        grads = tape.gradient(loss, self.backbone.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.backbone.trainable_weights))
        return {"iic_loss": loss}


cluster_model = ClusterIIC(backbone)
cluster_model.compile(optimizer=keras.optimizers.Adam(1e-2))
history = cluster_model.fit(train_ds, epochs=3, verbose=0)
print("IIC loss:", history.history["iic_loss"])
clusters = np.argmax(np.sum(backbone.predict(images[:6] / 255.0, verbose=0), axis=0), axis=-1)
print("clusters:", clusters)
