"""The Staff page on a staff vault against a real registry: "Pull" receives the monitor's
sealed incidents (shown in the table); the dossier wizard exports the selected incidents, or
those matching a filter, to a PDF and a verification bundle, with progress and cancel."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QLabel, QWizard
from pytestqt.qtbot import QtBot

from fieldkit.export.verify import verify_bundle
from fieldkit.ui.context import AppContext
from fieldkit.ui.dossier_wizard import DossierWizard
from fieldkit.ui.staff import StaffPage

from .registry_fixtures import *  # noqa: F403 - fixtures
from .registry_fixtures import World, seal_incidents

WAIT = 120_000


@pytest.fixture
def pulled(qtbot: QtBot, staff_ctx: AppContext, world: World, tmp_path: Path
           ) -> tuple[StaffPage, list[str]]:
    """The monitor sends the demo incidents; the staff page pulls them (by clicking)."""
    ids = seal_incidents(world.monitor.service, tmp_path)
    world.monitor.push()
    page = StaffPage(staff_ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(page.pull_button.isEnabled, timeout=WAIT)
    qtbot.mouseClick(page.pull_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.task is None, timeout=WAIT)
    return page, ids


def test_pull_shows_records(qtbot: QtBot, pulled: tuple[StaffPage, list[str]]) -> None:
    page, ids = pulled
    assert page.last_error is None, page.last_error
    report = page.last_report
    assert report is not None and report.records == len(ids) and report.files >= 1
    assert page.report_label.text().startswith(f"Received {len(ids)} records and")
    assert page.progress.value() == 1000
    qtbot.waitUntil(lambda: page.table.rowCount() == len(ids), timeout=WAIT)
    shown = {page.table.item(r, 4).data(Qt.ItemDataRole.UserRole)
             for r in range(page.table.rowCount())}
    assert shown == set(ids)
    titles = {page.table.item(r, 1).text() for r in range(page.table.rowCount())}
    assert any(t.startswith("اعتداء على امرأة محجّبة") for t in titles), titles
    assert page.count_label.text() == f"{len(ids)} sealed incidents"

    # pulling again brings nothing new
    qtbot.mouseClick(page.pull_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.task is None, timeout=WAIT)
    assert page.last_report is not None and page.last_report.records == 0


def _next(qtbot: QtBot, wizard: QWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_dossier_wizard_exports_selected_incidents(
        qtbot: QtBot, pulled: tuple[StaffPage, list[str]], tmp_path: Path) -> None:
    page, ids = pulled
    qtbot.waitUntil(lambda: page.table.rowCount() == len(ids), timeout=WAIT)
    # select the FR and the SE (Arabic) incidents, as a user would with Ctrl+click
    wanted = {r for r in range(page.table.rowCount())
              if page.table.item(r, 2).text() in ("FR", "SE")}
    model = page.table.selectionModel()
    for r in wanted:
        model.select(page.table.model().index(r, 0),
                     QItemSelectionModel.SelectionFlag.Select
                     | QItemSelectionModel.SelectionFlag.Rows)
    chosen = page.selected_ids()
    assert len(chosen) == 2
    assert page.dossier_button.text() == "Export a dossier of 2 incidents…"
    qtbot.mouseClick(page.dossier_button, Qt.MouseButton.LeftButton)
    wizard = page.wizard
    assert isinstance(wizard, DossierWizard)
    assert wizard.selection_page.use_selected.isChecked()
    _next(qtbot, wizard)
    assert wizard.audience_page.buttons["partners"].isChecked()
    texts = wizard.audience_page.findChild(QLabel, "dossierWizard.audienceText.public")
    assert texts is not None and "GPS" in texts.text()
    _next(qtbot, wizard)
    out = wizard.output_page
    out.language.setCurrentIndex(out.language.findData("ar"))
    pdf, bundle = tmp_path / "out" / "dossier.pdf", tmp_path / "out" / "dossier.zip"
    pdf.parent.mkdir()
    out.pdf_edit.setText(str(pdf))
    out.bundle_edit.setText(str(bundle))
    out.prepared_by.setText("Envoy office")
    values: list[int] = []
    wizard.run_page.progress.valueChanged.connect(values.append)
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.run_page
    qtbot.waitUntil(lambda: wizard.task is None, timeout=WAIT)
    assert wizard.error is None, wizard.error
    result = wizard.export_result
    assert result is not None and sorted(result.record_ids) == sorted(chosen)
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    status = wizard.run_page.status.text()
    assert f"Dossier: {pdf}" in status and f"Bundle: {bundle}" in status
    assert result.contents_digest and result.contents_digest in status
    assert values and values[-1] == 1000
    assert pdf.is_file() and bundle.is_file()
    assert sorted(p.name for p in pdf.parent.iterdir()) == ["dossier.pdf", "dossier.zip"]
    text = _pdf_text(pdf)
    assert "محجّبة" in text or "محجبة" in text
    verify_bundle(bundle, dossier=pdf)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.exports_table.rowCount() == 1, timeout=WAIT)
    assert page.exports_table.item(0, 1).text() == "dossier"
    assert page.exports_table.item(0, 2).text() == "partners"


def test_dossier_wizard_by_filter_and_cancel(
        qtbot: QtBot, pulled: tuple[StaffPage, list[str]], tmp_path: Path) -> None:
    page, _ids = pulled
    wizard = DossierWizard(page.ctx, [])
    qtbot.addWidget(wizard)
    wizard.show()
    sel = wizard.selection_page
    assert not sel.use_selected.isEnabled() and sel.use_filter.isChecked()
    sel.country.setText("fr")
    _next(qtbot, wizard)
    wizard.audience_page.buttons["internal"].setChecked(True)
    _next(qtbot, wizard)
    out = wizard.output_page
    out.language.setCurrentIndex(out.language.findData("en"))
    pdf, bundle = tmp_path / "fr.pdf", tmp_path / "fr.zip"
    out.pdf_edit.setText(str(pdf))
    out.bundle_edit.setText(str(bundle))
    out.include_files.setChecked(False)

    # cancel as soon as the export runs: nothing is written
    _next(qtbot, wizard)
    assert wizard.task is not None and wizard.run_page.cancel_button.isEnabled()
    qtbot.mouseClick(wizard.run_page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.task is None, timeout=WAIT)
    assert wizard.export_result is None and wizard.run_page.status.text() == \
        "Cancelled. No file was written."
    assert not pdf.exists() and not bundle.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith((".fr", "fr"))] == []
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()

    # back and forward again: the export runs to the end
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.task is None, timeout=WAIT)
    assert wizard.error is None, wizard.error
    assert wizard.export_result is not None and len(wizard.export_result.record_ids) == 1
    assert pdf.is_file() and bundle.is_file()
    assert "Prière" in _pdf_text(pdf) or "prière" in _pdf_text(pdf)
    verify_bundle(bundle, dossier=pdf)


def test_dossier_wizard_explains_a_bad_filter(
        qtbot: QtBot, staff_ctx: AppContext, tmp_path: Path) -> None:
    wizard = DossierWizard(staff_ctx, [])
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.selection_page.date_from.setText("last tuesday")
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    wizard.output_page.pdf_edit.setText(str(tmp_path / "x.pdf"))
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.task is None, timeout=WAIT)
    assert wizard.error is not None and wizard.export_result is None
    text = wizard.run_page.status.text()
    assert text.startswith("The dossier was not written.\n--from 'last tuesday' is not a date.")
    assert text.endswith("Use YYYY, YYYY-MM or YYYY-MM-DD.")
    assert list(tmp_path.glob("*x.pdf*")) == []


def test_the_staff_page_shows_the_quarantine_in_plain_words(
        qtbot: QtBot, staff_ctx: AppContext, world: World) -> None:
    """A record the log does not vouch for (here: the registry drops its receipt) is not in
    the table of incidents; the page counts it and says why, in the UI's language."""
    import httpx

    from fieldkit.sync.client import SyncClient
    from fieldkit.sync.transport import pinned_context
    from fieldkit.ui import i18n

    class DropReceipts(httpx.BaseTransport):
        """A registry (or proxy) that serves records without receipts and has none."""

        def __init__(self) -> None:
            self.inner = httpx.HTTPTransport(verify=pinned_context(world.live.cert_pem))

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            if request.url.path.startswith("/v1/receipts/"):
                return httpx.Response(404, request=request, json={"error": {
                    "code": "not_found", "message": "No receipt.", "details": {}}})
            response = self.inner.handle_request(request)
            response.read()
            if request.url.path != "/v1/records" or request.method != "GET":
                return response
            body = response.json()
            for item in body["records"]:
                item.pop("receipt", None)
            return httpx.Response(200, json=body, request=request)

    svc = world.monitor.service
    rid = svc.seal(svc.create_incident(title="no receipt", category="hate_crime.arson",
                                       occurred="2026-02", country="GB").ref).record_id
    world.monitor.push()

    client = staff_ctx.sync_client
    assert client is not None
    liar = SyncClient(client.service, transport=DropReceipts(), sleep=lambda _s: None)
    assert liar.pull().quarantined == 1
    page = StaffPage(staff_ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.quarantine_total == 1, timeout=WAIT)
    assert page.table.rowCount() == 0
    assert page.quarantine_label.text().startswith("1 pulled records are in quarantine")
    assert page.quarantine_table.rowCount() == 1 and page.quarantine_table.isVisible()
    assert page.quarantine_table.item(0, 0).toolTip() == rid
    assert page.quarantine_table.item(0, 2).text() == (
        "The registry gave no receipt for it: nothing shows it is in the log.")
    try:
        i18n.set_language("ar")
        page._show_quarantine()
        assert page.quarantine_table.item(0, 2).text() == (
            "لم يقدّم السجل المركزي إيصالاً له: لا شيء يثبت أنه مدرج في سجل الشفافية.")
        assert page.quarantine_label.text().startswith("1 من السجلات المسحوبة معزولة")
    finally:
        i18n.set_language("en")
