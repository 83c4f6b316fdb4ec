"""A ``{bhxh-settings}`` directive that renders each app's settings from its conf.py.

The settings reference is generated from the definitions the code reads, so
it cannot drift from them.
"""

from importlib import import_module

from docutils import nodes
from docutils.parsers.rst import Directive


def _literal(value):
    return repr(list(value)) if isinstance(value, tuple) else repr(value)


class SettingsDirective(Directive):
    required_arguments = 1  # module path of an AppSettings object, e.g. wagtail_bhxh.conf.bhxh_settings

    def run(self):
        module_path, attribute = self.arguments[0].rsplit(".", 1)
        app_settings = getattr(import_module(module_path), attribute)
        section = []
        for name, definition in app_settings.definitions.items():
            entry = nodes.definition_list_item()
            term = nodes.term()
            term += nodes.literal(text=f"{app_settings.setting_name}['{name}']")
            entry += term
            body = nodes.definition()
            body += nodes.paragraph(text=definition.help)
            details = nodes.paragraph()
            details += nodes.strong(text="Default: ")
            details += nodes.literal(text=_literal(definition.default))
            if definition.expected:
                details += nodes.Text(f" — expected: {definition.expected}.")
            body += details
            entry += body
            section.append(entry)
        listing = nodes.definition_list()
        listing.extend(section)
        return [listing]


def setup(app):
    app.add_directive("bhxh-settings", SettingsDirective)
    return {"parallel_read_safe": True}
