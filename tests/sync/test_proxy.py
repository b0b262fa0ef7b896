"""The cutting proxy against real loopback servers: a selector echo server and http.server."""

from __future__ import annotations

import contextlib
import http.client
import http.server
import os
import random
import selectors
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from .proxy import RECV_SIZE, Cut, CuttingProxy

TIMEOUT = 5.0


class EchoServer:
    """A single-threaded echo server on 127.0.0.1 that counts what each connection sent."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0), backlog=1024)
        self._listener.setblocking(False)
        self.port = int(self._listener.getsockname()[1])
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._listener, selectors.EVENT_READ, None)
        self._wake_r, self._wake_w = socket.socketpair()
        self._selector.register(self._wake_r, selectors.EVENT_READ, None)
        self._stopping = False
        self._idle = threading.Condition()
        self._open: dict[socket.socket, tuple[int, bytearray, list[bool]]] = {}
        #: Bytes received on each connection, in accept order.
        self.received: list[int] = []
        self._thread = threading.Thread(target=self._run, name="EchoServer", daemon=True)
        self._thread.start()

    @property
    def accepted(self) -> int:
        return len(self.received)

    def wait_idle(self) -> None:
        with self._idle:
            assert self._idle.wait_for(lambda: not self._open, TIMEOUT), "echo still busy"

    def stop(self) -> None:
        self._stopping = True
        self._wake_w.send(b"x")
        self._thread.join(TIMEOUT)
        assert not self._thread.is_alive()
        self._wake_w.close()

    def _run(self) -> None:
        try:
            while not self._stopping:
                for key, mask in self._selector.select():
                    sock = key.fileobj
                    assert isinstance(sock, socket.socket)
                    if sock is self._listener:
                        self._accept()
                    elif sock is not self._wake_r:
                        self._serve(sock, mask)
        finally:
            for sock in list(self._open):
                self._close(sock)
            self._selector.close()
            self._listener.close()
            self._wake_r.close()

    def _accept(self) -> None:
        with contextlib.suppress(BlockingIOError):
            while True:
                sock, _addr = self._listener.accept()
                sock.setblocking(False)
                with self._idle:
                    self._open[sock] = (len(self.received), bytearray(), [False])
                    self.received.append(0)
                self._selector.register(sock, selectors.EVENT_READ, None)

    def _serve(self, sock: socket.socket, mask: int) -> None:
        index, out, eof = self._open[sock]
        try:
            if mask & selectors.EVENT_READ and len(out) < 2**20:
                data = sock.recv(RECV_SIZE)
                if data:
                    self.received[index] += len(data)
                    out += data
                else:
                    eof[0] = True
            if out:
                del out[:sock.send(out)]
        except BlockingIOError:
            pass
        except OSError:  # reset by the proxy: that is the point of these tests
            self._close(sock)
            return
        if eof[0] and not out:
            self._close(sock)
            return
        events = (0 if eof[0] else selectors.EVENT_READ) | (selectors.EVENT_WRITE if out else 0)
        self._selector.modify(sock, events, None)

    def _close(self, sock: socket.socket) -> None:
        self._selector.unregister(sock)
        sock.close()
        with self._idle:
            del self._open[sock]
            self._idle.notify_all()


@pytest.fixture
def echo() -> Iterator[EchoServer]:
    server = EchoServer()
    yield server
    server.stop()


def exchange(port: int, payload: bytes) -> tuple[bytes, bool]:
    """Send ``payload`` then FIN, read to the end; return (bytes received, whether reset)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
    send_errors: list[OSError] = []

    def send() -> None:
        try:
            sock.sendall(payload)
            sock.shutdown(socket.SHUT_WR)
        except OSError as exc:
            send_errors.append(exc)

    sender = threading.Thread(target=send)
    sender.start()
    chunks: list[bytes] = []
    reset = False
    try:
        while chunk := sock.recv(RECV_SIZE):
            chunks.append(chunk)
    except ConnectionResetError:
        reset = True
    finally:
        sender.join(TIMEOUT)
        sock.close()
    assert not sender.is_alive()
    return b"".join(chunks), reset or bool(send_errors)


def assert_reset(port: int) -> None:
    """A new connection is reset: during connect() or at the first read, whichever wins."""
    with pytest.raises(ConnectionResetError):
        with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as sock:
            sock.recv(100)


def payload_of(size: int, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(size)


def open_fds() -> int:
    fd_dir = Path("/proc/self/fd")
    if not fd_dir.is_dir():
        pytest.skip("counting open file descriptors needs /proc")
    return len(os.listdir(fd_dir))


# -- pass-through ---------------------------------------------------------------------------


def test_pass_through_forwards_exactly(echo: EchoServer) -> None:
    data = payload_of(3 * 2**20 + 17)
    with CuttingProxy(("127.0.0.1", echo.port), seed=1) as proxy:
        assert proxy.port != 0
        assert proxy.url == f"https://127.0.0.1:{proxy.port}"
        received, reset = exchange(proxy.port, data)
        proxy.wait_idle()
        assert received == data and not reset
        assert (proxy.bytes_up, proxy.bytes_down) == (len(data), len(data))
        assert (proxy.cuts, proxy.connections, proxy.refused) == (0, 1, 0)
    assert echo.received == [len(data)]


def test_hundreds_of_concurrent_connections(echo: EchoServer) -> None:
    count = 300
    with CuttingProxy(("127.0.0.1", echo.port), seed=2) as proxy:
        socks = [socket.create_connection(("127.0.0.1", proxy.port), timeout=TIMEOUT)
                 for _ in range(count)]
        try:
            for i, sock in enumerate(socks):
                sock.sendall(f"message {i:04d}".encode() * 100)
                sock.shutdown(socket.SHUT_WR)
            for i, sock in enumerate(socks):
                got = b""
                while chunk := sock.recv(RECV_SIZE):
                    got += chunk
                assert got == f"message {i:04d}".encode() * 100
        finally:
            for sock in socks:
                sock.close()
        proxy.wait_idle()
        assert proxy.connections == count
        assert proxy.bytes_up == proxy.bytes_down == count * 1200
        assert proxy.cuts == 0


# -- cutting --------------------------------------------------------------------------------


def test_cuts_at_the_configured_point(echo: EchoServer) -> None:
    cut_at, size, runs = 10_000, 200_000, 20
    data = payload_of(size)
    with CuttingProxy(("127.0.0.1", echo.port), seed=3, cut_probability=1.0,
                      min_bytes=cut_at, max_bytes=cut_at) as proxy:
        results = [exchange(proxy.port, data) for _ in range(runs)]
        proxy.wait_idle()
        log = proxy.cut_log
        assert proxy.cuts == runs == len(log)
        assert [c.connection for c in log] == list(range(runs))
        assert {c.direction for c in log} == {"up", "down"}  # this seed draws both
        assert all(c.at == cut_at for c in log)
        for received, _reset in results:
            assert received == data[:len(received)]  # a prefix, never garbage
            assert len(received) <= cut_at < size
        # An up cut stops the request at exactly the cut point; a down cut lets at most the
        # whole request through. Down, nothing passes beyond the cut point either way (the
        # echo never sends more than it got).
        ups = sum(c.direction == "up" for c in log)
        assert ups * cut_at <= proxy.bytes_up <= ups * cut_at + (runs - ups) * size
        assert proxy.bytes_down <= runs * cut_at


def test_cut_points_are_seeded_and_within_range(echo: EchoServer) -> None:
    data = payload_of(120_000)

    def run(seed: int) -> tuple[list[Cut], list[bytes]]:
        with CuttingProxy(("127.0.0.1", echo.port), seed=seed, cut_probability=0.5,
                          min_bytes=1_000, max_bytes=50_000) as proxy:
            received = [exchange(proxy.port, data)[0] for _ in range(30)]
            proxy.wait_idle()
            return proxy.cut_log, received

    log, received = run(seed=11)
    assert run(seed=11)[0] == log  # same seed, same connection order: same cuts
    assert run(seed=12)[0] != log
    assert 0 < len(log) < 30
    assert all(1_000 <= cut.at <= 50_000 for cut in log)
    cut_connections = {cut.connection for cut in log}
    for index, got in enumerate(received):
        if index in cut_connections:
            assert len(got) <= 50_000
        else:
            assert got == data


def test_directions_limit_where_cuts_fall(echo: EchoServer) -> None:
    data = payload_of(50_000)
    for only in ("up", "down"):
        with CuttingProxy(("127.0.0.1", echo.port), seed=13, cut_probability=1.0,
                          min_bytes=1_000, max_bytes=20_000, directions=(only,)) as proxy:
            for _ in range(5):
                exchange(proxy.port, data)
            proxy.wait_idle()
            assert [c.direction for c in proxy.cut_log] == [only] * 5
    with pytest.raises(ValueError, match="directions"):
        CuttingProxy(("127.0.0.1", echo.port), seed=0, directions=())


def test_set_cutting_changes_behaviour_at_run_time(echo: EchoServer) -> None:
    data = payload_of(100_000)
    with CuttingProxy(("127.0.0.1", echo.port), seed=4,
                      min_bytes=5_000, max_bytes=5_000) as proxy:
        assert exchange(proxy.port, data) == (data, False)
        proxy.set_cutting(1.0)
        received, _reset = exchange(proxy.port, data)
        assert len(received) <= 5_000
        proxy.set_cutting(0.0)
        assert exchange(proxy.port, data) == (data, False)
        proxy.wait_idle()
        assert proxy.cuts == 1
        with pytest.raises(ValueError, match="within"):
            proxy.set_cutting(1.5)


# -- down / up ------------------------------------------------------------------------------


def test_down_refuses_new_connections_and_up_restores(echo: EchoServer) -> None:
    with CuttingProxy(("127.0.0.1", echo.port), seed=5) as proxy:
        survivor = socket.create_connection(("127.0.0.1", proxy.port), timeout=TIMEOUT)
        survivor.sendall(b"before")
        assert survivor.recv(100) == b"before"

        proxy.down()
        assert_reset(proxy.port)
        survivor.sendall(b"still up")  # connections opened earlier carry on
        assert survivor.recv(100) == b"still up"
        survivor.close()

        proxy.up()
        assert exchange(proxy.port, b"after") == (b"after", False)
        proxy.wait_idle()
        assert (proxy.refused, proxy.connections) == (1, 2)
    assert echo.accepted == 2  # the refused connection never reached the server


def test_unreachable_target_resets_the_client() -> None:
    with socket.create_server(("127.0.0.1", 0)) as placeholder:
        dead_port = int(placeholder.getsockname()[1])
    with CuttingProxy(("127.0.0.1", dead_port), seed=6) as proxy:
        assert_reset(proxy.port)
        proxy.wait_idle()
        assert proxy.connect_errors == 1


def test_rejects_bad_settings() -> None:
    with pytest.raises(ValueError, match="loopback"):
        CuttingProxy(("192.0.2.1", 443), seed=0)
    with pytest.raises(ValueError, match="min_bytes"):
        CuttingProxy(("127.0.0.1", 443), seed=0, min_bytes=10, max_bytes=9)
    with pytest.raises(ValueError, match="within"):
        CuttingProxy(("127.0.0.1", 443), seed=0, cut_probability=-0.1)


# -- clean stop -----------------------------------------------------------------------------


def test_stop_leaves_no_threads_or_sockets(echo: EchoServer) -> None:
    threads, fds = threading.active_count(), open_fds()
    proxy = CuttingProxy(("127.0.0.1", echo.port), seed=8)
    proxy.start()
    assert threading.active_count() == threads + 1
    socks = [socket.create_connection(("127.0.0.1", proxy.port), timeout=TIMEOUT)
             for _ in range(50)]
    for sock in socks:
        sock.sendall(b"ping")
        assert sock.recv(100) == b"ping"
    assert proxy.active == 50

    proxy.stop()  # with all 50 still open
    assert threading.active_count() == threads
    for sock in socks:
        with pytest.raises(ConnectionResetError):
            sock.recv(100)
        sock.close()
    echo.wait_idle()
    assert open_fds() == fds
    assert proxy.active == 0
    proxy.stop()  # idempotent
    with pytest.raises(RuntimeError, match="once"):
        proxy.start()


# -- HTTP -----------------------------------------------------------------------------------

BODY = payload_of(300_000, seed=9)


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test output is for failures."""


class _Server(http.server.HTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A reset mid-response is what these tests cause; the client side asserts it."""


def test_http_responses_pass_or_die_mid_response() -> None:
    server = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        with CuttingProxy(("127.0.0.1", server.server_address[1]), seed=10,
                          min_bytes=100_000, max_bytes=100_000) as proxy:
            conn = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=TIMEOUT)
            conn.request("GET", "/")
            assert conn.getresponse().read() == BODY
            conn.close()

            proxy.set_cutting(1.0)
            # Find a connection whose cut falls in the response (the request is < 100 kB,
            # so an "up" cut never fires and that request completes).
            failures = 0
            for _ in range(6):
                conn = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=TIMEOUT)
                try:
                    conn.request("GET", "/")
                    body = conn.getresponse().read()
                except (OSError, http.client.HTTPException):
                    failures += 1
                else:
                    assert body == BODY
                finally:
                    conn.close()
            proxy.wait_idle()
            assert failures == proxy.cuts > 0
            assert all(c.direction == "down" and c.at == 100_000 for c in proxy.cut_log)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(TIMEOUT)
