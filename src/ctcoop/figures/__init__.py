"""Lesson figures: one module per lesson, ``lNN_slug.py``, numbered like the lesson.

A lesson's visible code is the analysis being taught (load, filter, group);
the drawing, styling and caption-building of its figures live here, so a
learner reads a few lines and still gets a titled, labelled, colour-blind-safe
figure whose caption (its text alternative) is computed from the data.
Generic drawing helpers shared by several lessons stay in ``ctcoop.plots``.
"""

__all__: list[str] = []
