"""The one service layer over an open vault, used by the CLI, the UI and the tests alike.

Every method either returns what it changed or raises a :mod:`fieldkit.errors` exception.
Long operations take ``progress`` and ``cancel`` (see :mod:`fieldkit.progress`).
"""

from __future__ import annotations

import json
import mimetypes
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from fieldkit.crypto.keys import VerifyKey
from fieldkit.domain import amendments as amd
from fieldkit.domain import records as rec
from fieldkit.domain import sealing
from fieldkit.domain.taxonomy import Taxonomy, default_taxonomy
from fieldkit.errors import (
    AmbiguousIdError,
    ChainError,
    FieldKitError,
    IntegrityError,
    NotFoundError,
    SealedRecordError,
    UnknownSignerError,
    ValidationError,
)
from fieldkit.progress import CancelToken, Progress, check
from fieldkit.storage import search
from fieldkit.storage.attachments import StoredBlob
from fieldkit.storage.db import Connection
from fieldkit.storage.vault import Vault, now_iso

T = TypeVar("T")

#: Roles whose devices may submit records: a pulled record is kept only if the log shows its
#: device enrolled with one of these (docs/adr/0016; the registry takes records from monitors
#: only, so a staff or admin key's record in the log means the registry misbehaved).
SUBMIT_ROLES = ("monitor",)

_INCIDENT_COLUMNS = ("rowid, uid, draft_id, record_id, state, prev, superseded_by, title, "
                     "category, country, occurred, body, created_at, updated_at, conflict")


@dataclass(frozen=True)
class IncidentView:
    rowid: int
    uid: str
    draft_id: str | None
    record_id: str | None
    state: str
    prev: str | None
    superseded_by: str | None
    title: str
    category: str
    country: str
    occurred: str
    created_at: str
    updated_at: str
    body: dict[str, Any] = field(repr=False)
    #: why this record's ``prev`` was not accepted (:mod:`fieldkit.domain.amendments`)
    conflict: str | None = None

    @property
    def ref(self) -> str:
        """How a person refers to it: the sealed record id, or the draft id (which keeps
        naming the same incident after it is sealed)."""
        return self.record_id or self.draft_id or ""

    @property
    def is_sealed(self) -> bool:
        return self.state == "sealed"

    def conflict_json(self) -> dict[str, Any] | None:
        """The conflict as every interface shows it: reason, the record named, why."""
        if not self.conflict:
            return None
        return {"reason": self.conflict, "target": self.prev,
                "explanation": amd.EXPLANATIONS.get(self.conflict, self.conflict)}

    def summary(self) -> dict[str, Any]:
        return {"id": self.ref, "state": self.state, "record_id": self.record_id,
                "draft_id": self.draft_id, "uid": self.uid, "prev": self.prev,
                "superseded_by": self.superseded_by, "conflict": self.conflict_json(),
                "title": self.title,
                "category": self.category, "country": self.country, "occurred": self.occurred,
                "testimonies": len(self.body["testimonies"]),
                "evidence": len(self.body["evidence"]), "updated_at": self.updated_at}

    def to_json(self) -> dict[str, Any]:
        return {**self.summary(), "record": self.body}


@dataclass(frozen=True)
class SearchHit:
    incident: IncidentView
    rank: float
    snippet: str


@dataclass(frozen=True)
class AttachmentInfo:
    id: str
    sha256: str
    size: int
    media_type: str
    file_name: str
    blob: StoredBlob


@dataclass(frozen=True)
class _PendingFile:
    """An encrypted file in the store whose database row is not written yet."""

    blob: StoredBlob
    ref: dict[str, Any]


@dataclass
class CheckReport:
    """What ``vault check`` found; ``problems`` is empty when everything verified."""

    problems: list[str] = field(default_factory=list)
    sealed_records: int = 0
    drafts: int = 0
    attachments: int = 0
    attachments_verified: int = 0
    orphans: list[str] = field(default_factory=list)  # encrypted files no row names (harmless)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "problems": self.problems, "sealed_records": self.sealed_records,
                "drafts": self.drafts, "attachments": self.attachments,
                "attachments_verified": self.attachments_verified, "orphans": self.orphans}


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _new_draft_id() -> str:
    import secrets

    return "d-" + secrets.token_hex(6)


# --- the amendment rule (fieldkit/domain/amendments.py), applied in the writer's transaction ---

def _mark_conflict(conn: Connection, record_id: str, reason: str) -> None:
    """Mark a sealed incident as a conflict, and every valid amendment of it (same device,
    same uid) as inheriting it."""
    todo = [(record_id, reason)]
    while todo:
        rid, why = todo.pop()
        if conn.execute("UPDATE incidents SET conflict = ? WHERE record_id = ? AND "
                        "conflict IS NULL", (why, rid)).rowcount == 0:
            continue
        todo += [(str(r[0]), amd.INHERITED) for r in conn.execute(
            "SELECT i.record_id FROM incidents i JOIN sealed s ON s.record_id = i.record_id "
            "JOIN sealed t ON t.record_id = ? JOIN incidents ti ON ti.record_id = t.record_id "
            "WHERE i.prev = ? AND i.state = 'sealed' AND s.device = t.device AND i.uid = ti.uid",
            (rid, rid))]


def _bind(conn: Connection, amendment: str, target: str) -> None:
    """Apply the amendment rule to one sealed incident and the record its ``prev`` names.
    Nothing happens while the target is not in the vault; the rule runs again when it
    arrives (:func:`link_sealed`), so the outcome does not depend on the order of arrival."""
    t = conn.execute("SELECT s.kind, s.device, i.uid, i.rowid, i.superseded_by, i.conflict "
                     "FROM sealed s LEFT JOIN incidents i ON i.record_id = s.record_id "
                     "WHERE s.record_id = ?", (target,)).fetchone()
    if t is None:
        return
    a = conn.execute("SELECT s.device, i.uid FROM incidents i JOIN sealed s ON "
                     "s.record_id = i.record_id WHERE i.record_id = ?", (amendment,)).fetchone()
    kind, device, uid, rowid, superseded_by, conflict = t
    reason = amd.binding_conflict(target_kind=kind, target_device=device, target_uid=uid,
                                  device=a[0], uid=a[1])
    if reason is None and conflict is not None:
        reason = amd.INHERITED
    if reason is not None:
        _mark_conflict(conn, amendment, reason)
        return
    if superseded_by is None:
        conn.execute("UPDATE incidents SET superseded_by = ? WHERE rowid = ?",
                     (amendment, rowid))
        search.SearchIndex(conn).delete(int(rowid))
    # else: a second valid amendment of one record, a fork; both stay current and shown


def link_sealed(conn: Connection, record_id: str) -> None:
    """Apply the amendment rule to a sealed incident just stored, both ways: as an amendment
    of the record its ``prev`` names, and as the predecessor of records already held that
    name it (they may have arrived first)."""
    row = conn.execute("SELECT prev FROM incidents WHERE record_id = ?", (record_id,)).fetchone()
    if row is not None and row[0]:
        _bind(conn, record_id, str(row[0]))
    for (later,) in conn.execute("SELECT record_id FROM incidents WHERE prev = ? AND "
                                 "state = 'sealed' ORDER BY rowid", (record_id,)).fetchall():
        _bind(conn, str(later), record_id)


def relink_all(conn: Connection) -> None:
    """Apply the amendment rule afresh to every sealed incident (the migration that
    introduced it); the search index follows what is current."""
    before = {int(r[0]) for r in conn.execute(
        "SELECT rowid FROM incidents WHERE superseded_by IS NULL")}
    conn.execute("UPDATE incidents SET superseded_by = NULL, conflict = NULL "
                 "WHERE state = 'sealed'")
    for rid, prev in conn.execute("SELECT record_id, prev FROM incidents WHERE state = "
                                  "'sealed' AND prev IS NOT NULL ORDER BY rowid").fetchall():
        _bind(conn, str(rid), str(prev))
    index = search.SearchIndex(conn)
    for rowid, title, body, superseded in conn.execute(
            "SELECT rowid, title, body, superseded_by FROM incidents").fetchall():
        if superseded is None and int(rowid) not in before:
            index.put(int(rowid), title=title, body=rec.search_text(json.loads(body)))
        elif superseded is not None and int(rowid) in before:
            index.delete(int(rowid))


class VaultService:
    def __init__(self, vault: Vault, taxonomy: Taxonomy | None = None) -> None:
        self.vault = vault
        self.taxonomy = taxonomy or default_taxonomy()

    # --- reading ------------------------------------------------------------------------------

    def _row_to_view(self, row: Sequence[Any]) -> IncidentView:
        (rowid, uid, draft_id, record_id, state, prev, superseded_by, title, category, country,
         occurred, body, created_at, updated_at, conflict) = row
        return IncidentView(rowid, uid, draft_id, record_id, state, prev, superseded_by, title,
                            category, country, occurred, created_at, updated_at, json.loads(body),
                            conflict)

    def _resolve(self, conn: Connection, ref: str) -> IncidentView:
        ref = ref.strip().lower()
        if len(ref) < 4:
            raise ValidationError(f"{ref!r} is too short to name a record: give at least 4 "
                                  "characters of its id.")
        like = ref.replace("\\", "").replace("%", "").replace("_", "") + "%"
        rows = conn.execute(
            f"SELECT {_INCIDENT_COLUMNS} FROM incidents WHERE draft_id LIKE ? OR record_id LIKE ? "
            "LIMIT 3", (like, like)).fetchall()
        exact = [r for r in rows if ref in (r[2], r[3])]
        if exact:
            rows = exact
        if not rows:
            raise NotFoundError(f"No incident has an id starting with {ref!r}.",
                                hint="`fieldkit incident list` shows the ids.")
        if len(rows) > 1:
            raise AmbiguousIdError(f"{ref!r} names more than one incident.")
        return self._row_to_view(rows[0])

    def get(self, ref: str) -> IncidentView:
        return self._resolve(self.vault.read(), ref)

    def list_incidents(self, *, category: str | None = None, country: str | None = None,
                       state: str | None = None, date_from: str | None = None,
                       date_to: str | None = None, include_superseded: bool = False,
                       include_conflicts: bool = True,
                       synced: bool | None = None, before: tuple[str, int] | None = None,
                       limit: int = 100, offset: int = 0) -> list[IncidentView]:
        """Newest first. ``before=(occurred, rowid)`` of the last row seen pages by key (the
        app's list: as fast at row 100,000 as at row 1) instead of by ``offset``. Conflicting
        records are listed (marked) unless ``include_conflicts`` is False."""
        where, args = self._filters(category=category, country=country, state=state,
                                    date_from=date_from, date_to=date_to,
                                    include_superseded=include_superseded,
                                    include_conflicts=include_conflicts, synced=synced)
        if before is not None:
            where += (" AND " if where else "WHERE ") + "(occurred, rowid) < (?, ?)"
            args += [before[0], int(before[1])]
        rows = self.vault.read().execute(
            f"SELECT {_INCIDENT_COLUMNS} FROM incidents {where} "
            "ORDER BY occurred DESC, rowid DESC LIMIT ? OFFSET ?", (*args, limit, offset))
        return [self._row_to_view(r) for r in rows]

    def count_incidents(self, **filters: Any) -> int:
        where, args = self._filters(**filters)
        return int(self.vault.read().execute(
            f"SELECT count(*) FROM incidents {where}", args).fetchone()[0])

    @staticmethod
    def _filters(*, category: str | None = None, country: str | None = None,
                 state: str | None = None, date_from: str | None = None,
                 date_to: str | None = None, include_superseded: bool = False,
                 include_conflicts: bool = True,
                 synced: bool | None = None) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        args: list[Any] = []
        if not include_superseded:
            clauses.append("superseded_by IS NULL")
        if not include_conflicts:
            clauses.append("conflict IS NULL")
        if synced is not None:  # synced = the registry's receipt for the sealed record is kept
            clauses.append(("" if synced else "NOT ") +
                           "EXISTS (SELECT 1 FROM receipts r WHERE r.record_id = "
                           "incidents.record_id)")
        if category:
            clauses.append("(category = ? OR category LIKE ?)")
            args += [category, category + ".%"]
        if country:
            clauses.append("country = ?")
            args.append(rec.check_country(country))
        if state:
            if state not in ("draft", "sealed"):
                raise ValidationError("State must be 'draft' or 'sealed'.")
            clauses.append("state = ?")
            args.append(state)
        if date_from:
            clauses.append("occurred >= ?")
            args.append(date_from)
        if date_to:
            clauses.append("substr(occurred, 1, length(?)) <= ?")
            args += [date_to, date_to]
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", args

    def synced_ids(self, record_ids: Sequence[str]) -> set[str]:
        """Which of these sealed records have a verified registry receipt."""
        ids = [r for r in record_ids if r]
        if not ids:
            return set()
        marks = ",".join("?" * len(ids))
        rows = self.vault.read().execute(
            f"SELECT record_id FROM receipts WHERE record_id IN ({marks})", ids)
        return {r[0] for r in rows}

    def countries(self) -> list[str]:
        """The countries incidents in this vault name (for filters), sorted."""
        rows = self.vault.read().execute("SELECT DISTINCT country FROM incidents ORDER BY 1")
        return [r[0] for r in rows]

    def search_recent(self, query: str, *, limit: int = 50,
                      before: int | None = None) -> list[IncidentView]:
        """Current incidents matching ``query``, most recently recorded first; ``before`` is
        the rowid of the last one seen (keyset paging). FTS5 walks its index in rowid order
        and stops after ``limit``, so a word found in most of the vault costs what a rare
        one does; :meth:`search` ranks by relevance, which means scoring every match. The
        app's incident list uses this one."""
        expr = search.match_expression(query)
        if expr is None or limit <= 0:
            return []
        conn = self.vault.read()
        where = "search_index MATCH ?" + (" AND rowid < ?" if before is not None else "")
        args: list[Any] = [expr] + ([int(before)] if before is not None else [])
        rowids = [r[0] for r in conn.execute(
            f"SELECT rowid FROM search_index WHERE {where} ORDER BY rowid DESC LIMIT ?",
            (*args, int(limit)))]
        if not rowids:
            return []
        marks = ",".join("?" * len(rowids))
        rows = conn.execute(f"SELECT {_INCIDENT_COLUMNS} FROM incidents WHERE rowid IN "
                            f"({marks}) ORDER BY rowid DESC", rowids).fetchall()
        return [self._row_to_view(r) for r in rows]

    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        conn = self.vault.read()
        hits = search.SearchIndex(conn).search(query, limit=limit, offset=offset)
        if not hits:
            return []
        ranks = dict(hits)
        marks = ",".join("?" * len(hits))
        rows = conn.execute(f"SELECT {_INCIDENT_COLUMNS} FROM incidents WHERE rowid IN ({marks})",
                            [h[0] for h in hits]).fetchall()
        views = {r[0]: self._row_to_view(r) for r in rows}
        result = []
        for rowid, _rank in hits:
            view = views.get(rowid)
            if view is None:
                continue
            result.append(SearchHit(view, ranks[rowid], self._snippet(view, query)))
        return result

    @staticmethod
    def _snippet(view: IncidentView, query: str) -> str:
        """A snippet of the body where the query matched it, else of the title. Private-use
        marks tell a real match from brackets already in the text."""
        marks = ("\ue000", "\ue001")
        for text in (rec.search_text(view.body), view.title):
            snip = search.snippet(text, query, mark=marks)
            if marks[0] in snip:
                return snip.replace(marks[0], "[").replace(marks[1], "]")
        return search.snippet(view.title, query)

    # --- drafts -------------------------------------------------------------------------------

    def _index(self, conn: Connection, rowid: int, inc: rec.Incident) -> None:
        search.SearchIndex(conn).put(rowid, title=inc["title"], body=rec.search_text(inc))

    def _insert_draft(self, conn: Connection, inc: rec.Incident, *, prev: str | None = None) -> int:
        now = now_iso()
        cur = conn.execute(
            "INSERT INTO incidents(uid, draft_id, state, prev, title, category, country, occurred, "
            "body, created_at, updated_at) VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?)",
            (inc["uid"], _new_draft_id(), prev, inc["title"], inc["category"], inc["country"],
             inc["occurred"]["start"], _dumps(inc), now, now))
        rowid = int(cur.lastrowid)
        self._index(conn, rowid, inc)
        return rowid

    def _save_draft(self, conn: Connection, view: IncidentView, inc: rec.Incident) -> None:
        if view.is_sealed:
            raise SealedRecordError(f"Incident {view.ref[:12]}… is sealed and cannot be edited.")
        conn.execute("UPDATE incidents SET title = ?, category = ?, country = ?, occurred = ?, "
                     "body = ?, updated_at = ? WHERE rowid = ?",
                     (inc["title"], inc["category"], inc["country"], inc["occurred"]["start"],
                      _dumps(inc), now_iso(), view.rowid))
        self._index(conn, view.rowid, inc)

    def _view_by_rowid(self, conn: Connection, rowid: int) -> IncidentView:
        row = conn.execute(f"SELECT {_INCIDENT_COLUMNS} FROM incidents WHERE rowid = ?",
                           (rowid,)).fetchone()
        return self._row_to_view(row)

    def create_incident(self, *, title: str, category: str, occurred: str, country: str,
                        place: str = "", description: str = "", precision: str | None = None,
                        occurred_end: str | None = None,
                        confidentiality: str = "internal") -> IncidentView:
        inc = rec.new_incident(
            title=title, category=category,
            occurred=rec.parse_when(occurred, precision=precision, end=occurred_end),
            country=country, place=place, description=description,
            confidentiality=confidentiality, taxonomy=self.taxonomy, created_at=now_iso())
        with self.vault.write() as conn:
            return self._view_by_rowid(conn, self._insert_draft(conn, inc))

    def _edit(self, ref: str, change: Callable[[rec.Incident], T], *,
              files: Sequence[_PendingFile] = ()) -> tuple[IncidentView, T]:
        """Apply ``change(inc) -> result`` to a draft inside one write transaction, together
        with the rows of any files it now references."""

        def work(conn: Connection) -> tuple[IncidentView, T]:
            view = self._resolve(conn, ref)
            if view.is_sealed:
                raise SealedRecordError(f"Incident {view.ref[:12]}… is sealed and cannot be "
                                        "edited.")
            inc = view.body
            result = change(inc)
            self._save_draft(conn, view, inc)
            return self._view_by_rowid(conn, view.rowid), result

        return self._commit_with_files(files, work)

    def update_incident(self, ref: str, *, title: str | None = None, category: str | None = None,
                        occurred: str | None = None, precision: str | None = None,
                        occurred_end: str | None = None, country: str | None = None,
                        place: str | None = None, description: str | None = None,
                        confidentiality: str | None = None) -> IncidentView:
        when = (rec.parse_when(occurred, precision=precision, end=occurred_end)
                if occurred else None)

        def change(inc: rec.Incident) -> None:
            rec.update_fields(inc, taxonomy=self.taxonomy, title=title, category=category,
                              occurred=when, country=country, place=place,
                              description=description, confidentiality=confidentiality)

        return self._edit(ref, change)[0]

    def add_person(self, ref: str, *, pseudonym: str, roles: list[str],
                   **details: Any) -> tuple[IncidentView, dict[str, Any]]:
        return self._edit(ref, lambda inc: rec.add_person(inc, pseudonym=pseudonym, roles=roles,
                                                          **details))

    def add_act(self, ref: str, *, act_type: str, victims: list[str],
                perpetrators: list[tuple[str, str]],
                description: str = "") -> tuple[IncidentView, dict[str, Any]]:
        return self._edit(ref, lambda inc: rec.add_act(
            inc, act_type=act_type, victims=victims, perpetrators=perpetrators,
            description=description, taxonomy=self.taxonomy))

    def add_testimony(self, ref: str, *, witness: str, language: str, consent: str, text: str,
                      audio: Path | None = None, progress: Progress | None = None,
                      cancel: CancelToken | None = None) -> tuple[IncidentView, dict[str, Any]]:
        files = []
        if audio is not None:
            self._require_draft(ref)
            files.append(self._import_file(audio, progress=progress, cancel=cancel))
        return self._edit(ref, lambda inc: rec.add_testimony(
            inc, witness=witness, language=language, consent=consent, text=text,
            recorded_at=now_iso(), audio=files[0].ref if files else None), files=files)

    def add_evidence(self, ref: str, path: Path, *, description: str = "",
                     media_type: str | None = None, captured_at: str | None = None,
                     gps: dict[str, float] | None = None, derived_from: str | None = None,
                     transformation: str | None = None,
                     progress: Progress | None = None,
                     cancel: CancelToken | None = None) -> tuple[IncidentView, dict[str, Any]]:
        """Import a file (streamed, encrypted, hashed in one pass) and list it as evidence.
        With ``derived_from`` (the original's SHA-256) or ``transformation`` it is a derived
        item (a crop, a redaction...), which must say which transformation made it."""
        original = derived_from is None and transformation is None
        self._require_draft(ref)
        pending = self._import_file(path, media_type=media_type, progress=progress,
                                    cancel=cancel)
        return self._edit(ref, lambda inc: rec.add_evidence(
            inc, file=pending.ref, description=description, captured_at=captured_at, gps=gps,
            original=original, derived_from=derived_from, transformation=transformation,
            custody=[self._imported_event(pending.ref["file_name"])]), files=[pending])

    def _imported_event(self, file_name: str) -> dict[str, Any]:
        return {"at": now_iso(), "actor": self.vault.device_key.verify_key.key_id,
                "action": "imported", "note": f"imported into the vault from {file_name}"}

    def _require_draft(self, ref: str) -> None:
        view = self.get(ref)
        if view.is_sealed:
            raise SealedRecordError(f"Incident {view.ref[:12]}… is sealed and cannot be edited.")

    def _import_file(self, path: Path, *, media_type: str | None = None,
                     progress: Progress | None, cancel: CancelToken | None) -> _PendingFile:
        """Encrypt a file into the store (streamed, hashed in the same pass). Its database row
        is written by :meth:`_commit_with_files` in the transaction that references it."""
        path = Path(path)
        if not path.is_file():
            raise NotFoundError(f"There is no file at {path}.")
        blob = self.vault.attachments.import_file(path, label=path.name, progress=progress,
                                                  cancel=cancel)
        media = media_type or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return _PendingFile(blob, rec.file_ref(sha256=blob.sha256, size=blob.size,
                                               media_type=media, file_name=path.name))

    def _commit_with_files(self, files: Sequence[_PendingFile],
                           work: Callable[[Connection], T]) -> T:
        """Run ``work`` and register ``files`` in one transaction. If anything fails, the
        encrypted files are removed too: nothing is left half-imported. A file whose bytes are
        already stored is kept once."""
        redundant: list[str] = []
        try:
            with self.vault.write() as conn:
                for f in files:
                    existing = conn.execute("SELECT 1 FROM attachments WHERE sha256 = ? AND "
                                            "size = ?", (f.blob.sha256, f.blob.size)).fetchone()
                    if existing is not None:
                        redundant.append(f.blob.blob)
                        continue
                    conn.execute(
                        "INSERT INTO attachments(id, blob, file_key, sha256, size, media_type, "
                        "file_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        ("a-" + f.blob.blob[:16], f.blob.blob, f.blob.key, f.blob.sha256,
                         f.blob.size, f.ref["media_type"], f.ref["file_name"], now_iso()))
                result = work(conn)
        except BaseException:
            for f in files:
                self.vault.attachments.delete(f.blob.blob)
            raise
        for name in redundant:
            self.vault.attachments.delete(name)
        return result

    # --- attachments --------------------------------------------------------------------------

    def attachment(self, ref: str) -> AttachmentInfo:
        """Find an attachment by its id (``a-…``) or a prefix (≥ 8 hex) of its SHA-256."""
        ref = ref.strip().lower()
        if len(ref) < 8 and not ref.startswith("a-"):
            raise ValidationError("Give at least 8 characters of the evidence SHA-256.")
        rows = self.vault.read().execute(
            "SELECT id, blob, file_key, sha256, size, media_type, file_name FROM attachments "
            "WHERE id = ? OR sha256 LIKE ? LIMIT 2", (ref, ref.replace("%", "") + "%")).fetchall()
        if not rows:
            raise NotFoundError(f"No evidence file matches {ref!r}.",
                                hint="`fieldkit show INCIDENT` lists evidence with its SHA-256.")
        if len(rows) > 1:
            raise AmbiguousIdError(f"{ref!r} matches more than one evidence file.")
        aid, blob, key, sha, size, media, name = rows[0]
        return AttachmentInfo(aid, sha, size, media, name, StoredBlob(blob, bytes(key), sha, size))

    def stored_blob(self, sha256: str, size: int) -> StoredBlob | None:
        """The stored file with exactly this digest and size, or None if the vault lacks it
        (sync, bundles and anything else naming a file the way a sealed record does)."""
        row = self.vault.read().execute(
            "SELECT blob, file_key FROM attachments WHERE sha256 = ? AND size = ?",
            (sha256, size)).fetchone()
        return None if row is None else StoredBlob(str(row[0]), bytes(row[1]), sha256, size)

    def extract_evidence(self, ref: str, dest: Path, *, progress: Progress | None = None,
                         cancel: CancelToken | None = None) -> AttachmentInfo:
        info = self.attachment(ref)
        self.vault.attachments.extract(info.blob, Path(dest), label=info.file_name,
                                       progress=progress, cancel=cancel)
        # Evidence leaving the vault is worth knowing about later (who had a copy when).
        self.vault.log_activity("extract", f"{info.sha256} {info.file_name} -> {dest}")
        return info

    # --- sealing ------------------------------------------------------------------------------

    def _chain_head(self, conn: Connection) -> tuple[int, str | None]:
        key_id = self.vault.device_key.verify_key.key_id
        row = conn.execute("SELECT seq, record_id FROM sealed WHERE device = ? "
                           "ORDER BY seq DESC LIMIT 1", (key_id,)).fetchone()
        return (0, None) if row is None else (int(row[0]), row[1])

    def _store_sealed(self, conn: Connection, kind: str, record: dict[str, Any],
                      prev: str | None) -> sealing.SealedRecord:
        seq, head = self._chain_head(conn)
        sealed = sealing.seal(kind=kind, record=record, key=self.vault.device_key, seq=seq + 1,
                              chain_prev=head, prev=prev, sealed_at=now_iso())
        conn.execute("INSERT INTO sealed(record_id, kind, device, seq, chain_prev, prev, "
                     "sealed_at, envelope) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     (sealed.record_id, kind, sealed.device, sealed.seq, sealed.chain_prev,
                      prev, sealed.sealed_at, sealed.envelope.to_bytes()))
        return sealed

    def _seal_in(self, conn: Connection, view: IncidentView) -> sealing.SealedRecord:
        if view.is_sealed:
            raise SealedRecordError(f"Incident {view.ref[:12]}… is already sealed.",
                                    hint="To correct it, use `fieldkit amend ID`.")
        inc = view.body
        rec.validate(inc, taxonomy=self.taxonomy)
        for e in inc["evidence"] + [t["audio"] for t in inc["testimonies"] if t.get("audio")]:
            if conn.execute("SELECT 1 FROM attachments WHERE sha256 = ? AND size = ?",
                            (e["sha256"], e["size"])).fetchone() is None:
                raise NotFoundError(f"The file {e['file_name']} listed in this incident is not "
                                    "in the vault.", hint="Import it again before sealing.")
        sealed = self._store_sealed(conn, "incident", inc, view.prev)
        self.vault.log_activity("seal", f"{sealed.record_id} #{sealed.seq} {inc['title'][:80]}",
                                conn=conn)
        conn.execute("UPDATE incidents SET state = 'sealed', record_id = ?, "
                     "updated_at = ? WHERE rowid = ?", (sealed.record_id, now_iso(), view.rowid))
        link_sealed(conn, sealed.record_id)
        return sealed

    def seal(self, ref: str) -> sealing.SealedRecord:
        """Seal a draft: sign it with the device key and freeze it."""
        with self.vault.write() as conn:
            return self._seal_in(conn, self._resolve(conn, ref))

    def amend(self, record_id: str, **changes: Any) -> IncidentView:
        """Start a new revision of a sealed incident: a draft that names its predecessor.
        ``changes`` are the fields of :meth:`update_incident`."""
        with self.vault.write() as conn:
            view = self._resolve(conn, record_id)
            if not view.is_sealed:
                raise ValidationError(f"{view.ref} is a draft: edit it directly.")
            own = self.vault.device_key.verify_key.key_id
            if self._device_of(conn, view.record_id or "") != own:
                raise SealedRecordError(
                    f"Incident {view.ref[:12]}… was sealed by another device. Only the device "
                    "that sealed a record may amend it; an amendment from this one would "
                    "replace nothing.",
                    hint=f"Annotate it instead: `fieldkit annotate {view.ref[:12]} --text …` "
                         "(the note is shown beside the record and never replaces it).")
            if view.superseded_by:
                raise ValidationError(f"Incident {view.ref[:12]}… was already amended by "
                                      f"{view.superseded_by[:12]}…; amend that one.")
            pending = conn.execute("SELECT draft_id FROM incidents WHERE prev = ? AND state = "
                                   "'draft'", (view.record_id,)).fetchone()
            if pending is not None:
                raise ValidationError(f"An amendment of this incident is already open as draft "
                                      f"{pending[0]}.", hint="Edit and seal that draft.")
            rowid = self._insert_draft(conn, json.loads(_dumps(view.body)), prev=view.record_id)
            draft = self._view_by_rowid(conn, rowid)
        if any(v is not None for v in changes.values()):
            assert draft.draft_id is not None
            draft = self.update_incident(draft.draft_id, **changes)
        return draft

    def add_custody_event(self, sha256_ref: str, *, action: str,
                          note: str = "") -> sealing.SealedRecord:
        """Append a custody event for an evidence file; sealed at once (append-only)."""
        info = self.attachment(sha256_ref)
        rec.check_text(action, "The custody action", required=True, limit=200)
        at = now_iso()
        actor = self.vault.device_key.verify_key.key_id
        record = {"schema": "fieldkit.custody/1", "sha256": info.sha256, "at": at,
                  "actor": actor, "action": action, "note": rec.check_text(note, "The note")}
        with self.vault.write() as conn:
            sealed = self._store_sealed(conn, "custody", record, None)
            conn.execute("INSERT INTO custody_events(sha256, at, actor, action, note, record_id) "
                         "VALUES (?, ?, ?, ?, ?, ?)",
                         (info.sha256, at, actor, action, note, sealed.record_id))
        return sealed

    def custody_events(self, sha256: str) -> list[dict[str, Any]]:
        rows = self.vault.read().execute(
            "SELECT at, actor, action, note, record_id FROM custody_events WHERE sha256 = ? "
            "ORDER BY id", (sha256,))
        return [dict(zip(("at", "actor", "action", "note", "record_id"), r, strict=True))
                for r in rows]

    # --- amendments, conflicts, forks, annotations ------------------------------------------

    @staticmethod
    def _device_of(conn: Connection, record_id: str) -> str | None:
        row = conn.execute("SELECT device FROM sealed WHERE record_id = ?",
                           (record_id,)).fetchone()
        return None if row is None else str(row[0])

    def device_of(self, record_id: str) -> str | None:
        """The key id of the device that sealed ``record_id`` (None: not a sealed record
        of this vault)."""
        return self._device_of(self.vault.read(), record_id)

    def conflicts_against(self, record_id: str) -> list[IncidentView]:
        """Records that name ``record_id`` as their predecessor but may not supersede it
        (sealed by another device, or of another incident), oldest first."""
        rows = self.vault.read().execute(
            f"SELECT {_INCIDENT_COLUMNS} FROM incidents WHERE prev = ? AND state = 'sealed' "
            "AND conflict IS NOT NULL ORDER BY rowid", (record_id,)).fetchall()
        return [self._row_to_view(r) for r in rows]

    def fork_of(self, view: IncidentView) -> list[str]:
        """The current revisions of ``view``'s incident sealed by the device that sealed
        ``view`` (sorted record ids), when there are two or more: a fork. Else []."""
        if not view.record_id or view.conflict:
            return []
        conn = self.vault.read()
        device = self._device_of(conn, view.record_id)
        rows = conn.execute(
            "SELECT i.record_id FROM incidents i JOIN sealed s ON s.record_id = i.record_id "
            "WHERE i.uid = ? AND s.device = ? AND i.state = 'sealed' AND "
            "i.superseded_by IS NULL AND i.conflict IS NULL ORDER BY i.record_id",
            (view.uid, device)).fetchall()
        return [str(r[0]) for r in rows] if len(rows) > 1 else []

    def forked_ids(self, record_ids: Sequence[str]) -> set[str]:
        """Which of these sealed records are one of two or more current revisions of one
        incident by one device (the app marks them)."""
        ids = [r for r in record_ids if r]
        if not ids:
            return set()
        marks = ",".join("?" * len(ids))
        rows = self.vault.read().execute(
            "SELECT i.record_id FROM incidents i JOIN sealed s ON s.record_id = i.record_id "
            f"WHERE i.record_id IN ({marks}) AND i.conflict IS NULL AND "
            "i.superseded_by IS NULL AND EXISTS ("
            "SELECT 1 FROM incidents j JOIN sealed t ON t.record_id = j.record_id "
            "WHERE j.uid = i.uid AND t.device = s.device AND j.record_id != i.record_id "
            "AND j.state = 'sealed' AND j.superseded_by IS NULL AND j.conflict IS NULL)", ids)
        return {str(r[0]) for r in rows}

    def _insert_annotation(self, conn: Connection, sealed: sealing.SealedRecord) -> None:
        note = sealed.record
        conn.execute("INSERT INTO annotations(record_id, target, device, at, confidentiality, "
                     "text) VALUES (?, ?, ?, ?, ?, ?)",
                     (sealed.record_id, note["target"], sealed.device, note["at"],
                      note["confidentiality"], note["text"]))

    def annotate(self, ref: str, *, text: str,
                 confidentiality: str = "internal") -> sealing.SealedRecord:
        """Seal an annotation of a sealed incident (any device's): a note shown beside the
        record, which never replaces it. How staff correct a record they did not seal."""
        with self.vault.write() as conn:
            view = self._resolve(conn, ref)
            if not view.is_sealed or not view.record_id:
                raise ValidationError(f"{view.ref} is a draft: edit it directly.",
                                      hint="Annotations are for sealed records.")
            device = self._device_of(conn, view.record_id)
            assert device is not None
            note = amd.new_annotation(target=view.record_id, target_uid=view.uid,
                                      target_device=device, text=text, at=now_iso(),
                                      confidentiality=confidentiality)
            sealed = self._store_sealed(conn, "annotation", note, None)
            self._insert_annotation(conn, sealed)
            self.vault.log_activity("annotate", f"{sealed.record_id} on {view.record_id}",
                                    conn=conn)
        return sealed

    def annotations_for(self, view: IncidentView) -> list[dict[str, Any]]:
        """Annotations of this revision and of every revision of the same incident by the
        same device (each says which revision it annotates), oldest first."""
        if not view.record_id:
            return []
        conn = self.vault.read()
        device = self._device_of(conn, view.record_id)
        rows = conn.execute(
            "SELECT a.record_id, a.target, a.device, a.at, a.confidentiality, a.text "
            "FROM annotations a JOIN incidents i ON i.record_id = a.target "
            "JOIN sealed s ON s.record_id = a.target "
            "WHERE a.target = ? OR (i.uid = ? AND s.device = ? AND i.conflict IS NULL "
            "AND ? IS NULL) ORDER BY a.at, a.record_id",
            (view.record_id, view.uid, device, view.conflict)).fetchall()
        keys = ("record_id", "target", "device", "at", "confidentiality", "text")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def store_pulled(self, sealed: sealing.SealedRecord, *, device_key: VerifyKey,
                     log_index: int, files: Sequence[tuple[StoredBlob, str, str]] = (),
                     after: Callable[[Connection], None] | None = None) -> bool:
        """Keep a verified record sealed by another device (pulled from the registry), with
        its files (already adopted into the attachment store: blob, media type, file name).
        Idempotent: False if the vault already holds it. ``after`` runs in the same
        transaction (the caller's cursor update). The trust gate (:meth:`_vouch`): the vault
        must hold the verified enrolment of the device, and ``log_index`` (the record's, from
        its verified receipt) must lie after it and before any revocation. An incident whose
        ``prev`` names a record of another device or incident is kept as a conflict and
        supersedes nothing."""
        if device_key.key_id != sealed.device:
            raise ValidationError("The device key does not match the record's device.")
        if sealed.kind == "annotation":
            amd.check_annotation(sealed.record, record_id=sealed.record_id)
        with self.vault.write() as conn:
            if conn.execute("SELECT 1 FROM sealed WHERE record_id = ?",
                            (sealed.record_id,)).fetchone() is not None:
                if after is not None:
                    after(conn)
                return False
            self._vouch(conn, device_key, log_index)
            conn.execute("INSERT OR IGNORE INTO known_devices(key_id, public_key, first_seen) "
                         "VALUES (?, ?, ?)", (device_key.key_id, device_key.to_bytes(), now_iso()))
            conn.execute("INSERT INTO sealed(record_id, kind, device, seq, chain_prev, prev, "
                         "sealed_at, envelope) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (sealed.record_id, sealed.kind, sealed.device, sealed.seq,
                          sealed.chain_prev, sealed.prev, sealed.sealed_at,
                          sealed.envelope.to_bytes()))
            for blob, media, name in files:
                conn.execute(
                    "INSERT OR IGNORE INTO attachments(id, blob, file_key, sha256, size, "
                    "media_type, file_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    ("a-" + blob.blob[:16], blob.blob, blob.key, blob.sha256, blob.size, media,
                     name, now_iso()))
            rec_ = sealed.record
            if sealed.kind == "incident":
                cur = conn.execute(
                    "INSERT INTO incidents(uid, draft_id, record_id, state, prev, title, category, "
                    "country, occurred, body, created_at, updated_at) "
                    "VALUES (?, NULL, ?, 'sealed', ?, ?, ?, ?, ?, ?, ?, ?)",
                    (rec_["uid"], sealed.record_id, sealed.prev, rec_["title"], rec_["category"],
                     rec_["country"], rec_["occurred"]["start"], _dumps(rec_),
                     rec_.get("created_at", sealed.sealed_at), now_iso()))
                self._index(conn, int(cur.lastrowid), rec_)
                # supersedes only its own device's record of the same incident, whichever
                # of the two arrives first (fieldkit/domain/amendments.py)
                link_sealed(conn, sealed.record_id)
            elif sealed.kind == "annotation":
                self._insert_annotation(conn, sealed)
            else:
                conn.execute("INSERT INTO custody_events(sha256, at, actor, action, note, "
                             "record_id) VALUES (?, ?, ?, ?, ?, ?)",
                             (rec_.get("sha256"), rec_.get("at"), rec_.get("actor"),
                              rec_.get("action"), rec_.get("note", ""), sealed.record_id))
            if after is not None:
                after(conn)
        return True

    def sealed_record(self, record_id: str) -> sealing.SealedRecord:
        """Load and verify one sealed record of this vault."""
        row = self.vault.read().execute("SELECT envelope FROM sealed WHERE record_id = ?",
                                        (record_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"No sealed record {record_id[:12]}….")
        return sealing.open_sealed(bytes(row[0]), self._trusted(), expected_id=record_id)

    @staticmethod
    def _vouch(conn: Connection, key: VerifyKey, log_index: int) -> None:
        """The gate before a pulled record's key enters ``known_devices``: the device's
        enrolment entry (verified by the sync client before it is stored) names this key with
        a role that may submit, the record was logged after it and before any revocation."""
        row = conn.execute("SELECT public_key, role, log_index FROM device_enrolments "
                           "WHERE key_id = ?", (key.key_id,)).fetchone()
        revoked = conn.execute("SELECT log_index FROM device_revocations WHERE key_id = ?",
                               (key.key_id,)).fetchone()
        if row is None or bytes(row[0]) != key.to_bytes() or row[1] not in SUBMIT_ROLES \
                or not int(row[2]) < log_index \
                or (revoked is not None and (revoked[0] is None or int(revoked[0]) < log_index)):
            raise UnknownSignerError(f"The log does not vouch for device {key.key_id[:20]}… "
                                     f"at log index {log_index}: the record is not kept.")

    def _trusted(self) -> dict[str, VerifyKey]:
        """This device's key and the keys of devices whose records were pulled (a key id is
        the SHA-256 of its key, so these cannot be swapped)."""
        vk = self.vault.device_key.verify_key
        trusted = {vk.key_id: vk}
        for key_id, raw in self.vault.read().execute(
                "SELECT key_id, public_key FROM known_devices"):
            key = VerifyKey.from_bytes(bytes(raw))
            if key.key_id == key_id:
                trusted[key_id] = key
        return trusted

    # --- bulk ---------------------------------------------------------------------------------

    def import_incidents(self, items: Iterable[dict[str, Any]], *, base_dir: Path | None = None,
                         seal: bool = False, batch: int = 100, progress: Progress | None = None,
                         cancel: CancelToken | None = None,
                         total: int | None = None) -> list[IncidentView]:
        """Import incidents in the demo/sample JSON shape (``resources/demo/README.md``).

        Each batch is one transaction with the rows of its evidence files, so an interruption
        or a bad item leaves only whole incidents, and no stray files. Evidence files are
        looked up relative to ``base_dir`` (skipped when it is None); a missing one is an error.
        """
        items = list(items)
        total = total if total is not None else len(items)
        created: list[IncidentView] = []
        for start in range(0, len(items), batch):
            check(cancel)
            files: list[_PendingFile] = []
            try:
                prepared = [self._prepare_import(item, base_dir, files=files, cancel=cancel)
                            for item in items[start:start + batch]]
            except BaseException:
                for f in files:
                    self.vault.attachments.delete(f.blob.blob)
                raise

            def work(conn: Connection, prepared: list[rec.Incident] = prepared
                     ) -> list[IncidentView]:
                views = []
                for inc in prepared:
                    rowid = self._insert_draft(conn, inc)
                    if seal:
                        self._seal_in(conn, self._view_by_rowid(conn, rowid))
                    views.append(self._view_by_rowid(conn, rowid))
                return views

            created += self._commit_with_files(files, work)
            if progress is not None:
                progress(len(created), total)
        return created

    def _prepare_import(self, item: dict[str, Any], base_dir: Path | None, *,
                        files: list[_PendingFile], cancel: CancelToken | None) -> rec.Incident:
        key = item.get("key", item.get("title", "?")) if isinstance(item, dict) else "?"
        try:
            inc = rec.new_incident(
                title=item["title"], category=item["category"],
                occurred=rec.parse_when(item["occurred"], precision=item.get("precision"),
                                        end=item.get("occurred_end")),
                country=item["country"], place=item.get("place", ""),
                description=item.get("description", ""),
                confidentiality=item.get("confidentiality", "internal"),
                taxonomy=self.taxonomy, created_at=now_iso())
            refs: dict[str, str] = {}
            for p in item.get("persons", []):
                person = rec.add_person(inc, pseudonym=p["pseudonym"], roles=p.get("roles", []),
                                        gender=p.get("gender"), age_group=p.get("age_group"))
                refs[p.get("ref", p["pseudonym"])] = person["pseudonym"]
            for a in item.get("acts", []):
                rec.add_act(inc, act_type=a["type"],
                            victims=[refs.get(v, v) for v in a.get("victims", [])],
                            perpetrators=[(refs.get(p["ref"], p["ref"]), p["involvement"])
                                          for p in a.get("perpetrators", [])],
                            description=a.get("description", ""), taxonomy=self.taxonomy)
            for t in item.get("testimonies", []):
                rec.add_testimony(inc, witness=t["witness"], language=t["language"],
                                  consent=t["consent"], text=t["text"], recorded_at=now_iso())
            for ev in item.get("evidence", []) if base_dir is not None else []:
                pending = self._import_file(base_dir / ev["file"],
                                            media_type=ev.get("media_type"), progress=None,
                                            cancel=cancel)
                files.append(pending)
                rec.add_evidence(inc, file=pending.ref, description=ev.get("description", ""),
                                 captured_at=ev.get("captured_at"), gps=ev.get("gps"),
                                 custody=[self._imported_event(ev["file"])])
        except (KeyError, TypeError, AttributeError) as e:
            raise ValidationError(f"Incident {key!r} is malformed: {type(e).__name__} {e}.",
                                  hint="See resources/demo/README.md for the format.") from None
        except FieldKitError as e:
            e.message = f"Incident {key!r}: {e.message}"
            e.args = (e.message,)
            raise
        return inc

    # --- checks -------------------------------------------------------------------------------

    def check(self, *, deep: bool = True, cancel: CancelToken | None = None) -> CheckReport:
        """Verify the database, every sealed record and the device chain, and (``deep``)
        decrypt every attachment. Returns a report; nothing is repaired."""
        report = CheckReport()
        report.problems += self.vault.integrity_problems()
        conn = self.vault.read()
        trusted = self._trusted()
        own = self.vault.device_key.verify_key.key_id
        chain: list[sealing.SealedRecord] = []
        # every sealed record: this device's (in chain order) and those pulled from others
        for record_id, envelope, seq, device in conn.execute(
                "SELECT record_id, envelope, seq, device FROM sealed "
                "ORDER BY device != ?, device, seq", (own,)):
            check(cancel)
            try:
                sealed = sealing.open_sealed(bytes(envelope), trusted, expected_id=record_id)
            except IntegrityError as e:
                report.problems.append(f"sealed record #{seq} of {device[:20]}…: {e}")
                continue
            if device == own:
                chain.append(sealed)
            if sealed.kind == "incident":
                row = conn.execute("SELECT body FROM incidents WHERE record_id = ?",
                                   (record_id,)).fetchone()
                if row is None or json.loads(row[0]) != sealed.record:
                    report.problems.append(f"incident {record_id[:12]}… differs from its seal")
                files = sealed.record.get("evidence", []) + [
                    t["audio"] for t in sealed.record.get("testimonies", []) if t.get("audio")]
                for f in files:
                    if conn.execute("SELECT 1 FROM attachments WHERE sha256 = ? AND size = ?",
                                    (f["sha256"], f["size"])).fetchone() is None:
                        report.problems.append(f"incident {record_id[:12]}… names the file "
                                               f"{f['file_name']} ({f['sha256'][:12]}…), which "
                                               "is not in the vault")
            elif sealed.kind == "annotation":
                row = conn.execute("SELECT target, at, confidentiality, text FROM annotations "
                                   "WHERE record_id = ?", (record_id,)).fetchone()
                note = sealed.record
                if row is None or list(row) != [note.get("target"), note.get("at"),
                                                note.get("confidentiality"), note.get("text")]:
                    report.problems.append(f"annotation {record_id[:12]}… differs from its "
                                           "seal")
            else:
                row = conn.execute("SELECT sha256, at, action, note FROM custody_events WHERE "
                                   "record_id = ?", (record_id,)).fetchone()
                rec_ = sealed.record
                if row is None or list(row) != [rec_.get("sha256"), rec_.get("at"),
                                                rec_.get("action"), rec_.get("note")]:
                    report.problems.append(f"custody event {record_id[:12]}… differs from its "
                                           "seal")
        report.sealed_records = int(conn.execute("SELECT count(*) FROM sealed").fetchone()[0])
        try:
            sealing.verify_chain(chain)
        except ChainError as e:
            report.problems.append(str(e))
        report.drafts = int(conn.execute(
            "SELECT count(*) FROM incidents WHERE state = 'draft'").fetchone()[0])
        rows = conn.execute("SELECT id, blob, file_key, sha256, size, file_name FROM attachments"
                            ).fetchall()
        report.attachments = len(rows)
        present = set(self.vault.attachments.blobs())
        known = {row[1] for row in rows}
        report.orphans = sorted(present - known)
        for _aid, blob, key, sha, size, name in rows:
            check(cancel)
            if blob not in present:
                report.problems.append(f"attachment {name} ({sha[:12]}…) is missing")
                continue
            if deep:
                try:
                    self.vault.attachments.verify(StoredBlob(blob, bytes(key), sha, size),
                                                  label=name, cancel=cancel)
                    report.attachments_verified += 1
                except IntegrityError as e:
                    report.problems.append(str(e))
        return report

    def activity(self, *, limit: int = 100) -> list[dict[str, str]]:
        """The vault's local activity log, newest first."""
        rows = self.vault.read().execute(
            "SELECT at, action, detail FROM activity ORDER BY id DESC LIMIT ?", (limit,))
        return [{"at": at, "action": action, "detail": detail} for at, action, detail in rows]

    def stats(self) -> dict[str, int]:
        conn = self.vault.read()

        def one(sql: str) -> int:
            return int(conn.execute(sql).fetchone()[0])

        return {"incidents": one("SELECT count(*) FROM incidents WHERE superseded_by IS NULL"),
                "drafts": one("SELECT count(*) FROM incidents WHERE state = 'draft'"),
                "sealed": one("SELECT count(*) FROM sealed"),
                "attachments": one("SELECT count(*) FROM attachments")}
