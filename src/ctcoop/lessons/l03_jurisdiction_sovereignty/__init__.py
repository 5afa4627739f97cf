"""Helpers of lesson 03, imported by the lesson's name: Jurisdiction and sovereignty.

- ``figures``: the lesson's figures, each with the caption that is its text alternative.

For example ``from ctcoop.lessons.l03_jurisdiction_sovereignty import figures``.
"""
