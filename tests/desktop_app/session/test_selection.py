"""The page's selection and filter as plain objects several views share (no Qt needed)."""
from desktop_app.selection import Selection, Shared


def test_a_selection_tells_its_listeners_who_changed_it():
    selection = Selection()
    heard = []
    stop = selection.subscribe(lambda ids, by: heard.append((ids, by)))
    assert selection.select([3, 1, 3], by="list")
    assert selection.ids == (3, 1) and heard == [((3, 1), "list")]
    assert not selection.select([3, 1], by="timeline")  # no change: nobody told
    assert selection.discard([3], by="page") and heard[-1] == ((1,), "page")
    assert len(selection) == 1
    stop()
    selection.select([7])
    assert len(heard) == 2


def test_a_shared_value_is_one_value_for_every_view():
    shown = Shared("all")
    seen_by_map, seen_by_list = [], []
    shown.subscribe(lambda value, by: by != "map" and seen_by_map.append(value))
    shown.subscribe(lambda value, by: by != "list" and seen_by_list.append(value))
    shown.set("politics", by="list")
    shown.set("weather", by="map")
    assert shown.value == "weather" and seen_by_map == ["politics"] and seen_by_list == ["weather"]
