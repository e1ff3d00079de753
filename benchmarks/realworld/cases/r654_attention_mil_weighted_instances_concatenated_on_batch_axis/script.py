# Attention-based deep multiple-instance learning (keras-io style): each bag holds three
# digit images fed as three inputs, shared Dense layers embed every instance, a gated
# attention layer scores the instances, and the attention-weighted embeddings are
# joined for a two-class softmax that says whether the bag holds the positive digit.
import numpy as np
import keras
from keras import layers, ops

BAG_SIZE = 3
rng = np.random.default_rng(8)


def make_bags(images, digits, positive_digit, n_bags):
    bags, bag_labels = [], []
    images = images / 255.0
    for _ in range(n_bags):
        pick = rng.choice(len(images), BAG_SIZE, replace=False)
        bags.append(images[pick])
        bag_labels.append(np.array([int(positive_digit in digits[pick])]))
    return list(np.swapaxes(bags, 0, 1)), np.array(bag_labels)


raw_images = rng.integers(0, 256, size=(300, 28, 28)).astype("float32")
raw_digits = rng.integers(0, 10, size=300)
train_bags, train_bag_labels = make_bags(raw_images, raw_digits, 1, 64)


class GatedAttention(layers.Layer):
    def __init__(self, hidden_dim, **kwargs):
        super().__init__(**kwargs)
        self.hidden_dim = hidden_dim

    def build(self, input_shape):
        feat_dim = input_shape[0][1]
        self.v = self.add_weight(shape=(feat_dim, self.hidden_dim), name="v")
        self.u = self.add_weight(shape=(feat_dim, self.hidden_dim), name="u")
        self.w = self.add_weight(shape=(self.hidden_dim, 1), name="w")

    def call(self, inputs):
        scores = []
        for inst in inputs:
            h = ops.tanh(ops.tensordot(inst, self.v, axes=1))
            h = h * ops.sigmoid(ops.tensordot(inst, self.u, axes=1))
            scores.append(ops.tensordot(h, self.w, axes=1))
        alpha = ops.softmax(ops.stack(scores), axis=0)
        return [alpha[i] for i in range(len(inputs))]


def build_mil_model(instance_shape):
    inputs, embeddings = [], []
    embed_1 = layers.Dense(64, activation="relu")
    embed_2 = layers.Dense(32, activation="relu")
    for _ in range(BAG_SIZE):
        inp = layers.Input(instance_shape)
        inputs.append(inp)
        embeddings.append(embed_2(embed_1(layers.Flatten()(inp))))
    alpha = GatedAttention(64, name="alpha")(embeddings)
    weighted = [layers.multiply([alpha[i], embeddings[i]]) for i in range(BAG_SIZE)]
    joined = layers.concatenate(weighted, axis=0)
    out = layers.Dense(2, activation="softmax")(joined)
    return keras.Model(inputs, out)


mil_model = build_mil_model(train_bags[0][0].shape)
mil_model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
mil_model.fit(train_bags, train_bag_labels, epochs=2, batch_size=8, verbose=0)
print(mil_model.predict([b[:4] for b in train_bags], verbose=0))
