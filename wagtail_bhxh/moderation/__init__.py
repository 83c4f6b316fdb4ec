"""Decision 2474/QĐ-BHXH: the editorial process of the portal.

- :mod:`.roles`: the editorial roles and the API other apps use to find
  their groups and grant them permissions;
- :mod:`.rules`: which pages need the head of the editorial board and which
  pages only the head may take down;
- :mod:`.workflow`: the "Quy trình Quyết định 2474" workflow, four-eyes
  checks and its assignment to the portal's sections;
- :mod:`.permissions`: the page permission tester that keeps published
  news in place unless the head decides otherwise;
- :mod:`.takedown`: carrying out approved takedown requests (gỡ tin);
- :mod:`.notifications`: the emails of the process;
- :mod:`.public`: what citizens see (410 notices, withdrawal banners,
  corrections).

Models live in :mod:`wagtail_bhxh.models.moderation` and
:mod:`wagtail_bhxh.models.takedown`; admin registration in
``wagtail_bhxh/wagtail_hooks.py``.
"""
