"""The cost model orders fixes and says in one line why fix 1 came first."""

from shapedoctor.repair.ranking import why_first


def test_cheaper_fix_first_is_explained_by_its_cost():
    line = why_first([1, 2], [True, True])
    assert "fix 1 changes one value where the shape was made (cost 1)" in line
    assert "inserts a layer or changes a value elsewhere (cost 2)" in line


def test_equal_costs_fall_back_to_the_family_idiom_order():
    assert "cost the same (2" in why_first([2, 2], [True, True])


def test_a_lone_fix_and_an_unverified_one_say_so():
    assert "only candidate" in why_first([1], [True])
    assert "breaks an invariant" in why_first([3], [False])
    assert why_first([], []) is None
