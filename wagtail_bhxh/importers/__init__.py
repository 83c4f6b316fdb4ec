"""Bulk import of content into the portal (``bhxh_import_articles``, ``bhxh_import_legal_documents``).

The management commands are thin wrappers around :class:`ArticleImporter`
and :class:`LegalDocumentImporter`, which a site can also call from its own
code or subclass (set ``model`` to its own page type).
"""
