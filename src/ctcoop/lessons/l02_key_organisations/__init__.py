"""Helpers of lesson 02, imported by the lesson's name: Key international organisations.

- ``figures``: the lesson's figures, each with the caption that is its text alternative.

For example ``from ctcoop.lessons.l02_key_organisations import figures``.
"""
