# EEGNet-style compact CNN for EEG trial classification: a temporal convolution, a
# depthwise spatial filter over the electrodes, a separable convolution, then a
# softmax over the motor-imagery classes.
import numpy as np
import keras
from keras import layers
from keras.constraints import max_norm

N_CLASSES, CHANS, SAMPLES = 11, 16, 128
F1, D, F2 = 8, 2, 16


def eegnet(nb_classes, chans=CHANS, samples=SAMPLES, dropout_rate=0.5, kern_length=32):
    trial = keras.Input(shape=(chans, samples, 1))
    x = layers.Conv2D(F1, (1, kern_length), padding="same", use_bias=False)(trial)
    x = layers.BatchNormalization()(x)
    x = layers.DepthwiseConv2D((chans, 1), use_bias=False, depth_multiplier=D,
                               depthwise_constraint=max_norm(1.0))(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("elu")(x)
    x = layers.AveragePooling2D((1, 4))(x)
    x = layers.Dropout(dropout_rate)(x)
    x = layers.SeparableConv2D(F2, (1, 16), use_bias=False, padding="same")(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("elu")(x)
    x = layers.AveragePooling2D((1, 8))(x)
    x = layers.Dropout(dropout_rate)(x)
    x = layers.Flatten(name="flatten")(x)
    x = layers.Dense(nb_classes, name="dense", kernel_constraint=max_norm(0.25))(x)
    return keras.Model(trial, layers.Activation("softmax", name="softmax")(x))


rng = np.random.default_rng(822)
X_train = rng.standard_normal((66, CHANS, SAMPLES, 1)).astype("float32")
Y_train = rng.integers(0, N_CLASSES, size=66)
X_test = rng.standard_normal((22, CHANS, SAMPLES, 1)).astype("float32")
Y_test = rng.integers(0, N_CLASSES, size=22)

model = eegnet(nb_classes=N_CLASSES)
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, Y_train, batch_size=16, epochs=2, verbose=0, validation_data=(X_test, Y_test))
probs = model.predict(X_test, verbose=0)
print("test accuracy:", np.mean(probs.argmax(axis=-1) == Y_test))
