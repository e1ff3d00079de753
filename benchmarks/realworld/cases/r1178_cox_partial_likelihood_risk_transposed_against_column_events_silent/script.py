import numpy as np
import keras
from keras import layers, ops, regularizers

rng = np.random.default_rng(4)
keras.utils.set_random_seed(4)
n_subjects, n_features, batchsize = 240, 20, 40
X = rng.normal(size=(n_subjects, n_features)).astype("float32")
true_risk = X[:, :3].sum(axis=1)
T = rng.exponential(scale=np.exp(-true_risk)).astype("float32")
E = (rng.uniform(size=n_subjects) < 0.7).astype("float32")


def sort_within_minibatches(x, e, t, batch):
    """Shuffle, then order each minibatch by descending survival/censoring time."""
    idx = rng.permutation(len(x))
    ordered = []
    for start in range(0, len(x), batch):
        chunk = idx[start:start + batch]
        ordered.extend(chunk[np.argsort(t[chunk])[::-1]])
    return x[ordered], e[ordered], t[ordered]


def negative_log_likelihood(E, risk):
    # Cox partial likelihood; each batch is sorted by descending time, so the
    # cumulative sum over the batch is the sum over each subject's risk set
    hazard_ratio = ops.exp(risk)
    log_risk = ops.log(ops.cumsum(hazard_ratio, axis=0))
    uncensored_likelihood = ops.transpose(risk) - log_risk
    censored_likelihood = uncensored_likelihood * E
    return -ops.sum(censored_likelihood)


X_tr, E_tr, T_tr = sort_within_minibatches(X, E[:, np.newaxis], T, batchsize)

inputvec = keras.Input(shape=(n_features,))
x = layers.Dropout(0.1)(inputvec)
x = layers.Dense(16, activation="relu", activity_regularizer=regularizers.l1(1e-5))(x)
encoded = layers.Dense(8, activation="relu", name="encoded")(x)
riskpred = layers.Dense(1, activation="linear", name="predicted_risk")(encoded)
z = layers.Dense(16, activation="relu")(encoded)
decoded = layers.Dense(n_features, activation="linear", name="decoded")(z)
model = keras.Model(inputs=inputvec, outputs=[decoded, riskpred])

alpha = 0.5
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss=["mse", negative_log_likelihood],
              loss_weights=[alpha, 1 - alpha])
log = model.fit(X_tr, [X_tr, E_tr], batch_size=batchsize, epochs=3, shuffle=False, verbose=0)
print("risk loss per epoch:", np.round(log.history["predicted_risk_loss"], 2))
