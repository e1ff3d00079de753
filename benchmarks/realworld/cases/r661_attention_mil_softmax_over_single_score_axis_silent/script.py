# Attention-based multiple-instance learning (keras-io style): a bag of three digit
# images is classified as positive when it holds the digit 7; a gated attention layer
# weighs the instance embeddings before the bag classifier, and an intermediate model
# reads the attention weights back out.
import numpy as np
import keras
from keras import layers, ops

BAG_SIZE = 3
POSITIVE = 7
gen = np.random.default_rng(661)
digits_x = gen.random((400, 28, 28)).astype("float32")
digits_y = gen.integers(0, 10, size=400)


def build_bags(n_bags):
    bags, bag_y = [], []
    for _ in range(n_bags):
        idx = gen.choice(len(digits_x), BAG_SIZE, replace=False)
        bags.append(digits_x[idx])
        bag_y.append([int(POSITIVE in digits_y[idx])])
    return list(np.swapaxes(np.array(bags), 0, 1)), np.array(bag_y)


train_x, train_y = build_bags(96)
val_x, val_y = build_bags(32)


class MILAttention(layers.Layer):
    def __init__(self, weight_params_dim, use_gated=True, **kwargs):
        super().__init__(**kwargs)
        self.weight_params_dim = weight_params_dim
        self.use_gated = use_gated

    def build(self, input_shape):
        input_dim = input_shape[0][1]
        self.v = self.add_weight(shape=(input_dim, self.weight_params_dim), name="v")
        self.w = self.add_weight(shape=(self.weight_params_dim, 1), name="w")
        self.u = self.add_weight(shape=(input_dim, self.weight_params_dim), name="u")

    def compute_attention_scores(self, instance):
        h = ops.tanh(ops.tensordot(instance, self.v, axes=1))
        if self.use_gated:
            h = h * ops.sigmoid(ops.tensordot(instance, self.u, axes=1))
        return ops.tensordot(h, self.w, axes=1)

    def call(self, inputs):
        scores = ops.stack([self.compute_attention_scores(inst) for inst in inputs])
        alpha = ops.softmax(scores, axis=-1)
        return [alpha[i] for i in range(len(inputs))]


def create_model(instance_shape):
    inputs, embeddings = [], []
    dense_1 = layers.Dense(64, activation="relu")
    dense_2 = layers.Dense(32, activation="relu")
    for _ in range(BAG_SIZE):
        inp = layers.Input(instance_shape)
        inputs.append(inp)
        embeddings.append(dense_2(dense_1(layers.Flatten()(inp))))
    alpha = MILAttention(64, name="alpha")(embeddings)
    weighted = [layers.multiply([alpha[i], embeddings[i]]) for i in range(BAG_SIZE)]
    concat = layers.concatenate(weighted, axis=1)
    return keras.Model(inputs, layers.Dense(2, activation="softmax")(concat))


model = create_model(train_x[0][0].shape)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_x, train_y, validation_data=(val_x, val_y), epochs=2, batch_size=8, verbose=0)

attention_model = keras.Model(model.inputs, model.get_layer("alpha").output)
weights = np.squeeze(np.swapaxes(attention_model.predict(val_x, verbose=0), 1, 0))
print("attention weights of the first bag:", weights[0], "sum:", weights[0].sum())
