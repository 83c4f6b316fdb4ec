"""Bulk generation of a realistic portal corpus, for benchmarks and load tests.

``manage.py bhxh_generate_content --articles N`` calls :func:`generate`. Pages
are written with a handful of bulk INSERTs per thousand pages, yet the result
is an ordinary Wagtail tree: materialised paths computed as treebeard would,
``numchild`` of the parents updated, one revision per page (``latest_revision``
and ``live_revision`` pointing at it, content serialised as Wagtail does), tags
through the page types' tag models, authors as :class:`PageCredit`, policy areas
and topics through their many-to-many tables, a few shared images with their
renditions made in advance, and legal documents with their articles.

Text is sampled from the legal corpus (``shared/data/legal_corpus.json``) when
it is found, else from the project's own word list (:mod:`.words`). The same
``seed`` gives the same titles, texts, dates and translation keys.

What bulk creation skips, on purpose: the search index (run
``manage.py update_index`` afterwards if search must find the pages), the
reference index and the audit log (no "published" log entries).

Run it on a site nobody is editing at the same time: page and revision ids are
assigned in advance so a page and its revision can be written in one pass.
"""

import datetime
import io
import json
import os
import random
import re
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from anyascii import anyascii
from django.core.files.images import ImageFile
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Page, Revision

from . import words

#: Where the legal corpus is looked for, in order, when no path is given.
CORPUS_ENV = "BHXH_LEGAL_CORPUS"
CORPUS_NAME = Path("shared") / "data" / "legal_corpus.json"

#: Rows per INSERT; SQLite allows 32,766 variables per statement.
BATCH_SIZE = 500

IMAGE_TITLE = "Ảnh minh hoạ (nội dung tạo tự động) {n}"

DOCUMENT_TYPES = {
    "luật": "law",
    "bộ luật": "code",
    "nghị quyết": "resolution",
    "nghị định": "decree",
    "quyết định": "decision",
    "chỉ thị": "directive",
    "thông tư": "circular",
    "thông tư liên tịch": "joint_circular",
    "công văn": "dispatch",
    "kế hoạch": "plan",
    "hướng dẫn": "guidance",
    "văn bản hợp nhất": "consolidated",
}


def insert_rows(model, columns, rows):
    """INSERT rows of database-ready values into a model's table."""
    if not rows:
        return
    quote = connection.ops.quote_name
    # Table and column names come from the models, quoted; values are parameters.
    table, names = quote(model._meta.db_table), ", ".join(quote(c) for c in columns)
    sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"  # noqa: S608
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH_SIZE * 10):
            cursor.executemany(sql, rows[start : start + BATCH_SIZE * 10])


def find_corpus(path=None):
    """Path of the legal corpus, or None when it is not on this machine."""
    candidates = [path] if path else []
    if os.environ.get(CORPUS_ENV):
        candidates.append(os.environ[CORPUS_ENV])
    here = Path(__file__).resolve()
    candidates += [parent / CORPUS_NAME for parent in here.parents[1:5]]
    candidates += [Path.cwd().parent / CORPUS_NAME, Path.cwd().parent.parent / CORPUS_NAME]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


@dataclass
class TextSource:
    """Sentences, headings and legal documents to sample from."""

    sentences: list
    headings: list
    documents: list = field(default_factory=list)
    origin: str = "word list"

    @classmethod
    def load(cls, corpus_path=None):
        path = find_corpus(corpus_path)
        if path is None:
            return cls(sentences=list(words.SENTENCES), headings=list(words.TOPIC_PHRASES))
        documents = json.loads(path.read_text(encoding="utf-8"))
        sentences, headings = [], []
        for document in documents:
            for article in document.get("articles", []):
                heading = re.sub(r"^Điều\s+\w+\.?\s*", "", article.get("heading", "")).strip(" .")
                if 3 <= len(heading) <= 120:
                    headings.append(heading)
                for sentence in re.split(r"(?<=[.;:])\s+|\n+", article.get("text", "")):
                    sentence = sentence.strip()
                    if 40 <= len(sentence) <= 400:
                        sentences.append(sentence)
        return cls(sentences=sentences, headings=headings, documents=documents, origin=str(path))


@dataclass
class Result:
    articles: int = 0
    legal_documents: int = 0
    infographics: int = 0
    images: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    text_origin: str = ""

    @property
    def pages(self):
        return self.articles + self.legal_documents + self.infographics

    @property
    def pages_per_second(self):
        return self.pages / self.seconds if self.seconds else 0.0

    @property
    def pages_per_cpu_second(self):
        """Pages per second of this process's CPU time: what a machine not shared would reach (SQLite)."""
        return self.pages / self.cpu_seconds if self.cpu_seconds else 0.0


class PageWriter:
    """Writes many pages of one type below one parent, as a valid Wagtail tree."""

    def __init__(self, parent, model):
        self.parent = parent
        self.model = model
        # The concrete tables of the page type, from wagtailcore_page down.
        self.chain = [*reversed(model._meta.get_parent_list()), model]
        from django.contrib.contenttypes.models import ContentType

        self.content_type_id = ContentType.objects.get_for_model(model).pk
        self.base_content_type_id = ContentType.objects.get_for_model(self.chain[0]).pk
        last = (
            Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        self.stream_fields = [f.attname for f in model._meta.concrete_fields if isinstance(f, StreamField)]
        self.stream_json = {attname: {} for attname in self.stream_fields}
        self.serialized_fields = [(f.name, f.attname) for f in model._meta.fields if f.serialize]
        template = model()
        self.defaults = {f.attname: getattr(template, f.attname) for f in model._meta.concrete_fields}
        self.parent_links = [link.attname for m in self.chain for link in m._meta.parents.values()]
        self.next_step = (Page._str2int(last[-Page.steplen :]) + 1) if last else 1

    def build(self, pk, revision_pk, fields):
        """The values of a new page (attname: value), with its tree, publication and revision fields."""
        step = self.next_step
        self.next_step += 1
        for attname in self.stream_fields:
            # Serialised once, for the page row and for its revision.
            raw = fields.pop(attname, [])
            self.stream_json[attname][pk] = json.dumps(raw, cls=DjangoJSONEncoder)
        slug = f"{fields.pop('slug')}-{step}"
        values = {
            "id": pk,
            "slug": slug,
            "path": Page._get_path(self.parent.path, self.parent.depth + 1, step),
            "depth": self.parent.depth + 1,
            "numchild": 0,
            "url_path": f"{self.parent.url_path}{slug}/",
            "live": True,
            "has_unpublished_changes": False,
            "content_type_id": self.content_type_id,
            "locale_id": self.parent.locale_id,
            "latest_revision_id": revision_pk,
            "live_revision_id": revision_pk,
            "draft_title": fields["title"],
            "last_published_at": fields["first_published_at"],
            "latest_revision_created_at": fields["first_published_at"],
            **dict.fromkeys(self.parent_links, pk),
            **fields,
        }
        return values

    def value(self, values, attname):
        return values[attname] if attname in values else self.defaults[attname]

    def insert(self, pages):
        for model in self.chain:
            fields = model._meta.local_concrete_fields
            rows = []
            for values in pages:
                pk = values["id"]
                row = []
                for f in fields:
                    if f.attname in self.stream_json:
                        row.append(self.stream_json[f.attname][pk])
                        continue
                    value = self.value(values, f.attname)
                    if value is None or (isinstance(value, str | int) and not isinstance(f, models.UUIDField)):
                        row.append(value)
                    else:
                        row.append(f.get_db_prep_save(value, connection))
                rows.append(row)
            insert_rows(model, [f.column for f in fields], rows)
        Page.objects.filter(pk=self.parent.pk).update(numchild=models.F("numchild") + len(pages))
        self.parent.numchild += len(pages)

    def serializable_data(self, values):
        """What ``page.serializable_data()`` gives for the page's own fields."""
        pk = values["id"]
        content = {"pk": pk}
        for name, attname in self.serialized_fields:
            if attname in self.stream_json:
                content[name] = self.stream_json[attname][pk]
                continue
            value = self.value(values, attname)
            if isinstance(value, datetime.datetime):
                value = value.astimezone(datetime.UTC)
            elif isinstance(value, uuid.UUID):
                value = str(value)
            content[name] = value
        return content

    def revision(self, page, extra):
        """The row of the page's only revision, live and latest."""
        content = self.serializable_data(page)
        content.update(extra)
        return (
            page["latest_revision_id"],
            self.content_type_id,
            self.base_content_type_id,
            str(page["id"]),
            self.created_at_field.get_db_prep_save(page["first_published_at"], connection),
            None,
            page["title"],
            self.content_field.get_db_prep_save(content, connection),
            None,
        )

    created_at_field = Revision._meta.get_field("created_at")
    content_field = Revision._meta.get_field("content")
    revision_columns = [
        "id",
        "content_type_id",
        "base_content_type_id",
        "object_id",
        "created_at",
        "user_id",
        "object_str",
        "content",
        "approved_go_live_at",
    ]


class Generator:
    def __init__(self, seed=1, corpus_path=None):
        self.rng = random.Random(seed)  # noqa: S311 - sample content, not secrets
        self.namespace = uuid.UUID(int=self.rng.getrandbits(128), version=4)
        self.text = TextSource.load(corpus_path)
        # Dates are fixed by the seed, not by the day the command runs.
        self.start = datetime.datetime(2015, 1, 1, 7, 0, tzinfo=datetime.UTC)
        self.end = datetime.datetime(2026, 6, 30, 17, 0, tzinfo=datetime.UTC)

    # --- Text ---------------------------------------------------------------

    def uuid(self):
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def sentence(self):
        return self.rng.choice(self.text.sentences)

    def paragraph(self, sentences=3):
        return " ".join(self.sentence() for _ in range(sentences))

    def headline(self):
        topic = self.rng.choice(self.text.headings)
        title = f"{self.rng.choice(words.HEADLINE_LEADS)} {topic[:1].lower()}{topic[1:]}"
        return title[:200]

    def person(self):
        rng = self.rng
        return f"{rng.choice(words.FAMILY_NAMES)} {rng.choice(words.MIDDLE_NAMES)} {rng.choice(words.GIVEN_NAMES)}"

    def dates(self, n):
        """n publication times, oldest first, spread over the years."""
        span = (self.end - self.start).total_seconds()
        return [
            self.start + datetime.timedelta(seconds=s) for s in sorted(self.rng.randrange(int(span)) for _ in range(n))
        ]

    # --- Shared objects -----------------------------------------------------

    def images(self, count):
        """A few shared images, reused across runs, with the renditions the templates use."""
        from ..blocks import BODY_IMAGE_RENDITIONS, INFOGRAPHIC_RENDITIONS
        from ..models.pages import CARD_RENDITIONS, HEADER_RENDITIONS

        Image = get_image_model()
        images = []
        for n in range(1, count + 1):
            title = IMAGE_TITLE.format(n=n)
            image = Image.objects.filter(title=title).first()
            if image is None:
                image = Image(
                    title=title,
                    file=ImageFile(self._image_file(n), name=f"bhxh-generated-{n}.png"),
                    description=words.IMAGE_CAPTIONS[(n - 1) % len(words.IMAGE_CAPTIONS)],
                )
                image.save()
            renditions = {*CARD_RENDITIONS, *HEADER_RENDITIONS, *BODY_IMAGE_RENDITIONS, *INFOGRAPHIC_RENDITIONS}
            # Made now, so no page view pays for them; looked up in the database, not
            # Wagtail's rendition cache, which may remember renditions no longer stored.
            missing = renditions - set(image.renditions.values_list("filter_spec", flat=True))
            if missing:
                image.create_renditions(*(Filter(spec) for spec in sorted(missing)))
            images.append(image)
        return images

    def _image_file(self, n):
        from PIL import Image as PILImage
        from PIL import ImageDraw

        colours = [(0, 84, 166), (0, 133, 95), (196, 30, 58), (230, 145, 0), (90, 60, 160), (40, 40, 40)]
        picture = PILImage.new("RGB", (1600, 900), colours[(n - 1) % len(colours)])
        draw = ImageDraw.Draw(picture)
        for i in range(6):
            draw.rectangle([100 + i * 230, 200 + (i % 3) * 120, 280 + i * 230, 700], fill=(255, 255, 255))
        buffer = io.BytesIO()
        picture.save(buffer, "PNG")
        buffer.seek(0)
        return buffer

    def taxonomy(self):
        from ..models import PolicyArea, Topic

        areas = list(PolicyArea.objects.all())
        if not areas:
            areas = [
                PolicyArea.objects.create(name=name, short_name=short, sort_order=i)
                for i, (name, short) in enumerate(words.POLICY_AREAS)
            ]
        topics = list(Topic.objects.all())
        if not topics:
            topics = [Topic.objects.create(name=name, sort_order=i) for i, name in enumerate(words.TOPICS)]
        return areas, topics

    def tags(self):
        existing = {tag.name: tag for tag in Tag.objects.filter(name__in=words.TAGS)}
        missing = [Tag(name=name, slug=slugify(anyascii(name))) for name in words.TAGS if name not in existing]
        for tag in missing:
            tag.save()
            existing[tag.name] = tag
        return [existing[name] for name in words.TAGS]

    # --- Sections -------------------------------------------------------------

    def section(self, home, model, title, slug):
        """The first section of this type below home, created when there is none."""
        section = model.objects.descendant_of(home).first()
        if section is None:
            section = home.add_child(instance=model(title=title, slug=slug))
            section.save_revision().publish()
        return section

    # --- Ids -------------------------------------------------------------------

    def reserve_ids(self, model, n):
        start = (model.objects.aggregate(m=models.Max("pk"))["m"] or 0) + 1
        return list(range(start, start + n))

    # --- Pages -----------------------------------------------------------------

    def write(self, parent, model, rows, extras):
        """Insert pages (one dict of fields per row) and their revisions; return their ids."""
        with transaction.atomic():
            # One transaction: SQLite in autocommit would sync every row of an executemany.
            return self._write(parent, model, rows, extras)

    def _write(self, parent, model, rows, extras):
        writer = PageWriter(parent, model)
        page_ids = self.reserve_ids(Page, len(rows))
        revision_ids = self.reserve_ids(Revision, len(rows))
        for pk, row in zip(page_ids, rows, strict=True):
            # Unique per page even when the command runs again with the same seed.
            row["translation_key"] = uuid.uuid5(self.namespace, str(pk))
        pages = [writer.build(pk, rpk, row) for pk, rpk, row in zip(page_ids, revision_ids, rows, strict=True)]
        revisions = [writer.revision(page, extra(page["id"])) for page, extra in zip(pages, extras, strict=True)]
        insert_rows(Revision, PageWriter.revision_columns, revisions)
        writer.insert(pages)
        return page_ids

    def articles(self, news, n, images, areas, topics, tags):
        from ..models import ArticlePage, ArticlePageTag, PageCredit

        rng = self.rng
        rows, extras, children = [], [], []
        for published in self.dates(n):
            title = self.headline()
            image = rng.choice(images)
            body = [
                {"type": "paragraph", "value": f"<p>{self.paragraph()}</p>", "id": str(self.uuid())}
                for _ in range(rng.randint(3, 6))
            ]
            if rng.random() < 0.3:
                body.insert(
                    2,
                    {
                        "type": "image",
                        "value": {
                            "image": rng.choice(images).pk,
                            "alt_text": rng.choice(words.IMAGE_CAPTIONS),
                            "decorative": False,
                            "caption": rng.choice(words.IMAGE_CAPTIONS),
                            "credit": f"Ảnh: {self.person()}",
                        },
                        "id": str(self.uuid()),
                    },
                )
            page_areas = rng.sample(areas, rng.randint(1, min(2, len(areas))))
            page_topics = rng.sample(topics, 1) if rng.random() < 0.3 else []
            page_tags = rng.sample(tags, rng.randint(1, 4))
            authors = [self.person() for _ in range(rng.randint(1, 2))]
            rows.append(
                {
                    "title": title,
                    "slug": slugify(anyascii(title))[:60].strip("-"),
                    "first_published_at": published,
                    "kind": "bai" if rng.random() < 0.25 else "tin",
                    "intro": self.sentence(),
                    "body": body,
                    "feature_image_id": image.pk,
                    "feature_image_credit": f"Ảnh: {self.person()}",
                    "is_featured": rng.random() < 0.02,
                }
            )
            children.append((page_areas, page_topics, page_tags, authors))

            def extra(page, children=children[-1]):
                page_areas, page_topics, page_tags, authors = children
                return {
                    "policy_areas": [a.pk for a in page_areas],
                    "topics": [t.pk for t in page_topics],
                    "tagged_items": [{"pk": None, "content_object": page, "tag": tag.pk} for tag in page_tags],
                    "bhxh_credits": [
                        {"pk": None, "page": page, "sort_order": i, "role": "author", "user": None, "name": name}
                        for i, name in enumerate(authors)
                    ],
                    "bhxh_related_links": [],
                }

            extras.append(extra)
        pages = self.write(news, ArticlePage, rows, extras)
        area_links, topic_links, tag_links, credits = [], [], [], []
        for page, (page_areas, page_topics, page_tags, authors) in zip(pages, children, strict=True):
            area_links += [(page, a.pk) for a in page_areas]
            topic_links += [(page, t.pk) for t in page_topics]
            tag_links += [(page, t.pk) for t in page_tags]
            credits += [(page, i, "author", name) for i, name in enumerate(authors)]
        insert_rows(ArticlePage.policy_areas.through, ["articlepage_id", "policyarea_id"], area_links)
        insert_rows(ArticlePage.topics.through, ["articlepage_id", "topic_id"], topic_links)
        insert_rows(ArticlePageTag, ["content_object_id", "tag_id"], tag_links)
        insert_rows(PageCredit, ["page_id", "sort_order", "role", "name"], credits)
        return pages

    def legal_documents(self, section, n, areas):
        from ..models import LegalDocumentPage

        rng = self.rng
        rows, extras, page_areas = [], [], []
        real = list(self.text.documents)
        for i, published in enumerate(self.dates(n)):
            if i < len(real):
                source = real[i]
                issued = datetime.date.fromisoformat(source["issued"])
                kind = DOCUMENT_TYPES.get(source.get("type", "").lower(), "other")
                number, issuer, summary = source["number"], source["issuer"], source["title"]
                articles = source.get("articles", [])
                published = max(published, datetime.datetime.combine(issued, datetime.time(8), tzinfo=datetime.UTC))
            else:
                issued = published.date()
                kind = rng.choice(["decision", "dispatch", "plan", "guidance"])
                symbol = {"decision": "QĐ-BHXH", "dispatch": "BHXH-TT", "plan": "KH-BHXH", "guidance": "HD-BHXH"}
                number = f"{rng.randint(1, 4999)}/{symbol[kind]}"
                issuer = "Bảo hiểm xã hội tỉnh"
                summary = self.headline()
                articles = [
                    {
                        "number": str(k),
                        "heading": f"Điều {k}. {rng.choice(self.text.headings)}",
                        "text": self.paragraph(2),
                    }
                    for k in range(1, rng.randint(3, 8))
                ]
            title = f"{number}: {summary}"[:250]
            rows.append(
                {
                    "title": title,
                    "slug": slugify(anyascii(number))[:60].strip("-") or "van-ban",
                    "first_published_at": published,
                    "number": number[:80],
                    "document_type": kind,
                    "issuer": issuer[:200],
                    "signer": self.person(),
                    "issued_on": issued,
                    "effective_on": issued + datetime.timedelta(days=rng.choice([0, 15, 45])),
                    "status": "in_force" if rng.random() < 0.8 else rng.choice(["replaced", "expired"]),
                    "summary": summary,
                    "full_text": [
                        {
                            "type": "article",
                            "value": {
                                "number": str(a.get("number", k + 1))[:20],
                                "heading": a.get("heading", "")[:500],
                                "text": a.get("text", "") or "—",
                            },
                            "id": str(self.uuid()),
                        }
                        for k, a in enumerate(articles)
                    ],
                }
            )
            chosen = rng.sample(areas, 1)
            page_areas.append(chosen)
            extras.append(lambda page, chosen=chosen: {"policy_areas": [a.pk for a in chosen], "replaced_by": []})
        pages = self.write(section, LegalDocumentPage, rows, extras)
        insert_rows(
            LegalDocumentPage.policy_areas.through,
            ["legaldocumentpage_id", "policyarea_id"],
            [(p, a.pk) for p, chosen in zip(pages, page_areas, strict=True) for a in chosen],
        )
        return pages

    def infographics(self, section, n, images, areas):
        from ..models import InfographicPage

        rng = self.rng
        rows, extras = [], []
        for published in self.dates(n):
            title = f"Infographic: {self.headline()}"
            chosen = rng.sample(images, min(len(images), rng.randint(1, 3)))
            rows.append(
                {
                    "title": title[:250],
                    "slug": slugify(anyascii(title))[:60].strip("-"),
                    "first_published_at": published,
                    "intro": self.sentence(),
                    "feature_image_id": chosen[0].pk,
                    "images": [
                        {
                            "type": "image",
                            "value": {"image": image.pk, "alt_text": title[:200], "decorative": False, "caption": ""},
                            "id": str(self.uuid()),
                        }
                        for image in chosen
                    ],
                    "transcript": "".join(f"<p>{self.sentence()}</p>" for _ in range(4)),
                }
            )
            extras.append(lambda page: {"policy_areas": [], "topics": [], "tagged_items": [], "bhxh_credits": []})
        return self.write(section, InfographicPage, rows, extras)

    def reset_sequences(self):
        sql = connection.ops.sequence_reset_sql(no_style(), [Page, Revision])
        if sql:
            with connection.cursor() as cursor:
                for statement in sql:
                    cursor.execute(statement)


def refresh_planner_statistics():
    """Let PostgreSQL plan with the new row counts at once.

    Autovacuum analyses a table a while after a bulk write (never, where it
    is off); until then the planner believes the page tree is as small as it
    was and sorts 100,000 rows to show twelve.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def default_home():
    """The default site's home page; a portal home page is made its root when it has none.

    A fresh Wagtail site's root is Wagtail's welcome page: a portal home page
    is then created beside it and becomes the default site's root page.
    """
    from wagtail.models import Site

    from ..models import PortalHomePage

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise ValueError("There is no default site: create one (or run manage.py bhxh_load_demo) first.")
    root = site.root_page.specific
    if isinstance(root, PortalHomePage):
        return root
    home = Page.get_first_root_node().add_child(instance=PortalHomePage(title="Trang chủ", slug="trang-chu-bhxh"))
    home.save_revision().publish()
    site.root_page = home
    site.save()
    Site.clear_site_root_paths_cache()
    return home


def generate(articles, *, legal_documents=None, infographics=None, images=6, seed=1, corpus=None, home=None):
    """Add ``articles`` articles (and legal documents, infographics) below the site's home page."""
    from ..models import LegalDocumentIndexPage, MediaIndexPage, NewsIndexPage

    if articles < 0 or (legal_documents or 0) < 0 or (infographics or 0) < 0 or images < 1:
        raise ValueError("Counts must not be negative and at least one image is needed.")
    legal_documents = max(20, articles // 20) if legal_documents is None else legal_documents
    infographics = max(5, articles // 50) if infographics is None else infographics
    started, started_cpu = time.perf_counter(), time.process_time()
    generator = Generator(seed=seed, corpus_path=corpus)
    home = home or default_home()
    with transaction.atomic():
        shared_images = generator.images(images)
        areas, topics = generator.taxonomy()
        tags = generator.tags()
        news = generator.section(home, NewsIndexPage, "Tin tức", "tin-tuc")
        legal = generator.section(home, LegalDocumentIndexPage, "Văn bản", "van-ban")
        media = generator.section(home, MediaIndexPage, "Media", "media")
        for start in range(0, articles, 5000):
            generator.articles(news, min(5000, articles - start), shared_images, areas, topics, tags)
        generator.legal_documents(legal, legal_documents, areas)
        generator.infographics(media, infographics, shared_images, areas)
        generator.reset_sequences()
    refresh_planner_statistics()
    # Rows written in bulk send no signals: drop the cached fragments ourselves.
    from ..fragment_cache import invalidate

    invalidate()
    return Result(
        articles=articles,
        legal_documents=legal_documents,
        infographics=infographics,
        images=len(shared_images),
        seconds=time.perf_counter() - started,
        cpu_seconds=time.process_time() - started_cpu,
        text_origin=generator.text.origin,
    )


__all__ = ["Generator", "Result", "TextSource", "find_corpus", "generate", "refresh_planner_statistics"]
