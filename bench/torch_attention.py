#!/usr/bin/env python3
"""PyTorch on the CPU as the peer of `npm run bench`'s attention workload, a line at a time.

Started with a JSON job file: rnnc's params (the bench model's names and shapes), the inputs
x [S, B, I], y [U, B, E], R [U, B, 2H], and rnnc's output and loss. It builds the same GRU
encoder and Bahdanau decoder in float32 from the papers' equations (as
test/fixtures/pytorch/attention.py does in float64), checks that its output and loss agree
with rnnc's, and answers {"ready": true, "agree": largest relative difference}. Then each line
"forward N" or "backward N" runs N calls (forward alone, or forward and backward of
sum(output * R)) and answers {"ms": mean time per call}. One thread (torch.set_num_threads),
as rnnc's module runs on one unless told otherwise; RNNC_TORCH_THREADS changes it.
"""
import json
import os
import sys
import time

import torch

torch.set_num_threads(int(os.environ.get("RNNC_TORCH_THREADS", "1")))


def gru_update(a, u, h, H):
    z = torch.sigmoid(a[:, :H] + u[:, :H])
    r = torch.sigmoid(a[:, H : 2 * H] + u[:, H : 2 * H])
    n = torch.tanh(a[:, 2 * H :] + r * u[:, 2 * H :])
    return (1 - z) * n + z * h


def model(p, x, y, H):
    S, B, _ = x.shape
    h = x.new_zeros(B, H)
    projected_inputs = x @ p["enc.W"].T + p["enc.b"]  # the input projection, once for all steps
    states = []
    for t in range(S):
        h = gru_update(projected_inputs[t], h @ p["enc.U"].T, h, H)
        states.append(h)
    enc = torch.stack(states)
    memory = enc @ p["l.U_a"].T  # U_a h_j, once per sequence
    from_y = y @ p["l.W"].T + p["l.b"]
    s = x.new_zeros(B, H)
    outputs = []
    for t in range(y.shape[0]):
        e = torch.tanh(memory + (s @ p["l.W_a"].T)[None]) @ p["l.v_a"]
        alpha = torch.softmax(e, dim=0)
        c = (alpha[:, :, None] * enc).sum(0)
        s = gru_update(from_y[t] + c @ p["l.C"].T, s @ p["l.U"].T, s, H)
        outputs.append(torch.cat([s, c], 1))
    return torch.stack(outputs)


def main():
    with open(sys.argv[1]) as f:
        job = json.load(f)
    H = job["H"]
    shapes = job["shapes"]
    tensor = lambda name, values: torch.tensor(values, dtype=torch.float32).reshape(shapes[name])
    params = {k: tensor(k, v).requires_grad_() for k, v in job["params"].items()}
    x, y, R = (tensor(k, job[k]) for k in ("x", "y", "R"))
    with torch.no_grad():
        output = model(params, x, y, H)
    expected = torch.tensor(job["expected"], dtype=torch.float32).reshape(output.shape)
    worst = ((output - expected).abs() / expected.abs().clamp(min=1e-3)).max().item()
    loss = (model(params, x, y, H) * R).sum().item()
    loss_error = abs(loss - job["loss"]) / max(1.0, abs(job["loss"]))
    print(json.dumps({"ready": True, "agree": max(worst, loss_error)}), flush=True)

    def forward():
        with torch.no_grad():
            model(params, x, y, H)

    def backward():
        for p in params.values():
            p.grad = None
        (model(params, x, y, H) * R).sum().backward()

    for line in sys.stdin:
        kind, calls = line.split()
        run = forward if kind == "forward" else backward
        t0 = time.perf_counter()
        for _ in range(int(calls)):
            run()
        print(json.dumps({"ms": (time.perf_counter() - t0) * 1000 / int(calls)}), flush=True)


if __name__ == "__main__":
    main()
