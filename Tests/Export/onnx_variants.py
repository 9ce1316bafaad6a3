#!/usr/bin/env python3
"""Measures how onnxruntime runs noisestep's ONNX export against variants of the same
graph, to choose how the export stores its weights and computes its layer norms.

  onnx_variants.py MODEL.onnx DIR [--rounds 5] [--threads 1]

Variants: the export as written (int8 weights + Cast, LayerNormalization); int8 weights
+ DequantizeLinear (scale 1, zero point 0); float32 weights (no conversion, 4x the bytes); the export with
layer norm spelled out in ReduceMean/Sub/Mul/Sqrt/Div. For each: file bytes, session
load time, the median time of one run over DIR's t10k images, with graph optimizations
on and off (rounds interleaved), and how many predictions differ from the export's. A
benchmark, not a test; it needs the onnx package too (pip install onnx==1.19.1).
"""
import argparse, copy, io, json, os, statistics, sys, time
import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto
import onnxruntime as ort

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run_safetensors import read_idx  # noqa: E402


def with_dequantize(model):
    model = copy.deepcopy(model)
    graph = model.graph
    graph.initializer.append(numpy_helper.from_array(np.array(1, np.float32), "unit_scale"))
    graph.initializer.append(numpy_helper.from_array(np.array(0, np.int8), "zero_point"))
    int8 = {t.name for t in graph.initializer if t.data_type == TensorProto.INT8 and t.dims}
    for node in graph.node:
        if node.op_type == "Cast" and node.input[0] in int8:
            node.op_type = "DequantizeLinear"
            node.input.extend(["unit_scale", "zero_point"])
            del node.attribute[:]
    return model


def with_float_weights(model):
    model = copy.deepcopy(model)
    graph = model.graph
    int8 = {t.name: t for t in graph.initializer if t.data_type == TensorProto.INT8 and t.dims}
    keep = [n for n in graph.node if not (n.op_type == "Cast" and n.input[0] in int8)]
    for node in [n for n in graph.node if n.op_type == "Cast" and n.input[0] in int8]:
        values = numpy_helper.to_array(int8[node.input[0]]).astype(np.float32)
        graph.initializer.append(numpy_helper.from_array(values, node.output[0]))
    for name in int8:
        graph.initializer.remove(int8[name])
    del graph.node[:]
    graph.node.extend(keep)
    return model


def with_spelled_out_layer_norm(model):
    model = copy.deepcopy(model)
    graph = model.graph
    nodes = []
    for node in graph.node:
        if node.op_type != "LayerNormalization":
            nodes.append(node)
            continue
        x, out = node.input[0], node.output[0]
        eps = next(a.f for a in node.attribute if a.name == "epsilon")
        graph.initializer.append(numpy_helper.from_array(np.array(eps, np.float32), out + ".eps"))
        graph.initializer.append(numpy_helper.from_array(np.array([-1], np.int64), out + ".axes"))
        nodes += [
            helper.make_node("ReduceMean", [x], [out + ".mean"], axes=[-1], keepdims=1),
            helper.make_node("Sub", [x, out + ".mean"], [out + ".centred"]),
            helper.make_node("Mul", [out + ".centred", out + ".centred"], [out + ".squares"]),
            helper.make_node("ReduceMean", [out + ".squares"], [out + ".variance"], axes=[-1], keepdims=1),
            helper.make_node("Add", [out + ".variance", out + ".eps"], [out + ".shifted"]),
            helper.make_node("Sqrt", [out + ".shifted"], [out + ".deviation"]),
            helper.make_node("Div", [out + ".centred", out + ".deviation"], [out]),
        ]
    del graph.node[:]
    graph.node.extend(nodes)
    return model


def session(model_bytes, threads, optimize):
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.log_severity_level = 3  # the variants leave constants unused: no warnings about them
    options.graph_optimization_level = (ort.GraphOptimizationLevel.ORT_ENABLE_ALL if optimize
                                        else ort.GraphOptimizationLevel.ORT_DISABLE_ALL)
    started = time.perf_counter()
    created = ort.InferenceSession(model_bytes, options, providers=["CPUExecutionProvider"])
    return created, time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("data")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    pixels = read_idx(args.data, "t10k-images-idx3-ubyte").reshape(-1, 784).astype(np.float32)
    exported = onnx.load(args.model)
    variants = {"int8 + Cast (as exported)": exported, "int8 + DequantizeLinear": with_dequantize(exported),
                "float32 weights": with_float_weights(exported),
                "int8 + Cast, layer norm spelled out": with_spelled_out_layer_norm(exported)}
    sessions = {}
    for name, model in variants.items():
        data = model.SerializeToString()
        for optimize in (True, False):
            created, load_seconds = session(data, args.threads, optimize)
            sessions[(name, optimize)] = (created, load_seconds, len(data), [], None)
    # Rounds interleave the variants, so a busy spell on a shared machine hits them alike.
    for _ in range(args.rounds):
        for key, (created, load_seconds, size, times, _) in sessions.items():
            started = time.perf_counter()
            (logits,) = created.run(["logits"], {"pixels": pixels})
            times.append(time.perf_counter() - started)
            sessions[key] = (created, load_seconds, size, times, logits.argmax(axis=1))
    reference = sessions[(next(iter(variants)), True)][4]
    for (name, optimize), (_, load_seconds, size, times, predicted) in sessions.items():
        print(json.dumps({"variant": name, "optimized": optimize, "bytes": size,
                          "load_ms": round(1000 * load_seconds, 2),
                          "run_ms_median": round(1000 * statistics.median(times), 2),
                          "images": len(pixels), "differ_from_export": int(np.sum(predicted != reference))}))

if __name__ == "__main__":
    main()
