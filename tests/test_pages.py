"""Both language trees: same pages, same snippets in the same order, all included."""
from tests import pages


def test_every_page_has_a_twin_with_the_same_snippets(root):
    problems = pages.check_twins(root)
    assert not problems, "\n".join(problems)


def test_includes_exist_are_tested_and_cover_every_snippet(root):
    problems = pages.check_includes(root)
    assert not problems, "\n".join(problems)
