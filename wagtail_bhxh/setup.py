"""Idempotent set-up steps run by ``manage.py bhxh_setup``.

Each step creates what is missing and never changes what an editor has
since edited, so running the command twice changes nothing. Other apps of
the suite add their own steps with the ``wagtail_bhxh_setup`` hook::

    @hooks.register("wagtail_bhxh_setup")
    def seed_base_salary():
        return SetupStep("royalties", create_base_salaries)

A step's function takes no argument and returns a list of lines describing
what it created (empty when nothing was needed).
"""

from dataclasses import dataclass
from typing import Callable

from django.conf import settings
from wagtail import hooks
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale

from .models import Occasion, PolicyArea


@dataclass(frozen=True)
class SetupStep:
    name: str
    run: Callable[[], list[str]]
    order: int = 100


DEFAULT_POLICY_AREAS = [
    ("bhxh-bat-buoc", "BHXH bắt buộc", "BHXH BB"),
    ("bhxh-tu-nguyen", "BHXH tự nguyện", "BHXH TN"),
    ("bhyt", "Bảo hiểm y tế", "BHYT"),
    ("bhtn", "Bảo hiểm thất nghiệp", "BHTN"),
    ("tnld-bnn", "Bảo hiểm tai nạn lao động, bệnh nghề nghiệp", "TNLĐ-BNN"),
    ("cai-cach-hanh-chinh", "Cải cách hành chính – chuyển đổi số", "CCHC"),
]

# (slug, name, calendar, month, day, lead days)
DEFAULT_OCCASIONS = [
    ("tet-nguyen-dan", "Tết Nguyên đán", "lunar", 1, 1, 30),
    ("ngay-truyen-thong-nganh-bhxh", "Ngày truyền thống ngành Bảo hiểm xã hội Việt Nam", "solar", 2, 16, 21),
    ("ngay-thay-thuoc-viet-nam", "Ngày Thầy thuốc Việt Nam", "solar", 2, 27, 14),
    ("ngay-giai-phong-mien-nam", "Ngày Giải phóng miền Nam, thống nhất đất nước", "solar", 4, 30, 14),
    ("ngay-quoc-te-lao-dong", "Ngày Quốc tế Lao động", "solar", 5, 1, 14),
    ("ngay-bhyt-viet-nam", "Ngày Bảo hiểm y tế Việt Nam", "solar", 7, 1, 30),
    ("ngay-quoc-khanh", "Ngày Quốc khánh", "solar", 9, 2, 21),
    ("tet-trung-thu", "Tết Trung thu", "lunar", 8, 15, 14),
]


def ensure_locales():
    """A Locale for each content language, when the site has internationalisation on."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return []
    created = []
    for code, _name in get_content_languages().items():
        _locale, was_created = Locale.objects.get_or_create(language_code=code)
        if was_created:
            created.append(f"locale {code}")
    return created


def ensure_policy_areas():
    created = []
    for order, (slug, name, short_name) in enumerate(DEFAULT_POLICY_AREAS):
        if PolicyArea.objects.filter(slug=slug).exists() or PolicyArea.objects.filter(name=name).exists():
            continue
        PolicyArea.objects.create(slug=slug, name=name, short_name=short_name, sort_order=order)
        created.append(f"policy area {name}")
    return created


def ensure_occasions():
    created = []
    for slug, name, calendar, month, day, lead_days in DEFAULT_OCCASIONS:
        if Occasion.objects.filter(slug=slug).exists() or Occasion.objects.filter(name=name).exists():
            continue
        Occasion.objects.create(slug=slug, name=name, calendar=calendar, month=month, day=day, lead_days=lead_days)
        created.append(f"occasion {name}")
    return created


CORE_STEPS = [
    SetupStep("locales", ensure_locales, order=0),
    SetupStep("policy areas", ensure_policy_areas, order=10),
    SetupStep("occasions", ensure_occasions, order=20),
]


def get_setup_steps():
    """Core steps plus those registered with the ``wagtail_bhxh_setup`` hook, in order."""
    steps = list(CORE_STEPS)
    for hook in hooks.get_hooks("wagtail_bhxh_setup"):
        result = hook()
        steps.extend(result if isinstance(result, list | tuple) else [result])
    return sorted(steps, key=lambda step: step.order)
