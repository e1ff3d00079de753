# Siamese network with a contrastive loss: pairs of digit images (one matching and one
# non-matching pair per image) are scored by a shared embedding tower, the Euclidean
# distance between the two embeddings and a sigmoid unit.
import random
import numpy as np
import keras
from keras import layers, ops

random.seed(1)
rng = np.random.default_rng(1)
x_train = rng.random((150, 28, 28)).astype("float32")
y_train = rng.integers(0, 10, size=150)
x_test = rng.random((50, 28, 28)).astype("float32")
y_test = rng.integers(0, 10, size=50)


def make_pairs(x, y):
    num_classes = max(y) + 1
    digit_indices = [np.where(y == i)[0] for i in range(num_classes)]
    pairs, labels = [], []
    for idx1 in range(len(x)):
        x1, label1 = x[idx1], y[idx1]
        pairs += [[x1, x[random.choice(digit_indices[label1])]]]
        labels += [1]
        label2 = random.randint(0, num_classes - 1)
        while label2 == label1 or len(digit_indices[label2]) == 0:
            label2 = random.randint(0, num_classes - 1)
        pairs += [[x1, x[random.choice(digit_indices[label2])]]]
        labels += [0]
    return np.array(pairs), np.array(labels).astype("float32")


pairs_train, labels_train = make_pairs(x_train, y_train)
pairs_test, labels_test = make_pairs(x_test, y_test)
x_train_1, x_train_2 = pairs_train[:, 0], pairs_train[:, 1]
x_test_1, x_test_2 = pairs_test[:, 0], pairs_test[:, 1]


def euclidean_distance(vects):
    x, y = vects
    sum_square = ops.sum(ops.square(x - y), axis=1, keepdims=True)
    return ops.sqrt(ops.maximum(sum_square, keras.backend.epsilon()))


inp = layers.Input((28, 28, 1))
x = layers.BatchNormalization()(inp)
x = layers.Conv2D(4, (5, 5), activation="tanh")(x)
x = layers.AveragePooling2D(pool_size=(2, 2))(x)
x = layers.Conv2D(16, (5, 5), activation="tanh")(x)
x = layers.AveragePooling2D(pool_size=(2, 2))(x)
x = layers.Flatten()(x)
x = layers.BatchNormalization()(x)
x = layers.Dense(10, activation="tanh")(x)
embedding_network = keras.Model(inp, x)

input_1 = layers.Input((28, 28, 1))
input_2 = layers.Input((28, 28, 1))
tower_1 = embedding_network(input_1)
tower_2 = embedding_network(input_2)
merge_layer = layers.Lambda(euclidean_distance, output_shape=(1,))([tower_1, tower_2])
normal_layer = layers.BatchNormalization()(merge_layer)
output_layer = layers.Dense(1, activation="sigmoid")(normal_layer)
siamese = keras.Model(inputs=[input_1, input_2], outputs=output_layer)


def loss(margin=1):
    def contrastive_loss(y_true, y_pred):
        square_pred = ops.square(y_pred)
        margin_square = ops.square(ops.maximum(margin - y_pred, 0))
        return ops.mean((1 - y_true) * square_pred + y_true * margin_square)
    return contrastive_loss


siamese.compile(loss=loss(margin=1), optimizer="RMSprop", metrics=["accuracy"])
siamese.fit([x_train_1, x_train_2], labels_train, batch_size=16, epochs=1, verbose=0)

results = siamese.evaluate([x_test_1, x_test_2], y_test, verbose=0)
print("test loss, test acc:", results)
