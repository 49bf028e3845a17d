"""Facts proposed from a complaint's own words (text and location notes), for the handler to confirm.

Dutch keyword and pattern rules. Each found fact keeps the words that matched, so the handler
sees why it was proposed. A match is dropped when a negation ("geen", "niet", "zonder") stands
before it in the same clause, or "niet" right after it ("de takken raken het huis niet").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache


class TextFact(StrEnum):
    TAKKEN_GEVEL = "takken raken gevel of dak"
    DOOD_HOUT = "dood hout of gebroken tak"
    STRUIKELGEVAAR = "struikelgevaar door wortels"
    WORTELS = "wortels of opgedrukte verharding"
    SCHADE = "schade"
    RUPSEN_SPINSEL = "rupsen, spinsels of nesten"
    SCHADUW = "schaduw"
    LICHT = "minder licht in de woning"
    BLADVAL = "bladval"
    VRUCHTVAL = "vrucht- of zaadval"
    ZONNEPANELEN = "zonnepanelen"
    VOGELPOEP = "vogelpoep"
    LANTAARN_BORD = "lantaarnpaal of verkeersbord"
    DOORRIJHOOGTE = "takken te laag boven weg of pad"
    OVER_OPENBARE_RUIMTE = "boven weg, stoep of pad"
    OVERHANG_TUIN = "takken boven (eigen) tuin"
    BOOM_VAN_BUREN = "boom van buren of particulier"
    TE_GROOT = "boom te groot of te hoog"
    POLLEN = "stuifmeel of allergie"
    HONINGDAUW = "honingdauw of plakkerige druppels"
    SCHEEF = "scheve of instabiele boom"
    RISICOLOCATIE = "drukke plek (school, speelplek, druk pad)"
    RUSTIGE_LOCATIE = "rustige plek (bos, natuurgebied)"


_W = r"[a-zà-ÿ]*"  # any word ending
PATTERNS: dict[TextFact, tuple[str, ...]] = {
    TextFact.TAKKEN_GEVEL: (
        r"\btak" + _W + r"\b[^.;!?]{0,40}?\b(tegen|over|op|raken|raakt|schuren|schuurt)\b[^.;!?]{0,20}?"
        r"\b(gevel|dak|huis|woning|raam|ramen|dakgoot|goot|muur)\b",
        r"\b(raakt|raken|schuurt|schuren|tikt|tikken|slaat|slaan)\b[^.;!?]{0,20}?"
        r"\b(gevel|dak|huis|woning|ramen|raam|dakgoot|goot)\b",
        r"\b(gevel|dak|huis|woning|dakgoot)\b[^.;!?]{0,25}?\b(raakt|raken|geraakt|schuurt|schuren)\b",
    ),
    TextFact.DOOD_HOUT: (
        r"\bdode?\s+(tak|takken|hout|boom)\b", r"\bdood\s+hout\b", r"\bafgebroken\b",
        r"\b(afgescheurd|gescheurd|ingescheurd)\w*", r"\bscheur\b(?![^.;!?]{0,20}\b(muur|gevel|tegel))",
        r"\bhangt?\s+(half\s+)?los\b", r"\blosse\s+tak\w*", r"\bgebroken\s+tak\w*",
        r"\btak\w*\s+(is|zijn)\s+(af)?gebroken\b", r"\bdreigt\s+te\s+(vallen|breken)\b",
        r"\bnaar\s+beneden\s+(te\s+)?(vallen|komen)\b",
    ),
    TextFact.STRUIKELGEVAAR: (
        r"\bstruikel\w*", r"\bgestruikeld\b", r"\b(tegels?|stoep|bestrating)\b[^.;!?,]{0,30}?\b(omhoog|scheef|los)\b",
        r"\bwortels?\b[^.;!?,]{0,40}?\b(drukken|drukt|duwen)\b[^.;!?,]{0,30}?\bomhoog\b",
        r"\bwortels?\b[^.;!?]{0,40}?\b(omhoog|opgedrukt|opdrukken|drukken|drukt)\b",
        r"\b(opgedrukte|scheve)\s+(tegels|stoep|bestrating|verharding)\b", r"\bvallen\s+over\b",
        r"\bgevallen\b[^.;!?]{0,20}\b(tegel|wortel|stoep)\w*",
    ),
    TextFact.WORTELS: (
        r"\bwortel\w*", r"\bwortelopdruk\b", r"\briolering\b", r"\bleiding\w*",
    ),
    TextFact.SCHADE: (
        r"\bschade\b", r"\bbeschadigd\w*", r"\bkapot\b", r"\bdeuk\w*",
    ),
    TextFact.RUPSEN_SPINSEL: (
        r"\brups\w*", r"\bspinsel\w*", r"\bwebben\b", r"\bspinrag\b", r"\bnest(en)?\b",
        r"processierups\w*", r"\bbrandharen\b", r"\bingesponnen\b",
    ),
    TextFact.SCHADUW: (r"\bschaduw\w*", r"\bgeen\s+zon\b", r"\bzon\s+weg\b"),
    TextFact.LICHT: (
        r"\b(weinig|minder|geen)\s+(dag)?licht\b", r"\b(te\s+)?donker\s+in\s+(huis|de\s+(woning|kamer))",
        r"\blicht\s+(in|uit)\s+(huis|de\s+woning|de\s+kamer)\b", r"\bdonkere\s+(woning|kamer)\b",
    ),
    TextFact.BLADVAL: (r"\bbladeren\b", r"\bblad(val)?\b", r"\bgoot\s+vol\b", r"\bverstopte?\s+goot\b"),
    TextFact.VRUCHTVAL: (r"\bvruchten\b", r"\bzaden\b", r"\bnoten\b", r"\bkastanjes\b", r"\beikels\b",
                         r"\bbessen\b"),
    TextFact.ZONNEPANELEN: (r"\bzonnepane\w*", r"\bpv-pane\w*", r"\bzonne-energie\b"),
    TextFact.VOGELPOEP: (r"\bvogelpoep\b", r"\b(vogel|duiven|kraaien|spreeuwen)\w*\s*poep\b",
                         r"\bpoep\s+van\s+(vogels|duiven|kraaien|spreeuwen)\b", r"\buitwerpselen\b"),
    TextFact.LANTAARN_BORD: (r"\blantaarn\w*", r"\bstraatverlichting\b", r"\bverkeersbord\w*",
                             r"\bstraatnaambord\w*", r"\bverkeerslicht\w*"),
    TextFact.DOORRIJHOOGTE: (r"\b(te\s+)?laag\s+(hangende\s+)?(tak|takken)\b",
                             r"\b(tak|takken)\s+hangen\s+(te\s+)?laag\b", r"\bdoorrijhoogte\b",
                             r"\b(tak|takken)\b[^.;!?]{0,15}\blaag\s+over\b",
                             r"\b(vrachtwagen|bus|auto)\w*\s+(raakt|raken|schampt)\b"),
    TextFact.OVER_OPENBARE_RUIMTE: (
        r"\b(over|boven|op)\s+(de\s+|het\s+)?(weg|straat|stoep|trottoir|fietspad|voetpad|rijbaan|"
        r"openbare\s+weg|pad|parkeerplaats)\b",
        r"\b(stoep|trottoir|fietspad|voetpad)\b",
    ),
    TextFact.OVERHANG_TUIN: (
        r"\b(over|boven)\s+(mijn|onze|de|m'n)\s+(achter|voor)?tuin\b",
        r"\boverhang\w*",
    ),
    TextFact.BOOM_VAN_BUREN: (
        r"\bboom\s+van\s+(de\s+)?(buren|buurman|buurvrouw|overburen)\b",
        r"\b(buren|buurman|buurvrouw)\s+(heeft|hebben)\s+een\s+boom\b",
        r"\bin\s+de\s+tuin\s+van\s+(de\s+)?(buren|buurman|buurvrouw|nummer\s+\d+)\b",
        r"\bparticuliere\s+boom\b", r"\bboom\s+(staat\s+)?op\s+(eigen|particulier)\s+terrein\b",
    ),
    TextFact.TE_GROOT: (r"\b(veel\s+)?te\s+(groot|hoog|breed)\b", r"\b(enorm|gigantisch)\s+(groot|hoog)\b"),
    TextFact.POLLEN: (r"\bhooikoorts\b", r"\bstuifmeel\b", r"\ballergi\w*", r"\bpollen\b"),
    TextFact.HONINGDAUW: (r"\bhoningdauw\b", r"\b(plakkerig|kleverig)\w*", r"\bluizen\b"),
    TextFact.SCHEEF: (r"\bscheef\b(?![^.;!?]{0,10}\btegels?\b)", r"\bwiebel\w*", r"\bwankel\w*",
                      r"\bdreigt\s+om\s+te\s+vallen\b", r"\bomvallen\b", r"\bkantelt?\b"),
    TextFact.RISICOLOCATIE: (
        r"\bschool\w*", r"\bbasisschool\b", r"\bspeel(plaats|tuin|veld|plek|toestel)\w*",
        r"\bkinder(opvang|dagverblijf|boerderij)\w*", r"\bcr[eè]che\b", r"\bdruk(ke)?\s+(fiets|wandel|voet)?pad\b",
        r"\bbushalte\b", r"\bsport(park|veld|velden)\b", r"\bcamping\b", r"\bterras\b",
        r"\bzorg(instelling|centrum)\b", r"\bverzorgingshuis\b", r"\bwinkelcentrum\b",
    ),
    TextFact.RUSTIGE_LOCATIE: (r"\bbos\b", r"\bnatuurgebied\b", r"\bweiland\b", r"\bbuitengebied\b",
                               r"\bbosrand\b"),
}

# Cheap substring test per fact: a fact's patterns can only match when one of its stems occurs.
STEMS: dict[TextFact, tuple[str, ...]] = {
    TextFact.TAKKEN_GEVEL: ("gevel", "dak", "huis", "woning", "raam", "ramen", "goot", "muur"),
    TextFact.DOOD_HOUT: ("dod", "dood", "gebroken", "scheur", "los", "vallen", "breken", "gescheurd"),
    TextFact.STRUIKELGEVAAR: ("struikel", "tegel", "stoep", "bestrating", "wortel", "scheve", "opgedrukte",
                              "vallen"),
    TextFact.WORTELS: ("wortel", "riolering", "leiding"),
    TextFact.SCHADE: ("schade", "beschadigd", "kapot", "deuk"),
    TextFact.RUPSEN_SPINSEL: ("rups", "spinsel", "webben", "spinrag", "nest", "brandharen", "ingesponnen"),
    TextFact.SCHADUW: ("schaduw", "zon"),
    TextFact.LICHT: ("licht", "donker"),
    TextFact.BLADVAL: ("blad", "goot"),
    TextFact.VRUCHTVAL: ("vruchten", "zaden", "noten", "kastanjes", "eikels", "bessen"),
    TextFact.ZONNEPANELEN: ("zonne", "pv-"),
    TextFact.VOGELPOEP: ("poep", "uitwerpselen"),
    TextFact.LANTAARN_BORD: ("lantaarn", "verlichting", "bord", "verkeerslicht"),
    TextFact.DOORRIJHOOGTE: ("laag", "doorrijhoogte", "raakt", "raken", "schampt"),
    TextFact.OVER_OPENBARE_RUIMTE: ("weg", "straat", "stoep", "trottoir", "pad", "rijbaan", "parkeer"),
    TextFact.OVERHANG_TUIN: ("tuin", "overhang"),
    TextFact.BOOM_VAN_BUREN: ("buren", "buurman", "buurvrouw", "particulier", "terrein"),
    TextFact.TE_GROOT: ("groot", "hoog", "breed"),
    TextFact.POLLEN: ("hooikoorts", "stuifmeel", "allergi", "pollen"),
    TextFact.HONINGDAUW: ("honingdauw", "plakkerig", "kleverig", "luizen"),
    TextFact.SCHEEF: ("scheef", "wiebel", "wankel", "vallen", "kantel"),
    TextFact.RISICOLOCATIE: ("school", "speel", "kinder", "che", "druk", "bushalte", "sport", "camping",
                             "terras", "zorg", "verzorgingshuis", "winkelcentrum"),
    TextFact.RUSTIGE_LOCATIE: ("bos", "natuurgebied", "weiland", "buitengebied"),
}

NEGATION = re.compile(r"\b(geen|niet|nergens|zonder|nooit)\b")
_LAST_CLAUSE_END = re.compile(r".*(?:[.;!?,]|\b(?:maar|en|want|terwijl)\b)", re.S)  # greedy: the last one
_NOT_AFTER = re.compile(r"\s+(?:meer\s+)?niet\b")
# One alternation per fact: a single scan of the text per fact (batch triage reads 10,000 texts).
_COMPILED = {fact: re.compile("|".join(f"(?:{p})" for p in patterns)) for fact, patterns in PATTERNS.items()}
# Words that must occur before the species patterns are tried (see SPECIES_NAMES).
SPECIES_TRIGGERS = ("eik", "kastanje", "kers", "kardinaalsmuts", "meidoorn", "appel", "linde", "berk",
                    "esdoorn", "essen", "beuk", "plata", "wilg", "populier", "iep", "els", "walnoot",
                    "noten")
_ALL_STEMS = sorted({stem for stems in STEMS.values() for stem in stems} | set(SPECIES_TRIGGERS),
                    key=len, reverse=True)


def _stem_scan() -> re.Pattern:
    """One scan finds every stem (longest first); a longer stem found also stands for the shorter
    stems inside it. Grouped by first letter, which makes the scan several times faster."""
    by_first: dict[str, list[str]] = {}
    for stem in _ALL_STEMS:
        by_first.setdefault(stem[0], []).append(re.escape(stem[1:]))
    return re.compile("|".join(f"{re.escape(first)}(?:{'|'.join(rests)})"
                               for first, rests in by_first.items()))


_STEM_SCAN = _stem_scan()
_ES = re.compile(r"\bes(?:boom)?\b")  # the ash's short name needs word boundaries
SPECIES = "soort"  # marker in the candidate set: run the species patterns


@dataclass(frozen=True)
class FoundFact:
    fact: TextFact
    words: str  # the words that matched, as written


@dataclass(frozen=True)
class FoundSpecies:
    scientific: str  # genus or species, e.g. "Quercus", "Prunus padus"
    words: str


@dataclass(frozen=True)
class TextFindings:
    facts: tuple[FoundFact, ...] = ()
    species: tuple[FoundSpecies, ...] = ()
    negated: tuple[FoundFact, ...] = ()  # matched, but negated in the text (shown, not used)

    def has(self, fact: TextFact) -> bool:
        return any(f.fact is fact for f in self.facts)

    def words_for(self, fact: TextFact) -> str:
        return ", ".join(dict.fromkeys(f"'{f.words}'" for f in self.facts if f.fact is fact))

    def describe(self) -> list[str]:
        """One line per fact for the handler: 'fact — gevonden in tekst: "…"'."""
        lines = [f"{fact} — gevonden in tekst: {self.words_for(fact)}"
                 for fact in dict.fromkeys(f.fact for f in self.facts)]
        lines += [f"soort {s.scientific} — gevonden in tekst: '{s.words}'" for s in self.species]
        return lines


# Dutch names → scientific names. Longer names first so "amerikaanse eik" beats "eik".
SPECIES_NAMES: tuple[tuple[str, str], ...] = (
    (r"amerikaanse\s+eik\w*", "Quercus rubra"), (r"moeraseik\w*", "Quercus palustris"),
    (r"zomereik\w*", "Quercus robur"), (r"wintereik\w*", "Quercus petraea"),
    (r"eik(en|enboom|enbomen|eboom)?(?!\w)", "Quercus"), (r"eikenboom|eikenbomen", "Quercus"),
    (r"paardenkastanje\w*|kastanje(boom|bomen|s)?", "Aesculus hippocastanum"),
    (r"tamme\s+kastanje\w*", "Castanea sativa"), (r"vogelkers\w*", "Prunus padus"),
    (r"kardinaalsmuts\w*", "Euonymus europaeus"), (r"meidoorn\w*", "Crataegus"),
    (r"appelboom\w*|sierappel\w*", "Malus"), (r"(sier)?kers(en)?boom\w*|sierkers\w*", "Prunus"),
    (r"linde(n|boom|bomen)?", "Tilia"), (r"berk(en|enboom|enbomen)?", "Betula"),
    (r"esdoorn\w*", "Acer"), (r"essen(boom|bomen)?|es(boom)?", "Fraxinus"),
    (r"beuk(en|enboom|enbomen)?", "Fagus"), (r"plata(a)?n(en)?", "Platanus"),
    (r"wilg(en)?", "Salix"), (r"populier(en)?", "Populus"), (r"iep(en)?", "Ulmus"),
    (r"els(en)?", "Alnus"), (r"walnoot\w*|notenboom\w*", "Juglans"),
)
_SPECIES = re.compile(r"\b(?:" + "|".join(rf"(?P<s{i}>{pattern})" for i, (pattern, _name)
                                            in enumerate(SPECIES_NAMES)) + r")(?!\w)")
_NOT_SPECIES = re.compile(r"processierups")


def _negated(text: str, start: int, end: int) -> bool:
    window = max(0, start - 40)
    clause = _LAST_CLAUSE_END.match(text, window, start)
    if NEGATION.search(text, clause.end() if clause else window, start):
        return True
    return _NOT_AFTER.match(text, end) is not None


def _species(text: str) -> tuple[FoundSpecies, ...]:
    """Named species in order of appearance; the earlier (longer) name wins where names overlap."""
    found: dict[str, FoundSpecies] = {}
    for m in _SPECIES.finditer(text):
        if _NOT_SPECIES.match(text, m.end()):
            continue
        name = SPECIES_NAMES[int(m.lastgroup[1:])][1]
        found.setdefault(name, FoundSpecies(name, m.group(0)))
    return tuple(found.values())


@cache
def _facts_of_stem(found: str) -> frozenset:
    facts = {fact for fact, stems in STEMS.items() if any(stem in found for stem in stems)}
    if any(t in found for t in SPECIES_TRIGGERS):
        facts.add(SPECIES)
    return frozenset(facts)


def _candidate_facts(text: str) -> set:
    candidates: set = set()
    for found in set(_STEM_SCAN.findall(text)):
        candidates |= _facts_of_stem(found)
    if SPECIES not in candidates and _ES.search(text):
        candidates.add(SPECIES)
    return candidates


@lru_cache(maxsize=4096)  # re-examination reads the same stored texts under two versions
def find_text_facts(text: str, locatie: str = "", use_stems: bool = True) -> TextFindings:
    """Facts proposed by the words of a complaint and its location notes. `use_stems=False`
    skips the substring pre-test (the tests check that it never changes the answer)."""
    joined = f"{text or ''}. {locatie or ''}".lower()
    if not joined.strip(". "):
        return TextFindings()
    facts: list[FoundFact] = []
    negated: list[FoundFact] = []
    candidates = _candidate_facts(joined) if use_stems else set(_COMPILED)
    for fact, pattern in _COMPILED.items():
        if fact not in candidates:
            continue
        match = None
        for m in pattern.finditer(joined):
            if not _negated(joined, m.start(), m.end()):
                match = m
                break
            if not any(n.fact is fact for n in negated):
                negated.append(FoundFact(fact, m.group(0).strip()))
        if match is not None:
            facts.append(FoundFact(fact, match.group(0).strip()))
    species = _species(joined) if not use_stems or SPECIES in candidates else ()
    return TextFindings(tuple(facts), species, tuple(negated))
