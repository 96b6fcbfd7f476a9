import pytest

from clustergraph.extract.dates import find_dates, parse_date


@pytest.mark.parametrize("text, iso", [
    ("Im Juni 2014 wurde", "2014-06"),
    ("am 18. Juli 2014", "2014-07-18"),
    ("in June 2014 the", "2014-06"),
    ("on 4 March 2021", "2021-03-04"),
    ("on March 4, 2021", "2021-03-04"),
    ("on 4th of March 2021", "2021-03-04"),
    ("Stand 2021-03-04", "2021-03-04"),
    ("Berlin, 31.01.2012", "2012-01-31"),
    ("seit 2016 gefördert", "2016"),
    ("since 2018", "2018"),
    ("im Mai 2019", "2019-05"),
])
def test_precision_of_the_text(text, iso):
    assert [d.iso for d in find_dates(text)] == [iso]


def test_month_without_year_takes_the_reference_year():
    assert [d.iso for d in find_dates("Ende Juni wurde", reference="2014-07-18")] == ["2014-06"]
    assert [d.iso for d in find_dates("im Dezember", reference="2015-02-01")] == ["2014-12"]
    assert find_dates("im Dezember") == []


def test_numbers_that_are_not_dates():
    assert find_dates("mehr als 2500 Mitglieder und 35 Länder") == []
    assert find_dates("EUR 2,014 and 12.5 %") == []


def test_parse_date_iso_timestamp():
    assert parse_date("2023-03-02T09:00:00+01:00") == "2023-03-02"
    assert parse_date("nothing here") is None


def test_relative_dates_need_the_issue_date():
    got = [(d.text, d.iso, d.precision) for d in
           find_dates("hat am Dienstag gewählt, heute gefeiert und last month gewonnen", reference="2017-11-23")]
    assert got == [("am Dienstag", "2017-11-21", "day"), ("heute", "2017-11-23", "day"), ("last month", "2017-10", "month")]
    assert find_dates("hat am Dienstag gewählt") == []


def test_end_dates_are_marked():
    dates = find_dates("funds the project with EUR 600,000 until 2023, gefördert bis 2024 und seit 2019")
    assert [(d.iso, d.until) for d in dates] == [("2023", True), ("2024", True), ("2019", False)]
