"""Helpers of lesson 01, imported by the lesson's name: Why states cooperate.

- ``figures``: the lesson's figures, each with the caption that is its text alternative.

For example ``from ctcoop.lessons.l01_why_cooperate import figures``.
"""
