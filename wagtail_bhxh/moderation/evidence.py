"""Validation of evidence files attached to takedown requests: kind by content, size limit."""

import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..conf import bhxh_settings

KIND_LABELS = {
    "pdf": gettext_lazy("PDF"),
    "jpeg": gettext_lazy("JPG image"),
    "png": gettext_lazy("PNG image"),
    "docx": gettext_lazy("Word document (.docx)"),
    "doc": gettext_lazy("Word 97–2003 document (.doc)"),
    "odt": gettext_lazy("OpenDocument text (.odt)"),
}

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff_kind(file):
    """The kind of file by its first bytes (and, for zip-based documents, their contents), or None."""
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return "pdf"
        if head.startswith(b"\xff\xd8\xff"):
            return "jpeg"
        if head.startswith(b"\x89PNG\r\n\x1a\n"):
            return "png"
        if head.startswith(OLE_SIGNATURE):
            return "doc"
        if head.startswith(b"PK\x03\x04"):
            return _zip_document_kind(file)
        return None
    finally:
        file.seek(0)


def _zip_document_kind(file):
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names:
                with archive.open("mimetype") as mimetype:
                    if mimetype.read(100).strip() == b"application/vnd.oasis.opendocument.text":
                        return "odt"
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None


def _image_is_intact(file):
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(file) as image:
            image.verify()
        return True
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return False
    finally:
        file.seek(0)


def validate_evidence_file(file):
    """Raise ValidationError (in the active language) unless the file is an accepted kind within the size limit."""
    max_mb = bhxh_settings.TAKEDOWN_EVIDENCE_MAX_MB
    if file.size > max_mb * 1024 * 1024:
        raise ValidationError(
            _("The evidence file is %(size)s MB; files up to %(max)s MB are accepted.")
            % {"size": f"{file.size / (1024 * 1024):.1f}", "max": max_mb},
            code="file_too_large",
        )
    allowed = list(bhxh_settings.TAKEDOWN_EVIDENCE_TYPES)
    kind = sniff_kind(file)
    if kind not in allowed or (kind in ("jpeg", "png") and not _image_is_intact(file)):
        raise ValidationError(
            _("The evidence file must be one of: %(kinds)s. Its content is not, whatever its name says.")
            % {"kinds": ", ".join(str(KIND_LABELS[k]) for k in allowed)},
            code="file_type",
        )
    return kind
