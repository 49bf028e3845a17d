import pytest


@pytest.fixture(autouse=True, scope="session")
def dutch_translations(qapp):
    """UI tests see the texts the app shows: Qt's own Dutch and the app's plural forms."""
    from bomenplan.ui.application import install_dutch

    return install_dutch(qapp)
