"""Helpers of lesson 05, imported by the lesson's name: Intelligence security and confidentiality.

- ``figures``: the lesson's figures, each with the caption that is its text alternative.
- ``security``: small security helpers for lesson 05 (intelligence security and confidentiality).

For example ``from ctcoop.lessons.l05_intelligence_security import figures``.
"""
