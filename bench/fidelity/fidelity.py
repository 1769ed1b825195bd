#!/usr/bin/env python3
"""The fidelity benchmark's client sessions, run against both stacks, and the report.

    fidelity.py STACK ADDR IFACE LOG  STACK ADDR IFACE LOG

Each STACK (a name: "SDK stack", "emulation") serves the firmware of bench/fidelity/server at ADDR, reached
through network interface IFACE, its stdout (the firmware's os_printf) in file LOG. For every session of SESSIONS,
on each stack in turn, the client side is scripted here; what the server sent on the wire is captured from IFACE
(AF_PACKET, so root); what the firmware heard is read from LOG (the servers print "open PORT", "error PORT KIND",
"end PORT rx N tx N dropped N", Sizes also "recv PORT N"). Per session it prints, for both stacks, the bytes each
side saw and how each connection ended, and marks every difference. Run by bench/fidelity/run inside its network
namespace; a benchmark, not a test: it reports, it does not judge.
"""
import errno
import re
import socket
import struct
import sys
import threading
import time

ETH_P_IP = 0x0800
PACKET_OUTGOING = 4
ECHO, STREAM, QUIET, ANSWER, SIZES, HOG, PAGES = 7001, 7002, 7003, 7004, 7005, 7006, 7007


class Capture:
    """Every TCP segment the server sends from its port, as (time, client port, flags, seq, payload length)."""

    def __init__(self, iface, server_addr):
        self.server = socket.inet_aton(server_addr)
        self.loopback = iface == "lo"
        self.sock = socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM, socket.htons(ETH_P_IP))
        # a large buffer: the reader is a Python thread, and a bulk transfer sends thousands of segments
        self.sock.setsockopt(socket.SOL_SOCKET, 33, 64 << 20)  # SO_RCVBUFFORCE (root)
        self.sock.bind((iface, ETH_P_IP))
        self.sock.settimeout(0.2)
        self.segments = []
        self.lock = threading.Lock()
        self.stop = False
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while not self.stop:
            try:
                data, addr = self.sock.recvfrom(70000)
            except socket.timeout:
                continue
            if self.loopback and addr[2] == PACKET_OUTGOING:
                continue  # loopback shows each packet twice
            if len(data) < 40 or data[0] >> 4 != 4 or data[9] != 6 or data[12:16] != self.server:
                continue
            ihl = (data[0] & 15) * 4
            total = struct.unpack("!H", data[2:4])[0]
            sport, dport, seq, _ack, off, flags = struct.unpack("!HHIIBB", data[ihl:ihl + 14])
            payload = total - ihl - (off >> 4) * 4
            with self.lock:
                self.segments.append((time.monotonic(), sport, dport, flags, seq, payload))

    def summary(self, server_port, client_port):
        """What the server sent on this connection: 'SYN-ACK', 'N B', 'FIN', 'RST' in order (repeats folded)."""
        with self.lock:
            segs = [s for s in self.segments if s[1] == server_port and s[2] == client_port]
        events = []
        isn = None
        top = 0
        for _, _, _, flags, seq, payload in segs:
            if flags & 0x02:
                isn = seq
                add(events, "SYN-ACK")
            if payload and isn is not None:
                top = max(top, (seq + payload - isn - 1) & 0xFFFFFFFF)
                add(events, "data")
            if flags & 0x05 and isn is not None:  # a FIN's or RST's sequence number follows the last byte sent
                sent_before = (seq - isn - 1) & 0xFFFFFFFF
                if sent_before < 1 << 30:
                    top = max(top, sent_before)
                    if sent_before:
                        add(events, "data")
            if flags & 0x01:
                add(events, "FIN")
            if flags & 0x04:
                add(events, "RST")
        if not events:
            return "nothing"
        return ", ".join("%d B" % top if e == "data" else e for e in events)


def add(events, e):
    if e not in events:
        events.append(e)


class Log:
    """The firmware's stdout, read from where the session started."""

    def __init__(self, path):
        self.path = path
        self.offset = 0

    def mark(self):
        with open(self.path, "rb") as f:
            f.seek(0, 2)
            self.offset = f.tell()

    def lines(self):
        with open(self.path, "rb") as f:
            f.seek(self.offset)
            return f.read().decode("utf-8", "replace").splitlines()

    def heard(self, port):
        """The firmware's events for one client port, e.g. 'open; error RESET; end rx 10240 tx 8740'."""
        out = []
        for line in self.lines():
            words = line.split(": ", 1)[-1].split()
            if len(words) >= 2 and words[1] == str(port) and words[0] in ("open", "error", "end"):
                out.append(" ".join([words[0]] + words[2:]))
        return "; ".join(out) if out else "nothing"

    def other(self, ports):
        """Lines of the session that are not one of its clients' events (the runtime's and the stack's)."""
        ports = {str(p) for p in ports}
        out = []
        for line in self.lines():
            words = line.split(": ", 1)[-1].split()
            if len(words) >= 2 and words[0] in ("open", "error", "end", "recv") and words[1] in ports:
                continue
            if line.startswith("espgen-host: heap") or line.startswith("espgen-sdk-host: stack heap"):
                continue
            out.append(line)
        return out

    def wait_ends(self, ports, timeout):
        """Waits until every opened client of ports has its 'end' line, or timeout seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.lines()
            opened = {p for p in ports if any(l.endswith("open %d" % p) for l in text)}
            ended = {p for p in ports if any(": end %d " % p in l for l in text)}
            if opened <= ended:
                return
            time.sleep(0.05)


class Target:
    def __init__(self, name, addr, iface, log):
        self.name = name
        self.addr = addr
        self.capture = Capture(iface, addr)
        self.log = Log(log)


# ---- the client side ------------------------------------------------------------------------------------------

def connect(t, port, timeout=2.0, rcvbuf=None):
    """Returns (socket or None, client port, what happened); the port is known even when the connect fails."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if rcvbuf is not None:  # before connect: the window scale and first window follow it
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.bind(("0.0.0.0", 0))
    me = s.getsockname()[1]
    s.settimeout(timeout)
    try:
        s.connect((t.addr, port))
    except ConnectionRefusedError:
        s.close()
        return None, me, "refused (RST to the SYN)"
    except ConnectionResetError:  # the handshake completed and a RST followed at once: the client saw a RST
        s.close()
        return None, me, "RST"
    except socket.timeout:
        s.close()
        return None, me, "no answer to the SYN"
    return s, me, "connected"


def read_until_end(s, timeout, limit=None, pace=None):
    """Reads until EOF, RST, limit bytes or timeout s without an end; returns (bytes, 'EOF'|'RST'|'open')."""
    got = 0
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or (limit is not None and got >= limit):
            return got, "open"
        s.settimeout(left)
        try:
            d = s.recv(pace[0] if pace else 65536)
        except socket.timeout:
            return got, "open"
        except ConnectionResetError:
            return got, "RST"
        if not d:
            return got, "EOF"
        got += len(d)
        if pace:
            time.sleep(pace[1])  # the slow reader of the session, not synchronisation


def send_unread(s, n, timeout):
    """Sends up to n bytes without reading, as far as the peer's window and our buffers take them."""
    s.setblocking(False)
    sent = 0
    deadline = time.monotonic() + timeout
    data = bytes(range(256)) * (n // 256 + 1)
    while sent < n and time.monotonic() < deadline:
        try:
            sent += s.send(data[sent:n])
        except BlockingIOError:
            time.sleep(0.01)
        except OSError:
            break
    s.setblocking(True)
    return sent


def row(server, port, sent, got, end, when=None):
    """One client: bytes it sent and got, how its connection ended for it (when: seconds, shown, not compared)."""
    return {"server": server, "port": port, "sent": sent, "got": got, "end": end, "when": when}


def single(t, server, body):
    """Connects one client to server and runs body(socket) -> (sent, got, end[, when])."""
    s, port, how = connect(t, server)
    if s is None:
        return [row(server, port, 0, 0, how)]
    try:
        result = body(s)
    except OSError as e:
        result = ("?", "?", "client error %s" % errno.errorcode.get(e.errno, e.errno))
    finally:
        s.close()
    return [row(server, port, *result)]


# ---- the sessions ------------------------------------------------------------------------------------------------

def s_limit(t):
    socks, rows = [], []
    for _ in range(7):
        s, me, how = connect(t, ECHO)
        rows.append(row(ECHO, me, 0, 0, how))
        if s is not None:
            socks.append((s, rows[-1]))
            rows[-1]["got"], rows[-1]["end"] = read_until_end(s, 0.5, limit=9)
    for s, r in socks:  # what came after the greeting: the refused ones' end
        if r["end"] == "open":
            got, r["end"] = read_until_end(s, 1.0)
            r["got"] += got
    for s, _ in socks:
        s.close()
    return rows


def s_shutdown(n):
    def body(s):
        greeting, _ = read_until_end(s, 1.0, limit=9)
        try:
            s.sendall((bytes(range(256)) * (n // 256 + 1))[:n])
            s.shutdown(socket.SHUT_WR)
        except OSError:  # the server ended the connection first: what it sent before is still to read
            got, end = read_until_end(s, 1.0)
            return n, greeting + got, end
        got, end = read_until_end(s, 5.0)
        return n, greeting + got, end
    return lambda t: single(t, ECHO, body)


def s_unread(t):
    return single(t, ECHO, lambda s: (send_unread(s, 65536, 3.0), "-", "closed by the client"))


def s_pipelined(t):
    def body(s):
        s.sendall(b"GET 1000\n" * 20)
        got, end = read_until_end(s, 2.0, limit=20000)
        return 180, got, end
    return single(t, ANSWER, body)


def s_bulk(t):
    def body(s):
        s.sendall(b"GET 262144\n")
        got, end = read_until_end(s, 10.0, limit=262144)
        return 11, got, end
    return single(t, STREAM, body)


def s_idle(t):
    def body(s):
        start = time.monotonic()
        got, end = read_until_end(s, 6.0)
        return 0, got, end, time.monotonic() - start
    return single(t, QUIET, body)


def s_idle_sending(t):
    def body(s):
        start = time.monotonic()
        s.sendall(b"GET 150000\n")
        got, end = read_until_end(s, 9.0, limit=150000, pace=(2048, 0.05))
        return 11, got, end, time.monotonic() - start
    return single(t, STREAM, body)


def s_reset(t):
    def body(s):
        s.sendall(b"GET 1000000\n")
        got, _ = read_until_end(s, 3.0, limit=10000)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        return 12, got, "reset by the client"
    return single(t, STREAM, body)


def s_burst(t):
    """12 clients connect at once (parallel SYNs); when all have an answer, each sends "ping" and reads."""
    rows = [None] * 12
    barrier = threading.Barrier(12)

    def one(i):
        s, me, how = connect(t, ECHO, timeout=3.0)
        barrier.wait()
        if s is None:
            rows[i] = row(ECHO, me, "-", 0, "refused: " + how)
            return
        try:
            s.sendall(b"ping\n")
        except OSError:
            pass
        got, end = read_until_end(s, 1.5, limit=14)
        s.close()
        # a RST that came before the ping is reported by send (then recv sees EOF) or by recv: timing decides
        if got == 14:
            rows[i] = row(ECHO, me, 5, got, "greeted and echoed")
        else:
            rows[i] = row(ECHO, me, "-", got, "refused: RST")

    threads = [threading.Thread(target=one, args=(i,)) for i in range(12)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return rows


def s_big_receive(t):
    def body(s):
        s.sendall(bytes(range(256)) * 24)
        time.sleep(0.5)  # the session's content: everything is delivered before the close
        return 6144, 0, "closed by the client"
    return single(t, SIZES, body)


def s_heap(t):
    socks, rows = [], []
    for _ in range(4):
        s, me, how = connect(t, HOG)
        rows.append(row(HOG, me, 0, 0, how))
        if s is not None:
            socks.append((s, rows[-1]))
    for s, r in socks:
        r["sent"] = send_unread(s, 20480, 1.0)
    time.sleep(1.0)  # the session's content: the queues stay full for a second
    for s, r in socks:
        r["got"], r["end"] = read_until_end(s, 1.5, limit=r["sent"])
        s.close()
    return rows


def s_framed_pipelined(t):
    def body(s):
        s.sendall(b"GET 400\n" * 200)
        got, end = read_until_end(s, 5.0, limit=80000)
        return 1600, got, end
    return single(t, PAGES, body)


def s_ask_then_shutdown(n, rcvbuf=None):
    """A client that asks for n bytes and shuts its side at once, as `nc -N` or an HTTP/1.0 client may: the
    answer is still queued when the FIN arrives. rcvbuf: a small receive buffer, so little is acknowledged."""
    def body(s):
        req = b"GET %d\n" % n
        s.sendall(req)
        s.shutdown(socket.SHUT_WR)
        time.sleep(0.5)
        got, end = read_until_end(s, 5.0)
        return len(req), got, end
    def session(t):
        s, me, how = connect(t, PAGES, rcvbuf=rcvbuf)
        if s is None:
            return [row(PAGES, me, 0, 0, how)]
        try:
            result = body(s)
        except OSError as e:
            result = ("?", "?", "client error %s" % errno.errorcode.get(e.errno, e.errno))
        finally:
            s.close()
        return [row(PAGES, me, *result)]
    return session


# (title, server, session, seconds to wait for the firmware's end callbacks, how the rows are compared)
# exact: every number; kinds: how each connection ended and which callbacks ran, numbers shown but not compared
# (they depend on timing); counts: parallel clients, compared as how many ended each way.
SESSIONS = [
    ("5th-7th client, maxConnections 4 (7 clients kept open)", "Echo", s_limit, 3.0, "exact"),
    ("10 KB sent, then shutdown(SHUT_WR)", "Echo", s_shutdown(10240), 3.0, "exact"),
    ("500 B sent, then shutdown(SHUT_WR)", "Echo", s_shutdown(500), 3.0, "exact"),
    ("64 KB sent without reading, then close", "Echo", s_unread, 5.0, "kinds"),
    ("pipelined requests: 20 x 'GET 1000' in one write", "Answer", s_pipelined, 3.0, "exact"),
    ("bulk transfer: 256 KB to a reading client", "Stream", s_bulk, 3.0, "exact"),
    ("idle timeout (2 s), silent client", "Quiet", s_idle, 3.0, "exact"),
    ("idle timeout (2 s) while the server sends to a slow reader", "Stream", s_idle_sending, 4.0, "exact"),
    ("peer reset mid-send (SO_LINGER 0 after 10 KB of 1 MB)", "Stream", s_reset, 3.0, "kinds"),
    ("over-limit burst: 12 clients at once, maxConnections 4", "Echo", s_burst, 3.0, "counts"),
    ("a receive larger than one segment: 6 KB in one write", "Sizes", s_big_receive, 3.0, "exact"),
    ("heap exhaustion: 4 clients queue 20 KB each, unread for 1 s", "Hog", s_heap, 5.0, "kinds"),
    ("framed, pipelined: 200 x 'GET 400' in one write (80 KB through a 32 KB queue)", "Pages", s_framed_pipelined,
     3.0, "exact"),
    ("'GET 1000', then shutdown(SHUT_WR) at once (answer under one piece)", "Pages", s_ask_then_shutdown(1000), 3.0,
     "exact"),
    ("'GET 12000', then shutdown(SHUT_WR) at once (answer queued past one piece)", "Pages",
     s_ask_then_shutdown(12000), 3.0, "kinds"),
    ("'GET 12000', then shutdown(SHUT_WR) at once, a 2 KB receive buffer", "Pages",
     s_ask_then_shutdown(12000, rcvbuf=2048), 3.0, "exact"),
]


# ---- the report --------------------------------------------------------------------------------------------------

def digits_out(text):
    return re.sub(r"\d+", "#", text)


def describe(t, rows):
    """Per client: (what it saw, what the server sent, what the firmware heard)."""
    out = []
    for r in rows:
        client = "sent %s, got %s, %s" % (r["sent"], r["got"], r["end"])
        if r["when"] is not None:
            client += " (%.1f s)" % r["when"]
        out.append((client, t.capture.summary(r["server"], r["port"]), t.log.heard(r["port"])))
    return out


def other_lines(t, rows):
    """The session's other firmware lines, addresses taken out, repeats counted."""
    counts = {}
    for line in t.log.other([r["port"] for r in rows]):
        key = re.sub(r"\d+\.\d+\.\d+\.\d+:\d+ ", "", line)
        counts[key] = counts.get(key, 0) + 1
    return ["%s%s" % (k, " (%d times)" % n if n > 1 else "") for k, n in counts.items()]


def counted(cells):
    counts = {}
    for c in cells:
        counts[c] = counts.get(c, 0) + 1
    return "; ".join("%d x %s" % (n, c) for c, n in sorted(counts.items()))


def same(a, b, how):
    if how == "kinds":
        return digits_out(a) == digits_out(b)
    return re.sub(r" \(\d+\.\d s\)", "", a) == re.sub(r" \(\d+\.\d s\)", "", b)


def main():
    args = sys.argv[1:]
    if len(args) != 8:
        sys.exit(__doc__)
    targets = [Target(*args[0:4]), Target(*args[4:8])]
    width = 52
    summary = []
    for number, (title, server, session, settle, how) in enumerate(SESSIONS, 1):
        results = []
        for t in targets:
            t.log.mark()
            rows = session(t)
            t.log.wait_ends([r["port"] for r in rows], settle)
            time.sleep(0.3)  # late segments (a FIN after the last callback) reach the capture
            cells = describe(t, rows)
            if server == "Sizes":
                sizes = [l.split()[-1] for l in t.log.lines() if ": recv " in l]
                cells = [(c, w, h + "; receive callbacks " + ("+".join(sizes) or "none")) for c, w, h in cells]
            if how == "counts":
                cells = [(counted(c for c, _, _ in cells), counted(w for _, w, _ in cells),
                          counted(digits_out(h) for _, _, h in cells))]
            results.append((cells, other_lines(t, rows)))
        print("== %d. %s  [%s]%s" % (number, title, server,
                                      "" if how == "exact" else "  (compared: %s)" % how))
        print("   %-11s %-*s | %s" % ("", width, targets[0].name, targets[1].name))
        differs = 0
        a, b = results[0][0], results[1][0]
        for i in range(max(len(a), len(b))):
            ra = a[i] if i < len(a) else ("-", "-", "-")
            rb = b[i] if i < len(b) else ("-", "-", "-")
            for k, label in enumerate(("client", "wire", "firmware")):
                tag = "%s %d" % (label, i + 1) if len(a) > 1 else label
                mark = "" if same(ra[k], rb[k], how) else "   <> DIFFERS"
                differs += bool(mark)
                print("   %-11s %-*s | %s%s" % (tag, width, ra[k], rb[k], mark))
        la, lb = results[0][1], results[1][1]
        if la or lb:
            mark = "" if sorted(la) == sorted(lb) else "   <> DIFFERS"
            differs += bool(mark)
            for i in range(max(len(la), len(lb))):
                print("   %-11s %-*s | %s%s" % ("log" if i == 0 else "", width, la[i] if i < len(la) else "",
                                                 lb[i] if i < len(lb) else "", mark if i == 0 else ""))
        print()
        summary.append((number, title, differs))
    print("== summary")
    for number, title, differs in summary:
        print("   %2d. %-62s %s" % (number, title, "DIFFERS (%d rows)" % differs if differs else "same"))
    for t in targets:
        t.capture.stop = True


if __name__ == "__main__":
    main()
