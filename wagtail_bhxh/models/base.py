"""The base page model the suite's concrete page types build on.

Wagtail 8 lets a site swap its base Page model (``WAGTAIL_PAGE_MODEL``).
Relations to "any page" therefore name the model through swapper
(:data:`PAGE_MODEL`), and the concrete default page types inherit from
whatever base page model is active (:data:`BasePage`), so a site with its own
base page still gets working defaults. On Wagtail 7.4 nothing is swapped and
these resolve to ``wagtailcore.Page``.
"""

from importlib import import_module

import swapper
from django.apps import apps

# Wagtail names its swappable setting WAGTAIL_PAGE_MODEL, not the
# WAGTAILCORE_PAGE_MODEL swapper would assume; set it here too in case this
# app is listed before wagtail in INSTALLED_APPS.
swapper.set_app_prefix("wagtailcore", "wagtail")

#: "app_label.ModelName" of the active base page model, for relations.
PAGE_MODEL = swapper.get_model_name("wagtailcore", "Page")


def _load_base_page_model():
    if not swapper.is_swapped("wagtailcore", "Page"):
        from wagtail.models import Page

        return Page
    app_label, model_name = swapper.split(PAGE_MODEL)
    # Import the swapped model's module ourselves: model loading may not have
    # reached that app yet when this module is imported.
    import_module(f"{apps.get_app_config(app_label).name}.models")
    return apps.get_registered_model(app_label, model_name)


#: The active base page model class.
BasePage = _load_base_page_model()

#: Name of the parent link Django creates on page subclasses ("page_ptr").
PAGE_PTR_NAME = f"{BasePage._meta.model_name}_ptr"
