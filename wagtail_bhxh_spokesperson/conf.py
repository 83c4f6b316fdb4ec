"""Every setting of ``wagtail_bhxh_spokesperson``, read from ``WAGTAIL_BHXH_SPOKESPERSON``.

Like the core's settings (:mod:`wagtail_bhxh.conf`), each key is optional,
validated by a system check and documented in the settings reference.
"""

from wagtail_bhxh.conf import AppSettings, Setting, positive_int


def domain_sequence(value) -> bool:
    """A list of bare domain names such as ``"baohiemxahoi.gov.vn"``."""
    return isinstance(value, list | tuple) and all(
        isinstance(v, str) and v.strip() and "@" not in v and " " not in v and "." in v for v in value
    )


DEFINITIONS = {
    "DEADLINE_HOURS": Setting(
        12,
        "An appointment of a spokesperson or a written authorisation to speak that was signed "
        "more than this many hours ago and is still not live on the portal is flagged on the "
        "admin dashboard and emailed to the head of the editorial board (Decree 09/2017/NĐ-CP).",
        lambda v: positive_int(v) and v <= 24 * 30,
        "an integer from 1 to 720",
    ),
    "OFFICIAL_EMAIL_DOMAINS": Setting(
        (),
        "Domains the spokesperson's and authorised persons' email addresses must belong to, "
        'e.g. ``["baohiemxahoi.gov.vn"]`` (subdomains included). Empty: any valid address is accepted.',
        domain_sequence,
        "a list of domain names",
    ),
    "CARD_CACHE_SECONDS": Setting(
        300,
        "How long the footer's spokesperson card is cached (default cache) before it is read from the "
        "database again. Publishing a spokesperson clears it at once in the cache shared by all processes "
        "(Redis, Memcached); with a per-process cache other processes follow within this delay. 0 disables it.",
        lambda v: isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 24 * 3600,
        "an integer from 0 to 86400",
    ),
    "SHOW_CARD_IN_FOOTER": Setting(
        True,
        "Show the current spokesperson's card in the footer of the suite's public pages.",
        lambda v: isinstance(v, bool),
        "True or False",
    ),
}

spokesperson_settings = AppSettings("WAGTAIL_BHXH_SPOKESPERSON", DEFINITIONS)
