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


def test_a_dateline_may_name_several_towns_with_spaces_around_the_slash():
    from clustergraph.extract.dates import DATELINE
    match = DATELINE.match("Halle (Saale) / Hamburg, 12. März 2018 – Zwei Netzwerke vereinbaren Zusammenarbeit.")
    assert match is not None and match.group("place") == "Halle (Saale)" and match.group("date") == "12. März 2018"
    match = DATELINE.match("Kassel / Berlin, 21 September 2022 – The network today received the label.")
    assert match is not None and match.group("place") == "Kassel"
    # a sentence that merely holds a slash and a date is no dateline
    assert DATELINE.match("Die Mitglieder / Partner haben am 12. März 2018 gewählt.") is None


@pytest.mark.parametrize("text, reference, iso", [
    ("Seit dem 1. März leitet sie die Geschäftsstelle.", "2023-03-15", "2023-03-01"),
    ("Zum 1. Juli übernimmt er die Geschäftsführung.", "2020-05-20", "2020-07-01"),
    ("Zum 1. Januar übernimmt er die Geschäftsführung.", "2020-12-10", "2021-01-01"),
    ("The partners started the project on 1 January.", "2017-02-08", "2017-01-01"),
    ("Effective April 1st, she heads the cluster.", "2021-03-20", "2021-04-01"),
    ("Am 3. Dezember wurde der Vorstand gewählt.", "2021-01-12", "2020-12-03"),
])
def test_a_day_without_a_year_takes_its_year_from_the_issue_date(text, reference, iso):
    assert [(d.iso, d.precision) for d in find_dates(text, reference=reference)] == [(iso, "day")]


def test_a_day_without_a_year_is_not_read_without_an_issue_date_nor_from_a_full_date():
    assert find_dates("Seit dem 1. März leitet sie die Geschäftsstelle.") == []
    # "3. März 2021" is one date with its own year, not "3. März" plus "2021"
    assert [d.iso for d in find_dates("am 3. März 2021 in Chemnitz", reference="2021-03-04")] == ["2021-03-03"]
    # a count of things is no day: "3 Mitglieder", "die 4 März-Termine" stay out
    assert find_dates("Das Netzwerk hat 3 Mitglieder.", reference="2021-03-04") == []


@pytest.mark.parametrize("text, iso, precision", [
    ("Die Staatssekretärin übergab den Bescheid am Mittwoch.", "2024-11-13", "day"),
    ("Der Vorstand hatte vorgestern gewählt.", "2024-11-12", "day"),
    ("Ab sofort leitet sie das Netzwerk.", "2024-11-14", "day"),
    ("With immediate effect, she heads the cluster.", "2024-11-14", "day"),
    ("Im vergangenen Jahr trat das Netzwerk dem Programm bei.", "2023", "year"),
    ("The cluster joined the programme last year.", "2023", "year"),
    ("Earlier this year the cluster earned the label.", "2024", "year"),
])
def test_relative_days_and_years_are_resolved_against_the_issue_date(text, iso, precision):
    # 2024-11-14 is a Thursday
    assert [(d.iso, d.precision) for d in find_dates(text, reference="2024-11-14")] == [(iso, precision)]


def test_seasons_quarters_and_parts_of_a_year_give_the_year_only():
    for text in ("Anfang 2020 trat es bei", "im Frühjahr 2020", "in Q3 2020", "early 2020", "Mitte 2020"):
        assert [(d.iso, d.precision) for d in find_dates(text)] == [("2020", "year")], text
    assert [d.iso for d in find_dates("Anfang Februar 2021")] == ["2021-02"]


def test_the_date_of_a_grant_document_handed_over():
    from clustergraph.extract.dates import grant_document_date
    text = "Den Förderbescheid überreichte der Staatssekretär am Mittwoch in Kiel."
    assert grant_document_date(text, find_dates(text, reference="2024-11-14")) == "2024-11-13"
    text = "The state secretary handed over the grant notice on 9 January 2020 in Cologne."
    assert grant_document_date(text, find_dates(text)) == "2020-01-09"
    # a date without any grant document in the sentence is not the funding date
    text = "Am 9. Januar 2020 trafen sich die Mitglieder in Köln."
    assert grant_document_date(text, find_dates(text)) is None


def test_a_grant_handed_over_in_the_next_sentence_dates_the_funding():
    from clustergraph.extract import extract_text
    text = ("Kiel, 14. November 2024 – Das Ministerium für Wirtschaft fördert das Netzwerk MeerTech Nord mit "
            "rund 300.000 Euro. Den Förderbescheid überreichte die Staatssekretärin am Mittwoch in Kiel.")
    facts = [f for f in extract_text(text).document.facts if f.relation == "funded by"]
    assert facts and all(f.date == "2024-11-13" for f in facts)


@pytest.mark.parametrize("text, iso", [
    ("Im Juni vergangenen Jahres trat das Netzwerk bei.", "2023-06"),
    ("In March this year the cluster earned the label.", "2024-03"),
    ("Seit Jahresbeginn leitet sie das Netzwerk.", "2024"),
    ("Earlier this month the board elected a new chair.", "2024-11"),
])
def test_named_years_and_months_beat_the_nearest_reading(text, iso):
    assert [d.iso for d in find_dates(text, reference="2024-11-14")] == [iso]


def test_periods_and_end_dates_do_not_date_a_fact():
    marks = [(d.iso, d.until) for d in find_dates("Strategie 2022–2025, gefördert bis Ende 2024, seit 2014", "2022-05-01")]
    assert marks == [("2022", True), ("2025", True), ("2024", True), ("2014", False)]
    # the start of a period in another year than the announcement's dates a fact: "from 2023 to 2027 ... is funded"
    assert [(d.iso, d.until) for d in find_dates("from 2023 to 2027 the cluster is funded", "2025-03-01")] == [
        ("2023", False), ("2027", True)]
    assert [d.until for d in find_dates("funded until the end of 2024", "2024-06-12")] == [True]


def test_a_month_under_a_year_heading_of_a_chronicle():
    assert [d.iso for d in find_dates("- **2012** – Im Mai Aufnahme in das Programm.", reference="2021-06-01")] == ["2012-05"]
    # a year inside running text is no heading: the month keeps the issue date's year
    assert [d.iso for d in find_dates("Im Mai wurde das 2012 gegründete Netzwerk aufgenommen.", reference="2021-06-01")] == [
        "2021-05", "2012"]
