import pytest

from geodata.forms import moscow_form


@pytest.mark.parametrize("written, official, expected", [
    ("Volchansk", "Vovchansk", True),  # the Russian romanisation
    ("Avdeyevka", "Avdiivka", True),
    ("Ugledar", "Vuhledar", True),
    ("Dzerzhinsk", "Toretsk", True),  # the name Ukraine dropped in 2016
    ("Vovchansk", "Vovchansk", False),  # the official name
    ("Soledar", "Soledar", False),  # the same in both languages
])
def test_a_name_written_as_moscow_writes_it(gazetteer, written, official, expected):
    place = next(c.place for c in gazetteer.exact(official) if c.place.population > 0)
    assert moscow_form(written, place, gazetteer) is expected


@pytest.mark.parametrize("written, expected", [("Nevelskoye", True), ("Nevelske", False)])
def test_a_russian_ending_marks_the_form_of_a_village_with_no_russian_name_on_record(gazetteer, written, expected):
    place = gazetteer.place(9112915)  # Nevelske: GeoNames has no Russian name for it
    assert not place.name_ru
    assert moscow_form(written, place, gazetteer) is expected
