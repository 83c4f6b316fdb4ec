"""Demo content of the spokesperson app: spokespersons, an authorisation and a press section.

Called by the demo loader when ``wagtail_bhxh_spokesperson`` is installed;
idempotent like the rest of the demo (found by name or slug, created if missing).
"""

import datetime

from anyascii import anyascii
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Site
from wagtail.rich_text import RichText

from wagtail_bhxh_spokesperson.models import Authorisation, PressIndexPage, PressReleasePage, Spokesperson

from . import images

SPOKESPERSONS = [
    {
        "full_name": "Trần Văn Quang",
        "position": "Phó Giám đốc",
        "term_start": datetime.date(2021, 3, 1),
        "term_end": datetime.date(2024, 12, 31),
        "appointing_document_number": "215/QĐ-BHXH",
        "phone": "0236 3822 100",
        "email": "quang.tv@demo.vss.gov.vn",
    },
    {
        "full_name": "Nguyễn Thị Thu Hà",
        "position": "Phó Giám đốc",
        "term_start": datetime.date(2025, 1, 1),
        "term_end": None,
        "appointing_document_number": "1024/QĐ-BHXH",
        "phone": "0236 3822 123",
        "email": "ha.ntt@demo.vss.gov.vn",
    },
]

RELEASES = [
    {
        "slug": "thong-cao-ket-qua-thuc-hien-chinh-sach-bhxh-bhyt-6-thang",
        "title": "Thông cáo báo chí về kết quả thực hiện chính sách BHXH, BHYT 6 tháng đầu năm",
        "kind": PressReleasePage.Kind.RELEASE,
        "number": "15/TCBC-BHXH",
        "days_ago": 20,
        "intro": "Bảo hiểm xã hội tỉnh Demo thông tin kết quả thực hiện chính sách bảo hiểm xã hội, bảo hiểm y tế, "
        "bảo hiểm thất nghiệp 6 tháng đầu năm và nhiệm vụ trọng tâm những tháng cuối năm.",
    },
    {
        "slug": "thong-bao-hop-bao-quy-iii",
        "title": "Thông báo họp báo quý III về chính sách bảo hiểm xã hội tự nguyện",
        "kind": PressReleasePage.Kind.CONFERENCE_NOTICE,
        "number": "21/TB-BHXH",
        "days_ago": 5,
        "event_in_days": 3,
        "venue": "Hội trường tầng 3, trụ sở Bảo hiểm xã hội tỉnh Demo",
        "intro": "Bảo hiểm xã hội tỉnh Demo tổ chức họp báo cung cấp thông tin về chính sách bảo hiểm xã hội "
        "tự nguyện và việc hỗ trợ mức đóng cho người tham gia.",
    },
    {
        "slug": "tra-loi-bao-chi-ve-cap-lai-so-bhxh",
        "title": "Trả lời câu hỏi của báo chí về thời hạn cấp lại sổ bảo hiểm xã hội",
        "kind": PressReleasePage.Kind.ANSWER,
        "number": "1890/BHXH-TT",
        "days_ago": 12,
        "press_outlet": "Báo Demo điện tử",
        "intro": "Bảo hiểm xã hội tỉnh Demo trả lời câu hỏi của Báo Demo điện tử về thời hạn và hồ sơ cấp lại "
        "sổ bảo hiểm xã hội do mất, hỏng.",
    },
    {
        "slug": "de-nghi-cai-chinh-thong-tin-muc-dong-bhyt-hoc-sinh",
        "title": "Đề nghị cải chính thông tin về mức đóng bảo hiểm y tế học sinh, sinh viên",
        "kind": PressReleasePage.Kind.CORRECTION,
        "number": "1902/BHXH-TT",
        "days_ago": 8,
        "press_outlet": "Tạp chí Đời sống Demo",
        "press_article_url": "https://example.com/bai-viet-muc-dong-bhyt",
        "intro": "Bảo hiểm xã hội tỉnh Demo đề nghị Tạp chí Đời sống Demo cải chính thông tin chưa chính xác về "
        "mức đóng bảo hiểm y tế học sinh, sinh viên năm học mới.",
    },
]

BODY = (
    "<p>Để thông tin kịp thời, chính xác đến người dân và doanh nghiệp, Bảo hiểm xã hội tỉnh Demo cung cấp "
    "nội dung sau đây tới các cơ quan báo chí. Mọi thông tin chi tiết xin liên hệ người phát ngôn của "
    "Bảo hiểm xã hội tỉnh theo địa chỉ ở cuối trang.</p>"
)


def _pdf(title, lines):
    """A one-page PDF (demo stand-in for a scanned, signed document) in the document library."""
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        text = " ".join(f"({line}) Tj T*" for line in lines)
        stream = f"BT /F1 12 Tf 14 TL 72 760 Td {text} ET".encode("latin-1", "replace")
        objects = [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        body, offsets = b"%PDF-1.4\n", []
        for number, obj in enumerate(objects, start=1):
            offsets.append(len(body))
            body += f"{number} 0 obj\n".encode() + obj + b"\nendobj\n"
        xref = len(body)
        body += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
        body += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
        body += f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
        document = Document(title=title)
        document.file.save(f"{slugify(anyascii(title))}.pdf", ContentFile(body), save=False)
        document.save()
    return document


def _publish(obj):
    obj.save()
    obj.save_revision().publish()


def load_press(loader, home):
    site = Site.objects.get(root_page=home)
    created = 0
    now = timezone.now()
    for item in SPOKESPERSONS:
        if Spokesperson.objects.filter(site=site, full_name=item["full_name"]).exists():
            continue
        photo = loader.image(
            f"Chân dung – {item['full_name']}",
            lambda name=item["full_name"]: images.portrait(name),
            f"Ảnh chân dung {item['full_name']}",
        )
        person = Spokesperson(
            site=site,
            unit="Bảo hiểm xã hội tỉnh Demo",
            photo=photo,
            appointing_document=_pdf(
                f"Quyết định {item['appointing_document_number']}",
                ["Quyet dinh giao nhiem vu nguoi phat ngon", item["appointing_document_number"]],
            ),
            signed_at=timezone.make_aware(datetime.datetime.combine(item["term_start"], datetime.time(8))),
            live=False,
            **item,
        )
        _publish(person)
        created += 1
    if not Authorisation.objects.filter(site=site, document_number="58/GUQ-BHXH").exists():
        today = timezone.localdate()
        _publish(
            Authorisation(
                site=site,
                full_name="Lê Minh Tuấn",
                position="Trưởng phòng Truyền thông và Phát triển đối tượng",
                unit="Bảo hiểm xã hội tỉnh Demo",
                phone="0912 345 678",
                email="tuan.lm@demo.vss.gov.vn",
                scope="Chính sách bảo hiểm xã hội tự nguyện và bảo hiểm y tế hộ gia đình trong đợt cao điểm vận động",
                valid_from=today - datetime.timedelta(days=10),
                valid_until=today + datetime.timedelta(days=80),
                document_number="58/GUQ-BHXH",
                document=_pdf("Giấy ủy quyền phát ngôn 58/GUQ-BHXH", ["Giay uy quyen phat ngon", "So 58/GUQ-BHXH"]),
                signed_at=now - datetime.timedelta(days=11),
                live=False,
            )
        )
        created += 1
    section = home.get_children().filter(slug="thong-tin-bao-chi").first()
    if section is None:
        section = PressIndexPage(
            title="Thông tin báo chí",
            slug="thong-tin-bao-chi",
            show_in_menus=True,
            intro="Người phát ngôn, thông cáo báo chí, họp báo và trả lời báo chí của Bảo hiểm xã hội tỉnh Demo.",
        )
        home.add_child(instance=section)
        section.save_revision().publish()
        created += 1
    else:
        section = section.specific
    for item in RELEASES:
        if section.get_children().filter(slug=item["slug"]).exists():
            continue
        fields = dict(item)
        days_ago = fields.pop("days_ago")
        event_in_days = fields.pop("event_in_days", None)
        if event_in_days is not None:
            fields["event_at"] = now.replace(hour=9, minute=0, second=0, microsecond=0) + datetime.timedelta(
                days=event_in_days
            )
        page = PressReleasePage(
            dated=timezone.localdate() - datetime.timedelta(days=days_ago),
            body=[("paragraph", RichText(BODY))],
            first_published_at=now - datetime.timedelta(days=days_ago),
            **fields,
        )
        section.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    return created
