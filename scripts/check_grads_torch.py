#!/usr/bin/env python3
"""Checks `nnplay dump-grads` output against PyTorch: rebuilds the dense network with the dumped
weights, computes the loss and gradients on the dumped batch, runs the optimiser for the same
number of steps, and compares. Usage (Debian's torch lives in the system interpreter):
    build/nnplay dump-grads EXP.json --out g.json --steps 3
    /usr/bin/python3 scripts/check_grads_torch.py g.json
Exit status 0 when everything agrees within float32 tolerances (rel 1e-4 or abs 1e-6)."""
import json
import sys

import torch

ACT = {"linear": lambda z: z, "sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu,
       "leaky_relu": lambda z: torch.nn.functional.leaky_relu(z, 0.01), "elu": torch.nn.functional.elu}


def build(d):
    params = []
    for layer in d["layers"]:
        if layer["type"] != "dense":
            sys.exit(f"only dense layers are checked here, got {layer['type']}")
        w = torch.tensor(layer["weight"], dtype=torch.float64, requires_grad=True)
        b = torch.tensor(layer["bias"], dtype=torch.float64, requires_grad=True)
        params.append((w, b, layer["activation"]))
    return params


def loss_of(d, params, x, t):
    a = x
    for i, (w, b, act) in enumerate(params):
        z = a @ w.T + b
        last = i == len(params) - 1
        if last and d["loss"] in ("bce", "softmax_ce"):
            a = z  # the losses take logits, as nnplay does
        else:
            a = ACT[act](z)
    if d["loss"] == "mse":
        data = ((a - t) ** 2).mean()
    elif d["loss"] == "bce":
        data = torch.nn.functional.binary_cross_entropy_with_logits(a, t)
    else:
        data = torch.nn.functional.cross_entropy(a, t[:, 0].long())
    reg = d["regularization"]
    extra = 0
    for w, _, _ in params:
        if reg["kind"] == "l2":
            extra = extra + reg["rate"] / 2 * (w ** 2).sum()
        elif reg["kind"] == "l1":
            extra = extra + reg["rate"] * w.abs().sum()
    return data, data + extra


def optimizer(d, tensors):
    o = d["optimizer"]
    name = o["name"]
    if name == "sgd":
        return torch.optim.SGD(tensors, lr=o["lr"])
    if name in ("momentum", "nesterov"):
        return torch.optim.SGD(tensors, lr=o["lr"], momentum=o["momentum"], nesterov=name == "nesterov")
    if name == "adagrad":
        return torch.optim.Adagrad(tensors, lr=o["lr"], eps=o["eps_adagrad"])
    if name == "rmsprop":
        return torch.optim.RMSprop(tensors, lr=o["lr"], alpha=o["rho"], eps=o["eps"])
    return torch.optim.Adam(tensors, lr=o["lr"], betas=(o["beta1"], o["beta2"]), eps=o["eps"])


def compare(name, got, want, worst):
    g, w = torch.tensor(got, dtype=torch.float64), want.detach()
    diff = (g - w).abs().max().item()
    scale = w.abs().max().item()
    ok = diff <= 1e-6 or diff <= 1e-4 * scale
    worst.append(ok)
    print(f"{'ok  ' if ok else 'FAIL'} {name}: max |diff| {diff:.2e} (scale {scale:.2e})")


def main():
    d = json.load(open(sys.argv[1]))
    x = torch.tensor(d["inputs"], dtype=torch.float64)
    t = torch.tensor(d["targets"], dtype=torch.float64)
    params = build(d)
    data, total = loss_of(d, params, x, t)
    total.backward()
    results = []
    compare("loss", [d["loss_value"]], data.reshape(1), results)
    for i, (w, b, _) in enumerate(params):
        compare(f"grad layer {i + 1} weight", d["grads"][i]["weight"], w.grad, results)
        compare(f"grad layer {i + 1} bias", d["grads"][i]["bias"], b.grad, results)
    tensors = [p for w, b, _ in params for p in (w, b)]
    opt = optimizer(d, tensors)
    for _ in range(d["steps"]):
        opt.zero_grad()
        loss_of(d, params, x, t)[1].backward()
        opt.step()
    for i, (w, b, _) in enumerate(params):
        compare(f"after {d['steps']} steps layer {i + 1} weight", d["params_after"][i]["weight"], w, results)
        compare(f"after {d['steps']} steps layer {i + 1} bias", d["params_after"][i]["bias"], b, results)
    print("agrees with PyTorch" if all(results) else "DISAGREES with PyTorch")
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
