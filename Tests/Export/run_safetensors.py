# Runs a noisestep model from its safetensors export alone, with numpy.
# python3 run_safetensors.py MODEL.safetensors DIR  (DIR holds t10k-images/labels-idx*-ubyte[.gz])
import gzip, os, sys
import numpy as np
from safetensors import safe_open


def load(path):
    with safe_open(path, framework="numpy") as f:
        return f.metadata(), {name: f.get_tensor(name) for name in f.keys()}


def conv(x, weight):
    """Stride 1, no padding: [N, C, H, W] -> [N, O, H - k + 1, W - k + 1]."""
    k = weight.shape[-1]
    windows = np.lib.stride_tricks.sliding_window_view(x, (k, k), axis=(2, 3))
    return np.einsum("nchwij,ocij->nohw", windows, weight, optimize=True)


def logits(meta, tensors, pixels):
    """Raw pixel values 0...255, [N, 784] -> logits / temperature, float32 [N, 10]."""
    x = np.asarray(pixels, dtype=np.float32).reshape(-1, 1, 28, 28)
    if meta["input_encoding"] == "binary":
        x = (x > 0).astype(np.float32)
    layers = meta["architecture"].split()[1:]  # e.g. conv(16,5x5) max_pool(2x2) layer_norm relu dense(10)
    if layers[0].split("(")[0] not in ("dense", "conv"):
        x = x / np.float32(meta["input_divisor"])
    index, divide = 0, layers[0].split("(")[0] in ("dense", "conv")
    for layer in layers:
        kind = layer.split("(")[0]
        if kind in ("dense", "conv"):
            weight = tensors[f"layers.{index}.{kind}.weight"].astype(np.float32)
            bias = tensors[f"layers.{index}.{kind}.bias"].astype(np.float32)
            if kind == "dense":
                x = x.reshape(len(x), -1) @ weight.T
            else:
                x, bias = conv(x, weight), bias.reshape(-1, 1, 1)
            if divide:  # integer sums, exact in float32; divided once, as noisestep does
                x, divide = x / np.float32(meta["input_divisor"]), False
            x = x + bias
        elif kind == "max_pool":
            s = int(layer.split("(")[1].split("x")[0])
            n, c, h, w = x.shape
            x = x[:, :, : h // s * s, : w // s * s].reshape(n, c, h // s, s, w // s, s).max(axis=(3, 5))
        elif kind == "layer_norm":  # over all of an image's features, no learned parameters
            axes = tuple(range(1, x.ndim))
            mean = x.mean(axis=axes, keepdims=True)
            variance = np.square(x - mean).mean(axis=axes, keepdims=True)
            x = (x - mean) / np.sqrt(variance + np.float32(meta["layer_norm_epsilon"]))
        elif kind == "relu":
            x = np.maximum(x, 0)
        if kind in ("dense", "conv", "max_pool"):
            index += 1
    return x.reshape(len(x), -1) / np.float32(meta["temperature"])

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
