# U-Net for ultrasound nerve segmentation trained directly on the full-size 420x580 scans.
import numpy as np
import keras
from keras import layers, ops

img_rows = 420
img_cols = 580
smooth = 1.0


def dice_coef(y_true, y_pred):
    y_true_f = ops.reshape(y_true, (-1,))
    y_pred_f = ops.reshape(y_pred, (-1,))
    intersection = ops.sum(y_true_f * y_pred_f)
    return (2.0 * intersection + smooth) / (ops.sum(y_true_f) + ops.sum(y_pred_f) + smooth)


def dice_coef_loss(y_true, y_pred):
    return -dice_coef(y_true, y_pred)


def conv_block(x, filters):
    x = layers.Conv2D(filters, (3, 3), activation="relu", padding="same")(x)
    return layers.Conv2D(filters, (3, 3), activation="relu", padding="same")(x)


def get_unet():
    inputs = keras.Input((img_rows, img_cols, 1))
    conv1 = conv_block(inputs, 4)
    pool1 = layers.MaxPooling2D(pool_size=(2, 2))(conv1)
    conv2 = conv_block(pool1, 8)
    pool2 = layers.MaxPooling2D(pool_size=(2, 2))(conv2)
    conv3 = conv_block(pool2, 16)
    pool3 = layers.MaxPooling2D(pool_size=(2, 2))(conv3)
    conv4 = conv_block(pool3, 32)
    pool4 = layers.MaxPooling2D(pool_size=(2, 2))(conv4)
    conv5 = conv_block(pool4, 64)

    up6 = layers.concatenate([layers.UpSampling2D(size=(2, 2))(conv5), conv4], axis=3)
    conv6 = conv_block(up6, 32)
    up7 = layers.concatenate([layers.UpSampling2D(size=(2, 2))(conv6), conv3], axis=3)
    conv7 = conv_block(up7, 16)
    up8 = layers.concatenate([layers.UpSampling2D(size=(2, 2))(conv7), conv2], axis=3)
    conv8 = conv_block(up8, 8)
    up9 = layers.concatenate([layers.UpSampling2D(size=(2, 2))(conv8), conv1], axis=3)
    conv9 = conv_block(up9, 4)
    conv10 = layers.Conv2D(1, (1, 1), activation="sigmoid")(conv9)

    model = keras.Model(inputs=inputs, outputs=conv10)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-4), loss=dice_coef_loss, metrics=[dice_coef])
    return model


rng = np.random.default_rng(37)
imgs_train = rng.random((4, img_rows, img_cols, 1)).astype("float32")
imgs_mask_train = (rng.random((4, img_rows, img_cols, 1)) > 0.8).astype("float32")

model = get_unet()
model.fit(imgs_train, imgs_mask_train, batch_size=2, epochs=1, verbose=0, shuffle=True)
print(model.predict(imgs_train[:1], verbose=0).shape)
