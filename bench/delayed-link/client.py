#!/usr/bin/env python3
"""Bulk-transfer client of the delayed-link benchmark.

    client.py HOST PORT BYTES quick|delayed TIMEOUT_S

Connects, sends "GET BYTES\\n", reads until BYTES bytes have come, and prints one line:
"ok BYTES SECONDS T0 T1": seconds from the request to the last byte, then those two moments in
CLOCK_MONOTONIC nanoseconds (system-wide, so they can be matched with the link's trace).
"quick" reads as Linux does by default (it mostly ACKs at once); "delayed" sets TCP_QUICKACK to 0
before every recv, which makes Linux delay its ACKs as Windows and many other stacks do
(docs/delayed-link.md). Exit 1, with "fail ..." on stdout, on a timeout, a short stream or an error.
"""
import socket
import sys
import time


def main():
    host, port, want, mode, timeout = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], float(sys.argv[5])
    if mode not in ("quick", "delayed"):
        sys.exit("mode must be quick or delayed")
    delayed = mode == "delayed"
    deadline = time.monotonic() + timeout
    s = socket.create_connection((host, port), timeout=timeout)
    got = 0
    try:
        start_ns = time.monotonic_ns()
        s.sendall(b"GET %d\n" % want)
        while got < want:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("timed out")
            s.settimeout(left)
            if delayed:
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 0)
            chunk = s.recv(65536)
            if not chunk:
                raise ConnectionError("the server closed the connection")
            got += len(chunk)
        end_ns = time.monotonic_ns()
    except (OSError, TimeoutError) as e:
        print("fail %d of %d bytes: %s" % (got, want, e), flush=True)
        sys.exit(1)
    finally:
        s.close()
    print("ok %d %.4f %d %d" % (got, (end_ns - start_ns) / 1e9, start_ns, end_ns), flush=True)


if __name__ == "__main__":
    main()
