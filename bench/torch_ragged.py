#!/usr/bin/env python3
"""PyTorch on the CPU as the peer of `npm run bench`'s ragged and token workloads.

Started with a JSON job file (bench/ragged.ts): the LSTM's state dict, the padded input x
[T, B, I], the lengths, R [T, B, H], and for the token workload the embedding table, the ids
[T, B] and its LSTM. It checks that its losses agree with rnnc's (sum(h * R) over the real
steps; for tokens over all steps), answers {"ready": true, "agree": d}, then runs "packed N",
"padded N" or "tokens N" (N forward+backward calls) and answers {"ms": mean per call}.
One thread, as rnnc's module runs on one; RNNC_TORCH_THREADS changes it.
"""
import json
import os
import sys
import time

import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

torch.set_num_threads(int(os.environ.get("RNNC_TORCH_THREADS", "1")))


def lstm_of(state, I, H):
    lstm = torch.nn.LSTM(I, H)
    lstm.load_state_dict({k: torch.tensor(v, dtype=torch.float32).reshape(getattr(lstm, k).shape) for k, v in state.items()})
    return lstm


def main():
    with open(sys.argv[1]) as f:
        job = json.load(f)
    B, T, I, H, V, E = (job[k] for k in ("B", "T", "I", "H", "V", "E"))
    lstm = lstm_of(job["lstm"], I, H)
    token_lstm = lstm_of(job["tokenLstm"], E, H)
    embedding = torch.nn.Embedding(V, E)
    embedding.weight.data = torch.tensor(job["table"], dtype=torch.float32).reshape(V, E)
    x = torch.tensor(job["x"], dtype=torch.float32).reshape(T, B, I)
    R = torch.tensor(job["R"], dtype=torch.float32).reshape(T, B, H)
    ids = torch.tensor(job["ids"], dtype=torch.long).reshape(T, B)
    lengths = torch.tensor(job["lengths"])

    def packed():
        out, _ = lstm(pack_padded_sequence(x, lengths, enforce_sorted=False))
        h, _ = pad_packed_sequence(out, total_length=T)
        return (h * R).sum()

    def padded():
        h, _ = lstm(x)
        return (h * R).sum()

    def tokens():
        h, _ = token_lstm(embedding(ids))
        return (h * R).sum()

    runs = {"packed": packed, "padded": padded, "tokens": tokens}
    with torch.no_grad():
        worst = max(
            abs(packed().item() - job["loss"]["packed"]) / max(1.0, abs(job["loss"]["packed"])),
            abs(tokens().item() - job["loss"]["tokens"]) / max(1.0, abs(job["loss"]["tokens"])),
        )
    print(json.dumps({"ready": True, "agree": worst}), flush=True)
    params = [*lstm.parameters(), *token_lstm.parameters(), *embedding.parameters()]
    for line in sys.stdin:
        kind, calls = line.split()
        t0 = time.perf_counter()
        for _ in range(int(calls)):
            for p in params:
                p.grad = None
            runs[kind]().backward()
        print(json.dumps({"ms": (time.perf_counter() - t0) * 1000 / int(calls)}), flush=True)


if __name__ == "__main__":
    main()
