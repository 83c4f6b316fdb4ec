from wagtail_bhxh.importers.command import ImportCommand
from wagtail_bhxh.importers.legal_documents import LegalDocumentImporter


class Command(ImportCommand):
    help = (
        "Import legal documents from a JSON file (an array in the format of legal_corpus.json) and publish them. "
        "Safe to run again: documents already on the site are found by their canonical number and left alone."
    )
    importer_class = LegalDocumentImporter
    file_help = "JSON file: an array of {number, type, issuer, title, issued, articles: [{number, heading, text}]}."
