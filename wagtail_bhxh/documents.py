"""The document form of the admin with the suite's upload checks.

A site turns it on with ``WAGTAILDOCS_DOCUMENT_FORM_BASE = "wagtail_bhxh.documents.DocumentForm"``.
"""

from wagtail.documents.forms import BaseDocumentForm

from .security import validate_document_upload


class DocumentForm(BaseDocumentForm):
    """Refuses a document too large or whose content is not what its name says (a program named .pdf)."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            validate_document_upload(file)
        return file
