"""Helpers of lesson 06, imported by the lesson's name.

Case studies: Abbottabad 2011, Madrid 2004, Al-Shabaab.

- ``figures``: the lesson's figures, each with the caption that is its text alternative.

For example ``from ctcoop.lessons.l06_case_studies import figures``.
"""
