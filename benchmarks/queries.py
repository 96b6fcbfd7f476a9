"""The query mix of the benchmarks: the same SPARQL text for every store and for HTTP.

Every query is written against the union of all graphs (clustergraph's default dataset). In
Oxigraph that union is a bag: a triple stated in 700 announcement graphs (``region:sachsen a
cg:Region``) is 700 solutions, and a join of two such patterns multiplies them. The queries
therefore remove duplicates early, in ``SELECT DISTINCT`` subqueries, before joining or sorting:
written naively, ``label_holders_by_ministry`` took 85 s at 1.2M triples instead of 10 ms (see
``notes.md``). rdflib's union yields each triple once, so it does not need this.
"""

from __future__ import annotations

from clustergraph.vocab import PREFIXES, mint

_HEADER = "".join(
    f"PREFIX {name}: <{PREFIXES[name]}>\n" for name in ("cg", "rdf", "skos", "prov", "dcterms", "xsd")
)


def query_mix(meta: dict) -> dict[str, tuple[str, str]]:
    """name -> (what it asks, SPARQL). ``meta`` is what the generator recorded of the data:
    ``sample_cluster`` (a cluster with announcements) and ``sample_programme`` (one with members)."""
    deutschland = mint("region", "Deutschland").n3()
    programme = f"<{meta['sample_programme']}>"
    cluster = f"<{meta['sample_cluster']}>"
    return {
        "clusters_per_land": (
            "aggregation over a cg:partOf+ path: clusters per Land",
            f"""SELECT ?land (COUNT(DISTINCT ?cluster) AS ?clusters) WHERE {{
  ?cluster a cg:Cluster ; cg:locatedIn ?region .
  ?region cg:partOf+ ?land .
  ?land cg:partOf {deutschland} .
}} GROUP BY ?land ORDER BY DESC(?clusters)""",
        ),
        "programme_members": (
            "members of a programme with their names",
            f"""SELECT ?cluster ?name WHERE {{
  {{ SELECT DISTINCT ?cluster ?name WHERE {{ ?cluster cg:memberOf {programme} ; skos:prefLabel ?name . }} }}
}} ORDER BY ?name""",
        ),
        "label_holders_by_ministry": (
            "label holders per ministry running the label or its programme",
            """SELECT ?ministry (COUNT(DISTINCT ?cluster) AS ?holders) WHERE {
  { SELECT DISTINCT ?label ?ministry WHERE { ?label cg:runBy|cg:awardedUnder/cg:runBy ?ministry } }
  FILTER EXISTS { ?ministry a cg:Ministry }
  { SELECT DISTINCT ?cluster ?label WHERE { ?cluster cg:holdsLabel ?label } }
} GROUP BY ?ministry ORDER BY DESC(?holders)""",
        ),
        "memberships_2015": (
            "date filter: memberships that started in 2015",
            """SELECT ?cluster ?programme ?start WHERE {
  { SELECT DISTINCT ?cluster ?programme ?start WHERE {
    ?membership a cg:Membership ; cg:cluster ?cluster ; cg:programme ?programme ; cg:startDate ?start .
    FILTER(STR(?start) >= "2015" && STR(?start) < "2016") } }
} ORDER BY ?start""",
        ),
        "label_search": (
            "text search over labels and aliases (\"photonik\")",
            """SELECT DISTINCT ?entity ?name WHERE {
  ?entity skos:prefLabel|skos:altLabel ?name .
  FILTER(CONTAINS(LCASE(STR(?name)), "photonik"))
}""",
        ),
        "provenance": (
            "provenance lookup: every stated fact about one cluster, its sentence and announcement",
            f"""SELECT ?relation ?evidence ?announcement ?issued WHERE {{
  ?assertion rdf:subject {cluster} ; cg:relation ?relation ; cg:evidence ?evidence ;
             prov:wasDerivedFrom ?announcement .
  ?announcement dcterms:issued ?issued .
}} ORDER BY ?issued""",
        ),
        "types_count": (
            "full scan: entities per class",
            """SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY ?class""",
        ),
        "cluster_memberships": (
            "one cluster's dated memberships (a small query)",
            f"""SELECT DISTINCT ?programme ?start WHERE {{
  ?membership cg:cluster {cluster} ; cg:programme ?programme .
  OPTIONAL {{ ?membership cg:startDate ?start }}
}}""",
        ),
        "entity_lookup": (
            "one entity's triples (a small query)",
            f"""SELECT DISTINCT ?p ?o WHERE {{ {cluster} ?p ?o }} LIMIT 100""",
        ),
    }


# the small queries used for HTTP throughput (the p99 target is for small queries)
HTTP_QUERIES = ("entity_lookup", "cluster_memberships", "provenance")


def with_prefixes(sparql: str) -> str:
    return _HEADER + sparql
