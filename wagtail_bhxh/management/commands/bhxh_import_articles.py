from wagtail_bhxh.importers.articles import ArticleImporter
from wagtail_bhxh.importers.command import ImportCommand


class Command(ImportCommand):
    help = (
        "Import news items and articles from a JSON Lines file (one article a line) and publish them. "
        "Safe to run again: articles already imported are found by their slug and left alone."
    )
    importer_class = ArticleImporter
    file_help = "JSON Lines file: title, intro, body, kind (tin|bai), published_at, optional policy_areas, topics, tags, author, source, slug."
