# Runs a noisestep model from its safetensors export alone, with numpy.
# python3 run_safetensors.py MODEL.safetensors DIR  (DIR holds t10k-images/labels-idx*-ubyte[.gz])
import gzip, os, sys
import numpy as np
from safetensors import safe_open


def load(path):
    with safe_open(path, framework="numpy") as f:
        return f.metadata(), {name: f.get_tensor(name) for name in f.keys()}


def logits(meta, tensors, pixels):
    """Raw pixel values 0...255, [N, 784] -> logits / temperature, float32 [N, 10]."""
    x = np.asarray(pixels, dtype=np.float32)
    if meta["input_encoding"] == "binary":
        x = (x > 0).astype(np.float32)
    layers = sum(name.endswith(".dense.weight") for name in tensors)
    for i in range(layers):
        x = x @ tensors[f"layers.{i}.dense.weight"].astype(np.float32).T
        if i == 0:  # integer sums, exact in float32; divided once, as noisestep does
            x = x / np.float32(meta["input_divisor"])
        x = x + tensors[f"layers.{i}.dense.bias"].astype(np.float32)
        if i < layers - 1:  # layer norm without learned parameters, then ReLU
            mean = x.mean(axis=1, keepdims=True)
            variance = np.square(x - mean).mean(axis=1, keepdims=True)
            x = np.maximum((x - mean) / np.sqrt(variance + np.float32(meta["layer_norm_epsilon"])), 0)
    return x / np.float32(meta["temperature"])


def read_idx(directory, stem):
    path = next((p for p in (os.path.join(directory, stem + e) for e in ("", ".gz")) if os.path.exists(p)), None)
    if path is None:
        sys.exit(f"{directory}: no {stem} or {stem}.gz")
    with (gzip.open if path.endswith(".gz") else open)(path, "rb") as f:
        data = f.read()
    dims = [int.from_bytes(data[4 + 4 * k:8 + 4 * k], "big") for k in range(data[3])]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * len(dims)).reshape(dims)


if __name__ == "__main__":
    meta, tensors = load(sys.argv[1])
    images = read_idx(sys.argv[2], "t10k-images-idx3-ubyte").reshape(-1, 784)
    labels = read_idx(sys.argv[2], "t10k-labels-idx1-ubyte")
    correct = int(np.sum(logits(meta, tensors, images).argmax(axis=1) == labels))
    print(f"accuracy {100 * correct / len(labels):.1f}% ({correct}/{len(labels)})")
