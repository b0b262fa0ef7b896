"""The incident list model, without a window: lazy pages, filters, search, the columns."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from fieldkit.service import VaultService
from fieldkit.storage.vault import Vault
from fieldkit.ui import i18n
from fieldkit.ui.context import AppContext
from fieldkit.ui.incidents import PAGE_SIZE, IncidentFilter, IncidentTableModel, RowRole

from .conftest import PASSPHRASE


def items(n: int, *, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    cats = ["hate_crime.killing", "authorities.raids_detention", "hate_crime.desecration"]
    return [{"title": f"Incident {i:06d} near the market", "category": cats[i % 3],
             "occurred": f"20{10 + i % 16:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}",
             "country": ("SY", "IQ", "FR")[i % 3],
             "description": rng.choice(["قرب المسجد", "at the school", "у мечети"])}
            for i in range(n)]


def load(qtbot, model: IncidentTableModel, flt: IncidentFilter | None = None) -> None:
    with qtbot.waitSignal(model.loaded, timeout=30_000):
        if flt is None:
            model.reload()
        else:
            model.set_filter(flt)


def test_columns_show_title_label_country_date_state_synced(qtbot, ctx: AppContext) -> None:
    svc = ctx.service
    draft = svc.create_incident(title="المسجد المحترق", category="hate_crime.desecration",
                                occurred="2026-03-04", country="SY")
    model = IncidentTableModel(ctx)
    load(qtbot, model)
    assert model.rowCount() == 1 and model.columnCount() == 6
    row = [model.data(model.index(0, c)) for c in range(6)]
    label = svc.taxonomy.get("hate_crime.desecration").label("en")
    assert row == ["المسجد المحترق", label, "SY", "\u20662026-03-04\u2069", "Draft", "No"]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == draft.ref
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "Title", "Category", "Country", "Date", "State", "Synced"]

    assert draft.draft_id is not None
    sealed = svc.seal(draft.draft_id)
    amendment = svc.amend(sealed.record_id, title="المسجد المحترق (تصحيح)")
    assert amendment.draft_id is not None
    svc.seal(amendment.draft_id)
    load(qtbot, model)
    assert model.rowCount() == 1  # the superseded revision is hidden
    assert model.data(model.index(0, 4)) == "Sealed (amended)"


def test_category_label_follows_the_language(qtbot, ctx: AppContext) -> None:
    ctx.service.create_incident(title="t", category="authorities.raids_detention",
                                occurred="2026-01-01", country="IQ")
    model = IncidentTableModel(ctx)
    load(qtbot, model)
    i18n.set_language("ar")
    try:
        ar = ctx.service.taxonomy.get("authorities.raids_detention").label("ar")
        assert model.data(model.index(0, 1)) == ar
        assert any("\u0600" <= ch <= "\u06ff" for ch in ar)
    finally:
        i18n.set_language("en")


def test_filters(qtbot, ctx: AppContext) -> None:
    ctx.service.import_incidents(items(30))
    model = IncidentTableModel(ctx)
    load(qtbot, model, IncidentFilter(country="FR"))
    assert model.rowCount() == 10
    assert {r.country for r in model.rows} == {"FR"}
    load(qtbot, model, IncidentFilter(category="authorities"))
    assert {r.category for r in model.rows} == {"authorities.raids_detention"}
    load(qtbot, model, IncidentFilter(date_from="2020-01-01", date_to="2021"))
    assert model.rows and all("2020-01-01" <= r.occurred <= "2021-12-31" for r in model.rows)
    load(qtbot, model, IncidentFilter(state="sealed"))
    assert model.rowCount() == 0
    load(qtbot, model, IncidentFilter(synced=True))
    assert model.rowCount() == 0
    load(qtbot, model, IncidentFilter(synced=False))
    assert model.rowCount() == 30


def test_synced_means_a_receipt_is_kept(qtbot, ctx: AppContext) -> None:
    svc = ctx.service
    a = svc.create_incident(title="a", category="authorities.raids_detention",
                            occurred="2026-01-01", country="IQ")
    svc.create_incident(title="b", category="authorities.raids_detention", occurred="2026-01-02",
                        country="IQ")
    assert a.draft_id is not None
    sealed = svc.seal(a.draft_id)
    with svc.vault.write() as conn:  # what the sync client stores once a receipt verified
        conn.execute("INSERT INTO receipts(record_id, log_index, receipt, received_at) "
                     "VALUES (?, 1, '{}', '2026-01-03T00:00:00Z')", (sealed.record_id,))
    model = IncidentTableModel(ctx)
    load(qtbot, model, IncidentFilter(synced=True))
    assert [r.title for r in model.rows] == ["a"]
    assert model.data(model.index(0, 5)) == "Yes"
    load(qtbot, model, IncidentFilter(synced=False))
    assert [r.title for r in model.rows] == ["b"]


def test_search_uses_the_core_normalisation(qtbot, ctx: AppContext) -> None:
    ctx.service.create_incident(title="حريق في المَسْجِد", category="hate_crime.desecration",
                                occurred="2026-03-04", country="SY")
    ctx.service.create_incident(title="School closed", category="authorities.raids_detention",
                                occurred="2026-03-05", country="FR")
    model = IncidentTableModel(ctx)
    load(qtbot, model, IncidentFilter(query="مسجد"))
    assert [r.title for r in model.rows] == ["حريق في المَسْجِد"]
    load(qtbot, model, IncidentFilter(query="مسجد", country="FR"))
    assert model.rowCount() == 0
    assert not model.canFetchMore()


def test_a_stale_page_is_dropped(qtbot, ctx: AppContext) -> None:
    ctx.service.import_incidents(items(10))
    model = IncidentTableModel(ctx)
    model.set_filter(IncidentFilter(country="SY"))
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.set_filter(IncidentFilter(country="FR"))
    assert ctx.tasks.wait_idle(10_000)
    assert {r.country for r in model.rows} == {"FR"}


@pytest.fixture(scope="module")
def big_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """100,000 incidents, built once for this module (about 10 s)."""
    path = tmp_path_factory.mktemp("big") / "vault"
    vault, _ = Vault.create(path, PASSPHRASE)
    with vault:
        VaultService(vault).import_incidents(items(100_000), batch=5000)
    return path


def test_100k_rows_load_lazily(qtbot, locked_ctx: AppContext, big_vault: Path) -> None:
    locked_ctx.vault_dir = big_vault
    locked_ctx.attach(Vault.open(big_vault, PASSPHRASE))
    model = IncidentTableModel(locked_ctx)
    load(qtbot, model)
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    with qtbot.waitSignal(model.count_known, timeout=30_000) as counted:
        pass
    assert counted.args == [100_000]
    assert model.rowCount() == PAGE_SIZE  # knowing the count loads nothing
    for _ in range(3):
        with qtbot.waitSignal(model.loaded, timeout=10_000):
            model.fetchMore(QModelIndex())
    assert model.rowCount() == 4 * PAGE_SIZE
    rows = [model.data(model.index(i, 0), RowRole) for i in range(model.rowCount())]
    keys = [(r.occurred, r.rowid) for r in rows]
    assert keys == sorted(keys, reverse=True) and len(set(keys)) == len(keys)
    # newest first across page boundaries: the keyset cursor loses and repeats nothing
    assert len({r.rowid for r in rows}) == 4 * PAGE_SIZE


def test_100k_scrolling_and_search_never_stall_the_gui(qtbot, locked_ctx: AppContext,
                                                      big_vault: Path, type_text,
                                                      gui_stall_probe) -> None:
    from fieldkit.ui.incidents import IncidentsPage

    locked_ctx.vault_dir = big_vault
    locked_ctx.attach(Vault.open(big_vault, PASSPHRASE))
    page = IncidentsPage(locked_ctx)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.model.loading,
                    timeout=20_000)
    gui_stall_probe.start()
    bar = page.table.verticalScrollBar()
    for _ in range(8):  # the view asks for more rows each time it reaches the end
        before = page.model.rowCount()
        bar.setValue(bar.maximum())
        qtbot.waitUntil(lambda b=before: page.model.rowCount() > b and not page.model.loading,
                        timeout=20_000)
    assert PAGE_SIZE * 9 <= page.model.rowCount() < 100_000
    type_text(page.search, "market")
    qtbot.waitUntil(lambda: page.model.filter.query == "market" and not page.model.loading,
                    timeout=20_000)
    assert page.model.rowCount() > 0
    gui_stall_probe.assert_no_stall(100)
