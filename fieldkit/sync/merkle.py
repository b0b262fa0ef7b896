"""RFC 9162 §2.1 Merkle tree hashing, proof generation and proof verification.

The registry's transparency log is a Merkle tree over its entries: the leaf hash of an
entry is ``SHA-256(0x00 || data)`` and an inner node is ``SHA-256(0x01 || left || right)``.
The tree head (root) of the first ``n`` leaves is ``MTH(D[0:n])`` as RFC 9162 defines it;
the empty tree's root is ``SHA-256("")``.

Storage never rehashes the whole log. A store keeps only the hashes of *perfect* subtrees
(2**level leaves starting at a multiple of 2**level) and exposes them as a
:class:`NodeSource`. :func:`nodes_completed_by` says which perfect nodes one append
completes (at most ``log2(n) + 1``); :func:`root`, :func:`inclusion_proof` and
:func:`consistency_proof` need O(log² n) lookups of those nodes.

Verification follows RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency) exactly and
fails closed: :func:`verify_inclusion` and :func:`verify_consistency` return ``None`` or raise
:class:`ProofError`; there is no boolean to forget to check.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from typing import Any, Final, Protocol, cast

from fieldkit.errors import IntegrityError, NotFoundError, ValidationError

__all__ = [
    "EMPTY_ROOT",
    "HASH_SIZE",
    "MAX_PROOF_LENGTH",
    "MemoryTree",
    "NodeSource",
    "ProofError",
    "consistency_proof",
    "inclusion_proof",
    "leaf_hash",
    "node_hash",
    "nodes_completed_by",
    "root",
    "subtree_hash",
    "verify_consistency",
    "verify_inclusion",
]

HASH_SIZE: Final = 32
EMPTY_ROOT: Final = hashlib.sha256(b"").digest()
#: A tree has fewer than 2**64 leaves, so no proof is longer than 64 hashes (+1 for the
#: prepended first hash in consistency verification).
MAX_PROOF_LENGTH: Final = 64
_MAX_TREE_SIZE: Final = (1 << 64) - 1

_LEAF_PREFIX: Final = b"\x00"
_NODE_PREFIX: Final = b"\x01"

_PROOF_HINT = ("The log's proof does not match its signed tree head. Do not trust this "
               "registry's answer; keep the checkpoint and the proof for investigation and "
               "report it to the registry's operator.")


class ProofError(IntegrityError):
    """A Merkle inclusion or consistency proof did not verify."""

    code = "bad_proof"
    default_hint = _PROOF_HINT


class NodeSource(Protocol):
    """Read access to the stored hashes of perfect subtrees."""

    def perfect_node(self, level: int, index: int) -> bytes:
        """Hash of the perfect subtree of ``2**level`` leaves starting at leaf
        ``index * 2**level`` (level 0 are the leaf hashes)."""
        ...


def leaf_hash(data: bytes) -> bytes:
    """``SHA-256(0x00 || data)``: the RFC 9162 hash of one log entry."""
    return hashlib.sha256(_LEAF_PREFIX + bytes(data)).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """``SHA-256(0x01 || left || right)``: the RFC 9162 hash of an inner node."""
    return hashlib.sha256(_NODE_PREFIX + bytes(left) + bytes(right)).digest()


def _split_point(n: int) -> int:
    """The largest power of two strictly smaller than ``n`` (``n >= 2``)."""
    return 1 << ((n - 1).bit_length() - 1)


def _is_power_of_two(n: int) -> bool:
    return n > 0 and n & (n - 1) == 0


def _check_size(value: int, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"The {what} must be an integer, not {type(value).__name__}.")
    if not 0 <= value <= _MAX_TREE_SIZE:
        raise ValidationError(f"The {what} must be between 0 and 2**64-1; got {value}.")


# --- building: which perfect nodes an append completes -------------------------------------

def nodes_completed_by(leaf_index: int, leaf: bytes,
                       source: NodeSource) -> list[tuple[int, int, bytes]]:
    """The perfect nodes that become complete when leaf number ``leaf_index`` is appended.

    ``leaf`` is the new leaf's hash (:func:`leaf_hash`). The result starts with
    ``(0, leaf_index, leaf)`` and climbs while the new node is a right child:
    ``[(0, i, leaf), (1, i >> 1, h1), (2, i >> 2, h2), ...]``. ``source`` supplies the left
    siblings, which must already be stored. The caller persists every returned node.
    """
    _check_size(leaf_index, "leaf index")
    if len(leaf) != HASH_SIZE:
        raise ValidationError(f"A leaf hash is {HASH_SIZE} bytes; got {len(leaf)}.")
    nodes = [(0, leaf_index, bytes(leaf))]
    level, index, current = 0, leaf_index, bytes(leaf)
    while index & 1:
        current = node_hash(source.perfect_node(level, index - 1), current)
        level += 1
        index >>= 1
        nodes.append((level, index, current))
    return nodes


# --- reading: tree heads and proofs from perfect nodes ------------------------------------

def subtree_hash(start: int, end: int, source: NodeSource) -> bytes:
    """``MTH(D[start:end])`` from stored perfect nodes, in O(log n) lookups.

    The range must be a node of some RFC 9162 tree: ``end > start`` and ``start`` a multiple
    of the largest power of two below ``end - start`` (every range a proof needs is).
    """
    _check_size(start, "subtree start")
    _check_size(end, "subtree end")
    n = end - start
    if n <= 0:
        raise ValidationError(f"A subtree needs at least one leaf; got [{start}, {end}).")
    if _is_power_of_two(n):
        if start % n:
            raise ValidationError(f"Leaves [{start}, {end}) are not a subtree of a Merkle "
                                  "tree: the start is not aligned to the size.")
        return source.perfect_node(n.bit_length() - 1, start // n)
    k = _split_point(n)
    if start % k:
        raise ValidationError(f"Leaves [{start}, {end}) are not a subtree of a Merkle tree: "
                              f"the start is not a multiple of {k}.")
    # The left part is perfect; the right part is smaller and aligned, so walk it down.
    left = source.perfect_node(k.bit_length() - 1, start // k)
    return node_hash(left, subtree_hash(start + k, end, source))


def root(size: int, source: NodeSource) -> bytes:
    """The tree head ``MTH(D[0:size])``; :data:`EMPTY_ROOT` for ``size == 0``."""
    _check_size(size, "tree size")
    if size == 0:
        return EMPTY_ROOT
    return subtree_hash(0, size, source)


def inclusion_proof(index: int, size: int, source: NodeSource) -> list[bytes]:
    """RFC 9162 ``PATH(index, D[0:size])``: sibling hashes from the leaf up to the root."""
    _check_size(index, "leaf index")
    _check_size(size, "tree size")
    if index >= size:
        raise ValidationError(f"Leaf {index} is not in a tree of {size} leaves.")
    path: list[bytes] = []
    start, end, m = 0, size, index
    while end - start > 1:
        k = _split_point(end - start)
        if m < k:
            path.append(subtree_hash(start + k, end, source))
            end = start + k
        else:
            path.append(subtree_hash(start, start + k, source))
            start += k
            m -= k
    path.reverse()
    return path


def consistency_proof(size1: int, size2: int, source: NodeSource) -> list[bytes]:
    """RFC 9162 ``PROOF(size1, D[0:size2])``; empty when the sizes are equal.

    Proofs exist for ``0 < size1 <= size2`` (a proof from the empty tree proves nothing).
    """
    _check_size(size1, "first tree size")
    _check_size(size2, "second tree size")
    if not 0 < size1 <= size2:
        raise ValidationError(
            f"No consistency proof exists from size {size1} to size {size2}.",
            hint="Ask for 0 < size1 <= size2; any tree is an extension of the empty tree.")
    proof: list[bytes] = []
    start, end, m, whole = 0, size2, size1, True
    # SUBPROOF(m, D[start:end], whole), unrolled; hashes are appended innermost first, so
    # collect them top-down and reverse at the end.
    while m != end - start:
        n = end - start
        k = _split_point(n)
        if m <= k:
            proof.append(subtree_hash(start + k, end, source))
            end = start + k
        else:
            proof.append(subtree_hash(start, start + k, source))
            start += k
            m -= k
            whole = False
    if not whole:
        proof.append(subtree_hash(start, end, source))
    proof.reverse()
    return proof


# --- verification (RFC 9162 §2.1.3.2 and §2.1.4.2) ------------------------------------------

def _check_hash(value: object, what: str, **details: Any) -> bytes:
    if not isinstance(value, bytes | bytearray | memoryview):
        raise ProofError(f"The {what} is not bytes.", **details)
    data = bytes(value)
    if len(data) != HASH_SIZE:
        raise ProofError(f"The {what} is {len(data)} bytes; a SHA-256 hash is {HASH_SIZE}.",
                         **details)
    return data


def _check_verify_size(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= _MAX_TREE_SIZE:
        raise ProofError(f"The {what} {value!r} is not a tree position (0 to 2**64-1).")
    return value


def _check_proof(proof: Sequence[bytes], **details: Any) -> list[bytes]:
    if isinstance(cast(object, proof), bytes | bytearray | str):
        raise ProofError("The proof must be a list of hashes, not a single string.", **details)
    if len(proof) > MAX_PROOF_LENGTH:
        raise ProofError(f"The proof has {len(proof)} hashes; no valid proof has more than "
                         f"{MAX_PROOF_LENGTH}.", **details)
    return [_check_hash(p, f"proof hash #{i}", **details) for i, p in enumerate(proof)]


def verify_inclusion(*, index: int, size: int, leaf: bytes, proof: Sequence[bytes],
                     root: bytes) -> None:
    """Check that ``leaf`` (a leaf *hash*) is entry ``index`` of the tree with head ``root``.

    Returns ``None`` or raises :class:`ProofError` saying what failed.
    """
    index = _check_verify_size(index, "leaf index")
    size = _check_verify_size(size, "tree size")
    details: dict[str, Any] = {"index": index, "size": size}
    if index >= size:
        raise ProofError(f"Leaf index {index} is not below the tree size {size}, so the "
                         "leaf cannot be in the tree.", **details)
    leaf_h = _check_hash(leaf, "leaf hash", **details)
    root_h = _check_hash(root, "tree root", **details)
    path = _check_proof(proof, **details)

    fn, sn, r = index, size - 1, leaf_h
    for p in path:
        if sn == 0:
            raise ProofError(f"The inclusion proof for leaf {index} in a tree of {size} has "
                             f"{len(path)} hashes, more than the tree needs.", **details)
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while fn and not fn & 1:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ProofError(f"The inclusion proof for leaf {index} in a tree of {size} has "
                         f"{len(path)} hashes, fewer than the tree needs.", **details)
    if not hmac.compare_digest(r, root_h):
        raise ProofError(f"The inclusion proof for leaf {index} does not lead to the tree "
                         f"root of size {size}: the leaf is not in that tree.", **details)


def verify_consistency(*, size1: int, size2: int, root1: bytes, root2: bytes,
                       proof: Sequence[bytes]) -> None:
    """Check that the tree of ``size2`` leaves with head ``root2`` extends the tree of
    ``size1`` leaves with head ``root1``.

    Returns ``None`` or raises :class:`ProofError`. Equal sizes need an empty proof and equal
    roots. ``size1 == 0`` is refused (RFC 9162 defines proofs for ``0 < size1``; any tree
    extends the empty one, so such a check proves nothing), except that two empty trees are
    consistent when both roots are :data:`EMPTY_ROOT`.
    """
    size1 = _check_verify_size(size1, "first tree size")
    size2 = _check_verify_size(size2, "second tree size")
    details: dict[str, Any] = {"size1": size1, "size2": size2}
    if size1 > size2:
        raise ProofError(f"The log shrank from {size1} to {size2} entries: an append-only "
                         "log never does.", **details)
    if not isinstance(root1, bytes | bytearray | memoryview) or not isinstance(
            root2, bytes | bytearray | memoryview):
        raise ProofError("The tree roots must be bytes.", **details)
    if isinstance(cast(object, proof), bytes | bytearray | str):
        raise ProofError("The proof must be a list of hashes, not a single string.", **details)
    if size1 == size2:
        if len(proof):
            raise ProofError(f"Both trees have {size1} entries, so the consistency proof must "
                             f"be empty; it has {len(proof)} hashes.", **details)
        if size1 == 0 and not hmac.compare_digest(bytes(root1), EMPTY_ROOT):
            raise ProofError("A tree of 0 entries has a root other than SHA-256 of nothing.",
                             **details)
        if not hmac.compare_digest(bytes(root1), bytes(root2)):
            raise ProofError(f"Two tree heads of the same size {size1} have different roots: "
                             "the log forked.", **details)
        return
    if size1 == 0:
        raise ProofError("A consistency proof from the empty tree proves nothing; check the "
                         "second tree head on its own.", **details)
    root1_h = _check_hash(root1, "first tree root", **details)
    root2_h = _check_hash(root2, "second tree root", **details)
    path = _check_proof(proof, **details)
    if not path:
        raise ProofError(f"The consistency proof from {size1} to {size2} entries is empty.",
                         **details)
    if _is_power_of_two(size1):
        path.insert(0, root1_h)

    fn, sn = size1 - 1, size2 - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            raise ProofError(f"The consistency proof from {size1} to {size2} entries has more "
                             "hashes than the trees need.", **details)
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while fn and not fn & 1:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ProofError(f"The consistency proof from {size1} to {size2} entries has fewer "
                         "hashes than the trees need.", **details)
    if not hmac.compare_digest(fr, root1_h):
        raise ProofError(f"The consistency proof does not reproduce the root of the first "
                         f"tree ({size1} entries).", **details)
    if not hmac.compare_digest(sr, root2_h):
        raise ProofError(f"The consistency proof does not reproduce the root of the second "
                         f"tree ({size2} entries): the log was rewritten.", **details)


# --- an in-memory tree for tests and clients ------------------------------------------------

class MemoryTree:
    """A whole Merkle tree in memory, kept as perfect-node levels. Implements NodeSource."""

    def __init__(self) -> None:
        self._levels: list[list[bytes]] = [[]]

    @property
    def size(self) -> int:
        """Number of leaves appended so far."""
        return len(self._levels[0])

    def append(self, data: bytes) -> int:
        """Append one entry (hashed with :func:`leaf_hash`); return its 0-based index."""
        return self.append_leaf_hash(leaf_hash(data))

    def append_leaf_hash(self, leaf: bytes) -> int:
        """Append an already hashed leaf; return its 0-based index."""
        index = self.size
        # Nodes complete left to right, so each one is the next at its level.
        for level, _position, digest in nodes_completed_by(index, leaf, self):
            if level == len(self._levels):
                self._levels.append([])
            self._levels[level].append(digest)
        return index

    def perfect_node(self, level: int, index: int) -> bytes:
        if 0 <= level < len(self._levels) and 0 <= index < len(self._levels[level]):
            return self._levels[level][index]
        raise NotFoundError(f"The tree of {self.size} leaves has no complete node "
                            f"{index} at level {level}.")

    def root(self, size: int | None = None) -> bytes:
        """The tree head at ``size`` (default: the current size)."""
        return root(self.size if size is None else self._at_most(size), self)

    def inclusion_proof(self, index: int, size: int | None = None) -> list[bytes]:
        return inclusion_proof(index, self.size if size is None else self._at_most(size), self)

    def consistency_proof(self, size1: int, size2: int | None = None) -> list[bytes]:
        return consistency_proof(size1, self.size if size2 is None else self._at_most(size2),
                                 self)

    def _at_most(self, size: int) -> int:
        _check_size(size, "tree size")
        if size > self.size:
            raise NotFoundError(f"The tree has only {self.size} leaves; asked for {size}.")
        return size
