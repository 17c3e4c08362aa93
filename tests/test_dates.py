"""Dates at the precision the text states."""

from __future__ import annotations

import pytest

from filmgraph.dates import find_dates, find_month_range, parse_date
from filmgraph.model import PartialDate


@pytest.mark.parametrize(("text", "expected"), [
    ("5 June 2024", PartialDate(2024, 6, 5)),
    ("June 5, 2024", PartialDate(2024, 6, 5)),
    ("June 2024", PartialDate(2024, 6)),
    ("Sept. 2019", PartialDate(2019, 9)),
    ("2024", PartialDate(2024)),
    ("no date here", None),
    ("10 April 2025", PartialDate(2025, 4, 10)),
    ("April 10, 2025", PartialDate(2025, 4, 10)),
    ("2025-04-10", PartialDate(2025, 4, 10)),
    ("September 2025", PartialDate(2025, 9)),
    ("Sept. 2025", PartialDate(2025, 9)),
    ("31 February 2024", None),
    ("Best Director", None),
])
def test_parse_date_keeps_the_stated_precision(text: str, expected: PartialDate | None) -> None:
    assert parse_date(text) == expected


def test_find_dates_gives_spans() -> None:
    text = "It opened on 10 April 2025 and again in May 2025."
    found = [(when, text[start:end]) for when, start, end in find_dates(text)]
    assert found == [(PartialDate(2025, 4, 10), "10 April 2025"), (PartialDate(2025, 5), "May 2025")]


def test_month_range_shares_its_year() -> None:
    start, end, _, _ = find_month_range("Filming ran from January to February 2024.")
    assert (start, end) == (PartialDate(2024, 1), PartialDate(2024, 2))
