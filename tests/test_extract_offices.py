"""People and their offices: ``managing director of`` and ``spokesperson of``.

Each case is a short announcement written for this test, in German or English; the second half of
each pair is the tempting wrong reading that a careful reader rejects.
"""

import pytest

from clustergraph.extract import extract_text
from clustergraph.extract.office_phrases import office_matches
from clustergraph.extract.person_names import clean_person
from clustergraph.extract.persons import find_roles


def _offices(text: str) -> set[tuple[str, str, str]]:
    facts = extract_text(text).document.facts
    return {(f.subject, f.relation, f.object) for f in facts
            if f.relation in ("managing director of", "spokesperson of")}


def _dated(text: str) -> dict[tuple[str, str, str], str | None]:
    facts = extract_text(text).document.facts
    return {(f.subject, f.relation, f.object): f.date for f in facts
            if f.relation in ("managing director of", "spokesperson of")}


def _roles(sentence: str) -> list[tuple[str, str, bool]]:
    return [(r.person, r.role, r.current) for r in find_roles(sentence, 0, len(sentence))]


# ---------------------------------------------------------------- names

@pytest.mark.parametrize("written, name", [
    ("Prof. Dr.-Ing. Jana Roth", "Jana Roth"),
    ("Dipl.-Ing. (FH) Jonas Weidmann", "Jonas Weidmann"),
    ("Dr. Hanna von Bergen", "Hanna von Bergen"),
])
def test_titles_are_stripped_from_names(written, name):
    assert clean_person(written) == name


def test_names_with_letters_of_other_european_languages():
    roles = _roles("The cluster management is headed by Zofia Kamińska, who joined in 2015.")
    assert roles == [("Zofia Kamińska", "managing director of", True)]


# ---------------------------------------------------------------- what a person leads

def test_relative_clause_heading_the_office_de():
    assert _roles("Dr. Ole Brandt, der die Geschäftsstelle des Netzwerks seit März 2012 leitet, sprach.") == [
        ("Ole Brandt", "managing director of", True)]
    # a project or a working group is not the office of the cluster
    assert _roles("Dr. Ole Brandt, der das Projekt seit März 2012 leitet, sprach.") == []


def test_relative_clause_heading_the_office_en():
    assert _roles("said Mia Carter, who has headed the cluster management since 2016.") == [
        ("Mia Carter", "managing director of", True)]
    assert _roles("said Mia Carter, who has headed the working group since 2016.") == []


def test_office_then_relative_clause_and_inverted_order():
    assert [m.group("name") for m, _, _ in office_matches(
        "Alles läuft in der Geschäftsstelle in Kassel zusammen, die Dr. Lea Sommer leitet.")] == ["Lea Sommer"]
    assert [m.group("name") for m, _, _ in office_matches(
        "Die Geschäftsstelle leitet seit 2018 Dipl.-Kffr. Lea Sommer.")] == ["Lea Sommer"]


def test_takes_over_the_office_with_a_date_between():
    roles = _roles("Beim Netzwerk übernimmt zum 1. Mai 2021 Dr. Eva Lang die Geschäftsführung.")
    assert roles == [("Eva Lang", "managing director of", True)]


def test_elected_with_the_verb_at_the_end():
    roles = _roles("Die Versammlung hat Dr. Tim Fuchs einstimmig zum Vorsitzenden gewählt.")
    assert roles == [("Tim Fuchs", "spokesperson of", True)]
    # an honorary chair is no spokesperson
    assert _roles("Die Versammlung hat Tim Fuchs zum Ehrenvorsitzenden gewählt.") == []


# ---------------------------------------------------------------- who is not an office holder

def test_press_officer_is_not_a_spokesperson():
    assert _roles("Pressesprecherin Anna Roe erklärte das Verfahren.") == []


@pytest.mark.parametrize("sentence", [
    "Vice-President Tom Hale added that the board agreed.",
    "Honorary chairman Prof. Dr. Tom Hale attended the ceremony.",
    "Ehrensprecher Tom Hale war ebenfalls anwesend.",
])
def test_deputies_and_honorary_chairs_are_not_current(sentence):
    assert all(not current for _, _, current in _roles(sentence))


# ---------------------------------------------------------------- whole announcements

def test_two_managing_directors_assigned_by_brackets():
    text = ("Kassel, 3. Mai 2021 – Das Netzwerk HydroNet und der Verbund SolarRing arbeiten künftig zusammen. "
            "Die Vereinbarung unterzeichneten die Geschäftsführer beider Netzwerke, Dr. Jana Roth (HydroNet) und "
            "Paul Ebert (SolarRing).")
    offices = _offices(text)
    assert ("Jana Roth", "managing director of", "HydroNet") in offices
    assert ("Paul Ebert", "managing director of", "SolarRing") in offices
    assert ("Jana Roth", "managing director of", "SolarRing") not in offices


def test_chair_with_her_own_company_de():
    text = ("Mainz, 4. Mai 2022 – Das Netzwerk ChemRing ist Mitglied bei go-cluster. "
            "Die Vorstandsvorsitzende des Vereins, Eva Krumm, Geschäftsführerin der Krumm Lacke GmbH, dankte allen.")
    offices = _offices(text)
    assert ("Eva Krumm", "spokesperson of", "ChemRing") in offices
    assert ("Eva Krumm", "managing director of", "ChemRing") not in offices


def test_affiliation_is_not_the_office():
    text = ("Jena, 5. Mai 2022 – Das Netzwerk OptoRing hat das Gold-Label erhalten. "
            "Vorsitzende des Vorstands ist Prof. Dr. Ina Kühn, die an der Universität Jena lehrt.")
    offices = _offices(text)
    assert ("Ina Kühn", "spokesperson of", "OptoRing") in offices
    assert not any(obj == "Universität Jena" for _, _, obj in offices)


def test_start_date_from_the_next_sentence_and_predecessor_excluded():
    text = ("Bremen, 15 February 2022 – The board of the TideNet cluster has appointed Dr. Lisa Moor as the "
            "association's new Managing Director. She will take up her post on 1 April 2022 and takes over "
            "from Olaf Berg, who retires.")
    dated = _dated(text)
    assert dated.get(("Lisa Moor", "managing director of", "TideNet")) == "2022-04-01"
    assert not any(person == "Olaf Berg" for person, _, _ in dated)


def test_date_of_an_act_is_not_the_start_of_the_office():
    text = ("Halle, 12. März 2018 – Das Netzwerk PolyRing hat eine Kooperation mit Betrieben aus Polen vereinbart. "
            "Am 7. März 2018 unterzeichnete Geschäftsführerin Dr. Ute Stein die Vereinbarung.")
    dated = _dated(text)
    assert dated.get(("Ute Stein", "managing director of", "PolyRing")) == "2018-03-12"


def test_the_cluster_management_of_the_cluster_the_paragraph_is_about():
    text = ("Brussels, 3 April 2024\n\n"
            "The European Cluster Platform reports on labels.\n\n"
            "Among the awardees is the Czech cluster MotoNet Brno, which received the Gold label in March. "
            "The cluster management is headed by Jana Nováková.\n\n"
            "The Spanish cluster AgriBaix was awarded the Silver label. \"It was demanding,\" said its "
            "president, Jordi Puig.")
    offices = _offices(text)
    assert ("Jana Nováková", "managing director of", "MotoNet Brno") in offices
    assert ("Jordi Puig", "spokesperson of", "AgriBaix") in offices
    assert not any(obj == "European Cluster Platform" for _, _, obj in offices)


# ---------------------------------------------------------------- more ways to state an office

def test_chaired_by_and_german_passive():
    assert _roles("The association is chaired by its president, Dr. Eva Stein.") == [("Eva Stein", "spokesperson of", True)]
    assert _roles("Der Verbund wird seit 2009 von Dr. Jan Otto geführt.") == [("Jan Otto", "managing director of", True)]
    assert _roles("Mit der Geschäftsführung ist seit 2017 Dr. Kim Berg betraut.") == [("Kim Berg", "managing director of", True)]


def test_name_before_headed_by():
    roles = find_roles(*(lambda t: (t, 0, len(t)))("SeedNet, headed by Frederik Ohm, links 14 firms."))
    assert [(r.person, r.role, r.org_text) for r in roles] == [("Frederik Ohm", "managing director of", "SeedNet")]


def test_holds_the_chair_needs_inne():
    assert _roles("Den Vorsitz hat seit 2020 Dr. Ian Reed inne.") == [("Ian Reed", "spokesperson of", True)]
    # the management informing two people is no office of theirs
    assert _roles("Die Geschäftsführung hat Dr. Ian Reed und Jo Kahn informiert.") == []


def test_a_month_is_not_a_first_name():
    assert _roles("Vorstandsvorsitzende ist seit Januar Dr. Maren Wolf, Chefärztin in Stralsund.") == [
        ("Maren Wolf", "spokesperson of", True)]


def test_handing_over_a_certificate_is_not_leaving_office():
    assert _roles("Geschäftsführer Jan Roe übergab die Urkunde.") == [("Jan Roe", "managing director of", True)]
    assert _roles("Geschäftsführer Jan Roe übergibt zum 1. Juli die Geschäftsführung an seine Nachfolgerin.") == [
        ("Jan Roe", "managing director of", False)]


def test_board_list_with_roles_above_the_names():
    text = ("Gremien\n\nVorstandsvorsitzender\n\nDr. Rolf Kern, Werkleiter in Homburg\n\nStellvertretende Vorsitzende\n\n"
            "Nina Scholz\n\nSchatzmeister\n\nPeter Bach\n\nEhrenvorsitzender\n\nProf. Dr. Werner Laub\n\n"
            "Geschäftsführerin\n\nDr. Iris Quandt\n")
    found = {}
    for name in ("Rolf", "Nina", "Peter", "Werner", "Iris"):
        start = text.rfind("\n", 0, text.index(name)) + 1  # the line, with the titles
        found[name] = [(r.role, r.current) for r in find_roles(text, start, text.index("\n", start))]
    assert found["Rolf"] == [("spokesperson of", True)]
    assert found["Nina"] == [("spokesperson of", False)]  # the deputy
    assert found["Peter"] == [] and found["Werner"] == []  # treasurer, honorary chair
    assert found["Iris"] == [("managing director of", True)]


def test_team_list_with_names_above_the_roles():
    text = ("Our team\n\nDr. Anne Feld\n\nManaging Director\n\nLisa Horn\n\nPress & Communications\n\nBoard\n\n"
            "Ralf Schulz\n\nChairman of the Board\n\nMario Kern\n\nDeputy Chair\n")
    found = {}
    for name in ("Anne", "Lisa", "Ralf", "Mario"):
        start = text.rfind("\n", 0, text.index(name)) + 1  # the line, with the titles
        found[name] = [(r.role, r.current) for r in find_roles(text, start, text.index("\n", start))]
    assert found["Anne"] == [("managing director of", True)]
    assert found["Lisa"] == []  # the press contact, not the managing director above her
    assert found["Ralf"] == [("spokesperson of", True)]
    assert found["Mario"] == [("spokesperson of", False)]


def test_surname_alone_after_the_full_name():
    text = ("Münster, 25. November 2019 – Das Netzwerk WebNet hat gewählt: Die Mitgliederversammlung wählte "
            "Dr. Frieda Sandberg einstimmig zur Vorsitzenden des Vorstands. Sandberg ist Technische Geschäftsführerin "
            "der Weberei Sandberg GmbH in Gronau und gehört dem Vorstand seit 2015 an.")
    dated = _dated(text)
    assert dated.get(("Frieda Sandberg", "managing director of", "Weberei Sandberg")) == "2019-11-25"
    assert ("Frieda Sandberg", "managing director of", "WebNet") not in dated


def test_predecessor_in_another_line_of_a_chronicle():
    text = ("Chronik: Das Netzwerk MetallRing\n\n2009: Gründung des Netzwerks MetallRing in Iserlohn.\n"
            "2012: Dr. Hans Eber übernimmt die Geschäftsführung des MetallRing.\n"
            "2018: Jana Kolb übernimmt die Geschäftsführung von Dr. Hans Eber.\n")
    offices = _offices(text)
    assert ("Hans Eber", "managing director of", "MetallRing") not in offices


def test_election_date_from_the_sentence_before():
    text = ("Gießen, 23. November 2017 – Die Mitgliederversammlung des Netzwerks OptoHessen hat am Dienstag einen "
            "neuen Vorstand gewählt. Neue Vorstandsvorsitzende ist Dr. Clara Rein.")
    assert _dated(text).get(("Clara Rein", "spokesperson of", "OptoHessen")) == "2017-11-21"
