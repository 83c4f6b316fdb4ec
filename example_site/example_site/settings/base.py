"""Settings of the example site: how a host Wagtail site installs wagtail-bhxh.

Environment: DATABASE_URL (default SQLite), REDIS_URL (default local memory
cache), BHXH_ELASTICSEARCH_URL (switches search to Elasticsearch).
"""

import os
from pathlib import Path

import dj_database_url

from wagtail_bhxh.wagtail_vi import LOCALE_PATH as WAGTAIL_VI_LOCALE_PATH

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "example-site-insecure-key-change-me")
DEBUG = False
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver").split(",")

INSTALLED_APPS = [
    # The suite: the core app with its search and analytics apps, and the
    # royalties and spokesperson apps.
    "wagtail_bhxh",
    "wagtail_bhxh.editorial",
    "wagtail_bhxh.search",
    "wagtail_bhxh.analytics",
    "wagtail_bhxh_royalties",
    "wagtail_bhxh_spokesperson",
    # Vietnamese for the Wagtail admin strings Wagtail's own catalogue lacks.
    "wagtail_bhxh.wagtail_vi",
    # The example site's own demo content loader.
    "demo",
    # Wagtail apps the suite uses.
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Optional: public pages start without a query for the site (wagtail_bhxh.middleware).
    "wagtail_bhxh.middleware.SiteCacheMiddleware",
]

ROOT_URLCONF = "example_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "example_site.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0"))
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's search index on PostgreSQL uses tsvector columns and GIN
    # indexes, which Django only checks as valid with contrib.postgres on.
    INSTALLED_APPS.append("django.contrib.postgres")

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese first, English available (Decree 42/2022 asks state portals for
# English versions of at least the organisation, functions and contacts).
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
# The admin's JavaScript strings are only read from Wagtail's catalogue and LOCALE_PATHS.
LOCALE_PATHS = [WAGTAIL_VI_LOCALE_PATH]
USE_TZ = True

STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"

WAGTAIL_SITE_NAME = "BHXH tỉnh Demo"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "zip", "mp4", "vtt", "txt"]
# Documents are checked by content and size (wagtail_bhxh.security); images stay without SVG.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "wagtail_bhxh.documents.DocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Avatars are uploaded in the admin, never fetched from gravatar.com: editors' e-mail
# hashes stay with the office, and admin pages do not wait on a foreign host a government network blocks.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

WAGTAIL_BHXH = {
    "ITEMS_PER_PAGE": 12,
    "SHARE_NETWORKS": ["facebook", "zalo"],
    "ORGANISATION_REVIEW_DAYS": 180,
}
if os.environ.get("BHXH_ELASTICSEARCH_URL"):
    WAGTAIL_BHXH["SEARCH_BACKEND"] = "elasticsearch"
    WAGTAIL_BHXH["ELASTICSEARCH_URL"] = os.environ["BHXH_ELASTICSEARCH_URL"]

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = "Cổng TTĐT BHXH tỉnh Demo <no-reply@demo.vss.gov.vn>"
