#!/usr/bin/env python3
"""Turns the JSON lines of nnplay_bench and bench/torch_bench.py into the benchmark table:
workload | threads | nnplay | PyTorch | ratio | target. Prints it and writes a Markdown report.

Figures are the best timing window of each side (see bench/timing.h). When PyTorch ran more
than once (OPENBLAS_CORETYPE as set and unset), the better figure per row is kept and the
variant that gave it is named. Standard library only, so it runs without torch.

  bench_report.py --nnplay N.jsonl [--torch T1.jsonl T2.jsonl] --out latest.md
                  [--machine TEXT] [--load-before TEXT] [--load-after TEXT] [--update-docs FILE]
"""
import argparse
import json
import re
import sys

# Issue targets. kind: "vs_torch" (nnplay / PyTorch ratio), "max_ms" (absolute latency),
# "scaling" (nnplay 2 threads / 1 thread), "stats" (stats on / off).
TARGETS = {
    ("W1", "train", 1): ("vs_torch", 50.0),
    ("W2", "train", 1): ("vs_torch", 20.0),
    ("grid", "grid", 2): ("max_ms", 2.0),
    ("W3", "train", 1): ("vs_torch", 1.5),
    ("W4", "train", 1): ("vs_torch", 1.5),
    ("W3", "scaling", 2): ("scaling", 1.7),
    ("W4", "scaling", 2): ("scaling", 1.7),
    ("W1", "stats", 0): ("stats", 0.80),
    ("W2", "stats", 0): ("stats", 0.80),
}
ORDER = ["W1", "W2", "grid", "W3", "W4", "pool"]


def load(path):
    rows, info, errors = [], {}, []  # info: the last info line (torch_bench prints one per thread count)
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue
            obj = json.loads(line)
            if "info" in obj:
                info = obj["info"]
            elif "error" in obj:
                errors.append(obj["error"])
            else:
                rows.append(obj)
    return rows, info, errors


def fmt_rate(v):
    if v is None:
        return "—"
    for scale, suffix in ((1e6, "M"), (1e3, "k")):
        if v >= scale:
            return "%.3g%s/s" % (v / scale, suffix)
    return "%.3g/s" % v


def fmt_value(unit, v):
    if v is None:
        return "—"
    return "%.3g %s" % (v, unit) if unit in ("ms", "us") else fmt_rate(v)


def verdict(ok):
    return "met" if ok else "MISSED"


def target_text(key, value):
    t = TARGETS.get(key)
    if not t or value is None:
        return ("%s" % describe(t)) if t else ""
    kind, x = t
    ok = value <= x if kind == "max_ms" else value >= x
    return "%s: %s" % (describe(t), verdict(ok))


def describe(t):
    kind, x = t
    return {"vs_torch": "≥ %g× PyTorch" % x, "max_ms": "< %g ms" % x,
            "scaling": "2t ≥ %g× 1t" % x, "stats": "≥ %d%% of off" % round(100 * x)}[kind]


class Report:
    def __init__(self, nnplay_rows, torch_runs):
        self.nn = {(r["workload"], r["metric"], r["threads"]): r for r in nnplay_rows}
        self.torch = {}  # best PyTorch row per key, over the runs
        for rows in torch_runs:
            for r in rows:
                key = (r["workload"], r["metric"], r["threads"])
                old = self.torch.get(key)
                better = old is None or (r["best"] < old["best"] if r["unit"] == "ms" else r["best"] > old["best"])
                if better:
                    self.torch[key] = r
        self.have_torch = bool(torch_runs)
        self.runs = [rows[0].get("openblas_coretype") for rows in torch_runs if rows]
        self.rows = []

    def add(self, *cells):
        self.rows.append([str(c) for c in cells])

    def build(self):
        threads = sorted({k[2] for k in self.nn})
        for w in ORDER:
            metric = {"grid": "grid", "pool": "handoff"}.get(w, "train")
            for t in threads:
                key = (w, metric, t)
                n, p = self.nn.get(key), self.torch.get(key)
                if not n:
                    continue
                unit = n["unit"]
                ratio = None
                if p:
                    ratio = p["best"] / n["best"] if unit in ("ms", "us") else n["best"] / p["best"]
                torch_cell = fmt_value(unit, p["best"]) if p else ("—" if self.have_torch else "(no torch)")
                if p and len(self.runs) > 1:
                    torch_cell += " [OPENBLAS_CORETYPE=%s]" % p["openblas_coretype"]
                check = n["best"] if TARGETS.get(key, ("",))[0] == "max_ms" else ratio
                name = {"grid": "grid latency", "pool": "pool hand-off"}.get(w, w + " train")
                self.add(name, t, fmt_value(unit, n["best"]), torch_cell,
                         "%.2f×" % ratio if ratio is not None else "—", target_text(key, check))
            if w in ("W3", "W4"):
                self.scaling_and_flops(w)
            if w in ("W1", "W2"):
                self.stats_rows(w, threads)


    def scaling_and_flops(self, w):
        n1, n2 = self.nn.get((w, "train", 1)), self.nn.get((w, "train", 2))
        p1, p2 = self.torch.get((w, "train", 1)), self.torch.get((w, "train", 2))
        if n1 and n2:
            s = n2["best"] / n1["best"]
            ps = "%.2f×" % (p2["best"] / p1["best"]) if p1 and p2 else "—"
            self.add(w + " 2t/1t scaling", "1→2", "%.2f×" % s, ps, "", target_text((w, "scaling", 2), s))
        for t, n, p in ((1, n1, p1), (2, n2, p2)):
            if not n:
                continue
            flop = 3 * 2 * n["flops_per_sample"]  # training ≈ 3 forward passes; 1 MAC = 2 FLOP
            pg = "%.1f GFLOP/s" % (flop * p["best"] / 1e9) if p else "—"
            self.add(w + " GFLOP/s", t, "%.1f GFLOP/s" % (flop * n["best"] / 1e9), pg, "", "")

    def stats_rows(self, w, threads):
        for t in threads:
            off, on = self.nn.get((w, "train", t)), self.nn.get((w, "train_stats", t))
            if not (off and on):
                continue
            r = on["best"] / off["best"]
            self.add(w + " stats on/off", t, "%s vs %s" % (fmt_rate(on["best"]), fmt_rate(off["best"])),
                     "", "%.0f%%" % (100 * r), target_text((w, "stats", 0), r))

    def table(self, markdown):
        head = ["workload", "threads", "nnplay", "PyTorch", "ratio", "target"]
        if markdown:
            lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
            lines += ["| " + " | ".join(r) + " |" for r in self.rows]
            return "\n".join(lines)
        widths = [max(len(h), *(len(r[i]) for r in self.rows)) for i, h in enumerate(head)]
        fmt = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()
        return "\n".join([fmt(head), fmt(["-" * w for w in widths])] + [fmt(r) for r in self.rows])

    def busy_warnings(self):
        """1-thread rows where the process got well under a full core: the machine was busy."""
        out = []
        for side, rows in (("nnplay", self.nn), ("PyTorch", self.torch)):
            for key, r in sorted(rows.items()):
                cpu, wall = r.get("cpu_seconds"), r.get("seconds")
                if key[2] == 1 and cpu and wall and cpu / wall < 0.9:
                    out.append("%s %s %s: the process got %.0f%% of a core" % (side, key[0], key[1], 100 * cpu / wall))
        return out

    def details(self):
        out = []
        for key in sorted(self.nn, key=lambda k: (ORDER.index(k[0]), k[1], k[2])):
            n, p = self.nn[key], self.torch.get(key)
            line = "- %s %s, %d thread(s): nnplay best %s, median %s" % (
                key[0], key[1], key[2], fmt_value(n["unit"], n["best"]), fmt_value(n["unit"], n["median"]))
            if n.get("seconds"):
                line += " (%.0f%% CPU)" % (100 * n.get("cpu_seconds", 0) / n["seconds"] / key[2])
            if p:
                line += "; PyTorch best %s, median %s (OPENBLAS_CORETYPE %s)" % (
                    fmt_value(p["unit"], p["best"]), fmt_value(p["unit"], p["median"]), p.get("openblas_coretype"))
            out.append(line + ". " + n.get("note", ""))
        return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nnplay", required=True)
    ap.add_argument("--torch", nargs="*", default=[])
    ap.add_argument("--torch-missing", default="")
    ap.add_argument("--out", required=True)
    ap.add_argument("--date", default="")
    ap.add_argument("--machine", default="")
    ap.add_argument("--commit", default="")
    ap.add_argument("--load-before", default="")
    ap.add_argument("--load-after", default="")
    ap.add_argument("--update-docs", default="")
    ap.add_argument("--priority", default="normal")
    ap.add_argument("--determinism", default="")
    a = ap.parse_args()

    nn_rows, nn_info, _ = load(a.nnplay)
    torch_runs, torch_infos, errors = [], [], []
    for path in a.torch:
        rows, info, errs = load(path)
        errors += errs
        if rows:
            torch_runs.append(rows)
            torch_infos.append(info)
    rep = Report(nn_rows, torch_runs)
    rep.build()

    print(rep.table(markdown=False))
    notes = []
    if a.torch_missing or errors:
        notes.append("PyTorch was not measured: %s" % (a.torch_missing or "; ".join(errors)))
    for info in torch_infos:
        if info.get("reference_blas"):
            notes.append("PyTorch used the reference BLAS (%s), far from its best: "
                         "sudo apt-get install libopenblas0-openmp" % info.get("blas"))
            break
    busy = rep.busy_warnings()
    if busy:
        notes.append("busy machine, figures understate both sides (re-run when quieter, or with --priority): "
                     + "; ".join(busy))
    if a.determinism:
        notes.append("determinism check: " + a.determinism)
    if notes:
        print("\n" + "\n".join("note: " + n for n in notes))

    md = ["## Results (%s)" % a.date, "",
          "- machine: %s" % a.machine,
          "- nnplay: commit %s, Eigen %s, %s; %s" % (a.commit, nn_info.get("eigen", "?"),
                                                     nn_info.get("simd", "?"), nn_info.get("compiler", "?")),
          "- PyTorch: %s" % ("; ".join(sorted({"torch %s, BLAS %s, OPENBLAS_CORETYPE=%s" % (
              i.get("torch"), i.get("blas"), i.get("openblas_coretype")) for i in torch_infos}))
                               or "not measured: " + (a.torch_missing or "; ".join(errors))),
          "- load average (1, 5, 15 min) before: %s; after: %s; scheduling: %s" % (
              a.load_before, a.load_after, a.priority), "",
          rep.table(markdown=True), ""] + ["- " + n for n in notes] + ["", "<details><summary>Best and median windows</summary>", "",
          rep.details(), "", "</details>", ""]
    text = "\n".join(md)
    with open(a.out, "w") as f:
        f.write(text)
    if a.update_docs:
        doc = open(a.update_docs).read()
        begin, end = "<!-- results:begin -->", "<!-- results:end -->"
        if begin not in doc or end not in doc:
            sys.exit("%s: no %s ... %s markers to replace" % (a.update_docs, begin, end))
        doc = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda _: begin + "\n" + text + end, doc, flags=re.S)
        open(a.update_docs, "w").write(doc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
