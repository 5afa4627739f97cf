"""Maintainer tools, never imported by a learner's kernel.

``build`` makes the tables in ``data/`` from the source snapshots, ``authoring`` makes the
exercises notebooks from the solutions, ``site`` builds the website and ``lockfile`` the lock
files. They may import anything in the package; nothing outside ``tools`` imports them.
"""
