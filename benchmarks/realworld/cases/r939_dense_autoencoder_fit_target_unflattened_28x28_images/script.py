import numpy as np
import keras
from keras import layers
from keras.models import Model
from keras.optimizers import Adam

rng = np.random.default_rng(4)
x_train_orig = rng.random((200, 28, 28)).astype("float32")
x_test_orig = rng.random((40, 28, 28)).astype("float32")

x_train = np.reshape(x_train_orig, (x_train_orig.shape[0], np.prod(x_train_orig.shape[1:])))
x_test = np.reshape(x_test_orig, (x_test_orig.shape[0], np.prod(x_test_orig.shape[1:])))

INPUT_SHAPE = 784
BATCH_SIZE = 32
EPOCHS = 2


def get_encoder_model():
    x = layers.Input(shape=(INPUT_SHAPE,), name="encoder_input")
    h = layers.Dense(units=300, name="encoder_dense_1")(x)
    h = layers.LeakyReLU(name="encoder_leakyrelu_1")(h)
    h = layers.Dense(units=2, name="encoder_dense_2")(h)
    encoder_output = layers.LeakyReLU(name="encoder_output")(h)
    return Model(x, encoder_output, name="encoder_model")


def get_decoder_model():
    decoder_input = layers.Input(shape=(2,), name="decoder_input")
    h = layers.Dense(units=300, name="decoder_dense_1")(decoder_input)
    h = layers.LeakyReLU(name="decoder_leakyrelu_1")(h)
    h = layers.Dense(units=INPUT_SHAPE, name="decoder_dense_2")(h)
    decoder_output = layers.LeakyReLU(name="decoder_output")(h)
    return Model(decoder_input, decoder_output, name="decoder_model")


encoder = get_encoder_model()
decoder = get_decoder_model()

ae_input = layers.Input(shape=(INPUT_SHAPE,), name="autoencoder_input")
autoencoder_model = Model(ae_input, decoder(encoder(ae_input)), name="autoencoder")
autoencoder_model.compile(loss="mse", optimizer=Adam(learning_rate=0.0005))

autoencoder_model.fit(
    x_train,
    x_train_orig,
    epochs=EPOCHS,
    batch_size=BATCH_SIZE,
    shuffle=True,
    validation_data=(x_test, x_test),
    verbose=0,
)

encoded_images = encoder.predict(x_train, verbose=0)
decoded_images = decoder.predict(encoded_images, verbose=0)
decoded_images_orig = np.reshape(decoded_images, (decoded_images.shape[0], 28, 28))
print(decoded_images_orig.shape)
