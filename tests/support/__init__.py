"""Shared test support: sample exercises and bank modules that several test modules use.

Test modules import from here (``from support.samples import ...``); pytest puts
``tests/`` on ``sys.path``, so no test imports another test module.
"""

__all__: list[str] = []
