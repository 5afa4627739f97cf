"""Cryptographic and perceptual hashes of images, as used when platforms share hashes.

Platforms that agree to remove the same known content share *hashes* of it, not
the content itself. A cryptographic hash (SHA-256) changes completely when a
single pixel changes, so it finds only exact copies. A perceptual hash is made
from the picture's coarse structure, so an edited copy keeps (almost) the same
hash, and two different pictures with the same structure can collide.

The perceptual hash here is ``imagehash.dhash`` (64 bits). It shrinks the
picture to a grey thumbnail 9 pixels wide and 8 high and, along each row,
compares every pixel with the one to its left: a bit is 1 where the right-hand
pixel is the brighter of the two (8 comparisons per row, 8 rows). It needs no SciPy, so it
is quick to import; industry hashes such as PDQ (256 bits, built on a discrete
cosine transform) are sturdier but rest on the same idea.
"""

from __future__ import annotations

import hashlib

import imagehash
import numpy as np
from PIL import Image

__all__ = ["sha256_hex", "perceptual_hash", "bits_differ", "to_image"]


def to_image(pixels: np.ndarray) -> Image.Image:
    """A grey-scale image from an array of brightness values 0-255."""
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), mode="L")


def sha256_hex(image: Image.Image) -> str:
    """SHA-256 of the image's size and pixel bytes, as 64 hexadecimal digits."""
    digest = hashlib.sha256(f"{image.mode}{image.size}".encode())
    digest.update(image.tobytes())
    return digest.hexdigest()


def perceptual_hash(image: Image.Image) -> str:
    """The 64-bit difference hash of the image, as 16 hexadecimal digits."""
    return str(imagehash.dhash(image))


def bits_differ(first: str, second: str) -> int:
    """How many bits differ between two hashes of equal length given in hexadecimal."""
    if len(first) != len(second):
        raise ValueError("hashes of different lengths")
    return (int(first, 16) ^ int(second, 16)).bit_count()
