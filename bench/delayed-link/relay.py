#!/usr/bin/env python3
"""Not used by `run`: the experiment that shows why it does not relay (see README.md).

    relay.py LISTEN_ADDR LISTEN_PORT TARGET_PORT

A plain TCP relay from LISTEN_ADDR:LISTEN_PORT to 127.0.0.1:TARGET_PORT, as one would put in the
server's namespace in front of a firmware that binds 127.0.0.1 only. The relay's loopback socket
acknowledges the firmware's sends at once, so the firmware's sent callbacks no longer wait for the
far client: the transfer then runs at the relay's (Linux TCP's) pace, whatever the send strategy.
"""
import socket
import sys
import threading


def pipe(a, b):
    try:
        while True:
            d = a.recv(65536)
            if not d:
                break
            b.sendall(d)
    except OSError:
        pass
    finally:
        try:
            b.shutdown(socket.SHUT_WR)
        except OSError:
            pass


def main():
    addr, port, target = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    lst = socket.socket()
    lst.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    lst.bind((addr, port))
    lst.listen(4)
    print("ready", flush=True)
    while True:
        c, _ = lst.accept()
        u = socket.create_connection(("127.0.0.1", target))
        threading.Thread(target=pipe, args=(c, u), daemon=True).start()
        threading.Thread(target=pipe, args=(u, c), daemon=True).start()


if __name__ == "__main__":
    main()
