"""Relation cues in German and English: the words that signal each relation.

Each cue is a compiled regex; :mod:`clustergraph.extract.arguments` finds the arguments around it.
German and English cues are both applied (announcements mix languages: English programme names in
German text and the reverse).
"""

from __future__ import annotations

import re

# the heading of a contact or imprint box (``Pressekontakt``, ``Ansprechpartnerin``, ``Impressum``): what
# follows is about the publisher or an agency, not the item above it (segmentation, pipeline)
CONTACT_HEADING = re.compile(r"^(?:Pressekontakt|Kontakt|Ansprechpartner(?:in)?|Medienkontakt|Media\s+contact|Press\s+contact|"
                             r"Contact|Impressum|Imprint)\b", re.I)

# a funding source's name (``EFRE``, ``Europäischer Sozialfonds``, ``ERDF``, ``Just Transition Fund``): a
# programme that pays rather than one a cluster joins (funding, key_values)
# the verbs of an election or appointment, as regex alternations (offices, persons)
ELECTION_VERBS_DE = r"gewählt|wählte|wählten|ernannt|ernannte|berufen|berief|bestellt|bestellte"
ELECTION_VERBS_EN = r"elected|appointed|named"
# the EU Single Market Programme pays Euroclusters projects: a source of money, not a scheme one joins
FUND_NAME = re.compile(r"Fonds|Fund\b|EFRE|ERDF|ESF|Single\s+Market\s+Programme|Binnenmarktprogramm", re.I)

MEMBERSHIP = re.compile(
    r"\baufgenommen\b|\bAufnahme\s+(?:in|ins|von)\b|\bwird\s+(?:neues\s+|jetzt\s+|nun\s+)?Mitglied\b|"
    r"\b(?:ist|sind|bleibt|wurde|wurden)\s+(?:\w+\s+){0,3}?(?:neues\s+)?Mitglied\b|\bMitgliedschaft\s+(?:im|in|bei)\b|"
    r"\bgehör(?:t|en|te|ten)\s+(?:\S+\s+){0,6}?(?:zu\s+den|zum\s+Kreis|zur\s+Riege|zu\s+der|zur|zum)\b|"
    r"\bzähl(?:t|en|te|ten)\s+(?:\S+\s+){0,4}?zu\s+den\b|\bGewinner(?:n|in)?\s+(?:des|der|im|in)\b|"
    r"\bausgewählt\b|\bist\s+(?:jetzt|nun|neu)\s+\S*[Cc]luster\b|\bsetzt(?:e)?\s+sich\s+(?:\w+\s+){0,6}?durch\b|"
    r"\b(?:zum|als)\s+(?:neue[nrs]?\s+)?(?:Spitzencluster|Zukunftscluster|go-cluster)\b|\bTeil\s+(?:des|der)\s+(?=\S*(?:Programm|Initiative|Wettbewerb|Netzwerk|Offensive|Strategie))|"
    r"\bjoin(?:s|ed)\b|\bhas\s+joined\b|\badmitted\s+(?:to|into)\b|\baccepted\s+into\b|"
    r"\bbec(?:ame|omes)\s+(?:a\s+)?(?:new\s+|full\s+)?member\b|\b(?:is|are|was|has\s+been|have\s+been)\s+(?:now\s+)?(?:a\s+)?(?:full\s+)?member\s+of\b|"
    r"\b(?:one|among)\s+(?:of\s+)?the\s+(?:\w+\s+)?winners\b|\bwinners?\s+of\b|\bwas\s+selected\b|\bselected\s+as\b|"
    r"\bbec(?:ame|omes)\s+(?:a|an|one)\s+(?:new\s+)?(?:\S+\s+)?[Cc]luster\b|\bparticipat(?:es|ed|ing)\s+in\b|"
    r"\bis\s+part\s+of\b|\bnamed\s+(?:a|as\s+a)\s+(?:\S+\s+)?[Cc]luster\b"
)
STRONG_MEMBERSHIP = re.compile(r"aufgenommen|Mitglied|joined|joins|admitted|member|winner|Gewinner|gehör|zähl", re.I)

RUN_BY = re.compile(
    r"\bins\s+Leben\s+gerufen\b|\binitiiert\b|\baufgelegt\b|\bausgeschrieben\b|\bausgelobt\b|\bgestartet\b|"
    r"\bgetragen\b|\bdurchgeführt\b|\bbetreut\b|\bverantwortet\b|\bvergibt\b|\bvergeben\b|\bverleiht\b|\bunterstützt\b|"
    r"\blaunched\b|\binitiated\b|\brun\s+by\b|\borgani[sz]ed\s+by\b|\bmanaged\s+by\b|\bgranted\s+by\b|"
    r"\bawarded\s+by\b|\bverliehen\b|\bsupports\b|\bsupported\b|\boperated\s+by\b|\bestablished\s+by\b"
)
GENERIC_PROGRAMME = re.compile(
    r"\b(?:[Dd](?:as|er|ie|em|en|es)|[Tt]he|[Dd]ieses?|[Tt]his|[Dd]ieser)\s+(?:\w+\s+)?(?:Programms?|Wettbewerbs?|Initiative|"
    r"Förderprogramms?|Förderinitiative|programme|program|competition|initiative)\b"
)
GENERIC_LABEL = re.compile(r"\b(?:[Dd](?:as|er|ie|en|es)|[Tt]he|[Dd]ieses?|[Tt]his)\s+(?:\w+\s+)?(?:Label|label|Qualitätslabel|Zertifikat|certificate)\b")

FUNDING = re.compile(
    r"\b[Gg]efördert\b|\bFörderung\b|\b[Ff]inanziert\b|\bFördermittel\w*|\bMitteln\s+(?:des|der|aus)\b|\bunterstützt\s+(?:von|durch|vom)\b|"
    r"\bZuwendung\w*|\bFörderzusage\b|\bFörderbescheid\b|"
    r"(?P<from>\b(?:[Ff]unds|[Ff]unding|[Mm]oney|[Mm]ittel|[Ff]ördermittel|[Gg]elder)\s+(?:come|comes|came|stammen|stammt|kommen|kommt)\s+(?:from|aus)\b)|"
    r"\berh(?:ält|ielt|alten)\s+(?:\S+\s+){0,12}?(?:[\d.,]+\s*(?:Millionen|Mio\.?|Mrd\.?|Milliarden)?\s*(?:Euro|EUR|€))|"
    r"\bfunded\b|\bfunding\b|\bfinanced\b|\bgrants?\s+from\b|\bsupported\s+by\b|\bwith\s+support\s+from\b|"
    r"\breceive[sd]?\s+(?:up\s+to\s+|about\s+|around\s+|more\s+than\s+)?(?:EUR\s*|€\s*)?[\d.,]+\s*(?:million|billion|m|bn|Mio\.?)?\s*(?:euros?|EUR|€)"
)
# active voice: the funder comes first ("Das BMBF fördert X", "The ministry is funding the cluster")
ACTIVE_FUNDING = re.compile(
    r"\bförder(?:t|n|te|ten)\b|\bfinanzier(?:t|en|te)\b(?!\s+(?:von|durch|vom|aus))|\bfunds\b|\b(?:is|are)\s+funding\b|"
    r"\bfinances\b|\bstell(?:t|en|te|ten)\s+(?=(?:\S+\s+){1,14}?(?:Euro|EUR|€)\s+zur\s+Verfügung)|\b(?:supports|is\s+supporting|are\s+supporting|unterstützt)\s+(?=(?:\S+\s+){1,4}(?:with|mit)\s+(?:EUR|€|rund|about|around|\d))"
)
GENERIC_MINISTRY = re.compile(r"\b(?:[Dd]as|[Tt]he|[Dd]em|[Dd]es)\s+(?:Staats|Landes|Bundes|Wirtschafts)?[Mm]inist(?:erium|eriums|ry)\b")
DISTRIBUTIVE = re.compile(
    r"\b(?:[Jj]ede[rsnm]?|[Aa]lle|[Ee]ach|[Ee]very|[Aa]ll)\s+(?:der\s+|of\s+the\s+)?(?:\w+\s+){0,2}?"
    r"(?:Spitzencluster|Zukunftscluster|[Cc]luster|Gewinner|[Ww]inners?|Mitglieder|[Mm]embers?|Future\s+Clusters?|\w*[Cc]luster)\b|"
    r"\b(?:[Dd]ie|[Tt]he|[Aa]lle|[Aa]ll)\s+(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|\d+|two|three|four|five|six|seven|eight|"
    r"nine|ten)\s+(?:neuen\s+|new\s+|ausgezeichneten\s+)?(?:Initiativen|Cluster|Clustern|Netzwerke|Gewinner|Spitzencluster|"
    r"clusters|networks|winners|initiatives|members)\b|"
    r"\b(?:[Bb]eide[n]?|[Bb]oth)\s+(?:Cluster|clusters|Netzwerke|networks|Partner|partners|Initiativen|organisations)?\b"
)

AWARD = re.compile(
    r"\berh(?:ielt|ält|alten)\b|\bbekommen\b|\bbekam\b|\bbekommt\b|\bausgezeichnet\b|\bverliehen\b|\b(?:re-?)?zertifiziert\b|"
    r"\btr(?:ägt|agen)\b|\berw(?:arb|irbt|orben)\b|\bTräger\b|\bhält\b|\bgewonnen\b|\bgewinnt\b|\berreicht\b|\berlangt\b|\bAuszeichnung\b|"
    r"\bawarded\b|\bawards\b|\breceiv(?:ed|es)\b|\bearn(?:ed|s)\b|\b(?:re-?)?certified\b|\bachiev(?:ed|es)\b|"
    r"\bobtain(?:ed|s)\b|\bwon\b|\bwins\b|\bholds\b|\bheld\b|\bgranted\b|\bgained\b|\bsecured\b"
)
PREPARES = re.compile(
    r"\bGrundstein\b|\bVorbereitung\s+auf\b|\bbereite[tn]\s+(?:\w+\s+){0,6}?vor\b|\bauf\s+dem\s+Weg\s+zu\w*|"
    r"\bebnet\w*\s+(?:\w+\s+){0,3}?Weg\b|\bprepar(?:es|ing|ed)?\s+for\b|\bpaves?\s+the\s+way\b|\blays?\s+the\s+(?:ground|foundation)\w*|"
    r"\bgroundwork\b|\bworking\s+towards\b|\bwork(?:s|ing)?\s+toward\b|\barbeite[tn]?\s+(?:\S+\s+){0,6}?hin\b|"
    r"\bbereite[tn]\s+sich\b|\bis\s+preparing\b|\bare\s+preparing\b|\bstreb(?:t|en)\s+(?:\S+\s+){0,8}?an\b|"
    r"\baims?\s+(?:for|at)\b|\bim\s+Blick\b|\banvisiert\b|\bvisier(?:t|en)\s+(?:\S+\s+){0,6}?an\b|\bins\s+Visier\b|"
    r"\bperspektivisch\b|\bnächste[nr]?\s+Schritt\b|\bnext\s+step\b|\btargets?\b|\btargeting\b|\bsights\s+(?:set\s+)?on\b"
)
BACK_REFERENCE = re.compile(r"\b(?:hiermit|damit|dadurch|hierdurch|somit|this|thereby|it)\b", re.IGNORECASE)

LOCATED = re.compile(
    r"\b(?:mit\s+)?Sitz\s+in\b|\bsitz(?:t|en)\s+in\b|\bansässig(?:e[nrs]?)?\s+in\b|\bbased\s+in\b|\blocated\s+in\b|"
    r"\bheadquartered\s+in\b|\bgegründet\s+(?:\d{4}\s+)?in\b|\b[Ff]ounded\s+(?:in\s+\d{4}\s+)?in\b|\b(?:aus|in)\s+der\s+(?:Metropol)?[Rr]egion\b|"
    r"\bfrom\s+the\s+[^.,;]{2,40}?\s+(?:area|region)\b|\bin\s+the\s+[^.,;]{2,40}?\s+(?:area|region)\b|"
    r"\bin\s+(?=[A-ZÄÖÜ][\w-]+,?\s+(?:wo|where)\s+(?:der|die|das|the|it|er|sie)\s+(?:\w+\s+){0,2}?(?:seinen\s+Sitz|ihren\s+Sitz|ansässig|is\s+based|has\s+its))|"
    r"\b(?:[Cc]luster|[Nn]etwork|[Nn]etzwerk|Verein|association)\s+(?:in|aus|from|of)\s+(?=[A-ZÄÖÜ])|"
    r"\b(?:[Cc]luster|[Nn]etwork|[Nn]etzwerk)\s+(?:for|für)\s+[^.,;:]{2,60}?\s+(?:in|im|in\s+the)\s+(?=[A-ZÄÖÜ])|"
    r"\bin\s+(?=[A-ZÄÖÜ][\w-]+\s+ansässige)|"
    r"\bbefindet\s+sich\s+in\b|\bist\s+in\s+(?=[A-ZÄÖÜ])|\b\w*(?:office|offices|headquarters|[Gg]eschäftsstelle|[Bb]üro|Standort)\s+in\b"
)
ANAPHOR = re.compile(
    r"\b(?:[Dd](?:er|as|es|em)\s+(?:[\w-]+\s+){0,2}?(?:Clusters?|Netzwerk(?:e?s)?|Verein(?:s)?|Verband(?:e?s)?|Bündnis(?:ses)?)|"
    r"[Tt]he\s+(?:[\w-]+\s+){0,2}?(?:cluster|network|association)(?!s)|[Ww]ir|[Uu]ns(?:ere?[mnrs]?)?|[Ww]e|[Oo]ur|[Uu]s)\b"
)
PRONOUN = re.compile(r"\b(?:sie|er|es|it|Sie|Er|Es|It)\b")
NETWORK_VERB = re.compile(
    r"\b(?:vernetzt|bündelt|verbindet|vereint|vereinigt|brings\s+together|connects|unites|represents|vertritt|"
    r"bringt\s+(?:\S+\s+){1,8}?zusammen)\b"
)
PRONOUN_START = re.compile(r"^(?:Er|Es|It|Das\s+Netzwerk|Der\s+Cluster|Das\s+Cluster|The\s+cluster|The\s+network)\b")
ANAPHOR_SUBJECT_START = re.compile(
    r"^(?:[„“\"»]?\s*)(?:Der|Das|The|Unser|Our)\s+(?:[\w-]+\s+){0,2}?(?:Cluster|Netzwerk|cluster|network|Verein|association)\b|^(?:[„“\"»]?\s*)(?:Wir|We)\b"
)
PARTNER = re.compile(
    r"\bkooperier\w*|\bKooperation\w*|\bPartnerschaft\w*|\bZusammenarbeit\b|\barbeite\w*\s+(?:\w+\s+){0,4}?zusammen\b|"
    r"\bMemorandum\b|\bAbsichtserklärung\b|\bcooperat\w+|\bco-operat\w+|\bpartnership\w*|\bpartnered\b|\bpartners\s+with\b|"
    r"\bteam(?:s|ed)?\s+up\b|\bcollaborat\w+|\bMoU\b|\balliance\s+with\b|\bwork(?:ing)?\s+together\b|"
    r"\bjoin(?:s|ed)?\s+forces\b|\btogether\s+with\b|\bgemeinsam\s+mit\b|\bzusammen\s+mit\b|\bKooperationsvereinbarung\b|\bschließen\s+sich\s+zusammen\b|\bbündeln\s+(?:ihre\s+)?Kräfte\b"
)
MEMBER_LIST_INTRO = re.compile(
    r"(?:Spitzencluster|Zukunftscluster|Gewinner|[Ww]inners|neue[nr]?\s+Mitglieder|new\s+members|Cluster|clusters|ausgewählt|selected)[^.]*:\s*$"
)
EVENT_DATE = re.compile(
    r"ausgewählt|bekannt\s*gegeben|bekanntgegeben|aufgenommen|verliehen|entschied|gekürt|announced|selected|awarded|"
    r"named|chose|decided|admitted|signed|unterzeichnet|unterschrieben", re.IGNORECASE
)
