"""The lessons' own helpers, one folder per lesson, numbered like the notebooks.

``lessons/l10_ai_automation/`` holds lesson 10's figures beside its screening arithmetic, so a
change to a lesson goes in the folder that bears its number. A lesson's helpers may use the
data loaders and ``ctcoop.plots``; they never import the exercise engine, the bank, the
progress record or the maintainer tools. The bank may import them to compute expected answers.
"""
