"""Helpers of lesson 09, imported by the lesson's name: Emerging threats and adaptive strategies.

- ``figures``: the lesson's figures, each with the caption that is its text alternative.

For example ``from ctcoop.lessons.l09_emerging_threats import figures``.
"""
