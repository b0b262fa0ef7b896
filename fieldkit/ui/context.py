"""The one application context every page is built on.

Pages are ``Page(ctx, parent=None)``; they read through ``ctx.service`` (on a worker, via
``ctx.tasks``) and refresh themselves from ``ctx.changed`` — never from calls between pages.
``changed`` carries what changed: a frozenset of ``"incidents"``, ``"evidence"``, ``"sync"``,
``"audit"``, ``"vault"``.
"""

from __future__ import annotations

import logging
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
            self._service.vault.lock()
        self._service = VaultService(vault)
        self._sync = None
        self.settings.last_vault = str(self.vault_dir)
        self.unlocked.emit()
        self.notify(*CHANGE_KINDS)

    def lock(self) -> None:
        """Drop the service and the key (Vault.lock()); pages and editors close on ``locked``.
        Running tasks that touch the vault fail with VaultLockedError."""
        service, self._service, self._sync = self._service, None, None
        for task in self.tasks.active:
            task.cancel()
        if service is not None:
            service.vault.lock()
            self.locked.emit()

    def wipe(self) -> None:
        """Panic wipe: lock, then crypto-shred the key file and remove the vault directory."""
        from fieldkit.storage.vault import wipe

        service, self._service, self._sync = self._service, None, None
        for task in self.tasks.active:
            task.cancel()
        if service is not None:
            service.vault.wipe()
            self.locked.emit()
        elif self.vault_dir.is_dir():
            wipe(self.vault_dir)
        self.wiped.emit()

    def close(self) -> None:
        """On quit: wait briefly for running jobs, then lock."""
        self.tasks.wait_idle(5000)
        self.lock()

    def __repr__(self) -> str:
        state = "unlocked" if self.is_unlocked else "locked"
        return f"<AppContext {self.vault_dir} {state}>"
