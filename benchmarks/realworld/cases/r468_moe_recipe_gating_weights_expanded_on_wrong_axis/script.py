# Classifier head built from a Mixture-of-Experts Dense layer (random 32x32 RGB stand-in images).
import numpy as np
import keras
from keras import layers, ops, activations


class DenseMoE(layers.Layer):
    def __init__(self, units, n_experts, expert_activation=None, gating_activation=None, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.n_experts = n_experts
        self.expert_activation = activations.get(expert_activation)
        self.gating_activation = activations.get(gating_activation)

    def build(self, input_shape):
        input_dim = input_shape[-1]
        self.expert_kernel = self.add_weight(
            name="expert_kernel", shape=(input_dim, self.units, self.n_experts),
            initializer="glorot_uniform")
        self.expert_bias = self.add_weight(
            name="expert_bias", shape=(self.units, self.n_experts), initializer="zeros")
        self.gating_kernel = self.add_weight(
            name="gating_kernel", shape=(input_dim, self.n_experts),
            initializer="glorot_uniform")
        self.gating_bias = self.add_weight(
            name="gating_bias", shape=(self.n_experts,), initializer="zeros")

    def call(self, inputs):
        # (batch, units, n_experts)
        expert_outputs = ops.tensordot(inputs, self.expert_kernel, axes=1) + self.expert_bias
        expert_outputs = self.expert_activation(expert_outputs)
        # (batch, n_experts)
        gating_outputs = ops.tensordot(inputs, self.gating_kernel, axes=1) + self.gating_bias
        gating_outputs = self.gating_activation(gating_outputs)
        gating_outputs = ops.expand_dims(gating_outputs, axis=-1)
        return ops.sum(expert_outputs * gating_outputs, axis=-1)


inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(32, 3, activation="relu", padding="same")(inputs)
x = layers.MaxPooling2D(2)(x)
x = layers.Conv2D(64, 3, activation="relu", padding="same")(x)
x = layers.MaxPooling2D(2)(x)
x = layers.Flatten()(x)
x = DenseMoE(128, n_experts=8, expert_activation="relu", gating_activation="softmax")(x)
x = layers.Dropout(0.5)(x)
outputs = layers.Dense(10, activation="softmax")(x)
moe_model = keras.Model(inputs, outputs, name="moe_model")

rng = np.random.default_rng(8)
x_train = rng.uniform(0, 1, size=(256, 32, 32, 3)).astype("float32")
y_train = rng.integers(0, 10, size=(256, 1))
moe_model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
moe_model.fit(x_train, y_train, batch_size=64, epochs=1)
