import numpy as np
import keras
from keras import layers, ops

rng = np.random.default_rng(981)


class InputChoice(layers.Layer):
    """Picks candidate inputs with a fixed mask and reduces them (NAS search-space mutable)."""

    def __init__(self, n_candidates, mask, reduction="concat", **kwargs):
        super().__init__(**kwargs)
        self.n_candidates = n_candidates
        self.mask = list(mask)
        self.reduction = reduction

    def _tensor_reduction(self, tensor_list):
        if len(tensor_list) == 1:
            return tensor_list[0]
        if self.reduction == "sum":
            return sum(tensor_list)
        if self.reduction == "mean":
            return sum(tensor_list) / len(tensor_list)
        if self.reduction == "concat":
            return ops.concatenate(tensor_list, axis=0)
        raise ValueError(f"Unrecognized reduction policy: {self.reduction}")

    def call(self, candidates):
        chosen = [t for t, m in zip(candidates, self.mask) if m]
        return self._tensor_reduction(chosen)


class Cell(layers.Layer):
    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.conv = layers.Conv2D(filters, 3, padding="same", use_bias=False)
        self.bn = layers.BatchNormalization()

    def call(self, x, training=False):
        return ops.relu(self.bn(self.conv(x), training=training))


class SearchedNet(keras.Model):
    def __init__(self, num_classes=10, filters=16):
        super().__init__()
        self.stem = layers.Conv2D(filters, 3, padding="same", activation="relu")
        self.cell1 = Cell(filters)
        self.cell2 = Cell(filters)
        self.skip = InputChoice(n_candidates=2, mask=[True, True], reduction="concat")
        self.reduce = layers.Conv2D(filters, 1, activation="relu")
        self.pool = layers.GlobalAveragePooling2D()
        self.head = layers.Dense(num_classes)

    def call(self, x, training=False):
        x = self.stem(x)
        c1 = self.cell1(x, training=training)
        c2 = self.cell2(c1, training=training)
        merged = self.skip([c1, c2])
        return self.head(self.pool(self.reduce(merged)))


x_train = rng.uniform(0, 1, size=(96, 16, 16, 3)).astype("float32")
y_train = rng.integers(0, 10, size=96)

model = SearchedNet()
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=16, epochs=1, verbose=0)
print("logits:", model.predict(x_train[:4], verbose=0).shape)
