"""The Dutch keyword rules that read facts from a complaint's words, with the words shown."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bomenplan.domain.complaint_text_facts import TextFact as F
from bomenplan.domain.complaint_text_facts import find_text_facts


@pytest.mark.parametrize("text, locatie, fact, words", [
    ("De takken hangen tegen de gevel", "", F.TAKKEN_GEVEL, "takken hangen tegen de gevel"),
    ("De boom raakt het huis", "", F.TAKKEN_GEVEL, "raakt het huis"),
    ("Een tak schuurt over dak", "", F.TAKKEN_GEVEL, "tak schuurt over dak"),
    ("Er zit een dode tak in", "", F.DOOD_HOUT, "dode tak"),
    ("Een tak is afgebroken", "", F.DOOD_HOUT, "tak is afgebroken"),
    ("De tak hangt los", "", F.DOOD_HOUT, "hangt los"),
    ("Grote scheur in de stam", "", F.DOOD_HOUT, "scheur"),
    ("Wortels drukken de stoep omhoog", "", F.STRUIKELGEVAAR, "wortels drukken de stoep omhoog"),
    ("Ik ben bijna gestruikeld", "", F.STRUIKELGEVAAR, "gestruikeld"),
    ("Tegels liggen omhoog", "", F.STRUIKELGEVAAR, "tegels liggen omhoog"),
    ("Veel rupsen", "", F.RUPSEN_SPINSEL, "rupsen"),
    ("Alles zit onder het spinsel", "", F.RUPSEN_SPINSEL, "spinsel"),
    ("Nesten in de boom", "", F.RUPSEN_SPINSEL, "nesten"),
    ("Schade aan mijn auto", "", F.SCHADE, "schade"),
    ("Te veel schaduw", "", F.SCHADUW, "schaduw"),
    ("Weinig licht in de kamer", "", F.LICHT, "weinig licht"),
    ("Bladeren in de goot", "", F.BLADVAL, "bladeren"),
    ("Schaduw op mijn zonnepanelen", "", F.ZONNEPANELEN, "zonnepanelen"),
    ("Alles onder de vogelpoep", "", F.VOGELPOEP, "vogelpoep"),
    ("De lantaarnpaal zit erachter", "", F.LANTAARN_BORD, "lantaarnpaal"),
    ("Overlast", "naast de basisschool", F.RISICOLOCATIE, "basisschool"),
    ("De boom van de buren", "", F.BOOM_VAN_BUREN, "boom van de buren"),
])
def test_a_fact_is_found_with_the_words_that_matched(text, locatie, fact, words):
    findings = find_text_facts(text, locatie)
    assert findings.has(fact)
    assert f"'{words}'" in findings.words_for(fact)


@pytest.mark.parametrize("text, fact", [
    ("Er zijn geen dode takken", F.DOOD_HOUT),
    ("De takken raken het huis niet", F.TAKKEN_GEVEL),
    ("Geen schade, alleen een vraag", F.SCHADE),
    ("Zonder rupsen dit jaar", F.RUPSEN_SPINSEL),
])
def test_a_negated_fact_is_not_proposed_but_shown_as_negated(text, fact):
    findings = find_text_facts(text)
    assert not findings.has(fact)
    assert any(n.fact is fact for n in findings.negated)


def test_negation_holds_only_within_its_clause():
    findings = find_text_facts("Geen schaduw, maar wel een dode tak boven de stoep")
    assert findings.has(F.DOOD_HOUT) and not findings.has(F.SCHADUW)


@pytest.mark.parametrize("text, scientific, words", [
    ("rupsen in de eik", "Quercus", "eik"),
    ("de Amerikaanse eik bij de school", "Quercus rubra", "amerikaanse eik"),
    ("spinsel in de vogelkers", "Prunus padus", "vogelkers"),
    ("de kardinaalsmuts is kaal", "Euonymus europaeus", "kardinaalsmuts"),
    ("bladeren van de linde", "Tilia", "linde"),
    ("de kastanje laat vallen", "Aesculus hippocastanum", "kastanje"),
])
def test_a_named_species_is_found(text, scientific, words):
    [species] = find_text_facts(text).species
    assert (species.scientific, species.words) == (scientific, words)


def test_eikenprocessierups_names_the_pest_not_the_tree_species():
    assert find_text_facts("eikenprocessierups in de berk").species[0].scientific == "Betula"


def test_describe_shows_each_fact_with_its_words():
    lines = find_text_facts("Een dode tak hangt tegen het dak van de linde").describe()
    assert "dood hout of gebroken tak — gevonden in tekst: 'dode tak'" in lines
    assert "soort Tilia — gevonden in tekst: 'linde'" in lines


def test_empty_text_finds_nothing():
    findings = find_text_facts("", "")
    assert findings.facts == () and findings.species == ()


def test_the_stem_pretest_never_changes_the_answer():
    texts = [
        "De takken hangen tegen de gevel", "Een tak is afgebroken boven de stoep", "Tegels liggen omhoog",
        "Wortels drukken de stoep omhoog en ik ben gestruikeld", "Rupsen en spinsel in de vogelkers",
        "Plakkerige druppels, luizen", "Hooikoorts", "De boom staat scheef en wiebelt",
        "Geen schaduw maar vogelpoep", "De lantaarnpaal is donker", "Takken laag over het fietspad",
        "De boom van de buren hangt over mijn tuin", "De boom is veel te groot", "Weinig licht in huis",
        "Kastanjes en bladeren in de goot", "Nesten bij de basisschool", "eiken in het bos",
    ]
    for text in texts:
        assert find_text_facts(text, "", True) == find_text_facts(text, "", False), text


WORDS = ["de", "tak", "takken", "dode", "geen", "niet", "tegen", "gevel", "dak", "raakt", "huis",
         "wortels", "drukken", "stoep", "omhoog", "tegels", "los", "hangt", "eik", "eiken", "rupsen",
         "spinsel", "vogelkers", "school", "bos", "es", "zon", "zonnepanelen", "schaduw", "licht",
         "over", "mijn", "tuin", "buren", "boom", "van", "fietspad", "laag", ",", ".", "maar", "en",
         "scheef", "eikenprocessierups", "kastanjes", "verzorgingshuis", "opgedrukte", "lantaarnpaal"]


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS), max_size=25), noise=st.text(max_size=30))
def test_stem_pretest_is_exact_on_random_sentences(words, noise):
    text = " ".join(words) + noise
    assert find_text_facts(text, "", True) == find_text_facts(text, "", False)
