"""Helpers of lesson 10, imported by the lesson's name: Artificial intelligence and automation.

- ``figures``: the lesson's figures, each with the caption that is its text alternative.
- ``screening_rates``: screening for something rare: alarms, misses and precision.

For example ``from ctcoop.lessons.l10_ai_automation import figures``.
"""
