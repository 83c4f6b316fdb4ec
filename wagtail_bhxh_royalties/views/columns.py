from wagtail.admin.ui.tables import Column

from ..templatetags.bhxh_royalties import vnd


class MoneyColumn(Column):
    """An amount in đồng, shown only to those who may see amounts (the views drop it for the others)."""

    def get_value(self, instance):
        return vnd(super().get_value(instance))
