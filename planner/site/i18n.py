"""The words of the site itself, in Dutch and English, and dates written out per language.

Catalogue text comes from the catalogue; everything else a reader sees comes from here, so
both languages always have the same labels (a test compares the key sets). Words the roadmap
formats print alike come from :mod:`planner.labels`; the ones here are the site's own.
"""

from __future__ import annotations

import datetime as dt

from planner.labels import FINDING, HEADINGS, STATUS, extend
from planner.labels import LANGS as LANGS

LANG_NAMES = {"nl": "Nederlands", "en": "English"}
"""Each language named in itself, as language switches and fallback markers show it."""

MONTHS = {
    "nl": [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}

LABELS = extend(
    HEADINGS,
    {
        "en": {
            "site_name": "EU digital law: one plan for the Dutch government",
            "site_intro": (
                "This site is made by planner from a reviewed, sourced catalogue of EU digital law. It "
                "shows which obligations fall on the rijk, the provinces, the water boards and the "
                "municipalities, how they depend on and overlap with each other, and one staged roadmap "
                "for the whole government, so the same work is done once and in the right order."
            ),
            "as_of_note": "Statuses and stages are computed as of this date.",
            "skip": "Skip to the content",
            "nav_label": "Main menu",
            "nav_home": "Home",
            "nav_acts": "Acts",
            "nav_themes": "Themes",
            "nav_government": "Whole government",
            "nav_analysis": "Analysis",
            "nav_search": "Search",
            "lang_switch": "Language",
            "choose_language": "Choose your language",
            "footer_made": "Made by planner {version} from the catalogue, as of {as_of}.",
            "footer_offline": "Every page works offline and without JavaScript.",
            "search_label": "Search acts and obligations",
            "search_button": "Search",
            "search_help": (
                "Type a word, an article or an id. Without JavaScript, this page lists everything: "
                "use your browser's find function."
            ),
            "search_results": "Acts and obligations",
            "search_count": "{shown} of {total} shown",
            "acts": "Acts",
            "acts_intro": "Every act in the catalogue, with the number of obligations it places on public bodies.",
            "themes": "Themes",
            "themes_intro": "The priorities the Dutch municipalities put to the national government.",
            "theme": "Theme",
            "layers": "Government layers",
            "layer": "Layer",
            "obligations": "Obligations",
            "organisations": "Organisations",
            "capacity": "Capacity per stage",
            "unlimited": "unlimited",
            "celex": "CELEX",
            "eli": "ELI",
            "eurlex": "Read the text on EUR-Lex",
            "note": "Note",
            "milestones": "Milestones",
            "date": "Date",
            "article": "Article",
            "articles": "Articles",
            "applies": "What applies",
            "source": "Source",
            "sources": "Sources",
            "accessed": "read on",
            "earlier_dates": "Earlier dates",
            "disputed": "Disputed",
            "changed_by": "moved by",
            "amendments": "Amendments",
            "transposition": "Transposition",
            "transposed_by": "Transposed by",
            "transposes": "Transposes",
            "obligations_per_layer": "Obligations per layer",
            "role": "Role",
            "relations_acts": "Relations to other acts",
            "relations": "Relations",
            "other_act": "Other act",
            "via": "Through",
            "graph": "Interaction graph",
            "graph_caption": "Prerequisites on the left, what waits on them to the right.",
            "text_version": "The same information as text",
            "description": "Description",
            "due": "Due",
            "due_from_milestone": "from the milestone",
            "no_due": "no due date",
            "effort": "Effort",
            "effort_points": "{effort} effort points per organisation",
            "roles": "Roles per layer",
            "placement": "In the roadmaps",
            "reasons": "Why",
            "waits_on": "Waits on",
            "package": "Joint work package",
            "packages_intro": "Obligations that are (partly) the same work, planned as one piece of work.",
            "effort_separate": "Effort done separately",
            "effort_joint": "Effort done jointly",
            "effort_saved": "Effort saved",
            "driver": "Earliest due member",
            "roadmap": "Roadmap",
            "roadmap_intro": "Each obligation sits in the first stage it can start in, after what it waits on.",
            "timeline": "Timeline",
            "timeline_caption": (
                "Each row is one obligation; the bar is its stage, the diamond its due date, the vertical "
                "line the as-of date."
            ),
            "findings_intro": "What cannot be met, and why.",
            "downloads": "Downloads",
            "downloads_intro": "The same roadmap as files, to read offline or use in other tools.",
            "download_of": "Roadmap {name} as {format}",
            "fmt_md": "Markdown",
            "fmt_json": "JSON",
            "fmt_csv": "CSV (spreadsheet)",
            "fmt_xlsx": "Excel workbook (XLSX)",
            "fmt_ics": "iCalendar (due dates)",
            "fmt_mermaid": "Mermaid diagram",
            "fmt_html": "HTML",
            "due_next": "Due next across the government",
            "due_next_none": "Nothing is due after the as-of date.",
            "overdue_intro": "{obligations} obligations are overdue for at least one layer ({items} roadmap items).",
            "overdue_more": "All findings for the whole government",
            "biggest_packages": "The biggest joint work packages",
            "layers_intro": "Each layer has its own roadmap, cut from one plan for the whole government.",
            "government": "The whole government",
            "government_intro": (
                "One plan for all layers: each layer's roadmap is a slice of it, so work that needs "
                "another layer's facility is planned after that layer delivers it."
            ),
            "swimlanes": "Stages per layer",
            "swimlanes_caption": (
                "One lane per layer and one column per stage, with the number of obligations per status, "
                "due dates as diamonds and arrows for work that waits on another layer."
            ),
            "cross_layer": "Cross-layer dependencies",
            "cross_layer_intro": "Obligations that can only start once another layer delivers a facility.",
            "facility": "Facility",
            "provider": "Delivered by",
            "waiting": "Waiting",
            "items": "items",
            "analysis": "Coherence analysis",
            "analysis_intro": (
                "Where the laws meet: chains of prerequisites that must start early, facilities other "
                "layers wait on, tensions that need a policy decision, and obligations that unlock many others."
            ),
            "chains": "Critical chains",
            "chains_intro": "The longest chains of prerequisites ending in a due obligation, tightest first.",
            "chain": "Chain",
            "slack": "Slack (quarters)",
            "blockers": "Cross-layer blockers",
            "organisations_waiting": "Organisations waiting",
            "conflicts": "Conflicts that need a policy decision",
            "keystones": "Keystones",
            "keystones_intro": "Obligations that unlock the most others, directly or indirectly.",
            "dependants": "Dependants",
            "earliest_dependant": "First dependant due",
            "none": "None.",
            "count": "Number",
            "total": "Total",
            "requires": "requires",
            "required-by": "is required by",
            "needs-facility": "needs the facility",
            "facility-for": "is the facility for",
            "overlaps": "overlaps",
            "conflicts-with": "conflicts with",
            "legend": "Legend",
            "legend_requires": "requires (prerequisite first)",
            "legend_needs": "needs a facility",
            "legend_overlaps": "overlaps (same work)",
            "legend_conflicts": "conflicts (policy decision)",
            "legend_external": "obligation of another act",
            "outside": "outside this view",
            "earlier": "earlier",
            "later": "later",
            "picture_nodes": "{nodes} boxes in {columns} steps from left to right, joined by {edges} lines.",
            "picture_rows": "{rows} rows over {stages} stages, from {start} to {end}.",
            "picture_lanes": "{lanes} lanes over {stages} stages, {arrows} arrows between lanes.",
            "relations_between_acts": "Relations between the acts of this theme",
            "obligations_n": "{n} obligations",
            "obligations_one": "{n} obligation",
            "act_requires": "{b} needs work from {a} done first",
            "act_needs-facility": "{b} waits on a facility from {a}",
            "act_overlaps": "{a} and {b} overlap",
            "act_conflicts": "{a} and {b} are in tension",
        },
        "nl": {
            "site_name": "Europese digitale wetgeving: één plan voor de Nederlandse overheid",
            "site_intro": (
                "Deze site is gemaakt door planner uit een beoordeelde catalogus van Europese digitale "
                "wetgeving, met bronnen. Hij laat zien welke verplichtingen op het rijk, de provincies, de "
                "waterschappen en de gemeenten vallen, hoe ze van elkaar afhangen en elkaar overlappen, en "
                "één gefaseerde planning voor de hele overheid, zodat hetzelfde werk één keer en in de "
                "goede volgorde gebeurt."
            ),
            "as_of_note": "Statussen en fasen zijn berekend op deze datum.",
            "skip": "Naar de inhoud",
            "nav_label": "Hoofdmenu",
            "nav_home": "Start",
            "nav_acts": "Wetten",
            "nav_themes": "Thema's",
            "nav_government": "Hele overheid",
            "nav_analysis": "Analyse",
            "nav_search": "Zoeken",
            "lang_switch": "Taal",
            "choose_language": "Kies je taal",
            "footer_made": "Gemaakt door planner {version} uit de catalogus, peildatum {as_of}.",
            "footer_offline": "Elke pagina werkt offline en zonder JavaScript.",
            "search_label": "Zoek in wetten en verplichtingen",
            "search_button": "Zoeken",
            "search_help": (
                "Typ een woord, een artikel of een id. Zonder JavaScript staat hier alles: gebruik de "
                "zoekfunctie van je browser."
            ),
            "search_results": "Wetten en verplichtingen",
            "search_count": "{shown} van {total} getoond",
            "acts": "Wetten",
            "acts_intro": "Alle wetten in de catalogus, met het aantal verplichtingen voor overheden.",
            "themes": "Thema's",
            "themes_intro": "De prioriteiten die de gemeenten aan het rijk hebben voorgelegd.",
            "theme": "Thema",
            "layers": "Bestuurslagen",
            "layer": "Bestuurslaag",
            "obligations": "Verplichtingen",
            "organisations": "Organisaties",
            "capacity": "Capaciteit per fase",
            "unlimited": "onbeperkt",
            "celex": "CELEX",
            "eli": "ELI",
            "eurlex": "Lees de tekst op EUR-Lex",
            "note": "Toelichting",
            "milestones": "Mijlpalen",
            "date": "Datum",
            "article": "Artikel",
            "articles": "Artikelen",
            "applies": "Wat geldt",
            "source": "Bron",
            "sources": "Bronnen",
            "accessed": "gelezen op",
            "earlier_dates": "Eerdere data",
            "disputed": "Betwist",
            "changed_by": "verschoven door",
            "amendments": "Wijzigingen",
            "transposition": "Omzetting",
            "transposed_by": "Omgezet door",
            "transposes": "Zet om",
            "obligations_per_layer": "Verplichtingen per bestuurslaag",
            "role": "Rol",
            "relations_acts": "Samenhang met andere wetten",
            "relations": "Samenhang",
            "other_act": "Andere wet",
            "via": "Via",
            "graph": "Samenhangplaat",
            "graph_caption": "Voorwaarden links, wat erop wacht rechts.",
            "text_version": "Dezelfde informatie als tekst",
            "description": "Beschrijving",
            "due": "Uiterlijk",
            "due_from_milestone": "volgt de mijlpaal",
            "no_due": "geen uiterste datum",
            "effort": "Inspanning",
            "effort_points": "{effort} inspanningspunten per organisatie",
            "roles": "Rollen per bestuurslaag",
            "placement": "In de planningen",
            "reasons": "Waarom",
            "waits_on": "Wacht op",
            "package": "Gezamenlijk werkpakket",
            "packages_intro": "Verplichtingen die (deels) hetzelfde werk zijn, gepland als één klus.",
            "effort_separate": "Inspanning los van elkaar",
            "effort_joint": "Inspanning samen",
            "effort_saved": "Bespaarde inspanning",
            "driver": "Onderdeel dat het eerst af moet",
            "roadmap": "Planning",
            "roadmap_intro": "Elke verplichting staat in de eerste fase waarin ze kan beginnen, na wat ze nodig heeft.",
            "timeline": "Tijdlijn",
            "timeline_caption": (
                "Elke regel is één verplichting; de balk is de fase, de ruit de uiterste datum, de "
                "verticale lijn de peildatum."
            ),
            "findings_intro": "Wat niet haalbaar is, en waarom.",
            "downloads": "Downloads",
            "downloads_intro": "Dezelfde planning als bestanden, om offline te lezen of in andere programma's te gebruiken.",
            "download_of": "Planning {name} als {format}",
            "fmt_md": "Markdown",
            "fmt_json": "JSON",
            "fmt_csv": "CSV (spreadsheet)",
            "fmt_xlsx": "Excel-werkmap (XLSX)",
            "fmt_ics": "iCalendar (uiterste data)",
            "fmt_mermaid": "Mermaid-diagram",
            "fmt_html": "HTML",
            "due_next": "Binnenkort uiterlijk af, voor de hele overheid",
            "due_next_none": "Na de peildatum moet niets meer af.",
            "overdue_intro": (
                "{obligations} verplichtingen zijn voor minstens één bestuurslaag te laat "
                "({items} onderdelen van planningen)."
            ),
            "overdue_more": "Alle bevindingen voor de hele overheid",
            "biggest_packages": "De grootste gezamenlijke werkpakketten",
            "layers_intro": "Elke bestuurslaag heeft een eigen planning, uit één plan voor de hele overheid.",
            "government": "De hele overheid",
            "government_intro": (
                "Eén plan voor alle bestuurslagen: de planning van elke laag is er een deel van, zodat werk "
                "dat een voorziening van een andere laag nodig heeft, na de levering daarvan komt."
            ),
            "swimlanes": "Fasen per bestuurslaag",
            "swimlanes_caption": (
                "Eén baan per bestuurslaag en één kolom per fase, met het aantal verplichtingen per status, "
                "uiterste data als ruiten en pijlen voor werk dat op een andere laag wacht."
            ),
            "cross_layer": "Afhankelijkheden tussen bestuurslagen",
            "cross_layer_intro": "Verplichtingen die pas kunnen beginnen als een andere laag een voorziening levert.",
            "facility": "Voorziening",
            "provider": "Geleverd door",
            "waiting": "Wacht",
            "items": "onderdelen",
            "analysis": "Samenhanganalyse",
            "analysis_intro": (
                "Waar de wetten elkaar raken: ketens van voorwaarden die vroeg moeten beginnen, "
                "voorzieningen waarop andere lagen wachten, spanningen die een beleidskeuze vragen, en "
                "verplichtingen die veel andere mogelijk maken."
            ),
            "chains": "Kritieke ketens",
            "chains_intro": "De langste ketens van voorwaarden die eindigen in een verplichting met een datum, krapste eerst.",
            "chain": "Keten",
            "slack": "Speling (kwartalen)",
            "blockers": "Blokkades tussen bestuurslagen",
            "organisations_waiting": "Wachtende organisaties",
            "conflicts": "Spanningen die een beleidskeuze vragen",
            "keystones": "Sleutelverplichtingen",
            "keystones_intro": "Verplichtingen die de meeste andere mogelijk maken, direct of indirect.",
            "dependants": "Afhankelijk",
            "earliest_dependant": "Eerste afhankelijke uiterlijk",
            "none": "Geen.",
            "count": "Aantal",
            "total": "Totaal",
            "requires": "vereist eerst",
            "required-by": "is voorwaarde voor",
            "needs-facility": "heeft de voorziening nodig",
            "facility-for": "is de voorziening voor",
            "overlaps": "overlapt met",
            "conflicts-with": "botst met",
            "legend": "Legenda",
            "legend_requires": "vereist eerst (voorwaarde eerst)",
            "legend_needs": "heeft een voorziening nodig",
            "legend_overlaps": "overlapt (hetzelfde werk)",
            "legend_conflicts": "botst (beleidskeuze)",
            "legend_external": "verplichting uit een andere wet",
            "outside": "buiten deze weergave",
            "earlier": "eerder",
            "later": "later",
            "picture_nodes": "{nodes} vakken in {columns} stappen van links naar rechts, verbonden door {edges} lijnen.",
            "picture_rows": "{rows} regels over {stages} fasen, van {start} tot {end}.",
            "picture_lanes": "{lanes} banen over {stages} fasen, {arrows} pijlen tussen banen.",
            "relations_between_acts": "Samenhang tussen de wetten van dit thema",
            "obligations_n": "{n} verplichtingen",
            "obligations_one": "{n} verplichting",
            "act_requires": "{b} heeft eerst werk uit {a} nodig",
            "act_needs-facility": "{b} wacht op een voorziening uit {a}",
            "act_overlaps": "{a} en {b} overlappen",
            "act_conflicts": "{a} en {b} staan op gespannen voet",
        },
    },
)

TERMS: dict[str, dict[str, dict[str, str]]] = {
    "status": STATUS,
    "legal": {
        "en": {"in-force": "in force", "adopted": "adopted", "proposed": "proposed"},
        "nl": {"in-force": "van kracht", "adopted": "aangenomen", "proposed": "voorgesteld"},
    },
    "role": {
        "en": {
            "addressee": "addressee",
            "provider": "provides the facility",
            "co-responsible": "co-responsible",
            "supervisor": "supervisor",
        },
        "nl": {
            "addressee": "geadresseerde",
            "provider": "levert de voorziening",
            "co-responsible": "medeverantwoordelijk",
            "supervisor": "toezichthouder",
        },
    },
    "act_kind": {
        "en": {
            "regulation": "regulation",
            "directive": "directive",
            "implementing-regulation": "implementing regulation",
            "delegated-regulation": "delegated regulation",
            "national-act": "national act",
            "national-policy": "national policy",
        },
        "nl": {
            "regulation": "verordening",
            "directive": "richtlijn",
            "implementing-regulation": "uitvoeringsverordening",
            "delegated-regulation": "gedelegeerde verordening",
            "national-act": "Nederlandse wet",
            "national-policy": "rijksbeleid",
        },
    },
    "milestone": {
        "en": {
            "signature": "signature",
            "publication": "publication",
            "entry-into-force": "entry into force",
            "application": "application",
            "transposition": "transposition deadline",
            "review": "review",
            "other": "other",
        },
        "nl": {
            "signature": "ondertekening",
            "publication": "publicatie",
            "entry-into-force": "inwerkingtreding",
            "application": "van toepassing",
            "transposition": "uiterste omzettingsdatum",
            "review": "evaluatie",
            "other": "overig",
        },
    },
    "finding": FINDING,
    "degree": {
        "en": {"equal": "equal", "subset": "subset", "intersect": "partly"},
        "nl": {"equal": "gelijk", "subset": "deel", "intersect": "deels"},
    },
}
"""Names of the catalogue's and the plan's fixed values, per vocabulary and language."""


def labels(lang: str) -> dict[str, str]:
    """The site's labels in `lang`."""
    return LABELS[lang]


def term(vocabulary: str, value: str, lang: str) -> str:
    """The name of a fixed value (a status, a role, ...) in `lang`; the value itself when unknown.

    >>> term("status", "at-risk", "nl")
    'in gevaar'
    """
    return TERMS[vocabulary][lang].get(value, value)


def long_date(iso: str, lang: str) -> str:
    """An ISO date written out in `lang`.

    >>> long_date("2027-01-01", "nl"), long_date("2027-01-01", "en")
    ('1 januari 2027', '1 January 2027')
    """
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"
