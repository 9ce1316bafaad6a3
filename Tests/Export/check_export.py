#!/usr/bin/env python3
"""Checks noisestep's exports against noisestep's own predictions.

Runs the ONNX export with onnxruntime and the safetensors export with the README's numpy
code (run_safetensors.py beside this file) on the test images, and compares each
image's predicted class with `noisestep eval RUN --json --predictions` (read from a
file). Prints one JSON line; exits 1 when any prediction differs or a figure is off.

  check_export.py --eval EVAL.json --onnx M.onnx --safetensors M.safetensors (--data DIR | --bundled DIR)

--data DIR: DIR's t10k files (what `eval --data DIR` scores); --bundled DIR: the bundled
subset's validation split (fold 5, 50 per digit), what `eval` scores by default.
"""
import argparse, importlib.util, json, os, sys
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("run_safetensors", os.path.join(HERE, "run_safetensors.py"))
snippet = importlib.util.module_from_spec(spec)
spec.loader.exec_module(snippet)


def bundled_validation(directory, per_class=50, folds=10, fold=5):
    """The held-out split noisestep's eval scores: for each class of n members, member
    floor((folds*k + fold) * n / (folds*m)) for k < m, indices ascending."""
    images = snippet.read_idx(directory, "train-images-idx3-ubyte").reshape(-1, 784)
    labels = snippet.read_idx(directory, "train-labels-idx1-ubyte")
    held = []
    for label in range(256):
        members = np.flatnonzero(labels == label)
        n, m = len(members), min(per_class, len(members))
        held += [members[(folds * k + fold) * n // (folds * m)] for k in range(m)]
    held.sort()
    return images[held], labels[held]


def onnx_logits(path, pixels):
    import onnxruntime as ort
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
    (output,) = session.run(["logits"], {"pixels": pixels.astype(np.float32)})
    return output


def compare(name, logits, labels, expected):
    predicted = logits.argmax(axis=1)  # first maximum: ties go to the lower class, as in noisestep
    differ = np.flatnonzero(predicted != expected)
    top2 = np.sort(logits[differ], axis=1)[:, -2:] if len(differ) else np.zeros((0, 2))
    return {
        f"{name}_accuracy": float(np.mean(predicted == labels)),
        f"{name}_differ": int(len(differ)),
        f"{name}_differing_images": differ[:20].tolist(),
        f"{name}_differing_top2_gaps": (top2[:, 1] - top2[:, 0])[:20].tolist(),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--eval", required=True, help="the output of noisestep eval RUN --json --predictions")
    parser.add_argument("--onnx")
    parser.add_argument("--safetensors")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--data")
    where.add_argument("--bundled")
    args = parser.parse_args()

    with open(args.eval) as f:
        evaluation = json.loads(f.read())
    if args.data:
        pixels = snippet.read_idx(args.data, "t10k-images-idx3-ubyte").reshape(-1, 784)
        labels = snippet.read_idx(args.data, "t10k-labels-idx1-ubyte")
    else:
        pixels, labels = bundled_validation(args.bundled)
    expected = np.array(evaluation["predictions"])
    if len(expected) != len(labels):
        sys.exit(f"eval scored {len(expected)} images, the checker read {len(labels)}")
    report = {"images": int(len(labels)), "eval_accuracy": evaluation["accuracy"],
              "eval_recounted_accuracy": float(np.mean(expected == labels))}
    results = {}
    if args.onnx:
        results["onnx"] = onnx_logits(args.onnx, pixels)
    if args.safetensors:
        meta, tensors = snippet.load(args.safetensors)
        results["numpy"] = snippet.logits(meta, tensors, pixels)
    for name, logits in results.items():
        report.update(compare(name, logits, labels, expected))
    if len(results) == 2:
        report["onnx_numpy_max_abs_logit_difference"] = float(np.max(np.abs(results["onnx"] - results["numpy"])))
    print(json.dumps(report, sort_keys=True))
    ok = abs(report["eval_recounted_accuracy"] - report["eval_accuracy"]) < 1e-12
    ok = ok and all(report[f"{name}_differ"] == 0 for name in results)
    if len(results) == 2:
        # Two independent readings of the same model (the graph's constants, the file's
        # metadata) must give the same logits, scale included: argmax alone would not see a
        # lost temperature or layer-norm step.
        scale = max(1.0, float(np.max(np.abs(results["numpy"]))))
        ok = ok and report["onnx_numpy_max_abs_logit_difference"] <= 1e-4 * scale
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
