# FCN-16S semantic segmentation: a small VGG-style backbone gives the pool4 and pool5
# feature maps, the pool5 class scores are combined with the pool4 class scores and the
# sum is upsampled 16x back to the input size.
import numpy as np
import keras

INPUT_HEIGHT = 64
INPUT_WIDTH = 64
NUM_CLASSES = 4

rng = np.random.default_rng(16)
images = rng.random((16, INPUT_HEIGHT, INPUT_WIDTH, 3)).astype("float32")
masks = rng.integers(0, NUM_CLASSES, size=(16, INPUT_HEIGHT, INPUT_WIDTH, 1))

input_layer = keras.Input(shape=(INPUT_HEIGHT, INPUT_WIDTH, 3))
x = input_layer
pools = []
for filters in [16, 32, 32, 64, 64]:
    x = keras.layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    x = keras.layers.MaxPooling2D(2)(x)
    pools.append(x)
pool4_output, pool5_output = pools[3], pools[4]

# 1x1 convolution to set channels = number of classes
final_fcn32s_pool = keras.layers.Conv2D(NUM_CLASSES, (1, 1), padding="same", activation="relu")(pool5_output)

pool4 = keras.layers.Conv2D(
    filters=NUM_CLASSES,
    kernel_size=(1, 1),
    padding="same",
    activation="linear",
    kernel_initializer=keras.initializers.Zeros(),
)(pool4_output)

fcn16s_conv_layer = keras.layers.Conv2D(NUM_CLASSES, (1, 1), activation="softmax", padding="same")
fcn16s_upsample_layer = keras.layers.UpSampling2D(size=(16, 16), interpolation="bilinear")

# Add intermediate outputs
final_fcn16s_pool = keras.layers.Add()([pool4, final_fcn32s_pool])
final_fcn16s_output = fcn16s_conv_layer(final_fcn16s_pool)
final_fcn16s_output = fcn16s_upsample_layer(final_fcn16s_output)

fcn16s_model = keras.models.Model(inputs=input_layer, outputs=final_fcn16s_output)
fcn16s_model.compile(
    optimizer=keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=1e-4),
    loss=keras.losses.SparseCategoricalCrossentropy(),
    metrics=[keras.metrics.SparseCategoricalAccuracy()],
)
fcn16s_model.fit(images, masks, batch_size=4, epochs=1, verbose=0)
print(fcn16s_model.predict(images[:2], verbose=0).shape)
