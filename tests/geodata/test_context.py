"""Region context, former names, the war-zone prior and far namesakes (issue 9). Every text here
is a sentence of our own."""

import pytest

from geodata import PlaceKind, Status, find_places, resolve, resolve_mentions
from geodata.context import BOUND_AFTER, BOUND_PREVIOUS, BOUND_SENTENCE, load_context, region_forms


def placed(text, gazetteer):
    """Settlement as written -> its resolution (the first mention of each)."""
    mentions = find_places(text, gazetteer)
    out = {}
    for m, r in zip(mentions, resolve_mentions(mentions, gazetteer)):
        if m.kind is PlaceKind.PLACE:
            out.setdefault(m.text, r)
    return out


def regions(text, gazetteer):
    return [(m.text, m.region_codes) for m in find_places(text, gazetteer) if m.kind is not PlaceKind.PLACE]


# -- region forms ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, form, codes", [
    ("Militias of the Donetsk People's Republic shelled the town.", "Donetsk People's Republic", ("UA.05",)),
    ("Militias of the Donetsk People’s Republic shelled the town.", "Donetsk People’s Republic", ("UA.05",)),
    ("Forces of the Lugansk People's Republic advanced.", "Lugansk People's Republic", ("UA.14",)),
    ("The DPR said its units held the line.", "DPR", ("UA.14",)[:0] + ("UA.05",)),
    ("LNR-held villages were shelled overnight.", "LNR", ("UA.14",)),
    ("Fighting raged across Donbas for a week.", "Donbas", ("UA.05", "UA.14")),
    ("Бои шли в Донецкой области всю неделю.", "Донецкой области", ("UA.05",)),
    ("Обстріли тривали на Харківщині.", "Харківщині", ("UA.07",)),
    ("Войска ДНР заявили о продвижении.", "ДНР", ("UA.05",)),
    ("La république populaire de Donetsk a annoncé une avancée.", "république populaire de Donetsk", ("UA.05",)),
])
def test_region_forms_are_regions_and_never_the_city(gazetteer, text, form, codes):
    mentions = find_places(text, gazetteer)
    assert (form, codes) in [(m.text, m.region_codes) for m in mentions if m.kind is PlaceKind.OBLAST]
    # "Donetsk" inside "Donetsk People's Republic" is no settlement mention
    assert not [m for m in mentions if m.kind is PlaceKind.PLACE]


def test_a_region_form_resolves_to_its_oblast(gazetteer):
    mentions = find_places("The DPR militia said so.", gazetteer)
    (resolution,) = resolve_mentions(mentions, gazetteer)
    assert resolution.place.name == "Donetsk Oblast"


def test_english_words_that_contain_a_form_are_no_region(gazetteer):
    text = "A public republican debate on DPRK policy and the Donbass Arena."
    assert [text[a:b] for a, b, _ in region_forms(text, load_context())] == ["Donbass"]


# -- which place a region applies to ----------------------------------------------------------
def test_a_region_named_after_a_place_or_a_list_applies_to_it(gazetteer):
    text = ("Shelling hit Bilohorivka in the Luhansk region as well as Marinka, Novomykhailivka and Opytne "
            "in the Donetsk region.")
    mentions = {m.text: m for m in find_places(text, gazetteer)}
    assert mentions["Bilohorivka"].context_regions == ("UA.14",)
    assert mentions["Opytne"].context_regions == ("UA.05",)
    assert mentions["Marinka"].context_how == BOUND_AFTER
    found = placed(text, gazetteer)
    assert found["Bilohorivka"].place.admin1 == "Luhansk Oblast"  # not one of the two in Donetsk Oblast
    assert {p.admin1 for p in found["Opytne"].candidates[:2]} == {"Donetsk Oblast"}


def test_a_region_named_earlier_in_the_sentence_or_just_before_applies_weakly(gazetteer):
    text = "In the Kharkiv region, troops entered Synkivka. Later they took Petropavlivka."
    mentions = {m.text: m for m in find_places(text, gazetteer)}
    assert (mentions["Synkivka"].context_regions, mentions["Synkivka"].context_how) == (("UA.07",), BOUND_SENTENCE)
    assert mentions["Petropavlivka"].context_how == BOUND_PREVIOUS
    assert placed(text, gazetteer)["Petropavlivka"].place.admin1 == "Kharkiv Oblast"


def test_regions_listed_respectively_pair_with_the_places_in_order(gazetteer):
    text = "Troops held Novoheorhiivka and Storozheve in the Dnipropetrovsk and Donetsk regions respectively."
    mentions = {m.text: m for m in find_places(text, gazetteer)}
    assert mentions["Novoheorhiivka"].context_regions == ("UA.04",)
    assert mentions["Storozheve"].context_regions == ("UA.05",)


# -- the cases ------------------------------------------------------------------------
def test_kirovo_in_the_dpr_is_never_kropyvnytskyi(gazetteer):
    found = placed("Russian forces said they had taken Kirovo in the Donetsk People's Republic.", gazetteer)
    result = found["Kirovo"]
    places = [result.place] if result.place else list(result.candidates[:3])
    assert all(p.admin1 == "Donetsk Oblast" for p in places)
    assert "Kropyvnytskyi" not in {p.name for p in places}


def test_a_russian_alternate_name_of_a_far_village_reads_as_the_press_form_of_one_in_the_region(gazetteer):
    # Pleshcheyevka is on record as another name of a Mykolaiv village; read as a Russian form
    # (-eyevka for -iivka) it is the Donetsk village the text places it in
    found = placed("Russian forces liberated Pleshcheyevka in the DPR, the ministry said.", gazetteer)
    assert (found["Pleshcheyevka"].place.name, found["Pleshcheyevka"].place.admin1) == ("Pleshchiivka", "Donetsk Oblast")


def test_konstantinovka_beside_the_dpr_is_the_city_of_kostiantynivka(gazetteer):
    found = placed("Shelling of Konstantinovka in the Donetsk People's Republic went on overnight.", gazetteer)
    assert (found["Konstantinovka"].place.name, found["Konstantinovka"].place.admin1) == (
        "Kostiantynivka", "Donetsk Oblast")


@pytest.mark.parametrize("name, hint", [("Fedorovka", "Donetsk"), ("Semyonovka", "Donetsk"),
                                        ("Levadnoye", "Zaporizhzhia"), ("Novomikhailovka", "Donetsk")])
def test_an_oblast_hint_does_not_pick_among_namesakes_of_a_russian_spelling(gazetteer, name, hint):
    # GeoNames lists the Russian form for some namesakes only: the hint must not pick those
    result = resolve(name, gazetteer, hint=hint)
    assert result.status is Status.AMBIGUOUS
    assert "add a raion hint" in result.reason
    official = {"Fedorovka": "Fedorivka", "Semyonovka": "Semenivka", "Levadnoye": "Levadne",
                "Novomikhailovka": "Novomykhailivka"}[name]
    assert sum(p.admin1.startswith(hint) and p.name == official for p in result.candidates) >= 2


def test_a_far_namesake_gives_way_to_a_near_spelling(gazetteer):
    # the only Storozhove lies in Poltava Oblast; the villages named with it are by Velyka Novosilka
    found = placed("Units advanced near Velyka Novosilka, Staromaiorske and Storozhove.", gazetteer)
    result = found["Storozhove"]
    assert (result.place.name, result.place.admin1) == ("Storozheve", "Donetsk Oblast")
    assert "Poltava Oblast" in result.reason


def test_never_far_from_the_other_places_without_saying_so(gazetteer):
    found = placed("Drones struck Avdiivka, Pokrovsk and Lviv overnight.", gazetteer)
    assert found["Lviv"].place.name == "Lviv"
    assert "km from" in found["Lviv"].reason


def test_the_war_zone_prior_picks_the_one_namesake_where_fighting_is_reported(gazetteer):
    result = resolve("Avdievka", gazetteer)  # also a misspelling: read as Авдіївка
    assert (result.place.name, result.place.admin1) == ("Avdiivka", "Donetsk Oblast")


def test_a_bare_name_shared_within_the_war_zone_stays_ambiguous(gazetteer):
    result = resolve("Novomykhailivka", gazetteer)
    assert result.status is Status.AMBIGUOUS
    assert "where fighting is reported" in result.reason
    assert all(p.admin1_code in load_context().war_zone for p in result.candidates[:5])


def test_a_kursk_text_does_not_borrow_a_ukrainian_village_for_a_missing_russian_one(gazetteer):
    # the gazetteer lacks most Kursk villages under 500 people: Kurilovka is the Russian form of ten
    # Ukrainian Kurylivkas, none near; Apanasovka, which Panasivka (Sumy Oblast, 105 km off) lists, has a
    # post office (GeoNames postal export) and is placed
    found = placed("In the Kursk region, Russian troops retook Apanasovka, Kurilovka and Obukhovka.", gazetteer)
    assert found["Apanasovka"].place.admin1 == "Kursk Oblast"
    assert found["Kurilovka"].status is Status.AMBIGUOUS and "lacks" in found["Kurilovka"].reason
    assert found["Obukhovka"].place is None


def test_border_villages_from_the_postal_export_resolve_alone_and_in_their_region(gazetteer):
    # villages of the Sudzha and Korenevo districts cities500 lacks (GeoNames postal-code export)
    for name in ("Snagost", "Снагость", "Kremyanoye", "Sverdlikovo"):
        place = resolve(name, gazetteer).place
        assert place is not None and place.admin1 == "Kursk Oblast", name
    # a name the gazetteer knew already keeps its place: Sudzha is the town of cities500
    assert resolve("Sudzha", gazetteer).place.feature_code != "PPLPOST"
    # a border village whose name a Ukrainian place bears far off is there too (Martynivka of Okhtyrka
    # Raion lies 99 km from Martynovka by Sudzha): the region a text names, or its places, choose
    found = placed("Russian troops retook Martynovka, north-east of Sudzha, in the Kursk region.", gazetteer)
    assert found["Martynovka"].place.admin1 == "Kursk Oblast"
    found = placed("Russian troops shelled Martynivka in the Sumy region overnight.", gazetteer)
    assert found["Martynivka"].place.admin1 == "Sumy Oblast"
    # and the Russian form of a Ukrainian village stays that village too, for its region to choose: Zybino is
    # also a Belgorod village, 86 km from Zybyne by Vovchansk; Lomakino a Kursk one and Lomakyne a Donetsk one
    found = placed("Russian troops captured Zybino near Vovchansk in the Kharkiv region.", gazetteer)
    assert (found["Zybino"].place.name, found["Zybino"].place.admin1) == ("Zybyne", "Kharkiv Oblast")
    alone = resolve("Lomakino", gazetteer)
    assert alone.status is Status.AMBIGUOUS and {p.admin1 for p in alone.candidates} == {"Donetsk Oblast", "Kursk Oblast"}
    found = placed("Units of the Yug group liberated Lomakino in the Donetsk People's Republic.", gazetteer)
    assert found["Lomakino"].place.admin1 == "Donetsk Oblast"


def test_a_name_placed_in_its_region_once_is_placed_so_throughout_the_text(gazetteer):
    text = "Soldiers raised a flag over the Vysokopillia school. Vysokopillia, in Kherson Oblast, was retaken."
    mentions = find_places(text, gazetteer)
    results = [r for m, r in zip(mentions, resolve_mentions(mentions, gazetteer)) if m.text == "Vysokopillia"]
    assert len(results) == 2 and {r.place.admin1 for r in results} == {"Kherson Oblast"}


def test_a_city_in_a_text_about_another_region_is_still_the_city(gazetteer):
    found = placed("Fighting in the Khmelnytskyi region was light. A drone struck Mykolaiv.", gazetteer)
    assert (found["Mykolaiv"].place.admin1, found["Mykolaiv"].place.population > 400_000) == ("Mykolaiv Oblast", True)


def test_a_city_gives_way_to_a_village_of_its_name_in_the_region_named_right_after_it(gazetteer):
    found = placed("Russian troops took Zaporizhzhia in the Dnipropetrovsk region, the ministry said.", gazetteer)
    result = found["Zaporizhzhia"]
    places = [result.place] if result.place else list(result.candidates[:2])
    assert all(p.admin1 == "Dnipropetrovsk Oblast" for p in places)


# -- former names only where they fit ------------------------------------------------------------
def test_a_former_name_of_a_city_is_the_village_of_that_name_in_the_region_the_text_names(gazetteer):
    found = placed("Shelling hit Krasnyi Lyman in the Luhansk region.", gazetteer)
    assert found["Krasnyi Lyman"].place.admin1 == "Luhansk Oblast"  # not Lyman, formerly Krasnyi Lyman
    assert resolve("Krasnyy Lyman", gazetteer, hint="Donetsk").status is Status.AMBIGUOUS  # Lyman or the village


def test_a_former_name_alone_is_still_the_renamed_city(gazetteer):
    assert resolve("Dzerzhinsk", gazetteer).place.name == "Toretsk"
    assert resolve("Krasnoarmeysk", gazetteer).place.name == "Pokrovsk"


def test_a_former_name_two_towns_bore_is_the_one_the_text_names_by_its_name_of_today(gazetteer):
    # Bakhmut and Kypuche were both Artemivsk until 2016, and a village Artemivka is spelt alike
    assert resolve("Artemovsk", gazetteer).status is Status.AMBIGUOUS
    found = placed("Shelling hit Bakhmut at dawn. By noon the ministry spoke of the city of Artemovsk.", gazetteer)
    assert found["Artemovsk"].place.name == "Bakhmut"
    assert "former name" in found["Artemovsk"].reason


def test_a_name_many_places_bear_is_the_one_the_text_also_names_otherwise(gazetteer):
    # nine places are called Lyman; the text's "Krasny Liman" is the Donetsk one, and so is its "Lyman"
    assert resolve("Lyman", gazetteer).status is Status.AMBIGUOUS
    found = placed("Troops left Lyman. The ministry said they had withdrawn from Krasny Liman, as Russia calls it.", gazetteer)
    assert found["Lyman"].place.geonameid == found["Krasny Liman"].place.geonameid
    assert "which the text also names otherwise" in found["Lyman"].reason


def test_a_region_named_with_a_name_keeps_it_from_a_namesake_the_text_names(gazetteer):
    found = placed("Shelling hit Zaporizhzhia. Troops seized the village of Zaporizhzhye in the Dnipropetrovsk region.", gazetteer)
    assert found["Zaporizhzhia"].place.name == "Zaporizhzhia"
    assert found["Zaporizhzhye"].place is None or found["Zaporizhzhye"].place.name != "Zaporizhzhia"


# -- a namesake far from the Russian village it is listed with ----------------------------------
def beside_gap(text, gazetteer):
    """Settlement as written -> (its resolution after listed_beside_gap, its resolution before)."""
    from geodata.resolve import listed_beside_gap
    mentions = find_places(text, gazetteer)
    plain = resolve_mentions(mentions, gazetteer)
    return {m.text: (r, p) for m, r, p in zip(mentions, listed_beside_gap(text, mentions, plain, gazetteer), plain)}


def test_a_small_far_namesake_listed_with_a_kursk_village_is_no_match(gazetteer):
    from geodata.resolve import LISTED_BESIDE_GAP
    resolved = beside_gap("The ministry said its units had retaken Sudzha, as well as the villages of Melovoy and Guyevo.", gazetteer)
    # (the gazetteer's only Melovoy is Milove, hundreds of kilometres away in Ukraine: not on the map there)
    melovoy, _ = resolved["Melovoy"]
    assert melovoy.place is None and melovoy.reason.startswith(LISTED_BESIDE_GAP)
    assert resolved["Sudzha"][0].place.admin1 == "Kursk Oblast"


@pytest.mark.parametrize("text, name", [
    # (not listed with Sudzha, and spelt as the gazetteer names it: Milove of Kharkiv Oblast still)
    ("Sudzha was quiet on Monday; shelling was reported in Milove.", "Milove"),
    # (spelt as the gazetteer names it, in a text on the Kursk region: the Donetsk village)
    ("Russian units retook Guyevo in the Kursk region on Monday. On Tuesday they took Ocheretyne, the ministry said.",
     "Ocheretyne"),
])
def test_a_namesake_spelt_as_the_gazetteer_names_it_keeps_its_place_beside_kursk(gazetteer, text, name):
    after, before = beside_gap(text, gazetteer)[name]
    assert after.reason == before.reason


def test_a_russian_spelling_far_from_a_kursk_text_is_a_village_the_gazetteer_lacks(gazetteer):
    from geodata.resolve import SPELT_FAR_IN_GAP_TEXT
    resolved = beside_gap("Russian units retook Guyevo in the Kursk region on Monday. On Tuesday they liberated Melovoy, "
                          "the ministry said.", gazetteer)
    # (spelt otherwise than Milove, its only namesake, hundreds of kilometres from Guyevo in Kursk Oblast)
    melovoy, _ = resolved["Melovoy"]
    assert melovoy.place is None and melovoy.reason.startswith(SPELT_FAR_IN_GAP_TEXT)



def test_a_name_its_sentence_ties_to_the_kursk_region_is_a_village_there_however_big_its_namesakes(gazetteer):
    from geodata.resolve import SPELT_FAR_IN_GAP_TEXT
    # (a Nikolayevka of 14,000 people in Donetsk Oblast, and the text names Donetsk villages too)
    resolved = beside_gap("Units of the Sever group in the Kursk region liberated the settlements of Viktorovka and "
                          "Nikolayevka. Units of the Center group liberated Andreevka in the Donetsk People's Republic.", gazetteer)
    nikolayevka, before = resolved["Nikolayevka"]
    assert before.place is not None and before.place.admin1 == "Donetsk Oblast"
    assert nikolayevka.place is None and nikolayevka.reason.startswith(SPELT_FAR_IN_GAP_TEXT)
    assert resolved["Viktorovka"][0].place is None
    andreevka, _ = resolved["Andreevka"]
    assert andreevka.place is not None and andreevka.place.admin1 == "Donetsk Oblast"


def test_a_moscow_spelling_beside_the_village_s_own_name_is_that_village_in_a_text_on_the_kursk_region(gazetteer):
    # (the Sumy border village the text also names as Ukraine does, not a Kursk village the gazetteer lacks)
    resolved = beside_gap("Moscow said on Thursday that its troops had taken Novenkoye. Shelling went on across the Sumy "
                          "region and the Kursk region, and Kyiv did not comment. The Sumy regional military administration "
                          "said Novenke had not been taken.", gazetteer)
    novenke = resolved["Novenke"][0].place
    assert novenke is not None and novenke.admin1 == "Sumy Oblast"
    assert resolved["Novenkoye"][0].place == novenke


def test_a_namesake_in_the_raion_of_the_named_region_s_capital_wins_a_tie_near_the_front(gazetteer):
    # (three Zhuravkas in the Sumy region and nothing else in the text: the one in Sumy Raion, near the border;
    # in the Donetsk region, whose capital is far behind the line, a namesake stays undecided)
    zhuravka = beside_gap("The Sumy regional military administration said Russian troops had entered Zhuravka on Monday.",
                          gazetteer)["Zhuravka"][0]
    assert zhuravka.place is not None and zhuravka.place.admin2 == "Sumskyi Raion"
    assert "capital" in zhuravka.reason
    andriivka = beside_gap("Russian forces attacked Andriivka in the Donetsk region.", gazetteer)["Andriivka"][0]
    assert andriivka.place is None
    # (nor over a district the text names for it, nor in the Kharkiv region, whose capital's raion holds city districts)
    shostka = beside_gap("Russian troops captured Zhuravka in the Shostka district, the Sumy regional military administration "
                         "said.", gazetteer)["Zhuravka"][0]
    assert shostka.place is None or shostka.place.admin2 != "Sumskyi Raion"
    ivanivka = beside_gap("Russia's Defence Ministry said its troops had captured Ivanivka in the Kharkiv region.",
                          gazetteer)["Ivanivka"][0]
    assert ivanivka.place is None
