from .links import PartnerLinkCheck
from .nominations import Nomination, NominationDelivery
from .plan import AnnualPlan, NormReminder, PlanTarget
from .review import PageReview
from .tasks import PlanApprovalTask, PlanApprovalTaskState
from .training import TrainingMaterial, TrainingSession

__all__ = [
    "AnnualPlan",
    "Nomination",
    "NominationDelivery",
    "NormReminder",
    "PageReview",
    "PartnerLinkCheck",
    "PlanApprovalTask",
    "PlanApprovalTaskState",
    "PlanTarget",
    "TrainingMaterial",
    "TrainingSession",
]
