# Multiple-instance learning with gated attention: every bag holds four 20x20 patches,
# each fed through its own Input into shared Dense layers; the attention scores are
# normalized over the instances, each embedding is scaled by its weight, and the
# weighted embeddings are concatenated along the feature axis for a 2-way softmax.
import numpy as np
import keras
from keras import layers, ops

N_INSTANCES = 4
gen = np.random.default_rng(135)
patches = gen.random((200, 20, 20)).astype("float32")
patch_flags = gen.random(200) < 0.1


def bag_up(n_bags):
    members, targets = [], []
    for _ in range(n_bags):
        idx = gen.choice(len(patches), N_INSTANCES, replace=False)
        members.append(patches[idx])
        targets.append([int(patch_flags[idx].any())])
    return list(np.swapaxes(np.array(members), 0, 1)), np.array(targets)


bag_inputs, bag_targets = bag_up(48)


class InstanceAttention(layers.Layer):
    def __init__(self, width, **kwargs):
        super().__init__(**kwargs)
        self.width = width

    def build(self, input_shape):
        dim = input_shape[0][-1]
        self.proj = self.add_weight(shape=(dim, self.width), name="proj")
        self.gate = self.add_weight(shape=(dim, self.width), name="gate")
        self.score = self.add_weight(shape=(self.width, 1), name="score")

    def call(self, embeddings):
        raw = [ops.matmul(ops.tanh(ops.matmul(e, self.proj)) * ops.sigmoid(ops.matmul(e, self.gate)), self.score)
               for e in embeddings]
        weights = ops.softmax(ops.stack(raw), axis=0)
        return [weights[i] for i in range(len(embeddings))]


shared_a = layers.Dense(48, activation="relu")
shared_b = layers.Dense(24, activation="relu")
patch_inputs, patch_embeds = [], []
for _ in range(N_INSTANCES):
    inp = keras.Input((20, 20))
    patch_inputs.append(inp)
    patch_embeds.append(shared_b(shared_a(layers.Flatten()(inp))))
att = InstanceAttention(32, name="att")(patch_embeds)
scaled = [layers.multiply([att[i], patch_embeds[i]]) for i in range(N_INSTANCES)]
bag_vector = layers.concatenate(scaled, axis=1)
bag_probs = layers.Dense(2, activation="softmax")(bag_vector)

mil = keras.Model(patch_inputs, bag_probs)
mil.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
mil.fit(bag_inputs, bag_targets, batch_size=6, epochs=2, verbose=0)
print(mil.predict([m[:3] for m in bag_inputs], verbose=0).shape)
