"""The pages: includes resolve, the two languages line up, every snippet is shown."""
from tests.support import pages


def test_includes_name_real_files_and_sections(root):
    problems = pages.check_includes(root)
    assert not problems, "\n".join(problems)


def test_every_page_has_a_twin_with_the_same_skeleton(root):
    problems = pages.check_twins(root)
    assert not problems, "\n".join(problems)
