"""Build the Vietnamese catalogue of Wagtail admin strings that Wagtail's own catalogue lacks.

    .venv/bin/python scripts/wagtail_vi.py

writes ``wagtail_bhxh/wagtail_vi/locale/vi/LC_MESSAGES/django.po`` (from
``TRANSLATIONS``) and ``djangojs.po`` (from ``JS_TRANSLATIONS``), with their
``.mo`` files. Only messages that the installed Wagtail
has (in its English source catalogues) and that its Vietnamese catalogue does
not translate are written, so the catalogue never overrides Wagtail's own
translations. Each entry names the Wagtail catalogue it comes from
(``#: wagtail/admin``), so the file can be offered to Wagtail's translators
as it is. Plural messages take one form (Vietnamese has no plural inflection).

A key is a msgid, or ``(msgctxt, msgid)`` for a message with a context.
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "wagtail_bhxh" / "wagtail_vi" / "locale" / "vi" / "LC_MESSAGES" / "django.po"

TRANSLATIONS = {
    # Sidebar, header and page furniture met on every screen.
    "Toggle sidebar": "Ẩn/hiện thanh bên",
    "Toggle breadcrumbs": "Ẩn/hiện đường dẫn",
    "Toggle section": "Thu gọn/mở rộng phần này",
    "Toggle side panel": "Ẩn/hiện bảng bên",
    "Toggle status": "Ẩn/hiện tình trạng",
    "Toggle preview": "Ẩn/hiện xem trước",
    "Toggle checks": "Ẩn/hiện kết quả kiểm tra",
    "Toggle comments": "Ẩn/hiện bình luận",
    "Images": "Hình ảnh",
    "Documents": "Tài liệu",
    "Reports": "Báo cáo",
    "Help": "Trợ giúp",
    "Snippets": "Đoạn nội dung",
    "Edit account avatar": "Sửa ảnh đại diện của tài khoản",
    "Account": "Tài khoản",
    "Log out": "Đăng xuất",
    "Wagtail %(current_version)s editor guide": "Hướng dẫn biên tập Wagtail %(current_version)s",
    "Actions": "Thao tác",
    "Actions (footer)": "Thao tác (chân trang)",
    "More actions": "Thao tác khác",
    "Pagination": "Phân trang",
    "Page %(page_num)s of %(total_pages)s": "Trang %(page_num)s / %(total_pages)s",
    "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s": (
        "%(start_index)s–%(end_index)s trong số %(items_count)s %(model_name)s"
    ),
    "Search…": "Tìm kiếm…",
    "Search all pages…": "Tìm trong tất cả các trang…",
    "Show filters": "Hiện bộ lọc",
    "Filter": "Lọc",
    "Select": "Chọn",
    "Select row": "Chọn dòng",
    "Select %(title)s": "Chọn %(title)s",
    "Select all pages in listing": "Chọn tất cả các trang trong danh sách",
    "Sort by": "Sắp xếp theo",
    "Sort by '%(label)s' in ascending order.": "Sắp xếp theo “%(label)s”, tăng dần.",
    "Sort by '%(label)s' in descending order.": "Sắp xếp theo “%(label)s”, giảm dần.",
    "More options for '%(title)s'": "Thêm lựa chọn cho “%(title)s”",
    "Created": "Ngày tạo",
    "Updated": "Cập nhật",
    "Usage": "Nơi sử dụng",
    "File": "Tệp",
    "Filesize": "Dung lượng tệp",
    "File not found": "Không tìm thấy tệp",
    "(optional)": "(không bắt buộc)",
    "system": "hệ thống",
    "Edit this item": "Sửa mục này",
    "%(time)s by %(user_display_name)s": "%(time)s, bởi %(user_display_name)s",
    # Dashboard.
    "Site summary": "Tóm tắt trang web",
    "%(num_pages)d page": "%(num_pages)d trang",
    "%(count)s image": "%(count)s hình ảnh",
    "%(count)s document": "%(count)s tài liệu",
    "Awaiting your review": "Chờ bạn xem xét",
    "Your most recent edits": "Những sửa đổi gần đây nhất của bạn",
    "Your locked pages": "Những trang bạn đang khoá",
    # Page explorer and page editor.
    "Add child page": "Thêm trang con",
    "Edit this page": "Sửa trang này",
    "Current page status:": "Tình trạng hiện tại của trang:",
    "Live": "Đang hiển thị",
    "live + draft": "đang hiển thị + bản nháp",
    "live + scheduled": "đang hiển thị + đã lên lịch",
    "in moderation": "đang chờ duyệt",
    "Visit the live page": "Xem trang đang hiển thị",
    "Visible to all. Visit the live page": "Mọi người đều xem được. Xem trang đang hiển thị",
    "%(num_child_objects)d child page": "%(num_child_objects)d trang con",
    "%(num_parent_objects)d page": "%(num_parent_objects)d trang",
    "1 page": "1 trang",
    "Sort the order of child pages within '%(parent)s' by '%(label)s' in ascending order.": (
        "Sắp xếp các trang con trong “%(parent)s” theo “%(label)s”, tăng dần."
    ),
    "Sort the order of child pages within '%(parent)s' by '%(label)s' in descending order.": (
        "Sắp xếp các trang con trong “%(parent)s” theo “%(label)s”, giảm dần."
    ),
    "Editing %(page_type)s": "Đang sửa %(page_type)s",
    "Editing %(task_type)s": "Đang sửa %(task_type)s",
    "Content": "Nội dung",
    "Promote": "Quảng bá",
    "Save draft": "Lưu bản nháp",
    "Minimap": "Bản đồ thu nhỏ",
    "Drag": "Kéo",
    "Move up": "Chuyển lên",
    "Move down": "Chuyển xuống",
    "Move %(title)s": "Chuyển %(title)s",
    "Choose %(object)s": "Chọn %(object)s",
    "The page title as you'd like it to be seen by the public": "Tiêu đề trang như bạn muốn người đọc nhìn thấy",
    'Multi-word tags with spaces will automatically be enclosed in double quotes (").': (
        'Thẻ gồm nhiều từ có dấu cách sẽ tự động được đặt trong dấu ngoặc kép (").'
    ),
    "Status": "Tình trạng",
    "Preview": "Xem trước",
    "Checks": "Kiểm tra",
    "Comments": "Bình luận",
    "Page '%(page_title)s' has been updated.": "Trang “%(page_title)s” đã được cập nhật.",
    "Page '%(page_title)s' created.": "Đã tạo trang “%(page_title)s”.",
    "History": "Lịch sử",
    "Workflow history": "Lịch sử quy trình",
    "This page hasn't been submitted for moderation yet": "Trang này chưa được gửi duyệt",
    "This %(model_name)s hasn't been submitted for moderation yet": "%(model_name)s này chưa được gửi duyệt",
    # Workflow reports and actions.
    "Workflows": "Quy trình",
    "Workflow tasks": "Bước quy trình",
    "By task": "Theo bước",
    "By workflow": "Theo quy trình",
    "No pages/snippets have been submitted for moderation yet": "Chưa có trang hay đoạn nội dung nào được gửi duyệt",
    "Date / Time": "Ngày / giờ",
    "Site history": "Lịch sử trang web",
    "Aging pages": "Trang lâu chưa cập nhật",
    "No pages found.": "Không tìm thấy trang nào.",
    "Locked pages": "Trang đang khoá",
    "No locked pages found.": "Không có trang nào đang khoá.",
    # Images and documents.
    "Add an image": "Thêm hình ảnh",
    "Add images": "Thêm hình ảnh",
    "Add documents": "Thêm tài liệu",
    "Grid layout": "Dạng lưới",
    "List layout": "Dạng danh sách",
    "Drag and drop images into this area to upload immediately.": "Kéo thả hình ảnh vào đây để tải lên ngay.",
    "Drag and drop documents into this area to upload immediately.": "Kéo thả tài liệu vào đây để tải lên ngay.",
    "Or choose from your computer": "Hoặc chọn từ máy tính của bạn",
    "Supported formats: %(supported_formats)s.": "Định dạng được hỗ trợ: %(supported_formats)s.",
    "Supported formats: %(supported_formats)s. Maximum filesize: %(max_upload_size)s.": (
        "Định dạng được hỗ trợ: %(supported_formats)s. Dung lượng tối đa: %(max_upload_size)s."
    ),
    "Change image file:": "Thay tệp hình ảnh:",
    "Change document:": "Thay tài liệu:",
    "Focal point": "Điểm nhấn",
    "Image focal point": "Điểm nhấn của hình ảnh",
    "Remove focal area": "Bỏ vùng nhấn",
    "To define this image's most important region, drag a box over the image above.": (
        "Để chọn vùng quan trọng nhất của hình ảnh, kéo một khung trên hình ảnh ở trên."
    ),
    "Max dimensions": "Kích thước tối đa",
    # What the editor reads when a form is refused (a missing field, a page someone has locked).
    "Go to the first error": "Đến lỗi đầu tiên",
    "The page could not be created due to validation errors.": "Chưa tạo được trang vì có thông tin chưa hợp lệ.",
    "The page could not be saved due to validation errors.": "Chưa lưu được trang vì có thông tin chưa hợp lệ.",
    "The page could not be saved as it is locked.": "Chưa lưu được trang vì trang đang bị khoá.",
    "This page is locked to further editing": "Trang này đang bị khoá, không sửa thêm được",
    "The %(model_name)s could not be created due to errors.": "Chưa tạo được %(model_name)s vì có lỗi.",
    "The %(model_name)s could not be saved due to errors.": "Chưa lưu được %(model_name)s vì có lỗi.",
    "The %(model_name)s could not be saved as it is locked": "Chưa lưu được %(model_name)s vì đang bị khoá",
    "There are validation errors, click save to highlight them.": (
        "Có thông tin chưa hợp lệ; bấm Lưu để đánh dấu chỗ cần sửa."
    ),
    "Correct the validation errors to resume preview (saving will highlight errors)": (
        "Sửa thông tin chưa hợp lệ để xem trước tiếp (bấm Lưu sẽ đánh dấu chỗ cần sửa)"
    ),
    "Preview cannot display due to validation errors. <br /> Click save to highlight the relevant fields.": (
        "Chưa xem trước được vì có thông tin chưa hợp lệ. <br /> Bấm Lưu để đánh dấu các trường cần sửa."
    ),
    "The image could not be created due to errors.": "Chưa tạo được hình ảnh vì có lỗi.",
    "The image could not be saved due to errors.": "Chưa lưu được hình ảnh vì có lỗi.",
    "The document could not be created due to errors.": "Chưa tạo được tài liệu vì có lỗi.",
    "The document could not be saved due to errors.": "Chưa lưu được tài liệu vì có lỗi.",
    "The source image file could not be found. Please change the source or delete the image.": (
        "Không tìm thấy tệp gốc của hình ảnh. Hãy thay tệp khác hoặc xoá hình ảnh này."
    ),
    "The file could not be found. Please change the source or delete the document.": (
        "Không tìm thấy tệp. Hãy thay tệp khác hoặc xoá tài liệu này."
    ),
}

#: Strings of the admin's JavaScript (Wagtail's ``djangojs`` catalogue of wagtail.admin).
JS_TRANSLATIONS = {
    "(%(number)s new items in this menu)": "(%(number)s mục mới trong trình đơn này)",
    "Main menu": "Trình đơn chính",
    "Insert a block": "Chèn một khối",
    "Collapse all": "Thu gọn tất cả",
    "Expand all": "Mở rộng tất cả",
    "Duplicate": "Nhân bản",
    "Delete": "Xoá",
    "Move up": "Chuyển lên",
    "Move down": "Chuyển xuống",
    "Drag": "Kéo",
    "Search options…": "Tìm lựa chọn…",
    "Add a comment": "Thêm bình luận",
    "Comment": "Bình luận",
    "Save": "Lưu",
    "Cancel": "Huỷ",
    "Edit": "Sửa",
    "Reply": "Trả lời",
    "Resolve": "Đã xử lý",
    "Loading…": "Đang tải…",
    "Actions": "Thao tác",
    "Close": "Đóng",
    "Blocks": "Khối",
    "Split block": "Tách khối",
    "Write something or type ‘/’ to insert a block": "Viết nội dung hoặc gõ ‘/’ để chèn một khối",
    "Search": "Tìm kiếm",
    "Pages": "Trang",
    "Page explorer": "Trình duyệt trang",
    "No results": "Không có kết quả",
}


def wagtail_entries(language, domain="django"):
    """{(msgctxt, msgid): (entry, catalogue name)} of the installed Wagtail's django-domain catalogues."""
    import wagtail

    base = Path(wagtail.__file__).parent
    found = {}
    for path in sorted(base.glob(f"**/locale/{language}/LC_MESSAGES/{domain}.po")):
        app = path.relative_to(base).parents[3].as_posix()
        name = "wagtail" if app == "." else f"wagtail/{app}"
        for entry in polib.pofile(str(path)):
            if entry.obsolete:
                continue
            key = (entry.msgctxt, entry.msgid)
            if language != "en" and not entry.translated():
                continue
            found.setdefault(key, (entry, name))
    return found


def build(translations=TRANSLATIONS, domain="django"):
    english = wagtail_entries("en", domain)
    vietnamese = wagtail_entries("vi", domain)
    target = TARGET.with_name(f"{domain}.po")
    po = polib.POFile(wrapwidth=120)
    po.metadata = {
        "Project-Id-Version": "wagtail-bhxh (Vietnamese translations of the Wagtail admin)",
        "Language": "vi",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=1; plural=0;",
    }
    unknown = []
    for key, msgstr in translations.items():
        context, msgid = key if isinstance(key, tuple) else (None, key)
        if (context, msgid) in vietnamese:
            continue  # Wagtail translates it itself
        if (context, msgid) not in english:
            unknown.append(msgid)
            continue
        source, catalogue = english[(context, msgid)]
        entry = polib.POEntry(msgctxt=context, msgid=msgid, occurrences=[(catalogue, "")])
        if source.msgid_plural:
            entry.msgid_plural = source.msgid_plural
            entry.msgstr_plural = {0: msgstr}
        else:
            entry.msgstr = msgstr
        po.append(entry)
    po.sort(key=lambda e: (e.occurrences[0][0], e.msgctxt or "", e.msgid))
    target.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(target))
    po.save_as_mofile(str(target.with_suffix(".mo")))
    return target, len(po), unknown


if __name__ == "__main__":
    for translations, domain in ((TRANSLATIONS, "django"), (JS_TRANSLATIONS, "djangojs")):
        target, count, unknown = build(translations, domain)
        sys.stdout.write(f"{count} messages written to {target.relative_to(ROOT)}\n")
        if unknown:
            sys.stdout.write(f"not in the installed Wagtail (left out): {unknown}\n")
