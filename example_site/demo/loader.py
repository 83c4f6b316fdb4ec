"""Builds the demo portal of "BHXH tỉnh Demo" from the files in content/.

Idempotent: pages, snippets and images are found by slug, name or title and
created only when missing, so `make demo` can run again on the same database.
"""

import datetime
import json
from pathlib import Path

from anyascii import anyascii
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from wagtail_bhxh.models import (
    ArticlePage,
    Banner,
    InfographicPage,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    MediaIndexPage,
    NewsIndexPage,
    Occasion,
    OrganisationPage,
    PageCredit,
    PageNotice,
    PartnerLink,
    PolicyArea,
    PortalHomePage,
    PortalSettings,
    StandardPage,
    TakedownRequest,
    Topic,
    VideoPage,
)
from wagtail_bhxh.moderation import notifications, roles
from wagtail_bhxh.moderation.workflow import assign_workflow_to_sections, get_editorial_workflow

from . import images

CONTENT = Path(__file__).resolve().parent / "content"

DOCUMENT_TYPES = {
    "Luật": "law",
    "Bộ luật": "code",
    "Nghị quyết": "resolution",
    "Nghị định": "decree",
    "Quyết định": "decision",
    "Chỉ thị": "directive",
    "Thông tư": "circular",
    "Công văn": "dispatch",
    "Văn bản hợp nhất": "consolidated",
}


def read(name):
    path = CONTENT / name
    if name.endswith(".jsonl"):
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return json.loads(path.read_text(encoding="utf-8"))


def slug_for(title, limit=80):
    return slugify(anyascii(title.replace("/", " ")))[:limit].strip("-")


class DemoLoader:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.created = 0
        self.image_cache = {}

    def log(self, message):
        if self.stdout:
            self.stdout.write(message)

    # --- helpers ---------------------------------------------------------

    def child(self, parent, model, slug, **fields):
        """The live child of ``parent`` with this slug, created and published if missing."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            return existing.specific
        published_at = fields.pop("first_published_at", None) or timezone.now()
        credits = fields.pop("credits", [])
        tags = fields.pop("tags", [])
        m2m = {name: fields.pop(name) for name in ("policy_areas", "topics") if name in fields}
        page = model(slug=slug, first_published_at=published_at, **fields)
        parent.add_child(instance=page)
        for name, values in m2m.items():
            getattr(page, name).set(values)
        if tags:
            page.tags.add(*tags)
        for credit in credits:
            page.bhxh_credits.add(PageCredit(**credit))
        revision = page.save_revision()
        revision.publish()
        self.created += 1
        return page

    def image(self, title, make_file, description):
        if title in self.image_cache:
            return self.image_cache[title]
        Image = get_image_model()
        image = Image.objects.filter(title=title).first()
        if image is None:
            image = Image(title=title, description=description, file=make_file())
            image.save()
            self.created += 1
        self.image_cache[title] = image
        return image

    # --- content ---------------------------------------------------------

    def load(self):
        with transaction.atomic():
            self.load_taxonomy()
            home = self.load_home()
            self.load_site_settings(home)
            news = self.child(
                home,
                NewsIndexPage,
                "tin-tuc",
                title="Tin tức",
                show_in_menus=True,
                intro="Tin, bài về chính sách bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp và hoạt động của BHXH tỉnh Demo.",
            )
            media = self.child(
                home,
                MediaIndexPage,
                "infographic-video",
                title="Infographic – Video",
                show_in_menus=True,
                intro="Chính sách bảo hiểm qua hình ảnh và video.",
            )
            documents = self.child(
                home,
                LegalDocumentIndexPage,
                "van-ban",
                title="Văn bản",
                show_in_menus=True,
                intro="Văn bản quy phạm pháp luật và văn bản chỉ đạo, điều hành về bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp.",
            )
            self.load_articles(news)
            self.load_infographics(media)
            self.load_videos(media)
            self.load_legal_documents(documents)
            organisation = self.load_organisation(home)
            self.load_english(home, organisation)
            self.load_partner_links()
            self.load_banners()
            self.load_press(home)
            self.load_statistics(home)
            # Sections made above got the Decision 2474 workflow as they were
            # created (if bhxh_setup ran first); make sure of it either way.
            self.created += len(assign_workflow_to_sections())
        return self.created

    def load_press(self, home):
        """The spokesperson, an authorisation and the press section, when the spokesperson app is installed."""
        if not apps.is_installed("wagtail_bhxh_spokesperson"):
            return
        from .press import load_press

        self.created += load_press(self, home)

    def load_statistics(self, home):
        """Six weeks of sealed demo statistics, when the statistics app is installed."""
        if not apps.is_installed("wagtail_bhxh.analytics"):
            return
        from .statistics import load_statistics

        site = Site.objects.get(root_page=home)
        pages = Page.objects.live().descendant_of(home, inclusive=True).filter(locale=home.locale)
        days = load_statistics(site, list(pages))
        if days:
            self.log(f"Demo statistics: {days} sealed day(s), marked as demo data.")
        self.created += days

    def load_taxonomy(self):
        taxonomy = read("taxonomy.json")
        for order, item in enumerate(taxonomy["policy_areas"]):
            _, created = PolicyArea.objects.get_or_create(
                slug=item["slug"],
                defaults={
                    "name": item["name"],
                    "short_name": item.get("short_name", ""),
                    "description": item.get("description", ""),
                    "sort_order": order,
                },
            )
            self.created += created
        for order, item in enumerate(taxonomy["topics"]):
            _, created = Topic.objects.get_or_create(
                slug=item["slug"],
                defaults={"name": item["name"], "description": item.get("description", ""), "sort_order": order},
            )
            self.created += created
        for item in taxonomy["occasions"]:
            if Occasion.objects.filter(name=item["name"]).exists():
                continue
            _, created = Occasion.objects.get_or_create(
                slug=item["slug"],
                defaults={key: item[key] for key in ("name", "calendar", "month", "day", "lead_days", "description")},
            )
            self.created += created

    def load_home(self):
        site = Site.objects.filter(is_default_site=True).first()
        root = Page.get_first_root_node()
        home = PortalHomePage.objects.filter(depth=2, locale__language_code="vi").first()
        if home is None:
            home = PortalHomePage(
                title="Trang chủ",
                slug="trang-chu",
                intro="Cổng thông tin điện tử Bảo hiểm xã hội tỉnh Demo: chính sách, thủ tục và tin tức về BHXH, BHYT, BHTN.",
                seo_title="Cổng thông tin điện tử Bảo hiểm xã hội tỉnh Demo",
                locale=Locale.objects.get(language_code="vi"),
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            self.created += 1
        if site is None:
            site = Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="BHXH tỉnh Demo"
            )
        elif site.root_page_id != home.pk:
            old_root = site.root_page
            site.root_page = home
            site.site_name = "BHXH tỉnh Demo"
            site.save()
            # Wagtail's "Welcome to your new Wagtail site!" placeholder goes.
            if old_root.specific_class is Page and not old_root.get_children().exists():
                old_root.delete()
        return home

    def load_site_settings(self, home):
        data = read("site.json")
        site = Site.objects.get(root_page=home)
        settings = PortalSettings.for_site(site)
        if settings.short_name:
            return
        settings.organisation_name = data["province_name"]
        for field in (
            "short_name",
            "address",
            "phone",
            "hotline",
            "email",
            "licence",
            "responsible_person",
            "facebook_url",
            "zalo_url",
            "youtube_url",
            "footer_note",
        ):
            setattr(settings, field, data.get(field, ""))
        settings.save()

    def areas(self, slugs):
        return list(PolicyArea.objects.filter(slug__in=slugs))

    def topics(self, slugs):
        return list(Topic.objects.filter(slug__in=slugs))

    def credits_for(self, author, role="author"):
        return [{"role": role, "name": author}] if author else []

    def load_articles(self, news):
        for index, item in enumerate(read("articles.jsonl")):
            area = (item.get("policy_areas") or ["bhxh-bat-buoc"])[0]
            area_label = PolicyArea.objects.get(slug=area).label
            image = self.image(
                f"Ảnh minh họa – {item['title']}",
                lambda item=item, area=area, label=area_label: images.illustration(item["title"], area, label),
                f"Hình minh họa chủ đề {area_label}",
            )
            source = item.get("source") or ""
            occasion = Occasion.objects.filter(slug=item["occasion"]).first() if item.get("occasion") else None
            self.child(
                news,
                ArticlePage,
                slug_for(item["title"]),
                title=item["title"],
                kind=item["kind"],
                intro=item["intro"],
                body=[("paragraph", RichText(item["body"]))],
                feature_image=image,
                feature_image_caption=area_label,
                feature_image_credit="Ảnh minh họa: BHXH tỉnh Demo",
                source_name=source,
                occasion=occasion,
                is_featured=index % 9 == 0,
                first_published_at=parse_datetime(item["published_at"]),
                policy_areas=self.areas(item.get("policy_areas", [])),
                topics=self.topics(item.get("topics", [])),
                tags=item.get("tags", []),
                credits=self.credits_for(item.get("author")),
            )

    def load_infographics(self, media):
        for item in read("infographics.json"):
            area = (item.get("policy_areas") or ["bhyt"])[0]
            image = self.image(
                f"Infographic – {item['title']}",
                lambda item=item, area=area: images.infographic(item["title"], item["panels"], area),
                item["alt"],
            )
            self.child(
                media,
                InfographicPage,
                slug_for(item["title"]),
                title=item["title"],
                intro=item["intro"],
                images=[("image", {"image": image, "alt_text": item["alt"], "caption": ""})],
                transcript=item["transcript"],
                first_published_at=parse_datetime(item["published_at"]),
                policy_areas=self.areas(item.get("policy_areas", [])),
                topics=self.topics(item.get("topics", [])),
                tags=item.get("tags", []),
                credits=self.credits_for(item.get("author"), role="designer"),
            )

    def load_videos(self, media):
        for item in read("videos.json"):
            area = (item.get("policy_areas") or ["bhxh-tu-nguyen"])[0]
            poster = self.image(
                f"Ảnh bìa video – {item['title']}",
                lambda item=item, area=area: images.illustration(item["title"], area, "VIDEO"),
                f"Ảnh bìa video: {item['title']}",
            )
            self.child(
                media,
                VideoPage,
                slug_for(item["title"]),
                title=item["title"],
                intro=item["intro"],
                video_kind=item.get("kind", "video"),
                video_url=item["video_url"],
                poster=poster,
                duration_seconds=item.get("duration_seconds"),
                transcript=item["transcript"],
                first_published_at=parse_datetime(item["published_at"]),
                policy_areas=self.areas(item.get("policy_areas", [])),
                tags=item.get("tags", []),
                credits=self.credits_for(item.get("author"), role="video"),
            )

    def load_legal_documents(self, section):
        items = read("legal_documents.json")
        pages = {}
        for item in items:
            issued = datetime.date.fromisoformat(item["issued"])
            page = self.child(
                section,
                LegalDocumentPage,
                slug_for(f"{item['type']} {item['number']}"),
                title=f"{item['type']} {item['number']}: {item['title']}"[:255],
                number=item["number"],
                document_type=DOCUMENT_TYPES.get(item["type"], "other"),
                issuer=item["issuer"],
                signer=item.get("signer", ""),
                issued_on=issued,
                effective_on=datetime.date.fromisoformat(item["effective"]) if item.get("effective") else None,
                status=item.get("status", "in_force"),
                summary=item["summary"],
                full_text=[
                    ("article", {"number": article["number"], "heading": article["heading"], "text": article["text"]})
                    for article in item["articles"]
                ],
                first_published_at=timezone.make_aware(datetime.datetime.combine(issued, datetime.time(8))),
                policy_areas=self.areas(item.get("policy_areas", [])),
            )
            pages[item["number"]] = page
        for item in items:
            replacement = pages.get(item.get("replaced_by"))
            page = pages[item["number"]]
            if replacement and not page.replaced_by.filter(pk=replacement.pk).exists():
                page.replaced_by.add(replacement)
                page.save_revision().publish()

    def units(self, items):
        return [
            ("unit", {key: item.get(key, "") for key in ("name", "head", "address", "phone", "email")})
            for item in items
        ]

    def load_organisation(self, home):
        data = read("organisation.json")
        vi = data["vi"]
        leaders = []
        for person in vi["leaders"]:
            photo = self.image(
                f"Chân dung – {person['name']}",
                lambda p=person: images.portrait(p["name"]),
                f"Ảnh chân dung {person['name']}",
            )
            leaders.append(
                (
                    "leader",
                    {
                        **{k: person.get(k, "") for k in ("name", "position", "phone", "email", "responsibilities")},
                        "photo": photo,
                    },
                )
            )
        organisation = self.child(
            home,
            OrganisationPage,
            "co-cau-to-chuc",
            title=vi["title"],
            intro=vi["intro"],
            leaders=leaders,
            departments=self.units(vi["departments"]),
            offices=self.units(vi["offices"]),
            last_reviewed=timezone.localdate() - datetime.timedelta(days=20),
            show_in_menus=True,
        )
        for key, slug in (
            ("functions", "chuc-nang-nhiem-vu"),
            ("contact", "lien-he"),
            ("about_statistics", "gioi-thieu"),
        ):
            page = data[key]["vi"]
            self.child(
                organisation, StandardPage, slug, title=page["title"], body=[("paragraph", RichText(page["body"]))]
            )
        return organisation

    def load_english(self, home, organisation):
        """English versions of the home, organisation, functions and contact pages."""
        english = Locale.objects.filter(language_code="en").first()
        if english is None:
            return
        data = read("organisation.json")
        home_en = home.get_translation_or_none(english)
        if home_en is None:
            home_en = home.copy_for_translation(english)
            home_en.title = "Home"
            home_en.seo_title = "Electronic information portal of Demo Province Social Security"
            home_en.intro = (
                "Policies, procedures and news on social, health and unemployment insurance in Demo Province."
            )
            home_en.save_revision().publish()
            self.created += 1
        organisation_en = organisation.get_translation_or_none(english)
        if organisation_en is None:
            en = data["en"]
            organisation_en = organisation.copy_for_translation(english)
            organisation_en.title = en["title"]
            organisation_en.intro = en["intro"]
            photos = [block.value["photo"] for block in organisation.leaders]
            organisation_en.leaders = [
                (
                    "leader",
                    {
                        **{k: person.get(k, "") for k in ("name", "position", "phone", "email", "responsibilities")},
                        "photo": photo,
                    },
                )
                for person, photo in zip(en["leaders"], photos, strict=False)
            ]
            organisation_en.departments = self.units(en["departments"])
            organisation_en.offices = self.units(en["offices"])
            organisation_en.save_revision().publish()
            self.created += 1
        for key, slug in (
            ("functions", "chuc-nang-nhiem-vu"),
            ("contact", "lien-he"),
            ("about_statistics", "gioi-thieu"),
        ):
            page = organisation.get_children().filter(slug=slug).first()
            if page is None or page.get_translation_or_none(english) is not None:
                continue
            translation = page.specific.copy_for_translation(english)
            translation.title = data[key]["en"]["title"]
            translation.body = [("paragraph", RichText(data[key]["en"]["body"]))]
            translation.save_revision().publish()
            self.created += 1

    def load_partner_links(self):
        for order, item in enumerate(read("partners.json")):
            _, created = PartnerLink.objects.get_or_create(
                url=item["url"], defaults={"name": item["name"], "group": item.get("group", ""), "sort_order": order}
            )
            self.created += created

    def load_banners(self):
        for order, item in enumerate(read("banners.json")):
            if Banner.objects.filter(title=item["title"]).exists():
                continue
            image = self.image(
                f"Banner – {item['title']}", lambda item=item: images.banner(item["text"], item["colour"]), item["alt"]
            )
            start = timezone.make_aware(datetime.datetime.fromisoformat(item["starts_at"]))
            end = timezone.make_aware(datetime.datetime.fromisoformat(item["ends_at"]))
            Banner.objects.create(
                title=item["title"],
                image=image,
                alt_text=item["alt"],
                link_url=item.get("link_url", ""),
                placement=item["placement"],
                starts_at=start,
                ends_at=end,
                sort_order=order,
            )
            self.created += 1


#: Demo users of the editorial process: (username, role, family name, given name).
EDITORIAL_USERS = [
    ("ctv", roles.CONTRIBUTOR, "Nguyễn Thu", "Trang"),
    ("bientap", roles.EDITOR, "Trần Quang", "Huy"),
    ("bientap2", roles.EDITOR, "Phạm Hải", "Yến"),
    ("thuky", roles.SECRETARY, "Lê Thị Ngọc", "Ánh"),
    ("photruongban", roles.DEPUTY_HEAD, "Đinh Quốc", "Bảo"),
    ("truongban", roles.HEAD, "Hoàng", "Minh"),
    ("ketoan", roles.ACCOUNTANT, "Vũ Thị", "Lan"),
    ("giamdoc", roles.DIRECTOR, "Nguyễn Văn", "Bình"),
]

PENDING_ARTICLE = {
    "slug": "bhxh-tinh-demo-doi-thoai-voi-doanh-nghiep-khu-cong-nghiep-song-xanh-cho-duyet",
    "title": "BHXH tỉnh Demo đối thoại với doanh nghiệp Khu công nghiệp Sông Xanh về chính sách mới",
    "intro": (
        "Sáng nay, Bảo hiểm xã hội (BHXH) tỉnh Demo tổ chức hội nghị đối thoại với hơn 120 doanh nghiệp trong "
        "Khu công nghiệp Sông Xanh để giải đáp vướng mắc về chính sách bảo hiểm xã hội bắt buộc và bảo hiểm y tế "
        "cho người lao động theo Luật Bảo hiểm xã hội năm 2024."
    ),
    "paragraphs": [
        "Phát biểu khai mạc, lãnh đạo Bảo hiểm xã hội (BHXH) tỉnh cho biết, từ ngày 1/7/2025, Luật Bảo hiểm xã hội "
        "năm 2024 có hiệu lực với nhiều điểm mới liên quan trực tiếp đến doanh nghiệp và người lao động, như mở rộng "
        "đối tượng tham gia, quy định rõ hơn về trách nhiệm đóng và xử lý chậm đóng.",
        "Tại hội nghị, đại diện các doanh nghiệp nêu nhiều câu hỏi về thủ tục điều chỉnh mức đóng, cấp lại sổ bảo "
        "hiểm xã hội, giải quyết chế độ ốm đau, thai sản cho người lao động và việc sử dụng ứng dụng VssID. Các câu "
        "hỏi đã được cán bộ các phòng nghiệp vụ trả lời trực tiếp, cụ thể và rõ ràng.",
        "Kết thúc hội nghị, BHXH tỉnh đề nghị các doanh nghiệp đóng đầy đủ, đúng hạn cho người lao động, phối hợp "
        "rà soát dữ liệu và thông báo kịp thời khi có thay đổi về lao động, tiền lương để bảo đảm quyền lợi của "
        "người lao động. Cơ quan bảo hiểm xã hội sẽ tiếp tục tổ chức đối thoại định kỳ tại các khu công nghiệp "
        "trên địa bàn tỉnh trong năm nay.",
    ],
}


def load_editorial_users(password):
    """One demo user per role of Decision 2474, all with ``password``. Returns [(username, role label)]."""
    User = get_user_model()
    accounts = []
    for username, code, family, given in EDITORIAL_USERS:
        group = roles.get_role_group(code) or roles.ensure_role_group(code)[0]
        user, _created = User.objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@demo.vss.gov.vn", "last_name": family, "first_name": given},
        )
        user.set_password(password)
        user.is_staff = True
        user.save()
        user.groups.add(group)
        with translation.override(settings.LANGUAGE_CODE):
            accounts.append((username, str(roles.role_label(code))))
    return accounts


def load_editorial_process(stdout=None):
    """The process at work: a news item awaiting the editor, a correction, a takedown request. Idempotent."""
    User = get_user_model()
    users = {username: User.objects.filter(username=username).first() for username, *_ in EDITORIAL_USERS}
    news = NewsIndexPage.objects.filter(slug="tin-tuc").first()
    workflow = get_editorial_workflow()
    if news is None or workflow is None or None in users.values():
        return 0
    created = 0
    # The process's emails are for real use, not for the demo load.
    with transaction.atomic(), notifications.suppressed():
        if not news.get_children().filter(slug=PENDING_ARTICLE["slug"]).exists():
            sample = ArticlePage.objects.live().descendant_of(news).filter(kind="tin").order_by("pk").first()
            page = ArticlePage(
                slug=PENDING_ARTICLE["slug"],
                title=PENDING_ARTICLE["title"],
                kind="tin",
                intro=PENDING_ARTICLE["intro"],
                body=[("paragraph", RichText(f"<p>{text}</p>")) for text in PENDING_ARTICLE["paragraphs"]],
                feature_image=sample.feature_image if sample else None,
                feature_image_caption="Quang cảnh hội nghị đối thoại",
                feature_image_credit="Ảnh: Nguyễn Thu Trang",
                owner=users["ctv"],
                live=False,
            )
            news.add_child(instance=page)
            page.bhxh_credits.add(PageCredit(role="author", user=users["ctv"]))
            page.save_revision(user=users["ctv"])
            workflow.start(page, users["ctv"])
            created += 1
        article = ArticlePage.objects.live().descendant_of(news).order_by("-first_published_at").first()
        if article and not PageNotice.objects.filter(page=article).exists():
            PageNotice.objects.create(
                page=article,
                text="Số người tham gia được nêu trong đoạn thứ hai là 47.200 người, không phải 42.700 người.",
                created_by=users["thuky"],
            )
            created += 1
        oldest = ArticlePage.objects.live().descendant_of(news).order_by("first_published_at").first()
        if oldest and not TakedownRequest.objects.filter(page=oldest).exists():
            TakedownRequest.objects.create(
                page=oldest,
                page_title=oldest.title,
                page_url=oldest.url_path,
                reason=TakedownRequest.Reason.EXPIRED,
                reason_text="Mức đóng nêu trong tin đã thay đổi từ ngày 1/7; đề nghị thu hồi, giữ lại để tra cứu.",
                urgency=TakedownRequest.Urgency.NORMAL,
                requested_by=users["bientap"],
            )
            created += 1
    return created
