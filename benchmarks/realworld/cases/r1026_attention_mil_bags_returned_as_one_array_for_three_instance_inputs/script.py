import numpy as np
import keras
from keras import layers, ops

POS_CLASS = 1
BAG_COUNT = 120
VAL_BAG_COUNT = 40
BAG_SIZE = 3
rng = np.random.default_rng(2)


def create_bags(x, y, pos_class, bag_count, instance_count):
    bags, bag_labels = [], []
    x = np.divide(x, 255.0)
    for _ in range(bag_count):
        index = rng.choice(x.shape[0], instance_count, replace=False)
        label = 1 if pos_class in y[index] else 0
        bags.append(x[index])
        bag_labels.append(np.array([label]))
    return np.array(bags), np.array(bag_labels)


class MILAttentionLayer(layers.Layer):
    def __init__(self, weight_params_dim, use_gated=False, **kwargs):
        super().__init__(**kwargs)
        self.weight_params_dim = weight_params_dim
        self.use_gated = use_gated

    def build(self, input_shape):
        input_dim = input_shape[0][1]
        self.v = self.add_weight(shape=(input_dim, self.weight_params_dim), name="v")
        self.w = self.add_weight(shape=(self.weight_params_dim, 1), name="w")
        if self.use_gated:
            self.u = self.add_weight(shape=(input_dim, self.weight_params_dim), name="u")

    def compute_attention_scores(self, instance):
        original_instance = instance
        instance = ops.tanh(ops.matmul(instance, self.v))
        if self.use_gated:
            instance = instance * ops.sigmoid(ops.matmul(original_instance, self.u))
        return ops.matmul(instance, self.w)

    def call(self, inputs):
        instances = [self.compute_attention_scores(instance) for instance in inputs]
        alpha = ops.softmax(ops.stack(instances), axis=0)
        return [alpha[i] for i in range(len(inputs))]


def create_model(instance_shape):
    inputs, embeddings = [], []
    shared_dense_1 = layers.Dense(64, activation="relu")
    shared_dense_2 = layers.Dense(32, activation="relu")
    for _ in range(BAG_SIZE):
        inp = layers.Input(instance_shape)
        x = layers.Flatten()(inp)
        inputs.append(inp)
        embeddings.append(shared_dense_2(shared_dense_1(x)))
    alpha = MILAttentionLayer(weight_params_dim=64, use_gated=True, name="alpha")(embeddings)
    weighted = [layers.multiply([alpha[i], embeddings[i]]) for i in range(len(alpha))]
    concat = layers.concatenate(weighted, axis=1)
    output = layers.Dense(2, activation="softmax")(concat)
    return keras.Model(inputs, output)


digits = rng.integers(0, 256, size=(600, 20, 20)).astype("float32")
digit_labels = rng.integers(0, 10, size=600)
train_data, train_labels = create_bags(digits[:450], digit_labels[:450], POS_CLASS, BAG_COUNT, BAG_SIZE)
val_data, val_labels = create_bags(digits[450:], digit_labels[450:], POS_CLASS, VAL_BAG_COUNT, BAG_SIZE)

model = create_model(instance_shape=(20, 20))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(
    train_data,
    train_labels,
    validation_data=(val_data, val_labels),
    epochs=2,
    batch_size=8,
    verbose=0,
)
print(model.evaluate(val_data, val_labels, verbose=0))
