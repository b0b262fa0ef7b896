"""A cutting TCP proxy for fault-injection tests: faults only at the edge (STYLE.md §11).

:class:`CuttingProxy` listens on 127.0.0.1, forwards every connection to one loopback target
and, for a seeded random share of connections, cuts both sockets abruptly (``SO_LINGER 0``, so
the peers see a TCP reset) once a chosen number of bytes has been forwarded in a chosen
direction. A TLS session through it dies mid-request or mid-response, like café Wi-Fi.

One selector thread serves every connection (hundreds are fine); :meth:`CuttingProxy.stop`
closes every socket and joins that thread within a bounded time.

Determinism: each accepted (not refused) connection draws, in accept order, the same three
values from ``random.Random(seed)`` (``random()``, direction, byte count) whatever the current
probability, so a given seed and connection order always give the same cut plan.

Exactness: data is trimmed at the cut point, so the proxy forwards at most exactly the cut
point in the cut direction. Bytes still in the kernel's send buffer when the reset goes out may
be dropped, so a peer can receive fewer bytes than were forwarded, never more.
"""

from __future__ import annotations

import contextlib
import errno
import ipaddress
import random
import selectors
import socket
import struct
import threading
from dataclasses import dataclass
from types import TracebackType
from typing import Literal

__all__ = ["RECV_SIZE", "Cut", "CuttingProxy", "Direction"]

Direction = Literal["up", "down"]
"""``up`` is client → server (the request), ``down`` is server → client (the response)."""

#: One recv buffer: the most the proxy reads from a socket at a time.
RECV_SIZE = 64 * 1024
#: How long :meth:`CuttingProxy.stop` waits for the loop thread before giving up.
STOP_TIMEOUT = 10.0
_ACCEPTS_PER_WAKE = 128
_RST_LINGER = struct.pack("ii", 1, 0)


@dataclass(frozen=True)
class Cut:
    """One connection the proxy cut: its accept order (from 0), direction and byte count."""

    connection: int
    direction: Direction
    at: int


def _abort(sock: socket.socket) -> None:
    """Close ``sock`` with a TCP reset (SO_LINGER 0): unsent data is dropped."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, _RST_LINGER)
    sock.close()


class _Pipe:
    """One direction of one connection: bytes read from ``src`` waiting to be sent to ``dst``."""

    __slots__ = ("buf", "cut_at", "direction", "dst", "eof", "queued", "sent", "shut", "src")

    def __init__(self, direction: Direction, src: socket.socket, dst: socket.socket,
                 cut_at: int | None) -> None:
        self.direction: Direction = direction
        self.src = src
        self.dst = dst
        self.cut_at = cut_at
        self.buf = bytearray()
        self.eof = False      # src sent FIN
        self.shut = False     # FIN passed on to dst
        self.queued = 0       # bytes accepted into buf so far (never above cut_at)
        self.sent = 0         # bytes forwarded to dst so far

    def wants_read(self) -> bool:
        return (not self.eof and len(self.buf) < RECV_SIZE
                and (self.cut_at is None or self.queued < self.cut_at))


class _Conn:
    __slots__ = ("client", "closed", "connecting", "down", "index", "masks", "server", "up")

    def __init__(self, index: int, client: socket.socket, server: socket.socket,
                 cut: tuple[Direction, int] | None) -> None:
        self.index = index
        self.client = client
        self.server = server
        self.connecting = True
        self.closed = False
        up_at = cut[1] if cut is not None and cut[0] == "up" else None
        down_at = cut[1] if cut is not None and cut[0] == "down" else None
        self.up = _Pipe("up", client, server, up_at)
        self.down = _Pipe("down", server, client, down_at)
        self.masks: dict[socket.socket, int] = {client: 0, server: 0}


class CuttingProxy:
    """A TCP proxy on 127.0.0.1 that forwards to a loopback ``target`` and cuts connections.

    Each accepted connection, with probability ``cut_probability``, gets a cut point: a
    direction (drawn from ``directions``) and a byte count drawn uniformly from
    ``[min_bytes, max_bytes]``; when the bytes forwarded in that direction over the connection's
    life (all its requests, with keep-alive) reach it, both sockets are reset. ``port`` pins
    the listening port (0: a free one). Counters (``cuts``,
    ``bytes_up``, ``bytes_down``, ``connections``, ``refused``, ``connect_errors``) are written
    by the proxy thread; call :meth:`wait_idle` before reading them for exact values.
    """

    def __init__(self, target: tuple[str, int], *, seed: int, cut_probability: float = 0.0,
                 min_bytes: int = 1, max_bytes: int = 8 * 2**20, port: int = 0,
                 directions: tuple[Direction, ...] = ("up", "down")) -> None:
        if not 1 <= min_bytes <= max_bytes:
            raise ValueError(f"need 1 <= min_bytes <= max_bytes, got {min_bytes}, {max_bytes}")
        _check_probability(cut_probability)
        infos = socket.getaddrinfo(target[0], target[1], type=socket.SOCK_STREAM)
        family, _type, _proto, _name, address = infos[0]
        if not ipaddress.ip_address(address[0]).is_loopback:
            raise ValueError(f"the proxy forwards to loopback only, not {target[0]!r}")
        if not directions or not set(directions) <= {"up", "down"}:
            raise ValueError(f"directions must be from ('up', 'down'), not {directions!r}")
        self._directions = directions
        self.target = target
        self._family = family
        self._address = address
        self._min_bytes = min_bytes
        self._max_bytes = max_bytes
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._probability = cut_probability
        self._down = False
        self._idle = threading.Condition(self._lock)
        self._active = 0
        self._cut_log: list[Cut] = []

        #: Listening port: 0 before :meth:`start` (unless given), then the bound port.
        self.port = port
        self.cuts = 0
        self.bytes_up = 0
        self.bytes_down = 0
        #: Connections accepted and forwarded (refused ones are not counted here).
        self.connections = 0
        #: Connections reset at once because the proxy was :meth:`down`.
        self.refused = 0
        #: Connections reset because the target could not be reached.
        self.connect_errors = 0

        self._thread: threading.Thread | None = None
        self._stopping = False
        self._error: BaseException | None = None
        self._listener: socket.socket | None = None
        self._selector: selectors.BaseSelector | None = None
        self._wake_r: socket.socket | None = None
        self._wake_w: socket.socket | None = None
        self._conns: set[_Conn] = set()

    # -- control (any thread) ------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    @property
    def active(self) -> int:
        """Connections open right now."""
        with self._lock:
            return self._active

    @property
    def cut_log(self) -> list[Cut]:
        """Every cut so far, in the order they happened."""
        with self._lock:
            return list(self._cut_log)

    def set_cutting(self, probability: float) -> None:
        """Change the cut probability for connections accepted from now on (0 = pass through)."""
        _check_probability(probability)
        with self._lock:
            self._probability = probability

    def down(self) -> None:
        """Reset every new connection at once until :meth:`up` (open ones carry on)."""
        with self._lock:
            self._down = True

    def up(self) -> None:
        """Accept and forward new connections again."""
        with self._lock:
            self._down = False

    def wait_idle(self, timeout: float = STOP_TIMEOUT) -> None:
        """Block until no connection is open (so the counters are final); TimeoutError if not."""
        with self._idle:
            if not self._idle.wait_for(lambda: self._active == 0, timeout):
                raise TimeoutError(f"{self._active} proxied connections still open "
                                   f"after {timeout} s")

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("a CuttingProxy starts once; make a new one")
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        selector = selectors.DefaultSelector()
        wake_r, wake_w = socket.socketpair()
        try:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind(("127.0.0.1", self.port))
            listener.listen(1024)
            listener.setblocking(False)
            wake_r.setblocking(False)
            wake_w.setblocking(False)
            selector.register(listener, selectors.EVENT_READ, "listener")
            selector.register(wake_r, selectors.EVENT_READ, "wake")
        except BaseException:
            for sock in (listener, wake_r, wake_w):
                sock.close()
            selector.close()
            raise
        self.port = int(listener.getsockname()[1])
        self._listener, self._selector = listener, selector
        self._wake_r, self._wake_w = wake_r, wake_w
        self._thread = threading.Thread(target=self._run, name=f"CuttingProxy-{self.port}",
                                        daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Reset every open connection, close every socket and join the proxy thread."""
        thread, wake_w = self._thread, self._wake_w
        if thread is None or wake_w is None or self._stopping:
            return
        self._stopping = True
        with contextlib.suppress(BlockingIOError):  # a wake-up is already pending
            wake_w.send(b"x")
        thread.join(STOP_TIMEOUT)
        if thread.is_alive():
            raise RuntimeError(f"the proxy thread did not stop within {STOP_TIMEOUT} s")
        wake_w.close()
        if self._error is not None:
            raise RuntimeError("the proxy thread failed; see the chained exception") \
                from self._error

    def __enter__(self) -> CuttingProxy:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    # -- the loop (proxy thread only) ----------------------------------------------------

    def _run(self) -> None:
        selector = self._selector
        assert selector is not None
        try:
            while not self._stopping:
                for key, mask in selector.select():
                    if key.data == "listener":
                        self._accept()
                    elif key.data == "wake":
                        self._drain_wake()
                    else:
                        self._on_event(key.data, key.fileobj, mask)
        except BaseException as exc:
            self._error = exc
            raise
        finally:
            self._close_all()

    def _drain_wake(self) -> None:
        assert self._wake_r is not None
        with contextlib.suppress(BlockingIOError):
            while self._wake_r.recv(4096):
                pass

    def _close_all(self) -> None:
        for conn in list(self._conns):
            self._finish(conn, abort=True)
        assert self._selector is not None and self._listener is not None
        assert self._wake_r is not None
        self._selector.close()
        self._listener.close()
        self._wake_r.close()

    def _accept(self) -> None:
        assert self._listener is not None
        for _ in range(_ACCEPTS_PER_WAKE):
            try:
                client, _addr = self._listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            except ConnectionAbortedError:
                continue
            with self._lock:
                down, probability = self._down, self._probability
            if down:
                self.refused += 1
                _abort(client)
                continue
            # Always draw all three values so the plan does not depend on the probability.
            roll = self._rng.random()
            direction: Direction = self._rng.choice(self._directions)
            at = self._rng.randint(self._min_bytes, self._max_bytes)
            self._open(client, (direction, at) if roll < probability else None)

    def _open(self, client: socket.socket, cut: tuple[Direction, int] | None) -> None:
        server = socket.socket(self._family, socket.SOCK_STREAM)
        for sock in (client, server):
            sock.setblocking(False)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        err = server.connect_ex(self._address)
        if err not in (0, errno.EINPROGRESS, errno.EWOULDBLOCK):
            self.connect_errors += 1
            _abort(client)
            server.close()
            return
        conn = _Conn(self.connections, client, server, cut)
        self.connections += 1
        self._conns.add(conn)
        with self._lock:
            self._active += 1
        self._update(conn)

    def _on_event(self, conn: _Conn, sock: object, mask: int) -> None:
        if conn.closed:  # closed earlier in this batch of events
            return
        if conn.connecting:
            if sock is conn.server and mask & selectors.EVENT_WRITE:
                if conn.server.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) != 0:
                    self.connect_errors += 1
                    self._finish(conn, abort=True)
                    return
                conn.connecting = False
                self._update(conn)
            return
        reader = conn.up if sock is conn.client else conn.down
        writer = conn.down if sock is conn.client else conn.up
        if mask & selectors.EVENT_WRITE:
            self._write(conn, writer)
        if mask & selectors.EVENT_READ and not conn.closed:
            self._read(conn, reader)
        if not conn.closed:
            self._update(conn)

    def _read(self, conn: _Conn, pipe: _Pipe) -> None:
        if not pipe.wants_read():
            return
        try:
            data = pipe.src.recv(RECV_SIZE)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:  # the peer reset: pass the reset on
            self._finish(conn, abort=True)
            return
        if not data:
            pipe.eof = True
            self._pass_eof(conn, pipe)
            return
        if pipe.cut_at is not None:
            data = data[:pipe.cut_at - pipe.queued]
        pipe.buf += data
        pipe.queued += len(data)
        self._write(conn, pipe)

    def _write(self, conn: _Conn, pipe: _Pipe) -> None:
        if not pipe.buf:
            return
        try:
            n = pipe.dst.send(pipe.buf)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            self._finish(conn, abort=True)
            return
        del pipe.buf[:n]
        pipe.sent += n
        if pipe.direction == "up":
            self.bytes_up += n
        else:
            self.bytes_down += n
        if pipe.cut_at is not None and pipe.sent >= pipe.cut_at:
            self.cuts += 1
            with self._lock:
                self._cut_log.append(Cut(conn.index, pipe.direction, pipe.sent))
            self._finish(conn, abort=True)
            return
        self._pass_eof(conn, pipe)

    def _pass_eof(self, conn: _Conn, pipe: _Pipe) -> None:
        if not pipe.eof or pipe.buf or pipe.shut:
            return
        try:
            pipe.dst.shutdown(socket.SHUT_WR)
        except OSError:
            self._finish(conn, abort=True)
            return
        pipe.shut = True
        if conn.up.shut and conn.down.shut:
            self._finish(conn, abort=False)

    def _update(self, conn: _Conn) -> None:
        """Register each socket of ``conn`` for exactly the events its pipes wait for."""
        assert self._selector is not None
        read, write = selectors.EVENT_READ, selectors.EVENT_WRITE
        if conn.connecting:
            wanted = {conn.client: 0, conn.server: write}
        else:
            wanted = {
                conn.client: (read if conn.up.wants_read() else 0)
                | (write if conn.down.buf else 0),
                conn.server: (read if conn.down.wants_read() else 0)
                | (write if conn.up.buf else 0),
            }
        for sock, mask in wanted.items():
            old = conn.masks[sock]
            if mask == old:
                continue
            if old == 0:
                self._selector.register(sock, mask, conn)
            elif mask == 0:
                self._selector.unregister(sock)
            else:
                self._selector.modify(sock, mask, conn)
            conn.masks[sock] = mask

    def _finish(self, conn: _Conn, *, abort: bool) -> None:
        assert self._selector is not None
        conn.closed = True
        for sock, mask in conn.masks.items():
            if mask:
                self._selector.unregister(sock)
            if abort:
                _abort(sock)
            else:
                sock.close()
        self._conns.discard(conn)
        with self._idle:
            self._active -= 1
            self._idle.notify_all()


def _check_probability(probability: float) -> None:
    if not 0.0 <= probability <= 1.0:
        raise ValueError(f"cut probability must be within [0, 1], got {probability}")
