"""Helpers of lesson 08, imported by the lesson's name: Legal and policy frameworks.

- ``figures``: the lesson's figures, each with the caption that is its text alternative.
- ``resolution_kinds``: the grouping of the Security Council's terrorism resolutions by kind.

For example ``from ctcoop.lessons.l08_legal_frameworks import figures``.
"""
