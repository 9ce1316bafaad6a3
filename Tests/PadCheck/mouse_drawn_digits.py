#!/usr/bin/env python3
"""Draws held-out digits on the dashboard's pad with the mouse and counts how many it reads right.

    python3 Tests/PadCheck/mouse_drawn_digits.py RUN.nstep [--fold 7] [--count 80] [--scale 1.0]
        [--noisestep .build/release/noisestep]

RUN.nstep must have been trained with `noisestep train --holdout-fold F` (F = --fold) on
the bundled subset. The script writes that fold's split as IDX files (train: the run's
4,500 training images, t10k: its 500 held-out ones) to a temporary folder, opens
`noisestep dashboard --resume` on a copy of the run in a 200 x 60 tmux session on a socket
of its own (killed when done), and for `--count` held-out digits (the same number of each
class, spread over the class) draws the digit the way a hand would: the strokes (pixels
>= 128) thinned to a one-pixel skeleton, each traced as a mouse press, drags along it and
a release (X10 mouse reports, as a terminal sends them), `--scale` times the original
size about the pad's centre. After each digit it reads the prediction panel's title and
clears the pad. Prints one line: right / count, and the digits read wrong.
"""
import argparse, gzip, os, re, shutil, struct, subprocess, sys, tempfile, time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def read_idx(path):
    data = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    dims = [int.from_bytes(data[4 + 4 * k:8 + 4 * k], "big") for k in range(data[3])]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * len(dims)).reshape(dims)


def held_out(labels, fold, per_class=50, folds=10):
    """noisestep's stratified hold-out (Dataset.stratifiedHoldoutIndices)."""
    held = []
    for digit in range(10):
        members = [i for i in range(len(labels)) if labels[i] == digit]
        n, m = len(members), min(per_class, len(members))
        held += [members[(folds * k + fold) * n // (folds * m)] for k in range(m)]
    return sorted(held)


def write_split(folder, images, labels, fold):
    held = held_out(labels, fold)
    kept = [i for i in range(len(labels)) if i not in set(held)]
    for prefix, indices in (("train", kept), ("t10k", held)):
        with open(os.path.join(folder, f"{prefix}-images-idx3-ubyte"), "wb") as f:
            f.write(struct.pack(">IIII", 0x803, len(indices), 28, 28) + images[indices].tobytes())
        with open(os.path.join(folder, f"{prefix}-labels-idx1-ubyte"), "wb") as f:
            f.write(struct.pack(">II", 0x801, len(indices)) + labels[indices].tobytes())
    return images[held], labels[held]


def thinned(image):
    """Zhang-Suen thinning of a 0/1 image to a one-pixel skeleton."""
    a = np.pad(image.astype(np.uint8), 1)
    changed = True
    while changed:
        changed = False
        for step in (0, 1):
            marks = []
            for y, x in zip(*np.nonzero(a)):
                p = [a[y - 1, x], a[y - 1, x + 1], a[y, x + 1], a[y + 1, x + 1], a[y + 1, x], a[y + 1, x - 1],
                     a[y, x - 1], a[y - 1, x - 1]]
                turns = sum(p[i] == 0 and p[(i + 1) % 8] == 1 for i in range(8))
                if not (2 <= sum(p) <= 6 and turns == 1):
                    continue
                if step == 0 and p[0] * p[2] * p[4] == 0 and p[2] * p[4] * p[6] == 0:
                    marks.append((y, x))
                if step == 1 and p[0] * p[2] * p[6] == 0 and p[0] * p[4] * p[6] == 0:
                    marks.append((y, x))
            for y, x in marks:
                a[y, x] = 0
            changed = changed or bool(marks)
    return a[1:-1, 1:-1]


def strokes(skeleton):
    """The skeleton as polylines: each starts at a free end where there is one and follows
    its nearest untraced neighbour."""
    left = {(int(y), int(x)) for y, x in zip(*np.nonzero(skeleton))}
    def neighbours(p):
        return [(p[0] + dy, p[1] + dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)
                if (dy or dx) and (p[0] + dy, p[1] + dx) in left]
    lines = []
    while left:
        ends = [p for p in left if len(neighbours(p)) <= 1]
        point = min(ends) if ends else min(left)
        line = [point]
        left.discard(point)
        while (following := neighbours(point)):
            point = min(following, key=lambda q: abs(q[0] - point[0]) + abs(q[1] - point[1]))
            line.append(point)
            left.discard(point)
        lines.append(line)
    return lines


class Pane:
    def __init__(self, socket):
        self.socket = socket

    def tmux(self, *arguments):
        return subprocess.run(["tmux", "-L", self.socket] + list(arguments), capture_output=True, text=True).stdout

    def mouse(self, events):
        """X10 reports: ESC [ M, 32 + button, 33 + column, 33 + row."""
        codes = {"press": 0, "drag": 32, "release": 3}
        data = [b for action, column, row in events for b in (0x1B, 0x5B, 0x4D, 32 + codes[action], 33 + column, 33 + row)]
        self.tmux("send-keys", "-t", "check", "-H", *[format(b, "x") for b in data])

    def screen(self):
        return self.tmux("capture-pane", "-p", "-t", "check")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("run")
    parser.add_argument("--fold", type=int, default=7)
    parser.add_argument("--count", type=int, default=80)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--noisestep", default=os.path.join(ROOT, ".build/release/noisestep"))
    args = parser.parse_args()
    bundled = os.path.join(ROOT, "assets/mnist-5k")
    images = read_idx(os.path.join(bundled, "train-images-idx3-ubyte.gz")).reshape(-1, 784)
    labels = read_idx(os.path.join(bundled, "train-labels-idx1-ubyte.gz"))
    folder = tempfile.mkdtemp(prefix="noisestep-padcheck-")
    pane = Pane(f"padcheck-{os.getpid()}")
    try:
        digits, truth = write_split(folder, images, labels, args.fold)
        run = os.path.join(folder, "run.nstep")
        shutil.copyfile(args.run, run)
        steps = subprocess.run([args.noisestep, "info", run, "--json"], capture_output=True, text=True)
        target = re.search(r'"steps"\s*:\s*(\d+)', steps.stdout)
        if not target:
            sys.exit(f"mouse_drawn_digits: {args.run}: noisestep info cannot read it: {steps.stderr.strip()}")
        pane.tmux("new-session", "-d", "-s", "check", "-x", "200", "-y", "60",
                  f"{args.noisestep} dashboard --resume {run} --steps {target.group(1)} --data {folder}; sleep 10")
        deadline = time.time() + 30
        while "AT TARGET" not in (screen := pane.screen()) and time.time() < deadline:
            time.sleep(0.5)
        pad = next(((row, line.index("┌ pad")) for row, line in enumerate(screen.splitlines()) if "┌ pad" in line), None)
        if "AT TARGET" not in screen or pad is None:
            sys.exit(f"mouse_drawn_digits: the dashboard did not show the run at its target with a pad:\n{screen}")
        # The pad's pixels start inside its border; at 200 x 60 each pixel is two columns by one row.
        top, left = pad[0] + 1, pad[1] + 1
        def cell(y, x):
            cx = 14 + (x + 0.5 - 14) * args.scale
            cy = 14 + (y + 0.5 - 14) * args.scale
            return int(left + 2 * cx), int(top + cy)
        per_class = max(1, args.count // 10)
        chosen = []
        for digit in range(10):
            members = [i for i in range(len(truth)) if truth[i] == digit]
            chosen += [members[k * len(members) // per_class] for k in range(per_class)]
        pane.mouse([("press", *cell(14, 14)), ("release", *cell(14, 14))])  # focuses the pad
        time.sleep(0.5)
        right, wrong = 0, []
        for index in chosen:
            pane.tmux("send-keys", "-t", "check", "c")
            time.sleep(0.2)
            for line in strokes(thinned(digits[index].reshape(28, 28) >= 128)):
                points = [cell(y, x) for y, x in line]
                pane.mouse([("press", *points[0])] + [("drag", *p) for p in points[1:]] + [("release", *points[-1])])
                time.sleep(0.05)
            time.sleep(1.0)
            found = re.search(r"prediction (\d)(\?)?", pane.screen())
            read = int(found.group(1)) if found else None
            if read == int(truth[index]):
                right += 1
            else:
                wrong.append(f"held-out #{index}: a {truth[index]} read as {read}{' (unsure)' if found and found.group(2) else ''}")
        print(f"{right}/{len(chosen)} read right at scale {args.scale}" + (f"; wrong: {', '.join(wrong)}" if wrong else ""))
    finally:
        socket = pane.tmux("display-message", "-p", "#{socket_path}").strip()
        pane.tmux("kill-server")
        if socket.endswith(pane.socket) and os.path.exists(socket):
            os.remove(socket)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
