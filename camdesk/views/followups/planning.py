"""Plan follow-ups for everyone, in the background with progress and cancel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from camdesk.services.core.changes import Written
from camdesk.services.core.context import Actor
from camdesk.views.background import TaskState, write_with_progress

if TYPE_CHECKING:
    from camdesk.db import Database
    from camdesk.services.followups.cadence import PlanSummary


def summary_text(summary: PlanSummary) -> str:
    if not summary.planned:
        return QCoreApplication.translate(
            "PlanFollowUps",
            "Every customer already has a follow-up planned; nothing new was planned.",
        )
    return (QCoreApplication.translate("PlanFollowUps", "Planned %1 follow-ups: %2 return visits, %3 wake-up calls, %4 win-backs.")
            .replace("%1", f"{summary.planned:,}").replace("%2", f"{summary.kinds['return']:,}")
            .replace("%3", f"{summary.kinds['wake']:,}")
            .replace("%4", f"{summary.kinds['winback']:,}"))  # fmt: skip


def plan_in_background(parent: QWidget, db: Database, actor: Actor, status: QLabel) -> TaskState | None:  # fmt: skip
    """Ask, then plan the next follow-up of every customer with none planned."""
    answer = QMessageBox.question(parent, QCoreApplication.translate("PlanFollowUps", "Plan follow-ups"), QCoreApplication.translate("PlanFollowUps",
        "Plan the next follow-up for every customer who has none planned?\n\n"
        "Return visits are due one value tier's interval after the last contact (today at "
        "the earliest); silent customers get a wake-up call and churned ones a win-back. "
        "Customers who have a follow-up planned are left as they are."))  # fmt: skip
    if answer != QMessageBox.StandardButton.Yes:
        return None

    def work(state: TaskState) -> Written[PlanSummary]:
        from camdesk.services.followups.cadence import plan_follow_ups

        return plan_follow_ups(db, actor, progress=state.progress, cancelled=state.cancelled)

    return write_with_progress(
        parent, QCoreApplication.translate("PlanFollowUps", "Planning follow-ups…"),
        QCoreApplication.translate("PlanFollowUps", "Cancel"), work,
        lambda result: status.setText(summary_text(result.value)),
        lambda: status.setText(QCoreApplication.translate(
            "PlanFollowUps", "Planning cancelled; nothing was planned.")))  # fmt: skip
