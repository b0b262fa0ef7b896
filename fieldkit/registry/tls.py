"""The registry's self-signed TLS certificate, and the pin clients keep.

The pin is the SHA-256 of the certificate's DER bytes (hex). A device learns it from its
enrolment code, fetches the certificate once, checks it against the pin, and from then on
trusts that certificate alone (see :mod:`fieldkit.sync.transport`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from fieldkit.storage.keyfile import atomic_write

VALIDITY_DAYS = 3650


def generate_certificate(*, hosts: list[str]) -> tuple[bytes, bytes]:
    """Return (certificate PEM, private key PEM) for a P-256 key, valid for ``hosts`` (DNS
    names or IP addresses) and always for localhost and 127.0.0.1."""
    key = ec.generate_private_key(ec.SECP256R1())
    names: list[x509.GeneralName] = []
    for host in dict.fromkeys([*hosts, "localhost", "127.0.0.1", "::1"]):
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            names.append(x509.DNSName(host))
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "FieldKit registry")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder()
            .subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=VALIDITY_DAYS))
            .add_extension(x509.SubjectAlternativeName(names), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .sign(key, hashes.SHA256()))
    cert_pem = cert.public_bytes(serialization.Encoding.PEM)
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return cert_pem, key_pem


def write_certificate(directory: Path, *, hosts: list[str]) -> tuple[Path, Path]:
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    cert_pem, key_pem = generate_certificate(hosts=hosts)
    atomic_write(directory / "key.pem", key_pem)
    atomic_write(directory / "cert.pem", cert_pem)
    return directory / "cert.pem", directory / "key.pem"


def certificate_pin(cert_pem: bytes) -> str:
    """SHA-256 (hex) of the certificate's DER encoding."""
    der = x509.load_pem_x509_certificate(cert_pem).public_bytes(serialization.Encoding.DER)
    return hashlib.sha256(der).hexdigest()
