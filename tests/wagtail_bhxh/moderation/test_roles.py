"""bhxh_setup creates the roles' groups, their permissions and the workflow, idempotently."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

from tests.factories import LegalDocumentIndexPageFactory, MediaIndexPageFactory, NewsIndexPageFactory, UserFactory
from wagtail_bhxh.models import EditorialWorkflow, Role
from wagtail_bhxh.moderation import roles

pytestmark = pytest.mark.django_db


def snapshot():
    """Groups, every permission they hold, and the workflow with its tasks and sections."""
    return {
        "groups": sorted(
            (group.name, group.bhxh_role.code if hasattr(group, "bhxh_role") else None) for group in Group.objects.all()
        ),
        "model_permissions": sorted(
            Group.permissions.through.objects.values_list(
                "group__name", "permission__content_type__app_label", "permission__codename"
            )
        ),
        "page_permissions": sorted(
            GroupPagePermission.objects.values_list("group__name", "page_id", "permission__codename")
        ),
        "collection_permissions": sorted(
            GroupCollectionPermission.objects.values_list("group__name", "collection_id", "permission__codename")
        ),
        "workflows": sorted(Workflow.objects.values_list("name", "active")),
        "tasks": sorted(
            WorkflowTask.objects.values_list("workflow__name", "sort_order", "task__name", "task__content_type__model")
        ),
        "task_groups": sorted(
            (task.task.name, group.name)
            for task in WorkflowTask.objects.select_related("task")
            for group in getattr(task.task.specific, "groups", Group.objects.none()).all()
        ),
        "sections": sorted(WorkflowPage.objects.values_list("page__url_path", "workflow__name")),
    }


def page_actions(code):
    group = roles.get_role_group(code)
    return sorted(p.permission.codename.split("_")[0] for p in GroupPagePermission.objects.filter(group=group))


def test_setup_creates_a_group_per_role_named_in_vietnamese(home):
    call_command("bhxh_setup", verbosity=0)
    names = {role.code: role.group.name for role in Role.objects.select_related("group")}
    assert names == {
        "contributor": "Cộng tác viên",
        "editor": "Biên tập viên",
        "secretary": "Thư ký tòa soạn",
        "deputy_head": "Phó Trưởng ban biên tập",
        "head": "Trưởng ban biên tập",
        "accountant": "Kế toán",
        "director": "Giám đốc",
    }


def test_each_role_gets_exactly_its_page_permissions(home):
    call_command("bhxh_setup", verbosity=0)
    assert page_actions(roles.CONTRIBUTOR) == ["add"]
    assert page_actions(roles.EDITOR) == ["add", "change"]
    assert page_actions(roles.SECRETARY) == ["add", "change", "lock", "unlock"]
    assert page_actions(roles.DEPUTY_HEAD) == ["add", "change", "lock", "unlock"]
    assert page_actions(roles.HEAD) == ["add", "bulk", "change", "lock", "publish", "unlock"]
    assert page_actions(roles.ACCOUNTANT) == []
    assert page_actions(roles.DIRECTOR) == []
    # Of the roles, only the head publishes directly.
    publishers = GroupPagePermission.objects.filter(permission__codename="publish_page", group__bhxh_role__isnull=False)
    assert [p.group for p in publishers] == [roles.get_role_group(roles.HEAD)]


def test_model_permissions_follow_the_roles(home):
    call_command("bhxh_setup", verbosity=0)
    contributor = UserFactory(username="ctv")
    accountant = UserFactory(username="ketoan")
    secretary = UserFactory(username="thuky")
    roles.get_role_group(roles.CONTRIBUTOR).user_set.add(contributor)
    roles.get_role_group(roles.ACCOUNTANT).user_set.add(accountant)
    roles.get_role_group(roles.SECRETARY).user_set.add(secretary)
    assert contributor.has_perm("wagtailadmin.access_admin")
    assert contributor.has_perm("wagtail_bhxh.add_takedownrequest")
    assert not contributor.has_perm("wagtail_bhxh.view_takedownrequest")
    assert not contributor.has_perm("wagtail_bhxh.add_pagenotice")
    assert accountant.has_perm("wagtailadmin.access_admin")
    assert not accountant.has_perm("wagtail_bhxh.add_takedownrequest")
    assert secretary.has_perm("wagtail_bhxh.add_pagenotice")
    assert not secretary.has_perm("wagtail_bhxh.change_takedownrequest")


def test_workflow_is_created_and_assigned_to_the_sections(home):
    news = NewsIndexPageFactory(parent=home)
    media = MediaIndexPageFactory(parent=home)
    documents = LegalDocumentIndexPageFactory(parent=home)
    nested = NewsIndexPageFactory(parent=news, slug="tin-dia-phuong")
    call_command("bhxh_setup", verbosity=0)
    workflow = EditorialWorkflow.objects.get().workflow
    assert workflow.name == "Quy trình Quyết định 2474"
    assert [task.name for task in workflow.tasks] == [
        "Kiểm tra chuẩn nội dung",
        "Biên tập viên duyệt",
        "Phó Trưởng ban biên tập duyệt",
        "Trưởng ban biên tập duyệt (nội dung nhạy cảm)",
    ]
    for section in (news, media, documents, nested):
        assert section.get_workflow() == workflow
    # The nested section inherits it rather than holding its own copy.
    assert not WorkflowPage.objects.filter(page=nested).exists()
    assert not WorkflowPage.objects.filter(page=home).exists()


def test_setup_twice_leaves_identical_groups_permissions_and_workflow(home):
    NewsIndexPageFactory(parent=home)
    call_command("bhxh_setup", verbosity=0)
    first = snapshot()
    call_command("bhxh_setup", verbosity=0)
    assert snapshot() == first
    assert Group.objects.filter(bhxh_role__isnull=False).count() == len(roles.ALL_ROLES)


def test_renamed_groups_keep_their_role_and_removed_permissions_stay_removed(home):
    call_command("bhxh_setup", verbosity=0)
    editors = roles.get_role_group(roles.EDITOR)
    editors.name = "Phóng viên – biên tập"
    editors.save()
    editors.permissions.remove(Permission.objects.get(codename="view_takedownrequest"))
    GroupPagePermission.objects.filter(group=editors, permission__codename="change_page").delete()
    workflow = EditorialWorkflow.objects.get().workflow
    workflow.name = "Quy trình duyệt tin"
    workflow.save()

    call_command("bhxh_setup", verbosity=0)

    assert roles.get_role_group(roles.EDITOR) == editors
    assert not Group.objects.filter(name="Biên tập viên").exists()
    assert not editors.permissions.filter(codename="view_takedownrequest").exists()
    assert page_actions(roles.EDITOR) == ["add"]
    assert Workflow.objects.get(pk=workflow.pk).name == "Quy trình duyệt tin"
    assert Workflow.objects.filter(bhxh_editorial__isnull=False).count() == 1


def test_roles_api_for_other_apps(home):
    call_command("bhxh_setup", verbosity=0)
    director = UserFactory(username="giamdoc")
    roles.get_role_group(roles.DIRECTOR).user_set.add(director)
    assert roles.user_has_role(director, roles.DIRECTOR)
    assert not roles.user_has_role(director, roles.HEAD)
    assert list(roles.users_with_role(roles.DIRECTOR)) == [director]

    # Another app's setup step gives a role a permission, once.
    lines = roles.grant_role_permissions(roles.DIRECTOR, ["wagtailcore.view_workflow"])
    assert lines == ["Giám đốc: wagtailcore.view_workflow"]
    assert roles.grant_role_permissions(roles.DIRECTOR, ["wagtailcore.view_workflow"]) == []
    director = type(director).objects.get(pk=director.pk)
    assert director.has_perm("wagtailcore.view_workflow")


def test_superusers_hold_no_role_unless_in_its_group(home, django_user_model):
    call_command("bhxh_setup", verbosity=0)
    admin = django_user_model.objects.create_superuser("quantri", "quantri@demo.vss.gov.vn", "password")
    assert not roles.user_has_role(admin, roles.HEAD)
    roles.get_role_group(roles.HEAD).user_set.add(admin)
    admin = django_user_model.objects.get(pk=admin.pk)
    assert roles.user_has_role(admin, roles.HEAD)


def test_setup_adopts_an_existing_group_of_the_same_name(home):
    existing = Group.objects.create(name="Kế toán")
    call_command("bhxh_setup", verbosity=0)
    assert roles.get_role_group(roles.ACCOUNTANT) == existing
