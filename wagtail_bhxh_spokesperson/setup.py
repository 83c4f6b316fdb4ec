"""Set-up step of the spokesperson app: the roles' permissions and the Decision 2474 workflow on its snippets.

Registered with the ``wagtail_bhxh_setup`` hook (order 60, after the core's
roles at 50 and workflow at 55). Grants go through
:mod:`wagtail_bhxh.moderation.roles`, so a permission an administrator removed
is never given back.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import WorkflowContentType

from wagtail_bhxh.moderation import roles
from wagtail_bhxh.moderation.workflow import get_editorial_workflow
from wagtail_bhxh.setup import SetupStep

from .models import Authorisation, Spokesperson

SNIPPETS = ("spokesperson", "authorisation")


def _perms(*actions):
    return [f"wagtail_bhxh_spokesperson.{action}_{model}" for model in SNIPPETS for action in actions]


#: Who may do what with the spokesperson and authorisations. Nobody but a
#: superuser deletes them: the history of spokespersons stays public.
PERMISSIONS = {
    roles.EDITOR: _perms("add", "change", "view"),
    roles.SECRETARY: _perms("add", "change", "view", "lock", "unlock"),
    roles.DEPUTY_HEAD: _perms("change", "view"),
    roles.HEAD: _perms("add", "change", "view", "publish", "lock", "unlock"),
}


def ensure_permissions():
    lines = []
    for code, permissions in PERMISSIONS.items():
        lines += roles.grant_role_permissions(code, permissions)
    return lines


def ensure_snippet_workflow():
    """The Decision 2474 workflow moderates the spokesperson and authorisations, unless they have their own."""
    workflow = get_editorial_workflow()
    if workflow is None or not workflow.active:
        return []
    lines = []
    for model in (Spokesperson, Authorisation):
        content_type = ContentType.objects.get_for_model(model)
        _record, created = WorkflowContentType.objects.get_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )
        if created:
            lines.append(f"workflow '{workflow.name}' assigned to {model._meta.verbose_name_plural}")
    return lines


def run():
    return ensure_permissions() + ensure_snippet_workflow()


STEP = SetupStep("spokesperson and press (Decree 09/2017)", run, order=60)
