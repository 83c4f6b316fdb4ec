from .nominations import Nomination, NominationDelivery
from .plan import AnnualPlan, NormReminder, PlanTarget
from .tasks import PlanApprovalTask, PlanApprovalTaskState

__all__ = [
    "AnnualPlan",
    "Nomination",
    "NominationDelivery",
    "NormReminder",
    "PlanApprovalTask",
    "PlanApprovalTaskState",
    "PlanTarget",
]
