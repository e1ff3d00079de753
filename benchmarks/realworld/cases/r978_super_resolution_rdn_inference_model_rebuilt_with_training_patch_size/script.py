import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(978)


def RDN(arch_params, patch_size=None, c_dim=3):
    C, D, G, G0, scale = (arch_params[k] for k in ("C", "D", "G", "G0", "x"))
    lr_input = keras.Input(shape=(patch_size, patch_size, c_dim), name="LR_input")
    f_minus_1 = layers.Conv2D(G0, 3, padding="same", name="F_m1")(lr_input)
    x = layers.Conv2D(G0, 3, padding="same", name="F_0")(f_minus_1)
    rdb_outputs = []
    for d in range(D):
        local = [x]
        for c in range(C):
            h = layers.Conv2D(G, 3, padding="same", activation="relu")(
                layers.Concatenate()(local) if len(local) > 1 else local[0])
            local.append(h)
        x = layers.Add()([x, layers.Conv2D(G0, 1, padding="same")(layers.Concatenate()(local))])
        rdb_outputs.append(x)
    gff = layers.Conv2D(G0, 3, padding="same")(layers.Conv2D(G0, 1)(layers.Concatenate()(rdb_outputs)))
    x = layers.Add()([gff, f_minus_1])
    x = layers.UpSampling2D(size=scale, interpolation="nearest")(x)
    x = layers.Conv2D(G0, 3, padding="same", activation="relu")(x)
    sr = layers.Conv2D(c_dim, 3, padding="same", name="SR")(x)
    return keras.Model(lr_input, sr, name="rdn")


arch_params = {"C": 2, "D": 2, "G": 16, "G0": 16, "x": 2}
lr_train_patch_size = 40
hr_train_patch_size = lr_train_patch_size * arch_params["x"]

# training pairs: HR patches and their 2x downsampled LR versions
hr = rng.uniform(0, 1, size=(32, hr_train_patch_size, hr_train_patch_size, 3)).astype("float32")
lr = hr.reshape(32, lr_train_patch_size, 2, lr_train_patch_size, 2, 3).mean(axis=(2, 4))

rdn = RDN(arch_params=arch_params, patch_size=lr_train_patch_size)
rdn.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mae")
rdn.fit(lr, hr, batch_size=8, epochs=1, verbose=0)
weights = rdn.get_weights()

# inference on a whole low-resolution image
model = RDN(arch_params=arch_params, patch_size=lr_train_patch_size)
model.set_weights(weights)
lr_img = rng.uniform(0, 1, size=(96, 120, 3)).astype("float32")
sr_img = model.predict(np.expand_dims(lr_img, axis=0), verbose=0)[0]
print("super-resolved:", lr_img.shape, "->", sr_img.shape)
