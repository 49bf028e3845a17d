"""Route order for the controle route list: per buurt, street by street (nearest next street,
walked from its nearer end), along each street; trees without a street in a serpentine sweep."""

from bomenplan.domain.inspection_route import along_street, order_streets, route_order, sweep


def point(item):
    return item[1], item[2]


def test_trees_follow_a_north_south_street():
    trees = [("c", 5.0, 30.0), ("a", 5.0, 10.0), ("b", 5.0, 20.0)]
    assert [t[0] for t in along_street(trees, point)] == ["a", "b", "c"]


def test_next_street_is_walked_from_its_nearer_end():
    # Astraat y=0 from x=0 to 20, Bstraat parallel 100 m north: start at the westernmost tree
    # (0,0), walk Astraat east, then Bstraat from its east end (20,100) back west.
    streets = {"Bstraat": [("b0", 0.0, 100.0), ("b20", 20.0, 100.0), ("b10", 10.0, 100.0)],
               "Astraat": [("a20", 20.0, 0.0), ("a0", 0.0, 0.0), ("a10", 10.0, 0.0)]}
    assert [t[0] for t in order_streets(streets, point)] == ["a0", "a10", "a20", "b20", "b10", "b0"]


def test_trees_without_street_are_swept_in_strips():
    trees = [("ne", 10.0, 60.0), ("sw", 0.0, 0.0), ("nw", 0.0, 60.0), ("se", 10.0, 0.0)]
    assert [t[0] for t in sweep(trees, point, strip=50)] == ["sw", "se", "ne", "nw"]


def test_route_goes_buurt_by_buurt_alphabetically():
    items = [("z", 0.0, 0.0, "Zuid"), ("n2", 10.0, 0.0, "Noord"), ("n1", 0.0, 0.0, "Noord")]
    route = route_order(items, point, area=lambda i: ("W", i[3]), street=lambda _i: "Laan")
    assert [i[0] for i in route] == ["n1", "n2", "z"]
