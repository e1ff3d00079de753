import random
import numpy as np
import keras
from keras import layers

LABELS = ["wing", "body", "tail", "engine"]
N_SAMPLE_POINTS = 1024
BATCH_SIZE = 8

# ShapeNet airplanes stand-in: clouds of 1024 sampled points with per-point one-hot labels
# (the last column is the "none" class)
point_clouds = np.random.rand(16, N_SAMPLE_POINTS, 3).astype("float32")
label_ids = np.random.randint(0, len(LABELS) + 1, size=(16, N_SAMPLE_POINTS))
label_clouds = keras.utils.to_categorical(label_ids, len(LABELS) + 1)


def conv_block(x, filters, name):
    x = layers.Conv1D(filters, kernel_size=1, padding="valid", name=f"{name}_conv")(x)
    x = layers.BatchNormalization(momentum=0.0, name=f"{name}_batch_norm")(x)
    return layers.Activation("relu", name=f"{name}_relu")(x)


def mlp_block(x, filters, name):
    x = layers.Dense(filters, name=f"{name}_dense")(x)
    x = layers.BatchNormalization(momentum=0.0, name=f"{name}_batch_norm")(x)
    return layers.Activation("relu", name=f"{name}_relu")(x)


def transformation_net(inputs, num_features, name):
    x = conv_block(inputs, filters=16, name=f"{name}_1")
    x = conv_block(x, filters=32, name=f"{name}_2")
    x = layers.GlobalMaxPooling1D()(x)
    x = mlp_block(x, filters=32, name=f"{name}_1_1")
    return layers.Dense(
        num_features * num_features,
        kernel_initializer="zeros",
        bias_initializer=keras.initializers.Constant(np.eye(num_features).flatten()),
        name=f"{name}_final",
    )(x)


def transformation_block(inputs, num_features, name):
    transformed_features = transformation_net(inputs, num_features, name=name)
    transformed_features = layers.Reshape((num_features, num_features))(transformed_features)
    return layers.Dot(axes=(2, 1), name=f"{name}_mm")([inputs, transformed_features])


def get_shape_segmentation_model(num_points, num_classes):
    input_points = keras.Input(shape=(None, 3))
    transformed_inputs = transformation_block(input_points, num_features=3, name="input_transformation_block")
    features_64 = conv_block(transformed_inputs, filters=16, name="features_64")
    features_128_1 = conv_block(features_64, filters=32, name="features_128_1")
    transformed_features = transformation_block(features_128_1, num_features=32, name="transformed_features")
    features_512 = conv_block(transformed_features, filters=64, name="features_512")
    features_2048 = conv_block(features_512, filters=128, name="pre_maxpool_block")
    global_features = layers.MaxPool1D(pool_size=num_points, name="global_features")(features_2048)
    global_features = keras.ops.tile(global_features, [1, num_points, 1])
    segmentation_input = layers.Concatenate(name="segmentation_input")(
        [features_64, features_128_1, transformed_features, features_512, global_features]
    )
    segmentation_features = conv_block(segmentation_input, filters=32, name="segmentation_features")
    outputs = layers.Conv1D(num_classes, kernel_size=1, activation="softmax", name="segmentation_head")(
        segmentation_features
    )
    return keras.Model(input_points, outputs)


num_points = point_clouds.shape[1]
num_classes = label_clouds.shape[-1]
segmentation_model = get_shape_segmentation_model(num_points, num_classes)
segmentation_model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-3),
                           loss=keras.losses.CategoricalCrossentropy(), metrics=["accuracy"])
segmentation_model.fit(point_clouds, label_clouds, batch_size=BATCH_SIZE, epochs=1, verbose=0)


def sample_point_cloud(point_cloud, n_sample_points):
    sampled_indices = random.sample(list(range(len(point_cloud))), n_sample_points)
    return np.array([point_cloud[i] for i in sampled_indices])


# Inference on a new scan of 2500 points
new_scan = np.random.rand(2500, 3).astype("float32")
new_cloud = sample_point_cloud(new_scan, len(new_scan))
predictions = segmentation_model.predict(new_cloud[None, ...], verbose=0)
print(predictions.shape)
