#!/usr/bin/env python3
"""noise_step in PyTorch on the CPU: the peer `noisestep bench` measures itself against.

The same recipe as noisestep, written the way a PyTorch user would:
  * a ternary MLP 784 -> hidden... -> 10, or (--arch conv) noisestep's conv preset: every
    weight and bias in {-1, 0, +1}, layer norm without learned parameters (eps 1e-5) and
    ReLU after each hidden layer;
  * loss: cross-entropy of softmax(logits / temperature) over a batch drawn with
    replacement;
  * each step draws `samples` sparse ternary perturbations nu (each parameter nonzero
    with probability `density`, sign +-1 at random), measures each one's exact
    alignment alpha = grad L . nu, keeps sign(alpha) of those whose |alpha| reaches the
    reject quantile of the step's |alpha| (never alpha = 0), sums the kept signs times
    nu per parameter, clamps the sum to one notch and moves the weights against it,
    clamped to {-1, 0, +1};
  * the paper's density schedule: 6e-5, then 1.5e-5 once a step's loss is below 2,
    3.7e-6 below 1; it only goes down.

Modes (--mode):
  reverse   one backward pass per step; alpha_i = grad . nu_i read at nu_i's nonzeros
  jvp       forward-mode: alpha_i = torch.func.jvp of the loss along nu_i, vmapped over
            the perturbations (the paper's way; no gradient is formed)
  adam-ste  the baseline: fp32 latent weights, forward with round(clamp(theta, -1, 1)),
            the gradient passed straight through, torch.optim.Adam, theta clamped to +-1.5

Data: MNIST-format IDX files, --train DIR's train-* and --test DIR's t10k-* (raw or .gz).
Output: one JSON line every --log-every steps, then a line with "summary": true
(median_ms_per_step, test_accuracy, ...). With --target A the run scores the --test images
every --check-every steps and stops at the first score >= A: the summary's reached_step
(null if none) and training_seconds (the steps' own time, checks left out) are the time
to accuracy that `noisestep bench --time-to` sets beside its own. Random numbers come
from torch's own generator seeded with --seed, so runs repeat, but they are not
noisestep's Philox draws: the peer learns like noisestep, it does not reproduce its
weights bit for bit.
"""
import argparse, gzip, json, os, statistics, sys, time

try:
    import numpy as np
    import torch
    import torch.nn.functional as F
except ImportError as missing:  # one line, as noisestep's bench expects
    sys.exit(f"noise_step_peer: cannot import {missing.name}: "
             "pip install -r Tests/Peer/requirements.txt (torch==2.13.0+cpu, numpy)")

LAYER_NORM_EPSILON = 1e-5
PAPER_DENSITIES = ((2.0, 1.5e-5), (1.0, 3.7e-6))  # (loss below, density)


def read_idx(directory, stem):
    for name in (stem, stem + ".gz"):
        path = os.path.join(directory, name)
        if os.path.exists(path):
            with (gzip.open if name.endswith(".gz") else open)(path, "rb") as f:
                data = f.read()
            dims = [int.from_bytes(data[4 + 4 * k:8 + 4 * k], "big") for k in range(data[3])]
            return np.frombuffer(data, np.uint8, offset=4 + 4 * len(dims)).reshape(dims)
    sys.exit(f"noise_step_peer: {directory}: no {stem} or {stem}.gz")


def load(directory, prefix, encoding):
    images = read_idx(directory, f"{prefix}-images-idx3-ubyte").reshape(-1, 784)
    labels = read_idx(directory, f"{prefix}-labels-idx1-ubyte")
    pixels = torch.from_numpy(images.astype(np.float32))
    inputs = (pixels > 0).float() if encoding == "binary" else pixels / 255
    return inputs, torch.from_numpy(labels.astype(np.int64))


class TernaryConvNet:
    """noisestep's conv preset: conv 5x5 (c1) -> max pool 2 -> layer norm, ReLU -> conv 5x5 (c2)
    -> max pool 2 -> layer norm, ReLU -> dense hidden -> layer norm, ReLU -> dense 10, on 28x28
    images. Flat order as noisestep's: each layer's weight (conv [out, in, 5, 5], dense
    [out, in]) row-major, then its bias; layer norms over all of a layer's features."""

    def __init__(self, c1=16, c2=32, hidden=128, kernel=5):
        self.kernel = kernel
        side1 = (28 - kernel + 1) // 2
        side2 = (side1 - kernel + 1) // 2
        shapes = [(c1, 1, kernel, kernel), (c2, c1, kernel, kernel), (hidden, c2 * side2 * side2), (10, hidden)]
        self.slices, offset = [], 0
        for shape in shapes:
            count = int(np.prod(shape))
            self.slices.append((slice(offset, offset + count), slice(offset + count, offset + count + shape[0]), shape))
            offset += count + shape[0]
        self.parameters = offset

    def logits(self, theta, x):
        x = x.view(-1, 1, 28, 28)
        for layer, (weight, bias, shape) in enumerate(self.slices):
            if len(shape) == 4:
                x = F.max_pool2d(F.conv2d(x, theta[weight].view(shape), theta[bias]), 2)
                x = F.relu(F.layer_norm(x, x.shape[1:], eps=LAYER_NORM_EPSILON))
            else:
                x = F.linear(x.flatten(1), theta[weight].view(shape), theta[bias])
                if layer < len(self.slices) - 1:
                    x = F.relu(F.layer_norm(x, x.shape[1:], eps=LAYER_NORM_EPSILON))
        return x

    def loss(self, theta, x, y, temperature):
        return F.cross_entropy(self.logits(theta, x) / temperature, y)


class TernaryMLP:
    """The layer shapes and where each layer's weight [out, in] and bias [out] sit in the
    flat parameter vector (noisestep's flat order: a layer's weights row-major, then its bias)."""

    def __init__(self, widths):
        self.widths = widths
        self.slices, offset = [], 0
        for fan_in, fan_out in zip(widths, widths[1:]):
            weight = slice(offset, offset + fan_out * fan_in)
            bias = slice(weight.stop, weight.stop + fan_out)
            self.slices.append((weight, bias, fan_out, fan_in))
            offset = bias.stop
        self.parameters = offset

    def logits(self, theta, x):
        for layer, (weight, bias, fan_out, fan_in) in enumerate(self.slices):
            x = F.linear(x, theta[weight].view(fan_out, fan_in), theta[bias])
            if layer < len(self.slices) - 1:
                x = F.relu(F.layer_norm(x, (fan_out,), eps=LAYER_NORM_EPSILON))
        return x

    def loss(self, theta, x, y, temperature):
        return F.cross_entropy(self.logits(theta, x) / temperature, y)


def shifted(x, largest, generator):
    """Each image moved by whole pixels, as noisestep's --shift: dx and dy uniform in
    [-largest, largest], rounded; what moves in from outside is background."""
    if largest <= 0:
        return x
    n, margin = len(x), int(round(largest))
    offsets = lambda: (torch.rand(n, generator=generator) * 2 - 1).mul(largest).round().long() + margin
    dx, dy = offsets(), offsets()
    padded = F.pad(x.view(n, 28, 28), (margin,) * 4)
    # dx, dy hold shift + margin; out[y, x] = image[y - shift_y, x - shift_x], which the
    # padded image holds at y - shift_y + margin.
    rows = 2 * margin - dy[:, None, None] + torch.arange(28)[None, :, None]
    columns = 2 * margin - dx[:, None, None] + torch.arange(28)[None, None, :]
    return padded[torch.arange(n)[:, None, None], rows, columns].reshape(n, 784)


def perturbations(parameters, samples, density, generator):
    """Nonzero entries of `samples` perturbations: (sample index, position, sign) tensors.
    Each sample's count is Binomial(parameters, density); positions are drawn uniformly
    (a repeat, about one in 10^4 samples here, adds the two entries)."""
    counts = torch.binomial(torch.full((samples,), float(parameters)), torch.full((samples,), density),
                            generator=generator).long()
    total = int(counts.sum())
    owner = torch.repeat_interleave(torch.arange(samples), counts)
    positions = torch.randint(0, parameters, (total,), generator=generator)
    signs = torch.randint(0, 2, (total,), generator=generator).float() * 2 - 1
    return owner, positions, signs


def alignments_reverse(model, theta, x, y, temperature, owner, positions, signs, samples):
    theta = theta.detach().requires_grad_(True)
    loss = model.loss(theta, x, y, temperature)
    (gradient,) = torch.autograd.grad(loss, theta)
    alpha = torch.zeros(samples, dtype=gradient.dtype).index_add_(0, owner, gradient[positions] * signs)
    return loss.detach(), alpha


def alignments_jvp(model, theta, x, y, temperature, owner, positions, signs, samples, chunk=16):
    from torch.func import jvp, vmap

    def along(tangent):
        return jvp(lambda t: model.loss(t, x, y, temperature), (theta,), (tangent,))

    alphas = []
    for first in range(0, samples, chunk):
        rows = min(chunk, samples - first)
        tangents = torch.zeros(rows, model.parameters)
        mine = (owner >= first) & (owner < first + rows)
        tangents.index_put_((owner[mine] - first, positions[mine]), signs[mine], accumulate=True)
        losses, alpha = vmap(along)(tangents)
        alphas.append(alpha)
    return losses[0].detach(), torch.cat(alphas)


def noise_step(model, theta, x, y, args, density, generator):
    """One step; returns the loss, the batch accuracy and the kept count."""
    owner, positions, signs = perturbations(model.parameters, args.samples, density, generator)
    measure = alignments_jvp if args.mode == "jvp" else alignments_reverse
    loss, alpha = measure(model, theta, x, y, args.temperature, owner, positions, signs, args.samples)
    threshold = torch.quantile(alpha.abs(), args.reject_quantile, interpolation="lower")
    kept = (alpha.abs() >= threshold) & (alpha != 0)
    vote = torch.sign(alpha) * kept
    update = torch.zeros(model.parameters).index_add_(0, positions, signs * vote[owner])
    theta.sub_(update.clamp_(-1, 1)).clamp_(-1, 1)
    return loss, int(kept.sum())


def ternary(theta):
    return theta.clamp(-1, 1).round()  # ties to even, as torch.round: +-0.5 -> 0


def accuracy(model, theta, inputs, labels):
    with torch.no_grad():
        correct = sum(int((model.logits(theta, inputs[k:k + 4096]).argmax(1) == labels[k:k + 4096]).sum())
                      for k in range(0, len(labels), 4096))
    return correct / max(1, len(labels))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--train", required=True, help="folder with train-images/labels-idx*-ubyte[.gz]")
    parser.add_argument("--test", required=True, help="folder with t10k-images/labels-idx*-ubyte[.gz]")
    parser.add_argument("--mode", default="reverse", choices=["reverse", "jvp", "adam-ste"])
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--batch", type=int, default=1024)
    parser.add_argument("--samples", type=int, default=128)
    parser.add_argument("--hidden", default="256,256", help="hidden widths, e.g. 256,256")
    parser.add_argument("--arch", default="mlp", choices=["mlp", "conv"],
                        help="conv: noisestep's conv preset (--channels, dense 128)")
    parser.add_argument("--channels", default="16,32", help="the conv preset's channels, e.g. 16,32")
    parser.add_argument("--density", type=float, default=6e-5)
    parser.add_argument("--schedule", default="paper", choices=["paper", "fixed"])
    parser.add_argument("--reject-quantile", type=float, default=0.5)
    parser.add_argument("--input", default="binary", choices=["binary", "gray"])
    parser.add_argument("--temperature", type=float, default=1.0)
    parser.add_argument("--shift", type=float, default=0.0, help="augmentation: largest whole-pixel shift, as noisestep's")
    parser.add_argument("--lr", type=float, default=1e-3, help="adam-ste's learning rate")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--log-every", type=int, default=50)
    parser.add_argument("--target", type=float, help="stop at the first check whose --test accuracy reaches this")
    parser.add_argument("--check-every", type=int, default=10, help="with --target: score --test every N steps")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    generator = torch.Generator().manual_seed(args.seed)
    train_x, train_y = load(args.train, "train", args.input)
    test_x, test_y = load(args.test, "t10k", args.input)
    if args.arch == "conv":
        c1, c2 = (int(c) for c in args.channels.split(","))
        model = TernaryConvNet(c1, c2)
    else:
        model = TernaryMLP([784] + [int(w) for w in args.hidden.split(",")] + [10])
    theta = torch.randint(-1, 2, (model.parameters,), generator=generator).float()
    adam = None
    if args.mode == "adam-ste":
        theta.requires_grad_(True)
        adam = torch.optim.Adam([theta], lr=args.lr)
    density, times, reached, checked = args.density, [], None, None
    for step in range(1, args.steps + 1):
        started = time.perf_counter()
        batch = torch.randint(0, len(train_y), (args.batch,), generator=generator)
        x, y = shifted(train_x[batch], args.shift, generator), train_y[batch]
        if adam is None:
            used = density
            loss, kept = noise_step(model, theta, x, y, args, density, generator)
            if args.schedule == "paper":
                density = min([density] + [d for below, d in PAPER_DENSITIES if loss.item() < below])
        else:
            used, kept = 0.0, 0
            straight = theta + (ternary(theta) - theta).detach()
            loss = model.loss(straight, x, y, args.temperature)
            adam.zero_grad()
            loss.backward()
            adam.step()
            with torch.no_grad():
                theta.clamp_(-1.5, 1.5)
        times.append(time.perf_counter() - started)
        if args.target is not None and (step % args.check_every == 0 or step == args.steps):
            checked = accuracy(model, ternary(theta.detach()), test_x, test_y)
            if checked >= args.target - 1e-9:
                reached = step
                break
        if step % args.log_every == 0 or step == args.steps:
            weights = ternary(theta.detach())
            with torch.no_grad():
                batch_accuracy = float((model.logits(weights, x).argmax(1) == y).float().mean())
            print(json.dumps({"step": step, "loss": round(loss.item(), 5), "batch_accuracy": round(batch_accuracy, 4),
                              "density": used, "kept": kept, "ms": round(1000 * times[-1], 3)}), flush=True)
    weights = ternary(theta.detach())
    print(json.dumps({"summary": True, "mode": args.mode, "arch": args.arch, "steps": args.steps, "threads": args.threads,
                      "median_ms_per_step": round(1000 * statistics.median(times), 3),
                      "mean_ms_per_step": round(1000 * statistics.mean(times), 3),
                      "test_accuracy": accuracy(model, weights, test_x, test_y), "test_images": len(test_y),
                      "zero_fraction": float((weights == 0).float().mean()), "torch": torch.__version__,
                      "target": args.target, "reached_step": reached, "checked_accuracy": checked,
                      "training_seconds": round(sum(times), 4)}))


if __name__ == "__main__":
    main()
