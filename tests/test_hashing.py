"""Cryptographic and perceptual hashes behave as lesson 07 says."""

from __future__ import annotations

import numpy as np
import pytest

from ctcoop.lessons.l07_technology import hashing

Y, X = np.mgrid[0:128, 0:128]
DISC = np.where((X - 64) ** 2 + (Y - 64) ** 2 < 40**2, 230, 30)


def test_one_pixel_changes_sha256_but_not_the_perceptual_hash() -> None:
    changed = DISC.copy()
    changed[0, 0] += 1
    first, second = hashing.to_image(DISC), hashing.to_image(changed)
    assert hashing.bits_differ(hashing.sha256_hex(first), hashing.sha256_hex(second)) > 64
    assert hashing.perceptual_hash(first) == hashing.perceptual_hash(second)


def test_same_pixels_same_hashes() -> None:
    assert hashing.sha256_hex(hashing.to_image(DISC)) == hashing.sha256_hex(
        hashing.to_image(DISC.copy())
    )


def test_smooth_and_stepped_gradients_collide() -> None:
    smooth, stepped = hashing.to_image(X * 2), hashing.to_image((X // 16) * 32)
    assert hashing.sha256_hex(smooth) != hashing.sha256_hex(stepped)
    assert hashing.perceptual_hash(smooth) == hashing.perceptual_hash(stepped)


def test_hash_lengths_and_bit_counts() -> None:
    image = hashing.to_image(DISC)
    assert len(hashing.sha256_hex(image)) == 64
    assert len(hashing.perceptual_hash(image)) == 16
    assert hashing.bits_differ("0f", "f0") == 8
    with pytest.raises(ValueError):
        hashing.bits_differ("0f", "0ff")
