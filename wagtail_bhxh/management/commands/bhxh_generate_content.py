from django.core.management.base import BaseCommand, CommandError

from ...generator import generate


def count(value):
    number = int(value)
    if number < 0:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Add a realistic corpus of published pages (articles, legal documents, "
        "infographics) below the default site's home page, in bulk, for "
        "benchmarks and load tests. Not for a production site."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=count, required=True, help="number of news items and articles")
        parser.add_argument(
            "--legal-documents", type=count, default=None, help="default: one per 20 articles, at least 20"
        )
        parser.add_argument("--infographics", type=count, default=None, help="default: one per 50 articles, at least 5")
        parser.add_argument("--images", type=count, default=6, help="shared images the pages use (default 6)")
        parser.add_argument("--seed", type=int, default=1, help="same seed, same content (default 1)")
        parser.add_argument("--corpus", default=None, help="path of legal_corpus.json (default: looked for)")

    def handle(self, *args, **options):
        try:
            result = generate(
                options["articles"],
                legal_documents=options["legal_documents"],
                infographics=options["infographics"],
                images=options["images"],
                seed=options["seed"],
                corpus=options["corpus"],
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"bhxh_generate_content: {result.articles} articles, {result.legal_documents} legal documents, "
                    f"{result.infographics} infographics ({result.images} shared images) in "
                    f"{result.seconds:.1f} s, {result.pages_per_second:,.0f} pages/s "
                    f"({result.cpu_seconds:.1f} s of CPU, {result.pages_per_cpu_second:,.0f} pages per CPU second); "
                    f"text from {result.text_origin}."
                )
            )
            self.stdout.write("Run manage.py update_index if the search must find these pages.")
