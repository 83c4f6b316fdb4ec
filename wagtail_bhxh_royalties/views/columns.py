from wagtail.admin.ui.tables import Column

from ..templatetags.bhxh_royalties import vnd


class MoneyColumn(Column):
    """An amount in đồng, shown only to those who may see amounts (the views drop it for the others)."""

    def get_value(self, instance):
        return vnd(super().get_value(instance))


class AllPermissionsMixin:
    """Show every permission of the model in the group editor, "view" included (it decides who sees amounts)."""

    def get_permissions_to_register(self):
        from django.contrib.auth.models import Permission
        from django.contrib.contenttypes.models import ContentType

        return Permission.objects.filter(content_type=ContentType.objects.get_for_model(self.model))
