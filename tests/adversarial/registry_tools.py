"""What the registry attacks share: raw requests at the edge (signed as anyone, or forged),
and a look at the registry's database on disk, as its operator (or an attacker on its host)
would see it."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from fieldkit.crypto.keys import SigningKey
from fieldkit.service import VaultService
from fieldkit.sync.httpsig import new_nonce, sign_request
from fieldkit.sync.transport import pinned_context

from .conftest import Field


def raw(f: Field, method: str, path_query: str, body: Any = None, *,
        key: SigningKey | None = None, claim: str | None = None) -> httpx.Response:
    """One request to the live registry, signed by ``key`` (or not at all). With ``claim``
    the signature input names that key id instead of ``key``'s: a forged request."""
    path, _, query = path_query.partition("?")
    data = body if isinstance(body, bytes) else (
        json.dumps(body).encode() if body is not None else b"")
    headers = {} if isinstance(body, bytes) else {"Content-Type": "application/json"}
    if key is not None:
        signed = sign_request(method=method, path=path, query=query, body=data, key=key,
                              created=int(time.time()), nonce=new_nonce())
        if claim is not None:
            signed = {k: v.replace(key.verify_key.key_id, claim) for k, v in signed.items()}
        headers.update(signed)
    with httpx.Client(verify=pinned_context(f.live.cert_pem)) as http:
        return http.request(method, f.live.url + path_query, content=data, headers=headers)


def key_of(client: Any) -> SigningKey:
    key: SigningKey = client.vault.device_key
    return key


def key_id(client: Any) -> str:
    return key_of(client).verify_key.key_id


@contextmanager
def registry_db(f: Field) -> Iterator[sqlite3.Connection]:
    """The live registry's SQLite database, opened beside the running server."""
    conn = sqlite3.connect(f.live.data / "registry.db", timeout=30, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


def log_entries(f: Field) -> list[dict[str, Any]]:
    with registry_db(f) as db:
        return [json.loads(bytes(d)) for (d,) in
                db.execute("SELECT data FROM log_leaves ORDER BY idx")]


def seal_incident(svc: VaultService, title: str, *, files: list[Path] | None = None) -> str:
    draft = svc.create_incident(title=title, category="hate_crime.arson",
                                occurred="2026-04-01", country="FR")
    for path in files or []:
        svc.add_evidence(draft.ref, path)
    return svc.seal(draft.ref).record_id
