"""The pages: includes resolve, every snippet is shown, the two languages line up."""
import pytest

from tests.support import pages, project


@pytest.mark.parametrize("check", [pages.check_includes, pages.check_twins], ids=["includes", "twins"])
def test_pages(check):
    assert not (problems := check(project.ROOT)), "\n".join(problems)
