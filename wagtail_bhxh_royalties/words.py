"""Amounts in Vietnamese words, as written on payment documents ("Bằng chữ: ...")."""

from decimal import Decimal

DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
SCALES = {1: "nghìn", 2: "triệu", 3: "tỷ", 4: "nghìn tỷ", 5: "triệu tỷ"}


def _three(number, full):
    """Words of 0..999; ``full`` when a higher group precedes (so 5 reads 'không trăm linh năm')."""
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    words = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens > 1:
        words += [DIGITS[tens], "mươi"]
        if units == 1:
            words.append("mốt")
        elif units == 4:
            words.append("tư")
        elif units == 5:
            words.append("lăm")
        elif units:
            words.append(DIGITS[units])
    elif tens == 1:
        words.append("mười")
        if units == 5:
            words.append("lăm")
        elif units:
            words.append(DIGITS[units])
    elif units:
        if hundreds or full:
            words.append("linh")
        words.append(DIGITS[units])
    return words


def amount_in_words(amount):
    """'Một triệu hai trăm ba mươi tư nghìn đồng' for 1234000; whole đồng only."""
    number = int(Decimal(amount))
    if number == 0:
        return "Không đồng"
    sign = "Âm " if number < 0 else ""
    number = abs(number)
    groups = []
    while number:
        number, group = divmod(number, 1000)
        groups.append(group)
    words = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if not group:
            continue
        full = index < len(groups) - 1
        words += _three(group, full)
        if index:
            words.append(SCALES[index])
    text = " ".join(words)
    text = sign + text
    return text[0].upper() + text[1:] + " đồng"
