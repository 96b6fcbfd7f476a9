"""The name finder's recall: brand-like cluster names in the positions real announcements use, and the traps."""

from __future__ import annotations

import pytest

from clustergraph.extract import finders, name_cues
from clustergraph.extract.pipeline import extract_text


def _clusters(text: str) -> set[str]:
    return {e.name for e in extract_text(text).document.entities if e.type == "Cluster"}


def _names(found) -> list[str]:
    return [c.name for c in found]


# --- a brand after a cluster noun and its topic ----------------------------------------------------------

@pytest.mark.parametrize("sentence, name", [
    ("Das in Kassel ansässige Netzwerk für Wasserstofftechnik HyGrid Nord zählt zu den Gewinnern.", "HyGrid Nord"),
    ("Der Verbund für Medizintechnik MedLink Saar erhält 300.000 Euro.", "MedLink Saar"),
    ("The network for food packaging PackWise joins the programme.", "PackWise"),
])
def test_brand_after_topic_of_cluster_noun(sentence, name):
    assert _names(finders.find_topic_noun_brands(sentence, 0, len(sentence))) == [name]


@pytest.mark.parametrize("sentence", [
    "Das Netzwerk für Gebäudeautomation Bielefeld wächst weiter.",  # an ordinary word, maybe a place
    "Der Cluster für Photonik Hamburg ist umgezogen.",
    "The network for medical technology in Bavaria grows.",
])
def test_no_brand_after_topic_means_no_name(sentence):
    assert finders.find_topic_noun_brands(sentence, 0, len(sentence)) == []


# --- relational compounds and topic compounds before a brand ---------------------------------------------

def test_partner_compound_is_not_part_of_the_name():
    text = "Ausgezeichnet wurde auch das dänische Partnernetzwerk Agri Nord Syd aus Aalborg."
    found = finders.find_cluster_names(text, 0, len(text))
    assert "Agri Nord Syd" in _names(found)
    assert "Partnernetzwerk Agri Nord Syd" not in _names(found)


def test_topic_compound_stays_part_of_a_plain_name():
    text = "Das Verpackungsnetzwerk Oberland wählt einen neuen Vorstand."
    assert "Verpackungsnetzwerk Oberland" in _names(finders.find_cluster_names(text, 0, len(text)))


def test_hyphen_compound_before_a_brand_is_an_alias():
    text = "Sie leitet die Geschäftsstelle des Antriebstechnik-Netzwerks DriveTec Weser in Minden."
    found = {c.name: c for c in finders.find_cluster_names(text, 0, len(text))}
    assert "DriveTec Weser" in found
    assert found["DriveTec Weser"].attrs["long"] == "Antriebstechnik-Netzwerks DriveTec Weser"
    assert not any(name.startswith("Antriebstechnik") for name in found)


def test_hyphen_compound_before_a_plain_name_keeps_the_compound():
    text = "Das Photonik-Netzwerk Nordhessen feiert Jubiläum."
    names = _names(finders.find_cluster_names(text, 0, len(text)))
    assert "Photonik-Netzwerk Nordhessen" in names


# --- end to end: the fact attaches to the brand --------------------------------------------------------

def test_managing_director_of_brand_behind_hyphen_compound():
    text = ("Neue Leitung\n\nSeit dem 1. März leitet Jana Roth die Geschäftsstelle des Antriebstechnik-Netzwerks "
            "DriveTec Weser in Minden.")
    facts = {(f.subject, f.relation, f.object) for f in extract_text(text).document.facts}
    assert ("Jana Roth", "managing director of", "DriveTec Weser") in facts
    assert not any("Antriebstechnik-Netzwerks" in s or "Antriebstechnik-Netzwerks" in o for s, _, o in facts)


def test_brand_after_topic_gets_its_seat():
    text = "Das in Kassel ansässige Netzwerk für Wasserstofftechnik HyGrid Nord zählt zu den Gewinnern."
    facts = {(f.subject, f.relation, f.object) for f in extract_text(text).document.facts}
    assert ("HyGrid Nord", "located in", "Kassel") in facts


# --- a cluster head inside a brand ---------------------------------------------------------------------

@pytest.mark.parametrize("sentence, name, kind", [
    ("Das ebenfalls nominierte Kasseler LogistikNetz Fulda ging in dieser Runde leer aus.", "LogistikNetz Fulda", "Cluster"),
    ("AgriNet Weser vernetzt 60 Betriebe.", "AgriNet Weser", "Cluster"),
    ("The cluster signed a memorandum with RoboNet Kyushu from Fukuoka.", "RoboNet Kyushu", "Organisation"),
])
def test_brand_with_cluster_head(sentence, name, kind):
    found = name_cues.find_headed_brands(sentence, 0, len(sentence))
    assert [(c.name, c.type) for c in found] == [(name, kind)]


@pytest.mark.parametrize("sentence", [
    "Der Anbieter DataNet GmbH liefert die Router.",          # a company
    "Die Plattform nutzt die Software ProNet Software Suite.",  # no: the brand is followed by a product noun
    "Das Projekt läuft über die EduNet Plattform des Landes.",
])
def test_brand_with_cluster_head_traps(sentence):
    assert name_cues.find_headed_brands(sentence, 0, len(sentence)) == []


def test_partner_brand_named_in_passing_does_not_take_the_main_clusters_facts():
    text = ("RoboSchwaben unterzeichnet Absichtserklärung\n\n"
            "Stuttgart, 3. Mai 2024 – Der Robotik-Cluster RoboSchwaben hat mit dem Netzwerk RoboNet Kyushu "
            "aus Fukuoka eine Absichtserklärung unterzeichnet. Geschäftsführerin von RoboSchwaben ist Petra Lang.")
    facts = {(f.subject, f.relation, f.object) for f in extract_text(text).document.facts}
    assert not any(s == "RoboNet Kyushu" and r == "located in" and o == "Stuttgart" for s, r, o in facts)
    assert ("Petra Lang", "managing director of", "RoboNet Kyushu") not in facts


# --- an apposition naming an indefinite cluster phrase -------------------------------------------------

def test_name_in_apposition_to_indefinite_cluster_phrase():
    text = "Beide Cluster sprechen mit einem Netzwerk aus Hessen, dem Holzforum Vogelsberg, über einen Beitritt."
    assert "Holzforum Vogelsberg" in _names(finders.find_cluster_names(text, 0, len(text)))


@pytest.mark.parametrize("text", [
    "Beide Cluster sprechen mit einem Netzwerk aus Hessen, der Technischen Hochschule Mittelhessen.",
    "Sie arbeiten in einem Netzwerk aus Firmen, dem Handel und der Forschung.",
])
def test_apposition_traps(text):
    assert finders.find_named_after_cluster_phrase(text, 0, len(text)) == []


# --- the cluster-noun finder does not glue an adjective to a brand -------------------------------------

def test_country_adjective_and_compound_stay_out_of_a_brand_name():
    text = "Fortgeführt wird die Kooperation mit dem Schweizer Verpackungscluster PackAlp Network aus Chur."
    names = _names(finders.find_cluster_names(text, 0, len(text)))
    assert "PackAlp Network" in names
    assert not any(n.startswith("Schweizer") for n in names)


# --- place names with an abbreviation ------------------------------------------------------------------

def test_place_abbreviation_does_not_end_a_name():
    from clustergraph.extract.names import name_chunk_after
    text = "mit Sitz in St. Pölten. Danach"
    span = name_chunk_after(text, len("mit Sitz in "))
    assert text[span[0]:span[1]] == "St. Pölten"
    text = "Er wohnt in Gerst. Danach"
    span = name_chunk_after(text, len("Er wohnt in "))
    assert text[span[0]:span[1]] == "Gerst"


# --- a brand opening its sentence as the subject of a cluster verb -------------------------------------

@pytest.mark.parametrize("sentence, name", [
    ("Kiel, 3. Mai 2024 – TexWalk erhält das Silber-Label der ECEI.", "TexWalk"),
    ("FinLoop joins the go-cluster programme.", "FinLoop"),
    ("SensoriQ has been awarded the ECEI Gold label.", "SensoriQ"),
    ("H2 Marsch wurde in das Programm go-cluster aufgenommen.", "H2 Marsch"),
    ("MedTec Saar vernetzt 120 Unternehmen der Medizintechnik.", "MedTec Saar"),
])
def test_brand_subject_of_cluster_verb(sentence, name):
    assert _names(name_cues.find_brand_subjects(sentence, 0, len(sentence))) == [name]


@pytest.mark.parametrize("sentence", [
    "BioNTech erhält 20 Millionen Euro Förderung.",         # a company everybody knows
    "ECEI vergibt das Gold-Label an drei Cluster.",          # an acronym alone (and no cluster verb)
    "BMWK erhält Anträge von 40 Netzwerken.",                # an acronym alone
    "McAllister received the award on behalf of the cluster.",  # a person
    "Berlin erhält 20 Millionen Euro für Netzwerke.",        # an ordinary capitalised word
    "SensoriQ plant, das Label im nächsten Jahr zu beantragen.",  # no cluster verb after the brand
    "TexWalk GmbH erhält 20.000 Euro Förderung.",            # a company by its legal form
])
def test_brand_subject_traps(sentence):
    assert name_cues.find_brand_subjects(sentence, 0, len(sentence)) == []


def test_money_alone_makes_no_cluster_of_a_brand_subject():
    sentence = "ProtoGen Mainz receives EUR 350,000 from the ministry."
    assert [(c.name, c.type) for c in name_cues.find_brand_subjects(sentence, 0, len(sentence))] == \
        [("ProtoGen Mainz", "Organisation")]


# --- a brand one is member or partner of ---------------------------------------------------------------

@pytest.mark.parametrize("sentence, name, kind", [
    ("Die Firma Berger ist seit 2020 Mitglied im MarTec Nord.", "MarTec Nord", "Cluster"),
    ("The company became a member of HyFab Baden in 2021.", "HyFab Baden", "Cluster"),
    ("Die Hochschule ist Partner von AgriSens Weser.", "AgriSens Weser", "Organisation"),
])
def test_brand_one_is_member_or_partner_of(sentence, name, kind):
    assert [(c.name, c.type) for c in name_cues.find_member_of_brands(sentence, 0, len(sentence))] == [(name, kind)]


@pytest.mark.parametrize("sentence", [
    "Sie ist Mitglied im Vorstand der Stiftung.",
    "He is a member of Parliament for Kiel.",
    "Die Firma ist Partner von Siemens Energy.",   # no brand shape: left to other cues
    "She is a member of LinkedIn groups on robotics.",
    "Die Firma ist Mitglied im MarTec Nord e.V. geworden.",  # the legal form: the e.V. finder reads it
])
def test_member_or_partner_traps(sentence):
    assert name_cues.find_member_of_brands(sentence, 0, len(sentence)) == []


def test_find_brand_names_takes_each_span_once():
    sentence = "AgriNet Weser erhält das ECEI-Silber-Label."
    found = name_cues.find_brand_names(sentence, 0, len(sentence))
    assert [(c.name, c.type) for c in found] == [("AgriNet Weser", "Cluster")]


@pytest.mark.parametrize("sentence, name", [
    ("GeraWeb bringt Wissen ein, AgriNetz Fulda Geräte.", "AgriNetz Fulda"),   # an elided verb: a noun follows
    ("ToolNet Oberes Elbtal ist das Netzwerk der Werkzeugbauer.", "ToolNet Oberes Elbtal"),
])
def test_region_words_after_a_headed_brand(sentence, name):
    assert name in _names(name_cues.find_headed_brands(sentence, 0, len(sentence)))
