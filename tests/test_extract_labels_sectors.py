"""Labels (awarded, awarded under, prepared for) and sectors: small sentences in both languages, each with
the tempting wrong reading next to the right one."""

from __future__ import annotations

import pytest

from clustergraph.extract.pipeline import extract_text
from clustergraph.extract.sector_phrases import sector_phrases, split_field


def _facts(text: str, relation: str) -> set[tuple[str, str, str | None]]:
    document = extract_text(text).document
    return {(f.subject, f.object, f.date) for f in document.facts if f.relation == relation}


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
