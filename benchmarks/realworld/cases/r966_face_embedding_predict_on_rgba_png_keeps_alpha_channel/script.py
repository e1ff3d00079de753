import numpy as np
import keras
from keras import layers, ops


def build_model(name="Facenet"):
    face = keras.Input(shape=(160, 160, 3))
    x = layers.Conv2D(16, 3, strides=2, activation="relu")(face)
    x = layers.Conv2D(32, 3, strides=2, activation="relu")(x)
    x = layers.Conv2D(64, 3, strides=2, activation="relu")(x)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dense(128, use_bias=False)(x)
    emb = layers.Lambda(lambda t: t / ops.sqrt(ops.sum(ops.square(t), axis=-1, keepdims=True) + 1e-10))(x)
    return keras.Model(face, emb, name=name)


def preprocess_face(img, target_size=(160, 160)):
    h, w = img.shape[:2]
    side = min(h, w)
    top, left = (h - side) // 2, (w - side) // 2
    crop = img[top:top + side, left:left + side]
    resized = ops.image.resize(crop.astype("float32"), target_size)
    pixels = np.asarray(resized) / 255.0
    return np.expand_dims(pixels, axis=0)


def fake_photo(rng, h, w, channels):
    # stand-in for cv2.imread / PIL loads
    img = rng.integers(0, 256, size=(h, w, channels), dtype=np.uint8)
    if channels == 4:
        img[..., 3] = 255
    return img


rng = np.random.default_rng(966)
model = build_model("Facenet")

reference = fake_photo(rng, 240, 200, 3)        # passport.jpg
candidate = fake_photo(rng, 300, 260, 4)        # webcam_capture.png

ref_img = preprocess_face(reference, target_size=(160, 160))
target_img = preprocess_face(candidate, target_size=(160, 160))

ref_embedding = model.predict(ref_img, verbose=0)[0]
embedding = model.predict(target_img, verbose=0)[0]
distance = float(np.linalg.norm(ref_embedding - embedding))
print("verified" if distance < 0.4 else "different person", round(distance, 3))
