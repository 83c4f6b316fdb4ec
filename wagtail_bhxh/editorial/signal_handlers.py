"""An approved plan is locked as soon as it is published (by the workflow's last approval)."""

from django.utils import timezone
from wagtail.signals import published

from .models import AnnualPlan


def lock_approved_plan(sender, instance, **kwargs):
    AnnualPlan.objects.filter(pk=instance.pk).update(locked=True, locked_by=None, locked_at=timezone.now())
    instance.locked, instance.locked_by, instance.locked_at = True, None, timezone.now()


def connect():
    published.connect(lock_approved_plan, sender=AnnualPlan, dispatch_uid="bhxh_lock_approved_plan")
