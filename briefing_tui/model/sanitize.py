"""Make content strings safe to print on a terminal.

Content is untrusted. Textual strips only a few C0 controls, so ESC, OSC, C1 and bidi
overrides would otherwise reach the terminal (set its title, write the clipboard, reorder
text). Every string the model hands on passes through :func:`safe_text` first.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"

# Zero-width joiners and the soft hyphen are format characters with legitimate use in
# text (emoji sequences, Indic scripts); everything else in Cf can hide or reorder text.
_KEEP_FORMAT = {"\u200c", "\u200d", "\u00ad"}


# Every code point in Unicode categories Cc, Cf, Cs, Zl and Zp except those kept above,
# written out so importing the model costs nothing; tests/unit/test_sanitize.py checks
# the table against unicodedata.
_UNSAFE_RANGES = (
    (0x0000, 0x0008), (0x000B, 0x001F), (0x007F, 0x009F), (0x0600, 0x0605), (0x061C, 0x061C),
    (0x06DD, 0x06DD), (0x070F, 0x070F), (0x0890, 0x0891), (0x08E2, 0x08E2), (0x180E, 0x180E),
    (0x200B, 0x200B), (0x200E, 0x200F), (0x2028, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F),
    (0xD800, 0xDFFF), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD), (0x110CD, 0x110CD),
    (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
)

_UNSAFE = re.compile(
    "[" + "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in _UNSAFE_RANGES) + "]"
)


def safe_text(text: str) -> str:
    """Return ``text`` with every control, bidi, zero-width and surrogate character replaced by U+FFFD."""
    return _UNSAFE.sub(REPLACEMENT, text)


def is_safe(text: str) -> bool:
    """True when :func:`safe_text` would leave ``text`` unchanged."""
    return _UNSAFE.search(text) is None
