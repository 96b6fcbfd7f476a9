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
