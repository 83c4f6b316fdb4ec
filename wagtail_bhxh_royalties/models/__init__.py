from .entries import Contributor, RoyaltyEntry
from .payments import PaymentNotice
from .rules import BaseSalary, CoefficientFrame, CoefficientUnit, WorkKind
from .statements import RemunerationLine, RemunerationRule, RoyaltyBudget, Statement, StatementPerson

__all__ = [
    "BaseSalary",
    "CoefficientFrame",
    "CoefficientUnit",
    "Contributor",
    "PaymentNotice",
    "RemunerationLine",
    "RemunerationRule",
    "RoyaltyBudget",
    "RoyaltyEntry",
    "Statement",
    "StatementPerson",
    "WorkKind",
]
