"""English dates at their stated precision, and date ranges such as "January–February 2024"."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from filmgraph.model import PartialDate
from filmgraph.reference import MONTH_NUMBERS

_MONTHS = MONTH_NUMBERS
_MONTH = r"(?P<{0}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{0}>(?:1[89]|20)\d\d)"
# What a date starts with, a digit or a month's first letter, as a look-ahead: a search along a sentence tries the
# patterns' many alternatives only where one can start.
_MONTH_INITIALS = "".join(sorted({month[0] for month in _MONTHS}))
_DATE_START = rf"(?=[\d{_MONTH_INITIALS}])"

_PATTERNS = [
    rf"\b{_YEAR.format('y')}-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b",
    rf"\b{_DAY.format('d')}\s+{_MONTH.format('m')},?\s+{_YEAR.format('y')}\b",
    rf"\b{_MONTH.format('m')}\s+{_DAY.format('d')},?\s+{_YEAR.format('y')}\b",
    rf"\b{_YEAR.format('y')}-(?P<m>[01]\d)\b(?!-)",
    rf"\b{_MONTH.format('m')},?\s+{_YEAR.format('y')}\b",
    # A bare year that qualifies a name ("the 2017 Cannes Film Festival") is part of the name, not a date.
    rf"(?<![\d,.$€£-]){_YEAR.format('y')}\b(?![\d,.]\d|\s*(?:admissions|minutes|people)|\s+[A-Z])",
]
# Group names repeat across the patterns, so each pattern's groups get a prefix: p0_y, p1_d, …
_DATE_RE = re.compile(_DATE_START + "(?:" + "|".join(
    f"(?:{p.replace('(?P<', f'(?P<p{i}_')})" for i, p in enumerate(_PATTERNS)) + ")", re.IGNORECASE)
_DIGIT_RE = re.compile(r"\d")
_RANGE_RE = re.compile(
    # "from January to March 2024", "January–March 2024", "between January and March 2024" (never "in January and
    # March 2024": two months)
    rf"(?=[fb{_MONTH_INITIALS}])(?:(?:from\s+)?{_MONTH.format('m1')}\s*(?:–|-|—|to|until|through)|"
    rf"between\s+{_MONTH.format('b1')}\s+and)\s*"
    rf"{_MONTH.format('m2')},?\s+{_YEAR.format('y')}",
    re.IGNORECASE,
)


def _build(groups: dict[str, str | None]) -> PartialDate | None:
    values = {key.split("_", 1)[1]: value for key, value in groups.items() if value}
    year = int(values["y"])
    month_text = values.get("m")
    month = None
    if month_text:
        month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower().rstrip(".")]
    day = int(values["d"]) if values.get("d") else None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None:
        assert month is not None
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            return None
    return PartialDate(year, month, day)


def find_dates(text: str) -> Iterator[tuple[PartialDate, int, int]]:
    """Yield every date in ``text`` with its span, most precise reading first.

    >>> [d.isoformat() for d, _, _ in find_dates("from 10 April 2025 to September 2025, and 2026")]
    ['2025-04-10', '2025-09', '2026']
    """
    if _DIGIT_RE.search(text) is None:
        return  # every date holds a digit: no need to run the patterns along the text
    for match in _DATE_RE.finditer(text):
        date = _build(match.groupdict())
        if date is not None:
            yield date, match.start(), match.end()


# A day and month with no year after them: "on November 16", "on 16 November".
_DAY_MONTH_RE = re.compile(
    rf"{_DATE_START}(?:\b{_MONTH.format('p0_m')}\s+{_DAY.format('p0_d')}|\b{_DAY.format('p1_d')}\s+"
    rf"{_MONTH.format('p1_m')})\b"
    r"(?!,?\s*(?:1[89]|20)\d\d\b|\s*[–-]\s*\d)", re.IGNORECASE)


# What parts two items of a list of dated places: ", in Australia and New Zealand on ", ", and in Chile on ".
_LIST_JOINT_RE = re.compile(r",?\s+(?:and\s+)?(?:in\s+(?:the\s+)?[A-Z][\w.'’-]*(?:(?:\s+|,\s+|\s+and\s+(?:the\s+)?)"
                            r"[A-Z][\w.'’-]*){0,5}\s+)?(?:on\s+)?")


def find_dates_carrying_year(text: str) -> list[tuple[PartialDate, int, int]]:
    """The dates of ``text`` (:func:`find_dates`), and each day and month it gives without a year after a date
    with one: in that date's year ("a run beginning on November 9, 2018, then on Netflix on November 16").

    >>> [d.isoformat() for d, _, _ in find_dates_carrying_year("from November 9, 2018, and on November 16")]
    ['2018-11-09', '2018-11-16']
    >>> [d.isoformat() for d, _, _ in find_dates_carrying_year("on November 16, and in 2018")]
    ['2018']
    >>> [d.isoformat() for d, _, _ in find_dates_carrying_year("on 8 February, and on 19 February 2016")]
    ['2016-02-08', '2016-02-19']

    """
    found = list(find_dates(text))
    if _DIGIT_RE.search(text) is None:
        return found  # a day holds a digit too
    days = [match for match in _DAY_MONTH_RE.finditer(text)
            if not any(start <= match.start() < end for _, start, end in found)]
    for match in days:
        earlier = [date for date, _, end in found if end <= match.start()]
        date = _build({**match.groupdict(), "p0_y": str(earlier[-1].year)}) if earlier else None
        later = [date for date, start, _ in found if start >= match.end()]
        if date is not None and later and later[0].year > date.year and earlier[-1].month is not None \
                and (date.month or 0, date.day or 0) < (earlier[-1].month, earlier[-1].day or 0):
            # "on December 25, 2015, in Japan on February 11, and in France on March 3, 2016": a day before the
            # date it follows is of the year the list goes on to.
            date = _build({**match.groupdict(), "p0_y": str(later[0].year)})
        if date is not None:
            found.append((date, match.start(), match.end()))
    # "in Malaysia on February 8, in Australia on February 11, and in Canada on February 19, 2016": the days of a
    # list before its first year, each an item of it, take that year (a day of a later month is of another year).
    first = min((start for _, start, _ in found), default=None)
    dated = sorted(found, key=lambda item: item[1])
    for match in reversed([m for m in days if first is None or m.end() <= first]):
        following = next((item for item in dated if item[1] >= match.end()), None)
        if following is None or not _LIST_JOINT_RE.fullmatch(text, match.end(), following[1]):
            break
        date = _build({**match.groupdict(), "p0_y": str(following[0].year)})
        if date is None or date.month is None or following[0].month is None or date.month > following[0].month:
            break
        dated.append((date, match.start(), match.end()))
        dated.sort(key=lambda item: item[1])
    return dated


def yearless_dates(text: str, year: int) -> list[tuple[PartialDate, int, int]]:
    """The days and months ``text`` gives without a year, in ``year`` (the caller knows it from elsewhere: "on 5
    October at the festival held from 3 to 12 October 2019").

    >>> [d.isoformat() for d, _, _ in yearless_dates("premiered on 5 October at the festival", 2019)]
    ['2019-10-05']
    """
    found = []
    for match in _DAY_MONTH_RE.finditer(text):
        date = _build({**match.groupdict(), "p0_y": str(year)})
        if date is not None:
            found.append((date, match.start(), match.end()))
    return found


def parse_date(text: str) -> PartialDate | None:
    """The date ``text`` consists of, or None.

    >>> parse_date("April 10, 2025"), parse_date("2025-04-10") == parse_date("10 April 2025")
    (PartialDate(year=2025, month=4, day=10), True)
    >>> parse_date("Sept. 2025").precision, parse_date("Best Director")
    ('month', None)
    """
    stripped = text.strip().strip("()[]")
    for date, start, end in find_dates(stripped):
        if start == 0 and end == len(stripped.rstrip(".")):
            return date
    return None


def find_month_range(text: str) -> tuple[PartialDate, PartialDate, int, int] | None:
    """A span of months in one year: "January–February 2024", "from March to May 2019".

    >>> start, end, _, _ = find_month_range("from January to February 2024")
    >>> start.isoformat(), end.isoformat()
    ('2024-01', '2024-02')
    """
    match = _RANGE_RE.search(text)
    if not match:
        return None
    year = int(match["y"])
    first = _MONTHS[(match["m1"] or match["b1"]).lower().rstrip(".")]
    last = _MONTHS[match["m2"].lower().rstrip(".")]
    return PartialDate(year, first), PartialDate(year, last), match.start(), match.end()
