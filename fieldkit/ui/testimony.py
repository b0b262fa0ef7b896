"""The testimony dialog: witness, language, consent level, text, and audio (a file, or a
recording where a recorder is available).

The witness is picked from the incident's persons or typed as a new pseudonym (the core adds
the person). Audio is imported into the vault through the task runner with progress and
cancel; a recording made here is deleted from disk as soon as the vault holds it, or when the
dialog closes without saving.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldkit.errors import CancelledError, FieldKitError, ValidationError
from fieldkit.ui.errors import show_error
from fieldkit.ui.persons import follow_text_direction, guarded, ui_language
from fieldkit.ui.recorder import AudioRecorder, default_recorder, recordings_dir

if TYPE_CHECKING:
    from fieldkit.service import IncidentView
    from fieldkit.ui.context import AppContext
    from fieldkit.ui.tasks import TaskControl

#: Languages offered for a testimony, by their own names (so no translation is needed).
LANGUAGES = (("ar", "العربية"), ("en", "English"), ("fr", "Français"), ("ru", "Русский"),
             ("kk", "Қазақша"), ("ky", "Кыргызча"), ("uz", "Oʻzbekcha"), ("tg", "Тоҷикӣ"),
             ("fa", "فارسی"), ("ur", "اردو"), ("tr", "Türkçe"), ("de", "Deutsch"),
             ("es", "Español"), ("uk", "Українська"))

AUDIO_PATTERNS = "(*.wav *.mp3 *.m4a *.aac *.ogg *.opus *.flac *.amr *.3gp *.webm)"

_DEFAULT = object()


class TestimonyDialog(QDialog):
    """Add a testimony to a draft incident."""

    __test__ = False  # not a pytest class, despite the name
    saved = Signal(object, object)  # (IncidentView, testimony dict)

    def __init__(self, ctx: AppContext, ref: str, persons: list[dict[str, Any]],
                 parent: QWidget | None = None, *,
                 recorder: AudioRecorder | object | None = _DEFAULT) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ref = ref
        self.recorder: AudioRecorder | None = (default_recorder() if recorder is _DEFAULT
                                               else recorder)  # type: ignore[assignment]
        self.audio: Path | None = None
        self._recording_dir: Path | None = None
        self._task: Any = None
        self.setObjectName("testimonyDialog")
        self.setWindowTitle(self.tr("Add a testimony"))
        self.setAccessibleName(self.tr("Add a testimony"))
        self.resize(600, 640)
        self.finished.connect(self._discard_recordings)

        form = QFormLayout()
        self.witnessCombo = QComboBox()
        self.witnessCombo.setObjectName("testimonyDialog.witnessCombo")
        self.witnessCombo.setAccessibleName(self.tr("Witness: pick a person or type a new "
                                                    "pseudonym"))
        self.witnessCombo.setEditable(True)
        self.witnessCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for p in persons:
            self.witnessCombo.addItem(p["pseudonym"], p["pseudonym"])
        witnesses = [p["pseudonym"] for p in persons if "witness" in p.get("roles", [])]
        if witnesses:
            self.witnessCombo.setCurrentText(witnesses[0])
        else:
            self.witnessCombo.setCurrentText(self.tr("Witness {n}").format(n=len(persons) + 1))
        self.witnessCombo.setToolTip(self.tr("A pseudonym, never the real name."))
        form.addRow(self.tr("Witness (pseudonym)"), self.witnessCombo)

        self.languageCombo = QComboBox()
        self.languageCombo.setObjectName("testimonyDialog.languageCombo")
        self.languageCombo.setAccessibleName(self.tr("Language of the testimony"))
        for code, name in LANGUAGES:
            self.languageCombo.addItem(f"{name} ({code})", code)
        ui = ui_language(ctx)
        self.languageCombo.setCurrentIndex(max(0, self.languageCombo.findData(ui)))
        form.addRow(self.tr("Language"), self.languageCombo)

        consent_box = QVBoxLayout()
        self.consentGroup = QButtonGroup(self)
        self.consentButtons: dict[str, QRadioButton] = {}
        explanations = {
            "internal": (self.tr("Internal"),
                         self.tr("Only our organisation's staff may read it.")),
            "partners": (self.tr("Partners"),
                         self.tr("Trusted partner organisations may read it too.")),
            "public": (self.tr("Public"),
                       self.tr("It may be published, under the witness's pseudonym.")),
        }
        for level, (label, line) in explanations.items():
            button = QRadioButton(label)
            button.setObjectName(f"testimonyDialog.consent.{level}")
            button.setAccessibleName(self.tr("Consent: {level}").format(level=label))
            button.setAccessibleDescription(line)
            button.setProperty("level", level)
            explain = QLabel(line)
            explain.setObjectName(f"testimonyDialog.consentHelp.{level}")
            explain.setIndent(24)
            explain.setWordWrap(True)
            self.consentGroup.addButton(button)
            self.consentButtons[level] = button
            consent_box.addWidget(button)
            consent_box.addWidget(explain)
        self.consentButtons["internal"].setChecked(True)  # the narrowest is the default
        form.addRow(self.tr("Consent given"), consent_box)

        self.textEdit = QPlainTextEdit()
        self.textEdit.setObjectName("testimonyDialog.textEdit")
        self.textEdit.setAccessibleName(self.tr("Testimony text"))
        follow_text_direction(self.textEdit)
        form.addRow(self.tr("Testimony"), self.textEdit)

        audio_row = QHBoxLayout()
        self.audioLabel = QLabel(self.tr("No audio"))
        self.audioLabel.setObjectName("testimonyDialog.audioLabel")
        self.attachButton = QPushButton(self.tr("Attach audio file…"))
        self.attachButton.setObjectName("testimonyDialog.attachButton")
        self.attachButton.setAccessibleName(self.tr("Attach an audio file"))
        self.attachButton.clicked.connect(self.choose_audio)
        self.recordButton = QPushButton(self.tr("Record"))
        self.recordButton.setObjectName("testimonyDialog.recordButton")
        self.recordButton.setAccessibleName(self.tr("Record audio"))
        self.recordButton.clicked.connect(self.toggle_recording)
        if self.recorder is None:
            self.recordButton.setEnabled(False)
            self.recordButton.setToolTip(self.tr("Recording needs Qt Multimedia and a "
                                                 "microphone, which this computer does not "
                                                 "have. Attach an audio file instead."))
        audio_row.addWidget(self.audioLabel, 1)
        audio_row.addWidget(self.attachButton)
        audio_row.addWidget(self.recordButton)
        form.addRow(self.tr("Audio"), audio_row)

        progress_row = QHBoxLayout()
        self.progressBar = QProgressBar()
        self.progressBar.setObjectName("testimonyDialog.progressBar")
        self.progressBar.setAccessibleName(self.tr("Saving progress"))
        self.progressBar.setVisible(False)
        self.cancelButton = QPushButton(self.tr("Cancel import"))
        self.cancelButton.setObjectName("testimonyDialog.cancelButton")
        self.cancelButton.setVisible(False)
        progress_row.addWidget(self.progressBar, 1)
        progress_row.addWidget(self.cancelButton)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("testimonyDialog.buttons")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(progress_row)
        layout.addWidget(self.buttons)

    # --- values -------------------------------------------------------------------------------

    def witness(self) -> str:
        return self.witnessCombo.currentText().strip()

    def language(self) -> str:
        return str(self.languageCombo.currentData())

    def consent(self) -> str:
        checked = self.consentGroup.checkedButton()
        return str(checked.property("level")) if checked is not None else "internal"

    def set_audio(self, path: Path | None) -> None:
        self.audio = path
        self.audioLabel.setText(path.name if path else self.tr("No audio"))

    # --- audio --------------------------------------------------------------------------------

    def choose_audio(self) -> QFileDialog:
        """Open a (non-blocking) file dialog; picking a file attaches it."""
        dialog = QFileDialog(self, self.tr("Attach an audio file"))
        dialog.setObjectName("testimonyDialog.fileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([f"{self.tr('Audio')} {AUDIO_PATTERNS}",
                               f"{self.tr('All files')} (*)"])
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        # a bound method, not a lambda: a lambda connected to a WA_DeleteOnClose dialog's
        # signal crashed PySide 6.12 when the dialog was deleted
        dialog.fileSelected.connect(self._audio_selected)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _audio_selected(self, name: str) -> None:
        self.set_audio(Path(name))

    def toggle_recording(self) -> None:
        if self.recorder is None:
            return
        try:
            if not self.recorder.recording:
                if self._recording_dir is None:
                    self._recording_dir = recordings_dir()
                self.recorder.start(self._recording_dir)
                self.recordButton.setText(self.tr("Stop recording"))
                self.audioLabel.setText(self.tr("Recording…"))
            else:
                self.set_audio(self.recorder.stop())
                self.recordButton.setText(self.tr("Record again"))
        except FieldKitError as err:
            show_error(self, err)

    def _discard_recordings(self) -> None:
        """Plaintext audio must not outlive the dialog: the vault keeps the encrypted copy."""
        if self.recorder is not None and self.recorder.recording:
            with contextlib.suppress(FieldKitError):
                self.recorder.stop()
        if self._recording_dir is not None:
            shutil.rmtree(self._recording_dir, ignore_errors=True)
            self._recording_dir = None

    # --- saving -------------------------------------------------------------------------------

    def submit(self) -> None:
        witness, text, audio = self.witness(), self.textEdit.toPlainText(), self.audio
        if not witness:
            show_error(self, ValidationError(self.tr("Name the witness by a pseudonym."),
                                             hint=self.tr("Pick a person or type a new "
                                                          "pseudonym such as “Witness A”.")))
            return
        if not text.strip() and audio is None:
            show_error(self, ValidationError(self.tr("The testimony is empty."),
                                             hint=self.tr("Type the testimony or attach its "
                                                          "audio.")))
            return
        language, consent, ref, ctx = self.language(), self.consent(), self.ref, self.ctx
        self.buttons.setEnabled(False)
        self.progressBar.setVisible(audio is not None)
        self.cancelButton.setVisible(audio is not None)

        def work(c: TaskControl) -> tuple[IncidentView, dict[str, Any]]:
            return ctx.service.add_testimony(ref, witness=witness, language=language,
                                             consent=consent, text=text, audio=audio,
                                             progress=c.progress, cancel=c.cancel)

        def done(result: tuple[IncidentView, dict[str, Any]]) -> None:
            self._task = None
            self.saved.emit(*result)
            self.accept()

        def failed(err: FieldKitError) -> None:
            self._task = None
            self.buttons.setEnabled(True)
            self.progressBar.setVisible(False)
            self.cancelButton.setVisible(False)
            if not isinstance(err, CancelledError):
                show_error(self, err)

        self._task = ctx.tasks.run(
            work, on_done=guarded(self, done),
            on_error=guarded(self, failed), title=self.tr("Saving the testimony"),
            progress=self.progressBar if audio is not None else None,
            cancel_button=self.cancelButton if audio is not None else None,
            changes=frozenset({"incidents"}))
