from screening.analytics.rule_names import RULE_NAMES, rule_name
from screening.rules.registry import ALWAYS_ON_RULES, load_rules


def test_every_registered_rule_has_a_plain_name():
    missing = set(load_rules()) - set(RULE_NAMES) - set(ALWAYS_ON_RULES)
    assert not missing, f"name these rules in screening/analytics/rule_names.py: {missing}"


def test_names_are_words_not_ids():
    assert rule_name("pregnancy_t2") == "Pregnant, second trimester"
    assert all("_" not in str(name) for name in RULE_NAMES.values())
