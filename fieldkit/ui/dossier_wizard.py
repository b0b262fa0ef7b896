"""The dossier export wizard (staff): which incidents, for which audience, in which language,
where to write the PDF and its verification bundle; then the export runs on a worker
(``fieldkit.export.job.export_dossier``) with progress and cancel, and the last page says
where both files are and the bundle's contents digest (the value printed in the dossier).

A cancel or an error leaves no file: the job removes whatever it had written.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from fieldkit.errors import CancelledError, FieldKitError
from fieldkit.ui.context import AppContext
from fieldkit.ui.errors import error_text
from fieldkit.ui.syncpanel import alive
from fieldkit.ui.tasks import Task, TaskControl

if TYPE_CHECKING:
    from fieldkit.export.job import ExportResult

AUDIENCES = ("internal", "partners", "public")


@dataclass(frozen=True)
class DossierRequest:
    """Everything the wizard collected: the arguments of ``export_dossier``."""

    ids: list[str] | None
    date_from: str | None
    date_to: str | None
    country: str | None
    category: str | None
    audience: str
    language: str
    out_pdf: Path
    out_bundle: Path | None
    include_files: bool
    prepared_by: str


def _default_dir() -> Path:
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs) if docs and Path(docs).is_dir() else Path.home()


class SelectionPage(QWizardPage):
    """Which incidents: the ones selected on the Staff page, or all sealed ones matching a
    filter (period, country, category)."""

    def __init__(self, ctx: AppContext, selected: list[str], parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.selected = selected
        self.setObjectName("dossierWizard.selectionPage")
        self.setTitle(self.tr("Which incidents?"))
        self.setSubTitle(self.tr("Only sealed incidents go into a dossier, each in its newest "
                                 "revision."))
        self.use_selected = QRadioButton(
            self.tr("The {n} incidents selected").format(n=len(selected)), self)
        self.use_selected.setObjectName("dossierWizard.useSelected")
        self.use_filter = QRadioButton(self.tr("Every sealed incident matching:"), self)
        self.use_filter.setObjectName("dossierWizard.useFilter")
        group = QButtonGroup(self)
        group.addButton(self.use_selected)
        group.addButton(self.use_filter)
        self.use_selected.setEnabled(bool(selected))
        (self.use_selected if selected else self.use_filter).setChecked(True)

        self.date_from = QLineEdit(self)
        self.date_from.setObjectName("dossierWizard.dateFrom")
        self.date_from.setAccessibleName(self.tr("From date"))
        self.date_from.setPlaceholderText(self.tr("YYYY, YYYY-MM or YYYY-MM-DD"))
        self.date_to = QLineEdit(self)
        self.date_to.setObjectName("dossierWizard.dateTo")
        self.date_to.setAccessibleName(self.tr("To date (inclusive)"))
        self.date_to.setPlaceholderText(self.tr("YYYY, YYYY-MM or YYYY-MM-DD"))
        self.country = QLineEdit(self)
        self.country.setObjectName("dossierWizard.country")
        self.country.setAccessibleName(self.tr("Country (two-letter code)"))
        self.country.setMaxLength(2)
        self.country.setPlaceholderText(self.tr("e.g. FR"))
        self.category = QComboBox(self)
        self.category.setObjectName("dossierWizard.category")
        self.category.setAccessibleName(self.tr("Category"))
        self.category.addItem(self.tr("Any category"), None)
        lang = ctx.settings.language
        for cat in ctx.service.taxonomy.categories():
            indent = "    " if cat.parent else ""
            self.category.addItem(indent + cat.label(lang), cat.code)

        form = QFormLayout()
        form.addRow(self.tr("From:"), self.date_from)
        form.addRow(self.tr("To:"), self.date_to)
        form.addRow(self.tr("Country:"), self.country)
        form.addRow(self.tr("Category:"), self.category)
        self.filter_box = QWidget(self)
        self.filter_box.setLayout(form)
        self.use_filter.toggled.connect(self.filter_box.setEnabled)
        self.filter_box.setEnabled(self.use_filter.isChecked())

        layout = QVBoxLayout(self)
        layout.addWidget(self.use_selected)
        layout.addWidget(self.use_filter)
        layout.addWidget(self.filter_box)


class AudiencePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dossierWizard.audiencePage")
        self.setTitle(self.tr("Who will read it?"))
        self.setSubTitle(self.tr("The audience decides what the dossier and its bundle leave "
                                 "out. Nothing removed can be recovered from them."))
        explain = {
            "internal": (self.tr("Internal (our organisation)"), self.tr(
                "Everything: names and contacts of people, every testimony, the GPS position "
                "of evidence.")),
            "partners": (self.tr("Partners"), self.tr(
                "Leaves out incidents not cleared for partners and testimonies given without "
                "consent to share with partners. People appear by pseudonym only: no names, no "
                "contacts.")),
            "public": (self.tr("Public"), self.tr(
                "Only incidents and testimonies cleared for publication; people by pseudonym "
                "only; the GPS position of evidence is removed too.")),
        }
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        for audience in AUDIENCES:
            title, text = explain[audience]
            button = QRadioButton(title, self)
            button.setObjectName(f"dossierWizard.audience.{audience}")
            button.setAccessibleDescription(text)
            label = QLabel(text, self)
            label.setWordWrap(True)
            label.setIndent(24)
            label.setObjectName(f"dossierWizard.audienceText.{audience}")
            self.group.addButton(button)
            self.buttons[audience] = button
            layout.addWidget(button)
            layout.addWidget(label)
        self.buttons["partners"].setChecked(True)
        layout.addStretch(1)

    def audience(self) -> str:
        return next(a for a, b in self.buttons.items() if b.isChecked())


class OutputPage(QWizardPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dossierWizard.outputPage")
        self.setTitle(self.tr("Language and files"))
        self.setSubTitle(self.tr("The bundle lets anyone check the dossier offline: the signed "
                                 "records and the registry's proofs."))
        self.language = QComboBox(self)
        self.language.setObjectName("dossierWizard.language")
        self.language.setAccessibleName(self.tr("Dossier language"))
        self.language.addItem("العربية", "ar")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if ctx.settings.language == "ar" else 1)
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
        base = _default_dir() / f"fieldkit-dossier-{stamp}"
        self.pdf_edit = QLineEdit(str(base.with_suffix(".pdf")), self)
        self.pdf_edit.setObjectName("dossierWizard.pdfPath")
        self.pdf_edit.setAccessibleName(self.tr("Dossier PDF file"))
        self.bundle_edit = QLineEdit(str(base.with_suffix(".zip")), self)
        self.bundle_edit.setObjectName("dossierWizard.bundlePath")
        self.bundle_edit.setAccessibleName(self.tr("Verification bundle file"))
        self.with_bundle = QCheckBox(self.tr("Also write the verification bundle"), self)
        self.with_bundle.setObjectName("dossierWizard.withBundle")
        self.with_bundle.setChecked(True)
        self.with_bundle.toggled.connect(self.bundle_edit.setEnabled)
        self.include_files = QCheckBox(self.tr("Include evidence files in the bundle (otherwise "
                                               "they are listed by SHA-256 only)"), self)
        self.include_files.setObjectName("dossierWizard.includeFiles")
        self.include_files.setChecked(True)
        self.with_bundle.toggled.connect(self.include_files.setEnabled)
        self.prepared_by = QLineEdit(self)
        self.prepared_by.setObjectName("dossierWizard.preparedBy")
        self.prepared_by.setAccessibleName(self.tr("Prepared by"))

        def browse_row(edit: QLineEdit, caption: str, pattern: str) -> QHBoxLayout:
            row = QHBoxLayout()
            button = QPushButton(self.tr("Browse…"), self)
            button.setAccessibleName(caption)

            def ask() -> None:
                path, _ = QFileDialog.getSaveFileName(self, caption, edit.text(), pattern)
                if path:
                    edit.setText(path)
            button.clicked.connect(ask)
            row.addWidget(edit, 1)
            row.addWidget(button)
            return row

        form = QFormLayout(self)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Dossier (PDF):"), browse_row(
            self.pdf_edit, self.tr("Save the dossier as"), self.tr("PDF files (*.pdf)")))
        form.addRow(self.with_bundle)
        form.addRow(self.tr("Bundle (ZIP):"), browse_row(
            self.bundle_edit, self.tr("Save the bundle as"), self.tr("ZIP files (*.zip)")))
        form.addRow(self.include_files)
        form.addRow(self.tr("Prepared by:"), self.prepared_by)
        self.pdf_edit.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(self.pdf_edit.text().strip())


class RunPage(QWizardPage):
    """Runs the export when shown; complete once it succeeded."""

    def __init__(self, wizard: DossierWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setObjectName("dossierWizard.runPage")
        self.setTitle(self.tr("Exporting"))
        self.progress = QProgressBar(self)
        self.progress.setObjectName("dossierWizard.progress")
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.cancel_button = QPushButton(self.tr("Cancel export"), self)
        self.cancel_button.setObjectName("dossierWizard.cancelButton")
        self.cancel_button.setEnabled(False)
        self.status = QLabel(self)
        self.status.setObjectName("dossierWizard.status")
        self.status.setAccessibleName(self.tr("Export result"))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.wiz.start_export()

    def cleanupPage(self) -> None:  # Back: stop a running export first
        if self.wiz.task is not None:
            self.wiz.task.cancel()

    def isComplete(self) -> bool:
        return self.wiz.export_result is not None


class DossierWizard(QWizard):
    """``DossierWizard(ctx, selected_ids)``: ``selected_ids`` are the incidents chosen where
    the wizard was opened (may be empty: then a filter picks them)."""

    def __init__(self, ctx: AppContext, selected_ids: list[str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("dossierWizard")
        self.setWindowTitle(self.tr("Export a dossier"))
        self.setAccessibleName(self.tr("Export a dossier"))
        self.setMinimumSize(640, 480)
        self.task: Task[Any] | None = None
        self.export_result: ExportResult | None = None
        self.error: FieldKitError | None = None
        self.selection_page = SelectionPage(ctx, list(selected_ids or []), self)
        self.audience_page = AudiencePage(self)
        self.output_page = OutputPage(ctx, self)
        self.run_page = RunPage(self)
        for page in (self.selection_page, self.audience_page, self.output_page, self.run_page):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        ctx.locked.connect(self._on_locked)

    def request(self) -> DossierRequest:
        sel, out = self.selection_page, self.output_page
        use_ids = sel.use_selected.isChecked()

        def text(edit: QLineEdit) -> str | None:
            return edit.text().strip() or None

        bundle = text(out.bundle_edit) if out.with_bundle.isChecked() else None
        return DossierRequest(
            ids=list(sel.selected) if use_ids else None,
            date_from=None if use_ids else text(sel.date_from),
            date_to=None if use_ids else text(sel.date_to),
            country=None if use_ids else text(sel.country),
            category=None if use_ids else sel.category.currentData(),
            audience=self.audience_page.audience(), language=out.language.currentData(),
            out_pdf=Path(out.pdf_edit.text().strip()).expanduser(),
            out_bundle=Path(bundle).expanduser() if bundle else None,
            include_files=out.include_files.isChecked(),
            prepared_by=out.prepared_by.text().strip())

    def start_export(self) -> None:
        if self.task is not None:
            return
        from fieldkit.export.job import export_dossier
        from fieldkit.export.selection import Selection

        req = self.request()
        service = self.ctx.service
        page = self.run_page
        self.export_result, self.error = None, None
        page.status.setText(self.tr("Selecting, verifying and rendering…"))
        page.status.setStyleSheet("")

        def work(c: TaskControl) -> ExportResult:
            filters = None if req.ids is not None else Selection(
                req.date_from, req.date_to, req.country, req.category)
            return export_dossier(service, ids=req.ids, filters=filters,
                                  audience=req.audience, language=req.language,
                                  out_pdf=req.out_pdf, out_bundle=req.out_bundle,
                                  include_files=req.include_files,
                                  prepared_by=req.prepared_by, progress=c.progress,
                                  cancel=c.cancel)

        def done(result: ExportResult) -> None:
            if not alive(self):  # closed or locked meanwhile
                return
            self.task = None
            self.export_result = result
            page.status.setText(self.result_text(result))
            page.completeChanged.emit()

        def failed(err: FieldKitError) -> None:
            if not alive(self):  # closed or locked meanwhile
                return
            self.task = None
            self.error = err
            page.progress.setRange(0, 100)
            page.progress.setValue(0)
            if isinstance(err, CancelledError):
                page.status.setText(self.tr("Cancelled. No file was written."))
            else:
                page.status.setText(self.tr("The dossier was not written.") + "\n"
                                    + error_text(err))
                page.status.setStyleSheet("color: #a40000;")
            page.completeChanged.emit()

        self.task = self.ctx.tasks.run(work, on_done=done, on_error=failed,
                                       title=self.tr("Exporting the dossier"),
                                       progress=page.progress, cancel_button=page.cancel_button,
                                       changes=frozenset({"audit"}))

    def result_text(self, result: ExportResult) -> str:
        pdf, bundle = result.pdf, result.bundle
        lines = [self.tr("Dossier: {path} ({pages} pages, {n} incidents)").format(
            path=str(pdf), pages=result.pages, n=len(result.record_ids))]
        if bundle is not None:
            lines.append(self.tr("Bundle: {path}").format(path=str(bundle)))
            lines.append(self.tr("Contents digest (printed in the dossier): {digest}").format(
                digest=result.contents_digest or ""))
            lines.append(self.tr("Anyone can check it with: fieldkit verify {bundle} "
                                 "--dossier {pdf}").format(bundle=str(bundle), pdf=str(pdf)))
        return "\n".join(lines)

    def _on_locked(self) -> None:
        self.reject()

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()
        super().reject()

    def done(self, result: int) -> None:
        """Closing for good (finish, cancel, lock): stop listening to the context."""
        with contextlib.suppress(RuntimeError, TypeError):
            self.ctx.locked.disconnect(self._on_locked)
        super().done(result)
