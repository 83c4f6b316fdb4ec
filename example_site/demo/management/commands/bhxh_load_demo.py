import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from ...editorial import load_editorial_planning
from ...loader import DemoLoader, load_editorial_process, load_editorial_users


class Command(BaseCommand):
    help = (
        "Load the demo portal of 'BHXH tỉnh Demo', a demo administrator and a demo user for each editorial "
        "role (Decision 2474). Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--password", help="Password of the demo administrator (default: a new random one).")
        parser.add_argument(
            "--staff-password",
            help="Password shared by the demo users of the editorial roles (default: a new random one).",
        )

    def handle(self, *args, **options):
        created = DemoLoader(stdout=self.stdout).load()
        staff_password = options["staff_password"] or secrets.token_urlsafe(9)
        accounts = load_editorial_users(staff_password)
        created += load_editorial_process()
        created += load_editorial_planning()
        self.stdout.write(self.style.SUCCESS(f"Demo content: {created} item(s) created."))

        User = get_user_model()
        password = options["password"] or secrets.token_urlsafe(9)
        user, _ = User.objects.get_or_create(
            username=options["username"],
            defaults={"email": "admin@demo.vss.gov.vn", "first_name": "Quản trị", "last_name": "Demo"},
        )
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        self.stdout.write(
            self.style.WARNING(
                "\nDemo administrator (for this local demo only):\n"
                f"  address:  http://127.0.0.1:8000/admin/\n"
                f"  username: {user.get_username()}\n"
                f"  password: {password}\n"
            )
        )
        lines = "\n".join(f"  {username:<14} {label}" for username, label in accounts)
        self.stdout.write(
            self.style.WARNING(
                "Demo users of the editorial process (Decision 2474), one per role:\n"
                f"{lines}\n"
                f"  shared password: {staff_password}\n"
                "  'ctv' has a news item waiting for the editors; 'truongban' has a takedown request to decide.\n"
            )
        )
