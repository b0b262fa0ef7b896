"""The one application context every page is built on.

Pages are ``Page(ctx, parent=None)``; they read through ``ctx.service`` (on a worker, via
``ctx.tasks``) and refresh themselves from ``ctx.changed`` — never from calls between pages.
``changed`` carries what changed: a frozenset of ``"incidents"``, ``"evidence"``, ``"sync"``,
``"audit"``, ``"vault"``.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

from fieldkit.errors import VaultLockedError
from fieldkit.service import VaultService
from fieldkit.storage.vault import Vault, vault_exists
from fieldkit.ui.settings import Settings
from fieldkit.ui.tasks import TaskRunner

if TYPE_CHECKING:
    import httpx

    from fieldkit.sync.client import SyncClient

log = logging.getLogger(__name__)

#: Every kind of change a page may listen for.
CHANGE_KINDS = frozenset({"incidents", "evidence", "sync", "audit", "vault"})


class AppContext(QObject):
    changed = Signal(frozenset)
    locked = Signal()
    unlocked = Signal()
    #: Open the editor on an incident (its ref: draft id or record id).
    open_incident = Signal(str)
    #: Open the editor on a new incident.
    new_incident = Signal()
    #: The vault was wiped (panic): the app returns to first run.
    wiped = Signal()

    def __init__(self, vault_dir: Path, settings: Settings | None = None, *,
                 pool: QThreadPool | None = None,
                 sync_transport: httpx.BaseTransport | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault_dir = Path(vault_dir)
        self.settings = settings or Settings()
        self.tasks = TaskRunner(self, pool=pool)
        self.tasks.changed.connect(self.changed)
        #: Passed to SyncClient (tests inject an in-process transport; None means real HTTPS).
        self.sync_transport = sync_transport
        self._service: VaultService | None = None
        self._sync: SyncClient | None = None
        self._retiring = 0
        self._retired = threading.Event()
        self._retired.set()

    # --- state --------------------------------------------------------------------------------

    @property
    def is_unlocked(self) -> bool:
        return self._service is not None and not self._service.vault.is_locked

    @property
    def vault_exists(self) -> bool:
        return vault_exists(self.vault_dir)

    @property
    def service(self) -> VaultService:
        if self._service is None or self._service.vault.is_locked:
            raise VaultLockedError("The vault is locked.")
        return self._service

    @property
    def sync_client(self) -> SyncClient | None:
        """The sync client over the open vault (None while locked)."""
        if not self.is_unlocked:
            return None
        if self._sync is None:
            from fieldkit.sync.client import SyncClient

            self._sync = SyncClient(self.service, transport=self.sync_transport)
        return self._sync

    def role(self) -> str | None:
        """The role this vault is enrolled as (monitor, staff, admin), or None. Reads one row."""
        client = self.sync_client
        if client is None:
            return None
        reg = client.registry()
        return None if reg is None else reg.role

    def notify(self, *what: str) -> None:
        """Tell every page what changed."""
        self.changed.emit(frozenset(what))

    # --- lock / unlock ------------------------------------------------------------------------

    def attach(self, vault: Vault) -> None:
        """Take an unlocked vault (opened or created on a worker) and announce it."""
        if self._service is not None:
            self._retire(self._service.vault)
        self._service = VaultService(vault)
        self._sync = None
        self.settings.last_vault = str(self.vault_dir)
        self.unlocked.emit()
        self.notify(*CHANGE_KINDS)

    def lock(self) -> None:
        """Lock now: the service is gone at once (``ctx.service`` raises VaultLockedError, the
        pages and the editor close on ``locked``), running jobs are cancelled, and the vault
        drops its key and connections (Vault.lock()) as soon as the jobs that were running
        have stopped (see :meth:`_retire`)."""
        service, self._service, self._sync = self._service, None, None
        if service is not None:
            self._retire(service.vault)
            self.locked.emit()

    def _retire(self, vault: Vault) -> None:
        """Lock ``vault`` once no job that was running can still be inside it.

        Closing a SQLite connection while a worker thread runs a query on it crashes the
        process, and a query cannot be interrupted from outside, so the jobs are cancelled
        and the vault locks when the last of them has returned (at once when none runs).
        Until then the key stays in memory only for those jobs; nothing new can reach it."""
        running = [t for t in self.tasks.active if not t.done]
        for task in running:
            task.cancel()
        if not running:
            vault.lock()
            return
        self._retiring += 1
        self._retired.clear()
        pending = set(running)

        def settle(task: object) -> None:
            if task not in pending:
                return
            pending.discard(task)  # type: ignore[arg-type,unused-ignore]
            if not pending:
                vault.lock()
                self._retiring -= 1
                if self._retiring == 0:
                    self._retired.set()

        for task in running:
            task.finished.connect(lambda _r, t=task: settle(t))
            task.failed.connect(lambda _e, t=task: settle(t))

    @property
    def vault_closed(self) -> bool:
        """False while a vault locked earlier still waits for its last jobs."""
        return self._retired.is_set()

    def wait_retired(self, timeout: float) -> bool:
        """Block (on a worker, never the GUI thread) until every vault locked earlier has
        really closed: opening the same vault again needs its file lock back."""
        return self._retired.wait(timeout)

    def wipe(self) -> None:
        """Panic wipe: drop the service, crypto-shred the key file and remove the vault
        directory at once (open connections to unlinked files are harmless), then lock the
        vault object as :meth:`lock` does."""
        from fieldkit.storage.vault import wipe

        service, self._service, self._sync = self._service, None, None
        if self.vault_dir.is_dir():
            wipe(self.vault_dir)
        if service is not None:
            self._retire(service.vault)
            self.locked.emit()
        self.wiped.emit()

    def close(self) -> None:
        """On quit: lock, and give running jobs a few seconds to stop."""
        self.lock()
        self.tasks.wait_idle(5000)

    def __repr__(self) -> str:
        state = "unlocked" if self.is_unlocked else "locked"
        return f"<AppContext {self.vault_dir} {state}>"
