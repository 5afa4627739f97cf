"""Helpers of lesson 11, imported by the lesson's name: Strengthening multilateral partnerships.

- ``figures``: the lesson's figures, each with the caption that is its text alternative.

For example ``from ctcoop.lessons.l11_partnerships import figures``.
"""
