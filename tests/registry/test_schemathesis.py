"""Schemathesis against the registry's served OpenAPI: generated requests, anonymous and signed
as each role, never get a 5xx. Bounded to fit CI (examples per operation below)."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from fieldkit.crypto.keys import SigningKey
from fieldkit.registry.app import create_app
from fieldkit.registry.config import RegistryHome
from fieldkit.registry.service import Registry
from fieldkit.sync.httpsig import new_nonce, sign_request

EXAMPLES = 25

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


class SigningProxy:
    """Signs each request with a device key on its way in, from the bytes actually sent (a
    client at the edge; the app under test is untouched)."""

    def __init__(self, app: Any, key: SigningKey | None) -> None:
        self.app, self.key = app, key

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.key is None:
            await self.app(scope, receive, send)
            return
        body = b""
        more = True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        signed = sign_request(method=scope["method"], path=scope["raw_path"].decode("ascii"),
                              query=scope["query_string"].decode("ascii"), body=body,
                              key=self.key, created=int(time.time()), nonce=new_nonce())
        headers = [(k, v) for k, v in scope["headers"]
                   if k.lower() not in (b"content-digest", b"signature", b"signature-input")]
        headers += [(k.lower().encode(), v.encode()) for k, v in signed.items()]
        sent = False

        async def replay() -> MutableMapping[str, Any]:
            nonlocal sent
            if sent:
                return {"type": "http.disconnect"}
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app({**scope, "headers": headers}, replay, send)


def _registry(tmp: Path) -> tuple[Registry, dict[str, SigningKey]]:
    home = RegistryHome(tmp / "registry")
    home.init(database=None, url="https://127.0.0.1:1", hosts=["127.0.0.1"])
    registry = Registry.open(home)
    keys = {}
    for role in ("monitor", "staff", "admin"):
        key = SigningKey.generate()
        registry.store.add_device(key_id=key.verify_key.key_id,
                                  public_key=key.verify_key.to_bytes(), role=role, label=role,
                                  enrolled_at="2026-11-24T00:00:00Z", enrol_index=None)
        keys[role] = key
    return registry, keys


@pytest.mark.slow
@pytest.mark.parametrize("role", ["anonymous", "monitor", "staff", "admin"])
def test_no_server_errors(tmp_path: Path, role: str) -> None:
    registry, keys = _registry(tmp_path)
    app = SigningProxy(create_app(registry), keys.get(role))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures: list[str] = []
    calls: list[int] = []
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case: schemathesis.Case) -> None:
            response = case.call()
            calls.append(response.status_code)
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path}: "
                                f"{response.status_code} {response.text[:200]}")
            elif response.status_code >= 400:
                body = response.json()  # every error has the one JSON shape
                assert set(body) == {"error"}, response.text[:200]
                assert set(body["error"]) == {"code", "message", "details"}

        given(case=operation.as_strategy())(run)()
    registry.close()
    assert operations >= 15
    assert len(calls) >= 4 * operations, "schemathesis generated too few requests"
    if role != "anonymous":
        assert any(s < 400 for s in calls), "no generated request got past authentication"
    assert not failures, "\n".join(failures[:20])
