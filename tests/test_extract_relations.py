"""Relations and modality on small announcements of my own, German and English."""

import pytest

from clustergraph.extract import extract_text
from extract_helpers import extracted_facts


def facts(text):
    return {(f.subject, f.relation, f.object, f.date) for f in extracted_facts(text, basis="text")}


def triples(text):
    return {(s, r, o) for s, r, o, _ in facts(text)}


def test_membership_dated_by_its_sentence():
    got = facts("Kiel, 2. April 2013 – Das Netzwerk NordOptik e.V. wurde im März 2013 in das Programm go-cluster "
                "aufgenommen.")
    assert ("NordOptik", "member of programme", "go-cluster", "2013-03") in got


def test_english_membership_and_run_by():
    got = triples("Berlin, 4 March 2021 – The RoboNet Alpen cluster has joined the go-cluster programme, "
                  "a programme launched by the Federal Ministry for Economic Affairs and Energy.")
    assert ("RoboNet Alpen", "member of programme", "go-cluster") in got
    assert ("go-cluster", "run by", "Bundesministerium für Wirtschaft und Energie") in got


def test_label_awarded_but_not_when_aimed_for():
    got = facts("Essen, 5. Mai 2019 – Der Cluster WasserWerk Ruhr erhielt am 2. Mai 2019 das Silber-Label der ECEI. "
                "Nun strebt WasserWerk Ruhr das Gold-Label an.")
    assert ("WasserWerk Ruhr", "awarded label", "ECEI-Silber-Label", "2019-05-02") in got
    assert not any(r == "awarded label" and "Gold" in o for _, r, o, _ in got)


@pytest.mark.parametrize("sentence", [
    "AlphaNet is preparing for the Gold label.",
    "AlphaNet applied for the Gold label.",
    "AlphaNet aims to earn the Gold label next year.",
    "AlphaNet will receive the Gold label.",
    "AlphaNet did not receive the Gold label.",
    "AlphaNet bewirbt sich um das Gold-Label.",
    "AlphaNet hat das Gold-Label nicht erhalten.",
    "AlphaNet möchte das Gold-Label erhalten.",
])
def test_modality_blocks_awards(sentence):
    got = triples("Munich, 3 May 2020 – " + sentence)
    assert not any(r == "awarded label" for _, r, _ in got)


def test_prepares_for_label_refers_back_to_the_programme():
    got = triples("Das Programm go-cluster bietet den Mitgliedern eine Qualitätsbewertung. Hiermit wird der Grundstein "
                  "für die Erlangung des Labels in Gold der European Cluster Excellence Initiative gelegt.")
    assert ("go-cluster", "prepares for label", "ECEI-Gold-Label") in got
    assert ("ECEI-Gold-Label", "awarded under", "European Cluster Excellence Initiative") in got


def test_roles_former_deputy_and_quoted_people():
    text = ("Leipzig, 1. Juli 2020 – Dr. Anna Berger ist neue Geschäftsführerin von LogistikNetz Sachsen. Sie folgt auf "
            "den bisherigen Geschäftsführer Karl Otto. „Wir freuen uns“, sagt Staatssekretär Dr. Paul Frei. "
            "Stellvertretender Geschäftsführer ist Max Kurz. Sprecherin des Clusters ist Prof. Dr. Eva Lind.")
    got = facts(text)
    assert ("Anna Berger", "managing director of", "LogistikNetz Sachsen", "2020-07-01") in got
    assert ("Eva Lind", "spokesperson of", "LogistikNetz Sachsen", "2020-07-01") in got
    people = {s for s, r, _, _ in got if r in ("managing director of", "spokesperson of")}
    assert people == {"Anna Berger", "Eva Lind"}


def test_english_possessive_managing_director():
    got = triples("Hamburg, 3 May 2021 – “We are ready,” said AeroNord's managing director Jane Doe.")
    assert ("Jane Doe", "managing director of", "AeroNord") in got


def test_funding_and_partnership():
    got = facts("Dresden, 4. März 2021 – Der Cluster HyNet Elbe wird seit 2019 vom Bundesministerium für Bildung und "
                "Forschung gefördert. Seit 2020 kooperiert HyNet Elbe mit dem Netzwerk H2Oder.")
    assert ("HyNet Elbe", "funded by", "Bundesministerium für Bildung und Forschung", "2019") in got
    assert ("HyNet Elbe", "partner of", "H2Oder", "2020") in got


def test_planned_partnership_is_not_a_partnership():
    got = triples("Dresden, 4. März 2021 – Der Cluster HyNet Elbe will künftig mit dem Netzwerk H2Oder kooperieren.")
    assert not any(r == "partner of" for _, r, _ in got)


def test_finalist_not_selected_is_not_a_member():
    got = triples("Berlin, 31.01.2012 — Das Netzwerk SolarNord wurde von der Jury des Spitzencluster-Wettbewerbs "
                  "nicht ausgewählt.")
    assert not any(r == "member of programme" for _, r, _ in got)


def test_figures_with_qualifiers_and_subject():
    doc = extract_text("Berlin, 4 March 2021 – The Clusters4Future initiative funds each cluster with up to 45 million "
                       "euros. The RoboNet Alpen cluster has more than 120 members.").document
    figures = {(f.subject, f.value, f.qualifier, f.unit) for f in doc.figures}
    assert ("Zukunftscluster-Initiative", 45000000, "up to", "EUR") in figures
    assert ("RoboNet Alpen", 120, "more than", "members") in figures


def test_member_table_from_html():
    html = ("<html><body><h1>Neue Mitglieder</h1><p>Stand: März 2015</p><p>Das Programm go-cluster des BMWi vereint "
            "die besten Innovationscluster. Im ersten Quartal 2015 wurden diese Cluster neu aufgenommen:</p><table>"
            "<tr><th>Cluster</th><th>Sitz</th><th>Branche</th><th>Mitglied seit</th></tr>"
            "<tr><td>Holz &amp; Form Allgäu</td><td>Kempten (Bayern)</td><td>Holzwirtschaft</td><td>Januar 2015</td></tr>"
            "</table></body></html>")
    doc = extract_text(html, media_type="text/html").document
    got = {(f.subject, f.relation, f.object, f.date) for f in doc.facts}
    assert ("Holz & Form Allgäu", "member of programme", "go-cluster", "2015-01") in got
    # the reference data knows the town by its official name
    assert ("Holz & Form Allgäu", "located in", "Kempten (Allgäu)", None) in got
    assert ("Kempten (Allgäu)", "part of", "Bayern", None) in got


def test_list_after_an_award_sentence():
    text = ("Stuttgart, 15.11.2019. Das Ministerium für Wirtschaft, Arbeit und Wohnungsbau Baden-Württemberg hat heute "
            "zwei Clusterinitiativen mit dem Qualitätslabel „Cluster-Exzellenz Baden-Württemberg“ ausgezeichnet:\n"
            "• Sensorik-Netz Alb, Reutlingen\n• Holzcluster Schwarzwald, Freudenstadt\n")
    got = facts(text)
    assert ("Sensorik-Netz Alb", "awarded label", "Cluster-Exzellenz Baden-Württemberg", "2019-11-15") in got
    assert ("Holzcluster Schwarzwald", "located in", "Freudenstadt", None) in got


def test_front_matter_and_markdown_dateline():
    text = ("---\ntitle: \"Neuer Sprecher für AgriNet Ost\"\ndate: 2021-03-04\n---\n\n# Neuer Sprecher für AgriNet Ost\n\n"
            "**Cottbus, 2021-03-04.** Der Cluster *AgriNet Ost* hat einen neuen Sprecher: Der Beirat wählte am "
            "2. März 2021 Dr. Paul Kern, Vorstand eines Landmaschinenherstellers, zum Clustersprecher.\n")
    doc = extract_text(text, media_type="text/markdown").document
    assert doc.announcement.title == "Neuer Sprecher für AgriNet Ost"
    assert (doc.announcement.issued, doc.announcement.place) == ("2021-03-04", "Cottbus")
    assert ("Paul Kern", "spokesperson of", "AgriNet Ost", "2021-03-02") in {
        (f.subject, f.relation, f.object, f.date) for f in doc.facts}


def test_named_cluster_after_adjective_is_not_the_announcements_cluster():
    text = ("Leipzig, 3. Mai 2016 – Das Automotive Cluster Ostdeutschland (ACOD) ist mit dem Silber-Label der European "
            "Cluster Excellence Initiative ausgezeichnet worden. ACOD-Geschäftsführer Jens Katzek nahm die Urkunde entgegen. "
            "Der Cluster kooperiert seit 2015 mit dem tschechischen Automobilcluster Autoklastr.")
    got = triples(text)
    assert ("Automotive Cluster Ostdeutschland", "located in", "Tschechien") not in got
    assert ("Automobilcluster Autoklastr", "located in", "Tschechien") in got
    assert ("Jens Katzek", "managing director of", "Automotive Cluster Ostdeutschland") in got
    assert ("Automotive Cluster Ostdeutschland", "partner of", "Automobilcluster Autoklastr") in got


def test_label_granted_by_an_organisation_and_english_anaphor_figures():
    text = ("Heidelberg, 27 January 2022 – BioRN Network e.V., the life science cluster of the Rhine-Neckar region, has "
            "been awarded the \"Cluster Management Excellence Label GOLD\" by the European Secretariat for Cluster "
            "Analysis (ESCA). The cluster, which was one of the winners of the Leading-Edge Cluster Competition of the "
            "German Federal Ministry of Education and Research (BMBF) in 2008, today represents more than 100 members.")
    doc = extract_text(text).document
    got = {(f.subject, f.relation, f.object, f.date) for f in doc.facts}
    assert ("ECEI-Gold-Label", "run by", "European Secretariat for Cluster Analysis", None) in got
    assert ("BioRN Network", "member of programme", "Spitzencluster-Wettbewerb", "2008") in got
    assert ("BioRN Network", "sector", "Life Sciences", None) in got
    assert [(f.subject, f.value, f.qualifier) for f in doc.figures] == [("BioRN Network", 100, "more than")]
    ministries = [e for e in doc.entities if e.type == "Ministry"]
    assert len(ministries) == 1 and ministries[0].iri.endswith("/ministry/bmbf")


def test_acronym_without_brackets_region_parts_and_focus():
    text = ("Augsburg, 1. Dezember 2022 - Der Cluster Umwelttechnik Forum Augsburg e.V. hat seinen Sitz in Landkreis "
            "Augsburg-Mitte. Landkreis Augsburg-Mitte liegt in Bayern. Geschäftsführer von UFA ist André Neumann. "
            "Der Schwerpunkt von UFA liegt auf Umwelttechnik.")
    got = triples(text)
    assert ("André Neumann", "managing director of", "Umwelttechnik Forum Augsburg") in got
    assert ("Landkreis Augsburg-Mitte", "part of", "Bayern") in got
    assert ("Umwelttechnik Forum Augsburg", "sector", "Umwelttechnik") in got
    assert ("Umwelttechnik Forum Augsburg", "located in", "Landkreis Augsburg-Mitte") in got


# --------------------------------------------------------------------------- generalisation rules


def test_affiliation_after_a_person_is_not_the_office():
    got = triples("Kiel, 3. März 2018 – Der Cluster MarinBio Nord e.V. wächst. „Ein guter Tag“, sagte Sprecher "
                  "Prof. Dr. Jonas Peters von der Universität Flensburg.")
    assert ("Jonas Peters", "spokesperson of", "Universität Flensburg") not in got


def test_bracket_assigns_each_holder_to_their_organisation():
    got = triples("Bonn, 4. Mai 2020 – Es unterschrieben die Geschäftsführer: "
                  "Dr. Hanna Weiß (Cluster Rheinwerk) und Paul Ost (Netzwerk Moselkraft), am Montag in Trier.")
    assert ("Hanna Weiß", "managing director of", "Rheinwerk") in got
    assert ("Paul Ost", "managing director of", "Moselkraft") in got
    assert ("Hanna Weiß", "managing director of", "Moselkraft") not in got


def test_role_inside_brackets_binds_to_the_bracketed_organisation():
    got = triples("Leipzig, 1. Juni 2021 – Das Netzwerk Elsterwerk e.V. lädt ein. Es sprach Mia Falk "
                  "(Geschäftsführerin des Netzwerks Saalekraft).")
    assert ("Mia Falk", "managing director of", "Saalekraft") in got
    assert ("Mia Falk", "managing director of", "Elsterwerk") not in got


def test_relative_clause_role():
    got = triples("Ulm, 2. Juli 2020 – Der Cluster DonauTech e.V. feiert. „Wir sind stolz“, sagt Jan Roth, "
                  "der die Geschäftsstelle seit 2015 als Geschäftsführer leitet.")
    assert ("Jan Roth", "managing director of", "DonauTech") in got
    assert not any(o == "leitet" for _, _, o in got)


@pytest.mark.parametrize("aim", ["hat das Gold-Label für das nächste Jahr im Blick",
                                 "hat das Gold-Label anvisiert",
                                 "will perspektivisch das Gold-Label erhalten"])
def test_aims_are_not_awards(aim):
    got = triples(f"Bremen, 3. März 2022 – Der Cluster HafenLog e.V. {aim}.")
    assert not any(r == "awarded label" for _, r, _ in got)


def test_english_aims_are_not_awards():
    for aim in ("targets the Gold label next year", "has its sights on the Gold label"):
        got = triples(f"Leeds, 3 March 2022 – The cluster YorkBio Network Ltd {aim}.")
        assert not any(r == "awarded label" for _, r, _ in got), aim


def test_aim_in_blick_is_a_prospect():
    got = triples("Bremen, 3. März 2022 – Der Cluster HafenLog e.V. hat das Gold-Label für 2023 im Blick.")
    assert ("HafenLog", "prepares for label", "ECEI-Gold-Label") in got


def test_joint_announcement_does_not_pick_one_party_for_the_network_anaphor():
    got = triples("Zwei Netzwerke kooperieren\n\nGera/Kassel, 2. Mai 2019 – Der GeraTex e.V. und der OptoNetz Kassel e.V. "
                  "kooperieren. GeraTex bringt Wissen ein, OptoNetz Kassel Geräte. "
                  "Das hessische Netzwerk mit Sitz in Kassel leitet das Projekt. GeraTex freut sich.")
    assert ("GeraTex", "located in", "Kassel") not in got
    assert ("GeraTex", "located in", "Hessen") not in got


def test_cluster_for_topic_in_region():
    got = triples("Mainz, 1. Mai 2024 – WeinTech Mosel e.V. is the cluster for wine technology in Rheinland-Pfalz.")
    assert ("WeinTech Mosel", "located in", "Rheinland-Pfalz") in got


def test_regional_adjective_below_land_level():
    got = triples("Augsburg, 1. Mai 2022 – Der schwäbische Cluster LuftWerk Augsburg e.V. erhielt eine Förderung.")
    assert ("LuftWerk Augsburg", "located in", "Schwaben") in got



def test_sector_named_by_compound_and_phrase_outside_the_lexicon():
    got = triples("Kiel, 2. April 2013 – Der Kunststoff- und Keramikcluster KeraNet Nord e.V. wurde in das "
                  "Programm go-cluster aufgenommen.")
    assert {o for _, r, o in got if r == "sector"} == {"Kunststoff", "Keramik"}  # coordinated fields: one sector each
    got = triples("Jena, 3. Mai 2019 – Das Netzwerk GlasNet Thüringen e.V. wurde in das Programm go-cluster "
                  "aufgenommen. GlasNet Thüringen ist das Netzwerk der Glas-Branche in Thüringen.")
    assert ("GlasNet Thüringen", "sector", "Glas") in got
    got = triples("Bonn, 1. Juni 2020 – Das Cluster RoboNet Rhein wurde in das Programm go-cluster aufgenommen. "
                  "RoboNet Rhein ist das Cluster für Robotik in Nordrhein-Westfalen.")
    assert ("RoboNet Rhein", "sector", "Robotik") in got
    got = triples("Berlin, 4 March 2021 – The TexNet Lausitz cluster has joined the go-cluster programme. "
                  "TexNet Lausitz is the cluster for smart textiles in Brandenburg.")
    assert ("TexNet Lausitz", "sector", "smart textiles") in got


@pytest.mark.parametrize("text", [
    "Dresden, 3. Mai 2019 – Der Spitzencluster Silicon Saxony wurde ausgezeichnet. Der Innovationscluster ist ein "
    "Zukunftscluster.",
    "Berlin, 4 March 2021 – The TexNet Lausitz cluster has joined the go-cluster programme. TexNet Lausitz is the "
    "leading cluster in Brandenburg.",
    "Hamburg, 3 May 2019 – The Hamburg cluster MarNet has joined the go-cluster programme. The Bavarian cluster is new.",
])
def test_standing_and_place_words_are_no_sector(text):
    assert not [t for t in triples(text) if t[1] == "sector"]


def test_sector_phrase_recogniser_and_normalisation():
    from clustergraph.extract.sector_phrases import normalise, sector_phrases

    names = lambda text: [p.name for p in sector_phrases(text)]  # noqa: E731
    assert names("Der Life-Sciences-Cluster wächst.") == ["Life Sciences"]
    assert names("Firmen in der Holz-Branche und im Bereich Kreislaufwirtschaft.") == ["Holz", "Kreislaufwirtschaft"]
    assert names("It works in the fields of robotics, and supplies the glass industry.") == ["robotics", "glass"]
    assert names("Das Programm go-cluster und die Euroclusters.") == []
    assert names("Der Bayerncluster und der Spitzencluster.") == []
    assert normalise("Life-Sciences") == "Life Sciences"
