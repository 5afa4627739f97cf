"""Helpers of lesson 04, imported by the lesson's name.

Differing national interests and legal systems.

- ``figures``: the lesson's figures, each with the caption that is its text alternative.

For example ``from ctcoop.lessons.l04_interests_and_laws import figures``.
"""
