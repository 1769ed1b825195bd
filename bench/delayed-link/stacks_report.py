#!/usr/bin/env python3
"""Prints run-stacks' table: per server, the SDK stack and the emulation side by side, then the control.

    stacks_report.py RESULTS_TSV

RESULTS_TSV: one line per transfer: row, label ("server | stack"), client, rep, bytes, seconds.
"""
import statistics
import sys

LIMIT_KBS = 292.0  # 2920 bytes in flight per 10 ms RTT
CLIENTS = [("quick", "quick-ACK client, 1 MB"), ("delayed", "delayed-ACK client, 256 KB")]


def cell(nbytes, secs):
    kbs = nbytes / secs / 1000.0
    return "%6.2f s %4.0f KB/s %3.0f %%" % (secs, kbs, 100.0 * kbs / LIMIT_KBS)


def main():
    runs = {}
    order = []
    with open(sys.argv[1]) as f:
        for line in f:
            row, label, client, rep, nbytes, secs = line.rstrip("\n").split("\t")
            if label not in order:
                order.append(label)
            runs.setdefault((label, client), []).append((int(rep), int(nbytes), float(secs)))
    medians = {k: (v[0][1], statistics.median(r[2] for r in v)) for k, v in runs.items()}

    w = 58
    print("Median of each measurement; KB/s = 1000 bytes/s; %% = of the link limit, %.0f KB/s"
          " (2920 bytes in flight per 10 ms RTT)." % LIMIT_KBS)
    head = "%-*s | %-26s | %-26s" % (w, "server | stack", CLIENTS[0][1], CLIENTS[1][1])
    print(head)
    print("-" * len(head))
    for label in order:
        cells = []
        for client, _ in CLIENTS:
            m = medians.get((label, client))
            cells.append(cell(*m) if m else "-")
        print("%-*s | %-26s | %-26s" % (w, label, cells[0], cells[1]))
        if label.endswith("| emulation"):
            sdk = label[: -len("emulation")] + "SDK stack"
            ratios = []
            for client, _ in CLIENTS:
                a, b = medians.get((label, client)), medians.get((sdk, client))
                ratios.append("%+.0f %% time vs the SDK stack" % (100.0 * (a[1] / b[1] - 1)) if a and b else "-")
            print("%-*s | %-26s | %-26s" % (w, "", ratios[0], ratios[1]))
    print()
    print("Each run (seconds):")
    for label in order:
        for client, _ in CLIENTS:
            secs = [r[2] for r in sorted(runs.get((label, client), []))]
            print("  %-*s %-8s %s" % (w, label, client, "  ".join("%.3f" % s for s in secs)))
    print()


if __name__ == "__main__":
    main()
