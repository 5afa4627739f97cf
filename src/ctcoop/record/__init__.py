"""The learner's record: progress, its export, and the instructor's class report.

``progress`` keeps each learner's attempts in a file in their home folder; ``export`` writes a
copy for an instructor; ``class_report`` reads a class's exports. None of them imports the
exercise engine or the bank: exercise ids are plain strings here.
"""
