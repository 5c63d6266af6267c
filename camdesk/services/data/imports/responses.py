"""Importing survey answers (满意度调查结果) from a spreadsheet: a questionnaire tool's
export, a call centre's list of return-visit scores.

Each row finds its customer by code, mobile, phone or email (as orders do); a row whose
customer is not found is refused with the value it was looked up by. Scores are read by
:func:`cleaning.score` ("9", "9分", "4星", 非常满意 ... 非常不满意). The survey is the row's own (a survey
column) or the one the import names; a survey that does not exist yet is created asking
the scores the file has. Answers stored already (same customer, survey, time and scores)
are skipped, so the same file imported twice adds nothing. Detractors among answers of the
last :data:`FOLLOW_UP_DAYS` days get their follow-up; older ones are history.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from camdesk.db import Database
from camdesk.errors import ValidationError
from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.models import Survey, SurveyResponse, new_id
from camdesk.services.core.changelog import ChangeWriter, Op
from camdesk.services.core.changes import Kind
from camdesk.services.core.context import Actor
from camdesk.services.core.progress import step
from camdesk.services.data.imports.activity import KEYS, checked_keys, find_customers
from camdesk.services.data.imports.customers import import_session
from camdesk.services.data.imports.report import ImportOptions, ImportReport, RowProblem
from camdesk.services.data.imports.rows import convert
from camdesk.services.data.sheets import Table
from camdesk.services.feedback.rules import load_rules
from camdesk.services.feedback.surveys import ResponseData, checked_response, write_responses

FOLLOW_UP_DAYS = 30
NO_CUSTOMER = QT_TRANSLATE_NOOP(
    "errors",
    "No customer has this code, phone or email: import or add the customer first, then these answers.",
)
NO_SURVEY = QT_TRANSLATE_NOOP(
    "errors", "Say which survey the answers belong to: map a survey column, or name one."
)


def import_responses(
    db: Database,
    table: Table,
    options: ImportOptions,
    actor: Actor,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import the survey answers of ``table`` (see the module's description)."""
    report = ImportReport(rows=len(table.rows), dry_run=options.dry_run,
                          kinds=Kind.FEEDBACK | Kind.FOLLOWUPS)  # fmt: skip
    columns = {key: header for header, key in options.mapping.items()}
    rows: list[tuple[int, dict[str, Any]]] = []
    for index, cells in enumerate(table.rows):
        if index % 1000 == 0:
            step(progress, cancelled, index, 2 * len(table.rows))
        values, problems = convert(table.headers, cells, options.mapping, options.kind)
        values["_as_written"] = {k: values[k] for k in KEYS if k in values}  # for messages
        found = checked_keys(values) + [(p.field, p.message, dict(p.params)) for p in problems]
        if not values.get("survey") and not options.survey.strip():
            found.append(("survey", NO_SURVEY, {}))
        if found:
            report.add(RowProblem(table.row_numbers[index], columns.get(f, ""),
                                  str(params.get("value", "")), m, params)
                       for f, m, params in found)  # fmt: skip
        else:
            rows.append((table.row_numbers[index], values))
    with import_session(db, options, report, actor) as session:
        owners = find_customers(session, [v for _, v in rows])
        surveys = _surveys(session, rows, options, columns)
        seen = _already_imported(session, set(owners.values()))
        in_file: Counter[tuple[Any, ...]] = Counter()
        planned: list[dict[str, Any]] = []
        for number, values in rows:
            customer = next((owners[(k, values[k])] for k in KEYS if (k, values.get(k)) in owners),
                            None)  # fmt: skip
            if customer is None:
                key = next((k for k in KEYS if values.get(k)), "name")
                written = values["_as_written"].get(key, "")
                report.add([RowProblem(number, columns.get(key, ""), str(written), NO_CUSTOMER)])
                continue
            survey = surveys[str(values.get("survey") or options.survey).strip()]
            stored = _checked(session, survey, customer, values, number, columns, report)
            if stored is None:
                continue
            identity = (customer, survey.id, stored["answered_at"], stored["nps"], stored["csat"])
            in_file[identity] += 1
            if in_file[identity] <= seen[identity]:
                report.skipped += 1
                continue
            planned.append(stored)
            report.created += 1
        if report.stop_before_writing(options):
            return report
        writer = ChangeWriter(session, actor, uuid.uuid4())
        for survey in surveys.values():
            if survey not in session:  # named by the file, new
                session.add(survey)
                session.flush()
                writer.add("survey", survey.id, Op.INSERT)
        recent = datetime.now(UTC) - timedelta(days=FOLLOW_UP_DAYS)
        write_responses(session, writer, planned, load_rules(session), source="import",
                        follow_up_after=recent)  # fmt: skip
        step(progress, cancelled, 2 * len(table.rows), 2 * len(table.rows))
        report.change_id, report.written = writer.txn_id, True
        return report


def _surveys(session: Session, rows: list[tuple[int, dict[str, Any]]], options: ImportOptions,
             columns: dict[str, str]) -> dict[str, Survey]:  # fmt: skip
    """The surveys the rows name, by name: stored ones, or new ones (not yet added) asking
    the scores the file has."""
    names = {str(v.get("survey") or options.survey).strip() for _, v in rows}
    found = {s.name: s for s in session.scalars(
        select(Survey).where(Survey.name.in_(sorted(names)), Survey.deleted_at.is_(None)))}  # fmt: skip
    for name in names - found.keys():
        found[name] = Survey(id=new_id(), name=name[:100], asks_csat="csat" in columns,
                             asks_nps="nps" in columns, questions="[]", active=True,
                             updated_by=None)  # fmt: skip
    return found


def _checked(session: Session, survey: Survey, customer: uuid.UUID, values: dict[str, Any],
             number: int, columns: dict[str, str],
             report: ImportReport) -> dict[str, Any] | None:  # fmt: skip
    """The response to store for a row, checked as one recorded by hand; None (reported)
    if it cannot be."""
    answered = values["answered_at"]
    data = ResponseData(customer, survey.id, csat=values.get("csat"), nps=values.get("nps"),
                        comment=values.get("comment"),
                        answered_at=(answered if answered.tzinfo else answered.astimezone())
                        .astimezone(UTC))  # fmt: skip
    try:
        return checked_response(session, survey, data)
    except ValidationError as refused:
        report.add(RowProblem(number, columns.get(p.field, ""),
                              str(values.get(p.field, p.params.get("value", ""))), p.message,
                              dict(p.params)) for p in refused.problems)  # fmt: skip
        return None


def _already_imported(session: Session, customers: set[uuid.UUID]) -> Counter[tuple[Any, ...]]:
    seen: Counter[tuple[Any, ...]] = Counter()
    wanted = sorted(customers)
    r = SurveyResponse
    for start in range(0, len(wanted), 500):
        for row in session.execute(
            select(r.customer_id, r.survey_id, r.answered_at, r.nps, r.csat)
            .where(r.customer_id.in_(wanted[start : start + 500]), r.deleted_at.is_(None))
        ):  # fmt: skip
            seen[tuple(row)] += 1
    return seen
