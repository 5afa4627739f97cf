"""Helpers of lesson 07, imported by the lesson's name: Technology and cooperation.

- ``figures``: the lesson's figures, each with the caption that is its text alternative.
- ``hashing``: cryptographic and perceptual hashes of images, as used when platforms share hashes.
- ``screening``: screening names against a watch list, and what the alert threshold trades.

For example ``from ctcoop.lessons.l07_technology import figures``.
"""
