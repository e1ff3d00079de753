import numpy as np
import keras
from keras import layers, ops


def train_test_split(*arrays, test_size=0.2, seed=42):
    # drop-in for sklearn.model_selection.train_test_split (sklearn is not installed here)
    n = len(arrays[0])
    idx = np.random.default_rng(seed).permutation(n)
    n_test = int(round(n * test_size))
    test_idx, train_idx = idx[:n_test], idx[n_test:]
    out = []
    for a in arrays:
        out += [a[train_idx], a[test_idx]]
    return out


class LabelBinarizer:
    def fit_transform(self, labels):
        self.classes_, codes = np.unique(labels, return_inverse=True)
        return np.eye(len(self.classes_), dtype="float32")[codes]


class FashionNet:
    @staticmethod
    def build_category_branch(inputs, numCategories):
        x = layers.Lambda(lambda c: ops.mean(c, axis=-1, keepdims=True))(inputs)
        x = layers.Conv2D(32, (3, 3), padding="same", activation="relu")(x)
        x = layers.BatchNormalization()(x)
        x = layers.MaxPooling2D(pool_size=(3, 3))(x)
        x = layers.Conv2D(64, (3, 3), padding="same", activation="relu")(x)
        x = layers.MaxPooling2D(pool_size=(2, 2))(x)
        x = layers.Flatten()(x)
        x = layers.Dense(64, activation="relu")(x)
        x = layers.Dropout(0.5)(x)
        return layers.Dense(numCategories, activation="softmax", name="category_output")(x)

    @staticmethod
    def build_color_branch(inputs, numColors):
        x = layers.Conv2D(16, (3, 3), padding="same", activation="relu")(inputs)
        x = layers.BatchNormalization()(x)
        x = layers.MaxPooling2D(pool_size=(3, 3))(x)
        x = layers.Conv2D(32, (3, 3), padding="same", activation="relu")(x)
        x = layers.MaxPooling2D(pool_size=(2, 2))(x)
        x = layers.Flatten()(x)
        x = layers.Dense(32, activation="relu")(x)
        x = layers.Dropout(0.5)(x)
        return layers.Dense(numColors, activation="softmax", name="color_output")(x)

    @staticmethod
    def build(width, height, numCategories, numColors):
        inputs = keras.Input(shape=(height, width, 3))
        categoryBranch = FashionNet.build_category_branch(inputs, numCategories)
        colorBranch = FashionNet.build_color_branch(inputs, numColors)
        return keras.Model(inputs=inputs, outputs=[categoryBranch, colorBranch], name="fashionnet")


rng = np.random.default_rng(1000)
data = rng.random((100, 48, 48, 3)).astype("float32")
categoryLabels = rng.choice(["dress", "jeans", "shirt", "shoes"], size=100)
colorLabels = rng.choice(["black", "blue", "red"], size=100)

categoryLB = LabelBinarizer()
colorLB = LabelBinarizer()
categoryLabels = categoryLB.fit_transform(categoryLabels)
colorLabels = colorLB.fit_transform(colorLabels)

split = train_test_split(data, categoryLabels, colorLabels, test_size=0.2, seed=42)
(trainX, testX, trainCategoryY, trainColorY, testCategoryY, testColorY) = split

model = FashionNet.build(48, 48, numCategories=len(categoryLB.classes_), numColors=len(colorLB.classes_))
losses = {"category_output": "categorical_crossentropy", "color_output": "categorical_crossentropy"}
lossWeights = {"category_output": 1.0, "color_output": 1.0}
model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-3), loss=losses, loss_weights=lossWeights,
              metrics={"category_output": "accuracy", "color_output": "accuracy"})
H = model.fit(x=trainX, y={"category_output": trainCategoryY, "color_output": trainColorY},
              validation_data=(testX, {"category_output": testCategoryY, "color_output": testColorY}),
              epochs=2, batch_size=16, verbose=0)
print(sorted(H.history))
