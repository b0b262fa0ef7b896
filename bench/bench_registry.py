"""Registry benchmarks: sealed-record ingest and chunk upload over real HTTPS on loopback.

    .venv/bin/python bench/bench_registry.py [--records 5000] [--batch 50] [--clients 1,10,50]
        [--chunk-mib 64] [--no-postgres] [--profile sqlite|postgres|chunks]

Ingest: a registry is created with ``python -m fieldkit.registry --data DIR init`` (SQLite in
a temporary directory; then PostgreSQL in a fresh database ``fk_bench_<hex>`` on
127.0.0.1:5432, dropped at the end) and served with ``serve`` on a free loopback port. Each
client is a thread with its own enrolled monitor device, its own :class:`RegistryClient`
(pinned certificate, one keep-alive HTTPS connection) and its own hash-linked chain of sealed
incidents (~1 KiB description each). It submits ``POST /v1/records`` batches of ``--batch``
envelopes; the server verifies each request signature and every envelope signature, logs the
records and answers one receipt with an inclusion proof per record. Records are sealed and
request bodies canonicalised before the clock starts (they are the device's work, not the
registry's); the clock covers signing the request, the round trip and parsing the receipts.
``--records`` records per configuration; the log keeps growing from one configuration to
the next on the same backend. Extra PostgreSQL rows: two ``serve`` processes on one database,
clients split between them (this machine's Python processes each use one core).

CPU columns: seconds of CPU used during the timed part by the registry process(es), by all
PostgreSQL backends, and by this (client) process, against wall time x cores available.

Chunks: ``PUT /v1/chunks/{sha256}`` of ``--chunk-mib`` MiB in 4 MiB random chunks, one client,
through the registry (SQLite, chunks as files: hashed twice, written, fsynced) and through a
bare uvicorn ASGI app that reads the body and answers 200, served over HTTPS with the same
certificate, same client code path (signed RegistryClient requests, same sizes). Best of
three alternating rounds each.

``--profile sqlite|postgres`` additionally runs one 10-client ingest with the registry under
cProfile and prints where its time goes; ``--profile chunks`` profiles the chunk upload.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import math
import os
import pstats
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx

from fieldkit.crypto.jcs import canonicalize
from fieldkit.crypto.keys import SigningKey
from fieldkit.crypto.orgkey import OrgPrivateKey
from fieldkit.domain import sealing
from fieldkit.sync import submission
from fieldkit.sync.checkpoint import NoteVerifier
from fieldkit.sync.enrollment import EnrollmentCode
from fieldkit.sync.protocol import Receipt
from fieldkit.sync.receipts import verify_receipt
from fieldkit.sync.transport import RegistryClient, enroll, fetch_pinned_certificate

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432"
ORG = OrgPrivateKey.generate()  # records travel sealed to it (the registry takes no others)
TARGET_PG_RATE = 1500.0
TARGET_CHUNK_RATIO = 0.5
CHUNK = 4 * 1024 * 1024
CORES = os.cpu_count() or 1
TICKS = os.sysconf("SC_CLK_TCK")
DESCRIPTION = ("وقع الاعتداء بالمسجد مساء الجمعة، incident near the mosque entrance, "
               "свидетели видели двоих мужчин. ") * 12


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --- processes --------------------------------------------------------------------------------

def cpu_seconds(pid: int) -> float:
    """utime + stime of a process (0 if it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def postgres_cpu() -> float:
    """CPU seconds of every process named postgres (server and backends) visible here."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                if (entry / "comm").read_text().strip() == "postgres":
                    total += cpu_seconds(int(entry.name))
    return total


def stop_process(proc: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    """SIGTERM (or ``sig``), wait, then SIGKILL: never leave a server behind."""
    if proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


def wait_listening(proc: subprocess.Popen[bytes], port: int, what: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
            raise RuntimeError(f"{what} exited: {err[-2000:]}")
        try:
            httpx.get(f"https://127.0.0.1:{port}/v1/health", verify=False, timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.05)
    raise RuntimeError(f"{what} did not start within 30 s")


def registry_cli(data: Path, *args: str) -> dict[str, Any]:
    import json

    proc = subprocess.run([sys.executable, "-m", "fieldkit.registry", "--data", str(data),
                           *args, "--json"], capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        raise RuntimeError(f"fieldkit-registry {' '.join(args)} failed:\n{proc.stdout}\n"
                           f"{proc.stderr}")
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


@dataclass
class Registry:
    """A registry data directory and the `serve` processes started on it."""

    data: Path
    url: str
    admin_code: str
    cert_pem: bytes = b""
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    admin: SigningKey | None = None

    @classmethod
    def create(cls, data: Path, *, database: str | None = None) -> Registry:
        port = free_port()
        extra = ["--database", database] if database else []
        info = registry_cli(data, "init", "--port", str(port), *extra)
        reg = cls(data, str(info["url"]), str(info["admin_enrollment_code"]))
        reg.serve(port)
        reg.cert_pem = fetch_pinned_certificate(reg.url, str(info["pin"]))
        reg.admin = SigningKey.generate()
        enroll(EnrollmentCode.from_text(reg.admin_code), reg.admin, label="bench admin",
               cert_pem=reg.cert_pem)
        with reg.client(reg.admin) as admin:  # the registry takes only records sealed to it
            admin.post_json("/v1/admin/org-key", {"org_key": ORG.public_key.to_text()})
        return reg

    def serve(self, port: int, *, profile_to: Path | None = None) -> str:
        prefix = ["-m", "cProfile", "-o", str(profile_to)] if profile_to else []
        proc = subprocess.Popen(
            [sys.executable, *prefix, "-m", "fieldkit.registry", "--data", str(self.data),
             "serve", "--port", str(port)],
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.procs.append(proc)
        wait_listening(proc, port, "the registry")
        url = f"https://127.0.0.1:{port}"
        self.urls.append(url)
        return url

    def stop_extra(self) -> None:
        """Stop every serve process but the first."""
        while len(self.procs) > 1:
            stop_process(self.procs.pop())
            self.urls.pop()

    def close(self, sig: int = signal.SIGTERM) -> None:
        while self.procs:
            stop_process(self.procs.pop(), sig)

    def server_cpu(self) -> float:
        return sum(cpu_seconds(p.pid) for p in self.procs)

    def client(self, key: SigningKey | None, url: str | None = None) -> RegistryClient:
        return RegistryClient(url or self.url, cert_pem=self.cert_pem, key=key)

    def monitors(self, n: int) -> list[SigningKey]:
        keys = []
        with self.client(self.admin) as admin:
            for i in range(n):
                code = admin.post_json("/v1/admin/enroll-codes", {"role": "monitor"})["code"]
                key = SigningKey.generate()
                enroll(EnrollmentCode.from_text(code), key, label=f"bench monitor {i}",
                       cert_pem=self.cert_pem)
                keys.append(key)
        return keys


# --- ingest -----------------------------------------------------------------------------------

@dataclass
class IngestResult:
    label: str
    clients: int
    records: int
    seconds: float
    latencies: list[float]
    server_cpu: float
    pg_cpu: float
    client_cpu: float

    @property
    def rate(self) -> float:
        return self.records / self.seconds

    def pct(self, q: float) -> float:
        xs = sorted(self.latencies)
        return xs[min(len(xs) - 1, max(0, math.ceil(q * len(xs)) - 1))] * 1000


def sealed_bodies(key: SigningKey, batches: int, batch: int) -> list[bytes]:
    """A device's chain of sealed incidents as canonical POST /v1/records bodies."""
    bodies, head, seq = [], None, 0
    for _ in range(batches):
        envs = []
        for _ in range(batch):
            seq += 1
            rec = sealing.seal(kind="incident", key=key, seq=seq, chain_prev=head, prev=None,
                               sealed_at="2026-11-24T00:00:00Z",
                               record={"title": f"incident {seq}", "category":
                                       "hate_crime.physical_assault", "country": "FR",
                                       "occurred": "2026-03-13", "description": DESCRIPTION})
            head = rec.record_id
            envs.append(submission.make(rec, key=key, org=ORG.public_key, files=[]).to_json())
        bodies.append(canonicalize({"envelopes": envs}))
    return bodies


def run_ingest(reg: Registry, label: str, *, clients: int, total: int, batch: int,
               with_pg: bool) -> IngestResult:
    per_client = max(1, math.ceil(total / clients / batch))
    keys = reg.monitors(clients)
    bodies = [sealed_bodies(k, per_client, batch) for k in keys]
    conns = [reg.client(k, reg.urls[i % len(reg.urls)]) for i, k in enumerate(keys)]
    for c in conns:  # TLS handshake and keep-alive connection before the clock starts
        c.get_json("/v1/whoami")
    latencies: list[float] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)
    last_receipt: list[dict[str, Any]] = []

    def work(client: RegistryClient, mine: list[bytes]) -> None:
        own: list[float] = []
        try:
            start.wait()
            for body in mine:
                t0 = time.perf_counter()
                answer = client.request("POST", "/v1/records", content=body,
                                        headers={"Content-Type": "application/json"}).json()
                own.append(time.perf_counter() - t0)
                got = answer["receipts"]
                if len(got) != batch or any(r["duplicate"] or r.get("gap") for r in got):
                    raise RuntimeError(f"unexpected receipts: {str(got)[:300]}")
            with lock:
                last_receipt[:] = [got[-1]]
        except BaseException as e:  # noqa: BLE001 - reported by the main thread
            errors.append(e)
        with lock:
            latencies.extend(own)

    threads = [threading.Thread(target=work, args=(c, b)) for c, b in zip(conns, bodies,
                                                                          strict=True)]
    for t in threads:
        t.start()
    srv0, pg0, cli0 = reg.server_cpu(), postgres_cpu() if with_pg else 0.0, time.process_time()
    start.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    srv1, pg1, cli1 = reg.server_cpu(), postgres_cpu() if with_pg else 0.0, time.process_time()
    for c in conns:
        c.close()
    if errors:
        raise RuntimeError(f"{len(errors)} client(s) failed; first: {errors[0]!r}")
    # one receipt checked end to end (outside the clock): signed checkpoint + inclusion proof
    code = EnrollmentCode.from_text(reg.admin_code)
    receipt = Receipt.model_validate(last_receipt[0])
    verify_receipt(receipt, verifier=NoteVerifier.from_vkey(code.log_key), origin=code.origin,
                   record_id=receipt.record_id)
    return IngestResult(label, clients, clients * per_client * batch, elapsed, latencies,
                        srv1 - srv0, pg1 - pg0, cli1 - cli0)


def print_ingest_header() -> None:
    print(f"{'backend':<22}{'clients':>8}{'records':>9}{'rec/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
          f"   CPU s: {'server':>7}{'pg':>7}{'client':>7}{'avail':>7}")


def print_ingest(r: IngestResult) -> None:
    print(f"{r.label:<22}{r.clients:>8}{r.records:>9}{r.rate:>9,.0f}{r.pct(0.5):>9.1f}"
          f"{r.pct(0.99):>9.1f}          {r.server_cpu:>7.1f}{r.pg_cpu:>7.1f}"
          f"{r.client_cpu:>7.2f}{r.seconds * CORES:>7.1f}", flush=True)


# --- PostgreSQL -------------------------------------------------------------------------------

@contextlib.contextmanager
def pg_database() -> Iterator[str | None]:
    """A fresh database fk_bench_<hex>, dropped afterwards; None if PostgreSQL is unreachable."""
    import sqlalchemy as sa
    from sqlalchemy import exc as sa_exc
    from sqlalchemy.pool import NullPool

    engine = sa.create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT",
                              poolclass=NullPool, connect_args={"connect_timeout": 5})
    name = f"fk_bench_{secrets.token_hex(6)}"
    try:
        with engine.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa_exc.OperationalError as e:
        engine.dispose()
        print(f"PostgreSQL unreachable at 127.0.0.1:5432 ({str(e.orig).strip()[:200]}); "
              "skipping the PostgreSQL rows.")
        yield None
        return
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        with engine.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


# --- chunks -----------------------------------------------------------------------------------

async def bare_app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """The baseline: read the whole request body, answer 200 with its size."""
    if scope["type"] != "http":
        return
    parts, more = [], True
    while more:
        message = await receive()
        parts.append(message.get("body", b""))
        more = message.get("more_body", False)
    body = b'{"size": %d}' % len(b"".join(parts))
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def serve_bare(port: int, cert: str, key: str) -> None:
    import uvicorn

    # the same uvicorn settings as `fieldkit-registry serve`
    uvicorn.run(bare_app, host="127.0.0.1", port=port, log_level="warning", access_log=False,
                timeout_graceful_shutdown=5, lifespan="off", ssl_certfile=cert,
                ssl_keyfile=key)


def put_chunks(client: RegistryClient, chunks: list[bytes], path_of: Any) -> float:
    """MiB/s of PUTting the chunks in order through ``client``."""
    t0 = time.perf_counter()
    for data in chunks:
        client.request("PUT", path_of(data), content=data,
                       headers={"Content-Type": "application/octet-stream"})
    return sum(map(len, chunks)) / (1024 * 1024) / (time.perf_counter() - t0)


def run_chunks(reg: Registry, mib: int) -> tuple[float, float]:
    n = max(1, mib * 1024 * 1024 // CHUNK)
    port = free_port()
    bare = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--serve-bare", str(port),
         str(reg.data / "tls" / "cert.pem"), str(reg.data / "tls" / "key.pem")],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_listening(bare, port, "the bare uvicorn server")
        key = reg.monitors(1)[0]
        registry_rates, bare_rates = [], []
        with reg.client(key) as to_registry, \
                reg.client(key, f"https://127.0.0.1:{port}") as to_bare:
            def chunk_path(data: bytes) -> str:
                return f"/v1/chunks/{hashlib.sha256(data).hexdigest()}"

            warm = [os.urandom(CHUNK)]
            put_chunks(to_registry, warm, chunk_path)
            put_chunks(to_bare, warm, chunk_path)
            for _ in range(3):
                chunks = [os.urandom(CHUNK) for _ in range(n)]  # new bytes: no deduplication
                bare_rates.append(put_chunks(to_bare, chunks, chunk_path))
                registry_rates.append(put_chunks(to_registry, chunks, chunk_path))
    finally:
        stop_process(bare)
    return max(registry_rates), max(bare_rates)


# --- profiling --------------------------------------------------------------------------------

def profile_ingest(reg: Registry, out: Path, *, clients: int, total: int, batch: int,
                   with_pg: bool) -> None:
    reg.close()
    reg.urls.clear()
    port = int(reg.url.rsplit(":", 1)[1])
    reg.serve(port, profile_to=out)
    r = run_ingest(reg, "profiled", clients=clients, total=total, batch=batch,
                   with_pg=with_pg)
    print_ingest_header()
    print_ingest(r)
    # uvicorn re-raises the signal after shutting down; SIGINT becomes KeyboardInterrupt,
    # which lets cProfile write its file (SIGTERM would end the process first)
    reg.close(signal.SIGINT)
    print_profile(out)


def print_profile(path: Path) -> None:
    stats = pstats.Stats(str(path))
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(40)


# --- main -------------------------------------------------------------------------------------

def ingest_backend(label: str, root: Path, database: str | None, args: argparse.Namespace,
                   results: list[IngestResult]) -> None:
    with_pg = database is not None
    reg = Registry.create(root, database=database)
    try:
        for n in args.clients:
            results.append(run_ingest(reg, label, clients=n, total=args.records,
                                      batch=args.batch, with_pg=with_pg))
            print_ingest(results[-1])
        if with_pg:
            reg.serve(free_port())
            for n in args.two_process_clients:
                results.append(run_ingest(reg, f"{label} x2 processes", clients=n,
                                          total=args.records, batch=args.batch,
                                          with_pg=True))
                print_ingest(results[-1])
            reg.stop_extra()
        if args.profile == ("postgres" if with_pg else "sqlite"):
            profile_ingest(reg, root / "serve.prof", clients=10, total=args.records,
                           batch=args.batch, with_pg=with_pg)
    finally:
        reg.close()


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--serve-bare":
        serve_bare(int(sys.argv[2]), sys.argv[3], sys.argv[4])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--records", type=int, default=5000, help="records per configuration")
    parser.add_argument("--batch", type=int, default=50, help="records per request")
    parser.add_argument("--clients", default="1,10,50", help="concurrent clients per row")
    parser.add_argument("--two-process-clients", default="50",
                        help="clients for the two-process PostgreSQL row(s)")
    parser.add_argument("--chunk-mib", type=int, default=64)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--profile", choices=["sqlite", "postgres", "chunks"])
    args = parser.parse_args()
    args.clients = [int(x) for x in args.clients.split(",") if x]
    args.two_process_clients = [int(x) for x in args.two_process_clients.split(",") if x]

    print(f"Registry benchmarks — {CORES} cores, Python {sys.version.split()[0]}, "
          f"batch {args.batch}, ~{args.records} records per row\n")
    print("Ingest: POST /v1/records over HTTPS (request + envelope signatures verified, "
          "logged, receipts with inclusion proofs)")
    print_ingest_header()
    results: list[IngestResult] = []
    t_start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="fk-bench-registry-") as tmp:
        root = Path(tmp)
        ingest_backend("SQLite", root / "sqlite", None, args, results)
        if not args.no_postgres:
            with pg_database() as url:
                if url is not None:
                    ingest_backend("PostgreSQL", root / "postgres", url, args, results)
        pg_rates = [r.rate for r in results if r.label.startswith("PostgreSQL")]
        if pg_rates:
            best = max(pg_rates)
            print(f"\nTarget: >= {TARGET_PG_RATE:,.0f} records/s on PostgreSQL — best "
                  f"{best:,.0f} records/s: {'MET' if best >= TARGET_PG_RATE else 'NOT MET'}")

        if args.chunk_mib <= 0:
            return
        print(f"\nChunks: PUT /v1/chunks/{{sha256}}, {args.chunk_mib} MiB as 4 MiB random "
              "chunks, one client, best of 3")
        reg = Registry.create(root / "chunks")
        prof = root / "chunks.prof"
        try:
            if args.profile == "chunks":
                reg.close()
                reg.urls.clear()
                reg.serve(int(reg.url.rsplit(":", 1)[1]), profile_to=prof)
            registry_rate, bare_rate = run_chunks(reg, args.chunk_mib)
        finally:
            reg.close(signal.SIGINT if args.profile == "chunks" else signal.SIGTERM)
        ratio = registry_rate / bare_rate
        print(f"{'registry (SQLite, file chunks)':<34}{registry_rate:>9,.1f} MiB/s")
        print(f"{'bare uvicorn ASGI, same TLS':<34}{bare_rate:>9,.1f} MiB/s")
        print(f"Target: ratio >= {TARGET_CHUNK_RATIO} — ratio {ratio:.2f}: "
              f"{'MET' if ratio >= TARGET_CHUNK_RATIO else 'NOT MET'}")
        if args.profile == "chunks":
            print_profile(prof)
    print(f"\n(total {time.perf_counter() - t_start:.0f} s)")


if __name__ == "__main__":
    main()
