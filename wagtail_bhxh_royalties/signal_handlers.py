"""Royalty entries are proposed when an item is published (Wagtail's ``page_published``)."""

from django.dispatch import receiver
from wagtail.signals import page_published

from .flow import propose_entries_for_page


@receiver(page_published, dispatch_uid="wagtail_bhxh_royalties_propose_entries")
def propose_entries_on_publish(sender, instance, revision=None, **kwargs):
    user = getattr(revision, "user", None) if revision is not None else None
    propose_entries_for_page(instance, user=user)
