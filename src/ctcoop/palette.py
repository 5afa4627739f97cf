"""The course's colours, defined once: the Okabe-Ito palette and a few roles.

Okabe & Ito (2008), "Color Universal Design": the eight colours stay
distinguishable with the common forms of colour-vision deficiency. Figures
(``ctcoop.plots``), exercise feedback and the dashboard all take their colours
from here, so that a learner sees one consistent code across the course. This
module imports nothing, so the widgets can use it without loading matplotlib.
"""

from __future__ import annotations

__all__ = ["OKABE_ITO", "PALETTE", "NO_DATA", "NEUTRAL", "SEQUENTIAL"]

OKABE_ITO: dict[str, str] = {
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
    "black": "#000000",
}
PALETTE: list[str] = list(OKABE_ITO.values())
NO_DATA = "#DDDDDD"  # map fill where the data hold nothing
NEUTRAL = "#777777"  # grey for "not yet" and "not answered", readable on white
SEQUENTIAL = "cividis"  # perceptually uniform and colour-blind safe
