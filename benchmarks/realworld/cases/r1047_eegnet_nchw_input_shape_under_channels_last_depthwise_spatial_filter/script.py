import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(13)
n_trials, chans, samples, kernels = 60, 22, 128, 1
nb_classes = 4

X = rng.normal(size=(n_trials, chans, samples)).astype("float32")
y = keras.utils.to_categorical(rng.integers(0, nb_classes, size=n_trials), nb_classes)

# convert data to NCHW (trials, kernels, channels, samples) format
X_train = X.reshape(X.shape[0], kernels, chans, samples)


def EEGNet(nb_classes, Chans=64, Samples=128, dropoutRate=0.5, kernLength=32, F1=8, D=2, F2=16):
    input1 = keras.Input(shape=(1, Chans, Samples))
    block1 = layers.Conv2D(F1, (1, kernLength), padding="same", use_bias=False)(input1)
    block1 = layers.BatchNormalization()(block1)
    block1 = layers.DepthwiseConv2D((Chans, 1), use_bias=False, depth_multiplier=D)(block1)
    block1 = layers.BatchNormalization()(block1)
    block1 = layers.Activation("elu")(block1)
    block1 = layers.AveragePooling2D((1, 4))(block1)
    block1 = layers.Dropout(dropoutRate)(block1)
    block2 = layers.SeparableConv2D(F2, (1, 16), use_bias=False, padding="same")(block1)
    block2 = layers.BatchNormalization()(block2)
    block2 = layers.Activation("elu")(block2)
    block2 = layers.AveragePooling2D((1, 8))(block2)
    block2 = layers.Dropout(dropoutRate)(block2)
    flatten = layers.Flatten()(block2)
    dense = layers.Dense(nb_classes)(flatten)
    softmax = layers.Activation("softmax")(dense)
    return keras.Model(inputs=input1, outputs=softmax)


model = EEGNet(nb_classes=nb_classes, Chans=chans, Samples=samples)
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, y, batch_size=16, epochs=2, verbose=0)
print("trained")
