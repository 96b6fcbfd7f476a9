"""Language knowledge of the domain: words, not names of particular clusters or programmes.

Region adjectives (``sächsisch`` -> Sachsen), sector terms with their variants, the nouns that
name kinds of organisation, role nouns, label tiers. Known programmes, ministries and regions
themselves live in the reference data (``data/reference/*.ttl``), read by the gazetteer.
"""

from __future__ import annotations

import re

# Region adjectives (German stems take endings -e/-en/-er/-es/-em; an optional "gesamt" prefix)
# and English adjectives -> the German name of the region (looked up in the gazetteer).
REGION_ADJECTIVES_DE: dict[str, str] = {
    "sächsisch": "Sachsen",
    "niedersächsisch": "Niedersachsen",
    "sachsen-anhaltisch": "Sachsen-Anhalt",
    "bayerisch": "Bayern",
    "baden-württembergisch": "Baden-Württemberg",
    "hessisch": "Hessen",
    "thüringisch": "Thüringen",
    "brandenburgisch": "Brandenburg",
    "nordrhein-westfälisch": "Nordrhein-Westfalen",
    "rheinland-pfälzisch": "Rheinland-Pfalz",
    "saarländisch": "Saarland",
    "schleswig-holsteinisch": "Schleswig-Holstein",
    "mecklenburg-vorpommersch": "Mecklenburg-Vorpommern",
    "mecklenburgisch": "Mecklenburg-Vorpommern",
    "hamburgisch": "Hamburg",
    "bremisch": "Bremen",
    "berlinisch": "Berlin",
    "deutsch": "Deutschland",
}
# The 16 Länder.
LAENDER = sorted({v for v in REGION_ADJECTIVES_DE.values() if v != "Deutschland"}, key=len, reverse=True)
# Adjectives of regions below or across the Länder ("der schwäbische Cluster" -> Schwaben).
SUBREGION_ADJECTIVES_DE: dict[str, str] = {
    "schwäbisch": "Schwaben",
    "fränkisch": "Franken",
    "westfälisch": "Westfalen",
    "emsländisch": "Emsland",
    "rheinhessisch": "Rheinhessen",
    "pfälzisch": "Pfalz",
    "badisch": "Baden",
    "württembergisch": "Württemberg",
    "rheinisch": "Rheinland",
    "friesisch": "Friesland",
    "lausitzisch": "Lausitz",
    "sauerländisch": "Sauerland",
    "allgäuisch": "Allgäu",
    "münsterländisch": "Münsterland",
    "lothringisch": "Lothringen",
    "erzgebirgisch": "Erzgebirge",
    "vogtländisch": "Vogtland",
    "bergisch": "Bergisches Land",
    "niederrheinisch": "Niederrhein",
    "hohenlohisch": "Hohenlohe",
    "uckermärkisch": "Uckermark",
    "altmärkisch": "Altmark",
    "vorpommersch": "Vorpommern",
    "siegerländisch": "Siegerland",
    "ostfriesisch": "Ostfriesland",
    "oberlausitzisch": "Oberlausitz",
}
REGION_ADJECTIVES_DE.update(SUBREGION_ADJECTIVES_DE)
# Compass and part prefixes that make a sub-region from a Land adjective: "mittelhessisch" -> Mittelhessen.
SUBREGION_PREFIXES = ("mittel", "nord", "süd", "ost", "west", "ober", "nieder", "unter", "süd-", "nord-", "ost-", "west-")
# Invariable German city/Land adjectives in -er ("Berliner Cluster", "Hamburger Netzwerk").
REGION_ER_ADJECTIVES_DE: dict[str, str] = {
    "Berliner": "Berlin",
    "Hamburger": "Hamburg",
    "Bremer": "Bremen",
    "Saarländer": "Saarland",
    "Thüringer": "Thüringen",
    "Niedersächsische": "Niedersachsen",
    "Dresdner": "Dresden",
    "Leipziger": "Leipzig",
    "Münchner": "München",
    "Kölner": "Köln",
    "Stuttgarter": "Stuttgart",
    "Frankfurter": "Frankfurt am Main",
    "Kieler": "Kiel",
    "Rostocker": "Rostock",
    "Hannoveraner": "Hannover",
    "Lausitzer": "Lausitz",
    "Münsterländer": "Münsterland",
    "Allgäuer": "Allgäu",
    "Pfälzer": "Pfalz",
    "Emsländer": "Emsland",
    "Sauerländer": "Sauerland",
    "Hallenser": "Halle (Saale)",
}
REGION_ADJECTIVES_EN: dict[str, str] = {
    "Saxon": "Sachsen",
    "Lower Saxon": "Niedersachsen",
    "Bavarian": "Bayern",
    "Hessian": "Hessen",
    "Thuringian": "Thüringen",
    "Brandenburgian": "Brandenburg",
    "German": "Deutschland",
    "North Rhine-Westphalian": "Nordrhein-Westfalen",
    "Rhineland-Palatinate": "Rheinland-Pfalz",
    "Upper Austrian": "Oberösterreich",
    "Lower Austrian": "Niederösterreich",
    "Lower Silesian": "Niederschlesien",
    "Lusatian": "Lausitz",
    "Franconian": "Franken",
    "Catalan": "Katalonien",
    "Flemish": "Flandern",
    "Basque": "Baskenland",
    "Scottish": "Schottland",
    "Styrian": "Steiermark",
    "Tyrolean": "Tirol",
    "South Tyrolean": "Südtirol",
    "Silesian": "Schlesien",
    "Swabian": "Schwaben",
    "Rhenish": "Rheinland",
    "Westphalian": "Westfalen",
    "Upper Franconian": "Oberfranken",
    "Lower Bavarian": "Niederbayern",
    "Upper Bavarian": "Oberbayern",
    "East Frisian": "Ostfriesland",
}

# Sectors: canonical German and English names, and a regex of variants (matched case-insensitively,
# also inside compounds such as "Life-Sciences-Cluster" or "Biotechnologiecluster").
SECTORS: list[tuple[str, str, str]] = [
    ("Life Sciences", "Life Sciences", r"life[\s-]?sciences?"),
    ("Biotechnologie", "Biotechnology", r"biotechnolog(?:ie|y|ische[nrms]?|ical)|biotech(?![a-z])"),
    ("Medizintechnik", "Medical Technology", r"medizintechnik|medical[\s-]technology|medtech|medical devices"),
    ("Gesundheitswirtschaft", "Healthcare", r"gesundheitswirtschaft|healthcare industry|health economy"),
    ("Mikroelektronik", "Microelectronics", r"mikroelektronik|microelectronics?"),
    ("Halbleiter", "Semiconductors", r"halbleiter(?:industrie)?|semiconductors?"),
    ("Photonik", "Photonics", r"photoni(?:k|cs)|optische[nr]? technologien|optical technologies"),
    ("Optik", "Optics", r"optik(?![a-zäöü])|optics|optical industry"),
    ("Automotive", "Automotive", r"automotive|automobil(?:industrie|wirtschaft|branche)?|fahrzeugbau"),
    ("Luft- und Raumfahrt", "Aerospace", r"luft-\s?und raumfahrt|aerospace|luftfahrt|aviation"),
    ("Logistik", "Logistics", r"logisti(?:k|cs)"),
    ("Energie", "Energy", r"energie(?:technik|wirtschaft)?(?![a-zäöü])|energy(?: technology| sector)?(?![a-z])"),
    ("Erneuerbare Energien", "Renewable Energy", r"erneuerbare[nr]? energien|renewable energ(?:y|ies)"),
    ("Wasserstoff", "Hydrogen", r"wasserstoff|hydrogen"),
    ("Chemie", "Chemicals", r"chemie(?:industrie)?|chemical industry|chemicals|chemistry"),
    ("Kunststofftechnik", "Plastics", r"kunststoff(?:technik)?|plastics"),
    ("Maschinenbau", "Mechanical Engineering", r"maschinen-?\s?(?:und anlagen)?bau|mechanical engineering"),
    ("Informations- und Kommunikationstechnik", "Information and Communication Technology",
     r"informations-\s?und kommunikationstechn\w*|ikt|ict|information and communication technolog\w*"),
    ("Künstliche Intelligenz", "Artificial Intelligence", r"künstliche[nr]? intelligenz|artificial intelligence"),
    ("Nanotechnologie", "Nanotechnology", r"nanotechnolog(?:ie|y)"),
    ("Bioökonomie", "Bioeconomy", r"bioökonomie|bioeconomy"),
    ("Elektromobilität", "Electric Mobility", r"elektromobilität|e-mobilität|electric mobility|e-mobility"),
    ("Mobilität", "Mobility", r"mobilität|mobility"),
    ("Batterietechnik", "Battery Technology", r"batterie(?:technik|technologie|n)?|batter(?:y|ies)(?: technology)?"),
    ("Quantentechnologie", "Quantum Technology",
     r"quantentechnolog\w*|quantum technolog\w*|quantencomputing|quantensensor\w*|quantum (?:computing|sensors?|sensing)"),
    ("Ernährungswirtschaft", "Food Industry", r"ernährungswirtschaft|lebensmittelindustrie|food industry"),
    ("Holzwirtschaft", "Wood Industry", r"holzwirtschaft|forst- und holz\w*|wood industry"),
    ("Textil", "Textiles", r"textil(?:industrie|wirtschaft)?|textiles"),
    ("Werkstoffe", "Materials", r"werkstoffe?|neue materialien|advanced materials"),
    ("Umwelttechnik", "Environmental Technology", r"umwelttechn\w*|environmental technolog\w*"),
    ("Mechatronik", "Mechatronics", r"mechatroni(?:k|cs)"),
    ("Kreativwirtschaft", "Creative Industries", r"kreativwirtschaft|creative industr(?:y|ies)"),
    ("Digitalwirtschaft", "Digital Economy", r"digitalwirtschaft|digital economy|it-wirtschaft"),
    ("Maritime Wirtschaft", "Maritime Industry", r"maritime[nr]? wirtschaft|maritime industry"),
    ("Medizin", "Medicine", r"medizin(?!technik)"),
]

# Nouns that name an organisation as a cluster or network (German and English).
CLUSTER_HEAD = re.compile(
    r"(?:cluster|netzwerk|netzwerks|netzwerkes|netz|netzes|network|verbund|verbunds|clusters|initiative|verein|verband|vereins|verbands)$",
    re.IGNORECASE,
)
# Generic words that start or end a name chunk but are not part of the name.
GENERIC_NAME_WORDS = {
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "the", "a", "an",
    "cluster", "clusters", "netzwerk", "netzwerks", "verein", "vereins", "verband", "network",
    "innovationscluster", "spitzencluster", "zukunftscluster", "branchennetzwerk", "kompetenznetz",
    "kompetenznetzwerk", "innovationsnetzwerk", "landescluster", "technologienetzwerk",
    "clusterinitiative", "initiative", "unternehmen", "firma", "company", "association",
    "mitglied", "mitglieder", "partner", "auch", "nun", "jetzt", "bereits", "erneut", "also", "now",
    "sowie", "und", "and", "or", "oder", "heute", "today", "gemeinsam", "together",
}
LEGAL_FORMS = r"(?:e\.\s?V\.|e\.V|eV|gGmbH|GmbH(?:\s?&\s?Co\.?\s?KG)?|mbH|AG|KG|UG(?:\s\(haftungsbeschränkt\))?|SE|Ltd\.?|Inc\.?|LLC|plc|GbR|eG)"
ORGANISATION_WORDS = re.compile(
    r"universit|hochschule|institut|fraunhofer|helmholtz|max-planck|leibniz|akademie|academy|"
    r"gmbh|\bag\b|kg|ltd|inc\b|llc|plc|kammer|ihk|agentur|agency|stiftung|foundation|verband|"
    r"association|gesellschaft|corporation|company|bank|center|centre|zentrum|college|school",
    re.IGNORECASE,
)
PROGRAMME_WORDS = re.compile(
    r"programm|program|initiative|wettbewerb|competition|förder|strategie|strategy|offensive|"
    r"exzellenz|excellence|award|preis|prize|label|scheme|challenge|plattform|platform",
    re.IGNORECASE,
)
MINISTRY_WORDS = re.compile(r"ministeri|ministry|department|senat(?:s)?verwaltung|bundesamt", re.IGNORECASE)

# Quality label tiers.
TIERS = {
    "gold": "Gold", "silber": "Silver", "silver": "Silver", "bronze": "Bronze", "platin": "Platinum",
    "platinum": "Platinum",
}

# Role nouns: managing director and spokesperson/chair (masculine, feminine, plural forms).
MANAGING_DIRECTOR_DE = r"(?:[Gg]eschäftsführer(?:in|innen)?|[Gg]eschäftsführende[rn]?\s(?:Vorstand|Vorständin|Direktor(?:in)?)|Clustergeschäftsführer(?:in)?|Netzwerkgeschäftsführer(?:in)?|[Gg]eschäftsstellenleiter(?:in)?|Hauptgeschäftsführer(?:in)?)"
MANAGING_DIRECTOR_EN = r"(?:[Mm]anaging [Dd]irector|CEO|[Cc]hief [Ee]xecutive(?: [Oo]fficer)?|[Ee]xecutive [Dd]irector|[Gg]eneral [Mm]anager)"
SPOKESPERSON_DE = r"(?:[Cc]lustersprecher(?:in)?|[Ss]precher(?:in)?|Vorstandsvorsitzende[rn]?|Vorsitzende[rn]?(?:\sdes\sVorstand(?:e?s))?|Vorstandschef(?:in)?|Präsident(?:in)?|Aufsichtsratsvorsitzende[rn]?)"
SPOKESPERSON_EN = r"(?:[Ss]pokes(?:person|man|woman)|[Cc]hair(?:man|woman|person)?(?: of the [Bb]oard)?|[Pp]resident|[Cc]hairman of the [Bb]oard)"
ROLE_NOUNS = re.compile(
    "|".join((MANAGING_DIRECTOR_DE, MANAGING_DIRECTOR_EN, SPOKESPERSON_DE, SPOKESPERSON_EN))
)
PERSON_TITLES = r"(?:(?:Prof\.|Professor|Dr\.(?:-Ing\.|\s?rer\.\s?nat\.|\s?med\.|\s?phil\.)?|Dr-Ing\.|Dipl\.-\w+\.|PD|Mag\.|Herr|Frau|Mr\.?|Mrs\.?|Ms\.?|Dr|h\.\s?c\.|habil\.)\s*)"

# Countries other than Germany: German name -> English name, and their adjectives.
COUNTRIES: dict[str, str] = {
    "Deutschland": "Germany", "Österreich": "Austria", "Schweiz": "Switzerland", "Frankreich": "France",
    "Schweden": "Sweden", "Dänemark": "Denmark", "Norwegen": "Norway", "Finnland": "Finland",
    "Niederlande": "Netherlands", "Belgien": "Belgium", "Polen": "Poland", "Tschechien": "Czechia",
    "Italien": "Italy", "Spanien": "Spain", "Portugal": "Portugal", "Vereinigtes Königreich": "United Kingdom",
    "Irland": "Ireland", "Estland": "Estonia", "Lettland": "Latvia", "Litauen": "Lithuania",
    "Ungarn": "Hungary", "Slowakei": "Slovakia", "Slowenien": "Slovenia", "Kroatien": "Croatia",
    "Rumänien": "Romania", "Bulgarien": "Bulgaria", "Griechenland": "Greece", "Luxemburg": "Luxembourg",
    "Japan": "Japan", "China": "China", "Kanada": "Canada", "Israel": "Israel", "Südkorea": "South Korea",
    "Vereinigte Staaten": "United States", "Indien": "India", "Singapur": "Singapore",
}
COUNTRY_ADJECTIVES_DE = {
    "österreichisch": "Österreich", "schweizerisch": "Schweiz", "französisch": "Frankreich",
    "schwedisch": "Schweden", "dänisch": "Dänemark", "norwegisch": "Norwegen", "finnisch": "Finnland",
    "niederländisch": "Niederlande", "belgisch": "Belgien", "polnisch": "Polen", "tschechisch": "Tschechien",
    "italienisch": "Italien", "spanisch": "Spanien", "portugiesisch": "Portugal", "britisch": "Vereinigtes Königreich",
    "irisch": "Irland", "estnisch": "Estland", "lettisch": "Lettland", "litauisch": "Litauen",
    "ungarisch": "Ungarn", "slowakisch": "Slowakei", "slowenisch": "Slowenien", "kroatisch": "Kroatien",
    "japanisch": "Japan", "chinesisch": "China", "kanadisch": "Kanada", "israelisch": "Israel",
    "amerikanisch": "Vereinigte Staaten", "indisch": "Indien",
}
COUNTRY_ADJECTIVES_EN = {
    "Austrian": "Österreich", "Swiss": "Schweiz", "French": "Frankreich", "Swedish": "Schweden",
    "Danish": "Dänemark", "Norwegian": "Norwegen", "Finnish": "Finnland", "Dutch": "Niederlande",
    "Belgian": "Belgien", "Polish": "Polen", "Czech": "Tschechien", "Italian": "Italien", "Spanish": "Spanien",
    "Portuguese": "Portugal", "British": "Vereinigtes Königreich", "Irish": "Irland", "Estonian": "Estland",
    "Latvian": "Lettland", "Lithuanian": "Litauen", "Hungarian": "Ungarn", "Slovak": "Slowakei",
    "Slovenian": "Slowenien", "Croatian": "Kroatien", "Japanese": "Japan", "Chinese": "China",
    "Canadian": "Kanada", "Israeli": "Israel", "American": "Vereinigte Staaten", "Indian": "Indien",
}
REGION_ADJECTIVES_DE.update(COUNTRY_ADJECTIVES_DE)
REGION_ADJECTIVES_EN.update(COUNTRY_ADJECTIVES_EN)
