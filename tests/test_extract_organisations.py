"""Organisations, programmes, funding and partnerships (issue 4, E3): small sentences written for
these tests, in German and English, each with the tempting wrong reading it must not produce."""

from __future__ import annotations

import pytest

from clustergraph.extract.discovery import brand_clusters
from clustergraph.extract.gazetteer import default_gazetteer
from clustergraph.extract.pipeline import extract_text
from extract_helpers import extracted_facts, fact_triples


def facts(text: str) -> set[tuple[str, str, str]]:
    return fact_triples(text, source="t.txt")


def dated(text: str) -> dict[tuple[str, str, str], str | None]:
    return {(f.subject, f.relation, f.object): f.date for f in extracted_facts(text, source="t.txt")}


ZIM = "Zentrales Innovationsprogramm Mittelstand"
BMWK = "Bundesministerium für Wirtschaft und Klimaschutz"


# --------------------------------------------------------------------------- reference data

@pytest.mark.parametrize("name", [ZIM, "Central Innovation Programme for SMEs", "ZIM", "Zentralen Innovationsprogramm Mittelstand"])
def test_zim_is_one_programme_in_both_languages(name):
    entry = default_gazetteer().lookup(name, type="Programme")
    assert entry is not None and entry.name == ZIM


@pytest.mark.parametrize("name, expected", [
    ("ERDF", "Europäischer Fonds für regionale Entwicklung"),
    ("EFRE", "Europäischer Fonds für regionale Entwicklung"),
    ("Bavarian Cluster Offensive", "Cluster-Offensive Bayern"),
    ("Euroclusters", "Euroclusters"),
    ("Single Market Programme", "Binnenmarktprogramm"),
])
def test_programmes_the_domain_names_are_known(name, expected):
    assert default_gazetteer().lookup(name, type="Programme").name == expected


def test_a_land_ministry_name_resolves_by_the_announcement_date():
    gazetteer = default_gazetteer()
    assert "Wohnungsbau" in gazetteer.lookup("Wirtschaftsministerium Baden-Württemberg", date="2019-11-15").name
    assert "Tourismus" in gazetteer.lookup("Wirtschaftsministerium Baden-Württemberg", date="2023-01-10").name


# --------------------------------------------------------------------------- discovery

def test_a_brand_with_a_capitalised_cluster_noun_is_a_cluster():
    assert [c.name for c in brand_clusters("Das OptoMesh Netzwerk wächst.", 0, 29)] == ["OptoMesh Netzwerk"]
    assert brand_clusters("Das neue Netzwerk wächst.", 0, 25) == []  # no brand, no name


def test_a_known_programme_is_not_rediscovered_as_an_organisation():
    text = ("Jahresbericht\n\nKiel, 3. März 2020. Das Netzwerk HafenLog wird vom Land gefördert, kofinanziert aus dem "
            "European Regional Development Fund (ERDF).\n")
    document = extract_text(text, source="t.txt").document
    types = {e.name: e.type for e in document.entities}
    assert types.get("Europäischer Fonds für regionale Entwicklung") == "Programme"
    assert "European Regional Development Fund" not in types


# --------------------------------------------------------------------------- membership

def test_active_admission_to_a_land_programme_en():
    text = ("Satellite news\n\nMunich, 2 May 2021 – The Bavarian State Ministry of Economic Affairs, Regional Development "
            "and Energy has admitted the GeoSignal Cluster, a network of 40 firms, to the Cluster-Offensive Bayern "
            "with effect from 1 June 2021.\n")
    found = dated(text)
    assert found[("GeoSignal Cluster", "member of programme", "Cluster-Offensive Bayern")] == "2021-06-01"
    # the tempting reading: the ministry that admits is not a member
    assert not any(f[0].startswith("Bayerisches") and f[1] == "member of programme" for f in found)


def test_funded_as_a_zim_network_is_membership_and_the_ministry_pays_de():
    text = ("Neues Netzwerk\n\nHannover, 5. Mai 2023. Das Netzwerk HolzWerk Nord wird seit 2022 als "
            "ZIM-Innovationsnetzwerk vom Bundesministerium für Wirtschaft und Klimaschutz (BMWK) gefördert.\n")
    found = dated(text)
    assert found[("HolzWerk Nord", "member of programme", ZIM)] == "2022"
    assert found[("HolzWerk Nord", "funded by", BMWK)] == "2022"
    assert (ZIM, "run by", BMWK) in found
    assert ("HolzWerk Nord", "funded by", ZIM) not in found  # the ministry pays, through its programme


def test_funded_under_zim_of_the_ministry_en():
    text = ("FieldSense Nord launches as ZIM innovation network\n\nBerlin, 10 August 2022 – Their network, FieldSense Nord, has been funded under the Central "
            "Innovation Programme for SMEs (ZIM) of the Federal Ministry for Economic Affairs and Climate Action (BMWK) "
            "since 1 August 2022.\n")
    found = dated(text)
    assert found[("FieldSense Nord", "funded by", BMWK)] == "2022-08-01"
    assert found[("FieldSense Nord", "member of programme", ZIM)] == "2022-08-01"
    assert ("FieldSense Nord", "funded by", ZIM) not in found


def test_a_pending_application_is_not_membership_de():
    text = ("Kooperation\n\nGörlitz, 3. Juni 2023. Das Netzwerk WaldWerk Ost kooperiert mit dem Netzwerk HolzRing. Ein Antrag "
            "von WaldWerk Ost auf Aufnahme in das Programm go-cluster ist gestellt; über ihn wird im Herbst entschieden.\n")
    assert not any(r == "member of programme" for _, r, _ in facts(text))


def test_a_wish_to_apply_is_not_membership_en():
    text = ("News\n\nBonn, 3 June 2023 – The cluster NanoRing may later apply for admission to go-cluster.\n")
    assert not any(r == "member of programme" for _, r, _ in facts(text))


# --------------------------------------------------------------------------- run by

def test_the_programme_office_run_on_behalf_of_a_ministry_de():
    text = ("Neue Mitglieder\n\nBerlin, 3. März 2015. Das Programm go-cluster hat fünf neue Mitglieder. Das Programm "
            "go-cluster wird im Auftrag des BMWi von der VDI/VDE Innovation + Technik GmbH betreut.\n")
    found = facts(text)
    assert ("go-cluster", "run by", "VDI/VDE Innovation + Technik GmbH") in found
    assert not any(o == "Technik" for _, _, o in found)  # the name is not cut at "+"


def test_the_label_is_the_one_named_before_not_the_one_named_after_de():
    text = ("Rezertifizierung\n\nHof, 12. Mai 2021 – Dem Netzwerk MedLink Franken wurde am 3. Mai 2021 wieder das "
            "Silber-Label der European Cluster Excellence Initiative (ECEI) zuerkannt. Das Label wird von dem European "
            "Secretariat for Cluster Analysis (ESCA) vergeben; das Netzwerk war bereits 2016 mit dem Bronze-Label "
            "ausgezeichnet worden.\n")
    found = facts(text)
    esca = "European Secretariat for Cluster Analysis"
    assert any(s.startswith("ECEI") and "Silver" in s or "Silber" in s for s, r, o in found if r == "run by" and o == esca)
    assert not any(("Bronze" in s) for s, r, o in found if r == "run by" and o == esca)


# --------------------------------------------------------------------------- funding

def test_land_money_is_the_land_ministry_and_the_fund_pays_not_the_union_de():
    text = ("Kooperation\n\nCottbus, 16. Juni 2023. Das Netzwerk BauHolz Lausitz wird seit 2021 mit Mitteln des Landes "
            "Brandenburg und der Europäischen Union aus dem Europäischen Fonds für regionale Entwicklung (EFRE) gefördert. "
            "Zuwendungsgeber ist das Ministerium für Wirtschaft, Arbeit und Energie des Landes Brandenburg (MWAE).\n")
    found = dated(text)
    assert found[("BauHolz Lausitz", "funded by", "Europäischer Fonds für regionale Entwicklung")] == "2021"
    assert found[("BauHolz Lausitz", "funded by", "Ministerium für Wirtschaft, Arbeit und Energie des Landes Brandenburg")] == "2021"
    assert not any(o.startswith("Europäische") and "Union" in o for _, _, o in found)
    assert not any(r == "member of programme" for _, r, _ in found)  # a fund has no members


def test_a_comma_inside_a_ministry_name_does_not_hide_the_date_de():
    text = ("Meldung\n\nOldenburg, 12. April 2017. Das Netzwerk FischNetz Nord wird seit 2015 vom Niedersächsischen "
            "Ministerium für Wirtschaft, Arbeit und Verkehr gefördert.\n")
    found = dated(text)
    assert [d for (s, r, o), d in found.items() if r == "funded by" and s == "FischNetz Nord"] == ["2015"]


def test_a_planned_grant_is_not_funding_en():
    text = ("Plans\n\nHamburg, 7 July 2014 – The ministry plans to fund the network CleanPort Hamburg with EUR 380,000 "
            "under its Central Innovation Programme for SMEs (ZIM).\n")
    assert not any(r in ("funded by", "member of programme") for _, r, _ in facts(text))


def test_the_apposition_initiative_of_is_not_the_funded_one_en():
    text = ("ChemLoop Leuna joins Euroclusters\n\nLeuna, 15 March 2023 – The cluster ChemLoop Leuna is now part of Euroclusters, an initiative of "
            "the European Commission funded under the Single Market Programme.\n")
    found = facts(text)
    assert ("ChemLoop Leuna", "member of programme", "Euroclusters") in found
    assert not any(s == "Europäische Kommission" and r in ("funded by", "member of programme") for s, r, _ in found)
    assert ("ChemLoop Leuna", "member of programme", "Binnenmarktprogramm") not in found


def test_a_ministry_funds_a_counted_group_listed_below_en():
    text = ("Three new networks\n\nBerlin, 12 May 2023 – The Federal Ministry for Economic Affairs and Climate Action (BMWK) "
            "is funding three new innovation networks under its Central Innovation Programme for SMEs (ZIM). "
            "The networks started work on 2 May 2023:\n\n"
            "- HarvestLink Network (Celle, Lower Saxony) – farm robotics\n"
            "- PackLoop Connect (Mainz, Rhineland-Palatinate) – packaging\n"
            "- LensFab Network (Jena, Thuringia) – optics\n")
    found = dated(text)
    for name in ("HarvestLink Network", "PackLoop Connect", "LensFab Network"):
        assert found[(name, "funded by", BMWK)] == "2023-05-02"
        assert found[(name, "member of programme", ZIM)] == "2023-05-02"


def test_a_count_that_does_not_match_the_list_funds_nobody_en():
    text = ("Networks\n\nBerlin, 12 May 2023 – The Federal Ministry for Economic Affairs and Climate Action (BMWK) "
            "is funding five new innovation networks under its Central Innovation Programme for SMEs (ZIM). "
            "Two of them started work on 2 May 2023:\n\n"
            "- HarvestLink Network (Celle, Lower Saxony) – farm robotics\n"
            "- PackLoop Connect (Mainz, Rhineland-Palatinate) – packaging\n")
    assert not any(r == "funded by" for _, r, _ in facts(text))


def test_the_grantor_named_after_the_funding_sentence_de():
    text = ("Förderung\n\nCottbus, 16. Juni 2023. Das Netzwerk BauHolz Lausitz wird seit 2021 gefördert. Zuwendungsgeber ist "
            "das Ministerium für Wirtschaft, Arbeit und Energie des Landes Brandenburg (MWAE).\n")
    found = dated(text)
    assert found[("BauHolz Lausitz", "funded by", "Ministerium für Wirtschaft, Arbeit und Energie des Landes Brandenburg")] == "2021"


# --------------------------------------------------------------------------- programmes run by

def test_a_programme_office_run_by_two_agencies_en():
    text = ("ZIM networks\n\nBerlin, 12 May 2022 – The ZIM network programme is managed on behalf of the BMWK by "
            "VDI/VDE Innovation + Technik GmbH and AiF Projekt GmbH.\n")
    runners = {o for s, r, o in facts(text) if r == "run by" and s == ZIM}
    assert "VDI/VDE Innovation + Technik GmbH" in runners and any(o.startswith("AiF") for o in runners)


# --------------------------------------------------------------------------- lists of new members

def test_list_items_with_member_since_under_an_admission_heading_en():
    text = ("Welcome to the new members of go-cluster\n\nBerlin, 15 July 2020 – go-cluster keeps growing.\n\n"
            "Admitted in 2020\n\n"
            "KeramikNet, Höhr-Grenzhausen (Rhineland-Palatinate) — ceramics — member since 1 April 2020\n\n"
            "PortLog Duisburg, Duisburg (North Rhine-Westphalia) — logistics — member since 1 July 2020\n\n"
            "A fifth application, submitted by the network AutoTex Zwickau, is still being assessed.\n")
    found = dated(text)
    assert found[("KeramikNet", "member of programme", "go-cluster")] == "2020-04-01"
    assert found[("PortLog Duisburg", "member of programme", "go-cluster")] == "2020-07-01"
    assert ("KeramikNet", "located in", "Höhr-Grenzhausen") in found
    assert not any(s.startswith("AutoTex") and r == "member of programme" for s, r, _ in found)
    assert not any("," in s for s, _, _ in found)  # "PortLog Duisburg, Duisburg" is a name and a place


# --------------------------------------------------------------------------- names without a cluster noun before them

def test_a_brand_that_says_what_it_is_is_a_cluster_en_de():
    from clustergraph.extract.discovery import copula_names

    assert [c.name for c in copula_names("SensoNet ist das Netzwerk der Sensorik in Ostbayern.", 0, 51)] == ["SensoNet"]
    assert copula_names("Heute ist das Netzwerk größer als je zuvor.", 0, 43) == []
    assert copula_names("Bayern ist ein starker Standort.", 0, 31) == []  # no cluster noun


def test_a_partner_introduced_by_an_apposition_does_not_become_the_announcements_cluster_en():
    text = ("MediNet Update · No. 3 · May 2025\n\nNews from MediNet, Hesse's digital health cluster.\n\n"
            "In April we launched a joint project with ZorgLab Twente, the Dutch health-technology cluster from Enschede.\n\n"
            "Our cluster management continues to be funded by the Hessian Ministry of Economics, Energy, Transport, Housing "
            "and Rural Areas.\n")
    found = facts(text)
    assert ("ZorgLab Twente", "funded by", "Hessisches Ministerium für Wirtschaft, Energie, Verkehr, Wohnen und ländlichen Raum") \
        not in found


# --------------------------------------------------------------------------- partners

def test_a_memorandum_signed_by_we_en():
    text = ("EnergyNet Lausitz: annual report 2019\n\nCottbus, March 2020. EnergyNet Lausitz is the energy cluster of Lusatia. "
            "EnergyNet Lausitz grew to 80 members.\n\n"
            "In 2019 we signed a memorandum of understanding with the Lower Silesian energy cluster EnergiaWest from Wrocław.\n")
    found = dated(text)
    assert found[("EnergyNet Lausitz", "partner of", "EnergiaWest")] == "2019"


def test_our_partner_cluster_de_en():
    text = ("PortNet Weser on the road to Gold\n\nBremen, 3 November 2020 – PortNet Weser is the port logistics cluster of "
            "Bremen. PortNet Weser has 75 members. Our Dutch partner cluster HarbourLink Delta from "
            "Rotterdam received the Gold label last month.\n")
    assert ("PortNet Weser", "partner of", "HarbourLink Delta") in facts(text) or \
        ("HarbourLink Delta", "partner of", "PortNet Weser") in facts(text)


def test_all_parties_of_a_listed_agreement_de():
    text = ("Kooperation\n\nNeustadt, 7. Juni 2021. Bei der Gelegenheit unterzeichneten das Netzwerk RebNet, das hessische "
            "Netzwerk WeinHub aus Geisenheim und das badische Netzwerk Traubenring aus Freiburg eine Kooperationsvereinbarung.\n")
    found = {frozenset((s, o)) for s, r, o in facts(text) if r == "partner of"}
    assert found == {frozenset(p) for p in (("RebNet", "WeinHub"), ("RebNet", "Traubenring"), ("WeinHub", "Traubenring"))}


def test_a_relative_clause_is_not_a_list_of_partners_de():
    text = ("Kooperation\n\nSenftenberg, 16. Juni 2023. Das Netzwerk HolzBau Süd und das Netzwerk ForstRing haben eine "
            "Kooperationsvereinbarung unterzeichnet. Prof. Dr. Frank Heinrich von der Technischen Hochschule Wildau, der HolzBau "
            "Süd berät, sieht in der Kooperation ein Modell.\n")
    found = {frozenset((s, o)) for s, r, o in facts(text) if r == "partner of"}
    assert frozenset(("HolzBau Süd", "ForstRing")) in found
    assert not any(any("Wildau" in x for x in pair) for pair in found)


def test_a_partner_only_hoped_for_is_not_a_partner_en():
    text = ("News\n\nVechta, 6 March 2024 – SoilNet is the soil research network of Lower Saxony. SoilNet has agreed a partnership with GroundLab NL, the Dutch cluster for precision "
            "farming. It also hopes to win AgroNorth DK, a Danish cluster, as a partner for field trials.\n")
    found = {frozenset((s, o)) for s, r, o in facts(text) if r == "partner of"}
    assert frozenset(("SoilNet", "GroundLab NL")) in found
    assert not any(any("AgroNorth" in x for x in pair) for pair in found)


# --------------------------------------------------------------------------- more phrasings

def test_records_of_a_definition_list_and_all_three_belong_to_the_programme_de():
    text = ("go-cluster: Ergebnisse des Förderaufrufs 2016\n\nMeldung · Stand: 11.05.2016\n\n"
            "Drei Clusterinitiativen erhalten aus dem Förderaufruf Zuwendungen des BMWi; alle drei gehören dem Programm "
            "go-cluster an.\n\nDie geförderten Vorhaben\n\n"
            "HafenNetz Warnow\n\nSitz: Rostock (Mecklenburg-Vorpommern)\n\nBranche: Maritime Logistik\n\n"
            "TextilRing Vogtland\n\nSitz: Plauen (Sachsen)\n\nBranche: Technische Textilien\n\n"
            "LeichtbauNetz Elbe\n\nSitz: Stade (Niedersachsen)\n\nBranche: Faserverbund\n")
    found = facts(text)
    bmwi = "Bundesministerium für Wirtschaft und Energie"
    for name in ("HafenNetz Warnow", "TextilRing Vogtland", "LeichtbauNetz Elbe"):
        assert (name, "member of programme", "go-cluster") in found
        assert (name, "funded by", bmwi) in found
    assert ("HafenNetz Warnow", "located in", "Rostock") in found
    assert not any(s.startswith(("Sitz", "Branche")) for s, _, _ in found)


def test_a_chronicle_year_is_not_a_cluster_de():
    text = ("Chronik\n\nSolingen, 3. Mai 2021. Die Geschichte des Netzwerks WerkzeugRing.\n\n"
            "- 2008 – 14 Hersteller gründen in Remscheid den Verein WerkzeugRing.\n"
            "- 2010 – Das Land fördert die Geschäftsstelle erstmals mit Mitteln aus dem EFRE.\n")
    assert not any(s[:1].isdigit() for s, _, _ in facts(text))


def test_joining_a_network_is_not_joining_the_programme_de():
    text = ("Hochschule Westpfalz wird Mitglied im Netzwerk NutzRing\n\nKaiserslautern, 21. Oktober 2020. Die Hochschule Westpfalz wird Mitglied im Netzwerk "
            "NutzRing. Das Netzwerk NutzRing gehört seit 2016 dem Bundesprogramm go-cluster an.\n")
    found = facts(text)
    assert ("NutzRing", "member of programme", "go-cluster") in found
    assert not any(s.startswith("Hochschule") and r == "member of programme" for s, r, _ in found)


def test_a_former_member_is_not_a_member_en():
    text = ("News\n\nKassel, 15 July 2020 – OptoRing Nordhessen was a member of go-cluster until 2019. "
            "The network OptoRing Nordhessen left go-cluster at the end of 2019.\n")
    assert not any(r == "member of programme" for _, r, _ in facts(text))


def test_a_named_programme_of_a_ministry_is_not_the_main_programme_en():
    text = ("Hydrogen regions\n\nHeide, 15 June 2023 – H2Coast is part of go-cluster. H2Coast was named a HyExperts region "
            "in 2021 under HyLand, the hydrogen-regions programme of the Federal Ministry for Digital and Transport (BMDV).\n")
    found = facts(text)
    assert not any(s == "go-cluster" and r == "run by" and "Digital" in o for s, r, o in found)


def test_teaming_up_and_the_funds_source_two_sentences_on_en():
    text = ("Border news\n\nLörrach, June 2021. The Swiss life sciences cluster AlpMed from Basel and RheinBio, a South Baden "
            "network from Lörrach, are teaming up on cross-border clinical trials.\n")
    found = {frozenset((s, o)) for s, r, o in facts(text) if r == "partner of"}
    assert frozenset(("AlpMed", "RheinBio")) in found


def test_a_confirmed_label_is_run_by_who_confirmed_it_de():
    text = ("Jahresbericht 2023\n\nSaarbrücken, Januar 2024. FormWerk Saar ist das Netzwerk der Umformtechnik im Saarland. "
            "Im Oktober 2023 hat das European Secretariat for Cluster Analysis (ESCA) unser Gold-Label nach einer erneuten "
            "Begutachtung bestätigt.\n")
    found = facts(text)
    assert any("Gold" in s and r == "run by" and o == "European Secretariat for Cluster Analysis" for s, r, o in found)


def test_profile_rows_funding_and_partners_en():
    text = ("<html><body><h1>GeoNet Brandenburg – cluster profile</h1>"
            "<p>GeoNet Brandenburg is the geoinformation cluster of Brandenburg. GeoNet Brandenburg has 60 members.</p>"
            "<table><tr><th>Funding</th><td>Ministry for Economic Affairs, Labour and Energy (MWAE), co-financed by the "
            "European Regional Development Fund (ERDF)</td></tr>"
            "<tr><th>Cooperation partners</th><td>OrbitHub Delft – Delft (Netherlands)</td></tr></table></body></html>")
    found = fact_triples(text, source="p.html", media_type="text/html")
    assert ("GeoNet Brandenburg", "funded by", "Europäischer Fonds für regionale Entwicklung") in found
    assert ("GeoNet Brandenburg", "funded by", "Ministerium für Wirtschaft, Arbeit und Energie des Landes Brandenburg") in found
    assert ("GeoNet Brandenburg", "partner of", "OrbitHub Delft") in found


def test_where_the_money_comes_from_is_said_of_the_funded_group_de():
    text = ("Förderung\n\nErfurt, 13. September 2022. Das Thüringer Ministerium für Wirtschaft, Wissenschaft und Digitale "
            "Gesellschaft (TMWWDG) unterstützt drei Thüringer Netzwerke in den kommenden drei Jahren mit zusammen "
            "1,2 Millionen Euro. Gefördert werden:\n\n"
            "- GlasNetz Rennsteig (Ilmenau)\n- SensAgrar (Jena)\n- MedRing Ost (Gera)\n\n"
            "Die Mittel stammen zu 60 Prozent aus dem Europäischen Fonds für regionale Entwicklung (EFRE), den Rest trägt der "
            "Freistaat.\n")
    found = facts(text)
    for name in ("GlasNetz Rennsteig", "SensAgrar", "MedRing Ost"):
        assert (name, "funded by", "Thüringer Ministerium für Wirtschaft, Wissenschaft und Digitale Gesellschaft") in found
        assert (name, "funded by", "Europäischer Fonds für regionale Entwicklung") in found


@pytest.mark.parametrize("sentence", [
    "SensRing und das Netzwerk OptoKreis prüfen eine Zusammenarbeit bei der Weiterbildung.",
    "SensRing and the network OptoKreis held talks about a cooperation on training.",
    "SensRing hopes to bring the network OptoKreis into the partnership next year.",
])
def test_a_partnership_only_examined_or_hoped_for_is_not_one(sentence):
    text = "SensRing news\n\nDresden, 3. Mai 2023. SensRing ist das Netzwerk der Sensorik in Sachsen. " + sentence + "\n"
    assert not any(r == "partner of" for _, r, _ in facts(text))


def test_a_grant_on_a_condition_is_not_funding_en():
    text = ("Grant\n\nHamburg, 7 July 2014 – CleanPort Hamburg is the air-quality network of Hamburg. The Federal Ministry for "
            "Economic Affairs and Energy will fund the network CleanPort Hamburg with EUR 380,000 if its application succeeds.\n")
    assert not any(r == "funded by" for _, r, _ in facts(text))


def test_the_status_a_competition_confers_names_the_competition_en_de():
    base = "SensoNet {v}\n\nBerlin, 10 October 2022 – SensoNet is the sensor technology network of Saxony. "
    found = dated(base.format(v="news") + "SensoNet was selected as a Leading-Edge Cluster in 2012.\n")
    assert found[("SensoNet", "member of programme", "Spitzencluster-Wettbewerb")] == "2012"
    wish = facts(base.format(v="news") + "SensoNet möchte als Spitzencluster ausgewählt werden.\n")
    assert not any(r == "member of programme" for _, r, _ in wish)  # a wish


def test_the_members_of_a_consortium_are_partners_en():
    text = ("FoodLink-4i starts\n\nLingen, 10 January 2017 – The consortium is coordinated by the cluster AgriHub Emsland and "
            "brings together the cluster Agrinova Bretagne and the cluster AlimenLab Aragón.\n")
    found = {frozenset((s, o)) for s, r, o in facts(text) if r == "partner of"}
    assert found == {frozenset(p) for p in (("AgriHub Emsland", "Agrinova Bretagne"), ("AgriHub Emsland", "AlimenLab Aragón"),
                                             ("Agrinova Bretagne", "AlimenLab Aragón"))}


def test_items_under_a_partner_networks_heading_en():
    text = ("About us\n\nErfurt, September 2018. SolarRing is the solar glass cluster of Thuringia. SolarRing has 40 members.\n\n"
            "Partner networks\n\nHelioLink (Bitterfeld-Wolfen, Saxony-Anhalt)\n\nGlasHub (Ilmenau, Thuringia)\n\n"
            "Contact\n\ninfo@solarring.example\n")
    found = {frozenset((s, o)) for s, r, o in facts(text) if r == "partner of"}
    assert found == {frozenset(("SolarRing", "HelioLink")), frozenset(("SolarRing", "GlasHub"))}


# --------------------------------------------------------------------------- E3b: which names are organisations

from clustergraph.extract.names import find_ministries, organisation_name  # noqa: E402
from clustergraph.extract.normalize import unwrap  # noqa: E402


@pytest.mark.parametrize("found, expected", [
    ("wiedergewählt", None),                      # a participle
    ("ESCA-certified", None),
    ("Silber-Label", None), ("Silber", None),       # label tiers
    ("Juni", None), ("Dienstag", None),            # month, weekday
    ("Trägervereins", None), ("Zukunftsclusters", None),  # a genitive cluster noun
    ("Telefon 04721 555 010", None), ("Trippstadter Straße 110", None), ("67663 Kaiserslautern", None),
    ("Vorgänger Jens Ohlsen", None),               # a role noun before a person
    ("Rennes-based Breton", None),                 # a demonym after "X-based"
    ("Würzburg-based BahnTech Mainfranken", "BahnTech Mainfranken"),
    ("Hochschule Kaiserslautern Mitglied", "Hochschule Kaiserslautern"),
    ("ISN’s", "ISN"),
    ("textil.digital", "textil.digital"), ("biosaxony", "biosaxony"), ("TexAlb", "TexAlb"),
    ("MedTech Rhein-Neckar", "MedTech Rhein-Neckar"),
])
def test_organisation_names_are_repaired_or_rejected(found, expected):
    assert organisation_name(found) == expected


def _entities(text: str) -> set[tuple[str, str]]:
    return {(e.type, e.name) for e in extract_text(text, source="t.txt").document.entities}


def test_no_organisation_made_from_a_participle_or_a_genitive_place():
    got = _entities("Vorstand\n\nBielefeld, 21. März 2023 – Das Netzwerk HolzRing OWL hat Anna Kranz wiedergewählt. "
                    "Sie bleibt Vorsitzende des Netzwerks HolzRing OWL, des größten Möbelnetzwerks Deutschlands.")
    assert ("Cluster", "HolzRing OWL") in got
    assert not {name for kind, name in got if kind in ("Cluster", "Organisation")} & {"wiedergewählt", "Deutschlands"}


def test_no_organisation_made_from_a_demonym_or_a_possessive_place():
    got = _entities("Digest\n\nLondon, 3 May 2021 – The Rennes-based Breton cluster Agrimer Ouest joined the partnership. "
                    "Europe's clusters met in Brussels.")
    names = {name for kind, name in got if kind in ("Cluster", "Organisation")}
    assert "Agrimer Ouest" in names
    assert not names & {"Breton", "Rennes-based Breton", "Europe's", "Europe"}


def test_ministry_name_never_continues_into_a_possessive():
    text = "Klaus Wimmer dankte Lechner im Namen des Ministeriums für seinen Einsatz."
    assert find_ministries(text, 0, len(text)) == []
    text = "Gefördert vom Ministerium für ländliche Räume Baden-Württemberg."
    assert [c.name for c in find_ministries(text, 0, len(text))] == ["Ministerium für ländliche Räume Baden-Württemberg"]


def test_ministry_of_the_saarland_keeps_its_land():
    text = "Das Netzwerk wird vom Ministerium für Wirtschaft, Innovation, Digitales und Energie des Saarlandes gefördert."
    assert [c.name for c in find_ministries(text, 0, len(text))] == [
        "Ministerium für Wirtschaft, Innovation, Digitales und Energie des Saarlandes"]


def test_pdf_wrap_after_a_function_word_is_joined_even_across_a_blank_line():
    lines = ["Das Jahr im Überblick war für das Netzwerk und seine Mitglieder ein gutes Jahr,",
             "denn das Clustermanagement wird vom Ministerium für Wirtschaft, Innovation und",
             "Energie des Saarlandes gefördert. Unser größtes Projekt erprobt Lkw im Werksverkehr",
             "auf der Straße zwischen den Werken der Mitglieder in der ganzen Region Saarland.",
             "Der Markt jenseits der Grenze ist für die saarländischen Betriebe oft näher als der",
             "in Bayern, sagt der Vorstand des Vereins in seinem Bericht über das Jahr 2023."]
    text = unwrap("\n\n".join(lines))
    assert "Innovation und Energie des Saarlandes" in text
    # a line that ends a sentence is not joined to the next one
    assert unwrap("Das Netzwerk wächst.\n\nDer Vorstand tagte.") == "Das Netzwerk wächst.\n\nDer Vorstand tagte."


def test_member_of_a_network_in_the_headline_is_not_the_announcements_cluster():
    got = facts("Hochschule Lemgo – Presse\nPressemitteilung vom 19.10.2020\n\n"
                "Hochschule Lemgo wird Mitglied im Möbel-Netzwerk HolzRing OWL\n\n"
                "Die Hochschule Lemgo ist seit Oktober Mitglied im Netzwerk HolzRing OWL. "
                "Das Netzwerk ist seit 2016 Mitglied im Programm go-cluster.")
    assert ("Hochschule Lemgo", "member of programme", "go-cluster") not in got
    assert any(s.endswith("HolzRing OWL") and r == "member of programme" and o == "go-cluster" for s, r, o in got)


# --------------------------------------------------------------------------- E3b: membership dates, former members

def test_membership_without_a_stated_date_takes_the_issue_date_de():
    got = dated("Neues Mitglied\n\nHameln, 12. März 2021 – Das Netzwerk PumpenWerk Weserbergland ist Mitglied im Programm go-cluster.")
    assert got[("PumpenWerk Weserbergland", "member of programme", "go-cluster")] == "2021-03-12"


def test_membership_without_a_stated_date_takes_the_issue_date_en():
    got = dated("New member\n\nBremen, 12 March 2021 – The network MarineSense Weser is a member of the go-cluster programme.")
    assert got[("MarineSense Weser", "member of programme", "go-cluster")] == "2021-03-12"


def test_a_stated_membership_date_wins_over_the_issue_date():
    got = dated("Neues Mitglied\n\nHameln, 12. März 2021 – Das Netzwerk PumpenWerk Weserbergland ist seit 2016 Mitglied "
                "im Programm go-cluster.")
    assert got[("PumpenWerk Weserbergland", "member of programme", "go-cluster")] == "2016"


@pytest.mark.parametrize("text", [
    "Rückblick\n\nBamberg, 3. Mai 2024 – Das Netzwerk MalzWerk Franken hat 40 Mitglieder. Bis 2019 gehörte das Netzwerk "
    "zur Cluster-Offensive Bayern; seither arbeitet es eigenständig.",
    "Review\n\nBamberg, 3 May 2024 – The network MalzWerk Franken has 40 members. Until 2019 the network was a member "
    "of the Bavarian Cluster Offensive.",
])
def test_a_membership_that_ended_is_not_asserted(text):
    assert not [f for f in facts(text) if f[1] == "member of programme"]


# --------------------------------------------------------------------------- E3b: funding in verb-second order

def test_funder_after_the_verb_in_german_verb_second_order():
    got = facts("Förderung\n\nHameln, 12. Juni 2025 – Das Netzwerk PlastNet Weserbergland hat 40 Mitglieder. "
                "Zusätzlich fördert das Niedersächsische Ministerium für Wirtschaft, Verkehr, Bauen und Digitalisierung "
                "ein Projekt des Netzwerks zu Wasserstoffspeichern.")
    assert any(s == "PlastNet Weserbergland" and r == "funded by" and "Ministerium" in o for s, r, o in got)


def test_no_funder_after_the_verb_when_a_subject_comes_first():
    # the subject before the verb funds; the ministry after it is someone else's (it is thanked)
    got = facts("Förderung\n\nHameln, 12. Juni 2025 – Das Netzwerk PlastNet Weserbergland hat 40 Mitglieder. "
                "Die Stadt Hameln fördert das Netzwerk, das Niedersächsische Ministerium für Wirtschaft, Verkehr, Bauen "
                "und Digitalisierung lobt die Arbeit.")
    assert not any(r == "funded by" and "Ministerium" in o for s, r, o in got)


# --------------------------------------------------------------------------- E3b: names found by how the text uses them

from clustergraph.extract.discovery import dotted_brands, seat_apposition_names  # noqa: E402


def test_lower_case_dotted_brand_after_a_cluster_noun_is_a_cluster():
    text = "Das münsterländische Textilnetzwerk textil.digital hat eine neue Spitze."
    assert [c.name for c in dotted_brands(text, 0, len(text))] == ["textil.digital"]
    text = "The network food.nord has 40 members."
    assert [c.name for c in dotted_brands(text, 0, len(text))] == ["food.nord"]


def test_a_web_address_is_no_dotted_brand():
    text = "Mehr im Netzwerk netzwerk.de oder per Mail an das Netzwerk info@netzwerk.example."
    assert dotted_brands(text, 0, len(text)) == []


def test_dotted_brand_becomes_the_announcements_cluster():
    got = facts("Neue Vorsitzende\n\nBocholt, 25. November 2019 – Das Textilnetzwerk textil.digital hat eine neue Spitze: "
                "Die Mitgliederversammlung wählte Dr. Anna Sandberg zur Vorsitzenden. Geschäftsführer von textil.digital "
                "ist Markus Eller.")
    assert ("Markus Eller", "managing director of", "textil.digital") in got


def test_brand_before_a_seat_apposition_is_an_organisation():
    text = "H2 Küste, headquartered in Heide, focuses on electrolysis."
    assert [c.name for c in seat_apposition_names(text, 0, len(text))] == ["H2 Küste"]
    text = "Das Netzwerk HyNet Ems, mit Sitz in Lingen, baut Elektrolyseure."
    assert [c.name for c in seat_apposition_names(text, 0, len(text))] == ["HyNet Ems"]


@pytest.mark.parametrize("text", [
    "Anna Berg, based in Kiel, chairs the board.",          # a person may be based somewhere too
    "Im Juni, mit Sitz in Kiel, tagte der Vorstand.",
])
def test_no_seat_apposition_name_from_a_person_or_a_date(text):
    assert seat_apposition_names(text, 0, len(text)) == []


@pytest.mark.parametrize("sentence, expected, cut", [
    ("Im Anschluss unterzeichneten PlastNet Ems und das Thünen-Institut für Ostseefischerei eine Vereinbarung.",
     "Thünen-Institut für Ostseefischerei", "Institut für Ostseefischerei"),
    ("Partner ist die Westsächsische Hochschule Zwickau.", "Westsächsische Hochschule Zwickau", "Hochschule Zwickau"),
    ("Das Projekt läuft mit der Technischen Universität Chemnitz.", "Technische Universität Chemnitz", "Universität Chemnitz"),
])
def test_institution_names_keep_their_first_words(sentence, expected, cut):
    names = {name for kind, name in _entities("Meldung\n\nKiel, 3. Mai 2024 – " + sentence) if kind == "Organisation"}
    assert expected in names
    assert cut not in names


def test_the_article_before_an_institution_is_not_part_of_its_name():
    names = {name for kind, name in _entities("Meldung\n\nKiel, 3. Mai 2024 – Die Hochschule Flensburg ist Partner des "
                                              "Netzwerks PlastNet Ems.") if kind == "Organisation"}
    assert "Die Hochschule Flensburg" not in names


def test_a_place_in_the_possessive_does_not_start_a_name():
    assert organisation_name("Québec's AI") is None
    names = {name for kind, name in _entities("NeckarBot signs partnership with Québec's AI cluster\n\n"
                                              "Stuttgart, 5 February 2025 – NeckarBot signed a memorandum with "
                                              "Réseau Robotique Laurentides, the Montréal-based AI cluster.")
             if kind in ("Cluster", "Organisation")}
    assert not any("Québec" in name for name in names)


def test_members_of_the_network_are_not_members_of_the_announcements_programme():
    got = facts("Porträt\n\nMarkneukirchen, im Oktober 2023. Das Netzwerk KlangWerk Vogtland wird aus dem EFRE gefördert. "
                "58 Betriebe sind Mitglied, dazu die Westsächsische Hochschule Zwickau mit ihrem Studiengang Geigenbau.")
    assert not [f for f in got if f[1] == "member of programme" and "Hochschule" in f[0]]


# Texts whose facts are all found: one case per phrasing (each was a test of its own, same body).
FOUND = [
    pytest.param(
        "New members\n\nBerlin, 3 March 2020 – go-cluster welcomes four new members. The go-cluster office is run on "
            "behalf of the BMWi by VDI/VDE Innovation + Technik GmbH.\n",
        [("go-cluster", "run by", "VDI/VDE Innovation + Technik GmbH")],
        id="the_programme_office_run_on_behalf_of_a_ministry_en",
    ),
    pytest.param(
        "Grant\n\nHamburg, 7 July 2014 – The Federal Ministry for Economic Affairs and Energy will fund the new network "
            "CleanPort Hamburg with up to EUR 380,000 under its Central Innovation Programme for SMEs (ZIM).\n",
        [("CleanPort Hamburg", "funded by", "Bundesministerium für Wirtschaft und Energie"),
         ("CleanPort Hamburg", "member of programme", ZIM),
         (ZIM, "run by", "Bundesministerium für Wirtschaft und Energie")],
        id="a_decided_grant_in_the_future_tense_en",
    ),
    pytest.param(
        "Platform news\n\nBrussels, 3 April 2024 – The European Cluster Collaboration Platform (ECCP), an initiative of the "
            "European Commission, reports on cluster benchmarking.\n",
        [("European Cluster Collaboration Platform", "run by", "Europäische Kommission")],
        id="an_initiative_of_the_commission_is_run_by_it_en",
    ),
    pytest.param(
        "Landeslabel\n\nStuttgart, 15. November 2019. Das Ministerium für Wirtschaft, Arbeit und Wohnungsbau Baden-Württemberg "
            "hat heute drei Clusterinitiativen mit dem Qualitätslabel „Cluster-Exzellenz Baden-Württemberg“ ausgezeichnet.\n",
        [("Cluster-Exzellenz Baden-Württemberg", "run by", "Ministerium für Wirtschaft, Arbeit und Wohnungsbau Baden-Württemberg")],
        id="whoever_awards_a_named_label_runs_it_de",
    ),
    pytest.param(
        "Meldung\n\nBremerhaven, 12. April 2017. Das Netzwerk AquaRing Nord wächst. Ein gemeinsames Projekt mit dem "
            "Alfred-Wegener-Institut zur Nutzung von Abwärme läuft bis 2019.\n",
        [("AquaRing Nord", "partner of", "Alfred-Wegener-Institut")],
        id="a_joint_project_is_a_partnership_de",
    ),
    pytest.param(
        "Hydrogen\n\nDuisburg, 15 June 2023 – Duisburg's hydrogen network HyLine Ruhr grows. HyLine Ruhr receives "
            "EUR 1.2 million from North Rhine-Westphalia's Ministry of Economic Affairs, Industry, Climate Action and Energy, "
            "co-financed by the ERDF.\n",
        [("HyLine Ruhr", "funded by", "Ministerium für Wirtschaft, Industrie, Klimaschutz und Energie des Landes Nordrhein-Westfalen"),
         ("HyLine Ruhr", "funded by", "Europäischer Fonds für regionale Entwicklung")],
        id="a_possessive_land_names_its_ministry_en",
    ),
    pytest.param(
        "Gewinner\n\nBerlin, 5. Februar 2021. Das Netzwerk BioDruck Mitte hat sich mit seinem Konzept im "
            "Zukunftscluster-Wettbewerb durchgesetzt.\n",
        [("BioDruck Mitte", "member of programme", "Zukunftscluster-Initiative")],
        id="a_competition_won_is_membership_de",
    ),
    pytest.param(
        "ChemRing joins Euroclusters\n\nLeuna, 15 March 2023 – ChemRing, the cluster for chemical recycling, is now part "
            "of Euroclusters, an initiative of the European Commission funded under the Single Market Programme.\n",
        [("Euroclusters", "funded by", "Binnenmarktprogramm"),
         ("Euroclusters", "run by", "Europäische Kommission"),
         ("ChemRing", "member of programme", "Euroclusters")],
        id="a_programme_within_a_programme_is_funded_by_it_en",
    ),
    pytest.param(
        "Chronik des Netzwerks KlingenRing\n\nSolingen, 3. Mai 2021. KlingenRing ist das Netzwerk der Schneidwarenindustrie. "
            "KlingenRing feiert Jubiläum.\n\n"
            "- 2012 – Im Mai Aufnahme in das Programm go-cluster.\n"
            "- 2014 – Kooperationsvereinbarung mit dem französischen Netzwerk Lames Auvergne aus Thiers.\n",
        [("KlingenRing", "member of programme", "go-cluster"),
         ("KlingenRing", "partner of", "Lames Auvergne")],
        id="a_timeline_entry_without_a_subject_belongs_to_the_announcements_cluster_de",
    ),
    pytest.param(
        "SensoNet wächst\n\nDresden, 10. Oktober 2022. SensoNet ist das Netzwerk für Sensorik in Sachsen. Mit Förderung des "
            "Sächsischen Staatsministeriums für Wirtschaft, Arbeit und Verkehr baut SensoNet ein Testzentrum auf.\n",
        [("SensoNet", "funded by", "Sächsisches Staatsministerium für Wirtschaft, Arbeit und Verkehr")],
        id="a_fronted_funding_phrase_de",
    ),
    pytest.param(
        "Satellite services get their own Bavarian cluster\n\nMunich, 10 December 2019 – The Bavarian State Ministry of "
            "Economic Affairs, Regional Development and Energy has admitted the OrbitApps Cluster to the Cluster-Offensive "
            "Bayern. The new cluster is the eighteenth in the state programme, which the ministry launched in 2006.\n",
        [("Cluster-Offensive Bayern", "run by", "Bayerisches Staatsministerium für Wirtschaft, Landesentwicklung und Energie"),
         ("OrbitApps Cluster", "member of programme", "Cluster-Offensive Bayern")],
        id="the_ministry_that_launched_the_state_programme_en",
    ),
]


@pytest.mark.parametrize("text, expected", FOUND)
def test_facts_found(text, expected):
    found = facts(text)
    assert [fact for fact in expected if fact not in found] == []
