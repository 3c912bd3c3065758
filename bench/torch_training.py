#!/usr/bin/env python3
"""PyTorch on the CPU as the training peer of `npm run bench -- --only training`.

Started on a JSON job file: {cell: "lstm"|"gru", I, H, B, T, threads, loss, arrays}, where arrays
gives [offset, length] in floats into the float32 file beside it (the job's name with .bin) for
the weights as a PyTorch state dict ("weight_ih_l0", …), x ([T][B][I]) and rnnc's gradients
("d:weight_ih_l0", …, "d:x").
It builds torch.nn.LSTM or GRU in float32 with those weights, computes the loss sum(h_t) and the
gradients of every weight and of x, and answers {"ready": true, "agree": d}, the largest
difference of the loss and every gradient from rnnc's relative to the largest magnitude of each.
Then each line "<kind> <calls>" answers {"ms": mean per call}:
  grad: forward and backward (every weight's gradient and x's), as rnnc's grad computes them;
  adam: one Adam training step (zero_grad, forward, backward, step).
"""
import json
import sys
import time

import torch

job = json.load(open(sys.argv[1]))
torch.set_num_threads(job["threads"])
T, B, I, H = job["T"], job["B"], job["I"], job["H"]
Cell = torch.nn.LSTM if job["cell"] == "lstm" else torch.nn.GRU
floats = torch.frombuffer(bytearray(open(sys.argv[1][: -len(".json")] + ".bin", "rb").read()), dtype=torch.float32)


def array(name):
    offset, length = job["arrays"][name]
    return floats[offset : offset + length]


net = Cell(I, H)
weights = [name for name in job["arrays"] if not name.startswith("d:") and name != "x"]
with torch.no_grad():
    for name in weights:
        getattr(net, name).copy_(array(name).reshape(getattr(net, name).shape))
x = array("x").clone().reshape(T, B, I).requires_grad_(True)


def grad():
    net.zero_grad(set_to_none=True)
    x.grad = None
    out, _ = net(x)
    loss = out.sum()
    loss.backward()
    return loss


def worst(got, name):
    got = got.detach().reshape(-1).double()
    expected = array(name).double()
    return float((got - expected).abs().max() / max(float(expected.abs().max()), 1e-6))


loss = grad()
agree = abs(float(loss) - job["loss"]) / max(abs(job["loss"]), 1e-6)
for name in weights:
    agree = max(agree, worst(getattr(net, name).grad, "d:" + name))
agree = max(agree, worst(x.grad, "d:x"))
print(json.dumps({"ready": True, "agree": agree}), flush=True)

optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)


def adam():
    optimizer.zero_grad(set_to_none=True)
    out, _ = net(x)
    out.sum().backward()
    optimizer.step()


calls = {"grad": grad, "adam": adam}
for line in sys.stdin:
    kind, count = line.split()
    start = time.perf_counter()
    for _ in range(int(count)):
        calls[kind]()
    print(json.dumps({"ms": (time.perf_counter() - start) * 1000 / int(count)}), flush=True)
