"""The project's own Vietnamese word list for generated content.

Used when the legal corpus (``shared/data/legal_corpus.json``) is absent, and
for what the corpus does not have: headline openings, names, tags, captions.
"""

HEADLINE_LEADS = (
    "BHXH tỉnh triển khai",
    "Hướng dẫn thực hiện",
    "Tăng cường công tác",
    "Hội nghị tập huấn về",
    "Giải đáp thắc mắc về",
    "Nâng cao hiệu quả",
    "Đẩy mạnh tuyên truyền về",
    "Kiểm tra, giám sát việc thực hiện",
    "Sơ kết 6 tháng thực hiện",
    "Tổng kết công tác",
    "Những điểm mới về",
    "Người lao động cần biết về",
    "Đối thoại với doanh nghiệp về",
    "Cải cách thủ tục hành chính về",
    "Chuyển đổi số trong",
    "BHXH huyện phối hợp thực hiện",
)

TOPIC_PHRASES = (
    "chế độ ốm đau",
    "chế độ thai sản",
    "chế độ hưu trí",
    "chế độ tử tuất",
    "bảo hiểm y tế hộ gia đình",
    "bảo hiểm xã hội tự nguyện",
    "bảo hiểm thất nghiệp",
    "thu bảo hiểm xã hội bắt buộc",
    "cấp sổ bảo hiểm xã hội",
    "thẻ bảo hiểm y tế điện tử",
    "ứng dụng VssID",
    "khám chữa bệnh bảo hiểm y tế",
    "chậm đóng, trốn đóng bảo hiểm xã hội",
    "chi trả lương hưu qua tài khoản",
    "mức lương cơ sở mới",
    "phát triển người tham gia",
    "giao dịch điện tử",
    "trợ cấp một lần",
    "hỗ trợ người có công",
    "bảo hiểm y tế học sinh, sinh viên",
)

SENTENCES = (
    "Cơ quan bảo hiểm xã hội tỉnh đã tổ chức nhiều hội nghị đối thoại với người lao động và doanh nghiệp.",
    "Người tham gia có thể tra cứu quá trình đóng trên ứng dụng VssID mọi lúc, mọi nơi.",
    "Trong năm qua, số người tham gia bảo hiểm xã hội tự nguyện tăng đáng kể so với cùng kỳ.",
    "Các đơn vị sử dụng lao động cần đóng đủ, đúng hạn để bảo đảm quyền lợi cho người lao động.",
    "Cán bộ bảo hiểm xã hội huyện trực tiếp đến từng thôn, xóm để tuyên truyền chính sách.",
    "Hồ sơ được tiếp nhận qua Cổng dịch vụ công quốc gia, giảm thời gian đi lại cho người dân.",
    "Mức hưởng được tính trên cơ sở tiền lương tháng đóng bảo hiểm xã hội của người lao động.",
    "Thẻ bảo hiểm y tế được dùng để khám chữa bệnh tại các cơ sở y tế đã ký hợp đồng.",
    "Đoàn kiểm tra liên ngành đã làm việc với các doanh nghiệp nợ đóng kéo dài.",
    "Người hưởng lương hưu được khuyến khích nhận tiền qua tài khoản ngân hàng.",
    "Đại diện cơ quan bảo hiểm xã hội đã giải đáp các câu hỏi của người dân tại hội nghị.",
    "Chính sách mới có hiệu lực từ đầu tháng, áp dụng cho toàn bộ người tham gia trên địa bàn.",
    "Học sinh, sinh viên tham gia bảo hiểm y tế được ngân sách nhà nước hỗ trợ một phần mức đóng.",
    "Việc chi trả các chế độ được thực hiện kịp thời, đúng đối tượng, không để xảy ra sai sót.",
    "Bảo hiểm xã hội tỉnh phối hợp với bưu điện tổ chức các điểm thu tại xã, phường.",
    "Người lao động nghỉ việc có thể nộp hồ sơ hưởng trợ cấp thất nghiệp trong thời hạn quy định.",
    "Doanh nghiệp được hướng dẫn kê khai, nộp hồ sơ điện tử thay cho hồ sơ giấy.",
    "Tỷ lệ bao phủ bảo hiểm y tế của tỉnh đạt trên chín mươi phần trăm dân số.",
)

TAGS = (
    "bảo hiểm xã hội",
    "bảo hiểm y tế",
    "bảo hiểm thất nghiệp",
    "VssID",
    "lương hưu",
    "thai sản",
    "ốm đau",
    "BHXH tự nguyện",
    "thẻ BHYT",
    "dịch vụ công",
    "chuyển đổi số",
    "doanh nghiệp",
    "người lao động",
    "nợ đóng",
    "tuyên truyền",
    "hội nghị",
    "lương cơ sở",
    "học sinh sinh viên",
    "hộ gia đình",
    "cải cách hành chính",
)

FAMILY_NAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương")
MIDDLE_NAMES = ("Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Quang", "Thanh", "Hữu", "Kim")
GIVEN_NAMES = ("An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hương", "Khánh", "Lan", "Long", "Mai", "Nam")

IMAGE_CAPTIONS = (
    "Cán bộ BHXH hướng dẫn người dân cài đặt ứng dụng VssID",
    "Quang cảnh hội nghị",
    "Người dân làm thủ tục tại bộ phận một cửa",
    "Đoàn công tác làm việc với doanh nghiệp",
    "Trao sổ BHXH cho người tham gia",
    "Tuyên truyền chính sách tại nhà văn hoá thôn",
)

POLICY_AREAS = (
    ("Bảo hiểm xã hội bắt buộc", "BHXH BB"),
    ("Bảo hiểm xã hội tự nguyện", "BHXH TN"),
    ("Bảo hiểm y tế", "BHYT"),
    ("Bảo hiểm thất nghiệp", "BHTN"),
)

TOPICS = ("Chuyển đổi số", "Cải cách hành chính", "Phát triển người tham gia", "Thanh tra, kiểm tra")
