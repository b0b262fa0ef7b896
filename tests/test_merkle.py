"""RFC 9162 Merkle trees: published vectors, a reference implementation, and properties."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import VECTORS_DIR
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldkit.errors import IntegrityError, NotFoundError, ValidationError
from fieldkit.sync.merkle import (
    EMPTY_ROOT,
    HASH_SIZE,
    MemoryTree,
    ProofError,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    node_hash,
    nodes_completed_by,
    root,
    subtree_hash,
    verify_consistency,
    verify_inclusion,
)

MERKLE_DIR = VECTORS_DIR / "merkle"
INCLUSION_FILES = sorted((MERKLE_DIR / "inclusion").rglob("*.json"))
CONSISTENCY_FILES = sorted((MERKLE_DIR / "consistency").rglob("*.json"))


def _id(path: Path) -> str:
    return str(path.relative_to(MERKLE_DIR))


def _b64(value: str) -> bytes:
    return base64.b64decode(value, validate=True)


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


# --- published vectors (transparency-dev/merkle testdata) ----------------------------------

def test_vectors_are_there() -> None:
    assert len(INCLUSION_FILES) > 50
    assert len(CONSISTENCY_FILES) > 50


@pytest.mark.parametrize("path", INCLUSION_FILES, ids=_id)
def test_inclusion_vector(path: Path) -> None:
    v = _load(path)
    kwargs = {
        "index": v["leafIdx"], "size": v["treeSize"], "leaf": _b64(v["leafHash"]),
        "proof": [_b64(p) for p in v["proof"] or []], "root": _b64(v["root"]),
    }
    if v["wantErr"]:
        with pytest.raises(ProofError) as info:
            verify_inclusion(**kwargs)
        assert info.value.code == "bad_proof"
        assert isinstance(info.value, IntegrityError)
        assert str(info.value)
    else:
        verify_inclusion(**kwargs)


@pytest.mark.parametrize("path", CONSISTENCY_FILES, ids=_id)
def test_consistency_vector(path: Path) -> None:
    v = _load(path)
    kwargs = {
        "size1": v["size1"], "size2": v["size2"], "root1": _b64(v["root1"]),
        "root2": _b64(v["root2"]), "proof": [_b64(p) for p in v["proof"] or []],
    }
    if v["wantErr"]:
        with pytest.raises(ProofError) as info:
            verify_consistency(**kwargs)
        assert info.value.code == "bad_proof"
    else:
        verify_consistency(**kwargs)


# --- known answers: the RFC 6962 reference tree (certificate-transparency test data) --------

CT_LEAVES = [b"", b"\x00", b"\x10", b"\x20\x21", b"\x30\x31", b"\x40\x41\x42\x43",
             bytes(range(0x50, 0x58)), bytes(range(0x60, 0x70))]
CT_ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]


def test_known_roots_and_vector_proofs() -> None:
    tree = MemoryTree()
    assert tree.root() == EMPTY_ROOT == hashlib.sha256(b"").digest()
    for i, data in enumerate(CT_LEAVES):
        assert tree.append(data) == i
        assert tree.root().hex() == CT_ROOTS[i]
    # The published happy-path vectors are proofs in this very tree: we generate them too.
    checked = 0
    for path in INCLUSION_FILES + CONSISTENCY_FILES:
        v = _load(path)
        if v["wantErr"] or v["desc"] != "happy path":
            continue
        want = [_b64(p) for p in v["proof"] or []]
        if "leafIdx" in v:
            assert _b64(v["root"]) == tree.root(v["treeSize"]), _id(path)
            assert tree.inclusion_proof(v["leafIdx"], v["treeSize"]) == want, _id(path)
        else:
            assert _b64(v["root2"]) == tree.root(v["size2"]), _id(path)
            assert tree.consistency_proof(v["size1"], v["size2"]) == want, _id(path)
        checked += 1
    assert checked == 10


def test_hash_prefixes() -> None:
    assert leaf_hash(b"abc") == hashlib.sha256(b"\x00abc").digest()
    left, right = b"L" * 32, b"R" * 32
    assert node_hash(left, right) == hashlib.sha256(b"\x01" + left + right).digest()
    assert len(EMPTY_ROOT) == HASH_SIZE


# --- a reference implementation straight from RFC 9162 §2.1 ---------------------------------

def ref_mth(leaves: list[bytes]) -> bytes:
    n = len(leaves)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return leaf_hash(leaves[0])
    k = 1
    while k * 2 < n:
        k *= 2
    return node_hash(ref_mth(leaves[:k]), ref_mth(leaves[k:]))


def ref_path(m: int, leaves: list[bytes]) -> list[bytes]:
    n = len(leaves)
    if n == 1:
        return []
    k = 1
    while k * 2 < n:
        k *= 2
    if m < k:
        return [*ref_path(m, leaves[:k]), ref_mth(leaves[k:])]
    return [*ref_path(m - k, leaves[k:]), ref_mth(leaves[:k])]


def ref_subproof(m: int, leaves: list[bytes], whole: bool) -> list[bytes]:
    n = len(leaves)
    if m == n:
        return [] if whole else [ref_mth(leaves)]
    k = 1
    while k * 2 < n:
        k *= 2
    if m <= k:
        return [*ref_subproof(m, leaves[:k], whole), ref_mth(leaves[k:])]
    return [*ref_subproof(m - k, leaves[k:], False), ref_mth(leaves[:k])]


def _leaves(n: int, salt: bytes = b"") -> list[bytes]:
    # Distinct leaves, so a proof for one position can never fit another by accident.
    return [i.to_bytes(4, "big") + salt for i in range(n)]


def _tree(leaves: list[bytes]) -> MemoryTree:
    tree = MemoryTree()
    for data in leaves:
        tree.append(data)
    return tree


def test_matches_reference_for_small_trees() -> None:
    leaves = _leaves(33, b"ref")
    tree = _tree(leaves)
    for n in range(1, 34):
        assert tree.root(n) == ref_mth(leaves[:n])
        for m in range(n):
            proof = tree.inclusion_proof(m, n)
            assert proof == ref_path(m, leaves[:n])
            verify_inclusion(index=m, size=n, leaf=leaf_hash(leaves[m]), proof=proof,
                             root=tree.root(n))
        for m in range(1, n + 1):
            proof = tree.consistency_proof(m, n)
            assert proof == ref_subproof(m, leaves[:n], True)
            verify_consistency(size1=m, size2=n, root1=tree.root(m), root2=tree.root(n),
                               proof=proof)


class DictStore:
    """The way a database keeps the log: a table of perfect nodes keyed by (level, index)."""

    def __init__(self) -> None:
        self.nodes: dict[tuple[int, int], bytes] = {}
        self.lookups = 0

    def perfect_node(self, level: int, index: int) -> bytes:
        self.lookups += 1
        try:
            return self.nodes[(level, index)]
        except KeyError:
            raise NotFoundError(f"no node {level}/{index}") from None

    def append(self, index: int, data: bytes) -> None:
        for level, position, digest in nodes_completed_by(index, leaf_hash(data), self):
            assert (level, position) not in self.nodes
            self.nodes[(level, position)] = digest


# --- properties ----------------------------------------------------------------------------

tree_leaves = st.lists(st.binary(max_size=8), min_size=1, max_size=300).map(
    lambda raw: [i.to_bytes(4, "big") + b for i, b in enumerate(raw)])


@settings(max_examples=40, deadline=None)
@given(leaves=tree_leaves, data=st.data())
def test_generated_proofs_verify_and_tampering_fails(leaves: list[bytes],
                                                     data: st.DataObject) -> None:
    tree = _tree(leaves)
    size = tree.size
    assert tree.root() == ref_mth(leaves)
    top = tree.root()
    for index in range(size):
        verify_inclusion(index=index, size=size, leaf=leaf_hash(leaves[index]),
                         proof=tree.inclusion_proof(index), root=top)
    for size1 in range(1, size + 1):
        verify_consistency(size1=size1, size2=size, root1=tree.root(size1), root2=top,
                           proof=tree.consistency_proof(size1))

    # Random pairs inside the history, and tampering with each of them.
    n = data.draw(st.integers(1, size), label="n")
    m = data.draw(st.integers(0, n - 1), label="m")
    proof = tree.inclusion_proof(m, n)
    leaf, head = leaf_hash(leaves[m]), tree.root(n)
    verify_inclusion(index=m, size=n, leaf=leaf, proof=proof, root=head)
    if proof:
        which = data.draw(st.integers(0, len(proof) - 1), label="which")
        bit = data.draw(st.integers(0, 8 * HASH_SIZE - 1), label="bit")
        bad = list(proof)
        bad[which] = _flip(bad[which], bit)
        with pytest.raises(ProofError):
            verify_inclusion(index=m, size=n, leaf=leaf, proof=bad, root=head)
    with pytest.raises(ProofError):
        verify_inclusion(index=m, size=n, leaf=_flip(leaf, m), proof=proof, root=head)
    with pytest.raises(ProofError):
        verify_inclusion(index=m, size=n, leaf=leaf, proof=proof, root=_flip(head, n))
    wrong = data.draw(st.integers(0, n + 3).filter(lambda i: i != m), label="wrong index")
    with pytest.raises(ProofError):
        verify_inclusion(index=wrong, size=n, leaf=leaf, proof=proof, root=head)
    with pytest.raises(ProofError):
        verify_inclusion(index=m, size=n, leaf=leaf, proof=[*proof, head], root=head)

    size1 = data.draw(st.integers(1, n), label="size1")
    cproof = tree.consistency_proof(size1, n)
    root1 = tree.root(size1)
    verify_consistency(size1=size1, size2=n, root1=root1, root2=head, proof=cproof)
    if cproof:
        which = data.draw(st.integers(0, len(cproof) - 1), label="cwhich")
        bad = list(cproof)
        bad[which] = _flip(bad[which], which)
        with pytest.raises(ProofError):
            verify_consistency(size1=size1, size2=n, root1=root1, root2=head, proof=bad)
        with pytest.raises(ProofError):
            verify_consistency(size1=size1, size2=n, root1=_flip(root1, 7), root2=head,
                               proof=cproof)
        with pytest.raises(ProofError):
            verify_consistency(size1=size1, size2=n, root1=root1, root2=_flip(head, 9),
                               proof=cproof)
        wrong1 = data.draw(st.integers(1, n).filter(lambda s: s != size1), label="wrong s1")
        with pytest.raises(ProofError):
            verify_consistency(size1=wrong1, size2=n, root1=root1, root2=head, proof=cproof)
    # (A wrong size2 is not always detectable: the same hashes can be a valid proof for a
    # different, hypothetical tree; the signed checkpoint pins the size.)


@settings(max_examples=25, deadline=None)
@given(leaves=tree_leaves)
def test_nodes_completed_by_with_a_dict_store_reproduces_memory_tree(
        leaves: list[bytes]) -> None:
    store, tree = DictStore(), MemoryTree()
    for index, data in enumerate(leaves):
        store.append(index, data)
        tree.append(data)
        size = index + 1
        # A tree of n leaves has exactly 2n - popcount(n) perfect nodes.
        assert len(store.nodes) == 2 * size - bin(size).count("1")
        assert root(size, store) == tree.root()
    size = len(leaves)
    for m in range(0, size, max(1, size // 7)):
        assert inclusion_proof(m, size, store) == tree.inclusion_proof(m)
        assert consistency_proof(m + 1, size, store) == tree.consistency_proof(m + 1)


def _flip(value: bytes, bit: int) -> bytes:
    bit %= 8 * len(value)
    out = bytearray(value)
    out[bit // 8] ^= 1 << (bit % 8)
    return bytes(out)


# --- efficiency: counted lookups, never a rehash of the leaves -------------------------------

class SyntheticSource:
    """Any perfect node of a huge tree, derived from its position; counts the lookups."""

    def __init__(self) -> None:
        self.lookups = 0

    def perfect_node(self, level: int, index: int) -> bytes:
        self.lookups += 1
        return hashlib.sha256(f"{level}/{index}".encode()).digest()


@pytest.mark.parametrize("size", [1, 2, 3, 1000, (1 << 40) + 12345, (1 << 63) - 1])
def test_proofs_need_at_most_log_squared_lookups(size: int) -> None:
    depth = max(1, size.bit_length())
    source = SyntheticSource()
    root(size, source)
    assert source.lookups <= depth
    source.lookups = 0
    inclusion_proof(size // 3, size, source)
    assert source.lookups <= depth * depth
    source.lookups = 0
    consistency_proof(max(1, size // 2 + 1), size, source)
    assert source.lookups <= depth * depth


def test_proofs_of_a_larger_tree_verify() -> None:
    tree = _tree(_leaves(5000, b"big"))
    for size1, size2 in [(1, 5000), (1024, 4096), (1025, 4097), (4095, 5000), (2500, 2501)]:
        verify_consistency(size1=size1, size2=size2, root1=tree.root(size1),
                           root2=tree.root(size2), proof=tree.consistency_proof(size1, size2))
    for index in (0, 1023, 1024, 4095, 4999):
        verify_inclusion(index=index, size=5000, leaf=leaf_hash(_leaves(5000, b"big")[index]),
                         proof=tree.inclusion_proof(index), root=tree.root())


# --- edge cases, each with the reason it fails ---------------------------------------------

H = leaf_hash(b"x")


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"index": 1, "size": 1, "leaf": H, "proof": [], "root": H}, "not below the tree size"),
    ({"index": 0, "size": 0, "leaf": H, "proof": [], "root": EMPTY_ROOT}, "not below"),
    ({"index": -1, "size": 1, "leaf": H, "proof": [], "root": H}, "not a tree position"),
    ({"index": True, "size": 2, "leaf": H, "proof": [H], "root": H}, "not a tree position"),
    ({"index": 0, "size": 1 << 64, "leaf": H, "proof": [], "root": H}, "not a tree position"),
    ({"index": 0, "size": 1, "leaf": H[:31], "proof": [], "root": H}, "leaf hash is 31 bytes"),
    ({"index": 0, "size": 1, "leaf": H, "proof": [], "root": b""}, "tree root is 0 bytes"),
    ({"index": 0, "size": 1, "leaf": H, "proof": [H], "root": H}, "more than the tree needs"),
    ({"index": 0, "size": 2, "leaf": H, "proof": [], "root": H}, "fewer than the tree needs"),
    ({"index": 0, "size": 2, "leaf": H, "proof": [H + b"\x00"], "root": H},
     "proof hash #0 is 33 bytes"),
    ({"index": 0, "size": 2, "leaf": H, "proof": H + H, "root": H}, "not a single string"),
    ({"index": 0, "size": 3, "leaf": H, "proof": [H] * 65, "root": H}, "no valid proof"),
    ({"index": 0, "size": 2, "leaf": H, "proof": [H], "root": H}, "does not lead to the"),
])
def test_inclusion_edge_cases(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ProofError, match=message):
        verify_inclusion(**kwargs)


def test_single_leaf_tree_needs_no_proof() -> None:
    verify_inclusion(index=0, size=1, leaf=H, proof=[], root=H)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"size1": 2, "size2": 1, "root1": H, "root2": H, "proof": []}, "log shrank"),
    ({"size1": 3, "size2": 3, "root1": H, "root2": H, "proof": [H]}, "must be empty"),
    ({"size1": 3, "size2": 3, "root1": H, "root2": EMPTY_ROOT, "proof": []}, "forked"),
    ({"size1": 0, "size2": 0, "root1": H, "root2": H, "proof": []}, "0 entries"),
    ({"size1": 0, "size2": 5, "root1": EMPTY_ROOT, "root2": H, "proof": []}, "empty tree"),
    ({"size1": 1, "size2": 2, "root1": H, "root2": H, "proof": []}, "is empty"),
    ({"size1": 3, "size2": 4, "root1": H[:5], "root2": H, "proof": [H]}, "first tree root"),
    ({"size1": 3, "size2": 4, "root1": H, "root2": b"", "proof": [H]}, "second tree root"),
    ({"size1": 1, "size2": 2, "root1": H, "root2": H, "proof": [H, H]}, "more hashes"),
    ({"size1": 3, "size2": 8, "root1": H, "root2": H, "proof": [H]}, "fewer hashes"),
    ({"size1": 1, "size2": 2, "root1": H, "root2": node_hash(H, H), "proof": [EMPTY_ROOT]},
     "second tree"),
    ({"size1": 3, "size2": 4, "root1": H, "root2": H, "proof": [H, H, H]}, "first tree"),
    ({"size1": -1, "size2": 4, "root1": H, "root2": H, "proof": [H]}, "not a tree position"),
    ({"size1": 1, "size2": 2, "root1": "abc", "root2": H, "proof": [H]}, "must be bytes"),
])
def test_consistency_edge_cases(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ProofError, match=message):
        verify_consistency(**kwargs)


def test_empty_trees_are_consistent() -> None:
    verify_consistency(size1=0, size2=0, root1=EMPTY_ROOT, root2=EMPTY_ROOT, proof=[])


def test_proof_error_speaks_to_the_user() -> None:
    with pytest.raises(ProofError) as info:
        verify_inclusion(index=0, size=2, leaf=H, proof=[H], root=H)
    err = info.value
    assert err.to_json()["code"] == "bad_proof"
    assert "Do not trust" in err.hint
    assert err.details == {"index": 0, "size": 2}


# --- generation: arguments out of range ----------------------------------------------------

def test_generation_rejects_impossible_requests() -> None:
    tree = _tree(_leaves(5))
    with pytest.raises(ValidationError):
        tree.inclusion_proof(5)
    with pytest.raises(ValidationError):
        tree.consistency_proof(0, 5)
    with pytest.raises(ValidationError):
        consistency_proof(4, 3, tree)
    with pytest.raises(NotFoundError):
        tree.root(6)
    with pytest.raises(NotFoundError):
        inclusion_proof(0, 9, tree)  # the source has no such nodes
    with pytest.raises(ValidationError, match="not a subtree"):
        subtree_hash(1, 3, tree)
    with pytest.raises(ValidationError, match="not a subtree"):
        subtree_hash(2, 7, tree)
    with pytest.raises(ValidationError, match="at least one leaf"):
        subtree_hash(3, 3, tree)
    assert subtree_hash(4, 5, tree) == leaf_hash(_leaves(5)[4])
    assert tree.consistency_proof(5) == []
    with pytest.raises(ValidationError):
        nodes_completed_by(5, b"short", tree)
