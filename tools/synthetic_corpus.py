"""A synthetic corpus in the content contract, for the benchmark: registry, events, letters.

Deterministic for a given size and seed, so that two runs measure the same sources. The text is
French (accents, apostrophes, glossary marks ``Sigle*``) assembled from small word pools; what
matters is its shape, not its meaning: the corpus of the issue that set the build's target (about 240
registry entries, events of one to three paragraphs, 5 % confidential notes, one letter of ten facts per
twenty events).
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

FIRST_YEAR = 2005
LAST_YEAR = 2024
EVENTS_PER_LETTER = 20
FACTS_PER_LETTER = 10
PEOPLE = 100
CONFIDENTIAL_SHARE = 0.05

COUNTRIES = (
    "Japon", "Corée du Sud", "Corée du Nord", "Chine", "Taïwan", "États-Unis", "Australie", "Inde", "Indonésie",
    "Viêt Nam", "Philippines", "Malaisie", "Singapour", "Thaïlande", "Cambodge", "Laos", "Birmanie", "Bangladesh",
    "Pakistan", "Afghanistan", "Iran", "Russie", "Mongolie", "Kazakhstan", "Ouzbékistan", "Népal", "Sri Lanka",
    "Nouvelle-Zélande", "Papouasie-Nouvelle-Guinée", "Fidji", "Îles Salomon", "Vanuatu", "Tonga", "Samoa",
    "France", "Royaume-Uni", "Allemagne", "Italie", "Espagne", "Pays-Bas", "Suède", "Finlande", "Pologne",
    "Ukraine", "Lituanie", "Canada", "Mexique", "Brésil", "Chili", "Arabie saoudite", "Émirats arabes unis",
    "Qatar", "Turquie", "Égypte", "Israël", "Brunei", "Timor oriental", "Maldives", "Bhoutan", "Europe",
)
FIRST_NAMES = (
    "Akira", "Hélène", "Min-jun", "Wei", "Priya", "Léa", "Jérôme", "Yuki", "Sung-ho", "Anaïs", "Raúl", "Ngozi",
    "Émile", "Chloé", "Hiroshi", "Aurélien", "Mei", "Joon", "Françoise", "Anh", "Björn", "Zoé", "Kenji", "Inès",
    "Ravi", "Noémie", "Tomás", "Haruka", "Gaëlle", "Dmitri",
)
LAST_NAMES = (
    "Tanaka", "Lefèvre", "Kim", "Zhang", "Sharma", "Moreau", "Nguyen", "Park", "Suzuki", "Dubois", "Chen",
    "Garnier", "Watanabe", "Roussel", "Li", "Rao", "Bérenger", "Lee", "Sato", "Fontaine",
)
ORGANIZATIONS = (
    ("Organisation régionale de sécurité", "ORS"), ("Forum économique du Pacifique", "FEP"),
    ("Conseil de coopération maritime", "CCM"), ("Agence de l’énergie atomique régionale", "AEAR"),
    ("Dialogue quadrilatéral élargi", "DQE"), ("Banque asiatique de développement durable", "BADD"),
    ("Partenariat indo-pacifique pour la défense", "PIPD"), ("Commission des détroits", "CDD"),
    ("Union des États riverains", "UER"), ("Groupe de contact nucléaire", "GCN"),
    *((f"Comité d’étude n° {i}", None) for i in range(1, 41)),
)
TOPICS = (
    "Défense", "Diplomatie", "Élections", "Énergie", "Économie", "Commerce", "Cybersécurité", "Renseignement",
    "Alliances", "Nucléaire", "Espace", "Climat", "Santé", "Migrations", "Terrorisme", "Maritime", "Sanctions",
    "Technologies", "Droits de l’homme", "Frontières", "Armement", "Aide au développement", "Désinformation",
    "Semi-conducteurs", "Pêche", "Infrastructures", "Éducation", "Agriculture", "Finances publiques", "Tourisme",
)
CITIES = ("Tokyo", "Séoul", "Pékin", "Canberra", "New Delhi", "Jakarta", "Hanoï", "Manille", "Singapour",
          "Paris", "Bruxelles", "Washington", "Genève", "Bangkok", "Wellington")
VERBS = ("annonce", "signe", "dénonce", "négocie", "réaffirme", "suspend", "élargit", "conclut", "ratifie",
         "propose", "rejette", "prépare", "accélère", "évalue", "critique")
NOUNS = ("accord", "traité", "exercice militaire", "sommet", "déclaration commune", "programme", "partenariat",
         "budget", "plan d’action", "mémorandum", "dialogue stratégique", "embargo", "réforme", "fonds", "corridor")
ADJECTIVES = ("bilatéral", "régional", "stratégique", "inédit", "élargi", "économique", "maritime", "numérique",
              "énergétique", "sécuritaire", "opérationnel", "pluriannuel", "conjoint", "préliminaire", "intérimaire")
WORDS = (
    "la", "coopération", "sécurité", "région", "gouvernement", "ministre", "d’État", "négociations", "tensions",
    "frontière", "délégation", "capacités", "défense", "économie", "échanges", "investissements", "stabilité",
    "l’archipel", "péninsule", "détroit", "mer", "flotte", "garde-côtes", "déploiement", "missiles", "essais",
    "sanctions", "résolution", "conseil", "alliés", "partenaires", "réunion", "communiqué", "porte-parole",
    "opposition", "parlement", "élection", "réforme", "énergie", "gaz", "pétrole", "réseau", "câbles", "données",
    "satellites", "lancement", "observateurs", "presse", "analystes", "inquiétude", "pression", "dialogue",
    "relance", "chaîne", "approvisionnement", "semi-conducteurs", "exportations", "tarifs", "douanes", "pêcheurs",
    "îlots", "zone", "économique", "exclusive", "patrouilles", "incident", "collision", "protestation",
    "ambassadeur", "consultations", "visite", "d’État", "cérémonie", "anniversaire", "traité", "paix", "aide",
    "humanitaire", "séisme", "typhon", "reconstruction", "prêt", "banque", "infrastructures", "port", "corridor",
)


@dataclass
class Corpus:
    """What was written: enough for the benchmark to edit one note and find its pages."""

    root: Path
    events: list[str] = field(default_factory=list)
    """Relative paths of the event notes, oldest first."""
    sample_title_word: str = ""
    """A word that occurs in the title of exactly one event (the search probe)."""
    sample_event_id: str = ""


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_text).split())


def _yaml_list(values: list[str]) -> str:
    return "[" + ", ".join(f'"{v}"' for v in values) + "]"


class _Writer:
    def __init__(self, root: Path, size: int, seed: int):
        self.root = root
        self.size = size
        self.random = random.Random(seed)
        self.people = [f"{f} {last}" for f in FIRST_NAMES[:10] for last in LAST_NAMES[:10]][:PEOPLE]
        self.glossary_terms = [abbr for _, abbr in ORGANIZATIONS if abbr]

    def write(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")

    def sentence(self, words: int) -> str:
        picked = [self.random.choice(WORDS) for _ in range(words)]
        if self.random.random() < 0.3:
            picked.insert(self.random.randrange(len(picked)), f"{self.random.choice(self.glossary_terms)}*")
        text = " ".join(picked)
        return text[0].upper() + text[1:] + "."

    def registry(self) -> None:
        for name in COUNTRIES:
            self.write(f"docs/pays/{slug(name)}.md", f"---\ntitle: {name}\n---\n{self.sentence(14)}\n")
        for name in self.people:
            self.write(f"docs/personnalites/{slug(name)}.md", f"---\ntitle: {name}\n---\n{self.sentence(12)}\n")
        for name, abbr in ORGANIZATIONS:
            abbr_line = f"abbr: {abbr}\n" if abbr else ""
            self.write(f"docs/organisations/{slug(abbr or name)}.md",
                       f"---\ntitle: \"{name}\"\n{abbr_line}---\n{self.sentence(16)}\n\n{self.sentence(20)}\n")
        for name in TOPICS:
            self.write(f"docs/themes/{slug(name)}.md", f"---\ntitle: \"{name}\"\n---\n{self.sentence(10)}\n")

    def event(self, index: int, year: int, day_of_year: int) -> tuple[str, str, bool]:
        r = self.random
        month, day = divmod(day_of_year % 336, 28)
        month, day = month + 1, day + 1
        countries = r.sample(COUNTRIES, r.randint(1, 3))
        people = r.sample(self.people, r.randint(0, 2))
        organization = r.choice(ORGANIZATIONS)
        topics = r.sample(TOPICS, r.randint(1, 2))
        title = (f"{countries[0]} : {organization[1] or 'le comité'} {r.choice(VERBS)} un {r.choice(NOUNS)} "
                 f"{r.choice(ADJECTIVES)} à {r.choice(CITIES)} (n° {index})")
        event_id = f"{year}-{month:02d}-{day:02d}-evenement-{index}"
        paragraphs = [" ".join(self.sentence(r.randint(12, 22)) for _ in range(r.randint(2, 4)))
                      for _ in range(r.randint(1, 3))]
        secret = r.random() < CONFIDENTIAL_SHARE
        confidential = "confidential: true\n" if secret else ""
        people_line = f"people: {_yaml_list(people)}\n" if people else ""
        text = (
            f"---\ndate: {year}-{month:02d}-{day:02d}\ntitle: \"{title}\"\n"
            f"countries: {_yaml_list(countries)}\n{people_line}"
            f"organizations: {_yaml_list([organization[0]])}\ntopics: {_yaml_list(topics)}\n"
            f"sources:\n  - {{title: \"Communiqué n° {index}\", publisher: Agence de presse, "
            f"url: \"https://example.org/{index}\", date: {year}-{month:02d}-{day:02d}}}\n"
            f"{confidential}---\n" + "\n\n".join(paragraphs) + "\n"
        )
        return event_id, text, secret

    def events(self) -> list[tuple[int, str, bool]]:
        years = LAST_YEAR - FIRST_YEAR + 1
        written = []
        for index in range(self.size):
            year = FIRST_YEAR + index * years // self.size
            event_id, text, secret = self.event(index, year, index * 7919)
            self.write(f"events/{year}/{event_id}.md", text)
            written.append((year, event_id, secret))
        return written

    def letters(self, events: list[tuple[int, str, bool]]) -> None:
        """One letter per ``EVENTS_PER_LETTER`` events, citing ``FACTS_PER_LETTER`` of them, dated by its
        last event's year and its place in that year."""
        per_year: dict[int, int] = {}
        for year, _, _ in events:
            per_year[year] = per_year.get(year, 0) + 1
        seen_in_year: dict[int, int] = {}
        for number, start in enumerate(range(0, len(events), EVENTS_PER_LETTER), start=1):
            window = events[start : start + EVENTS_PER_LETTER]
            year = window[-1][0]
            seen_in_year[year] = seen_in_year.get(year, 0) + len(window)
            month = min(12, 1 + (seen_in_year[year] - 1) * 12 // per_year[year])
            facts = self.random.sample([event_id for _, event_id, _ in window], min(FACTS_PER_LETTER, len(window)))
            zones = self.random.sample(COUNTRIES, 2)
            see_also = f"see_also: [{number - 1}]\n" if number > 1 else ""
            self.write(
                f"docs/lettres/{number}-lettre-{number}.md",
                f"---\nnumber: {number}\nissue: {year}-{month:02d}\nzones: {_yaml_list(zones)}\n"
                f"title: \"Lettre de synthèse n° {number}\"\nfacts: {_yaml_list(facts)}\n{see_also}"
                f"authors: [Claire Vasseur]\n---\n{self.sentence(30)}\n\n<!-- more -->\n\n"
                f"{self.sentence(60)}\n\n{self.sentence(60)}\n",
            )


def write_corpus(root: Path, size: int, seed: int = 6) -> Corpus:
    """Write ``docs/`` (registry, letters, home page) and ``events/`` for ``size`` events under ``root``."""
    writer = _Writer(root, size, seed)
    writer.write("docs/index.md", "---\ntitle: Accueil\n---\nCorpus synthétique pour la mesure des performances.\n")
    writer.registry()
    events = writer.events()
    writer.letters(events)
    corpus = Corpus(root, [f"events/{year}/{event_id}.md" for year, event_id, _ in events])
    probe = next(event_id for _, event_id, secret in events[len(events) // 2:] if not secret)
    corpus.sample_event_id = probe
    corpus.sample_title_word = probe.rsplit("-", 1)[1]
    return corpus
