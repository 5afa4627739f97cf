"""Helpers of lesson 12, imported by the lesson's name: Military operations and collaboration.

- ``figures``: the lesson's figures, each with the caption that is its text alternative.

For example ``from ctcoop.lessons.l12_military_operations import figures``.
"""
