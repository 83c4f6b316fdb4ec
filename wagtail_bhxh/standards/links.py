"""Whether an external address answers: a HEAD (then GET) request, cached, never to private networks."""

import ipaddress
import socket
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from django.core.cache import cache

#: Outcomes of :func:`check_url`.
OK = "ok"
BROKEN = "broken"
UNCHECKED = "unchecked"  # not a public http(s) address, or the check itself was not possible

USER_AGENT = "wagtail-bhxh link checker (+https://wagtail-bhxh.readthedocs.io/)"


def is_public_http_url(url):
    """http(s) to a host that resolves only to public addresses (no probing of the office network)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except (OSError, UnicodeError):
        return True  # unresolvable: let the request report it broken
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if address.is_private or address.is_loopback or address.is_link_local or address.is_reserved:
            return False
    return True


def fetch_status(url, timeout):
    """HTTP status of ``url`` (HEAD, or GET when HEAD is refused), or None if it did not answer."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (http/https only)
                return response.status
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return error.code
        except (urllib.error.URLError, OSError, ValueError):
            return None
    return None


def check_url(url, timeout=5, cache_seconds=86400):
    key = "wagtail_bhxh:link:" + url[:200]
    cached = cache.get(key)
    if cached is not None:
        return cached
    if not is_public_http_url(url):
        return UNCHECKED
    status = fetch_status(url, timeout)
    result = OK if status is not None and status < 400 else BROKEN
    cache.set(key, result, cache_seconds)
    return result


def check_urls(urls, timeout=5, cache_seconds=86400):
    """{url: outcome} for several addresses, checked in parallel."""
    urls = list(dict.fromkeys(urls))
    if not urls:
        return {}
    with ThreadPoolExecutor(max_workers=min(8, len(urls))) as pool:
        results = pool.map(lambda u: check_url(u, timeout, cache_seconds), urls)
        return dict(zip(urls, results, strict=True))
