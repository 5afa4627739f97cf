"""Helpers of lesson 13, imported by the lesson's name.

Lessons learned and best practices, and the capstone.

- ``figures``: the lesson's figures, each with the caption that is its text alternative.
- ``profile``: a country's cooperation profile, computed from the course tables alone.

For example ``from ctcoop.lessons.l13_lessons_learned import figures``.
"""
