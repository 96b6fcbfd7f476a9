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


# ---------------------------------------------------------------- second pass: more shapes of an office

def test_role_noun_with_a_translation_in_brackets():
    assert _roles("said Geschäftsführer (Managing Director) Dr. Felix Amann.") == [
        ("Felix Amann", "managing director of", True)]
    assert _roles("Vorstandsvorsitzende (Chair of the Board) Eva Zorn added that the label helps.") == [
        ("Eva Zorn", "spokesperson of", True)]
    # the deputy stays a deputy in both languages
    assert all(not current for _, _, current in _roles(
        "stellvertretender Geschäftsführer (Deputy Managing Director) Jan Ott sagte dazu nichts."))


@pytest.mark.parametrize("line, expected", [
    ("Dr. Ulrich Kamm (Vorsitz)", [("Ulrich Kamm", "spokesperson of", True)]),
    ("Nadine Hölz (Geschäftsführung)", [("Nadine Hölz", "managing director of", True)]),
    ("Jane Roe (Managing Director)", [("Jane Roe", "managing director of", True)]),
    ("Jan Ott (stellv. Vorsitz)", []),  # the deputy chair
    ("Eva Kern (Presse)", []),  # the press contact
])
def test_role_alone_in_brackets_after_the_name(line, expected):
    assert _roles(line) == expected


def test_has_been_managing_director():
    roles = find_roles(*(lambda t: (t, 0, len(t)))("Dr. Tom Kern has been managing director of AeroRing since 2021."))
    assert [(r.person, r.role, r.org_text.split(" since")[0]) for r in roles] == [
        ("Tom Kern", "managing director of", "AeroRing")]
    assert _roles("Tom Kern has been a member of the board since 2021.") == []


def test_head_of_the_cluster_management_in_a_profile_table():
    assert _roles("Head of cluster management | Dr. Henrik Alt") == [("Henrik Alt", "managing director of", True)]
    assert _roles("Leiterin der Geschäftsstelle ist Dr. Anna Berg.") == [("Anna Berg", "managing director of", True)]
    assert _roles("Head of communications | Dr. Henrik Alt") == []


def test_who_chairs_and_who_has_led_the_office():
    assert _roles('says Ayla Demir, who chairs HyRing.') == [("Ayla Demir", "spokesperson of", True)]
    assert _roles("says Ayla Demir, who chairs the working group on standards.") == []
    assert _roles("said Jane Roe, who has chaired the board since 2019.") == [("Jane Roe", "spokesperson of", True)]
    assert _roles("said Jane Roe, who chaired the board until 2019.") == []  # no longer
    assert _roles("Kai Brand, who has led the PortNet cluster office since 2021, called it overdue.") == [
        ("Kai Brand", "managing director of", True)]
    assert _roles("Kai Brand, who has led the pilot project since 2021, called it overdue.") == []


def test_possessive_office_after_the_name():
    roles = find_roles(*(lambda t: (t, 0, len(t)))("Carl Böhm, HyLink's chief executive since January, spoke first."))
    assert [(r.person, r.role, r.org_text) for r in roles] == [("Carl Böhm", "managing director of", "HyLink")]
    assert _roles("Carl Böhm, HyLink's former chief executive, spoke first.") == []


def test_date_with_a_day_number_between_office_and_name():
    assert [m.group("name") for m, _, _ in office_matches(
        "Die Geschäftsstelle von MedRing leitet seit dem 1. September 2022 Dr. Maren Ost.")] == ["Maren Ost"]


def test_occupation_between_article_and_name():
    assert _roles("Sprecher des Netzwerks ist der Leipziger Softwareunternehmer Matthias Grün.") == [
        ("Matthias Grün", "spokesperson of", True)]


def test_role_words_are_not_first_names():
    names = [person for person, _, _ in _roles("Its cluster office is run by Executive Director Thomas Gerlach.")]
    assert names == ["Thomas Gerlach"]


def test_profile_line_names_the_organisation():
    text = "Svenja Rott\nManaging Director at GridRing Kraichgau\nPosted 16 May 2024\n\nGridRing Kraichgau is a cluster."
    roles = find_roles(text, 0, len("Svenja Rott"))
    assert [(r.person, r.role, r.org_text) for r in roles] == [("Svenja Rott", "managing director of", "GridRing Kraichgau")]
    text = "Svenja Rott\nManaging Director at Rott Energie GmbH\n"
    assert [r.org_text for r in find_roles(text, 0, len("Svenja Rott"))] == ["Rott Energie GmbH"]  # not the cluster


def test_someone_who_signs_for_another_organisation_in_another_clause():
    text = ("Augsburg, 14 October 2019 – The cluster RoboRing and the Japanese network RoboLink Osaka signed a "
            "memorandum of understanding. The President of RoboRing, Dr. Eva Lehr, signed for the German side; "
            "Chairman Ken Mori signed for RoboLink Osaka.")
    offices = _offices(text)
    assert ("Eva Lehr", "spokesperson of", "RoboRing") in offices
    assert ("Ken Mori", "spokesperson of", "RoboRing") not in offices
    assert ("Ken Mori", "spokesperson of", "RoboLink Osaka") in offices


def test_a_negation_inside_a_quotation_does_not_deny_the_office():
    text = ("Chemnitz, 6. April 2018 – Das Chemnitzer Netzwerk TexRing Sachsen trägt nun das Bronze-Label. "
            "„Das Label ist für uns ein Anfang, kein Ziel“, sagte TexRing-Geschäftsführer Ronny Lach.")
    assert ("Ronny Lach", "managing director of", "TexRing Sachsen") in _offices(text)
    # a negation outside the quotation still does
    text = ("Chemnitz, 6. April 2018 – Das Chemnitzer Netzwerk TexRing Sachsen trägt nun das Bronze-Label. "
            "Ronny Lach ist nicht Geschäftsführer von TexRing Sachsen.")
    assert ("Ronny Lach", "managing director of", "TexRing Sachsen") not in _offices(text)


def test_a_partner_in_an_earlier_line_of_a_chronicle_is_not_the_topic():
    text = ("# Chronik\n\nFeilRing Solingen ist das Netzwerk der Schneidwarenindustrie im Bergischen Land.\n\n"
            "- **2017** – Kooperationsvereinbarung mit dem französischen Netzwerk Pôle Couteaux de Thiers aus Thiers.\n"
            "- **2019** – Erste gemeinsame Messe mit den französischen Partnern.\n"
            "- **2020** – Im April übernimmt Katja Imm die Geschäftsführung.\n\n*Stand: Januar 2021*\n")
    assert ("Katja Imm", "managing director of", "Pôle Couteaux de Thiers") not in _offices(text)


def test_head_of_the_office_after_the_name():
    roles = find_roles(*(lambda t: (t, 0, len(t)))("said Dr. Jana Roth, Head of Cluster Management at MedRing, on Monday."))
    assert [(r.person, r.role, r.org_text) for r in roles] == [("Jana Roth", "managing director of", "MedRing")]
    assert _roles("Dr. Jana Roth, Leiterin der Geschäftsstelle, sagte dazu:") == [("Jana Roth", "managing director of", True)]
    assert _roles("said Dr. Jana Roth, Head of Communications at MedRing, on Monday.") == []


def test_the_clusters_office_after_the_name():
    assert _roles("said Jane Roe, the cluster's president, on Monday.") == [("Jane Roe", "spokesperson of", True)]
    assert _roles("said Jane Roe, the network's deputy chair, on Monday.") == []


def test_elections_and_appointments_told_in_other_word_orders():
    assert _roles("Zur neuen Vorsitzenden wählte die Mitgliederversammlung Dr. Jana Rost.") == [
        ("Jana Rost", "spokesperson of", True)]
    assert _roles("Dr. Jana Rost wurde einstimmig zur Vorsitzenden gewählt.") == [("Jana Rost", "spokesperson of", True)]
    assert _roles("Zur stellvertretenden Vorsitzenden wurde Eva Kern gewählt.") == []  # a deputy
    roles = find_roles(*(lambda t: (t, 0, len(t)))("Zum Geschäftsführer des Vereins wurde Jan Ott bestellt."))
    assert [(r.person, r.role, r.org_text) for r in roles] == [("Jan Ott", "managing director of", "Vereins")]
    assert _roles("Jane Roe was appointed managing director of MedRing in May.") == [
        ("Jane Roe", "managing director of", True)]
    assert _roles("Jane Roe was re-elected chair of the board.") == [("Jane Roe", "spokesperson of", True)]
    assert _roles("Tom Hale was elected vice-president of the association.") == []
    assert _roles("Jane Roe was named one of the region's top managers.") == []


def test_serves_as_and_the_participle_last():
    assert _roles("Jane Roe serves as managing director of MedRing.") == [("Jane Roe", "managing director of", True)]
    assert _roles("Dr. Katrin Olsen hat zum 1. Oktober 2024 die Geschäftsführung des Netzwerks übernommen.") == [
        ("Katrin Olsen", "managing director of", True)]
    assert _roles("Katrin Olsen hat zum 1. Oktober 2024 das Projekt des Netzwerks übernommen.") == []


def test_leading_the_board_is_holding_the_chair():
    assert _roles("Den Vorstand des Vereins führt Henning Prahm, Inhaber der Räucherei Prahm GmbH.") == [
        ("Henning Prahm", "spokesperson of", True)]
    assert _roles("Henning Prahm gehört dem Vorstand des Vereins an.") == []


def test_verb_before_its_subject_and_is_now():
    roles = find_roles(*(lambda t: (t, 0, len(t)))(
        "Seit dem 1. März leitet Sarah Brink die Geschäftsstelle des lippischen Netzwerks MoveRing Lippe in Lemgo."))
    assert [(r.person, r.role) for r in roles] == [("Sarah Brink", "managing director of")]
    assert _roles("Seit 2020 leitet Sarah Brink das Projekt des Netzwerks.") == []
    assert _roles("FinRing was led by Tim Kess until last year; its managing director is now Aylin Demirel.") == [
        ("Aylin Demirel", "managing director of", True)]


def test_who_is_also_and_who_was():
    roles = find_roles(*(lambda t: (t, 0, len(t)))(
        "The president of the association, Dr. Ines Bart, who is also CEO of ScanRing GmbH, added a word."))
    assert {(r.person, r.role, r.org_text) for r in roles} == {
        ("Ines Bart", "managing director of", "ScanRing GmbH"), ("Ines Bart", "spokesperson of", "the association")}
    assert _roles("Jan Ott, who was CEO of Acme until 2019, said so.") == [("Jan Ott", "managing director of", False)]


def test_speaker_lines_of_a_programme_name_the_organisation_after_the_role():
    text = ("Markus Eder, Managing Director, DonauRing (Burghausen, Bavaria) Dr. Petra Huber, Chair of the Board, "
            "MobiRing (Linz, Upper Austria)")
    roles = find_roles(text, 0, len(text))
    assert {(r.person, r.role, r.org_text) for r in roles} == {
        ("Markus Eder", "managing director of", "DonauRing"), ("Petra Huber", "spokesperson of", "MobiRing")}
    assert _roles("Jakub Dvořáček, Cluster Manager, DřevoRing (České Budějovice, Czech Republic)") == [
        ("Jakub Dvořáček", "managing director of", True)]
    # a verb after the role is no organisation
    assert [r.org_text for r in find_roles(*(lambda t: (t, 0, len(t)))("Jane Roe, Managing Director, said so."))] == [None]


def test_an_occupation_before_the_name_is_not_part_of_it():
    assert _roles("Vorstandsvorsitzender ist Landwirt Hauke Thom aus Dithmarschen.") == [("Hauke Thom", "spokesperson of", True)]
    assert _roles("Geschäftsführer ist Hans Peter Roth.") == [("Hans Peter Roth", "managing director of", True)]


def test_a_section_of_a_newsletter_names_the_cluster_of_its_office_holder():
    text = ("# Netzwerkbrief 3/2023\n\nBielefeld, 15. März 2023\n\n"
            "## 1. MöbelRing OWL erhält das Silber-Label\n\n"
            "Das Netzwerk MöbelRing OWL aus Herford hat das Silber-Label erhalten.\n\n"
            "## 2. Zukunftscluster: BauRing OWL gewinnt\n\n"
            "Das in Bielefeld ansässige Netzwerk BauRing OWL zählt zu den Gewinnern der Zukunftscluster-Initiative.\n\n"
            "Clustersprecher ist Prof. Dr. Henrik Saat von der Hochschule Bielefeld.\n")
    offices = _offices(text)
    assert ("Henrik Saat", "spokesperson of", "BauRing OWL") in offices
    assert ("Henrik Saat", "spokesperson of", "MöbelRing OWL") not in offices
    assert not any(obj == "Hochschule Bielefeld" for _, _, obj in offices)


def test_a_former_employer_in_a_relative_clause_does_not_block_the_office():
    text = ("Cottbus, 5. November 2024 – Die Firma Messtech GmbH ist Mitglied im Netzwerk WasserRing in Senftenberg. "
            "Die Geschäftsstelle leitet seit Mai Katja Borm, die zuvor beim Landesamt für Umwelt tätig war.")
    assert ("Katja Borm", "managing director of", "WasserRing") in _offices(text)


def test_a_cluster_someone_led_before_is_not_the_topic_of_the_paragraph():
    text = ("Memmingen, 9. Januar 2024 – Das Netzwerk PackRing Allgäu und die Initiative FoodRing Oberschwaben haben "
            "sich zum Netzwerk PackFoodRing zusammengeschlossen.\n\n"
            "Geschäftsführer ist seit dem 1. Januar Thomas Riedl, der bisher das Netzwerk PackRing Allgäu leitete. "
            "Zur Vorsitzenden wählten die Mitglieder Dr. Ursula Fimm.")
    offices = _offices(text)
    assert ("Ursula Fimm", "spokesperson of", "PackRing Allgäu") not in offices
    assert _roles("Geschäftsführer ist seit dem 1. Januar Thomas Riedl.") == [("Thomas Riedl", "managing director of", True)]


def test_whose_ceo_is_the_ceo_of_the_organisation_before_whose():
    text = ("Stuttgart, 5 February 2025 – The cluster NeckarRing received the ECEI Silver Label. NeckarRing signed a "
            "memorandum with Réseau Laurentides, the Montréal-based Québec cluster, whose CEO Martine Gagné travelled "
            "to Stuttgart for the occasion.")
    offices = _offices(text)
    assert ("Martine Gagné", "managing director of", "NeckarRing") not in offices
    assert ("Martine Gagné", "managing director of", "Réseau Laurentides") in offices


def test_a_deputy_office_elsewhere_leaves_room_for_the_real_one():
    roles = find_roles(*(lambda t: (t, 0, len(t)))(
        "The President of NeckarRing, Prof. Dr. Ulrich Haas, who is also vice-president of Heilbronn University, spoke."))
    assert ("Ulrich Haas", "spokesperson of", "NeckarRing", True) in {(r.person, r.role, r.org_text, r.current) for r in roles}
    assert ("Ulrich Haas", "spokesperson of", "Heilbronn University", True) not in {
        (r.person, r.role, r.org_text, r.current) for r in roles}


def test_office_word_on_the_line_above_the_name():
    text = "Vorstand\n\nVorstandsvorsitz\nSteffen Döll (Geigenbaumeister, Markneukirchen)\n"
    start = text.index("Steffen")
    assert [(r.person, r.role, r.current) for r in find_roles(text, start, text.index("\n", start))] == [
        ("Steffen Döll", "spokesperson of", True)]


def test_start_of_office_as_a_day_without_its_year():
    text = ("Memmingen, 9. Januar 2024 – Das Netzwerk PackRing Allgäu hat eine neue Geschäftsstelle in Memmingen. "
            "Geschäftsführer ist seit dem 1. Januar Thomas Riedl.")
    assert _dated(text).get(("Thomas Riedl", "managing director of", "PackRing Allgäu")) == "2024-01-01"
