"""Which incidents an export holds: by id or by filter, sealed, newest revision, and only
what the audience may see. Every export (dossier, bundle, CSV/JSON, the app's wizard) starts
here, so the rules live in one place.

Revisions follow :mod:`fieldkit.domain.amendments`: a record is replaced only by its own
device's amendment of the same incident; a record whose ``prev`` was not accepted (a
*conflict*) is never chosen for an incident, only exported when named by its own id; and
when one device sealed two current revisions of one incident (a *fork*), the export stops
with :class:`~fieldkit.domain.amendments.RevisionForkError` unless the revision was named
by its own id.

Each selected incident carries its sealed record *verified* against the vault's trusted keys
and the :func:`~fieldkit.export.audience.redact` result for the audience: exports render the
redacted record and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fieldkit.domain import records as rec
from fieldkit.domain.amendments import RevisionForkError
from fieldkit.domain.sealing import SealedRecord
from fieldkit.errors import AmbiguousIdError, NotFoundError, ValidationError
from fieldkit.export.audience import Redacted, check_audience, incident_allowed, redact
from fieldkit.progress import CancelToken, Progress, check
from fieldkit.service import IncidentView, VaultService

_PAGE = 500


@dataclass(frozen=True)
class Selection:
    """A filter over sealed incidents; ``None`` means no constraint. Dates are ISO prefixes
    (``2026``, ``2026-03``, ``2026-03-13``); ``date_to`` is inclusive at its precision."""

    date_from: str | None = None
    date_to: str | None = None
    country: str | None = None
    category: str | None = None

    def is_empty(self) -> bool:
        return not (self.date_from or self.date_to or self.country or self.category)


@dataclass(frozen=True)
class SelectedIncident:
    record_id: str
    view: IncidentView
    sealed: SealedRecord
    redacted: Redacted
    #: annotations of this incident the audience may see (:func:`visible_annotations`)
    annotations: tuple[dict[str, Any], ...] = ()

    @property
    def record(self) -> dict[str, Any]:
        """The incident as the audience may see it."""
        return self.redacted.record


def visible_annotations(service: VaultService, view: IncidentView,
                        audience: str) -> tuple[dict[str, Any], ...]:
    """The annotations shown beside ``view`` in an export for ``audience``: those of its
    revisions (same incident, same device) whose confidentiality allows the audience, sealed
    by the exporting device or by the device that sealed the record. A third device's note
    (say a hostile monitor's, pushed through the registry) is shown in the vault but never
    printed into someone else's dossier. The dossier prints them and the bundle carries
    their sealed envelopes."""
    authors = {service.vault.device_key.verify_key.key_id,
               service.device_of(view.record_id or "")}
    return tuple(a for a in service.annotations_for(view)
                 if rec.level_allows(str(a["confidentiality"]), audience)
                 and a["device"] in authors)


def _check_selection(service: VaultService, sel: Selection) -> Selection:
    """Validate the filter up front, so a typo is an error rather than an empty dossier."""
    for value, what in ((sel.date_from, "--from"), (sel.date_to, "--to")):
        if value:
            try:
                rec.parse_when(value)
            except ValidationError as e:
                raise ValidationError(f"{what} {value!r} is not a date.",
                                      hint="Use YYYY, YYYY-MM or YYYY-MM-DD.") from e
    if sel.date_from and sel.date_to and sel.date_to[:10] < sel.date_from[:10]:
        raise ValidationError(f"The period ends ({sel.date_to}) before it starts "
                              f"({sel.date_from}).")
    country = rec.check_country(sel.country) if sel.country else None
    if sel.category:
        service.taxonomy.get(sel.category)  # NotFoundError with suggestions
    return Selection(sel.date_from, sel.date_to, country, sel.category)


def _matches(view: IncidentView, sel: Selection) -> bool:
    if sel.country and view.country != sel.country:
        return False
    if sel.category and not (view.category == sel.category
                             or view.category.startswith(sel.category + ".")):
        return False
    if sel.date_from and view.occurred < sel.date_from:
        return False
    return not (sel.date_to and view.occurred[:len(sel.date_to)] > sel.date_to)


def _newest(service: VaultService, view: IncidentView) -> IncidentView:
    """Follow ``superseded_by`` to the newest sealed revision of the same incident (the rule
    of fieldkit/domain/amendments.py decided what may supersede what). A revision in a fork
    is refused: only naming it directly chooses it."""
    seen = {view.record_id}
    while view.superseded_by:
        nxt = service.get(view.superseded_by)
        if nxt.record_id in seen:  # a loop would be a corrupt vault; stop rather than spin
            break
        seen.add(nxt.record_id)
        view = nxt
    fork = service.fork_of(view)
    if fork:
        raise RevisionForkError(view.uid, fork)
    return view


def _by_uid(service: VaultService, ref: str) -> IncidentView | None:
    """The current revision of the incident with this uid: its sealed, non-conflicting,
    not superseded record. Two devices' records with one uid are two incidents (ambiguous);
    two of one device's are a fork."""
    uid = ref.strip().lower()
    rows = service.vault.read().execute(
        "SELECT i.record_id, i.draft_id, s.device FROM incidents i LEFT JOIN sealed s ON "
        "s.record_id = i.record_id WHERE i.uid = ? AND i.superseded_by IS NULL AND "
        "i.conflict IS NULL ORDER BY i.state = 'sealed' DESC, i.rowid DESC", (uid,)).fetchall()
    if not rows:
        return None
    sealed = [r for r in rows if r[0]]
    if not sealed:
        return service.get(rows[0][1])
    devices = {r[2] for r in sealed}
    if len(devices) > 1:
        raise AmbiguousIdError(f"{len(devices)} devices sealed records with the incident id "
                               f"{uid}: " + ", ".join(sorted(r[0][:12] + "…" for r in sealed)),
                               hint="Name the record by its record id (`fieldkit show ID`).")
    if len(sealed) > 1:
        raise RevisionForkError(uid, [str(r[0]) for r in sealed])
    return service.get(sealed[0][0])


def _resolve(service: VaultService, ref: str) -> IncidentView:
    view = _by_uid(service, ref) if len(ref.strip()) == 36 else None
    if view is None:
        view = service.get(ref)
        if view.is_sealed and view.superseded_by is None:
            return view  # named directly: the person chose this revision (even in a fork)
    if not view.is_sealed:
        raise ValidationError(f"Incident {view.ref} is a draft: seal it first.",
                              hint=f"`fieldkit seal {view.ref}` seals it; exports hold sealed "
                                   "records only.")
    return _newest(service, view)


def select_records(service: VaultService, *, ids: list[str] | None,
                   selection: Selection | None, audience: str,
                   progress: Progress | None = None,
                   cancel: CancelToken | None = None) -> list[SelectedIncident]:
    """The incidents to export, verified and redacted for ``audience``.

    ``ids`` (record ids, uids, draft ids of sealed incidents, or unique prefixes) are kept in
    the order given; an id the audience may not see is an error, never a silent omission.
    Without ids, every sealed incident matching ``selection`` (oldest first) that the
    audience may see; conflicting records are left out (they replace nothing and belong to
    no incident of their own device's), and a fork raises
    :class:`~fieldkit.domain.amendments.RevisionForkError`. With both, the ids are narrowed
    by the filter.
    """
    check_audience(audience)
    sel = _check_selection(service, selection) if selection else Selection()
    views: list[IncidentView] = []
    if ids:
        seen: set[str] = set()
        for ref in ids:
            view = _resolve(service, ref)
            assert view.record_id is not None
            if view.record_id in seen:
                continue
            seen.add(view.record_id)
            if not incident_allowed(view.body, audience):
                raise ValidationError(
                    f"Incident {view.record_id[:12]}… is marked "
                    f"{view.body.get('confidentiality')!r} and may not go to a {audience!r} "
                    "audience.", hint="Leave it out, or choose a narrower audience.")
            if _matches(view, sel):
                views.append(view)
    else:
        offset = 0
        while True:
            check(cancel)
            page = service.list_incidents(
                state="sealed", country=sel.country, category=sel.category,
                date_from=sel.date_from, date_to=sel.date_to, include_conflicts=False,
                limit=_PAGE, offset=offset)
            forked = service.forked_ids([v.record_id or "" for v in page])
            for v in page:
                if v.record_id in forked:
                    raise RevisionForkError(v.uid, service.fork_of(v))
            views += [v for v in page if incident_allowed(v.body, audience)]
            if len(page) < _PAGE:
                break
            offset += _PAGE
        views.sort(key=lambda v: (v.occurred, v.rowid))
    if not views:
        raise NotFoundError("No sealed incident matches this selection for the audience "
                            f"{audience!r}.",
                            hint="`fieldkit incident list --state sealed` shows what there is; "
                                 "widen the period or choose a narrower audience.")
    out: list[SelectedIncident] = []
    for i, view in enumerate(views):
        check(cancel)
        assert view.record_id is not None
        sealed = service.sealed_record(view.record_id)  # verified signature and id
        out.append(SelectedIncident(view.record_id, view, sealed,
                                    redact(sealed.record, audience),
                                    visible_annotations(service, view, audience)))
        if progress is not None:
            progress(i + 1, len(views))
    return out
