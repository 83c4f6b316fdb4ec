# Wagtail's "Editors" and "Moderators" groups may see the statistics dashboard.
# Run once, like Wagtail's own initial group permissions: a site that later
# takes the permission away from a group keeps it that way.

from django.db import migrations

GROUPS = ("Editors", "Moderators")


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtail_bhxh_analytics", model="sitedailystats")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_visitor_statistics",
        defaults={"name": "Can view visitor statistics"},
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(
        content_type__app_label="wagtail_bhxh_analytics", codename="view_visitor_statistics"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_bhxh_analytics", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
