"""Try-it exercises for the start notebook: how the exercises and progress work.

Every statement here is true of the course's own code: hints are not recorded
(``ctcoop.exercises.widget``), the progress file holds counts and times only
(``ctcoop.record.progress``), and the dashboard's symbols (``ctcoop.dashboard``).
"""

from __future__ import annotations

from ctcoop.exercises import Matching, MultipleChoice, MultiSelect, Option

TITLE = "Start here"

EXERCISES = [
    MultipleChoice(
        id="00.hint-cost",
        title="What does a hint cost?",
        prompt=(
            "Each exercise has a **Hint** button that reveals hints one at a time. "
            "What does asking for a hint cost you?"
        ),
        options={
            "a": Option(
                "One attempt is added to your progress",
                why="No: only answers you check are counted; hints are not recorded at all.",
            ),
            "b": Option(
                "The exercise can no longer be marked as done",
                why="No: a correct answer marks the exercise done, with or without hints.",
            ),
            "c": Option(
                "Nothing: hints are not recorded anywhere",
                why="Yes: use them freely; they start gentle and get more specific.",
            ),
        },
        key="5224498f921a752ab14fac7dce6e44068d5d4aca98f617805a4a2ea1bb92e782",
        hints=[
            "Think about what a teacher would want you to do when you are stuck.",
            "The progress file only stores what happens when you press **Check**.",
        ],
        explanation=(
            "Hints are free. Try first, then ask for a hint: the first one is gentle, "
            "later ones point more directly at the answer."
        ),
    ),
    MultiSelect(
        id="00.what-is-recorded",
        title="What does your progress file keep?",
        prompt=(
            "Your progress is saved in one small file in your home folder, so that it "
            "survives closing the notebook. Tick **every** thing it keeps."
        ),
        options={
            "a": Option(
                "How many answers you checked for each exercise",
                why="Yes: the attempt count lets the dashboard show *tried*.",
            ),
            "b": Option(
                "The answers you typed, as you typed them",
                why=(
                    "No: it keeps a short fingerprint of each checked answer (a hash), so that "
                    "checking the same answer twice counts once. A fingerprint is not the text, "
                    "but for a question with a few options it could be matched back to the "
                    "option you picked."
                ),
            ),
            "c": Option(
                "Whether and when you first solved each exercise",
                why="Yes: that is what marks an exercise *done*.",
            ),
            "d": Option(
                "How many hints you asked for",
                why="No: hints are not recorded.",
            ),
            "e": Option(
                "Your name and e-mail address",
                why=(
                    "No: the file holds no personal details. Only an export for an "
                    "instructor adds a name (your hub user name, or the name or student ID "
                    "you type, or else your login name), and only when you ask for one."
                ),
            ),
        },
        key="0bfbf45f275e67d1e2829f86e5541e057c77c41ad43859e8a5eba50fdfee1e5e",
        hints=[
            "Two of the five are right.",
            "The dashboard needs to tell *done*, *tried* and *not yet* apart, and nothing more.",
        ],
        explanation=(
            "The file keeps, per exercise, the number of different answers you checked (with "
            "a fingerprint of each, so that a repeat is not counted twice), whether it is "
            "solved, when it was first solved, when you last tried, and whether you ran it "
            "in a solutions notebook (shown as *solution viewed*, never as *done*). Keeping "
            "no more than a purpose needs is called data minimisation; the course returns to it "
            "in the lesson on intelligence security."
        ),
    ),
    Matching(
        id="00.dashboard-symbols",
        title="Reading the progress dashboard",
        prompt=(
            "The dashboard marks every exercise of the course with a symbol and a word. "
            "Match each mark to its meaning."
        ),
        left={
            "done": "✓ done",
            "tried": "◐ tried",
            "not-yet": "○ not yet",
            "viewed": "◇ solution viewed",
        },
        right={
            "1": "No answer checked yet",
            "2": "Solved at least once",
            "3": "At least one answer checked, not solved yet",
            "4": "Run in a solutions notebook, which is not your own answer",
        },
        key="6409b20c99b4b66a4cdd81dc2b5058f823fad00147db09ec88eaced4d00e06b3",
        hints=[
            "A wrong answer still counts as an attempt.",
            "Once an exercise is solved, later wrong answers do not undo it.",
        ],
        explanation=(
            "Done stays done. *Tried* tells you where to go back to; *not yet* shows what "
            "is still ahead; *solution viewed* is kept apart, so that reading a solution never "
            "looks like solving the exercise, to you or to an instructor."
        ),
    ),
]
