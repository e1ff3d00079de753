import numpy as np
import tensorflow as tf
import keras

SEQ_LEN = 24
VOCAB = 500
bert_input_features = ["input_word_ids", "input_type_ids", "input_mask"]
rng = np.random.default_rng(12)
n = 48
images_1 = rng.random((n, 32, 32, 3)).astype("float32") * 255
images_2 = rng.random((n, 32, 32, 3)).astype("float32") * 255
word_ids = rng.integers(1, VOCAB, size=(n, SEQ_LEN)).astype("int32")
labels = rng.integers(0, 3, size=(n,))  # NoEntailment / Implies / Contradictory


def tokenize_pair(ids):
    # stand-in for the BERT preprocessing model
    return {
        "input_word_ids": tf.reshape(ids, (1, SEQ_LEN)),
        "input_type_ids": tf.reshape(tf.cast(tf.range(SEQ_LEN) >= SEQ_LEN // 2, tf.int32), (1, SEQ_LEN)),
        "input_mask": tf.ones((1, SEQ_LEN), tf.int32),
    }


def preprocess_text(ids):
    output = tokenize_pair(ids)
    output = {feature: output[feature] for feature in bert_input_features}
    return output


def preprocess(sample):
    text = preprocess_text(sample["ids"])
    return {"image_1": sample["image_1"], "image_2": sample["image_2"], "text": text}


ds = tf.data.Dataset.from_tensor_slices(({"image_1": images_1, "image_2": images_2, "ids": word_ids}, labels))
train_ds = ds.map(lambda x, y: (preprocess(x), y)).batch(8).prefetch(tf.data.AUTOTUNE)


def project_embeddings(embeddings, num_projection_layers, projection_dims, dropout_rate):
    projected = keras.layers.Dense(units=projection_dims)(embeddings)
    for _ in range(num_projection_layers):
        x = keras.layers.Activation("gelu")(projected)
        x = keras.layers.Dense(projection_dims)(x)
        x = keras.layers.Dropout(dropout_rate)(x)
        x = keras.layers.Add()([projected, x])
        projected = keras.layers.LayerNormalization()(x)
    return projected


def create_vision_encoder(projection_dims, dropout_rate):
    backbone = keras.Sequential([
        keras.layers.Conv2D(16, 3, strides=2, activation="relu"),
        keras.layers.Conv2D(32, 3, strides=2, activation="relu"),
        keras.layers.GlobalAveragePooling2D(),
    ], name="image_backbone")
    image_1 = keras.Input(shape=(32, 32, 3), name="image_1")
    image_2 = keras.Input(shape=(32, 32, 3), name="image_2")
    emb_1 = backbone(keras.layers.Rescaling(1 / 255.0)(image_1))
    emb_2 = backbone(keras.layers.Rescaling(1 / 255.0)(image_2))
    embeddings = keras.layers.Concatenate()([emb_1, emb_2])
    outputs = project_embeddings(embeddings, 1, projection_dims, dropout_rate)
    return keras.Model([image_1, image_2], outputs, name="vision_encoder")


def create_text_encoder(projection_dims, dropout_rate):
    inputs = {f: keras.Input(shape=(SEQ_LEN,), dtype="int32", name=f) for f in bert_input_features}
    tokens = keras.layers.Embedding(VOCAB, 32)(inputs["input_word_ids"])
    segments = keras.layers.Embedding(2, 32)(inputs["input_type_ids"])
    x = keras.layers.Add()([tokens, segments])
    pooled = keras.layers.GlobalAveragePooling1D()(x)
    outputs = project_embeddings(pooled, 1, projection_dims, dropout_rate)
    return keras.Model(inputs, outputs, name="text_encoder")


def create_multimodal_model(projection_dims=32, dropout_rate=0.1):
    image_1 = keras.Input(shape=(32, 32, 3), name="image_1")
    image_2 = keras.Input(shape=(32, 32, 3), name="image_2")
    text_inputs = {f: keras.Input(shape=(SEQ_LEN,), dtype="int32", name=f) for f in bert_input_features}
    vision_projections = create_vision_encoder(projection_dims, dropout_rate)([image_1, image_2])
    text_projections = create_text_encoder(projection_dims, dropout_rate)(text_inputs)
    concatenated = keras.layers.Concatenate()([vision_projections, text_projections])
    outputs = keras.layers.Dense(3, activation="softmax")(concatenated)
    return keras.Model({"image_1": image_1, "image_2": image_2, "text": text_inputs}, outputs)


multimodal_model = create_multimodal_model()
multimodal_model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
history = multimodal_model.fit(train_ds, epochs=1, verbose=0)
print("accuracy:", history.history["accuracy"][-1])
