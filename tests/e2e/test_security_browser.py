"""The Content-Security-Policy as a citizen's browser enforces it: the beacon and video embeds still work."""

import pytest
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from tests.factories import MediaIndexPageFactory, VideoPageFactory

from .conftest import expect_text

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

VIDEO_URL = "https://www.youtube.com/watch?v=abcdefghijk"
EMBED_HTML = (
    '<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/abcdefghijk" '
    'title="Hướng dẫn cài đặt VssID" allowfullscreen></iframe>'
)


def test_the_policy_lets_the_beacon_count_and_the_video_play(home, new_page, steps, settings):
    settings.WAGTAIL_BHXH = {**settings.WAGTAIL_BHXH, "ANALYTICS_COUNTER_CACHE_SECONDS": 0}
    # What Wagtail's oEmbed finder would have stored for the video (no network in tests).
    Embed.objects.create(url=VIDEO_URL, hash=get_embed_hash(VIDEO_URL), html=EMBED_HTML, type="video")
    video = VideoPageFactory(parent=MediaIndexPageFactory(parent=home), video_url=VIDEO_URL)

    citizen = new_page(citizen=True, bypass_csp=False)
    refused = []
    citizen.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    response = citizen.goto(video.url)
    assert "frame-src" in response.headers["content-security-policy"]
    expect_text(citizen.locator("[data-bhxh-count=views]").first, "1")
    frame = citizen.locator("iframe[src^='https://www.youtube-nocookie.com/embed/']")
    assert frame.count() == 1
    steps.shot(citizen, "video-under-csp")
    assert not refused, refused

    # The same policy refuses what it is for: a script injected from elsewhere.
    citizen.evaluate(
        "() => { const s = document.createElement('script'); s.src = 'https://evil.example/x.js'; document.head.append(s); }"
    )
    citizen.wait_for_timeout(300)
    assert any("evil.example" in text for text in refused), refused
