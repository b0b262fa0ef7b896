"""A split view (issue 10, "a registry that shows two clients different histories is
detected, and the vault says which"): the registry's host shows one monitor a log with an
entry nobody else sees, consistently over time, so that monitor's own checks all pass. The
monitor's signed submissions carry the newest checkpoint it trusts (gossip); staff check each
against their own view when they pull, and name the device whose view differs."""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest

from fieldkit.sync import merkle
from fieldkit.sync.client import SplitViewError

from .conftest import Field
from .test_pull_trust import (
    assert_kept,
    held,
    registry_host,
    seal,
    through,
    trusted_state,
)


class ForkedView:
    """The history one victim is shown: the real log with one hidden entry inserted at
    ``at``; every later real index moves up by one. Receipts, enrolment answers and
    consistency proofs to the victim are recomputed over it and signed with the registry's
    own log key, so every check the victim makes on its own holds."""

    def __init__(self, f: Field, at: int) -> None:
        self.f = f
        self.at = at

    def tree(self) -> tuple[merkle.MemoryTree, Any]:
        """The forked tree over the whole real log as it is now, and the log key."""
        with registry_host(self.f) as reg:
            size = reg.store.log_size()
            leaves = [reg.store.leaf(i) for i in range(size)]
            signer, origin = reg.signer, reg.config.origin
        tree = merkle.MemoryTree()
        for i, leaf in enumerate(leaves):
            if i == self.at:
                tree.append(b'{"type":"admin","action":"shown to one device only"}')
            tree.append(leaf)
        return tree, (signer, origin)

    def index(self, real: int) -> int:
        return real + 1 if real >= self.at else real

    def rewrite(self, request: httpx.Request, body: Any) -> Any:
        path = request.url.path
        if path == "/v1/records" and request.method == "POST":
            tree, key = self.tree()
            for receipt in body["receipts"]:
                self._prove(receipt, tree, key)
            return body
        if path.startswith("/v1/receipts/"):
            tree, key = self.tree()
            self._prove(body, tree, key)
            return body
        if path.endswith("/enrolment"):
            tree, (signer, origin) = self.tree()
            body["log_index"] = self.index(body["log_index"])
            body["inclusion_proof"] = _b64(tree.inclusion_proof(body["log_index"], tree.size))
            body["checkpoint"] = signer.sign_checkpoint(origin, tree.size, tree.root()).text
            if body.get("revocation"):
                r = body["revocation"]
                r["log_index"] = self.index(r["log_index"])
                r["inclusion_proof"] = _b64(tree.inclusion_proof(r["log_index"], tree.size))
            return body
        if path == "/v1/log/consistency":
            tree, _key = self.tree()
            q = parse_qs(request.url.query.decode())
            first, second = int(q["first"][0]), int(q["second"][0])
            return httpx.Response(200, request=request, json={
                "first": first, "second": second,
                "proof": _b64(tree.consistency_proof(first, second))})
        return None

    def _prove(self, receipt: dict[str, Any], tree: merkle.MemoryTree, key: Any) -> None:
        signer, origin = key
        receipt["log_index"] = self.index(receipt["log_index"])
        receipt["inclusion_proof"] = _b64(tree.inclusion_proof(receipt["log_index"], tree.size))
        receipt["checkpoint"] = signer.sign_checkpoint(origin, tree.size, tree.root()).text


def _b64(hashes: list[bytes]) -> list[str]:
    return [base64.b64encode(h).decode() for h in hashes]


def test_a_registry_that_shows_a_monitor_another_history_is_named(field: Field) -> None:
    """Threat: the registry shows a monitor a history of its log that staff never see (a
    split view: e.g. an entry shown to one device only), consistently over time, so each
    side's own checks pass. Stopped by: each signed submission carries the newest checkpoint
    its monitor trusts; staff check it against their own view (a consistency proof asked of
    the registry, in either direction) and, when none holds, distrust the registry with a
    ``SplitViewError`` naming that device and keep both signed checkpoints as evidence. The
    records themselves (proved in the staff's own view) and other devices' records arrive."""
    first = seal(field.alice, 1, "alice before the fork")
    field.alice.push()
    assert field.staff.pull().records == 1
    before = trusted_state(field.staff)
    alice = field.alice.vault.device_key.verify_key.key_id

    with registry_host(field) as reg:
        fork_at = reg.store.log_size()
    view = ForkedView(field, fork_at)
    forked_alice = through(field.alice, view.rewrite, field.live.cert_pem)
    shown = seal(field.alice, 1, "alice on the fork")
    forked_alice.push()                          # alice now trusts the forked history …
    gossiping = seal(field.alice, 1, "alice gossips")
    forked_alice.push()                          # … and says so inside her next submission
    assert field.alice.status()["registry"]["distrusted"] is None, "alice saw nothing wrong"
    honest = seal(field.mallory, 1, "mallory meanwhile")
    field.mallory.push()

    with pytest.raises(SplitViewError) as caught:
        field.staff.pull()

    assert caught.value.details["device"] == alice
    assert alice in caught.value.message
    evidence = field.staff.conflicts()
    assert [(c["kind"], c["device"]) for c in evidence] == [("split_view", alice)]
    assert evidence[0]["theirs"] != evidence[0]["ours"]
    assert "split_view" in (field.staff.status()["registry"]["distrusted"] or "")
    assert held(field.staff) >= set(first + shown + gossiping + honest)
    assert field.staff.quarantined() == []
    assert_kept(before, field.staff)


def test_a_hostile_monitor_cannot_frame_the_registry_with_gossip(field: Field) -> None:
    """Threat: a monitor turned hostile gossips a checkpoint the log key never signed (or a
    genuine old one) to make staff distrust an honest registry. Stopped by: staff open a
    gossiped note with the pinned log key and ignore (and log) one it did not sign; a genuine
    older checkpoint is historical and proved consistent, so nothing is raised and the record
    is kept."""
    from fieldkit.crypto.keys import SigningKey
    from fieldkit.sync import submission
    from fieldkit.sync.checkpoint import NoteSigner
    from fieldkit.sync.transport import RegistryClient

    from .test_pull_trust import sealed_records

    org = field.staff.org_public()
    assert org is not None
    with registry_host(field) as reg:
        name, origin, size = reg.signer.name, reg.config.origin, reg.store.log_size()
        genuine_old = reg.store.checkpoint(size)
    fake = NoteSigner(name, SigningKey.generate()).sign_checkpoint(
        origin, size + 5, b"\x07" * 32).text
    ids = seal(field.mallory, 2, "mallory gossips")
    envelopes = [submission.make(s, key=field.mallory.vault.device_key, org=org, files=[],
                                 checkpoint=note).to_json()
                 for s, note in zip(sealed_records(field.mallory, ids), (fake, genuine_old),
                                    strict=True)]
    with RegistryClient(field.live.url, cert_pem=field.live.cert_pem,
                        key=field.mallory.vault.device_key) as hostile:
        hostile.post_json("/v1/records", {"envelopes": envelopes})
    seal(field.alice, 1, "alice meanwhile")
    field.alice.push()

    report = field.staff.pull()

    assert report.records == 3 and report.quarantined == 0
    assert set(ids) <= held(field.staff)
    assert field.staff.status()["registry"]["distrusted"] is None
    assert field.staff.conflicts() == []
    assert any("did not sign" in r["detail"] for r in field.staff.sync_log())
