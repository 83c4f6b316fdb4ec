from .links import PartnerLinkCheck
from .nominations import Nomination, NominationDelivery
from .plan import AnnualPlan, NormReminder, PlanTarget
from .tasks import PlanApprovalTask, PlanApprovalTaskState
from .training import TrainingMaterial, TrainingSession

__all__ = [
    "AnnualPlan",
    "Nomination",
    "NominationDelivery",
    "NormReminder",
    "PartnerLinkCheck",
    "PlanApprovalTask",
    "PlanApprovalTaskState",
    "PlanTarget",
    "TrainingMaterial",
    "TrainingSession",
]
