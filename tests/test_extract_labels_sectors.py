"""Labels (awarded, awarded under, prepared for) and sectors: small sentences in both languages, each with
the tempting wrong reading next to the right one."""

from __future__ import annotations

import pytest

from clustergraph.extract.sector_phrases import sector_phrases, split_field
from extract_helpers import extracted_facts


def _facts(text: str, relation: str) -> set[tuple[str, str, str | None]]:
    return {(f.subject, f.object, f.date) for f in extracted_facts(text, relation=relation)}


def _pairs(text: str, relation: str) -> set[tuple[str, str]]:
    return {(s, o) for s, o, _ in _facts(text, relation)}


def _tiers(pairs: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """``ECEI-Gold-Label`` -> ``Gold`` (the label's prefix depends on the scheme the sentence names)."""
    out = set()
    for subject, label in pairs:
        tier = next((t for t in ("Gold", "Silber", "Silver", "Bronze") if t in label), label)
        out.add((subject, {"Silber": "Silver"}.get(tier, tier)))
    return out


# --------------------------------------------------------------------------- awards


def test_label_first_then_verb_german():
    text = ("Kiel, 16. Mai 2024 – Das Silber-Label der European Cluster Excellence Initiative (ECEI) erhielt das "
            "Netzwerk NordFood am 14. Mai 2024 zum zweiten Mal.")
    facts = _facts(text, "awarded label")
    assert {(s.split()[0], d) for s, _, d in facts} == {("NordFood", "2024-05-14")}  # the name chunker may keep "am 14"


def test_label_first_went_to_english():
    text = "Berlin, 3 June 2023 – The Silver label went to the network AeroNet Saxony on 1 June 2023."
    assert _tiers(_pairs(text, "awarded label")) == {("AeroNet Saxony", "Silver")}


def test_awarder_is_not_the_recipient():
    text = ("Ulm, 21 November 2023 – On 9 November 2023 the European Secretariat for Cluster Analysis (ESCA) awarded "
            "the sensor cluster SensNet Ulm the Gold label, which is granted under the European Cluster Excellence "
            "Initiative (ECEI).")
    awarded = _facts(text, "awarded label")
    assert {(s, d) for s, _, d in awarded} == {("SensNet Ulm", "2023-11-09")}
    assert not any("Secretariat" in s for s, _, _ in awarded)
    assert {o for _, o in _pairs(text, "awarded under")} == {"European Cluster Excellence Initiative"}
    assert {o for _, o in _pairs(text, "run by")} >= {"European Secretariat for Cluster Analysis"}


def test_earlier_label_dated_by_its_own_date():
    text = ("Rzeszów, 3 April 2024 – The aviation cluster AviaNet Polska received the Gold label on 14 March 2024 "
            "after having held the Silver label since 2021.")
    facts = {(_tiers({(s, o)}).pop()[1], d) for s, o, d in _facts(text, "awarded label")}
    assert facts == {("Gold", "2024-03-14"), ("Silver", "2021")}


def test_held_label_takes_issue_date_not_a_neighbouring_date():
    text = ("Emden, 15 February 2022 – The cluster WindNet Ems has been a member of the go-cluster programme since "
            "2015 and holds the ECEI Bronze label.")
    dates = {d for _, _, d in _facts(text, "awarded label")}
    assert dates == {"2022-02-15"}


def test_dative_passive_and_schmuecken():
    text = ("Bayreuth, 12. Mai 2021 – Das Netzwerk MedNet Franken hat sein Siegel verteidigt. Nach einer Begutachtung "
            "wurde dem Netzwerk am 3. Mai 2021 wieder das Silber-Label zuerkannt.")
    assert {d for _, _, d in _facts(text, "awarded label")} == {"2021-05-03"}


def test_applied_sciences_is_no_hedge():
    text = ("Ulm, 21 November 2023 – The cluster SensNet Ulm, which had been certified with the Silver label in 2020, brings "
            "together two universities of applied sciences.")
    assert {d for _, _, d in _facts(text, "awarded label")} == {"2020"}


# --------------------------------------------------------------------------- prospects


@pytest.mark.parametrize("text", [
    "Mainz, 5. März 2020 – Mittelfristig hat der Cluster VinoNet Rheinhessen das Gold-Label im Blick.",
    "Mainz, 5. März 2020 – Der Cluster VinoNet Rheinhessen strebt das Gold-Label an.",
    "Mainz, 5 March 2020 – The cluster VinoNet Rheinhessen has applied for the Gold label.",
    "Mainz, 5 March 2020 – The cluster VinoNet Rheinhessen hopes to receive the Gold label before the summer.",
])
def test_prospects_are_prepares_never_awards(text):
    assert _tiers(_pairs(text, "prepares for label")) == {("VinoNet Rheinhessen", "Gold")}
    assert not _pairs(text, "awarded label")


def test_tier_assessment_is_a_prospect_of_the_named_cluster():
    text = ("Stuttgart, 21 June 2017 – A fifth cluster, the timber cluster HolzNet Schwarzwald, is preparing for its "
            "Gold assessment and expects a result in the autumn.")
    assert _tiers(_pairs(text, "prepares for label")) == {("HolzNet Schwarzwald", "Gold")}
    assert not _pairs(text, "awarded label")


def test_aim_of_a_partner_in_a_relative_clause_is_not_ours():
    text = ("Ulm, 21 November 2023 – SensNet Ulm pointed to its partner, the French cluster with which it runs "
            "projects and which is itself now preparing for a Silver assessment.")
    assert ("SensNet Ulm", "Silver") not in _tiers(_pairs(text, "prepares for label"))


def test_question_states_no_aim():
    text = ("Berlin, 3 June 2019 – A participant asked whether the cluster VinoNet Rheinhessen should apply for the "
            "Silver label.")
    assert not _pairs(text, "prepares for label")


def test_generic_plural_labels_get_their_scheme():
    text = ("Brussels, 3 April 2024 – The benchmarking is the basis for the three quality labels that ESCA awards "
            "under the European Cluster Excellence Initiative (ECEI): Bronze, Silver and Gold.")
    under = {_tiers({("x", label)}).pop()[1] for label, _ in _pairs(text, "awarded under")}
    assert under == {"Bronze", "Silver", "Gold"}


# --------------------------------------------------------------------------- sectors


def test_split_field_coordinations():
    assert split_field("Forst- und Holzwirtschaft") == ["Forstwirtschaft", "Holzwirtschaft"]
    assert split_field("Holzbau und Holzwerkstoffe") == ["Holzbau", "Holzwerkstoffe"]
    assert split_field("Luft- und Raumfahrt") == ["Luft- und Raumfahrt"]


def test_branche_compound_keeps_the_field_as_named():
    assert [p.name for p in sector_phrases("nordpack ist das Netzwerk der Verpackungsbranche in Hamburg.")] == \
        ["Verpackungsbranche"]
    assert [p.name for p in sector_phrases("Der Hamburger Verpackungscluster nordpack wächst.")] == ["Verpackung"]


def test_members_field_gives_two_sectors():
    text = ("Rostock, 14. August 2019 – Das Netzwerk AquaFuture bündelt heute 34 Unternehmen der Aquakultur und "
            "Fischverarbeitung in Mecklenburg-Vorpommern.")
    assert {o for _, o in _pairs(text, "sector")} == {"Aquakultur", "Fischverarbeitung"}


def test_coordinated_compound_of_members():
    text = ("Kaiserslautern, 22.09.2016. Der KunststoffRing Pfalz e.V., in dem sich Verarbeiter und Prüfinstitute der "
            "pfälzischen Kunststoff- und Verbundwerkstoffindustrie zusammengeschlossen haben, wächst.")
    sectors = {o for _, o in _pairs(text, "sector")}
    assert {"Kunststoffindustrie", "Verbundwerkstoffindustrie"} <= sectors
    assert "Pfalz" not in sectors


def test_english_field_phrases():
    text = ("Emden, 1 August 2022 – The offshore wind cluster WindNet Ems represents firms along the value chain of "
            "offshore wind energy.")
    sectors = {o.lower() for _, o in _pairs(text, "sector")}
    assert "offshore wind" in sectors
    assert "energy" not in sectors  # the field is offshore wind, not energy in general


def test_member_nouns_and_products_are_no_field():
    text = ("Bremerhaven, 5 November 2020 – The cluster PortNet Weser connects port operators, logistics service "
            "providers and research institutes in maritime logistics.")
    assert {o.lower() for _, o in _pairs(text, "sector")} == {"maritime logistics"}


def test_field_only_inside_the_name_is_no_evidence():
    text = ("Stuttgart, 15.11.2019 – Das Land zeichnet das Mechatronik-Cluster Ostalb aus. "
            "Der Wasserstoff-Cluster HY-2 aus Ulm hat sich beworben.")
    sectors = _pairs(text, "sector")
    assert not any(s == "Mechatronik-Cluster Ostalb" for s, _ in sectors)


# --------------------------------------------------------------------------- second pass: sectors


def _sectors(text: str) -> set[str]:
    return {o for _, o in _pairs(text, "sector")}


def test_network_of_coordinated_fields_german():
    text = ("Husum, 2. Mai 2018 – Der Verein KüstenFisch e.V. wächst. KüstenFisch ist das Netzwerk der "
            "Muschelzucht- und Fischverarbeitung an der Westküste.")
    assert {"Muschelzucht", "Fischverarbeitung"} <= _sectors(text)
    # the tempting reading: "das Netzwerk der Region" names no field
    text = "Husum, 2. Mai 2018 – KüstenFisch ist das Netzwerk der Region an der Westküste."
    assert _sectors(text) == set()


def test_truncated_compound_shares_the_rest_of_the_second_part():
    assert split_field("Luft- und Raumfahrtindustrie") == ["Luftfahrtindustrie", "Raumfahrtindustrie"]
    assert split_field("Forst- und Holzwirtschaft") == ["Forstwirtschaft", "Holzwirtschaft"]
    assert split_field("Luft- und Raumfahrt") == ["Luft- und Raumfahrt"]  # nothing shared to complete


def test_field_compound_of_network_and_initiative():
    text = ("Münster, 4. Juni 2019 – Das westfälische Textilnetzwerk FaserWerk hat einen neuen Vorstand. "
            "Die Papierinitiative BlattWerk aus Düren gratuliert.")
    got = _pairs(text, "sector")
    assert ("FaserWerk", "Textil") in got or ("FaserWerk", "Textilindustrie") in got
    # "Innovationsnetzwerk", "Kooperationsnetzwerk" name a form, not a field
    assert not _sectors("Bonn, 4. Juni 2019 – Das Innovationsnetzwerk FaserWerk und das Kooperationsnetzwerk "
                        "BlattWerk treffen sich.")


def test_members_from_fields_without_article():
    text = ("Alzey, 7. Juni 2021 – Das Netzwerk RebNet bündelt Betriebe aus Weinbau und Kellereitechnik.")
    assert {"Weinbau", "Kellereitechnik"} <= _sectors(text)
    # places after "aus" are no field
    assert _sectors("Alzey, 7. Juni 2021 – Das Netzwerk RebNet bündelt Betriebe aus Mainz und Worms.") == set()


def test_members_named_by_a_field_compound_are_no_sector():
    text = ("Greifswald, 3. Mai 2019 – Das Land fördert das Netzwerk KlinikNord e.V. mit 50.000 Euro. Das vorpommersche "
            "Netzwerk der Gesundheitswirtschaft vereint Kliniken, Medizintechnikfirmen und Hochschulen.")
    sectors = _sectors(text)
    assert "Gesundheitswirtschaft" in sectors
    assert "Medizintechnik" not in sectors


def test_english_cluster_for_field_with_apposition_and_coordination():
    text = "PolyLoop, the cluster for chemical recycling based in Leuna, has joined the Euroclusters programme."
    assert {s.lower() for s in _sectors(text)} == {"chemical recycling"}
    text = ("Vechta, 6 March 2024 – The cluster TerraNova e.V. has won. TerraNova works in the field of soil science "
            "and sustainable agriculture.")
    assert {s.lower() for s in _sectors(text)} == {"soil science", "sustainable agriculture"}
    text = ("Graz, 1 July 2021 – MotionAlps, the Graz-based cluster for the automotive and rail-technology industries, "
            "has a new managing director.")
    assert not any("industr" in s.lower() for s in _sectors(text))  # the head noun is no part of the field


def test_possessive_and_proper_modifiers_before_english_field():
    text = "Hanover, 14 October 2016 – RailHub Weser e.V., Lower Saxony’s rail technology cluster, has grown."
    assert {s.lower() for s in _sectors(text)} == {"rail technology"}
    # an acronym belongs to the field: "IT security" is not "security"
    text = "Saarbrücken, 1 June 2020 – CyberSaar e.V., the Saarland IT security cluster, has grown."
    assert "security" not in {s.lower() for s in _sectors(text)}


def test_members_from_coordinated_industries_english():
    text = ("Erfurt, 2 May 2018 – About us. LumenGlas e.V. is a network in Thuringia. We bring together companies "
            "from the solar and glass industries.")
    assert {"solar industry", "glass industry"} <= {s.lower() for s in _sectors(text)}


# --------------------------------------------------------------------------- second pass: labels


def test_label_first_with_auxiliary_and_participle():
    text = ("Bremen, 3. Oktober 2016 – Das Netzwerk SpaceWeser e.V. wächst. Das Bronze-Label der European Cluster "
            "Excellence Initiative hat SpaceWeser bereits 2014 erhalten.")
    assert {(s, d) for s, _, d in _facts(text, "awarded label")} == {("SpaceWeser", "2014")}
    negated = ("Bremen, 3. Oktober 2016 – Das Netzwerk SpaceWeser e.V. wächst. Das Bronze-Label hat SpaceWeser bisher "
               "nicht erhalten.")
    assert not _facts(negated, "awarded label")


def test_will_with_distant_infinitive_is_a_prospect():
    text = ("Bremen, 3. Oktober 2016 – Der Verein SpaceWeser e.V. wächst. 2017 will das Netzwerk das Silber-Label "
            "erreichen.")
    assert _tiers(_pairs(text, "prepares for label")) == {("SpaceWeser", "Silver")}
    assert not _facts(text, "awarded label")


def test_awards_list_on_a_clusters_own_page():
    text = ("Erfurt, 2 May 2018 – About us. LumenGlas e.V. is the network of the solar industry.\n\n"
            "ECEI Silver Label – since 2016\n\nNext on our list: the Gold Label.")
    assert _tiers({(s, o) for s, o, _ in _facts(text, "awarded label")}) == {("LumenGlas", "Silver")}
    assert {d for _, _, d in _facts(text, "awarded label")} == {"2016"}
    assert _tiers(_pairs(text, "prepares for label")) == {("LumenGlas", "Gold")}
    # an event about a label is no award
    text = "Erfurt, 2 May 2018 – LumenGlas e.V. is a network.\n\nECEI Gold Label webinar – 2019\n"
    assert not _facts(text, "awarded label")


def test_place_modified_network_refers_to_the_cluster_named_before():
    text = ("Karlsruhe, 1. Juli 2022 – Kurzmeldungen.\n\nDer Verein LogiRhein e.V. hat sich für die Gold-Bewertung "
            "der ECEI angemeldet. Das Silber-Label hält das Karlsruher Logistiknetzwerk seit 2020.")
    assert _tiers(_pairs(text, "awarded label")) == {("LogiRhein", "Silver")}
    assert _tiers(_pairs(text, "prepares for label")) == {("LogiRhein", "Gold")}


def test_focus_and_specialisation_phrases_english():
    text = ("Brest, 3 May 2022 – The network AgriOuest joined. AgriOuest, the Breton cluster specialised in "
            "agricultural technology, signed the agreement.")
    assert "agricultural technology" in {s.lower() for s in _sectors(text)}
    text = "Husum, 3 May 2022 – The network H2Nord joined. H2Nord focuses on electrolysis and hydrogen pipelines."
    assert {"electrolysis", "hydrogen pipelines"} <= {s.lower() for s in _sectors(text)}


def test_club_describing_itself_as_network_for_fields():
    text = ("Aue, 2. Mai 2023 – Das Netzwerk MetallErz e.V. hat einen neuen Namen. Der Verein versteht sich jetzt als "
            "Netzwerk für Mechatronik und Metallbearbeitung.")
    assert {"Mechatronik", "Metallbearbeitung"} <= _sectors(text)


def test_classifying_adjective_keeps_the_narrower_field():
    text = ("Halle, 3. April 2018 – Das Netzwerk PharmSaale e.V. wächst; es bündelt 34 Unternehmen der "
            "pharmazeutischen Biotechnologie.")
    sectors = _sectors(text)
    assert "Pharmazeutische Biotechnologie" in sectors
    assert "Biotechnologie" not in sectors  # the tempting wider field


def test_hyphenated_english_field():
    text = ("Bruchsal, 16 May 2024 – GridNet Kraichgau e.V. is growing. We are the energy-tech cluster from the "
            "Kraichgau.")
    assert "energy" not in {s.lower() for s in _sectors(text)}


def test_partner_cluster_is_not_we():
    text = ("Regensburg, December 2020 – Annual report 2020. In October we signed a cooperation agreement with the "
            "Czech cluster SenzorNet from Plzeň. Our goal for 2021 is the ECEI Bronze label.")
    assert not _pairs(text, "prepares for label")  # "our" is the reporting cluster, not the partner


def test_university_release_network_anaphor_is_the_network():
    text = ("Kaiserslautern, 20. Oktober 2020 – Die Hochschule Kaiserslautern wird Mitglied im Netzwerk NutzNet. "
            "Das Netzwerk mit Sitz in Zweibrücken bündelt rund 70 Hersteller und Zulieferer der Nutzfahrzeugindustrie.")
    got = _pairs(text, "sector")
    assert not any(s.startswith("Hochschule") for s, _ in got)


def test_assessor_named_obliquely_is_not_the_recipient():
    text = ("Chemnitz, 6. April 2018 – Das Chemnitzer Netzwerk TexNet Sachsen hat Ende März die Bewertung durch das "
            "European Secretariat for Cluster Analysis (ESCA) bestanden und trägt nun das Bronze-Label.")
    awarded = _pairs(text, "awarded label")
    assert _tiers(awarded) == {("TexNet Sachsen", "Bronze")}


def test_hedge_of_a_second_verb_phrase_does_not_block_the_award():
    text = ("Munich, 2 October 2023 – The network HyNet Bavaria is growing. HyNet Bavaria received the ECEI Bronze "
            "label in June 2023 and has applied for state funding for a test centre.")
    assert _tiers(_pairs(text, "awarded label")) == {("HyNet Bavaria", "Bronze")}
    assert not _pairs(text, "prepares for label")
    text = ("Munich, 2 October 2023 – The network HyNet Bavaria is growing. HyNet Bavaria has applied for the ECEI "
            "Bronze label.")
    assert not _pairs(text, "awarded label")


def test_next_goal_heading_and_plan():
    text = ("Remscheid, 2021 – Chronik des Netzwerks ToolBerg e.V.\n\n2019 erhielt ToolBerg das Bronze-Label.\n\n"
            "Nächstes Ziel: das Gold-Label.")
    assert ("ToolBerg", "Gold") in _tiers(_pairs(text, "prepares for label"))
    assert ("ToolBerg", "Gold") not in _tiers(_pairs(text, "awarded label"))


def test_subject_before_an_apposition_set_off_by_dashes():
    text = ("Würzburg, 12 May 2023 – RailNet Main e.V. – the rail technology network of Lower Franconia – today "
            "received the ECEI Gold label.")
    assert _tiers(_pairs(text, "awarded label")) == {("RailNet Main", "Gold")}


def test_pronoun_refers_to_the_one_cluster_of_the_sentence_before():
    text = ("Magdeburg, June 2021 – News in brief.\n\nThe network AquaLoop from Rostock has joined the Euroclusters "
            "programme.\n\nThe network MedLoop from Magdeburg has registered for the ECEI Silver assessment. It has "
            "held the Bronze label since 2019.")
    awarded = _facts(text, "awarded label")
    assert {(s, d) for s, _, d in awarded} == {("MedLoop", "2019")}  # not AquaLoop: "It" is the item's cluster
    assert _tiers(_pairs(text, "prepares for label")) == {("MedLoop", "Silver")}


def test_resolution_is_a_prospect_not_an_award():
    text = ("Iserlohn, Februar 2024 – Das Netzwerk MetallWerk e.V. wächst. Das Silber-Label hat sich MetallWerk für "
            "2025 vorgenommen.")
    assert _tiers(_pairs(text, "prepares for label")) == {("MetallWerk", "Silver")}
    assert not _pairs(text, "awarded label")


def test_members_come_from_a_field_not_from_a_place():
    text = ("Chemnitz, 6. April 2018 – Pressespiegel.\n\nDas Netzwerk TexWerk Sachsen feiert sein Jubiläum. Die 60 "
            "Mitgliedsfirmen kommen überwiegend aus dem Textilmaschinenbau.")
    assert ("TexWerk Sachsen", "Textilmaschinenbau") in _pairs(text, "sector")
    text = ("Goslar, 3. März 2025 – Das Netzwerk HarzWerk e.V. wächst. Die 47 Mitglieder kommen aus dem Landkreis "
            "Goslar.")
    assert _sectors(text) == set()


# --------------------------------------------------------------------------- fields that are not the cluster's sector

_DE = "Dresden, 3. März 2024 – Das Netzwerk AlphaNet ist ein Cluster aus Sachsen. "
_EN = "Leeds, 3 March 2024 – BetaNet is a cluster based in Leeds. "


@pytest.mark.parametrize("sentence", [
    "Das gemeinsame Projekt von AlphaNet widmet sich der Wasserstofftechnik.",            # a project's topic
    "Der Schwerpunkt des Förderprogramms liegt auf der Photonik.",                        # a programme's focus
    "Die Jahrestagung von AlphaNet steht unter dem Motto Digitalisierung und Künstliche Intelligenz.",  # an event's theme
    "Neues Mitglied ist die Firma Optex, die in der Medizintechnik tätig ist.",          # a member company's field
    "Zu den Mitgliedern gehört die Optex GmbH, ein Spezialist für Lasertechnik.",
    "Der Partnercluster aus Polen ist auf Biotechnologie spezialisiert.",                 # a partner's field
    "AlphaNet ist Partner des Netzwerks der Chemieindustrie in Sachsen-Anhalt.",
    "AlphaNet kooperiert mit dem Cluster für Medizintechnik in Thüringen.",
    "Das Ministerium für Wirtschaft, Energie und Klimaschutz unterstützt AlphaNet.",     # a ministry's policy area
    "Die Ministerin betonte die Bedeutung der Mikroelektronik für den Standort.",
    "„Künstliche Intelligenz wird alle Branchen verändern“, sagte Geschäftsführer Max Bauer.",  # a trend in a quote
    "Die Mitgliedsfirma Optex entwickelt Batterien für Elektroautos.",                    # a product
    "AlphaNet plant, künftig auch die Wasserstoffwirtschaft einzubeziehen.",              # planned
    "AlphaNet ist kein Netzwerk der Chemieindustrie.",                                    # negated
    "Früher war AlphaNet ein Netzwerk der Textilindustrie.",                              # former
    "Das Netzwerk bündelt Innovation, Forschung und Industrie.",                          # generic words
    "Der Cluster für Innovation und Digitalisierung wächst.",
    "Das Netzwerk der Wirtschaft und des Mittelstands wächst.",
    "AlphaNet ist im Bereich Innovation aktiv.",
])
def test_german_fields_that_are_not_the_clusters(sentence):
    assert not {s for s, o in _pairs(_DE + sentence, "sector") if s == "AlphaNet"}


@pytest.mark.parametrize("sentence", [
    "The joint project of BetaNet focuses on hydrogen storage.",                           # a project's topic
    "The programme focuses on microelectronics.",                                          # a programme's focus
    "The event focuses on quantum technology.",                                            # an event's theme
    "New member Optex is active in medical technology.",                                   # a member's field
    "Members include Optex Ltd, a specialist in laser technology.",
    "The partner cluster from Poland specialises in biotechnology.",                       # a partner's field
    "BetaNet is a partner of the chemical industry network in Wales.",
    "The Department for Energy and Climate supports BetaNet.",                             # a policy area
    "The minister stressed the importance of microelectronics for the region.",
    '"Artificial intelligence will change every industry," said managing director Max Bauer.',  # a trend in a quote
    "BetaNet sees artificial intelligence as a key trend.",
    "Member company Optex develops batteries for electric cars.",                          # a product
    "BetaNet plans to add the hydrogen industry to its scope.",                            # planned
    "BetaNet is not a network for the chemical industry.",                                 # negated
    "BetaNet used to be the textile cluster of the region.",                               # former
    "The cluster for innovation and digitalisation is growing.",                           # generic words
    "The network of industry and business keeps growing.",
    "BetaNet is the cluster for innovation in the region.",
    "BetaNet is active in the field of innovation.",
    "The region is known for its strong automotive industry.",
])
def test_english_fields_that_are_not_the_clusters(sentence):
    assert not {s for s, o in _pairs(_EN + sentence, "sector") if s == "BetaNet"}


def test_a_relative_clause_gives_its_field_to_its_antecedent():
    text = _DE + "AlphaNet kooperiert mit dem Netzwerk GammaNet, das Unternehmen der Luftfahrt vernetzt."
    pairs = _pairs(text, "sector")
    assert not {o for s, o in pairs if s == "AlphaNet"}
    assert {s for s, _ in pairs} <= {"GammaNet"}


def test_a_partner_named_in_the_phrase_keeps_its_field():
    pairs = _pairs(_EN + "BetaNet cooperates with the photonics cluster OptoNet.", "sector")
    assert pairs == {("OptoNet", "Photonics")}


def test_a_hedge_after_an_attributive_field_concerns_another_statement():
    text = _EN + "The Federal Ministry will fund the new air-quality network CleanAir Leeds."
    assert {o.lower() for s, o in _pairs(text, "sector")} == {"air quality"}
    text = ("Leipzig, 3. März 2024 – OptoSax ist ein Netzwerk aus Leipzig. Die Präsenz des sächsischen Photonik-Clusters "
            "wird erhöht, davon erhoffen wir uns viel.")
    assert ("OptoSax", "Photonik") in _pairs(text, "sector")


def test_we_are_the_network_of_two_fields():
    pairs = _pairs(_DE + "Wir sind das Netzwerk der Kunststoffverarbeitung und der Werkzeugbauer in Sachsen.", "sector")
    assert pairs == {("AlphaNet", "Kunststoffverarbeitung"), ("AlphaNet", "Werkzeugbau")}
    pairs = _pairs(_DE + "Wir sind das Netzwerk der Kunststoffverarbeitung und der Region Chemnitz.", "sector")
    assert pairs == {("AlphaNet", "Kunststoffverarbeitung")}  # a region is no field


def test_coordinated_english_pre_modifiers():
    pairs = _pairs(_EN + "BetaNet is the food processing and packaging cluster of the region.", "sector")
    assert pairs == {("BetaNet", "food processing"), ("BetaNet", "packaging")}
    pairs = _pairs(_EN + "BetaNet is the forestry and timber cluster of the region.", "sector")
    assert pairs == {("BetaNet", "forestry and timber")}  # two single words name one trade
    assert not _pairs(_EN + "BetaNet is the innovation and technology network of the region.", "sector")


def test_list_row_field_between_dashes_is_widened():
    text = ("Berlin, 1 July 2020 – New members of go-cluster\n\nThe Federal Ministry welcomes four new members of "
            "go-cluster:\n\n- StoreNet Energy, Magdeburg (Saxony-Anhalt) — energy storage — member since 1 July 2020\n"
            "- CeraNet, Selb (Bavaria) — ceramics — member since 1 July 2020\n")
    pairs = _pairs(text, "sector")
    assert ("StoreNet Energy", "energy storage") in pairs
    assert ("StoreNet Energy", "Energy") not in pairs  # a word of the name is no field
    assert ("CeraNet", "ceramics") in pairs


def test_members_of_a_field_named_by_their_trade_and_only_network():
    pairs = _pairs(_EN + "BetaNet, the Leeds-based network of automotive software companies, grows.", "sector")
    assert {o for _, o in pairs} == {"automotive software"}
    pairs = _pairs(_EN + "BetaNet is Yorkshire's only network for medical imaging.", "sector")
    assert "only" not in {o for _, o in pairs}


# --------------------------------------------------------------------------- more award phrasings


@pytest.mark.parametrize("text, expected", [
    (_EN + "BetaNet was recognised with the GOLD label of the ECEI.", {("BetaNet", "Gold")}),
    (_EN + "BetaNet is a Gold-labelled cluster.", {("BetaNet", "Gold")}),
    (_EN + "BetaNet has been a Silver-label cluster since 2021.", {("BetaNet", "Silver")}),
    (_EN + "BetaNet's Silver label was renewed in 2022.", {("BetaNet", "Silver")}),
    (_DE + "AlphaNet ist ein mit dem Gold-Label ausgezeichnetes Netzwerk.", {("AlphaNet", "Gold")}),
    (_DE + "AlphaNet darf sich nun mit dem Qualitätssiegel GOLD der ECEI schmücken.", {("AlphaNet", "Gold")}),
    (_DE + "AlphaNet hatte das Silber-Label bereits 2020 erhalten.", {("AlphaNet", "Silver")}),
    (_DE + "2019: Auszeichnung mit dem ECEI-Silber-Label", {("AlphaNet", "Silver")}),
    (_EN + "2016 – awarded the ECEI Bronze Label", {("BetaNet", "Bronze")}),
])
def test_more_award_phrasings(text, expected):
    assert _tiers(_pairs(text, "awarded label")) == expected


def test_a_renewal_is_not_given_to_the_awarder_after_a_colon():
    text = ("Bielefeld, 3. März 2023 – Neues.\n\nHolzNet bündelt Unternehmen aus dem Holzbau. Das Netzwerk aus Paderborn "
            "hat sein Silber-Label erneuert: Das European Secretariat for Cluster Analysis (ESCA), das die Label vergibt, "
            "bestätigte die Auszeichnung.")
    assert _tiers(_pairs(text, "awarded label")) == {("HolzNet", "Silver")}


def test_a_chronicle_line_needs_the_year_and_the_award_alone():
    # words after the label: not a line of the cluster's own history
    assert not _pairs(_EN + "2016 – awarded the ECEI Bronze Label to many clusters in Europe", "awarded label")
    assert not _pairs(_EN + "BetaNet hopes to hold the Gold label by 2026.", "awarded label")


@pytest.mark.parametrize("text", [
    _DE + "Das Digitalisierungsnetzwerk AlphaNet wächst.",
    _DE + "AlphaNet vernetzt Unternehmen der Digitalisierung.",
    _DE + "AlphaNet ist das Netzwerk für Zukunftstechnologien in Sachsen.",
    _DE + "AlphaNet ist der Cluster für Technologie und Innovation in Sachsen.",
    _DE + "Das Mittelstandsnetzwerk AlphaNet wächst.",
    _DE + "AlphaNet ist der Cluster für Nachhaltigkeit.",
    _EN + "BetaNet is the digitalisation cluster of Yorkshire.",
    _EN + "BetaNet is the cluster for digital transformation and innovation.",
    _EN + "BetaNet is the network of universities in the region.",
    _EN + "BetaNet is active in the field of sustainability.",
    _EN + "BetaNet is Yorkshire's leading technology network.",
])
def test_generic_words_are_no_sector(text):
    assert not _pairs(text, "sector")


def test_generic_word_check_keeps_real_fields():
    assert _pairs(_EN + "BetaNet is the cluster for digital health in Yorkshire.", "sector") == {("BetaNet", "digital health")}
    assert ("AlphaNet", "Medizintechnik") in _pairs(_DE + "AlphaNet ist das Netzwerk der Medizintechnik in Sachsen.", "sector")


def test_a_field_led_by_an_acronym():
    assert _pairs(_EN + "BetaNet, the IT security cluster of Yorkshire, welcomed the decision.", "sector") == {
        ("BetaNet", "IT security")}
    assert not _pairs(_EN + "BetaNet, the IT department of the council, welcomed the decision.", "sector")


def test_als_netzwerk_der_names_the_subject_after_the_phrase():
    pairs = _pairs(_DE + "Als Netzwerk der Kunststoffbranche vertritt AlphaNet 80 Unternehmen.", "sector")
    assert {s for s, _ in pairs} == {"AlphaNet"}
    text = _DE + "Als Netzwerk der Kunststoffbranche bezeichnete der Minister den Verband PlastNet."
    assert not {o for s, o in _pairs(text, "sector") if s == "AlphaNet"}


def test_members_active_in_a_field():
    assert _pairs(_DE + "Die Mitglieder sind vor allem in der Medizintechnik tätig.", "sector") == {("AlphaNet", "Medizintechnik")}
    assert _pairs(_EN + "Its members work in the photonics industry.", "sector") == {("BetaNet", "Photonics")}
    assert not _pairs(_DE + "Die Mitglieder des Partnerclusters sind in der Medizintechnik tätig.", "sector")
    assert not _pairs(_DE + "Die Mitglieder sind in der Region verwurzelt.", "sector")
    assert not _pairs(_EN + "Our members work in close cooperation.", "sector")
    assert not _pairs(_EN + "The members of the partner cluster work in robotics.", "sector")
