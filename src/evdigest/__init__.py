"""evdigest: bilingual (Chinese / English) digests of scientific review papers."""

from .errors import EvdigestError as EvdigestError
from .model import Entry as Entry

__version__ = "0.1.0"
