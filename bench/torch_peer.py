#!/usr/bin/env python3
"""PyTorch (cuDNN) as the GPU peer of `npm run bench:gpu`, driven a line of JSON at a time.

{"cmd": "setup", cell, I, H, B, T, backward, data, expected}
    builds torch.nn.LSTM or GRU on CUDA in float32 from rnnc's weights (a PyTorch state dict
    that the module's toTorch gave) and inputs in the JSON file `data`, runs it once, and
    answers {"agree": largest relative difference of the first outputs from `expected`}.
{"cmd": "time", calls}
    times `calls` calls and answers the medians in ms: "host", from x in host memory to the
    output (and with backward, every gradient) back in host memory, as rnnc's API does; and
    "device", the same calls with inputs and results left on the GPU.
"""
import json
import os
import sys
import time

import torch

# CUDA; RNNC_TORCH_DEVICE=cpu tries the protocol where there is no GPU.
DEVICE = os.environ.get("RNNC_TORCH_DEVICE", "cuda")
state = {}


def synchronize():
    if DEVICE == "cuda":
        torch.cuda.synchronize()


def setup(message):
    with open(message["data"]) as f:
        data = json.load(f)
    kind = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[message["cell"]]
    rnn = kind(message["I"], message["H"]).to(DEVICE).float()
    with torch.no_grad():
        for name, values in data["weights"].items():
            getattr(rnn, name).copy_(torch.tensor(values, dtype=torch.float32).reshape(getattr(rnn, name).shape))
    T, B = message["T"], message["B"]
    x = torch.tensor(data["x"], dtype=torch.float32).reshape(T, B, message["I"])
    r = torch.tensor(data["r"], dtype=torch.float32).reshape(T, B, message["H"])
    state.update(rnn=rnn, x=x, r=r, backward=message["backward"], x_gpu=x.to(DEVICE), r_gpu=r.to(DEVICE))
    out = call(host=True)
    expected = torch.tensor(message["expected"], dtype=torch.float32)
    got = out.flatten()[: expected.numel()]
    scale = max(expected.abs().max().item(), 1e-3)
    return {"agree": (got - expected).abs().max().item() / scale}


def call(host):
    rnn = state["rnn"]
    x = state["x"].to(DEVICE) if host else state["x_gpu"]
    if state["backward"]:
        rnn.zero_grad(set_to_none=True)
        x.requires_grad_(True)
        out, _ = rnn(x)
        r = state["r"].to(DEVICE) if host else state["r_gpu"]
        (out * r).sum().backward()
        if host:
            for p in rnn.parameters():
                p.grad.cpu()
            x.grad.cpu()
            return out.detach().cpu()
        return out
    with torch.no_grad():
        out, _ = rnn(x)
    return out.cpu() if host else out


def timed(calls, host):
    times = []
    for _ in range(calls):
        synchronize()
        start = time.perf_counter()
        call(host)
        synchronize()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return times[len(times) // 2]


def main():
    torch.backends.cudnn.benchmark = True
    if DEVICE == "cuda" and not torch.cuda.is_available():
        sys.exit("bench/torch_peer.py: torch sees no CUDA device")
    for line in sys.stdin:
        message = json.loads(line)
        try:
            if message["cmd"] == "setup":
                answer = setup(message)
                for _ in range(3):
                    call(True)
            else:
                answer = {"host": timed(message["calls"], True), "device": timed(message["calls"], False)}
        except Exception as e:  # the Node side reports it
            answer = {"error": repr(e)}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
