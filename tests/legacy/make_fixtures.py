"""Weights files written by tf.keras 2.x from the seed's own code: ``make legacy-fixtures``.

Runs in a separate environment (``.venv-legacy``, with tf_keras) because tf_keras replaces
TensorFlow files and must not enter the app's environment. Writes to ``tests/legacy/files/``:
``seed_resnet{34,50}.h5`` (``model.save_weights``, the seed's habit), ``seed_resnet34_model.h5``
(``model.save``, a legacy full-model file) and ``seed_resnet{34,50}.npz`` (every array, keyed
``LAYERINDEX_WEIGHTINDEX`` over the layers that have weights, to check loads bit by bit).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ["TF_USE_LEGACY_KERAS"] = "1"  # tensorflow.keras is then tf.keras 2.x (tf_keras)
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "files"
CLASSES = 10


def main() -> int:
    sys.path.insert(0, str(ROOT))
    import numpy as np
    import tensorflow as tf
    import tf_keras

    from tests.core import seed_resnet

    assert tf.keras.layers.Conv2D is tf_keras.layers.Conv2D, "tf.keras must be 2.x here"
    OUT.mkdir(exist_ok=True)
    for depth, build in ((34, seed_resnet.ResNet34), (50, seed_resnet.ResNet50)):
        tf_keras.utils.set_random_seed(depth)
        model = build((224, 224, 3), n_classes=CLASSES)
        # Random BN statistics too, so a load that skipped them would show.
        for layer in model.layers:
            if isinstance(layer, tf_keras.layers.BatchNormalization):
                mean, variance = layer.moving_mean, layer.moving_variance
                mean.assign(np.random.default_rng(depth).normal(size=mean.shape))
                variance.assign(np.random.default_rng(depth + 1).uniform(0.5, 2, variance.shape))
        model.save_weights(str(OUT / f"seed_resnet{depth}.h5"))
        weighted = [layer for layer in model.layers if layer.weights]
        arrays = {
            f"{i}_{j}": weight.numpy()
            for i, layer in enumerate(weighted)
            for j, weight in enumerate(layer.trainable_weights + layer.non_trainable_weights)
        }
        np.savez(OUT / f"seed_resnet{depth}.npz", **arrays)
        if depth == 34:
            model.save(str(OUT / "seed_resnet34_model.h5"))
    (OUT / "VERSION").write_text(f"tf_keras {tf_keras.__version__}\n")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
