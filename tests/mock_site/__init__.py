"""A local replica of Meta's AI-objection pages for tests and demos.

    site = MockSite().start()          # 127.0.0.1, a free port
    site.configure(locale="de", widgets="custom", simulate_person=True)
    ... drive a browser at site.base_url + "/help/contact/712876720715583" ...
    site.submissions, site.events, site.issued_codes
    site.stop()

See README.md beside this file for the pages, the variants and the recorded data.
"""

from .server import MockSite
from .state import Variant

__all__ = ["MockSite", "Variant"]
