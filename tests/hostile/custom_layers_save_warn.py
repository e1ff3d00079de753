"""Valid program: custom layers and models of every constructor shape, introspected, saved,
checkpointed, with a Keras warning and a warning of the user's own. Must behave exactly as
under plain python (items 4, 5, 8b of issue #10)."""
import dataclasses
import inspect
import os
import sys
import tempfile
import warnings

import keras
import numpy as np
from keras import layers


class NoInit(layers.Layer):
    def call(self, x):
        return x * 2.0


class KeywordOnly(layers.Layer):
    def __init__(self, *, scale=3.0, **kwargs):
        super().__init__(**kwargs)
        self.scale = scale

    def call(self, x):
        return x * self.scale


class StarArgs(layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(**kwargs)
        self.extra = args

    def call(self, x):
        return x + float(len(self.extra))


class KwargsOnly(layers.Layer):
    def __init__(self, **kwargs):
        self.offset = kwargs.pop("offset", 1.0)
        super().__init__(**kwargs)

    def call(self, x):
        return x + self.offset


@dataclasses.dataclass
class Settings:
    units: int = 4


class DataclassLike(layers.Layer):
    def __init__(self, units: int = 4, activation: str = "relu", settings: Settings | None = None, name=None):
        super().__init__(name=name)
        self.dense = layers.Dense(units, activation=activation)

    def call(self, x):
        return self.dense(x)


class OwnCall(layers.Layer):
    def __call__(self, *args, **kwargs):
        return super().__call__(*args, **kwargs)

    def call(self, x):
        return x - 1.0


class OwnBuild(layers.Layer):
    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1],), initializer="ones")

    def call(self, x):
        return x * self.w

    def compute_output_shape(self, input_shape):
        return input_shape


class OwnNew(layers.Layer):
    def __new__(cls, *args, **kwargs):
        return super().__new__(cls, *args, **kwargs)

    def call(self, x):
        return x


class Loud(layers.Layer):
    def call(self, x):
        warnings.warn("from call", stacklevel=2)
        return x


class NoInitModel(keras.Model):
    def call(self, x):
        return x * 1.0


class Net(keras.Model):
    def __init__(self, width=4, **kwargs):
        super().__init__(**kwargs)
        self.body = layers.Dense(width)
        self.head = layers.Dense(1)

    def call(self, x):
        return self.head(self.body(x))


kinds = [NoInit, KeywordOnly, StarArgs, KwargsOnly, DataclassLike, OwnCall, OwnBuild, OwnNew, NoInitModel, Net]
for kind in kinds:
    print(kind.__name__, inspect.signature(kind), inspect.signature(kind.__init__),
          inspect.getfullargspec(kind.__init__).varargs, inspect.getfullargspec(kind.__init__).varkw)
print("Layer.__init__", inspect.signature(layers.Layer.__init__), inspect.getfullargspec(layers.Layer.__init__))
print("Layer.__call__", inspect.signature(layers.Layer.__call__))
print("Model.fit", inspect.signature(keras.Model.fit))

x = np.ones((8, 4), dtype="float32")
y = np.zeros((8, 1), dtype="float32")
made = [NoInit(), KeywordOnly(scale=2.0), StarArgs(1, 2), KwargsOnly(offset=0.5), DataclassLike(4),
        OwnCall(), OwnBuild(), OwnNew(), NoInitModel()]
for layer in made:
    try:
        config = sorted(layer.get_config())
    except NotImplementedError as exc:  # Keras's own answer for *args constructors
        config = type(exc).__name__
    print(type(layer).__name__, tuple(layer(x).shape), config)

inputs = keras.Input((4,))
h = inputs
for layer in [NoInit(), KeywordOnly(), KwargsOnly(), OwnBuild(), DataclassLike(4)]:
    h = layer(h)
model = keras.Model(inputs, layers.Dense(1)(h))
model.compile(optimizer="sgd", loss="mse")

# Keras's own warning (stacklevel=2) and the user's own: same file and line as under python.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    layers.Dense(2, input_shape=(4,))
    warnings.warn("user warning", stacklevel=1)
for w in caught:
    print("warning at", os.path.basename(w.filename), w.lineno, str(w.message)[:40])
layers.Dense(2, input_shape=(4,))  # printed on stderr by Python's warning machinery

# Warnings raised inside wrapped Keras methods (a layer call, fit) name the same line too.
loud = keras.Sequential([keras.Input((4,)), Loud(), layers.Dense(1)])
loud.compile(loss="mse")
loud.fit(x, y, verbose=0)
Loud()(x)

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "model.keras")
    model.save(path)
    print("saved", os.path.getsize(path) > 0)
    check = keras.callbacks.ModelCheckpoint(os.path.join(tmp, "best.keras"))
    model.fit(x, y, epochs=2, batch_size=4, verbose=0, callbacks=[check])
    print("checkpoint", os.path.exists(os.path.join(tmp, "best.keras")))
    net = Net(width=3)
    net.compile(optimizer="sgd", loss="mse")
    net.fit(x, y, epochs=1, verbose=0)
    net.save(os.path.join(tmp, "net.keras"))
    print("net saved")
sys.stdout.flush()
