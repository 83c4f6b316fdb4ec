"""Security of the public site and of uploads: the Content-Security-Policy header and upload checks."""

import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .conf import bhxh_settings
from .moderation.evidence import OLE_SIGNATURE


def content_security_policy():
    """(header name, value) of the configured policy, or None when there is none."""
    policy = bhxh_settings.CONTENT_SECURITY_POLICY
    if not policy:
        return None
    value = "; ".join(f"{directive} {' '.join(sources)}".strip() for directive, sources in policy.items())
    name = (
        "Content-Security-Policy-Report-Only"
        if bhxh_settings.CONTENT_SECURITY_POLICY_REPORT_ONLY
        else "Content-Security-Policy"
    )
    return name, value


def add_content_security_policy(response):
    """Add the policy to a public page's response, unless the response already has one."""
    header = content_security_policy()
    if header and header[0] not in response:
        response[header[0]] = header[1]
    return response


def _zip_names(file):
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            mimetype = b""
            if "mimetype" in names:
                with archive.open("mimetype") as handle:
                    mimetype = handle.read(100).strip()
            return names, mimetype
    except (zipfile.BadZipFile, OSError, KeyError):
        return None, b""
    finally:
        file.seek(0)


def _is_text(head):
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        # A multi-byte character cut at the end of the sample is still text.
        try:
            head[:-3].decode("utf-8")
        except UnicodeDecodeError:
            return False
    return b"\x00" not in head and not head.lstrip().lower().startswith((b"<!doctype", b"<html", b"<svg", b"<?xml"))


def document_content_matches(extension, file):
    """True if the file's content is what its extension says (for the document types a portal publishes)."""
    file.seek(0)
    head = file.read(4096)
    file.seek(0)
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension in ("doc", "xls", "ppt"):
        return head.startswith(OLE_SIGNATURE)
    if extension in ("docx", "xlsx", "pptx", "odt", "ods", "zip"):
        if not head.startswith(b"PK\x03\x04"):
            return False
        names, mimetype = _zip_names(file)
        if names is None:
            return False
        expected = {
            "docx": lambda: "word/document.xml" in names,
            "xlsx": lambda: "xl/workbook.xml" in names,
            "pptx": lambda: "ppt/presentation.xml" in names,
            "odt": lambda: mimetype == b"application/vnd.oasis.opendocument.text",
            "ods": lambda: mimetype == b"application/vnd.oasis.opendocument.spreadsheet",
            "zip": lambda: True,
        }
        return expected[extension]()
    if extension == "mp4":
        return head[4:8] == b"ftyp"
    if extension == "vtt":
        return head.lstrip(b"\xef\xbb\xbf").startswith(b"WEBVTT") and _is_text(head)
    if extension == "txt":
        return _is_text(head)
    # Types the suite does not know are left to the site's WAGTAILDOCS_EXTENSIONS.
    return True


def validate_document_upload(file):
    """Raise ValidationError unless the document is within the size limit and its content matches its name."""
    max_mb = bhxh_settings.DOCUMENT_MAX_UPLOAD_MB
    if file.size > max_mb * 1024 * 1024:
        raise ValidationError(
            _("This file is %(size)s MB; documents up to %(max)s MB are accepted.")
            % {"size": f"{file.size / (1024 * 1024):.1f}", "max": max_mb},
            code="file_too_large",
        )
    name = getattr(file, "name", "") or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if not document_content_matches(extension, file):
        raise ValidationError(
            _("The content of “%(name)s” is not a .%(extension)s file, whatever its name says. Upload the real file.")
            % {"name": name.rsplit("/", 1)[-1], "extension": extension},
            code="file_type",
        )
