"""What the two import commands share: options, the user, the summary."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext_lazy as _

from .base import ImportFailed, RecordError, in_language, resolve_parent

NO_USER = _("there is no user “%(username)s” (--user).")
CANNOT_PUBLISH = _("“%(username)s” may not publish below “%(page)s”; name an account that may (--user), or none.")
SUMMARY = _(
    "Below “%(parent)s”: %(created)s created and published, %(updated)s updated, "
    "%(unchanged)s already imported, %(skipped)s left alone."
)


class ImportCommand(BaseCommand):
    importer_class = None
    file_help = ""

    def add_arguments(self, parser):
        parser.add_argument("file", help=self.file_help)
        parser.add_argument(
            "--parent",
            type=int,
            metavar="PAGE_ID",
            help="Page to create the records below (default: the only suitable section of the site).",
        )
        parser.add_argument(
            "--update",
            action="store_true",
            help="Update pages imported before whose record changed (never pages edited in the admin since).",
        )
        parser.add_argument("--user", metavar="USERNAME", help="Record the import under this user in the audit log.")

    def handle(self, *args, **options):
        try:
            user = self.get_user(options["user"])
            importer_class = self.importer_class
            parent = resolve_parent(importer_class.model, options["parent"])
            if user is not None and not parent.permissions_for_user(user).can_publish_subpage():
                raise ImportFailed(
                    [RecordError(None, "", CANNOT_PUBLISH, {"username": user.get_username(), "page": parent.title})]
                )
            importer = importer_class(parent=parent, user=user, update=options["update"], progress_stream=self.stderr)
            report = importer.run(options["file"])
        except ImportFailed as failure:
            raise CommandError(failure.summary()) from None
        if options["verbosity"] >= 2:
            for page, reason in report.skipped:
                self.stdout.write(
                    f"  ! {page.title} (id {page.pk}): {in_language(reason, 'vi')} / {in_language(reason, 'en')}"
                )
        if options["verbosity"] >= 1:
            self.stdout.write(self.style.SUCCESS(self.summary(report, parent)))

    def get_user(self, username):
        if not username:
            return None
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise ImportFailed([RecordError(None, "", NO_USER, {"username": username})])
        return user

    def summary(self, report, parent):
        params = {
            "created": len(report.created),
            "updated": len(report.updated),
            "unchanged": len(report.unchanged),
            "skipped": len(report.skipped),
            "parent": parent.title,
        }
        return f"{in_language(SUMMARY, 'vi', params)}\n{in_language(SUMMARY, 'en', params)}"
