"""The command lines in deploy/ (systemd unit, container file) start a registry that answers.

Neither systemd nor a container engine runs here, so this runs exactly the argument lists the
unit's ExecStart and the image's ENTRYPOINT + CMD hold (their paths swapped for a temporary
data directory and a free port) and asks the registry for its health."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

import httpx
from registry.harness import free_port, registry_cli

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"


def _serve_until_healthy(argv: list[str], port: int) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "fieldkit.registry", *argv],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
            try:
                answer = httpx.get(f"https://127.0.0.1:{port}/v1/health", verify=False,
                                   timeout=1)
                assert answer.status_code == 200
                return
            except httpx.TransportError:
                time.sleep(0.1)
        raise AssertionError("the registry did not answer within 30 s")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _swap(argv: list[str], data: Path, port: int) -> list[str]:
    out = []
    for i, arg in enumerate(argv):
        if i and argv[i - 1] == "--data":
            out.append(str(data))
        elif i and argv[i - 1] == "--port":
            out.append(str(port))
        elif i and argv[i - 1] == "--host":
            out.append("127.0.0.1")  # tests reach loopback only
        else:
            out.append(arg)
    return out


def test_the_systemd_unit_starts_a_registry(tmp_path: Path) -> None:
    unit = (DEPLOY / "fieldkit-registry.service").read_text()
    exec_start = re.search(r"^ExecStart=(.+)$", unit, re.M)
    assert exec_start is not None
    argv = shlex.split(exec_start.group(1))
    assert argv[0].endswith("/bin/fieldkit-registry")
    assert re.search(r"^User=fieldkit$", unit, re.M) and "UMask=0077" in unit
    port = free_port()
    registry_cli(tmp_path / "data", "init", "--port", str(port))
    _serve_until_healthy(_swap(argv[1:], tmp_path / "data", port), port)


def test_the_container_image_command_starts_a_registry(tmp_path: Path) -> None:
    text = (DEPLOY / "Containerfile").read_text()
    entry = json.loads(re.search(r"^ENTRYPOINT (.+)$", text, re.M).group(1))  # type: ignore[union-attr]
    cmd = json.loads(re.search(r"^CMD (.+)$", text, re.M).group(1))  # type: ignore[union-attr]
    assert entry == ["fieldkit-registry"]
    assert re.search(r"^USER fieldkit$", text, re.M)
    port = free_port()
    registry_cli(tmp_path / "data", "init", "--port", str(port))
    _serve_until_healthy(_swap(cmd, tmp_path / "data", port), port)
