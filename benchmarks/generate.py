"""Realistic synthetic cluster graphs for the benchmarks, at about 10k, 100k and 1.2M triples.

The data has the layout clustergraph itself writes (docs/ARCHITECTURE.md):

- reference graphs: the shipped ``data/reference/*.ttl`` (Deutschland, the 16 Länder, federal
  ministries, programmes, ECEI labels) plus a synthetic one with districts (``cg:partOf`` a Land,
  which is ``cg:partOf`` Deutschland), Land ministries, Land cluster programmes run by them and Land
  quality labels awarded under those programmes;
- one named graph per announcement, built by the project's own :func:`clustergraph.rdfmap.document_graph`
  from a synthetic :class:`~clustergraph.model.FactsDocument`: the announcement with its text and
  provenance (``cg:ExtractionActivity``), the entities it names, each fact as a direct triple and as
  a ``cg:Assertion`` with its evidence sentence and offsets, dated ``cg:Membership`` / ``cg:LabelAward``
  nodes, and a ``cg:Figure``.

Everything is drawn from a seeded random generator, so the same size gives the same data. The
result is written once as N-Quads (``{workdir}/{size}.nq``) and reused by later runs.

Run: ``.venv/bin/python benchmarks/generate.py --sizes small`` (prints what it wrote).
"""

from __future__ import annotations

import argparse
import json
import random
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from clustergraph.model import Announcement, Entity, Fact, FactsDocument, Figure
from clustergraph.rdfmap import document_graph
from clustergraph.resources import reference_dir
from clustergraph.vocab import CG, graph_iri, mint

GENERATOR_VERSION = "3"  # bump when the data changes, so cached files are rebuilt
SEED = 20140718
INGESTED_AT = datetime(2025, 1, 15, 12, 0, tzinfo=timezone.utc)

# target triples per size
SIZES: dict[str, int] = {"small": 10_000, "medium": 100_000, "large": 1_200_000}

# (Land name as in data/reference/regions.ttl, a few towns, adjective of its ministry)
LAENDER: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("Baden-Württemberg", ("Stuttgart", "Karlsruhe", "Freiburg", "Ulm", "Heidelberg"), "Baden-Württembergisches"),
    ("Bayern", ("München", "Nürnberg", "Augsburg", "Regensburg", "Würzburg"), "Bayerisches"),
    ("Berlin", ("Berlin",), "Berliner"),
    ("Brandenburg", ("Potsdam", "Cottbus", "Frankfurt (Oder)"), "Brandenburgisches"),
    ("Bremen", ("Bremen", "Bremerhaven"), "Bremer"),
    ("Hamburg", ("Hamburg",), "Hamburger"),
    ("Hessen", ("Frankfurt am Main", "Wiesbaden", "Kassel", "Darmstadt"), "Hessisches"),
    ("Mecklenburg-Vorpommern", ("Rostock", "Schwerin", "Greifswald"), "Mecklenburgisches"),
    ("Niedersachsen", ("Hannover", "Braunschweig", "Oldenburg", "Göttingen"), "Niedersächsisches"),
    ("Nordrhein-Westfalen", ("Köln", "Düsseldorf", "Dortmund", "Essen", "Münster", "Aachen"), "Nordrhein-Westfälisches"),
    ("Rheinland-Pfalz", ("Mainz", "Koblenz", "Kaiserslautern", "Trier"), "Rheinland-Pfälzisches"),
    ("Saarland", ("Saarbrücken",), "Saarländisches"),
    ("Sachsen", ("Dresden", "Leipzig", "Chemnitz", "Zwickau"), "Sächsisches"),
    ("Sachsen-Anhalt", ("Magdeburg", "Halle (Saale)", "Dessau"), "Sachsen-Anhaltisches"),
    ("Schleswig-Holstein", ("Kiel", "Lübeck", "Flensburg"), "Schleswig-Holsteinisches"),
    ("Thüringen", ("Erfurt", "Jena", "Weimar", "Gera"), "Thüringer"),
)
SECTORS = (
    "Biotechnologie", "Medizintechnik", "Mikroelektronik", "Photonik", "Automotive", "Logistik",
    "Luftfahrt", "Maritime Wirtschaft", "Energietechnik", "Wasserstoff", "Kunststofftechnik",
    "Chemie", "Ernährungswirtschaft", "Holz und Forst", "Kreativwirtschaft", "Informationstechnik",
    "Umwelttechnik", "Gesundheitswirtschaft", "Mobilität", "Textil",
)
FEDERAL_PROGRAMMES = (  # (name as in data/reference/programmes.ttl, running ministry)
    ("go-cluster", "BMWi"),
    ("Spitzencluster-Wettbewerb", "BMBF"),
    ("Zukunftscluster-Initiative", "BMBF"),
)
ECEI_LABELS = ("ECEI Bronze Label", "ECEI Silver Label", "ECEI Gold Label")
FIRST_NAMES = ("Anna", "Jonas", "Katrin", "Matthias", "Sabine", "Thomas", "Julia", "Stefan", "Claudia",
               "André", "Birgit", "Jörg", "Ulrike", "Michael", "Susanne", "Frank", "Heike", "Lars")
LAST_NAMES = ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hofmann",
              "Schäfer", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Braun")
CLUSTER_WORDS = ("Netzwerk", "Cluster", "Verbund", "Initiative", "Allianz", "Forum")


@dataclass
class District:
    name: str
    land: str
    town: str


@dataclass
class LandScheme:
    """A Land's ministry, its cluster programme and the quality label awarded under it."""

    land: str
    ministry: str
    programme: str
    label: str


@dataclass
class ClusterRecord:
    name: str
    acronym: str
    district: District
    sector: str
    director: str
    programmes: list[tuple[str, str]] = field(default_factory=list)  # (programme, date)
    labels: list[tuple[str, str]] = field(default_factory=list)  # (label, date)


@dataclass
class World:
    """The entities and relations announcements are drawn from."""

    districts: list[District]
    schemes: list[LandScheme]
    clusters: list[ClusterRecord]


MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember")


def german_date(iso: str) -> str:
    """How a German press release writes an ISO date of any precision.

    >>> german_date("2014-07-18"), german_date("2014-06"), german_date("2014")
    ('18. Juli 2014', 'Juni 2014', '2014')
    """
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])}. {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return iso


def _on(iso: str) -> str:
    """The preposition before a date: "Am 18. Juli 2014", "Im Juni 2014", "Im Jahr 2014"."""
    return {3: "Am", 2: "Im"}.get(len(iso.split("-")), "Im Jahr")


def _date(rng: random.Random, start: int = 2008, end: int = 2024) -> str:
    year = rng.randint(start, end)
    precision = rng.random()
    if precision < 0.5:
        return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if precision < 0.9:
        return f"{year}-{rng.randint(1, 12):02d}"
    return str(year)


def make_world(n_clusters: int, seed: int = SEED) -> World:
    """Districts in every Land, a cluster scheme per Land and ``n_clusters`` clusters."""
    rng = random.Random(seed)
    districts = []
    for land, towns, _ in LAENDER:
        per_land = max(len(towns), 6 + len(towns) * 4)
        for index in range(per_land):
            town = towns[index % len(towns)]
            name = town if index < len(towns) else f"Landkreis {town}-{'Nord Süd Ost West Mitte Land'.split()[index % 6]} {index}"
            districts.append(District(name, land, town))
    schemes = [
        LandScheme(land, f"{adjective} Staatsministerium für Wirtschaft", f"Clusterprogramm {land}",
                   f"Exzellenzcluster {land}")
        for land, _, adjective in LAENDER
    ]
    clusters = []
    for index in range(n_clusters):
        sector = rng.choice(SECTORS)
        district = rng.choice(districts)
        word = rng.choice(CLUSTER_WORDS)
        name = f"{sector} {word} {district.town} {index}"
        acronym = "".join(part[0] for part in name.split() if part[0].isalpha()).upper() + str(index)
        director = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {index}"
        record = ClusterRecord(name, acronym, district, sector, director)
        scheme = schemes[[land for land, _, _ in LAENDER].index(district.land)]
        for programme, _ in rng.sample(FEDERAL_PROGRAMMES, rng.randint(0, 2)):
            record.programmes.append((programme, _date(rng)))
        if rng.random() < 0.7:
            record.programmes.append((scheme.programme, _date(rng)))
        if rng.random() < 0.5:
            record.labels.append((rng.choice(ECEI_LABELS), _date(rng, 2012)))
        if rng.random() < 0.4:
            record.labels.append((scheme.label, _date(rng, 2010)))
        clusters.append(record)
    return World(districts, schemes, clusters)


def reference_graph(world: World) -> Graph:
    """The synthetic reference data: districts, Land ministries, programmes and labels."""
    g = Graph()
    for district in world.districts:
        iri = mint("region", district.name)
        g.add((iri, RDF.type, CG.Region))
        g.add((iri, RDFS.label, Literal(district.name, lang="de")))
        g.add((iri, SKOS.prefLabel, Literal(district.name, lang="de")))
        g.add((iri, CG.partOf, mint("region", district.land)))
    for scheme in world.schemes:
        ministry, programme, label = (mint("ministry", scheme.ministry), mint("programme", scheme.programme),
                                      mint("label", scheme.label))
        for iri, cls, name in ((ministry, CG.Ministry, scheme.ministry), (programme, CG.Programme, scheme.programme),
                               (label, CG.QualityLabel, scheme.label)):
            g.add((iri, RDF.type, cls))
            g.add((iri, RDFS.label, Literal(name, lang="de")))
            g.add((iri, SKOS.prefLabel, Literal(name, lang="de")))
        g.add((ministry, CG.jurisdiction, mint("region", scheme.land)))
        g.add((programme, CG.runBy, ministry))
        g.add((label, CG.awardedUnder, programme))
        g.add((label, CG.runBy, ministry))
    return g


class _TextBuilder:
    """An announcement text, sentence by sentence, remembering where each sentence starts."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, sentence: str) -> tuple[str, int, int]:
        if self.parts:
            self.parts.append(" ")
            self.length += 1
        start = self.length
        self.parts.append(sentence)
        self.length += len(sentence)
        return sentence, start, self.length

    def text(self) -> str:
        return "".join(self.parts)


FILLER = (
    "Die Unternehmen des Netzwerks arbeiten eng mit Hochschulen und Forschungseinrichtungen der Region zusammen.",
    "Ziel ist es, Innovationen schneller in marktfähige Produkte zu überführen.",
    "Das Clustermanagement bietet seinen Mitgliedern Veranstaltungen, Weiterbildung und Kontakte ins Ausland.",
    "Die Aufnahme ist an die Erfüllung mehrerer Qualitätskriterien geknüpft.",
)


def announcement_document(world: World, index: int, rng: random.Random) -> FactsDocument:
    """One announcement about one cluster: it joins a programme or earns a label, names its
    managing director, its seat and its sector, with each fact's evidence sentence in the text."""
    cluster = rng.choice(world.clusters)
    district = cluster.district
    scheme = next(s for s in world.schemes if s.land == district.land)
    issued = _date(rng, 2010, 2024)
    if len(issued) < 10:
        issued = (issued + "-01-15")[:10]
    text = _TextBuilder()
    entities = [
        Entity(cluster.name, "Cluster", aliases=[cluster.acronym]),
        Entity(district.name, "Region"),
        Entity(district.land, "Region"),
        Entity(cluster.director, "Person"),
        Entity(cluster.sector, "Sector"),
    ]
    facts: list[Fact] = []

    def fact(subject: str, relation: str, obj: str, sentence: str, date: str | None = None) -> None:
        evidence, start, end = text.add(sentence)
        facts.append(Fact(subject, relation, obj, date=date, evidence=evidence, start=start, end=end,
                          confidence=round(rng.uniform(0.7, 1.0), 3)))

    event = rng.random()
    title = f"{cluster.name}: Neuigkeiten aus {district.town}"
    if cluster.programmes and event < 0.55:
        programme, date = rng.choice(cluster.programmes)
        ministry = scheme.ministry if programme == scheme.programme else dict(FEDERAL_PROGRAMMES)[programme]
        entities += [Entity(programme, "Programme"), Entity(ministry, "Ministry")]
        title = f"{cluster.name} wird Mitglied im Programm {programme}"
        fact(cluster.name, "member of programme", programme,
             f"{_on(date)} {german_date(date)} wurde {cluster.name} in das Programm {programme} aufgenommen.", date)
        fact(programme, "run by", ministry, f"Das Programm {programme} wird vom {ministry} getragen.")
    elif cluster.labels and event < 0.9:
        label, date = rng.choice(cluster.labels)
        entities.append(Entity(label, "Label"))
        title = f"{cluster.name} erhält das {label}"
        fact(cluster.name, "awarded label", label, f"{_on(date)} {german_date(date)} erhielt {cluster.name} das {label}.", date)
    fact(cluster.name, "located in", district.name, f"{cluster.name} hat seinen Sitz in {district.name}.")
    if district.name != district.land:
        fact(district.name, "part of", district.land, f"{district.name} liegt in {district.land}.")
    fact(cluster.director, "managing director of", cluster.name,
         f"Geschäftsführer von {cluster.acronym} ist {cluster.director}.")
    fact(cluster.name, "sector", cluster.sector, f"Der Schwerpunkt von {cluster.acronym} liegt auf {cluster.sector}.")
    for sentence in rng.sample(FILLER, 2):
        text.add(sentence)
    members = rng.randint(20, 400)
    evidence, start, end = text.add(f"Dem Netzwerk gehören mehr als {members} Mitglieder an.")
    figures = [Figure(cluster.name, "members", members, qualifier="more than", evidence=evidence, start=start, end=end)]
    announcement = Announcement(
        id=f"bench-{index:07d}", title=title, kind="press release", language="de", issued=issued,
        place=district.town, publisher=cluster.name, source=f"bench-{index:07d}.txt", text=text.text(),
    )
    return FactsDocument(announcement, entities=entities, facts=facts, figures=figures)


TRIPLES_PER_ANNOUNCEMENT = 105  # about; the counts below aim at the size's triple target


def world_for(n_announcements: int) -> World:
    return make_world(max(20, n_announcements // 2))


def documents(n_announcements: int, seed: int = SEED) -> Iterator[FactsDocument]:
    """``n_announcements`` synthetic announcements (deterministic for a seed)."""
    world = world_for(n_announcements)
    rng = random.Random(seed + 1)
    for index in range(n_announcements):
        yield announcement_document(world, index, rng)


def _nquad_lines(graph: Graph, name: URIRef) -> Iterator[str]:
    g = name.n3()
    for s, p, o in graph:
        yield f"{s.n3()} {p.n3()} {o.n3()} {g} .\n"


def write_dataset(target_triples: int, path: Path, seed: int = SEED) -> dict:
    """Write the reference graphs and enough announcements for about ``target_triples`` quads to
    ``path`` (N-Quads). Returns what was written: quads, announcements, seconds."""
    start = time.perf_counter()
    reference = reference_graph(world_for(1))
    quads = 0
    announcements = 0
    members: dict[str, int] = {}
    tmp = path.with_name(path.name + ".part")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(tmp, "w", encoding="utf-8") as out:
        shipped_quads = 0
        for ttl in sorted(reference_dir().glob("*.ttl")):
            shipped = Graph().parse(ttl, format="turtle")
            for line in _nquad_lines(shipped, graph_iri("reference", ttl.stem)):
                out.write(line)
                quads += 1
                shipped_quads += 1
        for line in _nquad_lines(reference, graph_iri("reference", "bench-districts")):
            out.write(line)
            quads += 1
        # the shipped reference data (about 6,000 quads, most of them towns) comes on top of the target,
        # so that the smallest size still holds enough announcements for every query of the mix
        remaining = max(1, (target_triples - (quads - shipped_quads)) // TRIPLES_PER_ANNOUNCEMENT)
        for doc in documents(remaining, seed):
            name, graph = document_graph(doc, ingested_at=INGESTED_AT, extractor_version="bench")
            for line in _nquad_lines(graph, name):
                out.write(line)
                quads += 1
            announcements += 1
            for fact in doc.facts:
                if fact.relation == "member of programme":
                    members[fact.object] = members.get(fact.object, 0) + 1
    tmp.replace(path)
    # a cluster whose announcement (among those written above) reports a membership
    first = next((doc for doc in documents(announcements, seed)
                  if any(f.relation == "member of programme" for f in doc.facts)), None) or next(documents(announcements, seed))
    info = {
        "quads": quads,
        "announcements": announcements,
        "seconds": round(time.perf_counter() - start, 2),
        "generator": GENERATOR_VERSION,
        # a cluster with an announcement of a membership, for the lookups of the query mix
        "sample_cluster": str(mint("cluster", first.entities[0].name)),
        # the programme most announcements report a new member of
        "sample_programme": str(mint("programme", max(sorted(members), key=members.get) if members else "go-cluster")),
    }
    meta_path(path).write_text(json.dumps(info, indent=1), encoding="utf-8")
    return info


def meta_path(path: Path) -> Path:
    return path.with_suffix(".json")


def dataset_meta(path: Path) -> dict:
    """What :func:`write_dataset` recorded about the file at ``path``."""
    return json.loads(meta_path(path).read_text(encoding="utf-8"))


def dataset_path(size: str, workdir: Path) -> Path:
    return workdir / f"{size}-v{GENERATOR_VERSION}.nq"


def ensure_dataset(size: str, workdir: Path) -> Path:
    """The N-Quads file of ``size``, generated when missing."""
    path = dataset_path(size, workdir)
    if not path.exists() or not meta_path(path).exists():
        write_dataset(SIZES[size], path)
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="small", help="comma-separated: small, medium, large")
    parser.add_argument("--workdir", default="var/bench", type=Path)
    args = parser.parse_args(argv)
    for size in args.sizes.split(","):
        path = dataset_path(size, args.workdir)
        info = write_dataset(SIZES[size], path)
        print(f"{size}: {info['quads']} quads, {info['announcements']} announcements in {info['seconds']:.1f} s -> {path}")


if __name__ == "__main__":
    main()
