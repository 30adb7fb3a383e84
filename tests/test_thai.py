"""Thai dates, fiscal years and digits."""

from datetime import date

import pytest

from generator import thai


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("2025-10-01", date(2025, 10, 1)),
        ("2568-10-01", date(2025, 10, 1)),  # ISO form written with a BE year
        ("1 ต.ค. 2568", date(2025, 10, 1)),
        ("๑ ตุลาคม ๒๕๖๘", date(2025, 10, 1)),
        ("1 ตุลาคม พ.ศ. 2568", date(2025, 10, 1)),
        ("1/10/2568", date(2025, 10, 1)),
        ("31 มี.ค. 69", date(2026, 3, 31)),
    ],
)
def test_parse_date_forms(raw, expected):
    assert thai.parse_date(raw) == expected


@pytest.mark.parametrize(
    "raw, fragment",
    [("31 ก.พ. 2568", "ไม่มีอยู่จริง"), ("1 ต.ค. 2025", "2568"), ("1 ตุลา 2568", "ชื่อเดือน"), ("เมื่อวาน", "อ่านวันที่")],
)
def test_parse_date_errors_explain_in_thai(raw, fragment):
    with pytest.raises(thai.DateError) as exc:
        thai.parse_date(raw)
    assert fragment in exc.value.th


def test_fiscal_year_boundaries():
    assert thai.fiscal_year_of(date(2025, 9, 30)) == 2568
    assert thai.fiscal_year_of(date(2025, 10, 1)) == 2569
    assert thai.fiscal_year_bounds(2569) == (date(2025, 10, 1), date(2026, 9, 30))
    assert thai.first_half_bounds(2569) == (date(2025, 10, 1), date(2026, 3, 31))
    assert thai.months_of_fiscal_year(2569, 10, 3) == [(2025, 10), (2025, 11), (2025, 12), (2026, 1), (2026, 2), (2026, 3)]


def test_format_date_uses_be_and_no_break_spaces():
    assert thai.format_date(date(2025, 10, 1)) == "1\u00a0ต.ค.\u00a02568"
    assert thai.format_date(date(2025, 10, 1), "thai", full_month=True) == "๑\u00a0ตุลาคม\u00a0๒๕๖๘"
    assert thai.format_fy(2569) == "ปีงบประมาณ\u00a0พ.ศ.\u00a02569"


def test_thai_collation_orders_leading_vowels_correctly():
    words = ["เทศบาล", "กอง", "ไก่", "อบต."]
    assert thai.thai_sorted(words) == ["กอง", "ไก่", "เทศบาล", "อบต."]
