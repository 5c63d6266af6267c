"""SQLAlchemy ORM classes: the tables, no Qt and no business rules."""

from camdesk.models.base import Base, new_id, utcnow
from camdesk.models.changelog import AppMeta, ChangeLog
from camdesk.models.customer import (
    Contact,
    Customer,
    CustomerKind,
    CustomerSearch,
    CustomerTag,
    CustomField,
    CustomValue,
    FieldKind,
    Gender,
    Tag,
)
from camdesk.models.feedback import (
    Feedback,
    FeedbackKind,
    FeedbackSetting,
    FeedbackStatus,
    FeedbackStep,
    Severity,
)
from camdesk.models.followup import FollowUp, FollowUpKind, FollowUpStatus
from camdesk.models.import_run import ImportRun
from camdesk.models.interaction import Direction, Interaction, InteractionKind
from camdesk.models.left_out import LeftOutValue
from camdesk.models.order import Order
from camdesk.models.points import PointsEntry
from camdesk.models.segment import Segment
from camdesk.models.survey import ChurnReason, CustomerScore, Survey, SurveyResponse
from camdesk.models.user import Role, User
from camdesk.models.value import CustomerValue, ValueChange, ValueSetting

__all__ = [
    "AppMeta",
    "Base",
    "ChangeLog",
    "ChurnReason",
    "Contact",
    "CustomField",
    "CustomValue",
    "Customer",
    "CustomerKind",
    "CustomerScore",
    "CustomerSearch",
    "CustomerTag",
    "CustomerValue",
    "Direction",
    "Feedback",
    "FeedbackKind",
    "FeedbackSetting",
    "FeedbackStatus",
    "FeedbackStep",
    "FieldKind",
    "FollowUp",
    "FollowUpKind",
    "FollowUpStatus",
    "Gender",
    "ImportRun",
    "Interaction",
    "InteractionKind",
    "LeftOutValue",
    "Order",
    "PointsEntry",
    "Role",
    "Segment",
    "Severity",
    "Survey",
    "SurveyResponse",
    "Tag",
    "User",
    "ValueChange",
    "ValueSetting",
    "new_id",
    "utcnow",
]
