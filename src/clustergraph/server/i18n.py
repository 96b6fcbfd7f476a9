"""Interface text in German and English, and choosing the visitor's language.

Every string a page shows (not the data) is a key of :data:`STRINGS`; templates call ``t(key)``
and scripts get the same table in a JSON block. A missing German string falls back to English.

>>> translate("de", "search"), translate("en", "search")
('Suchen', 'Search')
>>> choose_language("de", None, [("en-GB", 1.0)])
'de'
>>> choose_language(None, None, [("fr", 1.0), ("de-DE", 0.8)])
'de'
"""

from __future__ import annotations

from typing import Iterable

LANGUAGES = ("en", "de")
DEFAULT_LANGUAGE = "en"

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "nav.graph": "Graph", "nav.overview": "Overview", "nav.announcements": "Announcements",
        "nav.sparql": "SPARQL", "nav.queries": "Questions", "nav.ontology": "Ontology",
        "language": "Language",
        "search": "Search", "search.placeholder": "Find a cluster, programme, region…",
        "search.none": "Nothing found", "filters": "Show", "legend": "Legend",
        "date.label": "Graph as of", "date.all": "all dates",
        "panel.close": "Close", "panel.facts": "Facts", "panel.entity_page": "Open the entity page",
        "panel.expand": "Show neighbours", "panel.loading": "Loading…",
        "more": "more…", "hint": "Click a node for its facts, double-click to expand its neighbours.",
        "nodes": "nodes", "edges": "relations", "cut": "Showing {shown} of {total} entities.",
        "focus.all": "Show the whole graph", "focus.view": "Around {label}, depth {depth}",
        "analytics": "Analytics", "analytics.connected": "Most connected clusters",
        "analytics.bridges": "Programmes bridging Länder", "analytics.communities": "Communities",
        "analytics.path": "How is X connected to Y?", "analytics.from": "From", "analytics.to": "To",
        "analytics.find": "Find paths", "analytics.nopath": "Not connected.",
        "analytics.steps": "{n} steps", "analytics.lands": "{n} Länder, {m} members",
        "analytics.links": "{n} links", "analytics.members": "{n} entities", "analytics.modularity": "Modularity",
        "entity.type": "Type", "entity.aliases": "Also known as", "entity.iri": "IRI",
        "entity.facts_out": "Facts about it", "entity.facts_in": "Facts pointing to it",
        "entity.timeline": "Timeline", "entity.neighbourhood": "Neighbourhood",
        "entity.properties": "Other properties", "entity.formats": "This resource as",
        "entity.in_graph": "Show in the graph", "entity.no_facts": "No facts.",
        "fact.relation": "Relation", "fact.other": "Entity", "fact.date": "Date",
        "fact.evidence": "Evidence", "fact.source": "Source", "fact.confidence": "Confidence",
        "fact.reference": "reference data",
        "announcement": "Announcement", "announcements": "Announcements",
        "announcement.text": "Text", "announcement.facts": "Facts taken from it",
        "announcement.metadata": "Metadata", "announcement.provenance": "Provenance",
        "announcement.no_text": "The text of this announcement is not stored.",
        "announcement.not_in_text": "The evidence was not found in the stored text.",
        "meta.title": "Title", "meta.issued": "Issued", "meta.publisher": "Publisher", "meta.place": "Place",
        "meta.kind": "Kind", "meta.language": "Language", "meta.source": "Source file",
        "meta.graph": "Named graph", "meta.activity": "Extraction", "meta.ingested": "Ingested",
        "meta.extractor": "Extractor version", "meta.facts": "Facts",
        "overview": "Overview", "overview.counts": "Entities per class",
        "overview.newest": "Newest announcements", "overview.memberships": "Memberships per year",
        "overview.lands": "Clusters per Land", "overview.none": "No data yet.",
        "overview.totals": "{entities} entities, {facts} facts, {announcements} announcements",
        "json": "JSON",
        "type.Cluster": "Cluster", "type.Programme": "Programme", "type.Ministry": "Ministry",
        "type.Region": "Region", "type.Label": "Quality label", "type.Person": "Person",
        "type.Sector": "Sector", "type.Organisation": "Organisation",
        "type.Announcement": "Announcement",
    },
    "de": {
        "nav.graph": "Graph", "nav.overview": "Überblick", "nav.announcements": "Meldungen",
        "nav.sparql": "SPARQL", "nav.queries": "Fragen", "nav.ontology": "Ontologie",
        "language": "Sprache",
        "search": "Suchen", "search.placeholder": "Cluster, Programm, Region finden…",
        "search.none": "Nichts gefunden", "filters": "Zeigen", "legend": "Legende",
        "date.label": "Graph zum Stand", "date.all": "alle Daten",
        "panel.close": "Schließen", "panel.facts": "Fakten", "panel.entity_page": "Zur Seite der Entität",
        "panel.expand": "Nachbarn zeigen", "panel.loading": "Lädt…",
        "more": "mehr…", "hint": "Klick auf einen Knoten zeigt seine Fakten, Doppelklick seine Nachbarn.",
        "nodes": "Knoten", "edges": "Beziehungen", "cut": "{shown} von {total} Entitäten gezeigt.",
        "focus.all": "Ganzen Graph zeigen", "focus.view": "Um {label}, Tiefe {depth}",
        "analytics": "Auswertung", "analytics.connected": "Am besten vernetzte Cluster",
        "analytics.bridges": "Programme über Ländergrenzen", "analytics.communities": "Gemeinschaften",
        "analytics.path": "Wie hängt X mit Y zusammen?", "analytics.from": "Von", "analytics.to": "Nach",
        "analytics.find": "Wege finden", "analytics.nopath": "Nicht verbunden.",
        "analytics.steps": "{n} Schritte", "analytics.lands": "{n} Länder, {m} Mitglieder",
        "analytics.links": "{n} Verbindungen", "analytics.members": "{n} Entitäten",
        "analytics.modularity": "Modularität",
        "entity.type": "Typ", "entity.aliases": "Auch genannt", "entity.iri": "IRI",
        "entity.facts_out": "Fakten über sie", "entity.facts_in": "Fakten, die auf sie zeigen",
        "entity.timeline": "Zeitleiste", "entity.neighbourhood": "Umgebung",
        "entity.properties": "Weitere Eigenschaften", "entity.formats": "Diese Ressource als",
        "entity.in_graph": "Im Graph zeigen", "entity.no_facts": "Keine Fakten.",
        "fact.relation": "Beziehung", "fact.other": "Entität", "fact.date": "Datum",
        "fact.evidence": "Beleg", "fact.source": "Quelle", "fact.confidence": "Konfidenz",
        "fact.reference": "Referenzdaten",
        "announcement": "Meldung", "announcements": "Meldungen",
        "announcement.text": "Text", "announcement.facts": "Daraus gewonnene Fakten",
        "announcement.metadata": "Metadaten", "announcement.provenance": "Herkunft",
        "announcement.no_text": "Der Text dieser Meldung ist nicht gespeichert.",
        "announcement.not_in_text": "Der Beleg wurde im gespeicherten Text nicht gefunden.",
        "meta.title": "Titel", "meta.issued": "Erschienen", "meta.publisher": "Herausgeber", "meta.place": "Ort",
        "meta.kind": "Art", "meta.language": "Sprache", "meta.source": "Quelldatei",
        "meta.graph": "Benannter Graph", "meta.activity": "Extraktion", "meta.ingested": "Eingelesen",
        "meta.extractor": "Extraktor-Version", "meta.facts": "Fakten",
        "overview": "Überblick", "overview.counts": "Entitäten je Klasse",
        "overview.newest": "Neueste Meldungen", "overview.memberships": "Mitgliedschaften je Jahr",
        "overview.lands": "Cluster je Land", "overview.none": "Noch keine Daten.",
        "overview.totals": "{entities} Entitäten, {facts} Fakten, {announcements} Meldungen",
        "json": "JSON",
        "type.Cluster": "Cluster", "type.Programme": "Programm", "type.Ministry": "Ministerium",
        "type.Region": "Region", "type.Label": "Qualitätslabel", "type.Person": "Person",
        "type.Sector": "Branche", "type.Organisation": "Organisation",
        "type.Announcement": "Meldung",
    },
}

# Relation names of relations.RELATIONS as shown in German (English shows the name itself).
RELATION_NAMES_DE: dict[str, str] = {
    "member of programme": "Mitglied im Programm",
    "awarded label": "ausgezeichnet mit",
    "run by": "getragen von",
    "located in": "liegt in",
    "part of": "Teil von",
    "sector": "Branche",
    "managing director of": "Geschäftsführung von",
    "spokesperson of": "Sprecher/in von",
    "awarded under": "vergeben im Rahmen von",
    "prepares for label": "bereitet vor auf",
    "funded by": "gefördert von",
    "jurisdiction": "zuständig für",
    "partner of": "Partner von",
}


def translate(lang: str, key: str, **values) -> str:
    """The interface string ``key`` in ``lang`` (English when missing), with ``{names}`` filled in."""
    text = STRINGS.get(lang, {}).get(key) or STRINGS[DEFAULT_LANGUAGE].get(key, key)
    return text.format(**values) if values else text


def relation_label(lang: str, name: str) -> str:
    """How a relation is named on screen.

    >>> relation_label("de", "member of programme"), relation_label("en", "member of programme")
    ('Mitglied im Programm', 'member of programme')
    """
    if lang == "de":
        return RELATION_NAMES_DE.get(name, name)
    return name


def type_label(lang: str, type_name: str) -> str:
    return translate(lang, f"type.{type_name}") if type_name else ""


def choose_language(asked: str | None, cookie: str | None, accepted: Iterable[tuple[str, float]]) -> str:
    """``?lang=`` wins, then the cookie a switch left, then the browser's Accept-Language."""
    for candidate in (asked, cookie):
        if candidate in LANGUAGES:
            return candidate
    for value, _quality in sorted(accepted, key=lambda item: -item[1]):
        primary = value.split("-")[0].lower()
        if primary in LANGUAGES:
            return primary
    return DEFAULT_LANGUAGE


def client_strings(lang: str) -> dict[str, str]:
    """The strings the scripts need, in ``lang`` (handed over in a JSON block)."""
    table = dict(STRINGS[DEFAULT_LANGUAGE])
    table.update(STRINGS.get(lang, {}))
    return table
