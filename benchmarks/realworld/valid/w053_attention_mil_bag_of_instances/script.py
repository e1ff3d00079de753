import numpy as np
import keras
from keras import layers, ops

POSITIVE_CLASS = 1
BAG_COUNT = 60
BAG_SIZE = 3
PLOT_SIZE = 3

# Bags of BAG_SIZE 28x28 images; a bag is positive when it holds at least one "positive" image
instances = np.random.rand(BAG_COUNT, BAG_SIZE, 28, 28).astype("float32")
bag_labels = np.random.randint(0, 2, size=BAG_COUNT)
train_data = [instances[:, i] for i in range(BAG_SIZE)]  # one array per instance slot
train_labels = keras.utils.to_categorical(bag_labels, 2)


class MILAttention(layers.Layer):
    """Gated attention over the instances of a bag: one softmax weight per instance."""

    def __init__(self, weight_params_dim, use_gated=False, **kwargs):
        super().__init__(**kwargs)
        self.weight_params_dim = weight_params_dim
        self.use_gated = use_gated

    def build(self, input_shape):
        input_dim = input_shape[0][1]
        self.v = self.add_weight(shape=(input_dim, self.weight_params_dim), initializer="glorot_uniform", name="v")
        self.w = self.add_weight(shape=(self.weight_params_dim, 1), initializer="glorot_uniform", name="w")
        if self.use_gated:
            self.u = self.add_weight(shape=(input_dim, self.weight_params_dim), initializer="glorot_uniform", name="u")

    def call(self, inputs):
        scores = [self._score(instance) for instance in inputs]  # each (batch, 1)
        alpha = ops.softmax(ops.concatenate(scores, axis=1), axis=1)  # (batch, BAG_SIZE)
        return [alpha[:, i : i + 1] for i in range(len(inputs))]

    def _score(self, instance):
        hidden = ops.tanh(ops.matmul(instance, self.v))
        if self.use_gated:
            hidden = hidden * ops.sigmoid(ops.matmul(instance, self.u))
        return ops.matmul(hidden, self.w)


def create_model(instance_shape):
    inputs, embeddings = [], []
    shared_dense_1 = layers.Dense(64, activation="relu")
    shared_dense_2 = layers.Dense(32, activation="relu")
    for _ in range(BAG_SIZE):
        inp = layers.Input(instance_shape)
        flatten = layers.Flatten()(inp)
        embeddings.append(shared_dense_2(shared_dense_1(flatten)))
        inputs.append(inp)

    alpha = MILAttention(weight_params_dim=64, use_gated=True, name="alpha")(embeddings)
    weighted = [layers.multiply([alpha[i], embeddings[i]]) for i in range(len(alpha))]
    concat = layers.concatenate(weighted, axis=1)
    output = layers.Dense(2, activation="softmax")(concat)
    return keras.Model(inputs, output)


model = create_model(instance_shape=(28, 28))
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(train_data, train_labels, batch_size=8, epochs=1, class_weight={0: 1.0, 1: 1.5}, verbose=0)

# Attention weights of the first bags, one per instance
attention_model = keras.Model(model.input, model.get_layer("alpha").output)
weights = attention_model.predict(train_data[:], verbose=0)
print("attention", np.concatenate(weights, axis=1)[:PLOT_SIZE].round(3))
