"""The registry's data directory: configuration, TLS certificate, log key, SQLite database.

::

    DIR/                 0700
      registry.json      origin, database URL, public URL, chunk storage
      log.key            0600  Ed25519 seed (hex) that signs checkpoints
      tls/cert.pem       the self-signed certificate clients pin
      tls/key.pem        0600
      registry.db        SQLite (default backend)
      chunks/            attachment chunks (filesystem chunk store)
"""

from __future__ import annotations

import json
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path

from fieldkit.crypto.keys import SigningKey
from fieldkit.errors import NotFoundError, VaultExistsError
from fieldkit.registry import tls
from fieldkit.storage.keyfile import atomic_write


@dataclass(frozen=True)
class RegistryConfig:
    origin: str               # checkpoint origin line, unique per registry
    database: str             # SQLAlchemy URL
    url: str                  # how devices reach it, e.g. https://127.0.0.1:8443
    chunks_in_database: bool  # PostgreSQL can hold chunks; default: files under DIR/chunks
    log_key_name: str

    def to_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class RegistryHome:
    root: Path

    @property
    def config_file(self) -> Path:
        return self.root / "registry.json"

    @property
    def log_key_file(self) -> Path:
        return self.root / "log.key"

    @property
    def tls_dir(self) -> Path:
        return self.root / "tls"

    @property
    def cert_file(self) -> Path:
        return self.tls_dir / "cert.pem"

    @property
    def key_file(self) -> Path:
        return self.tls_dir / "key.pem"

    @property
    def chunk_dir(self) -> Path:
        return self.root / "chunks"

    def init(self, *, database: str | None, url: str, hosts: list[str],
             chunks_in_database: bool = False) -> RegistryConfig:
        if self.config_file.exists():
            raise VaultExistsError(f"{self.root} already holds a registry.",
                                   hint="Use another --data directory, or serve this one.")
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        ident = secrets.token_hex(4)
        config = RegistryConfig(
            origin=f"fieldkit.registry/{ident}",
            database=database or f"sqlite:///{self.root / 'registry.db'}",
            url=url, chunks_in_database=chunks_in_database,
            log_key_name=f"fieldkit-registry-{ident}")
        tls.write_certificate(self.tls_dir, hosts=hosts)
        atomic_write(self.log_key_file, SigningKey.generate().to_bytes().hex().encode())
        if not chunks_in_database:
            self.chunk_dir.mkdir(mode=0o700, exist_ok=True)
        atomic_write(self.config_file, json.dumps(config.to_json(), indent=1).encode())
        return config

    def load(self) -> RegistryConfig:
        try:
            obj = json.loads(self.config_file.read_text(encoding="utf-8"))
            return RegistryConfig(**obj)
        except FileNotFoundError:
            raise NotFoundError(f"There is no registry at {self.root}.",
                                hint="Create one with `fieldkit-registry --data DIR init`.") \
                from None

    def log_key(self) -> SigningKey:
        return SigningKey.from_bytes(bytes.fromhex(self.log_key_file.read_text().strip()))

    def pin(self) -> str:
        return tls.certificate_pin(self.cert_file.read_bytes())
