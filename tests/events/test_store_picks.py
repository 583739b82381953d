"""Several reviews at once (an analyst's pick among namesakes applied to every claim of a name):
all or none, and kept across re-extraction like any review."""

from events import Store, extract_claims
from events.query import claims_frame
from events.store import Review


def test_a_pick_written_for_several_claims_survives_reextraction(tmp_path, gazetteer, rules, sample_articles):
    article = sample_articles["003"]
    claims = list(extract_claims(article, gazetteer, rules).claims)
    village = gazetteer.place(9114136)  # the Andriivka by Bakhmut
    picks = [Review(c.id, "move", "analyst", geonameid=village.geonameid, place_name=village.name,
                    admin1=village.admin1, lat=village.lat, lon=village.lon, note="chosen among namesakes")
             for c in claims[:2]]
    with Store(tmp_path / "c.sqlite") as store:
        store.ingest(article, claims, {}, "old-version")
        # a claim that is gone (re-extracted away meanwhile) is skipped, the others are written
        assert store.add_reviews(picks + [Review("no-such-claim", "confirm", "analyst")]) == 2
        store.ingest(article, claims, {}, rules.version)
        frame = claims_frame(store).set_index("claim_id")
        for c in claims[:2]:
            assert (frame.loc[c.id, "geonameid"], frame.loc[c.id, "place_status"]) == (9114136, "reviewed")
