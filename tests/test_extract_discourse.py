"""Who a passage is about (clustergraph.extract.discourse): items, their topics, the publisher."""

from __future__ import annotations

import pytest

from clustergraph.extract.discourse import defined_name, first_person_count, header_name, lead_name, segment
from clustergraph.extract.sentences import split_sentences
from extract_helpers import fact_triples


def _facts(text: str) -> set[tuple[str, str, str]]:
    return fact_triples(text, source="test.txt")


def _items(text: str, language: str = "en") -> list[list[str]]:
    sentences = split_sentences(text)
    return [[sentences[i].text for i in range(item.start, item.end)] for item in segment(text, sentences, language)]


# --------------------------------------------------------------------------- segmentation

def test_upper_case_headings_start_items_and_group_with_their_title_line():
    text = ("CLUSTER BRIEFING\nMonthly news · May 2022\n\nNORWAY\nNew chief for FjordMarine\n\n"
            "FjordMarine has a new head. She starts in June.\n\nPOLAND\nSilesian network grows\n\nSilesiaAuto grew.")
    items = _items(text)
    assert items == [["CLUSTER BRIEFING", "Monthly news · May 2022"],
                     ["NORWAY", "New chief for FjordMarine", "FjordMarine has a new head.", "She starts in June."],
                     ["POLAND", "Silesian network grows", "SilesiaAuto grew."]]


def test_hard_wrapped_lines_are_not_headings():
    # a PDF line ending in a lower-case word, and one continued by "(Frankreich), das ...", start no item
    text = ("Unsere Geschäftsstelle in Saarbrücken ist im\n\nBerichtsjahr gewachsen.\n\n"
            "Seit März kooperieren wir mit dem Netzwerk AutoLor aus Metz\n\n(Frankreich), das Zulieferer vertritt.")
    assert len(_items(text, "de")) == 1


def test_contact_block_and_about_us_box_are_items_of_their_own():
    text = "BioNet wächst.\n\nÜber uns\nBioNet ist ein Verein.\n\nPressekontakt\nAnna Beispiel, Tel. 0123"
    items = _items(text, "de")
    assert [item[0] for item in items] == ["BioNet wächst.", "Über uns", "Pressekontakt"]


def test_bullet_items_and_the_text_after_them_are_separate_items():
    text = "Neu im Netzwerk:\n• AlphaNet aus Kiel\n• BetaNet aus Jena\nDer Verein zählt nun 80 Mitglieder."
    items = _items(text, "de")
    assert items[-1] == ["Der Verein zählt nun 80 Mitglieder."]
    assert ["• AlphaNet aus Kiel"] in items and ["• BetaNet aus Jena"] in items


# --------------------------------------------------------------------------- names that make a topic

@pytest.mark.parametrize("line, name", [
    ("SensoNet · Annual Report 2020", "SensoNet"),
    ("WasserKraft e.V. – Jahresbericht 2022", "WasserKraft"),
    ("Jahresbericht 2022 des Netzwerks", None),  # a generic noun is no publisher
    ("Cluster Newsletter", None),
])
def test_header_name(line, name):
    assert header_name(line) == name


@pytest.mark.parametrize("sentence, name", [
    ("GridLab is the cluster for smart grids in Lower Saxony.", "GridLab"),
    ("WasserKraft ist das Netzwerk der bayerischen Wasserkraftbetreiber.", "WasserKraft"),
    ("Sie ist die neue Sprecherin des Netzwerks.", None),  # a role, not a definition
    ("Anna Berg is the head of the network.", None),
    ("Das Ziel ist ein starkes Netzwerk.", None),
])
def test_defined_name(sentence, name):
    assert defined_name(sentence) == name


def test_lead_name_needs_a_brand_and_a_verb_after_it():
    assert lead_name("HafenLogistik hat sich angemeldet.") == "HafenLogistik"
    assert lead_name("Neue Spitze bei KüstenTech") is None
    assert lead_name("Das Netzwerk hat sich angemeldet.") is None


def test_first_person_count_ignores_the_us_of_united_states():
    assert first_person_count("Wir wachsen. Unser Büro. The US market.") == 2


# --------------------------------------------------------------------------- end to end

EN_DIGEST = """CLUSTER BRIEFING
Monthly news for cluster managers · May 2022

NORWAY
New chief for FjordMarine

FjordMarine, the Bergen-based maritime cluster, has appointed Kari Lund as its managing director. She starts on 1 June 2022.

POLAND
Silesian network grows

SilesiaAuto, the automotive network from Katowice, now has 90 members. Its managing director is Tomasz Nowak.
"""

DE_DIGEST = """REGIONALNEWS NORD
Ausgabe 4/2023 · April 2023

PERSONALIEN
Neue Spitze bei KüstenTech

KüstenTech, das Kieler Netzwerk für Meerestechnik, hat eine neue Geschäftsführerin.

GOLD IM BLICK
HafenLogistik bewirbt sich

HafenLogistik aus Bremerhaven hat sich für die Gold-Bewertung angemeldet. Geschäftsführer ist Jens Ohlsen.
"""


def test_english_digest_gives_each_item_its_own_cluster():
    facts = _facts(EN_DIGEST)
    assert ("Tomasz Nowak", "managing director of", "SilesiaAuto") in facts
    assert ("Kari Lund", "managing director of", "FjordMarine") in facts
    assert ("Tomasz Nowak", "managing director of", "FjordMarine") not in facts  # the tempting reading


def test_german_digest_gives_each_item_its_own_cluster():
    facts = _facts(DE_DIGEST)
    assert ("Jens Ohlsen", "managing director of", "HafenLogistik") in facts
    assert ("Jens Ohlsen", "managing director of", "KüstenTech") not in facts


EN_REPORT = """GridLab · Annual Report 2021

GridLab is the cluster for smart grids in Lower Saxony. Our office in Hanover has a staff of five.

In May we signed a cooperation agreement with the Danish cluster VoltNord from Aarhus.

Managing Director ... Dr. Peter Voss (since 1 January 2021)
"""

DE_REPORT = """WasserKraft e.V. – Jahresbericht 2022

Das Jahr im Überblick

WasserKraft ist das Netzwerk der bayerischen Wasserkraftbetreiber. Unsere Geschäftsstelle in Landshut hat vier Mitarbeitende.

Seit März 2022 kooperieren wir mit dem österreichischen Netzwerk HydroAlp aus Innsbruck.

Geschäftsführerin
Dr. Maria Huber
"""


def test_english_annual_report_speaks_for_its_publisher():
    facts = _facts(EN_REPORT)
    assert ("Peter Voss", "managing director of", "GridLab") in facts
    assert ("GridLab", "partner of", "VoltNord") in facts or ("VoltNord", "partner of", "GridLab") in facts
    assert ("Peter Voss", "managing director of", "VoltNord") not in facts  # the partner is not "we"


def test_german_annual_report_speaks_for_its_publisher():
    facts = _facts(DE_REPORT)
    assert ("Maria Huber", "managing director of", "WasserKraft") in facts
    assert ("WasserKraft", "partner of", "HydroAlp") in facts or ("HydroAlp", "partner of", "WasserKraft") in facts
    assert ("Maria Huber", "managing director of", "HydroAlp") not in facts


def test_a_sub_heading_in_a_press_release_does_not_change_its_subject():
    text = """Möwennetz wählt neuen Vorstand

Kiel, 22. März 2023. Die Mitgliederversammlung des Möwennetz e.V. hat Dr. Clara Wendt zur Vorsitzenden gewählt.

Der neue Vorstand

Die Geschäftsstelle leitet weiterhin Tim Kruse.

Partnernetzwerke

Mit SeeHafen aus Rostock arbeitet das Netzwerk seit 2020 zusammen.
"""
    facts = _facts(text)
    assert ("Tim Kruse", "managing director of", "Möwennetz") in facts
    assert not any(relation == "managing director of" and obj != "Möwennetz" for _, relation, obj in facts)


def test_list_lines_with_an_apposition_are_not_headings():
    text = ("The partners at a glance:\nAlphaNet, the Kiel-based cluster for shipbuilding\n"
            "BetaNet, the cluster for food technology in Aragon\n\nThe project starts in May.")
    sentences = split_sentences(text)
    items = segment(text, sentences, "en")
    assert not any(item.headings for item in items)
    assert [item.bullet for item in items] == [False, True, True, False]  # an unmarked list under a colon line


TICKER = """Kurzmeldungen aus den Netzwerken

+++ BauNetz Rhein erhält Silber-Label +++
Das Kölner Netzwerk BauNetz Rhein hat am 3. Mai 2024 das ECEI Silver Label erhalten. Geschäftsführerin ist Dr. Eva Roth.

+++ Neuer Sprecher bei AgrarCampus +++
Der Verein AgrarCampus aus Vechta hat Prof. Dr. Jan Meyer zum Sprecher gewählt.
"""


def test_ticker_items_take_the_name_their_heading_and_body_share():
    facts = _facts(TICKER)
    assert ("Jan Meyer", "spokesperson of", "AgrarCampus") in facts
    assert ("Jan Meyer", "spokesperson of", "BauNetz Rhein") not in facts  # the previous item's cluster
    assert ("Eva Roth", "managing director of", "BauNetz Rhein") in facts


CARDS = """Förderaufruf: Ergebnisse

Drei Netzwerke erhalten Zuwendungen.

Die geförderten Vorhaben

Composites Elbtal
Sitz: Rostock (Mecklenburg-Vorpommern)
Zuwendung: 148.000 Euro

Keramik Oberlausitz
Sitz: Plauen (Sachsen)
Zuwendung: 95.000 Euro

Nicht berücksichtigt wurde der Antrag eines Netzwerks aus Bochum.
"""


def test_profile_cards_give_each_card_its_name_and_end_with_the_cards():
    facts = _facts(CARDS)
    assert ("Composites Elbtal", "located in", "Rostock") in facts
    assert ("Keramik Oberlausitz", "located in", "Plauen") in facts
    assert ("Keramik Oberlausitz", "located in", "Rostock") not in facts
    assert not any(relation == "located in" and obj == "Bochum" for _, relation, obj in facts)  # after the cards


def test_profile_cards_are_items_and_the_text_after_them_is_not_part_of_the_last_card():
    items = _items(CARDS, "de")
    assert ["Keramik Oberlausitz", "Sitz: Plauen (Sachsen)", "Zuwendung: 95.000 Euro"] in items
    assert items[-1] == ["Nicht berücksichtigt wurde der Antrag eines Netzwerks aus Bochum."]


PRESS_REVIEW = """Pressespiegel KW 10

**Ostsee-Zeitung (Rostock), 5. März 2024:** „Gold für Hafenwirtschaft“

Das Rostocker Netzwerk MariPort Ostsee hat das ECEI Gold Label erhalten. Geschäftsführerin ist Dr. Lena Voss.

**Lausitzer Rundschau (Cottbus), 6. März 2024:** „Neuer Kopf für Energieregion“

Beim Cottbuser Energienetzwerk KraftWerk Lausitz übernimmt Tom Berger die Geschäftsführung.
"""


def test_press_review_lines_with_source_and_headline_start_items():
    items = _items(PRESS_REVIEW.replace("**", ""), "de")
    assert len(items) == 3
    facts = _facts(PRESS_REVIEW.replace("**", ""))
    assert ("Tom Berger", "managing director of", "KraftWerk Lausitz") in facts
    assert ("Tom Berger", "managing director of", "MariPort Ostsee") not in facts


# --------------------------------------------------------------------------- imprints (segmentation.py, offices.py)

def test_segmentation_module_marks_imprints_but_not_contact_blocks():
    from clustergraph.extract import discourse, segmentation

    assert discourse.segment is segmentation.segment  # the split kept the old import path
    text = ("BioNet wächst.\n\nPressekontakt\nAnna Beispiel, Tel. 0123\n\nImpressum\nBioNet Service GmbH\n"
            "Geschäftsführer: Max Muster\n\nInfo\nUSt-IdNr.: DE123456789")
    sentences = split_sentences(text)
    items = segmentation.segment(text, sentences, "de")
    flags = {sentences[item.start].text: item.imprint for item in items}
    assert flags["Pressekontakt"] is False and flags["BioNet wächst."] is False
    assert flags["Impressum"] is True
    assert flags["Info"] is True  # a register or tax number makes an item an imprint without a heading


_IMPRINT_DE = """KunststoffNetz Sauerland tritt go-cluster bei

Arnsberg, 3. Mai 2022 – Das Netzwerk KunststoffNetz Sauerland ist seit heute Mitglied der Initiative go-cluster.
Geschäftsführerin des Netzwerks ist Dr. Anna Beispiel.

Impressum

Plastverbund Service GmbH
Musterstraße 1, 59755 Arnsberg
Geschäftsführer: Max Mustermann
Registergericht: Amtsgericht Arnsberg, HRB 12345
"""

_IMPRINT_EN = """PolyMesh Rhine joins go-cluster

Cologne, 3 May 2022 – PolyMesh Rhine is now a member of the go-cluster programme.
Jane Sample is managing director of PolyMesh Rhine.

Imprint

Polymer Services Ltd.
1 Sample Street, Cologne
Managing Director: John Mustermann
Registered court: Cologne, HRB 12345
"""


@pytest.mark.parametrize("text, cluster, director, operator", [
    (_IMPRINT_DE, "KunststoffNetz Sauerland", "Anna Beispiel", "Max Mustermann"),
    (_IMPRINT_EN, "PolyMesh Rhine", "Jane Sample", "John Mustermann"),
])
def test_the_managing_director_in_an_imprint_is_the_operators_not_the_clusters(text, cluster, director, operator):
    found = _facts(text)
    directors = {s for s, r, o in found if r == "managing director of" and o == cluster}
    assert director in directors
    assert not any(operator in person for person in directors)


def test_a_managing_director_named_in_a_contact_block_is_still_the_clusters():
    text = ("KunststoffNetz Sauerland wächst\n\nArnsberg, 3. Mai 2022 – Das Netzwerk KunststoffNetz Sauerland zählt "
            "nun 90 Mitglieder.\n\nAnsprechpartner\nAnsprechpartner ist Geschäftsführer Dr. Martin Beispiel.\n")
    assert ("Martin Beispiel", "managing director of", "KunststoffNetz Sauerland") in _facts(text)


# --------------------------------------------------------------------------- "wir" in self-descriptions

def test_we_of_a_report_whose_lead_names_its_cluster_after_an_article():
    text = ("Jahresbericht 2023\n\nDas KunststoffNetz Sauerland blickt zurück.\n\n"
            "Als Netzwerk der Kunststoffverarbeiter sind wir seit 2019 Mitglied der Initiative go-cluster.\n")
    assert ("KunststoffNetz Sauerland", "member of programme", "go-cluster") in _facts(text)
    # without the lead there is nobody "wir" could be
    assert not any(r == "member of programme" for _, r, _ in _facts(text.replace("Das KunststoffNetz Sauerland blickt zurück.", "Ein Rückblick.")))


@pytest.mark.parametrize("text, cluster, land", [
    ("KunststoffNetz Sauerland – Jahresbericht 2023\n\nWir sind das nordrhein-westfälische Netzwerk der "
     "Kunststoffverarbeiter. Unser Team wächst.\n", "KunststoffNetz Sauerland", "Nordrhein-Westfalen"),
    ("PolyMesh Rhine – Annual Report 2023\n\nWe are the North Rhine-Westphalian network of plastics processors. "
     "Our team grows.\n", "PolyMesh Rhine", "Nordrhein-Westfalen"),
])
def test_we_in_a_self_description_is_the_publisher_for_the_place_finder(text, cluster, land):
    found = _facts(text)
    assert (cluster, "located in", land) in found
    # the tempting wrong reading: a partner the report mentions is not where "wir" sits
    partner = text.replace("Unser Team wächst.", "Mit dem Netzwerk FoamNet Bayern arbeiten wir zusammen.").replace(
        "Our team grows.", "We work with the network FoamNet Bavaria.")
    assert not any(s.startswith("FoamNet") and r == "located in" and o == land for s, r, o in _facts(partner))
