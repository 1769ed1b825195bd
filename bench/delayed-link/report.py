#!/usr/bin/env python3
"""Prints the delayed-link benchmark's tables from what bench/delayed-link/run recorded.

    report.py RESULTS_TSV LINK_TRACE FIRMWARE_SEND_TRACE IMITATION_SEND_TRACE

RESULTS_TSV: one line per transfer: row, client, rep, bytes, seconds, t0_ns, t1_ns, command.
LINK_TRACE: the forwarder's "ack <ns> <ackno>" lines (pure ACKs reaching the server's namespace).
*_SEND_TRACE: the bind shim's "send <ns> <bytes>" lines, one per send() of that server.
"""
import bisect
import statistics
import sys

LIMIT_KBS = 292.0  # 2920 bytes in flight per 10 ms RTT

# row id -> (label, trace, doc figures: (quick-ACK 1 MB seconds, delayed-ACK 256 KB seconds))
ROWS = [
    ("fw1440", "espgen firmware, sendChunkSize 1440", "fw", (7.74, 5.91)),
    ("fw2920", "espgen firmware, sendChunkSize 2920", "fw", (3.94, 4.53)),
    ("py1440", "control: Python, 1440 stop-and-wait", "py", (7.74, 5.91)),
    ("py2920", "control: Python, 2920 stop-and-wait", "py", (3.94, 4.53)),
    ("pywin", "control: Python, <=2920 B in flight *", "py", (3.93, 1.33)),
]
DOC_STRATEGY = {
    "fw1440": "doc: 1440 stop-and-wait",
    "fw2920": "doc: 2920 stop-and-wait",
    "py1440": "doc: 1440 stop-and-wait",
    "py2920": "doc: 2920 stop-and-wait",
    "pywin": "doc: <=2920 B in flight *",
}
CLIENTS = [("quick", "quick-ACK client, 1 MB"), ("delayed", "delayed-ACK client, 256 KB")]


def read_trace(path, kind):
    out = []
    try:
        with open(path) as f:
            for line in f:
                p = line.split()
                if len(p) >= 2 and p[0] == kind:
                    out.append(int(p[1]))
    except FileNotFoundError:
        pass
    out.sort()
    return out


def cell(nbytes, secs):
    kbs = nbytes / secs / 1000.0
    return "%6.2f s %4.0f KB/s %3.0f %%  " % (secs, kbs, 100.0 * kbs / LIMIT_KBS)


def gaps(sends, acks, t0, t1):
    """For each send() of the transfer but its first: ms since the last ACK that reached the server."""
    lo, hi = bisect.bisect_left(sends, t0), bisect.bisect_right(sends, t1)
    result = []
    for t in sends[lo + 1:hi]:
        i = bisect.bisect_right(acks, t) - 1
        if i >= 0 and acks[i] >= t0:
            result.append((t - acks[i]) / 1e6)
    return result


def main():
    results, link, fw_trace, py_trace = sys.argv[1:5]
    runs = {}
    with open(results) as f:
        for line in f:
            row, client, rep, nbytes, secs, t0, t1, cmd = line.rstrip("\n").split("\t")
            runs.setdefault((row, client), []).append((int(rep), int(nbytes), float(secs), int(t0), int(t1), cmd))
    acks = read_trace(link, "ack")
    sends = {"fw": read_trace(fw_trace, "send"), "py": read_trace(py_trace, "send")}

    w = 38
    print("Median of each measurement; KB/s = 1000 bytes/s; %% = of the link limit, %.0f KB/s"
          " (2920 bytes in flight per 10 ms RTT)." % LIMIT_KBS)
    head = "%-*s | %-26s | %-26s" % (w, "server, send strategy", CLIENTS[0][1], CLIENTS[1][1])
    print(head)
    print("-" * len(head))
    for row, label, _, doc in ROWS:
        if not any((row, c) in runs for c, _ in CLIENTS):
            continue
        meas, docs = [], []
        for (client, _), doc_s in zip(CLIENTS, doc):
            r = runs.get((row, client), [])
            nbytes = r[0][1] if r else (1048576 if client == "quick" else 262144)
            meas.append(cell(nbytes, statistics.median(x[2] for x in r)) if r else "%-26s" % "-")
            docs.append(cell(nbytes, doc_s))
        print(("%-*s | %s | %s" % (w, label, meas[0], meas[1])).rstrip())
        print(("%-*s | %s | %s" % (w, "  " + DOC_STRATEGY[row], docs[0], docs[1])).rstrip())
    print("* what ESPCONN_COPY + write-finish allow; the espgen runtime does not send this way (yet).")
    print()
    print("Each run (seconds):")
    for row, label, _, _ in ROWS:
        for client, _ in CLIENTS:
            r = sorted(runs.get((row, client), []))
            if r:
                print("  %-38s %-7s %s" % (label, client, "  ".join("%.3f" % x[2] for x in r)))
    print()
    print("Where the time goes: from an ACK reaching the server's namespace to the server's next send(), in ms,")
    print("median and 90th percentile over every chunk of every run, and the share of the transfer time spent so")
    print("(the forwarder's ACK trace against the bind shim's send() trace, both CLOCK_MONOTONIC):")
    print(("  %-38s   %-26s   %-26s" % ("", "quick-ACK client", "delayed-ACK client")).rstrip())
    print(("  %-38s   %-26s   %-26s" % ("", "median    p90   share", "median    p90   share")).rstrip())
    for row, label, trace, _ in ROWS:
        parts = []
        for client, _ in CLIENTS:
            r = runs.get((row, client), [])
            g, total, busy = [], 0.0, 0.0
            for _, _, secs, t0, t1, _ in r:
                gg = gaps(sends[trace], acks, t0, t1)
                g += gg
                total += secs
                busy += sum(gg) / 1000.0
            if len(g) >= 2:
                q = statistics.quantiles(g, n=10)
                parts.append("%6.2f  %5.2f  %5.1f %%" % (statistics.median(g), q[8], 100.0 * busy / total))
            else:
                parts.append("(no trace)")
        print(("  %-38s   %-26s   %-26s" % (label, parts[0], parts[1])).rstrip())
    print()
    print("Commands that measured (in the client's namespace; the servers' commands follow):")
    seen = set()
    for row, _, _, _ in ROWS:
        for client, _ in CLIENTS:
            for x in runs.get((row, client), [])[:1]:
                if x[5] not in seen:
                    seen.add(x[5])
                    print("  " + x[5])


if __name__ == "__main__":
    main()
