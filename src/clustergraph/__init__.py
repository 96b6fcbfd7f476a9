"""clustergraph: a knowledge graph of innovation clusters.

Announcements go in, facts with the sentence that stated them come out, stored as RDF in
named graphs with PROV-O provenance, queryable with SPARQL and browsable as a network.
"""

__version__ = "0.1.0"
