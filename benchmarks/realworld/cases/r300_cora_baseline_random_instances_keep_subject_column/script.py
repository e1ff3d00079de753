import numpy as np
import tensorflow as tf
import keras
from keras import layers

# Cora stand-in: one row per paper = [paper_id, 64 binary term columns, subject]
num_papers, num_terms, num_classes = 600, 64, 7
rng = np.random.default_rng(0)
papers = np.zeros((num_papers, num_terms + 2), dtype="float32")
papers[:, 0] = np.arange(num_papers)
papers[:, 1:-1] = (rng.random((num_papers, num_terms)) < 0.1).astype("float32")
papers[:, -1] = rng.integers(0, num_classes, num_papers)

random_selection = rng.random(num_papers) <= 0.5
train_data, test_data = papers[random_selection], papers[~random_selection]

hidden_units = [32, 32]
learning_rate = 0.01
dropout_rate = 0.5
num_epochs = 2
batch_size = 256

num_features = num_terms
x_train = train_data[:, 1:-1]
x_test = test_data[:, 1:-1]
y_train = train_data[:, -1]
y_test = test_data[:, -1]


def run_experiment(model, x_train, y_train):
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=[keras.metrics.SparseCategoricalAccuracy(name="acc")],
    )
    return model.fit(x=x_train, y=y_train, epochs=num_epochs, batch_size=batch_size,
                     validation_split=0.15, verbose=0)


def create_ffn(hidden_units, dropout_rate, name=None):
    fnn_layers = []
    for units in hidden_units:
        fnn_layers.append(layers.BatchNormalization())
        fnn_layers.append(layers.Dropout(dropout_rate))
        fnn_layers.append(layers.Dense(units, activation=tf.nn.gelu))
    return keras.Sequential(fnn_layers, name=name)


def create_baseline_model(hidden_units, num_classes, dropout_rate=0.2):
    inputs = layers.Input(shape=(num_features,), name="input_features")
    x = create_ffn(hidden_units, dropout_rate, name="ffn_block1")(inputs)
    for block_idx in range(4):
        x1 = create_ffn(hidden_units, dropout_rate, name=f"ffn_block{block_idx + 2}")(x)
        x = layers.Add(name=f"skip_connection{block_idx + 2}")([x, x1])
    logits = layers.Dense(num_classes, name="logits")(x)
    return keras.Model(inputs=inputs, outputs=logits, name="baseline")


baseline_model = create_baseline_model(hidden_units, num_classes, dropout_rate)
history = run_experiment(baseline_model, x_train, y_train)
_, test_accuracy = baseline_model.evaluate(x=x_test, y=y_test, verbose=0)
print(f"Test accuracy: {round(test_accuracy * 100, 2)}%")


def generate_random_instances(num_instances):
    token_probability = papers[:, 1:].mean(axis=0)
    instances = []
    for _ in range(num_instances):
        probabilities = np.random.uniform(size=len(token_probability))
        instance = (probabilities <= token_probability).astype(int)
        instances.append(instance)
    return np.array(instances)


new_instances = generate_random_instances(num_classes)
logits = baseline_model.predict(new_instances, verbose=0)
probabilities = keras.activations.softmax(tf.convert_to_tensor(logits)).numpy()
print(probabilities.round(2))
