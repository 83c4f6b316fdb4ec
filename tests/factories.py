"""factory_boy factories of the suite's models, shared by the tests."""

import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.rich_text import RichText

from wagtail_bhxh import models


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@demo.vss.gov.vn")
    first_name = "Văn A"
    last_name = "Nguyễn"
    password = factory.django.Password("password")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Ảnh {n}")
    description = factory.Sequence(lambda n: f"Cán bộ BHXH hướng dẫn người dân, ảnh {n}")
    file = factory.django.ImageField(width=1600, height=900, color="blue")


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Tài liệu {n}")


class PolicyAreaFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Lĩnh vực {n}")
    slug = factory.Sequence(lambda n: f"linh-vuc-{n}")
    short_name = "BHYT"

    class Meta:
        model = models.PolicyArea
        django_get_or_create = ("slug",)


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Chuyên đề {n}")
    slug = factory.Sequence(lambda n: f"chuyen-de-{n}")

    class Meta:
        model = models.Topic


class OccasionFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Ngày lễ {n}")
    slug = factory.Sequence(lambda n: f"ngay-le-{n}")
    calendar = "solar"
    month = 7
    day = 1

    class Meta:
        model = models.Occasion


class PortalHomePageFactory(wagtail_factories.PageFactory):
    title = "Trang chủ"
    intro = "Cổng thông tin điện tử"

    class Meta:
        model = models.PortalHomePage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Tin tức"
    slug = factory.Sequence(lambda n: f"tin-tuc-{n}")
    show_in_menus = True

    class Meta:
        model = models.NewsIndexPage


class MediaIndexPageFactory(wagtail_factories.PageFactory):
    title = "Đa phương tiện"
    slug = factory.Sequence(lambda n: f"da-phuong-tien-{n}")
    show_in_menus = True

    class Meta:
        model = models.MediaIndexPage


class LegalDocumentIndexPageFactory(wagtail_factories.PageFactory):
    title = "Văn bản pháp luật"
    slug = factory.Sequence(lambda n: f"van-ban-{n}")
    show_in_menus = True

    class Meta:
        model = models.LegalDocumentIndexPage


def _published(n):
    return timezone.now() - datetime.timedelta(hours=n + 1)


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Tin số {n}: BHXH tỉnh tăng cường phát triển người tham gia")
    slug = factory.Sequence(lambda n: f"tin-so-{n}")
    kind = "tin"
    intro = "Bảo hiểm xã hội tỉnh triển khai nhiều giải pháp phát triển người tham gia bảo hiểm xã hội tự nguyện."
    body = factory.LazyFunction(
        lambda: [("paragraph", RichText("<p>Trong tháng, cơ quan bảo hiểm xã hội đã tổ chức nhiều hội nghị.</p>"))]
    )
    first_published_at = factory.Sequence(_published)

    class Meta:
        model = models.ArticlePage


class InfographicPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Infographic {n}: mức đóng BHYT hộ gia đình")
    slug = factory.Sequence(lambda n: f"infographic-{n}")
    intro = "Mức đóng bảo hiểm y tế theo hộ gia đình năm 2026."
    transcript = "<p>Người thứ nhất đóng 4,5% mức lương cơ sở.</p>"
    images = factory.LazyFunction(
        lambda: [("image", {"image": ImageFactory(), "alt_text": "Bảng mức đóng BHYT", "caption": ""})]
    )
    first_published_at = factory.Sequence(_published)

    class Meta:
        model = models.InfographicPage


class VideoPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Video {n}: hướng dẫn cài đặt VssID")
    slug = factory.Sequence(lambda n: f"video-{n}")
    video_url = "https://www.youtube.com/watch?v=abcdefghijk"
    transcript = "<p>Bước 1: tải ứng dụng VssID.</p>"
    first_published_at = factory.Sequence(_published)

    class Meta:
        model = models.VideoPage


class LegalDocumentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nghị định số {n}/2015/NĐ-CP")
    slug = factory.Sequence(lambda n: f"nghi-dinh-{n}-2015")
    number = factory.Sequence(lambda n: f"{n + 100}/2015/NĐ-CP")
    document_type = "decree"
    issuer = "Chính phủ"
    issued_on = datetime.date(2015, 11, 11)
    effective_on = datetime.date(2016, 1, 1)
    summary = "Quy định chi tiết một số điều của Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt buộc."
    full_text = factory.LazyFunction(
        lambda: [
            ("article", {"number": "1", "heading": "Phạm vi điều chỉnh", "text": "Nghị định này quy định chi tiết."}),
            (
                "article",
                {"number": "2", "heading": "Đối tượng áp dụng", "text": "Người lao động là công dân Việt Nam."},
            ),
        ]
    )

    class Meta:
        model = models.LegalDocumentPage


class OrganisationPageFactory(wagtail_factories.PageFactory):
    title = "Cơ cấu tổ chức"
    slug = factory.Sequence(lambda n: f"co-cau-to-chuc-{n}")
    intro = "Bảo hiểm xã hội tỉnh Demo"
    leaders = factory.LazyFunction(
        lambda: [
            (
                "leader",
                {"name": "Trần Thị B", "position": "Giám đốc", "phone": "0200 3888 999", "email": "b@demo.vss.gov.vn"},
            )
        ]
    )
    departments = factory.LazyFunction(
        lambda: [("unit", {"name": "Văn phòng", "head": "Lê Văn C", "phone": "0200 3888 111"})]
    )
    last_reviewed = factory.LazyFunction(timezone.localdate)

    class Meta:
        model = models.OrganisationPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = "Chức năng, nhiệm vụ"
    slug = factory.Sequence(lambda n: f"chuc-nang-{n}")
    body = factory.LazyFunction(lambda: [("paragraph", RichText("<p>Bảo hiểm xã hội tỉnh là cơ quan trực thuộc.</p>"))])

    class Meta:
        model = models.StandardPage


class PartnerLinkFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Sở Y tế {n}")
    url = factory.Sequence(lambda n: f"https://soyte{n}.demo.gov.vn/")
    group = "Sở, ban, ngành tỉnh"

    class Meta:
        model = models.PartnerLink


class BannerFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Banner {n}")
    image = factory.SubFactory(ImageFactory)
    alt_text = "Tham gia BHXH tự nguyện để có lương hưu"
    link_url = "https://baohiemxahoi.gov.vn/"
    placement = "sidebar"

    class Meta:
        model = models.Banner
