#!/usr/bin/env python3
"""Control: a Python server imitating each ESP8266 send strategy, as docs/delayed-link.md describes.

    imitation.py ADDR PORT_BASE

Port PORT_BASE+0: 1440-byte chunks, the next when the peer has acknowledged everything (stop-and-wait);
PORT_BASE+1: 2920-byte chunks, stop-and-wait; PORT_BASE+2: at most 2920 unacknowledged bytes kept in
flight, in 1460-byte segments (what ESPCONN_COPY + write-finish allow). "Acknowledged" is
ioctl(SIOCOUTQ) == 0, polled every 100 us. Same protocol as the espgen server: "GET n\\n" -> n bytes.
Listeners use MSS 1460 and accepted sockets TCP_NODELAY, as the host emulation. One client at a time.
"""
import fcntl
import select
import socket
import struct
import sys
import time

SIOCOUTQ = 0x5411
POLL_S = 0.0001


def outq(s):
    return struct.unpack("i", fcntl.ioctl(s.fileno(), SIOCOUTQ, b"\0\0\0\0"))[0]


def read_request(s):
    buf = b""
    while b"\n" not in buf:
        d = s.recv(100)
        if not d:
            return None
        buf += d
    return int(buf.split(b"\n", 1)[0].split()[1])


def stop_and_wait(s, n, chunk, data):
    sent = 0
    while sent < n:
        k = min(chunk, n - sent)
        s.sendall(data[:k])
        sent += k
        while outq(s) > 0:
            time.sleep(POLL_S)


def window(s, n, limit, seg, data):
    sent = 0
    while sent < n:
        room = limit - outq(s)
        k = min(seg, n - sent)
        if room >= k:
            s.sendall(data[:k])
            sent += k
        else:
            time.sleep(POLL_S)
    while outq(s) > 0:
        time.sleep(POLL_S)


def main():
    addr, base = sys.argv[1], int(sys.argv[2])
    data = bytes((ord("a") + i % 26) for i in range(2920))
    listeners = {}
    for off in range(3):
        l = socket.socket()
        l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        l.setsockopt(socket.IPPROTO_TCP, socket.TCP_MAXSEG, 1460)
        l.bind((addr, base + off))
        l.listen(4)
        listeners[l.fileno()] = (l, off)
    print("ready", flush=True)
    while True:
        ready, _, _ = select.select([l for l, _ in listeners.values()], [], [])
        for l in ready:
            off = listeners[l.fileno()][1]
            s, _ = l.accept()
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            try:
                n = read_request(s)
                if n:
                    if off == 0:
                        stop_and_wait(s, n, 1440, data)
                    elif off == 1:
                        stop_and_wait(s, n, 2920, data)
                    else:
                        window(s, n, 2920, 1460, data)
            except OSError:
                pass
            finally:
                s.close()


if __name__ == "__main__":
    main()
