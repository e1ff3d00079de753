import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(851)
NUM_CLASSES = 5
x_train = rng.random((32, 64, 64, 3)).astype("float32")
y_train = rng.integers(0, NUM_CLASSES, size=(32,))


class SqueezeAndExcitation(layers.Layer):
    def __init__(self, output_dim=None, expansion=0.25, **kwargs):
        super().__init__(**kwargs)
        self.expansion = expansion
        self.output_dim = output_dim

    def build(self, input_shape):
        inp = input_shape[-1]
        self.output_dim = self.output_dim or inp
        self.avg_pool = layers.GlobalAvgPool2D(keepdims=True)
        self.fc = [
            layers.Dense(int(inp * self.expansion), use_bias=False),
            layers.Activation("gelu"),
            layers.Dense(self.output_dim, use_bias=False),
            layers.Activation("sigmoid"),
        ]

    def call(self, inputs):
        x = self.avg_pool(inputs)
        for layer in self.fc:
            x = layer(x)
        return x * inputs


class ReduceSize(layers.Layer):
    def __init__(self, keepdims=False, **kwargs):
        super().__init__(**kwargs)
        self.keepdims = keepdims

    def build(self, input_shape):
        embed_dim = input_shape[-1]
        dim_out = embed_dim if self.keepdims else 2 * embed_dim
        self.pad1 = layers.ZeroPadding2D(1)
        self.pad2 = layers.ZeroPadding2D(1)
        self.conv = [
            layers.DepthwiseConv2D(kernel_size=3, strides=1, padding="valid", use_bias=False),
            layers.Activation("gelu"),
            SqueezeAndExcitation(),
            layers.Conv2D(embed_dim, kernel_size=1, strides=1, padding="valid", use_bias=False),
        ]
        self.reduction = layers.Conv2D(dim_out, kernel_size=3, strides=2, padding="valid",
                                       use_bias=False)
        self.norm1 = layers.LayerNormalization(-1, 1e-05)
        self.norm2 = layers.LayerNormalization(-1, 1e-05)

    def call(self, inputs):
        x = self.norm1(inputs)
        xr = x
        for layer in self.conv:
            xr = layer(xr)
        x = x + xr
        x = self.pad2(x)
        x = self.reduction(x)
        return self.norm2(x)


class PatchEmbed(layers.Layer):
    def __init__(self, embed_dim, **kwargs):
        super().__init__(**kwargs)
        self.embed_dim = embed_dim

    def build(self, input_shape):
        self.pad = layers.ZeroPadding2D(1)
        self.proj = layers.Conv2D(self.embed_dim, 3, 2)
        self.conv_down = ReduceSize(keepdims=True)

    def call(self, inputs):
        x = self.pad(inputs)
        x = self.proj(x)
        return self.conv_down(x)


inputs = keras.Input(shape=(64, 64, 3))
x = PatchEmbed(embed_dim=32)(inputs)
x = ReduceSize(keepdims=False)(x)
x = layers.GlobalAvgPool2D()(x)
outputs = layers.Dense(NUM_CLASSES, activation="softmax")(x)
model = keras.Model(inputs, outputs, name="gcvit_stem_and_downsample")
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=8, epochs=1, verbose=0)
print(model.predict(x_train[:2], verbose=0).shape)
