"""Keep the search index fresh: publish indexes, unpublish/delete/takedown drop at once."""

from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from ..signals import page_taken_down
from .backends.base import get_backend
from .documents import search_type


def _index_page(sender, instance, **kwargs):
    if search_type(instance):
        page_id = instance.pk
        # After commit: the revision is live and a rollback indexes nothing.
        transaction.on_commit(lambda: _reindex(page_id))


def _reindex(page_id):
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        get_backend().index([page.specific])


def _remove_page(sender, instance, **kwargs):
    # Removal is immediate (not deferred to commit): a page taken down must not
    # be found even by a request racing the transaction.
    if search_type(instance):
        get_backend().remove([instance.pk])


def _remove_taken_down(sender, page, **kwargs):
    get_backend().remove([page.pk])


def connect():
    page_published.connect(_index_page, dispatch_uid="wagtail_bhxh_search_index")
    page_unpublished.connect(_remove_page, dispatch_uid="wagtail_bhxh_search_unpublish")
    post_delete.connect(_remove_page, dispatch_uid="wagtail_bhxh_search_delete")
    page_taken_down.connect(_remove_taken_down, dispatch_uid="wagtail_bhxh_search_takedown")
