#!/usr/bin/env python3
"""Checks the peer's two alignment engines against each other and a finite difference.

On a small ternary MLP and batch, every perturbation's alpha from one backward pass
(--mode reverse) must equal torch.func.jvp's (--mode jvp) and a central difference of the
loss in float64. Prints one JSON line; exits 1 when they disagree.
"""
import importlib.util, json, os, sys
import torch

spec = importlib.util.spec_from_file_location("peer", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                                   "noise_step_peer.py"))
peer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(peer)

generator = torch.Generator().manual_seed(3)
model = peer.TernaryMLP([784, 24, 16, 10])
theta = torch.randint(-1, 2, (model.parameters,), generator=generator).float()
# Grey inputs: with binary ones and integer weights a layer norm's output can be exactly 0,
# where ReLU has no derivative and a central difference takes half of each side's slope.
x = torch.rand(64, 784, generator=generator) * (torch.rand(64, 784, generator=generator) > 0.7)
y = torch.randint(0, 10, (64,), generator=generator)
samples = 32
owner, positions, signs = peer.perturbations(model.parameters, samples, 2e-3, generator)
loss, reverse = peer.alignments_reverse(model, theta, x, y, 2.0, owner, positions, signs, samples)
loss_jvp, forward = peer.alignments_jvp(model, theta, x, y, 2.0, owner, positions, signs, samples, chunk=8)
nu = torch.zeros(samples, model.parameters, dtype=torch.float64).index_put_((owner, positions), signs.double(),
                                                                            accumulate=True)
step = 1e-6
central = torch.stack([(model.loss(theta.double() + step * v, x.double(), y, 2.0)
                        - model.loss(theta.double() - step * v, x.double(), y, 2.0)) / (2 * step) for v in nu])
scale = reverse.abs().max().item()
report = {"samples": samples, "max_alpha": scale,
          "reverse_vs_jvp": (reverse - forward).abs().max().item() / scale,
          "reverse_vs_central_difference": (reverse.double() - central).abs().max().item() / scale,
          "loss_difference": abs(loss.item() - loss_jvp.item())}
print(json.dumps(report))
ok = scale > 0 and report["reverse_vs_jvp"] < 1e-4 and report["reverse_vs_central_difference"] < 1e-4
sys.exit(0 if ok else 1)
