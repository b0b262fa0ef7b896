"""A real registry for tests: `fieldkit-registry init` and `serve` as subprocesses, HTTPS on a
free loopback port, and enrolled devices talking to it through the pinned-certificate client."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from fieldkit.crypto.keys import SigningKey
from fieldkit.sync.enrollment import EnrollmentCode
from fieldkit.sync.transport import RegistryClient, enroll, fetch_pinned_certificate


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def registry_cli(data: Path, *args: str, check: bool = True) -> dict[str, object]:
    proc = subprocess.run([sys.executable, "-m", "fieldkit.registry", "--data", str(data), *args,
                           "--json"], capture_output=True, text=True, timeout=120)
    if check and proc.returncode != 0:
        raise AssertionError(f"fieldkit-registry {' '.join(args)} failed:\n{proc.stdout}\n"
                             f"{proc.stderr}")
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


@dataclass
class Device:
    key: SigningKey
    client: RegistryClient
    role: str

    @property
    def key_id(self) -> str:
        return self.key.verify_key.key_id


@dataclass
class LiveRegistry:
    data: Path
    port: int
    url: str
    admin_code: str
    cert_pem: bytes
    proc: subprocess.Popen[bytes] | None = None
    clients: list[RegistryClient] = field(default_factory=list)

    @classmethod
    def create(cls, data: Path, *, database: str | None = None) -> LiveRegistry:
        # `fieldkit-registry init`'s own function, in this process (tests/test_deploy.py and
        # others run the command itself): a subprocess would cost a Python start-up per test.
        from fieldkit.registry.cli import create_registry
        from fieldkit.registry.config import RegistryHome

        port = free_port()
        home = RegistryHome(data)
        url = f"https://127.0.0.1:{port}"
        code = create_registry(home, url=url, host="127.0.0.1", database=database).code.to_text()
        reg = cls(data, port, url, code, b"")
        reg.start()
        reg.cert_pem = fetch_pinned_certificate(reg.url, home.pin())
        return reg

    def start(self) -> None:
        self.proc = self.serve(self.port)

    def serve(self, port: int) -> subprocess.Popen[bytes]:
        """Start a `serve` process on ``port`` (several may serve one PostgreSQL database)."""
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        # A file, not a pipe: a pipe nobody reads fills up and blocks the server's logging.
        log = open(self.data / f"serve-{port}.log", "ab")  # noqa: SIM115 - owned by the child
        proc = subprocess.Popen(
            [sys.executable, "-m", "fieldkit.registry", "--data", str(self.data), "serve",
             "--port", str(port)], env=env, stdout=log, stderr=log)
        log.close()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise AssertionError("the registry exited: " + (
                    self.data / f"serve-{port}.log").read_text(errors="replace"))
            try:
                httpx.get(f"https://127.0.0.1:{port}/v1/health", verify=False,
                          timeout=1)
                return proc
            except httpx.TransportError:
                time.sleep(0.05)
        proc.kill()
        raise AssertionError("the registry did not start within 30 s")

    def stop(self, *, kill: bool = False) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
            self.proc.wait(timeout=30)
        self.proc = None

    def close(self) -> None:
        """End of a test: stop the server without waiting out uvicorn's 5 s grace for
        keep-alive connections a test left open (a killed registry is safe: tests show it)."""
        for c in self.clients:
            c.close()
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=1)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=30)
        self.proc = None

    def client(self, key: SigningKey | None = None, *, url: str | None = None) -> RegistryClient:
        c = RegistryClient(url or self.url, cert_pem=self.cert_pem, key=key)
        self.clients.append(c)
        return c

    def enroll(self, role: str, *, admin: Device | None = None, label: str = "") -> Device:
        if role == "admin" and admin is None:
            code_text = self.admin_code
        elif admin is not None:
            code_text = admin.client.post_json("/v1/admin/enroll-codes", {"role": role})["code"]
        else:
            code_text = str(registry_cli(self.data, "enroll-code", "--role", role)["code"])
        key = SigningKey.generate()
        enroll(EnrollmentCode.from_text(code_text), key, label=label or role,
               cert_pem=self.cert_pem)
        return Device(key, self.client(key), role)
