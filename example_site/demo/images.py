"""Pictures for the demo content, drawn with Pillow so the repository ships no binaries."""

import hashlib
import io
import textwrap
from pathlib import Path

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/arial.ttf",
]
BOLD_CANDIDATES = [path.replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf") for path in FONT_CANDIDATES]

AREA_COLOURS = {
    "bhxh-bat-buoc": ("#0b4a8b", "#4f8fd6"),
    "bhxh-tu-nguyen": ("#1d6b2f", "#6cbf7d"),
    "bhyt": ("#0a6e73", "#5ec6c9"),
    "bhtn": ("#7a4d00", "#e0a93b"),
    "tnld-bnn": ("#8b1a1a", "#e07070"),
    "cai-cach-hanh-chinh": ("#4b2a7a", "#a58ad6"),
}


def font(size, bold=False):
    for path in BOLD_CANDIDATES if bold else FONT_CANDIDATES:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    # Pillow's bundled font; it may lack some Vietnamese glyphs.
    return ImageFont.load_default(size=size)


def _png(image, name):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    buffer.seek(0)
    return ImageFile(buffer, name=name)


def illustration(seed: str, area_slug: str, label: str, size=(1200, 675)):
    """An abstract illustration in the policy area's colours with its short name."""
    dark, light = AREA_COLOURS.get(area_slug, ("#0b4a8b", "#4f8fd6"))
    image = Image.new("RGB", size, dark)
    draw = ImageDraw.Draw(image)
    digest = hashlib.sha256(seed.encode()).digest()
    width, height = size
    for i in range(6):
        x = digest[i] / 255 * width
        y = digest[i + 6] / 255 * height
        r = 80 + digest[i + 12] / 255 * 220
        draw.ellipse((x - r, y - r, x + r, y + r), outline=light, width=6)
    draw.rectangle((0, height - 120, width, height), fill=light)
    draw.text((48, height - 100), label, font=font(64, bold=True), fill=dark)
    return _png(image, f"demo-{hashlib.sha1(seed.encode()).hexdigest()[:10]}.png")  # noqa: S324


def infographic(title: str, panels: list[dict], area_slug: str):
    """A tall infographic: a title band and one band per panel (heading, figure, text)."""
    dark, light = AREA_COLOURS.get(area_slug, ("#0b4a8b", "#4f8fd6"))
    width, band = 1080, 300
    height = 220 + band * len(panels) + 60
    image = Image.new("RGB", (width, height), "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 200), fill=dark)
    y = 40
    for line in textwrap.wrap(title.upper(), 32)[:3]:
        draw.text((48, y), line, font=font(44, bold=True), fill="#ffffff")
        y += 54
    for index, panel in enumerate(panels):
        top = 220 + index * band
        fill = "#f3f6fa" if index % 2 else "#ffffff"
        draw.rectangle((0, top, width, top + band - 10), fill=fill)
        draw.ellipse((48, top + 40, 168, top + 160), fill=light)
        draw.text((90, top + 68), str(index + 1), font=font(56, bold=True), fill=dark)
        draw.text((200, top + 30), panel.get("heading", ""), font=font(40, bold=True), fill=dark)
        if panel.get("figure"):
            draw.text((200, top + 84), panel["figure"], font=font(60, bold=True), fill="#b3261e")
        text_top = top + (160 if panel.get("figure") else 90)
        for line in textwrap.wrap(panel.get("text", ""), 48)[:4]:
            draw.text((200, text_top), line, font=font(30), fill="#1b1f24")
            text_top += 38
    draw.rectangle((0, height - 50, width, height), fill=dark)
    draw.text((48, height - 42), "BHXH tỉnh Demo", font=font(28, bold=True), fill="#ffffff")
    return _png(image, f"infographic-{hashlib.sha1(title.encode()).hexdigest()[:10]}.png")  # noqa: S324


def banner(text: str, colour: str):
    image = Image.new("RGB", (1200, 200), colour)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(textwrap.wrap(text, 40)[:2]):
        draw.text((40, 40 + i * 64), line, font=font(52, bold=True), fill="#ffffff")
    return _png(image, f"banner-{hashlib.sha1(text.encode()).hexdigest()[:10]}.png")  # noqa: S324


def portrait(name: str):
    image = Image.new("RGB", (320, 400), "#dfe6ee")
    draw = ImageDraw.Draw(image)
    draw.ellipse((90, 60, 230, 200), fill="#9fb3c8")
    draw.rectangle((60, 230, 260, 400), fill="#9fb3c8")
    initials = "".join(part[0] for part in name.split()[-2:])
    draw.text((120, 100), initials, font=font(48, bold=True), fill="#0b4a8b")
    return _png(image, f"portrait-{hashlib.sha1(name.encode()).hexdigest()[:10]}.png")  # noqa: S324
