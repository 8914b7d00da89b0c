#!/usr/bin/python3
"""PyTorch's side of nnplay's benchmarks: the workloads of bench/workloads.h, measured with the
same protocol as bench/timing.h (calibrate ~1 ms blocks, warm up, time several windows, keep the
best and the median), printed as one JSON object per line for scripts/bench_report.py.

PyTorch is measured at its best: torch.set_num_threads(n), data preloaded as float tensors,
shuffled minibatches by index, zero_grad(set_to_none=True), no .item() sync in the loop, the
same architecture, initialisation, batch size, loss and torch.optim.SGD as nnplay.
Run it with Debian's interpreter (/usr/bin/python3) that sees python3-torch.

  /usr/bin/python3 bench/torch_bench.py [--only W1,W2,grid,W3,W4] [--threads 1,2]
                                        [--seconds S] [--windows N] [--warmup S]
"""
import argparse
import gzip
import json
import math
import os
import subprocess
import sys
import time

WORKLOADS = ["W1", "W2", "grid", "W3", "W4"]
CIRCLE_POINTS = 500
IMAGE_ROWS = 60000
GRID_SIDE = 256


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--only", default=",".join(WORKLOADS))
    p.add_argument("--threads", default="1,2")
    p.add_argument("--seconds", type=float, default=2.0)
    p.add_argument("--windows", type=int, default=5)
    p.add_argument("--warmup", type=float, default=0.5)
    a = p.parse_args()
    names = []
    for w in a.only.split(","):
        w = w.strip()
        w = w.lower() if w.lower() in ("grid", "pool") else w.upper()
        if w == "pool":  # nnplay's thread pool alone: nothing to compare
            continue
        if w not in WORKLOADS:
            p.error("unknown workload %r: expected W1, W2, grid, W3 or W4" % w)
        names.append(w)
    a.only = names
    a.threads = [int(t) for t in a.threads.split(",") if t]
    return a


def emit(obj):
    print(json.dumps(obj), flush=True)


def measure(run, seconds, windows, warmup):
    """run(k) does k repetitions and returns the units done; same protocol as bench/timing.h."""
    block = 1
    while True:
        t0 = time.perf_counter()
        run(block)
        if time.perf_counter() - t0 > 1e-3 or block >= 1 << 20:
            break
        block *= 2
    end = time.perf_counter() + warmup
    while time.perf_counter() < end:
        run(block)
    windows = max(1, windows)
    rates, total_units, total_s, total_cpu = [], 0, 0.0, 0.0
    for _ in range(windows):
        units = 0
        c0 = time.process_time()
        t0 = time.perf_counter()
        while True:
            units += run(block)
            t = time.perf_counter()
            if t - t0 >= seconds / windows:
                break
        rates.append(units / (t - t0))
        total_units += units
        total_s += t - t0
        total_cpu += time.process_time() - c0
    rates.sort()
    return rates[-1], rates[len(rates) // 2], total_units, total_s, total_cpu


# ---------------------------------------------------------------------------- data and models
def circle_data(torch, n):
    """The 'circle' generator: class 1 inside r < 2.5, class 0 in the ring 3.5 < r < 5, jitter 0.2."""
    g = torch.Generator().manual_seed(1)
    labels = torch.arange(n) % 2
    u = torch.rand(n, generator=g, dtype=torch.float64)
    r = torch.where(labels == 1, 2.5 * u.sqrt(), (3.5**2 + (5.0**2 - 3.5**2) * u).sqrt())
    a = 2 * math.pi * torch.rand(n, generator=g, dtype=torch.float64)
    x = torch.stack([r * a.cos(), r * a.sin()], 1) + 0.2 * torch.randn(n, 2, generator=g, dtype=torch.float64)
    return x.float().clamp(-6, 6), labels.float().unsqueeze(1)


def fashion_mnist(torch):
    """The 60,000 training images from the IDX files nnplay's loader also reads, or None."""
    dirs = [os.environ.get("NNPLAY_DATA_DIR", "") + "/fashion-mnist",
            os.path.expanduser(os.environ.get("XDG_DATA_HOME", "~/.local/share")) + "/nnplay/fashion-mnist",
            "/usr/share/datasets/fashion-mnist"]
    for d in dirs:
        for suffix in (".gz", ""):
            images, labels = d + "/train-images-idx3-ubyte" + suffix, d + "/train-labels-idx1-ubyte" + suffix
            if os.path.exists(images) and os.path.exists(labels):
                read = (lambda p: gzip.open(p).read()) if suffix else (lambda p: open(p, "rb").read())
                x = torch.frombuffer(bytearray(read(images)[16:]), dtype=torch.uint8).view(-1, 784)
                y = torch.frombuffer(bytearray(read(labels)[8:]), dtype=torch.uint8).long()
                return x, y, "Fashion-MNIST from " + d
    return None


def image_data(torch, conv):
    """Preloaded float images in [0, 1]: Fashion-MNIST when installed, else random bytes."""
    real = fashion_mnist(torch)
    if real:
        x, y, note = real
    else:
        g = torch.Generator().manual_seed(7)
        x = torch.randint(0, 256, (IMAGE_ROWS, 784), generator=g, dtype=torch.uint8)
        y = torch.randint(0, 10, (IMAGE_ROWS,), generator=g)
        note = "random 28x28 images"
    x = x.float() / 255
    return (x.view(-1, 1, 28, 28) if conv else x), y, note


def init_(torch, model):
    """Xavier-uniform for tanh/sigmoid and output layers, He-uniform before ReLU; zero biases."""
    mods = list(model)
    for i, m in enumerate(mods):
        if not isinstance(m, (torch.nn.Linear, torch.nn.Conv2d)):
            continue
        relu_next = i + 1 < len(mods) and isinstance(mods[i + 1], torch.nn.ReLU)
        if relu_next:
            torch.nn.init.kaiming_uniform_(m.weight, nonlinearity="relu")
        else:
            torch.nn.init.xavier_uniform_(m.weight)
        torch.nn.init.zeros_(m.bias)
    return model


def make(torch, name):
    """Returns (model, x, y, loss, batch, lr, data note) for a workload."""
    nn = torch.nn
    if name in ("W1", "grid"):
        model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 1))
        x, y = circle_data(torch, CIRCLE_POINTS)
        return init_(torch, model), x, y, nn.BCEWithLogitsLoss(), 10, 0.03, "circle, 500 points"
    if name == "W2":
        layers, width = [], 2
        for _ in range(10):
            layers += [nn.Linear(width, 16), nn.Sigmoid()]
            width = 16
        model = nn.Sequential(*layers, nn.Linear(16, 1))
        x, y = circle_data(torch, CIRCLE_POINTS)
        return init_(torch, model), x, y, nn.BCEWithLogitsLoss(), 32, 0.03, "circle, 500 points"
    if name == "W3":
        model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10))
        x, y, note = image_data(torch, conv=False)
        return init_(torch, model), x, y, nn.CrossEntropyLoss(), 64, 0.01, note
    if name == "W4":
        model = nn.Sequential(
            nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
            nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))
        x, y, note = image_data(torch, conv=True)
        return init_(torch, model), x, y, nn.CrossEntropyLoss(), 64, 0.01, note
    raise ValueError(name)


# ---------------------------------------------------------------------------- measurements
class TrainLoop:
    """The usual loop: shuffled minibatches of a preloaded tensor, zero_grad/forward/loss/backward/step."""

    def __init__(self, torch, model, x, y, loss, batch, lr):
        self.torch, self.model, self.x, self.y, self.loss, self.batch = torch, model, x, y, loss, batch
        self.opt = torch.optim.SGD(model.parameters(), lr=lr)
        self.n = x.shape[0]
        self.perm, self.cursor = torch.randperm(self.n), 0

    def run(self, k):
        done = 0
        for _ in range(k):
            if self.cursor >= self.n:  # a fresh shuffle per epoch; the last batch may be short
                self.perm, self.cursor = self.torch.randperm(self.n), 0
            idx = self.perm[self.cursor:self.cursor + self.batch]
            self.cursor += self.batch
            xb, yb = self.x[idx], self.y[idx]
            self.opt.zero_grad(set_to_none=True)
            self.loss(self.model(xb), yb).backward()
            self.opt.step()
            done += idx.shape[0]
        return done


def grid_rows(torch):
    c = (torch.arange(GRID_SIDE, dtype=torch.float32) + 0.5) * (12.0 / GRID_SIDE)
    x1 = (-6.0 + c).repeat(GRID_SIDE)
    x2 = (6.0 - c).repeat_interleave(GRID_SIDE)
    return torch.stack([x1, x2], 1).contiguous()


def result(name, threads, metric, unit, best, median, units, seconds, cpu, batch, note):
    env = os.environ.get("OPENBLAS_CORETYPE")
    return {"side": "pytorch", "workload": name, "threads": threads, "metric": metric, "unit": unit,
            "best": best, "median": median, "seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3),
            "units": units,
            "batch": batch, "openblas_coretype": env if env is not None else "unset", "note": note}


def bench(torch, name, threads, a):
    torch.manual_seed(1)
    model, x, y, loss, batch, lr, data_note = make(torch, name)
    loop = TrainLoop(torch, model, x, y, loss, batch, lr)
    if name != "grid":
        best, med, units, secs, cpu = measure(loop.run, a.seconds, a.windows, a.warmup)
        return result(name, threads, "train", "samples/s", best, med, units, secs, cpu, batch,
                      data_note + "; preloaded float tensor, shuffled minibatches")
    loop.run(100)
    g = grid_rows(torch)

    def predict(k):
        with torch.no_grad():
            for _ in range(k):
                torch.sigmoid(model(g))
        return k

    best, med, units, secs, cpu = measure(predict, a.seconds, a.windows, a.warmup)
    return result(name, threads, "grid", "ms", 1e3 / best, 1e3 / med, units, secs, cpu, 0,
                  "no_grad forward + sigmoid on a 65536x2 tensor")


def blas_library(torch):
    """The BLAS library torch's matmuls actually reached (Debian switches it by alternatives)."""
    torch.randn(64, 64) @ torch.randn(64, 64)
    with open("/proc/self/maps") as f:
        libs = {line.split()[-1] for line in f if "blas" in line.lower() and "/" in line}
    return ", ".join(sorted(os.path.realpath(p) for p in libs)) or "none found"


def run_one_thread_count(a, t):
    try:
        import torch
    except ImportError as e:
        emit({"side": "pytorch", "error": "cannot import torch (%s): sudo apt-get install python3-torch" % e})
        return 3
    torch.set_num_threads(t)
    blas = blas_library(torch)
    emit({"side": "pytorch", "info": {
        "torch": torch.__version__, "python": sys.executable, "threads": t, "blas": blas,
        "reference_blas": "openblas" not in blas and "mkl" not in blas and "blis" not in blas,
        "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE", "unset"),
        "mkldnn": torch.backends.mkldnn.is_available()}})
    for name in WORKLOADS:
        if name in a.only:
            emit(bench(torch, name, t, a))
    return 0


def main():
    a = parse_args()
    if len(a.threads) == 1:
        return run_one_thread_count(a, a.threads[0])
    # One process per thread count, with OpenMP and OpenBLAS told the count before they start
    # (torch.set_num_threads alone may leave a BLAS pool of another size).
    status = 0
    for t in a.threads:
        env = dict(os.environ, OMP_NUM_THREADS=str(t), OPENBLAS_NUM_THREADS=str(t))
        argv = [sys.executable, os.path.abspath(__file__), "--threads", str(t), "--only", ",".join(a.only),
                "--seconds", str(a.seconds), "--windows", str(a.windows), "--warmup", str(a.warmup)]
        sys.stdout.flush()
        status = subprocess.call(argv, env=env) or status
    return status


if __name__ == "__main__":
    sys.exit(main())
