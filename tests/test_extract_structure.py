"""Structured and conversational documents: key-value rows, definition lists, "Über uns" pages,
interviews, unmarked lists and changes of name (extract/key_values.py, extract/discourse.py,
extract/org_names.py, extract/htmltext.py)."""

from __future__ import annotations

import pytest

from clustergraph.extract.discourse import segment
from clustergraph.extract.htmltext import site_name
from clustergraph.extract.key_values import row_field
from clustergraph.extract.org_names import compound_names, renames
from clustergraph.extract.pipeline import extract_text
from clustergraph.extract.sentences import split_sentences
from extract_helpers import extracted_facts, fact_triples


def facts(text: str, media_type: str = "text/plain") -> set[tuple[str, str, str]]:
    return fact_triples(text, source="test", media_type=media_type)


def subjects_of(found, relation: str, obj: str) -> set[str]:
    return {s for s, r, o in found if r == relation and o == obj}


DE_CARDS = """Ergebnisse des Förderaufrufs 2019

Stand: 03.06.2019

Zwei Netzwerke erhalten eine Zuwendung des Landes.

KeramNet Oberlausitz

Sitz: Görlitz (Sachsen)

Branche: Technische Keramik

Vorhaben: Digitalisierung der Brennöfen

Zuwendung: 80.000 Euro

HolzKette Vogelsberg

Sitz: Lauterbach (Hessen)

Branche: Holzbau

Vorhaben: Weiterbildung in Robotik

Zuwendung: 60.000 Euro
"""


def test_definition_list_cards_give_seat_land_and_sector_per_card():
    found = facts(DE_CARDS)
    assert ("KeramNet Oberlausitz", "located in", "Görlitz") in found
    assert ("KeramNet Oberlausitz", "located in", "Sachsen") in found
    assert ("KeramNet Oberlausitz", "sector", "Technische Keramik") in found
    assert ("HolzKette Vogelsberg", "located in", "Hessen") in found
    assert ("HolzKette Vogelsberg", "sector", "Holzbau") in found


def test_definition_list_cards_keep_projects_and_other_cards_apart():
    found = facts(DE_CARDS)
    assert ("HolzKette Vogelsberg", "located in", "Sachsen") not in found  # the other card's Land
    assert not any(r == "sector" and "Robotik" in o for _, r, o in found)  # the project topic
    assert not any(r == "sector" and "Brennöfen" in o for _, r, o in found)


EN_PROFILE = """<html><head><title>MarineBot Flanders</title></head><body><main>
<h1>MarineBot Flanders</h1>
<table>
<tr><th>Country</th><td>Belgium</td></tr>
<tr><th>City</th><td>Ostend</td></tr>
<tr><th>Industrial sectors</th><td>Marine robotics; Offshore wind</td></tr>
<tr><th>Target markets</th><td>Shipping; Fisheries</td></tr>
<tr><th>Head of cluster management</th><td>Dr. Ines Vermeulen</td></tr>
<tr><th>Contact person</th><td>Tom Claessens, Project Manager</td></tr>
<tr><th>Quality labels</th><td>BRONZE – awarded 05/2023 GOLD – assessment planned for 2026</td></tr>
<tr><th>Cooperation partners</th><td>OceanTech Bergen – Bergen (Norway)</td></tr>
</table>
<p>MarineBot Flanders connects shipyards, robot makers and research labs along the Belgian coast.</p>
<p>Last updated: 3 March 2025</p>
</main></body></html>"""


def test_profile_table_rows_give_place_sector_director_label_partner():
    found = facts(EN_PROFILE, "text/html")
    assert ("MarineBot Flanders", "located in", "Ostend") in found
    assert ("MarineBot Flanders", "sector", "Marine robotics") in found
    assert ("MarineBot Flanders", "sector", "Offshore wind") in found
    assert ("Ines Vermeulen", "managing director of", "MarineBot Flanders") in found
    assert ("MarineBot Flanders", "partner of", "OceanTech Bergen") in found
    assert ("OceanTech Bergen", "located in", "Bergen") in found
    assert any(r == "awarded label" and "Bronze" in o for _, r, o in found)
    assert any(r == "prepares for label" and "Gold" in o for _, r, o in found)


def test_profile_table_rows_not_read_as_facts():
    found = facts(EN_PROFILE, "text/html")
    assert not any(r == "sector" and o in ("Shipping", "Fisheries") for _, r, o in found)  # target markets
    assert ("Tom Claessens", "managing director of", "MarineBot Flanders") not in found  # a contact person
    assert not any(r == "awarded label" and "Gold" in o for _, r, o in found)  # only planned


def test_an_event_box_is_no_profile():
    text = ("ChemNet Lausitz lädt ein\n\nDas Netzwerk ChemNet Lausitz aus Schwarzheide lädt zum Praxistag.\n\n"
            "Ort: Cottbus\n\nDatum: 4. Mai 2023\n")
    found = facts(text)
    assert ("ChemNet Lausitz", "located in", "Cottbus") not in found


@pytest.mark.parametrize("line, expected", [
    ("Branche: Faserverbund-Leichtbau", ("sector", "Faserverbund-Leichtbau")),
    ("Region (NUTS 2) | Brandenburg (DE40)", ("region", "Brandenburg (DE40)")),
    ("Chair of the board: Eva Lind", ("chair", "Eva Lind")),
    ("Kontakt: Tim Roth", None),
    ("Founded | 2011", None),
])
def test_row_field(line, expected):
    assert row_field(line) == expected


ABOUT_PAGE = """<html><head><title>Über uns | KlimaWerk Emscher</title></head><body>
<header><a class="logo" href="/">KlimaWerk Emscher</a></header>
<main><h1>Über uns</h1>
<p>Wir sind das Netzwerk der Klimatechnik im Ruhrgebiet. Rund 80 Mitgliedsunternehmen arbeiten bei uns an gemeinsamen Projekten.</p>
<h2>Wo Sie uns finden</h2>
<p>Unsere Geschäftsstelle befindet sich in Bottrop. Veranstaltungen richten wir bei unseren Mitgliedern aus.</p>
<h2>Partner</h2>
<p>Mit dem Netzwerk KälteNord Kiel verbindet uns ein Erfahrungsaustausch.</p>
</main></body></html>"""


def test_about_page_speaks_for_the_site_named_in_its_title():
    found = facts(ABOUT_PAGE, "text/html")
    assert ("KlimaWerk Emscher", "located in", "Bottrop") in found
    assert ("KälteNord Kiel", "located in", "Bottrop") not in found  # a partner named once is not "wir"


def test_site_name_needs_a_headline_and_a_name():
    assert site_name("Über uns | KlimaWerk Emscher", "Über uns") == "KlimaWerk Emscher"
    assert site_name("Aktuelles | Netzwerk", "Netzwerk") is None
    assert site_name("KlimaWerk Emscher", "Über uns") is None


INTERVIEW = """# "We want Gold": four questions for Anna Berg, SkyWerk Allgäu

Dr. Anna Berg has been managing director of SkyWerk Allgäu since May 2020.

## Where do we find you?

Our office is in Kempten, next to the university. Our members sit all over Swabia.

## What do your members make?

Medical imaging, above all ultrasound probes and image software.

## And what is next?

Robotics and logistics are where our members want to grow.

## Who pays for the cluster management?

We are funded by the Bavarian State Ministry of Economic Affairs, Regional Development and Energy.

Interview: Jonas Wolf
"""


def test_interview_we_is_the_interviewees_cluster():
    found = facts(INTERVIEW, "text/markdown")
    assert any(s == "SkyWerk Allgäu" and r == "located in" and o.startswith("Kempten") for s, r, o in found)
    assert ("Anna Berg", "managing director of", "SkyWerk Allgäu") in found


def test_interview_interviewer_is_not_an_office_holder():
    found = facts(INTERVIEW, "text/markdown")
    assert not any(s == "Jonas Wolf" for s, _, _ in found)


RENAME_DE = """Aus dem Holzverbund Rhön wird TimberHub

Fulda, 3. Mai 2022 – Zum 1. Mai 2022 hat der Holzverbund Rhön e.V. seinen Namen geändert: Der Verein heißt jetzt TimberHub Rhön e.V.

Der Sitz bleibt in Fulda. Der Holzverbund Rhön hat 2019 das Bronze-Label der European Cluster Excellence Initiative erhalten.

Die Festrede hielt der Gründer des Netzwerks HolzForum Spessart aus Aschaffenburg.
"""


def test_a_renamed_cluster_keeps_the_facts_stated_under_its_old_name():
    result = extract_text(RENAME_DE, source="test")
    names = {e.name: e for e in result.document.entities}
    renamed = [e for e in result.document.entities if "Holzverbund Rhön" in [e.name, *e.aliases]]
    assert len(renamed) == 1 and "TimberHub" in " ".join([renamed[0].name, *renamed[0].aliases])
    found = {(f.subject, f.relation, f.object) for f in result.document.facts}
    assert any(s == renamed[0].name and r == "awarded label" for s, r, _ in found)
    assert "Holzverbund Rhön" not in names or names["Holzverbund Rhön"] is renamed[0]


def test_a_rename_does_not_merge_a_cluster_named_beside_it():
    result = extract_text(RENAME_DE, source="test")
    renamed = next(e for e in result.document.entities if "Holzverbund Rhön" in [e.name, *e.aliases])
    assert "HolzForum Spessart" not in [renamed.name, *renamed.aliases]
    found = {(f.subject, f.relation, f.object) for f in result.document.facts}
    assert (renamed.name, "located in", "Aschaffenburg") not in found


@pytest.mark.parametrize("sentence, expected", [
    ("MedLink Baltic, formerly known as Health Network Lübeck, won the Silver label.",
     [("Health Network Lübeck", "MedLink Baltic")]),
    ("Das Netzwerk ChemCoast (vormals Chemieverbund Unterelbe) wächst.", [("Chemieverbund Unterelbe", "ChemCoast")]),
    ("Solar Alliance Saxony was renamed SunHub Saxony in 2020.", [("Solar Alliance Saxony", "SunHub Saxony")]),
    ("MedLink Baltic works with Health Network Lübeck.", []),
    ("Aus dem Netzwerk wird ein Verein.", []),
])
def test_renames(sentence, expected):
    assert renames(sentence) == expected


DISTRICT = """Landkreis Vulkaneifel · Pressestelle
Pressemitteilung vom 12.06.2025

Bronze für das Glasnetz Eifel

Das Bronze-Label der European Cluster Excellence Initiative hat das Glasnetz Eifel am Montag erhalten.

„Ein schöner Erfolg“, sagte der Landrat.
"""


def test_a_district_release_is_about_the_network_its_headline_names():
    found = facts(DISTRICT)
    assert any(s == "Glasnetz Eifel" and r == "awarded label" for s, r, _ in found)
    assert not any(s.startswith("Landkreis") and r == "awarded label" for s, r, _ in found)


def test_compound_names_need_a_second_mention():
    assert compound_names("Das Glasnetz Eifel wächst. Glasnetz Eifel gewinnt.") == {"Glasnetz Eifel": "Eifel"}
    assert compound_names("Im Logistiknetz Europas fehlt ein Knoten.") == {}


def test_a_compound_name_needs_a_known_place():
    found = facts(DISTRICT.replace("Glasnetz Eifel", "Glasnetz Wunderland"))
    assert not any(s == "Glasnetz Wunderland" for s, _, _ in found)


DL_PROFILE = """<html><head><title>Clusterprofil</title></head><body><main>
<h1>PhotonNet Jena</h1>
<p>PhotonNet Jena verbindet Hersteller optischer Systeme mit den Instituten der Region.</p>
<dl>
<dt>Sitz</dt><dd>Jena (Thüringen)</dd>
<dt>Branchen</dt><dd>Optik; Photonik</dd>
<dt>Geschäftsführung</dt><dd>Dr. Karla Winter</dd>
<dt>Ansprechpartner Presse</dt><dd>Ole Brand</dd>
<dt>Vorhaben</dt><dd>Lasersicherheit in der Ausbildung</dd>
</dl>
<h2>Förderung</h2>
<p>Bis 2021 förderte uns das Land Thüringen; heute tragen wir uns aus Mitgliedsbeiträgen, wie auch der Partner Laserforum Erfurt.</p>
</main></body></html>"""


def test_definition_list_with_field_terms_gives_profile_facts():
    found = facts(DL_PROFILE, "text/html")
    assert ("PhotonNet Jena", "located in", "Jena") in found
    assert ("PhotonNet Jena", "located in", "Thüringen") in found
    assert ("PhotonNet Jena", "sector", "Photonik") in found
    assert ("Karla Winter", "managing director of", "PhotonNet Jena") in found


def test_definition_list_keeps_press_contacts_projects_and_prose_out():
    found = facts(DL_PROFILE, "text/html")
    assert ("Ole Brand", "managing director of", "PhotonNet Jena") not in found
    assert not any(r == "sector" and "Laser" in o for _, r, o in found)
    assert not any(r == "funded by" for _, r, _ in found)  # former funding, stated in prose under a heading


TEAM_CARDS = """<html><head><title>Team | PhotonNet Jena</title></head><body><main>
<h1>Team</h1>
<p>PhotonNet Jena verbindet Hersteller optischer Systeme. Sitz: Jena</p>
<p>Branchen: Optik</p>
<p>Dr. Karla Winter</p><p>Geschäftsführerin</p>
<p>Ole Brand</p><p>Presse</p>
<p>Ralf Schenk</p><p>Vorstandsvorsitzender</p>
<p>Mira Kühn</p><p>Stellvertretende Vorsitzende</p>
</main></body></html>"""


def test_team_cards_are_names_over_roles_not_keys_over_values():
    found = facts(TEAM_CARDS, "text/html")
    assert ("Ole Brand", "managing director of", "PhotonNet Jena") not in found
    assert ("Mira Kühn", "spokesperson of", "PhotonNet Jena") not in found


def test_interview_answer_fragment_to_a_field_question_gives_sectors():
    found = facts(INTERVIEW, "text/markdown")
    sectors = {o for s, r, o in found if s == "SkyWerk Allgäu" and r == "sector"}
    assert any("ltrasound" in o or "Ultraschall" in o for o in sectors)
    assert not any("Robotic" in o or "Logisti" in o for o in sectors)  # a sentence about plans, not a fragment


IMPRINT = """KälteNord Kiel gewinnt Silber

Kiel, 4. Mai 2023 – Das Netzwerk KälteNord Kiel hat das Silber-Label der European Cluster Excellence Initiative erhalten.

Impressum

Herausgeber: Agentur Nordlicht GmbH

Sitz: Hamburg

Geschäftsführer: Jens Paulsen
"""


def test_an_imprint_is_the_publishers_not_the_clusters_profile():
    found = facts(IMPRINT)
    assert ("KälteNord Kiel", "located in", "Hamburg") not in found


def test_bulleted_key_value_lines():
    text = ("KeramNet Oberlausitz im Profil\n\nKeramNet Oberlausitz bündelt Keramikbetriebe der Region.\n\n"
            "• Sitz: Görlitz (Sachsen)\n• Branche: Technische Keramik\n")
    found = facts(text)
    assert ("KeramNet Oberlausitz", "located in", "Görlitz") in found
    assert ("KeramNet Oberlausitz", "sector", "Technische Keramik") in found


UNMARKED_LIST = """Three clusters start a joint export project

Hamburg, 3 March 2020. Three clusters from three countries will look for customers in Chile and Peru together, with a joint office and a shared trade-fair stand.

The partners at a glance:
HarborTec Elbe, the port logistics cluster based in Hamburg
VinoVerde Minho from Braga, the cluster for wine technology in Portugal
AgriLink Flandern from Ghent, the cluster for farm machinery in Flanders

"We start in April with a first delegation trip, and we hope to sign the first contracts by the end of the year," said a spokesperson.
"""


def test_lines_under_an_introducing_colon_are_list_items_each_about_its_own_cluster():
    found = facts(UNMARKED_LIST)
    assert any(s == "VinoVerde Minho" and r == "located in" and o == "Braga" for s, r, o in found)
    assert not any(s == "HarborTec Elbe" and r == "located in" and o == "Braga" for s, r, o in found)
    assert not any(s == "VinoVerde Minho" and r == "located in" and o == "Hamburg" for s, r, o in found)


def test_an_unmarked_list_ends_at_a_blank_line():
    text = "Intro:\nAlpha, a cluster\nBeta, a cluster\n\nGamma is not in the list."
    sentences = split_sentences(text)
    items = segment(text, sentences, "en")
    bullets = [i for i in items if i.bullet]
    assert len(bullets) == 2 and all(not i.bullet for i in items if sentences[i.start].text.startswith("Gamma"))


INTERVIEW_DE = """# Fünf Fragen an Lena Vogt, MedTechNord

Seit drei Jahren führt Lena Vogt die Geschäfte. Wir haben sie in Lübeck getroffen.

## Wo sitzt das Netzwerk?

Unsere Geschäftsstelle befindet sich in Lübeck. Unsere Mitglieder kommen aus ganz Schleswig-Holstein.

## Welche Branchen vertreten Ihre Mitglieder?

Medizintechnik und Labordiagnostik.

Interview: Paul Sander
"""


def test_german_interview_named_in_the_title_speaks_for_its_cluster():
    found = facts(INTERVIEW_DE, "text/markdown")
    assert ("MedTechNord", "located in", "Lübeck") in found
    assert any(s == "MedTechNord" and r == "sector" and "Medizintechnik" in o for s, r, o in found)
    assert not any(s == "Paul Sander" for s, _, _ in found)


ONE_ROW_TABLE = """<html><head><title>HafenNetz Warnow</title></head><body><main>
<h1>HafenNetz Warnow im Profil</h1>
<p>HafenNetz Warnow bündelt Reedereien, Terminalbetreiber und Softwarehäuser an der Ostseeküste.</p>
<table><tr><th>Sitz</th><th>Branche</th><th>Gründung</th></tr>
<tr><td>Rostock (Mecklenburg-Vorpommern)</td><td>Hafenlogistik</td><td>2009</td></tr></table>
</main></body></html>"""

MANY_ROW_TABLE = ONE_ROW_TABLE.replace(
    "</table>", "<tr><td>Wismar (Mecklenburg-Vorpommern)</td><td>Schiffbau</td><td>2011</td></tr></table>")


def test_a_one_row_table_without_a_name_column_is_the_documents_profile():
    found = facts(ONE_ROW_TABLE, "text/html")
    assert ("HafenNetz Warnow", "located in", "Rostock") in found
    assert ("HafenNetz Warnow", "sector", "Hafenlogistik") in found


def test_a_table_of_several_rows_is_not_one_profile():
    found = facts(MANY_ROW_TABLE, "text/html")
    assert ("HafenNetz Warnow", "located in", "Wismar") not in found
    assert ("HafenNetz Warnow", "sector", "Schiffbau") not in found


NUMBERED_NEWSLETTER = """Netzwerkbrief Nordhessen · Ausgabe 2/2022

1. Zukunftscluster: KasselDrive gewinnt

Das Kasseler Netzwerk KasselDrive zählt zu den Gewinnern der Zukunftscluster-Initiative. Das Netzwerk hat seinen Sitz in Baunatal.

2. Silber bestätigt: FuldaFood

Das Netzwerk FuldaFood mit Sitz in Fulda hat das Silber-Label der European Cluster Excellence Initiative erhalten.
"""


def test_numbered_headings_with_a_kicker_are_items_about_the_name_after_the_colon():
    found = facts(NUMBERED_NEWSLETTER)
    assert ("FuldaFood", "located in", "Fulda") in found
    assert ("KasselDrive", "located in", "Fulda") not in found


def test_a_loose_numbered_list_stays_a_list():
    text = "Die Gewinner:\n\n1. AlphaNet (Kiel)\n\n2. BetaNet (Jena)\n\nAlle erhalten Geld."
    items = segment(text, split_sentences(text), "de")
    assert not any(item.headings for item in items)


PARAGRAPH_ENTRIES = """CLUSTER FORUM 2024

The forum brings together three networks from three countries for two days of workshops and site visits.

ABOUT THE PARTICIPATING NETWORKS

RheinChem – the network of the chemical industry based in Ludwigshafen.

SaarMobil – the network of the automotive industry based in Saarlouis.

BodenSee – a wood-processing cluster from Konstanz.
"""


def test_paragraphs_opening_with_a_name_and_a_dash_are_entries_about_that_name():
    found = facts(PARAGRAPH_ENTRIES)
    assert ("SaarMobil", "located in", "Saarlouis") in found
    assert ("RheinChem", "located in", "Saarlouis") not in found
    assert ("SaarMobil", "located in", "Ludwigshafen") not in found


def test_a_compound_name_only_in_passing_is_left_to_name_discovery():
    text = ("Neue Leitung\n\nDas Glasnetz Eifel hat eine neue Geschäftsführerin. Sie leitete bisher das Glasnetz Eifel "
            "in Daun als Projektleiterin.\n")
    result = extract_text(text, source="test")
    assert "Glasnetz Eifel" not in {e.name for e in result.document.entities}


# --- the issue date of pages without a dateline (metadata.py, htmltext.py) ---------------------------------

def issued(text: str, media_type: str = "text/plain") -> str | None:
    return extract_text(text, source="test", media_type=media_type).document.announcement.issued


_LONG_DE = ("KunststoffNetz Sauerland\n\n" + "Das Netzwerk bündelt die Kompetenzen seiner Mitglieder. " * 10 +
            "\n\nDas Netzwerk KunststoffNetz Sauerland ist Mitglied der Initiative go-cluster.\n\n")
_LONG_EN = ("PolyMesh Rhine\n\n" + "The network pools the know-how of its members. " * 10 +
            "\n\nPolyMesh Rhine is a member of the go-cluster programme.\n\n")


@pytest.mark.parametrize("tail, iso", [
    ("Stand: 03/2023", "2023-03"),
    ("Stand: 14.03.2023", "2023-03-14"),
    ("Zuletzt aktualisiert am 5. Mai 2022", "2022-05-05"),
    ("Veröffentlicht am 3. Mai 2022", "2022-05-03"),
    ("Zuletzt aktualisiert am 5. Mai 2022\nVeröffentlicht am 3. Mai 2022", "2022-05-03"),  # published wins
])
def test_a_labelled_date_line_at_the_end_of_a_german_page_dates_it(tail, iso):
    text = _LONG_DE + tail + "\n"
    assert issued(text) == iso
    member = extracted_facts(text, relation="member of programme")
    assert [f.date for f in member] == [iso]


@pytest.mark.parametrize("tail, iso", [
    ("Last updated: 2 March 2023", "2023-03-02"),
    ("Published: 12 May 2021", "2021-05-12"),
    ("Imprint · Privacy · Last updated: September 2018", "2018-09"),
])
def test_a_labelled_date_line_at_the_end_of_an_english_page_dates_it(tail, iso):
    assert issued(_LONG_EN + tail + "\n") == iso


def test_a_date_after_stand_that_is_no_date_line_does_not_date_the_page():
    assert issued(_LONG_DE + "Das entspricht dem Stand der Technik 2030 in der Branche.\n") is None
    assert issued(_LONG_EN + "The plan was updated in a workshop in March 2023 with all members.\n") is None


def test_an_event_date_or_a_job_start_near_the_top_is_not_the_issue_date():
    invitation = ("Einladung\n\nForum Kunststoff\n\nTermin: Donnerstag, 22. September 2022, 9:30 Uhr\n"
                  "Ort: Stadthalle Arnsberg\n\nDas KunststoffNetz Sauerland lädt ein.\n")
    assert issued(invitation) is None
    vacancy = "JOB VACANCY\n\nPolyMesh Rhine is looking for a\n\nProject Manager\nfull-time, starting 1 July 2023\n\nWho we are\n"
    assert issued(vacancy) is None


def test_the_issue_number_of_a_periodical_gives_its_year():
    assert issued("Clusterpraxis – Ausgabe 3/2023\n\nDas KunststoffNetz Sauerland wächst weiter.\n") == "2023"


_PAGE = ("<html><head>{head}<title>Über uns | KunststoffNetz Sauerland</title></head><body><main><h1>Über uns</h1>"
         "<p>Wir sind das nordrhein-westfälische Netzwerk der Kunststoffverarbeiter. Wir sind Mitglied der Initiative "
         "go-cluster. Unsere Mitglieder kommen aus Industrie und Forschung, sie arbeiten in Projekten zusammen.</p>"
         "</main><footer>{footer}</footer></body></html>")


def test_html_footer_json_ld_and_modified_meta_date_a_page():
    assert issued(_PAGE.format(head="", footer="Impressum · Datenschutz · Stand: Februar 2024"), "text/html") == "2024-02"
    assert issued(_PAGE.format(head="", footer='Zuletzt aktualisiert: <time datetime="2022-11-03">3.11.2022</time>'),
                  "text/html") == "2022-11-03"
    ld = '<script type="application/ld+json">{"@type": "WebPage", "datePublished": "2021-06-15"}</script>'
    assert issued(_PAGE.format(head=ld, footer=""), "text/html") == "2021-06-15"
    modified = '<meta property="article:modified_time" content="2023-04-01T10:00:00Z">'
    assert issued(_PAGE.format(head=modified, footer=""), "text/html") == "2023-04-01"
    published = '<meta property="article:published_time" content="2020-01-20">'
    assert issued(_PAGE.format(head=modified + published, footer="Stand: Februar 2024"), "text/html") == "2020-01-20"
    assert issued(_PAGE.format(head="", footer="Impressum · Datenschutz"), "text/html") is None


# --- sidebars and footers of web pages (htmltext.py) ---------------------------------------------------------

_SIDEBAR_PAGE = """<html><head><title>Neues Mitglied | KunststoffNetz Sauerland</title></head><body>
<main><article><h1>KunststoffNetz Sauerland begrüßt neues Mitglied</h1>
<p>Das Netzwerk KunststoffNetz Sauerland wächst weiter: Mit der Firma Formteil GmbH zählt es nun 90 Mitglieder aus der
Kunststoffverarbeitung. Die Mitglieder arbeiten in Projekten zur Kreislaufwirtschaft zusammen.</p></article>
<aside class="sidebar"><h2>Weitere Meldungen</h2><ul><li>FoamNet Bayern: Geschäftsführer: Peter Schaum</li></ul>
<h2>Ansprechpartner</h2><p><strong>Geschäftsführung:</strong><br>Dr. Anna Beispiel</p>
<p><strong>Pressekontakt:</strong><br>Lena Muster</p></aside></main>
<footer><p>Gefördert vom Ministerium für Wirtschaft, Industrie, Klimaschutz und Energie des Landes Nordrhein-Westfalen</p>
<p>Impressum · Datenschutz</p></footer></body></html>"""


def test_a_sidebar_contact_box_and_a_footer_funding_line_speak_for_the_site():
    found = facts(_SIDEBAR_PAGE, "text/html")
    assert ("Anna Beispiel", "managing director of", "KunststoffNetz Sauerland") in found
    assert any(s == "KunststoffNetz Sauerland" and r == "funded by" and "Nordrhein-Westfalen" in o for s, r, o in found)
    # teasers of other news, and the press contact, are left out
    assert not any("Peter Schaum" in s or "Lena Muster" in s for s, _, _ in found)


def test_officers_in_an_imprint_footer_are_not_the_sites_cluster():
    page = _SIDEBAR_PAGE.replace("<p>Impressum · Datenschutz</p>", "<p>Impressum</p><p>Geschäftsführer: Max Mustermann</p>"
                                 "<p>Registergericht: Amtsgericht Arnsberg, HRB 12345</p>").replace(
        "<h2>Ansprechpartner</h2><p><strong>Geschäftsführung:</strong><br>Dr. Anna Beispiel</p>", "")
    found = facts(page, "text/html")
    assert not any("Mustermann" in s for s, _, _ in found)
    assert any(r == "funded by" for _, r, _ in found)  # the funding line of the same footer still counts


def test_an_english_sidebar_office_line_names_who_runs_a_programme():
    page = ("<html><body><main><h1>go-cluster welcomes new members</h1><p>Twelve networks joined the go-cluster programme "
            "of the Federal Ministry for Economic Affairs and Energy this month. PolyMesh Rhine is one of them; it brings "
            "together plastics processors of the Rhineland.</p></main>"
            "<footer><p>The go-cluster office is run on behalf of the BMWi by VDI/VDE Innovation + Technik GmbH.</p>"
            "<p>Imprint · Privacy</p></footer></body></html>")
    found = facts(page, "text/html")
    assert any(s == "go-cluster" and r == "run by" and o.startswith("VDI/VDE") for s, r, o in found)
