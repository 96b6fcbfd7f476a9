"""Figures: which numbers an announcement states and whose they are.

Each case is a sentence or a short announcement written for this test, in German or English, with
the tempting wrong reading next to it.
"""

from clustergraph.extract import extract_text
from clustergraph.extract.figures import counts_members, find_numbers


def _numbers(sentence: str, language: str = "de") -> list[tuple]:
    return [(n.value, n.qualifier, n.unit) for n in find_numbers(sentence, language)]


def _figures(text: str) -> set[tuple]:
    return {(f.subject, f.value, f.qualifier) for f in extract_text(text).document.figures}


def test_a_postcode_in_an_address_is_no_figure():
    assert _numbers("Kontakt: MetallRing e.V., Am Hafen 12, 27472 Cuxhaven") == []
    assert _numbers("Press contact: Hafenstraße 4–8, 99096 Erfurt, Germany", "en") == []
    # a five-digit count in running text stays
    assert _numbers("Die Region zählt 12000 Beschäftigte, 35000 Studierende in der Stadt") == [
        (12000, None, "employees"), (35000, None, "studierende")]


def test_ueber_after_a_grant_notice_gives_the_amount():
    assert _numbers("übergab den Förderbescheid des Ministeriums über 280.000 Euro an das Netzwerk") == [
        (280000, None, "EUR")]
    assert _numbers("Das Netzwerk hat über 120 Mitglieder.") == [(120, "more than", "members")]


def test_reactions_under_a_social_post_are_no_figures():
    assert _numbers("👍 214 · 37 comments · 12 reposts", "en") == []


def test_members_by_name_or_gathered_by_a_verb():
    sentence = "It brings together about 110 companies."
    assert counts_members(sentence, sentence.index("about"), sentence.index("110") + 3)
    sentence = "It will support around 400 SMEs with vouchers."
    assert not counts_members(sentence, sentence.index("around"), sentence.index("400") + 3)
    sentence = "Die 47 Mitglieder kommen aus dem Landkreis."
    assert counts_members(sentence, sentence.index("47"), sentence.index("47") + 2)


def test_the_size_of_a_cluster_is_the_clusters_not_its_funders():
    text = ("Düsseldorf, 14 January 2020 – The Ministry of Economic Affairs of North Rhine-Westphalia funds the "
            "cluster PlastRing NRW with EUR 2 million from the European Regional Development Fund (ERDF). "
            "The plastics cluster brings together about 110 companies and research institutes.")
    figures = _figures(text)
    assert ("PlastRing NRW", 110, "about") in figures
    assert not any(value == 110 and subject != "PlastRing NRW" for subject, value, _ in figures)


def test_the_cluster_that_gathers_the_members_is_the_one_before_the_verb():
    text = ("Halle, 12. März 2018 – Die Netzwerke PackRing und das Netzwerk FolienNord kooperieren. "
            "Die Netzwerke bringen unterschiedliche Stärken ein: PackRing hat seinen Sitz in Halle, FolienNord vertritt "
            "mehr als 120 Unternehmen.")
    figures = _figures(text)
    assert ("FolienNord", 120, "more than") in figures
    assert ("PackRing", 120, "more than") not in figures


def test_counts_written_as_words():
    assert _numbers("Das Ministerium gab die sieben Gewinner Anfang Juni bekannt.") == [(7, None, "gewinner")]
    assert _numbers("Das Netzwerk bündelt zwölf Mitglieder aus der Region.") == [(12, None, "members")]
    assert _numbers("The panel recommended four further members.", "en") == [(4, None, "members")]
    assert _numbers("Im Tal bauen rund hundert Werkstätten Geigen.") == [(100, "about", "werkstätten")]
    # time spans, fractions, pairs and what is not a count of members are no figures
    assert _numbers("in den kommenden drei Jahren, zwei Drittel der Mittel") == []
    assert _numbers("The two partners signed; three years later they met in four cities.", "en") == []


def test_a_count_of_some_of_the_members_is_not_the_size():
    assert _numbers("Im Projekt erprobt das Netzwerk mit sechs Mitgliedern Wasserstoff-Lkw.") == []
    assert _numbers("Der Verein wurde von zwölf Unternehmen gegründet.") == []
    assert _numbers("Das Netzwerk zählt damit drei Hochschulen zu seinen Mitgliedern.") == []


def test_counts_coordinated_with_a_count_of_members_are_members_too():
    sentence = "Das Netzwerk bündelt heute 34 Unternehmen und sieben Forschungseinrichtungen der Region."
    numbers = find_numbers(sentence, "de")
    assert [(n.value, counts_members(sentence, n.start, n.number_end)) for n in numbers] == [(34, True), (7, True)]
    sentence = "Eleven small and medium-sized companies and three research institutes have joined forces to test sensors."
    numbers = find_numbers(sentence, "en")
    assert [(n.value, counts_members(sentence, n.start, n.number_end)) for n in numbers] == [(11, True), (3, True)]
    # a count opening the sentence without a verb of joining is not the cluster's size
    sentence = "Eight companies from both regions test remote monitoring."
    assert [counts_members(sentence, n.start, n.number_end) for n in find_numbers(sentence, "en")] == [False]


def test_counts_in_labelled_rows():
    assert _numbers("Number of members | 58 (of which SMEs: 41)", "en") == [(58, None, "members"), (41, None, "smes")]
    assert _numbers("Mitglieder: 120") == [(120, None, "members")]
    sentence = "Number of members 58"
    assert counts_members(sentence, 0, len(sentence))
    # a year after a label, or a label in running text, is no row
    assert _numbers("Mitglieder: 2023 war ein gutes Jahr für alle") == []
    assert _numbers("Das Netzwerk berichtet seinen Mitgliedern 2023 über die Projekte") == []


def test_money_with_short_scales_and_a_currency_before():
    assert _numbers("The state funds the cluster with EUR 1.5m over three years.", "en") == [(1500000, None, "EUR")]
    assert _numbers("ProtoNet receives EUR 350,000.", "en") == [(350000, None, "EUR")]
    assert _numbers("Das Land gibt € 2,3 Mio. für das Netzwerk.") == [(2300000, None, "EUR")]
    # a length is no sum of money
    assert _numbers("The hall is 5m high and has 40 stands.", "en") == [(40, None, "stands")]


def test_numbered_items_are_no_figures():
    assert _numbers("TOP 3 Projekte des Netzwerks und Haushalt 2024") == []
    assert _numbers("In Phase 2 Projekte mit 14 Partnern.") == [(14, None, "partners")]
