"""The relation names of the facts JSON and the ontology property each one maps to.

This table is the documented mapping (README, "Relations"): extraction emits these names,
the facts file carries them, and :mod:`clustergraph.rdfmap` turns them into triples.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from clustergraph.vocab import CG


@dataclass(frozen=True)
class Relation:
    name: str
    property: URIRef
    subject_types: tuple[str, ...]
    object_types: tuple[str, ...]
    description: str
    dated_class: URIRef | None = None  # n-ary node minted for dated facts


RELATIONS: tuple[Relation, ...] = (
    Relation("member of programme", CG.memberOf, ("Cluster", "Organisation"), ("Programme",),
             "A cluster takes part in a programme or initiative.", CG.Membership),
    Relation("awarded label", CG.holdsLabel, ("Cluster", "Organisation"), ("Label",),
             "A cluster was awarded a quality label (not: aims for, prepares for, applies for).", CG.LabelAward),
    Relation("run by", CG.runBy, ("Programme", "Label"), ("Ministry", "Organisation"),
             "A programme or label scheme is run, launched or funded by a ministry or organisation."),
    Relation("located in", CG.locatedIn, ("Cluster", "Organisation", "Ministry"), ("Region",),
             "An organisation is based in or belongs to a region."),
    Relation("part of", CG.partOf, ("Region",), ("Region",),
             "A region lies within another (transitive)."),
    Relation("sector", CG.sector, ("Cluster", "Organisation", "Programme"), ("Sector",),
             "The field or industry a cluster works in."),
    Relation("managing director of", CG.managingDirectorOf, ("Person",), ("Cluster", "Organisation"),
             "A person is the managing director (Geschäftsführer/in) of an organisation."),
    Relation("spokesperson of", CG.spokespersonOf, ("Person",), ("Cluster", "Organisation"),
             "A person is the spokesperson or chair (Sprecher/in, Vorstand) of an organisation."),
    Relation("awarded under", CG.awardedUnder, ("Label",), ("Programme", "Organisation"),
             "A quality label is awarded under an initiative or scheme."),
    Relation("prepares for label", CG.preparesFor, ("Programme", "Cluster"), ("Label",),
             "A programme lays the groundwork for a label; nothing was awarded."),
    Relation("funded by", CG.fundedBy, ("Cluster", "Programme", "Organisation"), ("Ministry", "Programme", "Organisation"),
             "An organisation or programme receives funding from a ministry or programme."),
    Relation("jurisdiction", CG.jurisdiction, ("Ministry", "Programme"), ("Region",),
             "The territory a ministry or programme acts for."),
    Relation("partner of", CG.partnerOf, ("Cluster", "Organisation"), ("Cluster", "Organisation"),
             "Two organisations cooperate (symmetric)."),
)

BY_NAME: dict[str, Relation] = {r.name: r for r in RELATIONS}
BY_PROPERTY: dict[URIRef, Relation] = {r.property: r for r in RELATIONS}


def relation(name: str) -> Relation:
    """The relation called ``name``; ``KeyError`` lists the known names.

    >>> relation("run by").property.endswith("#runBy")
    True
    """
    try:
        return BY_NAME[name]
    except KeyError:
        raise KeyError(f"unknown relation {name!r}; known: {', '.join(BY_NAME)}") from None


def relations_markdown() -> str:
    """The relation table as Markdown (the README embeds it; a test keeps them equal)."""
    lines = ["| relation (facts JSON) | property | subject | object | meaning |", "| --- | --- | --- | --- | --- |"]
    for r in RELATIONS:
        prop = "cg:" + str(r.property).rsplit("#", 1)[-1]
        dated = f" Dated facts also get a `cg:{str(r.dated_class).rsplit('#', 1)[-1]}` node." if r.dated_class else ""
        lines.append(
            f"| `{r.name}` | `{prop}` | {', '.join(r.subject_types)} | {', '.join(r.object_types)} | {r.description}{dated} |"
        )
    return "\n".join(lines)
