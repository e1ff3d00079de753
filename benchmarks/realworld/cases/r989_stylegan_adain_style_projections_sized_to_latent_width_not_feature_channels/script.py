# Small StyleGAN generator (after the keras-io StyleGAN example): a mapping network turns
# z into per-stage style vectors, generator blocks use noise injection and AdaIN, and the
# generator grown to 8x8 renders a few images from random latents.
import numpy as np
import keras
from keras import layers

Z_DIM = 64
START_RES_LOG2, TARGET_RES_LOG2 = 2, 3
FILTERS = {1: 32, 2: 32, 3: 16}


def pixel_norm(x, epsilon=1e-8):
    return x / keras.ops.sqrt(keras.ops.mean(x**2, axis=-1, keepdims=True) + epsilon)


class EqualizedConv(layers.Layer):
    def __init__(self, out_channels, kernel=3, gain=2, **kwargs):
        super().__init__(**kwargs)
        self.kernel, self.out_channels, self.gain = kernel, out_channels, gain

    def build(self, input_shape):
        in_channels = input_shape[-1]
        self.w = self.add_weight(shape=(self.kernel, self.kernel, in_channels, self.out_channels),
                                 initializer=keras.initializers.RandomNormal(0.0, 1.0), name="kernel")
        self.b = self.add_weight(shape=(self.out_channels,), initializer="zeros", name="bias")
        self.scale = float(np.sqrt(self.gain / (self.kernel * self.kernel * in_channels)))

    def call(self, inputs):
        return keras.ops.conv(inputs, self.scale * self.w, padding="same") + self.b


class EqualizedDense(layers.Layer):
    def __init__(self, units, gain=2, learning_rate_multiplier=1, **kwargs):
        super().__init__(**kwargs)
        self.units, self.gain, self.lrmul = units, gain, learning_rate_multiplier

    def build(self, input_shape):
        in_channels = input_shape[-1]
        self.w = self.add_weight(shape=(in_channels, self.units),
                                 initializer=keras.initializers.RandomNormal(0.0, 1.0 / self.lrmul), name="kernel")
        self.b = self.add_weight(shape=(self.units,), initializer="zeros", name="bias")
        self.scale = float(np.sqrt(self.gain / in_channels))

    def call(self, inputs):
        return (keras.ops.matmul(inputs, self.scale * self.w) + self.b) * self.lrmul


class AddNoise(layers.Layer):
    def build(self, input_shape):
        channels = input_shape[0][-1]
        self.b = self.add_weight(shape=(1, 1, 1, channels), initializer="random_normal", name="kernel")

    def call(self, inputs):
        x, noise = inputs
        return x + self.b * noise


class AdaIN(layers.Layer):
    def build(self, input_shapes):
        x_shape, w_shape = input_shapes
        self.w_channels = w_shape[-1]
        self.x_channels = x_shape[-1]
        self.dense_1 = EqualizedDense(self.w_channels, gain=1)
        self.dense_2 = EqualizedDense(self.w_channels, gain=1)

    def call(self, inputs):
        x, w = inputs
        ys = keras.ops.reshape(self.dense_1(w), (-1, 1, 1, self.x_channels))
        yb = keras.ops.reshape(self.dense_2(w), (-1, 1, 1, self.x_channels))
        return ys * x + yb


def mapping(num_stages):
    z = keras.Input(shape=(Z_DIM,))
    w = pixel_norm(z)
    for _ in range(4):
        w = layers.LeakyReLU(0.2)(EqualizedDense(Z_DIM, learning_rate_multiplier=0.01)(w))
    w = keras.ops.tile(keras.ops.expand_dims(w, 1), (1, num_stages, 1))
    return keras.Model(z, w, name="mapping")


def build_block(filter_num, res, input_shape, is_base):
    input_tensor = keras.Input(shape=input_shape)
    noise = keras.Input(shape=(res, res, 1))
    w = keras.Input(shape=(Z_DIM,))
    x = input_tensor
    if not is_base:
        x = EqualizedConv(filter_num)(layers.UpSampling2D((2, 2))(x))
    for _ in range(2):
        x = AddNoise()([x, noise])
        x = layers.GroupNormalization(groups=-1)(layers.LeakyReLU(0.2)(x))
        x = AdaIN()([x, w])
        if is_base:
            x = EqualizedConv(filter_num)(x)
            is_base = False
    return keras.Model([input_tensor, w, noise], x, name=f"genblock_{res}x{res}")


num_stages = TARGET_RES_LOG2 - START_RES_LOG2 + 1
start_res = 2**START_RES_LOG2
g_input = keras.Input((start_res, start_res, FILTERS[START_RES_LOG2]), name="generator_input")
w_all = keras.Input((num_stages, Z_DIM), name="w")
noise_inputs = [keras.Input((2**i, 2**i, 1), name=f"noise_{2**i}") for i in range(START_RES_LOG2, TARGET_RES_LOG2 + 1)]
x = g_input
for stage, res_log2 in enumerate(range(START_RES_LOG2, TARGET_RES_LOG2 + 1)):
    res = 2**res_log2
    in_shape = (res, res, FILTERS[res_log2 - 1]) if stage == 0 else (res // 2, res // 2, FILTERS[res_log2 - 1])
    block = build_block(FILTERS[res_log2], res, in_shape, is_base=stage == 0)
    x = block([x, w_all[:, stage], noise_inputs[stage]])
rgb = layers.Activation("tanh")(EqualizedConv(3, 1, gain=1)(x))
generator = keras.Model([g_input, w_all] + noise_inputs, rgb, name="generator_8x8")

mapping_net = mapping(num_stages)
batch_size = 4
z = np.random.normal(size=(batch_size, Z_DIM)).astype("float32")
style = mapping_net.predict(z, verbose=0)
const_input = np.ones((batch_size, start_res, start_res, FILTERS[START_RES_LOG2]), dtype="float32")
noise = [np.random.normal(size=(batch_size, 2**i, 2**i, 1)).astype("float32")
         for i in range(START_RES_LOG2, TARGET_RES_LOG2 + 1)]
images = generator.predict([const_input, style] + noise, verbose=0)
print("generated:", images.shape, float(images.min()), float(images.max()))
