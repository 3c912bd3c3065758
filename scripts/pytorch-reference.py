#!/usr/bin/env python3
"""Recomputes the PyTorch reference fixtures in test/fixtures/pytorch/.

Each fixture holds one torch.nn.LSTM or torch.nn.GRU case (time-major, batch_first=False):
its inputs (params, x, h0, c0, R) and PyTorch's answer for them (output, h_n, c_n, the loss
sum(output * R) and its gradient with respect to every param, x, h0 and c0). The inputs were
drawn once as float32 (params U(-0.5, 0.5), x U(-1, 1), h0/c0 U(-0.5, 0.5), R U(-1, 1)) and
are kept as they are; this script evaluates PyTorch on them in float64.

    /usr/bin/python3 scripts/pytorch-reference.py           # check every fixture against PyTorch
    /usr/bin/python3 scripts/pytorch-reference.py --write   # rewrite the answers from PyTorch

Needs PyTorch (Debian: apt-get install -y python3-torch libopenblas0-pthread).
"""
import json
import pathlib
import sys

import torch

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "test" / "fixtures" / "pytorch"


def evaluate(case):
    dims = case["dims"]
    kind = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[case["cell"]]
    rnn = kind(dims["I"], dims["H"], num_layers=dims["num_layers"],
               bidirectional=dims["num_directions"] == 2).double()
    with torch.no_grad():
        for name, value in case["params"].items():
            getattr(rnn, name).copy_(torch.tensor(value, dtype=torch.float64))
    x = torch.tensor(case["x"], dtype=torch.float64, requires_grad=True)
    h0 = torch.tensor(case["h0"], dtype=torch.float64, requires_grad=True)
    initial = (h0,)
    if case["cell"] == "lstm":
        c0 = torch.tensor(case["c0"], dtype=torch.float64, requires_grad=True)
        initial = (h0, c0)
        output, (h_n, c_n) = rnn(x, initial)
    else:
        output, h_n = rnn(x, h0)
    loss = (output * torch.tensor(case["R"], dtype=torch.float64)).sum()
    loss.backward()
    answer = {"output": output.tolist(), "h_n": h_n.tolist(), "loss_value": loss.item(), "grads": {}}
    for name, param in rnn.named_parameters():
        answer["grads"][name] = param.grad.tolist()
    answer["grads"]["x"] = x.grad.tolist()
    answer["grads"]["h0"] = h0.grad.tolist()
    if case["cell"] == "lstm":
        answer["c_n"] = c_n.tolist()
        answer["grads"]["c0"] = initial[1].grad.tolist()
    return answer


def largest_difference(a, b):
    if isinstance(a, dict):
        return max(largest_difference(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return max((largest_difference(u, v) for u, v in zip(a, b, strict=True)), default=0.0)
    return abs(a - b) / max(abs(a), abs(b), 1e-300)


def main():
    write = "--write" in sys.argv[1:]
    worst = 0.0
    for path in sorted(FIXTURES.glob("*.json")):
        case = json.loads(path.read_text())
        answer = evaluate(case)
        if write:
            case.update(answer)
            case["framework"] = f"torch {torch.__version__} (torch.nn.{case['cell'].upper()}, batch_first=False)"
            path.write_text(json.dumps(case, indent=1) + "\n")
            print(f"{path.name}: written")
        else:
            difference = largest_difference(answer, {k: case[k] for k in answer})
            worst = max(worst, difference)
            print(f"{path.name}: largest relative difference from PyTorch {difference:.2e}")
    if not write and worst > 1e-12:
        sys.exit(f"a fixture differs from PyTorch by {worst:.2e} (relative), above 1e-12")


if __name__ == "__main__":
    main()
