"""Build the course tables in ``data/`` from the snapshots in ``../shared/sources``.

Run ``python -m ctcoop.tools.build``; see ``data/README.md``. Each table has a pure
``build_<table>(sources: Path)`` function and a :class:`~ctcoop.tools.build.schema.Table`
specification; :data:`TABLES` lists them in build order.
"""

from __future__ import annotations

from . import (
    events,
    frameworks,
    geo,
    indicators,
    orgs,
    peaceops,
    scorecard,
    ucdp_deaths_support,
    un,
)
from .schema import Table

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        *un.TABLES,
        *orgs.TABLES,
        *events.TABLES,
        *geo.TABLES,
        *ucdp_deaths_support.TABLES,
        *indicators.TABLES,
        *peaceops.TABLES,
        *frameworks.TABLES,
        *scorecard.TABLES,
    )
}

__all__ = ["TABLES", "Table"]
