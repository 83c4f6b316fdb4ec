"""Seeded rules and role permissions, created by ``manage.py bhxh_setup`` (idempotent).

A value is only created when nothing is recorded for its date, so values an
accountant edited are never overwritten.
"""

import datetime
from decimal import Decimal

#: Decree 24/2023/NĐ-CP and Decree 73/2024/NĐ-CP.
BASE_SALARIES = [
    (datetime.date(2023, 7, 1), Decimal(1_800_000), "Nghị định 24/2023/NĐ-CP"),
    (datetime.date(2024, 7, 1), Decimal(2_340_000), "Nghị định 73/2024/NĐ-CP"),
]

#: Decree 18/2014/NĐ-CP took effect on this date.
DECREE_18_FROM = datetime.date(2014, 5, 1)

#: (code, name, maximum coefficient under Decree 18/2014). The minimum is seeded as 1 and is editable.
WORK_KINDS = [
    ("tin", "Tin", 10),
    ("chinh-luan", "Bài, chính luận", 30),
    ("phong-su", "Phóng sự, ký, phỏng vấn", 30),
    ("nghien-cuu", "Nghiên cứu, lý luận", 30),
    ("anh", "Ảnh", 10),
    ("infographic", "Infographic", 50),
    ("video", "Video, motion graphic", 50),
    ("truc-tuyen", "Tác phẩm trực tuyến, đa phương tiện", 50),
    ("tra-loi-ban-doc", "Trả lời bạn đọc", 10),
]
DEFAULT_MINIMUM = Decimal(1)

#: Permissions of each role, granted once (an administrator may take them back).
ROLE_PERMISSIONS = {
    "accountant": [
        "view_royaltyentry",
        "view_amounts",
        "view_contributor",
        "add_contributor",
        "change_contributor",
        "view_statement",
        "add_statement",
        "change_statement",
        "view_basesalary",
        "add_basesalary",
        "change_basesalary",
        "view_coefficientunit",
        "add_coefficientunit",
        "change_coefficientunit",
        "view_workkind",
        "add_workkind",
        "change_workkind",
        "view_coefficientframe",
        "add_coefficientframe",
        "change_coefficientframe",
        "view_remunerationrule",
        "add_remunerationrule",
        "change_remunerationrule",
        "view_royaltybudget",
        "add_royaltybudget",
        "change_royaltybudget",
    ],
    "head": [
        "view_royaltyentry",
        "approve_royaltyentry",
        "view_amounts",
        "view_contributor",
        "view_statement",
        "approve_statement",
        "view_basesalary",
        "view_coefficientunit",
        "view_workkind",
        "view_coefficientframe",
        "view_remunerationrule",
        "view_royaltybudget",
    ],
    "secretary": [
        "view_royaltyentry",
        "change_royaltyentry",
        "view_workkind",
        "view_coefficientframe",
    ],
}


def seed_rules():
    from .models import BaseSalary, CoefficientFrame, CoefficientUnit, WorkKind

    created = []
    for date, amount, basis in BASE_SALARIES:
        if not BaseSalary.objects.filter(effective_from=date).exists():
            BaseSalary.objects.create(effective_from=date, amount=amount, legal_basis=basis)
            created.append(f"base salary {amount:,.0f} from {date}")
    if not CoefficientUnit.objects.exists():
        CoefficientUnit.objects.create(effective_from=DECREE_18_FROM, percent=Decimal(10))
        created.append("value of a coefficient unit: 10 % of the base salary")
    for order, (code, name, maximum) in enumerate(WORK_KINDS):
        kind, kind_created = WorkKind.objects.get_or_create(code=code, defaults={"name": name, "sort_order": order})
        if kind_created:
            created.append(f"kind of work {name}")
        if not CoefficientFrame.objects.filter(kind=kind).exists():
            CoefficientFrame.objects.create(
                kind=kind, effective_from=DECREE_18_FROM, minimum=DEFAULT_MINIMUM, maximum=Decimal(maximum)
            )
            created.append(f"coefficient frame {name}: {DEFAULT_MINIMUM}–{maximum}")
    return created


def grant_permissions():
    from wagtail_bhxh.moderation import roles

    granted = []
    for code, codenames in ROLE_PERMISSIONS.items():
        granted += roles.grant_role_permissions(code, [f"wagtail_bhxh_royalties.{name}" for name in codenames])
    return granted
